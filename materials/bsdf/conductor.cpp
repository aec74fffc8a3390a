#include "materials/bsdf/conductor.h"

#include <algorithm>
#include <cmath>

#include "materials/bsdf/fresnel.h"
#include "materials/bsdf/microfacet.h"
#include "materials/bsdf/sampling.h"

namespace limner {

namespace {

// Reflection only depends on the pair's geometry relative to the surface, so both sides are
// handled by working with wo flipped into z > 0 (flip = -1 for wo below).
glm::vec3 flipped(const glm::vec3& w, float flip) { return {w.x, w.y, w.z * flip}; }
float flip_of(const glm::vec3& wo) { return wo.z < 0.0f ? -1.0f : 1.0f; }

bool has_compensation(const ConductorBsdf& b) {
  return b.energy != nullptr && b.energy->e_avg < 1.0f - 1e-6f;
}

float missing_energy(const EnergyTable& t, float mu) {
  return std::clamp(1.0f - t.lookup(mu), 0.0f, 1.0f);
}

// Probability of sampling the multiple-scattering lobe instead of the visible normals.
float ms_probability(const ConductorBsdf& b, float cos_o) {
  return has_compensation(b) ? missing_energy(*b.energy, cos_o) : 0.0f;
}

SampledSpectrum single_scattering(const ConductorBsdf& b, const glm::vec3& wo,
                                  const glm::vec3& wi) {
  glm::vec3 wm = wo + wi;
  if (glm::dot(wm, wm) == 0.0f) return SampledSpectrum(0.0f);
  wm = glm::normalize(wm);
  Ggx ggx{b.alpha};
  float dg = ggx.d(wm) * ggx.g(wo, wi) / (4.0f * wo.z * wi.z);
  return fresnel_conductor(glm::dot(wo, wm), b.eta, b.k) * dg;
}

SampledSpectrum multiple_scattering(const ConductorBsdf& b, const glm::vec3& wo,
                                    const glm::vec3& wi) {
  const EnergyTable& t = *b.energy;
  float e_avg = t.e_avg;
  float lobe = missing_energy(t, wo.z) * missing_energy(t, wi.z) / (kPi * (1.0f - e_avg));
  SampledSpectrum f;
  for (int i = 0; i < kLambdas; ++i) {
    float f_avg = fresnel_conductor_average(b.eta[i], b.k[i]);
    f[i] = lobe * f_avg * f_avg * e_avg / (1.0f - f_avg * (1.0f - e_avg));
  }
  return f;
}

// All three below expect wo.z > 0 (already flipped) and a rough surface.
SampledSpectrum rough_eval(const ConductorBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  if (wo.z <= 0.0f || wi.z <= 0.0f) return SampledSpectrum(0.0f);
  SampledSpectrum f = single_scattering(b, wo, wi);
  if (has_compensation(b)) f += multiple_scattering(b, wo, wi);
  return f;
}

float rough_pdf(const ConductorBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  if (wo.z <= 0.0f || wi.z <= 0.0f) return 0.0f;
  glm::vec3 wm = wo + wi;
  if (glm::dot(wm, wm) == 0.0f) return 0.0f;
  wm = glm::normalize(wm);
  // Reflection maps dm to dwi with Jacobian 1 / (4 |wo.m|).
  float vndf = Ggx{b.alpha}.d_visible(wo, wm) / (4.0f * glm::dot(wo, wm));
  float p_ms = ms_probability(b, wo.z);
  return (1.0f - p_ms) * vndf + p_ms * cosine_hemisphere_pdf(wi.z);
}

BsdfSample mirror_sample(const ConductorBsdf& b, const glm::vec3& wo) {
  BsdfSample s;
  s.wi = {-wo.x, -wo.y, wo.z};
  float c = std::fabs(wo.z);
  s.f = fresnel_conductor(c, b.eta, b.k) / c;
  s.pdf = 1.0f;
  s.specular = true;
  return s;
}

}  // namespace

bool conductor_is_delta(const ConductorBsdf& b) { return is_smooth_alpha(b.alpha); }

SampledSpectrum conductor_eval(const ConductorBsdf& b, const glm::vec3& wo,
                               const glm::vec3& wi) {
  if (conductor_is_delta(b)) return SampledSpectrum(0.0f);
  float flip = flip_of(wo);
  return rough_eval(b, flipped(wo, flip), flipped(wi, flip));
}

float conductor_pdf(const ConductorBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  if (conductor_is_delta(b)) return 0.0f;
  float flip = flip_of(wo);
  return rough_pdf(b, flipped(wo, flip), flipped(wi, flip));
}

std::optional<BsdfSample> conductor_sample(const ConductorBsdf& b, const glm::vec3& wo_in,
                                           float uc, const glm::vec2& u) {
  if (wo_in.z == 0.0f) return std::nullopt;
  if (conductor_is_delta(b)) return mirror_sample(b, wo_in);
  float flip = flip_of(wo_in);
  glm::vec3 wo = flipped(wo_in, flip);
  glm::vec3 wi;
  if (uc < ms_probability(b, wo.z)) {
    wi = sample_cosine_hemisphere(u);
  } else {
    wi = reflect(wo, Ggx{b.alpha}.sample_visible(wo, u));
    if (wi.z <= 0.0f) return std::nullopt;  // reflected into the surface: masked
  }
  BsdfSample s;
  s.pdf = rough_pdf(b, wo, wi);
  if (!(s.pdf > 0.0f)) return std::nullopt;
  s.f = rough_eval(b, wo, wi);
  s.wi = flipped(wi, flip);
  return s;
}

}  // namespace limner
