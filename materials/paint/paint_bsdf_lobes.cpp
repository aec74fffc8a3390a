#include "materials/paint/paint_bsdf_lobes.h"

#include <algorithm>
#include <cmath>

#include "materials/bsdf/conductor.h"
#include "materials/bsdf/dielectric.h"
#include "materials/bsdf/fresnel.h"
#include "materials/bsdf/microfacet.h"
#include "materials/bsdf/sampling.h"
#include "materials/paint/paint_bsdf_tables.h"

namespace limner {

namespace {

bool rough_finish(const PaintBsdf& b) { return b.has_finish && !is_smooth_alpha(b.finish.alpha); }
float binder_eta(const PaintBsdf& b) { return b.has_finish ? b.finish.eta : 1.0f; }
float transmittance(const PaintBsdf& b, float mu) { return 1.0f - finish_reflectance(b, mu); }

// Directional entry d's lobe at the fast path's widened roughness. A substrate lobe is a
// conductor or a dielectric (reflection only matters: what it transmits is lost).
using Lobe = std::variant<ConductorBsdf, DielectricBsdf>;

Lobe lobe_of(const PaintBsdf& b, const PaintDirectional& d) {
  if (d.layer < 0) {
    if (auto* s = std::get_if<DielectricBsdf>(&b.substrate)) {
      DielectricBsdf r = *s;
      r.alpha = d.alpha_eff;
      return r;
    }
  }
  ConductorBsdf c = d.layer >= 0 ? d.flakes : std::get<ConductorBsdf>(b.substrate);
  c.alpha = d.alpha_eff;
  c.energy = d.energy_eff;
  return c;
}

SampledSpectrum lobe_eval(const Lobe& l, const glm::vec3& wo, const glm::vec3& wi) {
  if (auto* c = std::get_if<ConductorBsdf>(&l)) return conductor_eval(*c, wo, wi);
  return SampledSpectrum(
      dielectric_eval(std::get<DielectricBsdf>(l), wo, wi, TransportMode::Radiance));
}

float lobe_pdf(const Lobe& l, const glm::vec3& wo, const glm::vec3& wi) {
  if (auto* c = std::get_if<ConductorBsdf>(&l)) return conductor_pdf(*c, wo, wi);
  return dielectric_pdf(std::get<DielectricBsdf>(l), wo, wi);
}

std::optional<BsdfSample> lobe_sample(const Lobe& l, const glm::vec3& wo, float uc,
                                      const glm::vec2& u) {
  if (auto* c = std::get_if<ConductorBsdf>(&l)) return conductor_sample(*c, wo, uc, u);
  return dielectric_sample(std::get<DielectricBsdf>(l), wo, uc, u, TransportMode::Radiance);
}

SampledSpectrum mirror_reflectance(const Lobe& l, float mu) {
  if (auto* c = std::get_if<ConductorBsdf>(&l)) return fresnel_conductor(mu, c->eta, c->k);
  return SampledSpectrum(fresnel_dielectric(mu, std::get<DielectricBsdf>(l).eta));
}

glm::vec3 into_binder(const PaintBsdf& b, const glm::vec3& w) {
  return b.has_finish ? refract_into_binder(w, b.finish.eta) : w;
}

// Leaving the binder along w_t (cosine mu_t): the finish's transmittance from below.
float inside_transmittance(const PaintBsdf& b, float mu_t) {
  return b.has_finish ? 1.0f - b.finish_table->inside_reflectance(mu_t) : 1.0f;
}

// Light enters with the air-side transmittance and leaves with the binder-side one (much
// lower under a rough finish, whose tilted facets reflect light from below totally); the
// mean of both directions of travel keeps the lobe reciprocal.
float coupling(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wo_t, const glm::vec3& wi,
               const glm::vec3& wi_t) {
  float in_out = transmittance(b, wo.z) * inside_transmittance(b, wi_t.z);
  float out_in = transmittance(b, wi.z) * inside_transmittance(b, wo_t.z);
  float n = binder_eta(b);
  return 0.5f * (in_out + out_in) / (n * n);
}

SampledSpectrum directional_eval(const PaintBsdf& b, const PaintDirectional& d, const glm::vec3& wo,
                                 const glm::vec3& wi) {
  glm::vec3 wo_t = into_binder(b, wo), wi_t = into_binder(b, wi);
  float t = coupling(b, wo, wo_t, wi, wi_t);
  return lobe_eval(lobe_of(b, d), wo_t, wi_t) * (d.attenuation * t);
}

// Density over outside directions: dw_t / dw = mu / (n^2 mu_t) (Snell).
float directional_pdf(const PaintBsdf& b, const PaintDirectional& d, const glm::vec3& wo,
                      const glm::vec3& wi) {
  glm::vec3 wi_t = into_binder(b, wi);
  float n = binder_eta(b);
  return lobe_pdf(lobe_of(b, d), into_binder(b, wo), wi_t) * wi.z / (n * n * wi_t.z);
}

std::optional<glm::vec3> directional_sample(const PaintBsdf& b, const PaintDirectional& d,
                                            const glm::vec3& wo, float uc, const glm::vec2& u) {
  auto s = lobe_sample(lobe_of(b, d), into_binder(b, wo), uc, u);
  if (!s || s->wi.z <= 0.0f) return std::nullopt;  // transmitted into a dielectric substrate
  if (!b.has_finish) return s->wi;
  glm::vec3 out;
  if (!refract_out_of_binder(s->wi, b.finish.eta, &out)) return std::nullopt;  // trapped
  return out;
}

// Weight (f |cos| / delta) of everything that leaves in the mirror direction: the smooth
// finish's reflection, and mirrors under it.
SampledSpectrum mirror_weight(const PaintBsdf& b, const glm::vec3& wo) {
  bool smooth_finish = b.has_finish && !rough_finish(b);
  SampledSpectrum w(smooth_finish ? finish_reflectance(b, wo.z) : 0.0f);
  float t = transmittance(b, wo.z), mu_t = into_binder(b, wo).z;
  float r_in = b.has_finish ? b.finish_table->inside_reflectance(mu_t) : 0.0f;
  for (int j = 0; j < b.directional_count; ++j) {
    const PaintDirectional& d = b.directional[j];
    if (!directional_is_delta(b, d)) continue;
    // Bounces between a mirror and the finish stay in the mirror direction: in, then a
    // geometric series in A F R_inside, then out.
    SampledSpectrum a = mirror_reflectance(lobe_of(b, d), mu_t) * d.attenuation;
    for (int i = 0; i < kLambdas; ++i) w[i] += t * (1.0f - r_in) * a[i] / (1.0f - a[i] * r_in);
  }
  return w;
}

// Lobe selection weights at wo: each lobe's albedo estimate.
struct LobeWeights {
  float mirror = 0.0f, spec = 0.0f, body = 0.0f;
  float dir[kMaxPaintFlakeLayers + 1] = {};
  float total = 0.0f;
};

LobeWeights lobe_weights(const PaintBsdf& b, const glm::vec3& wo) {
  LobeWeights w;
  float t = transmittance(b, wo.z);
  w.mirror = mirror_weight(b, wo).average();
  w.body = t * (1.0f - (b.has_finish ? b.k2 : 0.0f)) * b.body.average();
  if (rough_finish(b)) {
    w.spec = b.finish_table->single(wo.z);
    w.body += b.finish_table->ms(wo.z);  // the compensation lobe is sampled as cosine
  }
  for (int j = 0; j < b.directional_count; ++j) {
    const PaintDirectional& d = b.directional[j];
    if (directional_is_delta(b, d)) continue;
    w.dir[j] = t * d.albedo.average() * d.escape;
    w.body += multi_bounce_escape(b, d, wo.z).average();  // sampled as cosine
  }
  w.total = w.mirror + w.spec + w.body;
  for (int j = 0; j < b.directional_count; ++j) w.total += w.dir[j];
  return w;
}

// The finish's reflection at (wo, wi): value (single scattering and its energy
// compensation, the same as dielectric_eval without recomputing the compensation's
// coefficients) and visible-normal sampling density, G1(wo) D(wm) / (4 wo.z).
struct SpecTerms {
  float f = 0.0f, pdf = 0.0f;
};
SpecTerms spec_terms(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi, bool want_f) {
  SpecTerms t;
  glm::vec3 h = wo + wi;
  float len2 = glm::dot(h, h);
  if (!(len2 > 0.0f)) return t;
  glm::vec3 wm = h / std::sqrt(len2);
  Ggx ggx{b.finish.alpha};
  float d = ggx.d(wm);
  t.pdf = ggx.g1(wo) * d / (4.0f * wo.z);
  if (!want_f) return t;
  t.f =
      d * ggx.g(wo, wi) * fresnel_dielectric(glm::dot(wo, wm), b.finish.eta) / (4.0f * wo.z * wi.z);
  const PaintFinishTable& ft = *b.finish_table;
  if (ft.ms_average > 0.0f) t.f += ft.ms(wo.z) * ft.ms(wi.z) / (kPi * ft.ms_average);
  return t;
}

float spec_pdf(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  return spec_terms(b, wo, wi, false).pdf;
}

// `spec_density`: the finish's visible-normal density at the pair, if known (< 0: not yet).
float pdf_with(const PaintBsdf& b, const LobeWeights& w, const glm::vec3& wo, const glm::vec3& wi,
               float spec_density = -1.0f) {
  if (!(w.total > 0.0f) || wi.z <= 0.0f) return 0.0f;
  float p = w.body * cosine_hemisphere_pdf(wi.z);
  if (w.spec > 0.0f) p += w.spec * (spec_density >= 0.0f ? spec_density : spec_pdf(b, wo, wi));
  for (int j = 0; j < b.directional_count; ++j)
    if (w.dir[j] > 0.0f) p += w.dir[j] * directional_pdf(b, b.directional[j], wo, wi);
  return p / w.total;
}

// Picks a non-mirror lobe with x in [0, total - mirror) and samples a direction from it.
std::optional<glm::vec3> sample_lobe(const PaintBsdf& b, const LobeWeights& w, const glm::vec3& wo,
                                     float x, const glm::vec2& u) {
  if (x < w.spec) {
    glm::vec3 wi = reflect(wo, Ggx{b.finish.alpha}.sample_visible(wo, u));
    return wi.z > 0.0f ? std::optional<glm::vec3>(wi) : std::nullopt;
  }
  x -= w.spec;
  if (x < w.body || b.directional_count == 0) return sample_cosine_hemisphere(u);
  x -= w.body;
  int last = -1;
  for (int j = 0; j < b.directional_count; ++j) {
    if (!(w.dir[j] > 0.0f)) continue;
    last = j;
    if (x < w.dir[j]) return directional_sample(b, b.directional[j], wo, x / w.dir[j], u);
    x -= w.dir[j];
  }
  if (last < 0) return sample_cosine_hemisphere(u);
  return directional_sample(b, b.directional[last], wo, 0.999999f, u);  // rounding at the end
}

}  // namespace

float finish_reflectance(const PaintBsdf& b, float mu) {
  if (!b.has_finish) return 0.0f;
  if (!rough_finish(b)) return fresnel_dielectric(mu, b.finish.eta);
  return b.finish_table->reflectance(mu);
}

SampledSpectrum multi_bounce_escape(const PaintBsdf& b, const PaintDirectional& d, float mu) {
  SampledSpectrum e(0.0f);
  if (!d.chain) return e;
  float t = transmittance(b, mu);
  // The first bounce happens at the refracted entry angle.
  SampledSpectrum a0 =
      mirror_reflectance(
          lobe_of(b, d),
          refract_into_binder({std::sqrt(std::max(0.0f, 1.0f - mu * mu)), 0.0f, mu}, binder_eta(b))
              .z) *
      d.attenuation;
  for (int i = 0; i < kLambdas; ++i) e[i] = t * d.chain->escape(mu, a0[i], d.chain_albedo[i]);
  return e;
}

SampledSpectrum chain_bounce_albedo(const PaintBsdf& b, const PaintDirectional& d) {
  float n = binder_eta(b);
  float critical = std::sqrt(std::max(0.0f, 1.0f - 1.0f / (n * n)));
  return mirror_reflectance(lobe_of(b, d), critical) * d.attenuation;
}

bool directional_is_delta(const PaintBsdf& b, const PaintDirectional& d) {
  if (d.layer >= 0 || std::holds_alternative<ConductorBsdf>(b.substrate))
    return is_smooth_alpha(d.alpha_eff);
  return is_smooth_alpha(d.alpha_eff) || std::get<DielectricBsdf>(b.substrate).eta == 1.0f;
}

namespace {

// f(wo, wi) given the finish's terms at the pair (computed by the caller).
SampledSpectrum eval_with(const PaintBsdf& b, const SpecTerms& spec, const glm::vec3& wo,
                          const glm::vec3& wi) {
  SampledSpectrum f(spec.f);
  float n = binder_eta(b);
  f += b.body * (transmittance(b, wo.z) * transmittance(b, wi.z) * kInvPi / (n * n));
  for (int j = 0; j < b.directional_count; ++j) {
    const PaintDirectional& d = b.directional[j];
    if (directional_is_delta(b, d)) continue;
    f += directional_eval(b, d, wo, wi);
    if (d.chain)  // reciprocal: e(mu_o) e(mu_i) / (pi e_avg) has albedo e(mu_o)
      f += safe_div(multi_bounce_escape(b, d, wo.z) * multi_bounce_escape(b, d, wi.z),
                    d.chain_average * kPi);
  }
  return f;
}

}  // namespace

SampledSpectrum fast_eval(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  if (wo.z <= 0.0f || wi.z <= 0.0f) return SampledSpectrum(0.0f);
  SpecTerms spec = rough_finish(b) ? spec_terms(b, wo, wi, true) : SpecTerms{};
  return eval_with(b, spec, wo, wi);
}

float fast_pdf(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  if (wo.z <= 0.0f) return 0.0f;
  return pdf_with(b, lobe_weights(b, wo), wo, wi);
}

std::optional<BsdfSample> fast_sample(const PaintBsdf& b, const glm::vec3& wo, float uc,
                                      const glm::vec2& u) {
  LobeWeights w = lobe_weights(b, wo);
  if (!(w.total > 0.0f)) return std::nullopt;
  float x = uc * w.total;
  BsdfSample s;
  if (x < w.mirror) {
    s.wi = {-wo.x, -wo.y, wo.z};
    s.f = mirror_weight(b, wo) / wo.z;
    s.pdf = w.mirror / w.total;
    s.specular = true;
    return s;
  }
  auto wi = sample_lobe(b, w, wo, x - w.mirror, u);
  if (!wi || wi->z <= 0.0f) return std::nullopt;
  s.wi = *wi;
  SpecTerms spec = rough_finish(b) ? spec_terms(b, wo, s.wi, true) : SpecTerms{};
  s.pdf = pdf_with(b, w, wo, s.wi, spec.pdf);
  if (!(s.pdf > 0.0f)) return std::nullopt;
  s.f = eval_with(b, spec, wo, s.wi);
  return s;
}

}  // namespace limner
