// The one place that dispatches over the Bsdf variant: each method is a single std::visit.
#include "materials/bsdf/bsdf.h"

#include "materials/bsdf/conductor.h"
#include "materials/bsdf/dielectric.h"
#include "materials/bsdf/diffuse.h"
#include "materials/fabric/fabric_bsdf.h"
#include "materials/paint/paint_bsdf.h"

namespace limner {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace

SampledSpectrum bsdf_eval(const Bsdf& b, const glm::vec3& wo, const glm::vec3& wi,
                          TransportMode mode) {
  return std::visit(
      Overloaded{
          [&](const DiffuseBsdf& d) { return diffuse_eval(d, wo, wi); },
          [&](const ConductorBsdf& c) { return conductor_eval(c, wo, wi); },
          [&](const DielectricBsdf& d) {
            return SampledSpectrum(dielectric_eval(d, wo, wi, mode));
          },
          [&](const PaintBsdf& p) { return paint_eval(p, wo, wi, mode); },
          [&](const FabricBsdf& f) { return fabric_eval(f, wo, wi, mode); },
      },
      b);
}

float bsdf_pdf(const Bsdf& b, const glm::vec3& wo, const glm::vec3& wi, TransportMode) {
  return std::visit(Overloaded{
                        [&](const DiffuseBsdf&) { return diffuse_pdf(wo, wi); },
                        [&](const ConductorBsdf& c) { return conductor_pdf(c, wo, wi); },
                        [&](const DielectricBsdf& d) { return dielectric_pdf(d, wo, wi); },
                        [&](const PaintBsdf& p) { return paint_pdf(p, wo, wi); },
                        [&](const FabricBsdf& f) { return fabric_pdf(f, wo, wi); },
                    },
                    b);
}

std::optional<BsdfSample> bsdf_sample(const Bsdf& b, const glm::vec3& wo, float uc,
                                      const glm::vec2& u, TransportMode mode) {
  return std::visit(
      Overloaded{
          [&](const DiffuseBsdf& d) { return diffuse_sample(d, wo, u); },
          [&](const ConductorBsdf& c) { return conductor_sample(c, wo, uc, u); },
          [&](const DielectricBsdf& d) { return dielectric_sample(d, wo, uc, u, mode); },
          [&](const PaintBsdf& p) { return paint_sample(p, wo, uc, u, mode); },
          [&](const FabricBsdf& f) { return fabric_sample(f, wo, uc, u, mode); },
      },
      b);
}

bool bsdf_is_delta(const Bsdf& b) {
  return std::visit(Overloaded{
                        [](const DiffuseBsdf&) { return false; },
                        [](const ConductorBsdf& c) { return conductor_is_delta(c); },
                        [](const DielectricBsdf& d) { return dielectric_is_delta(d); },
                        [](const PaintBsdf& p) { return paint_is_delta(p); },
                        [](const FabricBsdf& f) { return fabric_is_delta(f); },
                    },
                    b);
}

}  // namespace limner
