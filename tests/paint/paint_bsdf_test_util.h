// Shared helpers of the paint BSDF tests: stacks built from plain K and S, and albedos.
#pragma once
#include <cmath>
#include <functional>
#include <vector>

#include "materials/material.h"
#include "materials/paint/paint_bsdf.h"
#include "tests/materials/bsdf_test_util.h"

namespace limner::test {

inline SampledWavelengths test_wavelengths() {
  SampledWavelengths wl;
  wl.lambda = {450.0f, 530.0f, 610.0f, 690.0f};
  wl.pdf = {1.0f, 1.0f, 1.0f, 1.0f};
  return wl;
}

// A layer of constant K and S (per mm) and thickness (um).
inline PaintLayer km_layer_of(float k, float s, float thickness_um) {
  PaintLayer l;
  l.paint.k_per_mm = Spectrum::constant(k);
  l.paint.s_per_mm = Spectrum::constant(s);
  l.thickness_um = thickness_um;
  return l;
}

inline PaintFinish rough_finish(float alpha, float ior = 1.5f) {
  PaintFinish f;
  f.roughness = alpha;
  f.ior = ior;
  return f;
}

inline PaintFinish no_finish() {
  PaintFinish f;
  f.none = true;
  return f;
}

// The PaintBsdf points into tables the material owns: keep the material alive.
inline PaintBsdf paint_bsdf_of(const Material& m, bool reference = false,
                               const ShadingContext& ctx = ShadingContext{}) {
  PaintBsdf b = std::get<PaintBsdf>(material_bsdf(m, test_wavelengths(), ctx));
  b.reference = reference;
  return b;
}
PaintBsdf paint_bsdf_of(Material&& m, bool reference = false,
                        const ShadingContext& ctx = ShadingContext{}) = delete;

// Directional albedo by the BSDF's own sampling (delta lobes included), n samples.
inline double sampled_albedo(const PaintBsdf& b, const glm::vec3& wo, int n, uint64_t seed) {
  return albedo_by_sampling(Bsdf(b), wo, TransportMode::Radiance, n, seed);
}

// Directional albedo of the reference walk: the mean throughput of n walks.
inline double walk_albedo(PaintBsdf b, const glm::vec3& wo, int n, uint64_t seed) {
  b.reference = true;
  return sampled_albedo(b, wo, n, seed);
}

// Mean and standard error of the walk's throughput from wo.
struct Estimate {
  double mean = 0.0, error = 0.0;
};
inline Estimate walk_estimate(PaintBsdf b, const glm::vec3& wo, int n, uint64_t seed) {
  b.reference = true;
  Rng rng(seed);
  double sum = 0.0, sum2 = 0.0;
  for (int i = 0; i < n; ++i) {
    float uc = rng.uniform();
    auto s = bsdf_sample(Bsdf(b), wo, uc, rng.uniform2());
    double w = s && s->pdf > 0.0f ? s->f.average() * std::fabs(s->wi.z) / s->pdf : 0.0;
    sum += w;
    sum2 += w * w;
  }
  Estimate e;
  e.mean = sum / n;
  e.error = std::sqrt(std::max(0.0, sum2 / n - e.mean * e.mean) / n);
  return e;
}

// Reflectance under diffuse light, 2 int a(mu) mu dmu: the mean albedo seen from directions
// drawn cosine-weighted, one sample each. `keep` filters which sampled directions count.
inline double diffuse_reflectance(
    const Bsdf& b, int n, uint64_t seed,
    const std::function<bool(const BsdfSample&)>& keep = [](const BsdfSample&) { return true; }) {
  Rng rng(seed);
  double sum = 0.0;
  for (int i = 0; i < n; ++i) {
    glm::vec2 u = rng.uniform2();
    float r = std::sqrt(u.x), phi = 6.2831853f * u.y;
    glm::vec3 wo(r * std::cos(phi), r * std::sin(phi), std::sqrt(std::max(0.0f, 1.0f - u.x)));
    float uc = rng.uniform();
    auto s = bsdf_sample(b, wo, uc, rng.uniform2(), TransportMode::Importance);
    if (s && s->pdf > 0.0f && keep(*s)) sum += s->f.average() * std::fabs(s->wi.z) / s->pdf;
  }
  return sum / n;
}

inline double diffuse_reflectance(const PaintBsdf& b, int n, uint64_t seed) {
  return diffuse_reflectance(Bsdf(b), n, seed);
}

// The same per wavelength.
inline SampledSpectrum diffuse_reflectance_spectrum(const PaintBsdf& paint, int n, uint64_t seed) {
  Bsdf b(paint);
  Rng rng(seed);
  double sum[kLambdas] = {};
  for (int i = 0; i < n; ++i) {
    glm::vec2 u = rng.uniform2();
    float r = std::sqrt(u.x), phi = 6.2831853f * u.y;
    glm::vec3 wo(r * std::cos(phi), r * std::sin(phi), std::sqrt(std::max(0.0f, 1.0f - u.x)));
    float uc = rng.uniform();
    auto s = bsdf_sample(b, wo, uc, rng.uniform2());
    if (!s || !(s->pdf > 0.0f)) continue;
    for (int l = 0; l < kLambdas; ++l) sum[l] += s->f[l] * std::fabs(s->wi.z) / s->pdf;
  }
  SampledSpectrum out;
  for (int l = 0; l < kLambdas; ++l) out[l] = static_cast<float>(sum[l] / n);
  return out;
}

}  // namespace limner::test
