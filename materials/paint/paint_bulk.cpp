#include "materials/paint/paint_bulk.h"

#include <algorithm>
#include <cmath>

#include "materials/bsdf/fresnel.h"
#include "materials/bsdf/sampling.h"
#include "materials/paint/km.h"
#include "materials/paint/paint_bsdf_lobes.h"
#include "materials/paint/paint_bsdf_tables.h"

namespace limner {

namespace {

float binder_n(const PaintBsdf& b) { return b.has_finish ? b.finish.eta : 1.0f; }
float internal_k2(const PaintBsdf& b) { return b.has_finish ? b.k2 : 0.0f; }

// The stack as one KM element: reflectances from above (ra) and below (rb), transmittance t,
// built bottom-up by the adding formulas (one wavelength).
struct StackFluxes {
  double ra = 0.0, rb = 0.0, t = 1.0;
};

StackFluxes stack_fluxes(const PaintBsdf& b, const SampledSpectrum* rho_flake, int i) {
  StackFluxes s;
  for (int l = 0; l < b.slab_count; ++l) {
    const PaintSlab& slab = b.slabs[l];
    double k = slab.kd[i], sc = slab.sd[i];
    if (slab.flake >= 0) {  // flakes as extra absorption and scattering, as the fast path
      k += (1.0 - rho_flake[l][i]) * slab.flake_d;
      sc += rho_flake[l][i] * slab.flake_d;
    }
    KmLayer layer = km_layer(k, sc, 1.0);
    double denom = 1.0 - s.ra * layer.r;  // bounces between this layer and those below
    double ra = layer.r + layer.t * layer.t * s.ra / denom;
    s.rb += s.t * s.t * layer.r / denom;
    s.t = layer.t * s.t / denom;
    s.ra = ra;
  }
  return s;
}

// Q(mu) for the air-side cosine mu (see ANGLE in paint_bulk.h).
SampledSpectrum q_at(const PaintBsdf& b, float mu) {
  mu = std::fabs(mu);
  float mu_t = mu;
  if (b.has_finish)
    mu_t = refract_into_binder({std::sqrt(std::max(0.0f, 1.0f - mu * mu)), 0.0f, mu},
                               b.finish.eta).z;
  const auto* boundary = std::get_if<DielectricBsdf>(&b.substrate);
  float f = boundary ? fresnel_dielectric(mu_t, boundary->eta) : 0.0f;
  SampledSpectrum q = b.bulk_q;
  for (int i = 0; i < kLambdas; ++i) {
    float a = b.bulk_direct[i];
    q[i] = std::max(q[i] - a * std::max(f - b.bulk_rho, 0.0f), 0.0f);
  }
  return q;
}

float cosine_below_pdf(const glm::vec3& w) {
  return w.z < 0.0f ? cosine_hemisphere_pdf(w.z) : 0.0f;
}
float cosine_above_pdf(const glm::vec3& w) {
  return w.z > 0.0f ? cosine_hemisphere_pdf(w.z) : 0.0f;
}

// Radiance-mode value for pairs with at least one direction below (see paint_bulk.h).
SampledSpectrum radiance_value(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  if (wo.z > 0.0f && wi.z < 0.0f)
    return q_at(b, wo.z) *
           (paint_finish_transmittance(b, wo.z) * kInvPi / (b.bulk_ior * b.bulk_ior));
  if (wo.z < 0.0f && wi.z > 0.0f)
    return q_at(b, wi.z) * (paint_finish_transmittance(b, wi.z) * kInvPi);
  if (wo.z < 0.0f && wi.z < 0.0f) return b.bulk_r_below * kInvPi;
  return SampledSpectrum(0.0f);
}

// Flux leaving upwards per unit flux from below, and its share among the lobes below.
float probability_up(const PaintBsdf& b) {
  float n = binder_n(b);
  float up = b.bulk_q.average() * (n * n) * (1.0f - internal_k2(b)) / (b.bulk_ior * b.bulk_ior);
  float down = b.bulk_r_below.average();
  if (!(up + down > 0.0f)) return 0.5f;
  return up / (up + down);
}

}  // namespace

void paint_prepare_bulk(PaintBsdf& b, const SampledSpectrum* rho_flake,
                        const SampledSpectrum& rho) {
  double k2 = internal_k2(b), ratio = binder_n(b) / b.bulk_ior;
  for (int i = 0; i < kLambdas; ++i) {
    StackFluxes s = stack_fluxes(b, rho_flake, i);
    double p = std::clamp(double(rho[i]), 0.0, 1.0);
    double r_l = s.ra + s.t * s.t * p / (1.0 - s.rb * p);
    double q = s.t * (1.0 - p) / ((1.0 - s.rb * p) * (1.0 - k2 * r_l));
    double r_u = s.rb + s.t * s.t * k2 / (1.0 - s.ra * k2);
    double enter = std::min(1.0, ratio * ratio * (1.0 - p));  // 1 - rho' from the bulk side
    double r_below = (1.0 - enter) + enter * (1.0 - p) * r_u / (1.0 - p * r_u);
    b.bulk_q[i] = float(q);
    b.bulk_r_below[i] = float(r_below);
    double a = 1.0;
    for (int l = 0; l < b.slab_count; ++l)
      a *= std::exp(-double(b.slabs[l].kd[i] + b.slabs[l].sd[i] + b.slabs[l].flake_d));
    b.bulk_direct[i] = float(a);
  }
  b.bulk_rho = std::clamp(rho.average(), 0.0f, 1.0f);
  // From below, out = 2 int T(mu) Q(mu) mu dmu / n_b^2 instead of (1 - k1) Q / n_b^2: take the
  // difference from R_below (8-point Gauss-Legendre on [0, 1]).
  static const float x[8] = {0.0198550718f, 0.1016667613f, 0.2372337950f, 0.4082826788f,
                             0.5917173212f, 0.7627662050f, 0.8983332387f, 0.9801449282f};
  static const float w[8] = {0.0506142681f, 0.1111905172f, 0.1568533229f, 0.1813418917f,
                             0.1813418917f, 0.1568533229f, 0.1111905172f, 0.0506142681f};
  SampledSpectrum extra(0.0f);
  for (int k = 0; k < 8; ++k)
    extra += (q_at(b, x[k]) - b.bulk_q) *
             (2.0f * w[k] * x[k] * paint_finish_transmittance(b, x[k]));
  extra /= b.bulk_ior * b.bulk_ior;
  for (int i = 0; i < kLambdas; ++i)
    b.bulk_r_below[i] = std::clamp(b.bulk_r_below[i] - extra[i], 0.0f, 1.0f);
}

float paint_finish_transmittance(const PaintBsdf& b, float mu) {
  return 1.0f - finish_reflectance(b, std::fabs(mu));
}

SampledSpectrum bulk_eval(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi,
                          TransportMode mode) {
  // Importance mode is the adjoint: f*(wo, wi) = f(wi, wo).
  return mode == TransportMode::Radiance ? radiance_value(b, wo, wi) : radiance_value(b, wi, wo);
}

float bulk_transmission_probability(const PaintBsdf& b, const glm::vec3& wo) {
  if (!(b.bulk_q.max_value() > 0.0f) || wo.z <= 0.0f) return 0.0f;
  float t = paint_finish_transmittance(b, wo.z);
  float trans = t * q_at(b, wo.z).average();
  // The reflection's albedo, roughly: the finish, the body and the directional lobes.
  float refl = finish_reflectance(b, wo.z) + t * (1.0f - internal_k2(b)) * b.body.average();
  for (int j = 0; j < b.directional_count; ++j) refl += t * b.directional[j].albedo.average();
  return std::clamp(trans / (trans + std::max(refl, 0.05f)), 0.02f, 0.98f);
}

float bulk_pdf(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  if (wo.z > 0.0f) return bulk_transmission_probability(b, wo) * cosine_below_pdf(wi);
  if (wo.z < 0.0f) {
    float up = probability_up(b);
    return up * cosine_above_pdf(wi) + (1.0f - up) * cosine_below_pdf(wi);
  }
  return 0.0f;
}

std::optional<BsdfSample> bulk_sample_below(const PaintBsdf& b, const glm::vec3& wo, float uc,
                                            const glm::vec2& u, TransportMode mode) {
  float up = probability_up(b);
  BsdfSample s;
  s.wi = sample_cosine_hemisphere(u);
  s.transmission = uc < up;
  if (!s.transmission) s.wi.z = -s.wi.z;
  s.eta = s.transmission ? 1.0f / b.bulk_ior : 1.0f;
  s.pdf = bulk_pdf(b, wo, s.wi);
  if (!(s.pdf > 0.0f)) return std::nullopt;
  s.f = bulk_eval(b, wo, s.wi, mode);
  return s;
}

std::optional<BsdfSample> bulk_sample_transmission(const PaintBsdf& b, const glm::vec3& wo,
                                                   const glm::vec2& u, TransportMode mode) {
  BsdfSample s;
  s.wi = sample_cosine_hemisphere(u);
  s.wi.z = -s.wi.z;
  s.transmission = true;
  s.eta = b.bulk_ior;
  s.pdf = bulk_pdf(b, wo, s.wi);
  if (!(s.pdf > 0.0f)) return std::nullopt;
  s.f = bulk_eval(b, wo, s.wi, mode);
  return s;
}

}  // namespace limner
