#include "materials/fabric/fabric_bsdf.h"

#include <algorithm>
#include <cmath>

#include "materials/bsdf/conductor.h"
#include "materials/bsdf/dielectric.h"
#include "materials/bsdf/diffuse.h"
#include "materials/bsdf/sheen.h"
#include "materials/paint/paint_bsdf.h"

namespace limner {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

SampledSpectrum base_eval(const FabricBaseBsdf& b, const glm::vec3& wo, const glm::vec3& wi,
                          TransportMode mode) {
  return std::visit(
      Overloaded{
          [&](const DiffuseBsdf& d) { return diffuse_eval(d, wo, wi); },
          [&](const ConductorBsdf& c) { return conductor_eval(c, wo, wi); },
          [&](const DielectricBsdf& d) {
            return SampledSpectrum(dielectric_eval(d, wo, wi, mode));
          },
          [&](const PaintBsdf& p) { return paint_eval(p, wo, wi, mode); },
      },
      b);
}

float base_pdf(const FabricBaseBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  return std::visit(Overloaded{
                        [&](const DiffuseBsdf&) { return diffuse_pdf(wo, wi); },
                        [&](const ConductorBsdf& c) { return conductor_pdf(c, wo, wi); },
                        [&](const DielectricBsdf& d) { return dielectric_pdf(d, wo, wi); },
                        [&](const PaintBsdf& p) { return paint_pdf(p, wo, wi); },
                    },
                    b);
}

std::optional<BsdfSample> base_sample(const FabricBaseBsdf& b, const glm::vec3& wo, float uc,
                                      const glm::vec2& u, TransportMode mode) {
  return std::visit(
      Overloaded{
          [&](const DiffuseBsdf& d) { return diffuse_sample(d, wo, u); },
          [&](const ConductorBsdf& c) { return conductor_sample(c, wo, uc, u); },
          [&](const DielectricBsdf& d) { return dielectric_sample(d, wo, uc, u, mode); },
          [&](const PaintBsdf& p) { return paint_sample(p, wo, uc, u, mode); },
      },
      b);
}

bool base_is_delta(const FabricBaseBsdf& b) {
  return std::visit(Overloaded{
                        [](const DiffuseBsdf&) { return false; },
                        [](const ConductorBsdf& c) { return conductor_is_delta(c); },
                        [](const DielectricBsdf& d) { return dielectric_is_delta(d); },
                        [](const PaintBsdf& p) { return paint_is_delta(p); },
                    },
                    b);
}

// Whether direction w is on the side the sheen covers (see SIDES in fabric_bsdf.h).
bool on_sheen_side(const FabricBsdf& b, const glm::vec3& wo, const glm::vec3& w) {
  const auto* paint = std::get_if<PaintBsdf>(&b.base);
  if (std::holds_alternative<DielectricBsdf>(b.base) || (paint && paint->bulk)) return w.z > 0.0f;
  return w.z * wo.z > 0.0f;
}

SampledSpectrum base_scale(const FabricBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  const SheenBsdf& s = b.sheen;
  SampledSpectrum one(1.0f);
  if (std::holds_alternative<DiffuseBsdf>(b.base)) {
    SampledSpectrum avg_loss = one - s.color * s.tables->albedo.e_avg;
    return safe_div((one - sheen_albedo(s, wo.z)) * (one - sheen_albedo(s, wi.z)), avg_loss);
  }
  if (on_sheen_side(b, wo, wo)) return one - sheen_albedo(s, wo.z);
  if (on_sheen_side(b, wo, wi)) return one - sheen_albedo(s, wi.z);
  return one;
}

SampledSpectrum sheen_term(const FabricBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  if (!on_sheen_side(b, wo, wo) || !on_sheen_side(b, wo, wi)) return SampledSpectrum(0.0f);
  return sheen_eval(b.sheen, wo, wi);
}

float sheen_probability(const FabricBsdf& b, const glm::vec3& wo) {
  if (b.sheen.color.is_black() || !on_sheen_side(b, wo, wo)) return 0.0f;
  return std::clamp(sheen_albedo(b.sheen, wo.z).average(), 0.1f, 0.9f);
}

}  // namespace

SampledSpectrum fabric_eval(const FabricBsdf& b, const glm::vec3& wo, const glm::vec3& wi,
                            TransportMode mode) {
  return sheen_term(b, wo, wi) + base_scale(b, wo, wi) * base_eval(b.base, wo, wi, mode);
}

float fabric_pdf(const FabricBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  float ps = sheen_probability(b, wo);
  float pdf = (1.0f - ps) * base_pdf(b.base, wo, wi);
  if (ps > 0.0f && on_sheen_side(b, wo, wi)) pdf += ps * sheen_pdf(wo, wi);
  return pdf;
}

std::optional<BsdfSample> fabric_sample(const FabricBsdf& b, const glm::vec3& wo, float uc,
                                        const glm::vec2& u, TransportMode mode) {
  if (wo.z == 0.0f) return std::nullopt;
  float ps = sheen_probability(b, wo);
  if (uc < ps) {
    BsdfSample s;
    s.wi = sheen_sample_direction(wo, u);
    s.pdf = fabric_pdf(b, wo, s.wi);
    if (!(s.pdf > 0.0f)) return std::nullopt;
    s.f = fabric_eval(b, wo, s.wi, mode);
    return s;
  }
  float uc_base = std::min((uc - ps) / (1.0f - ps), 0x1.fffffep-1f);
  std::optional<BsdfSample> s = base_sample(b.base, wo, uc_base, u, mode);
  if (!s) return std::nullopt;
  SampledSpectrum scale = base_scale(b, wo, s->wi);
  if (s->specular) {
    s->f *= scale;
    s->pdf *= 1.0f - ps;
    return s;
  }
  // The base's own f for its sample (a paint's reference walk returns its throughput, not
  // its averaged eval), plus the sheen for the same direction.
  s->f = scale * s->f + sheen_term(b, wo, s->wi);
  s->pdf = (1.0f - ps) * s->pdf;
  if (ps > 0.0f && on_sheen_side(b, wo, s->wi)) s->pdf += ps * sheen_pdf(wo, s->wi);
  return s;
}

bool fabric_is_delta(const FabricBsdf& b) {
  return b.sheen.color.is_black() && base_is_delta(b.base);
}

}  // namespace limner
