#include "materials/paint/paint_bsdf.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "materials/bsdf/conductor.h"
#include "materials/bsdf/dielectric.h"
#include "materials/bsdf/fresnel.h"
#include "materials/bsdf/microfacet.h"
#include "materials/bsdf/sampling.h"
#include "materials/paint/paint_bsdf_lobes.h"
#include "materials/paint/paint_bsdf_tables.h"
#include "materials/paint/paint_bulk.h"
#include "materials/paint/paint_walk.h"

namespace limner {

namespace {

// Share of the reference pdf given to a plain cosine lobe, so that every direction a walk can
// leave by has a positive density.
constexpr float kReferenceCosineShare = 0.25f;

// The paint reflects on whichever side wo lies: a pair with wo below is mirrored above.
glm::vec3 flipped(const glm::vec3& w, float flip) { return {w.x, w.y, w.z * flip}; }
float flip_of(const glm::vec3& wo) { return wo.z < 0.0f ? -1.0f : 1.0f; }

// Hemispherical (cosine-weighted) albedo of directional entry j's lobe, one wavelength.
float lobe_hemispherical_albedo(const PaintBsdf& b, const PaintDirectional& d, int i) {
  if (d.layer >= 0) return fresnel_conductor_average(d.flakes.eta[i], d.flakes.k[i]);
  if (auto* c = std::get_if<ConductorBsdf>(&b.substrate))
    return fresnel_conductor_average(c->eta[i], c->k[i]);
  float eta = std::get<DielectricBsdf>(b.substrate).eta;
  if (eta >= 1.0f) return fresnel_dielectric_average(eta);
  // From the denser side: 1 - k2 = (1 - k1) / n^2 with n the inverse relative index.
  return 1.0f - (1.0f - fresnel_dielectric_average(1.0f / eta)) * eta * eta;
}

// Share of the single flake bounce in a flake layer: light reaching depth x unscattered,
// meeting a flake there (rate phi) and coming back up unscattered, integrated over the layer
// (a = (K + S) d, f = phi d).
float single_flake_bounce(float a, float f) {
  float s = a + f;
  if (s < 1e-6f) return f;
  return f / (2.0f * s) * (1.0f - std::exp(-2.0f * s));
}

// exp(-x) for 0 <= x <= 87 (callers clamp): 2^i 2^f with f in (-1, 0] by a degree-7 Taylor
// polynomial (relative error < 2e-6). Inline, with no comparisons, so that the loops over the four
// wavelengths below vectorise (strict floating point forbids turning branches into selects).
inline float exp_negative(float x) {
  float t = -x * 1.44269504f;   // log2(e) (-x)
  int i = static_cast<int>(t);  // rounds towards zero: f = t - i in (-1, 0]
  float f = (t - static_cast<float>(i)) * 0.69314718f;
  float p =
      1.0f +
      f * (1.0f + f * (0.5f + f * (1.0f / 6 +
                                   f * (1.0f / 24 +
                                        f * (1.0f / 120 + f * (1.0f / 720 + f * (1.0f / 5040)))))));
  int bits = (i + 127) << 23;
  float scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}

// g(x) = (1 - e^-2x) / 2x near 0 (x <= kSmallX): 1 - x + 2/3 x^2 - x^3 / 3.
constexpr float kSmallX = 1e-2f;
inline float g_series(float x) { return 1.0f - x * (1.0f - x * (2.0f / 3.0f - x / 3.0f)); }

// Adds a KM layer of optical thicknesses k = K d, s = S d over reflectance r (km.h's
// km_layer and km_over_substrate, in float for the four wavelengths at once). With
// x = b s, g = sinh(x) e^-x / x: R = s g / (a s g + cosh(x) e^-x), T = e^-x / (same), which
// stays finite for K = 0 (b = 0: R = S d / (1 + S d)) and S -> 0 (T = e^-K d).
void km_add_layer(const SampledSpectrum& k_in, const SampledSpectrum& s_in, SampledSpectrum& r) {
  // Separate simple loops: GCC vectorises each (min and max only stay branch-free alone).
  float k[kLambdas], s[kLambdas], x[kLambdas], lo[kLambdas], hi[kLambdas], e1[kLambdas];
  float xe[kLambdas];
  for (int i = 0; i < kLambdas; ++i) s[i] = std::max(s_in[i], 1e-7f);
  for (int i = 0; i < kLambdas; ++i) {
    k[i] = k_in[i];
    float q = k[i] / s[i];
    x[i] = std::sqrt(q * (2.0f + q)) * s[i];
  }
  for (int i = 0; i < kLambdas; ++i) lo[i] = std::min(x[i], kSmallX);
  for (int i = 0; i < kLambdas; ++i) hi[i] = std::max(x[i], kSmallX);
  // e^-40 is nothing next to 1, and keeps e^-2x a normal float (subnormals are slow).
  for (int i = 0; i < kLambdas; ++i) xe[i] = std::min(x[i], 40.0f);
  for (int i = 0; i < kLambdas; ++i) e1[i] = exp_negative(xe[i]);
  for (int i = 0; i < kLambdas; ++i) {
    float e2 = e1[i] * e1[i];
    // The series below kSmallX (where 1 - e^-2x cancels), the closed form above:
    // g = series(min(x, c)) + closed(max(x, c)) - series(c), where e^-2 max(x, c) is
    // e^-2x e^-2d with d = max(x, c) - x <= c small enough for a short series.
    float d = hi[i] - x[i];
    float e2_hi = e2 * (1.0f - 2.0f * d * (1.0f - d * (1.0f - d * (2.0f / 3.0f))));
    float g = g_series(lo[i]) + 0.5f * (1.0f - e2_hi) / hi[i] - g_series(kSmallX);
    float denom = (s[i] + k[i]) * g + 0.5f * (1.0f + e2);  // a s g with a = 1 + k / s
    float lr = s[i] * g / denom, lt = e1[i] / denom, rg = r[i];
    r[i] = lr + lt * lt * rg / (1.0f - lr * rg);
  }
}

// Unscattered attenuations A_j (there and back) and albedos A_j rho_j, top down; returns the
// substrate's hemispherical albedo for KM (rg) per wavelength.
SampledSpectrum prepare_directional(PaintBsdf& b, SampledSpectrum* rho_flake) {
  SampledSpectrum above(1.0f);
  for (int l = b.directional_count > 0 ? b.slab_count - 1 : -1; l >= 0; --l) {
    const PaintSlab& s = b.slabs[l];
    SampledSpectrum a = s.kd + s.sd;
    if (s.flake >= 0) {
      PaintDirectional& d = b.directional[s.flake];
      for (int i = 0; i < kLambdas; ++i) {
        rho_flake[l][i] = lobe_hemispherical_albedo(b, d, i);
        d.attenuation[i] = above[i] * above[i] * single_flake_bounce(a[i], s.flake_d);
        d.albedo[i] = d.attenuation[i] * rho_flake[l][i];
      }
    }
    for (int i = 0; i < kLambdas; ++i) {  // flushed to 0 before it could turn subnormal
      above[i] *= exp_negative(std::min(a[i] + s.flake_d, 40.0f));
      if (above[i] < 1e-15f) above[i] = 0.0f;
    }
  }
  SampledSpectrum rg(0.0f);
  if (auto* diffuse = std::get_if<DiffuseBsdf>(&b.substrate)) {
    for (int i = 0; i < kLambdas; ++i) rg[i] = std::clamp(diffuse->reflectance[i], 0.0f, 1.0f);
  }
  for (int j = 0; j < b.directional_count; ++j) {
    PaintDirectional& d = b.directional[j];
    if (d.layer >= 0) continue;
    for (int i = 0; i < kLambdas; ++i) {
      rg[i] = lobe_hemispherical_albedo(b, d, i);
      d.attenuation[i] = above[i] * above[i];
      d.albedo[i] = d.attenuation[i] * rg[i];
    }
  }
  return rg;
}

// Cosine-weighted mean 2 int e(mu) mu dmu of entry d's multi-bounce albedo (6-point
// Gauss-Legendre; e is smooth).
SampledSpectrum chain_average(const PaintBsdf& b, const PaintDirectional& d) {
  static const float x[6] = {0.0337652429f, 0.1693953068f, 0.3806904070f,
                             0.6193095930f, 0.8306046932f, 0.9662347571f};
  static const float w[6] = {0.0856622462f, 0.1803807865f, 0.2339569673f,
                             0.2339569673f, 0.1803807865f, 0.0856622462f};
  SampledSpectrum sum(0.0f);
  for (int k = 0; k < 6; ++k) sum += multi_bounce_escape(b, d, x[k]) * (2.0f * w[k] * x[k]);
  return sum;
}

}  // namespace

void paint_prepare_fast_path(PaintBsdf& b) {
  SampledSpectrum rho_flake[kMaxPaintLayers];
  SampledSpectrum rg = prepare_directional(b, rho_flake);
  SampledSpectrum r = rg, single(0.0f);
  for (int l = 0; l < b.slab_count; ++l) {  // flakes add absorption and scattering (KM)
    const PaintSlab& s = b.slabs[l];
    if (s.flake < 0) {
      km_add_layer(s.kd, s.sd, r);
    } else {
      SampledSpectrum lost = (SampledSpectrum(1.0f) - rho_flake[l]) * s.flake_d;
      km_add_layer(s.kd + lost, s.sd + rho_flake[l] * s.flake_d, r);
    }
  }
  for (int j = 0; j < b.directional_count; ++j) single += b.directional[j].albedo;
  // Light first returned by scattering is diffuse; the finish sends k2 of it back to the
  // whole body. Directional returns are the lobes' (single and multiple bounces).
  float k2 = b.has_finish ? b.k2 : 0.0f;
  for (int i = 0; i < kLambdas; ++i)
    b.body[i] = std::max(0.0f, r[i] - single[i]) / (1.0f - k2 * r[i]);
  for (int j = 0; j < b.directional_count; ++j) {
    PaintDirectional& d = b.directional[j];
    if (!d.chain) continue;
    d.chain_albedo = chain_bounce_albedo(b, d);
    d.chain_average = chain_average(b, d);
  }
  if (b.bulk) paint_prepare_bulk(b, rho_flake, rg);
}

bool paint_is_delta(const PaintBsdf& b) {
  if (b.bulk && b.bulk_q.max_value() > 0.0f) return false;
  if (b.has_finish && !is_smooth_alpha(b.finish.alpha)) return false;
  if (b.body.max_value() > 0.0f) return false;
  for (int j = 0; j < b.directional_count; ++j)
    if (!directional_is_delta(b, b.directional[j]) && b.directional[j].albedo.max_value() > 0)
      return false;
  return true;
}

SampledSpectrum paint_eval(const PaintBsdf& b, const glm::vec3& wo_in, const glm::vec3& wi_in,
                           TransportMode mode) {
  if (b.bulk && (wo_in.z < 0.0f || wi_in.z < 0.0f)) return bulk_eval(b, wo_in, wi_in, mode);
  if (wo_in.z * wi_in.z <= 0.0f) return SampledSpectrum(0.0f);
  float flip = flip_of(wo_in);
  glm::vec3 wo = flipped(wo_in, flip), wi = flipped(wi_in, flip);
  if (b.reference) return paint_walk_eval(b, wo, wi);
  return fast_eval(b, wo, wi);
}

namespace {

// The reflection's density (both directions on one side, mirrored above).
float reflection_pdf(const PaintBsdf& b, const glm::vec3& wo_in, const glm::vec3& wi_in) {
  if (wo_in.z * wi_in.z <= 0.0f) return 0.0f;
  float flip = flip_of(wo_in);
  glm::vec3 wo = flipped(wo_in, flip), wi = flipped(wi_in, flip);
  float p = fast_pdf(b, wo, wi);
  if (!b.reference) return p;
  return (1.0f - kReferenceCosineShare) * p + kReferenceCosineShare * cosine_hemisphere_pdf(wi.z);
}

std::optional<BsdfSample> reflection_sample(const PaintBsdf& b, const glm::vec3& wo_in, float uc,
                                            const glm::vec2& u) {
  float flip = flip_of(wo_in);
  glm::vec3 wo = flipped(wo_in, flip);
  std::optional<BsdfSample> s;
  if (b.reference) {
    auto exit = paint_walk_sample(b, wo, uc, u);
    if (!exit) return std::nullopt;
    s = BsdfSample{};
    s->wi = exit->wi;
    s->specular = exit->specular;
    s->pdf = exit->specular ? 1.0f : reflection_pdf(b, wo, exit->wi);
    if (!(s->pdf > 0.0f)) return std::nullopt;
    s->f = exit->weight * (s->pdf / std::fabs(exit->wi.z));
  } else {
    s = fast_sample(b, wo, uc, u);
  }
  if (s) s->wi = flipped(s->wi, flip);
  return s;
}

}  // namespace

float paint_pdf(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  if (!b.bulk) return reflection_pdf(b, wo, wi);
  if (wo.z < 0.0f || wi.z < 0.0f) return bulk_pdf(b, wo, wi);
  return (1.0f - bulk_transmission_probability(b, wo)) * reflection_pdf(b, wo, wi);
}

std::optional<BsdfSample> paint_sample(const PaintBsdf& b, const glm::vec3& wo, float uc,
                                       const glm::vec2& u, TransportMode mode) {
  if (wo.z == 0.0f) return std::nullopt;
  if (!b.bulk) return reflection_sample(b, wo, uc, u);
  if (wo.z < 0.0f) return bulk_sample_below(b, wo, uc, u, mode);
  float pt = bulk_transmission_probability(b, wo);
  if (uc < pt) return bulk_sample_transmission(b, wo, u, mode);
  auto s = reflection_sample(b, wo, std::min((uc - pt) / (1.0f - pt), 0x1.fffffep-1f), u);
  if (s) s->pdf *= 1.0f - pt;  // f stays: a reference walk's f is relative to its own pdf
  return s;
}

}  // namespace limner
