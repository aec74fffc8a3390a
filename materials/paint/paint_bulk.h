// Paint over a translucent bulk: a `paint` whose substrate is a `subsurface` material.
//
// The stack sits on the bulk's dielectric boundary (index n_b = the subsurface `ior`). Light
// the Kubelka-Munk layers pass down crosses into the bulk, and light from inside the bulk comes
// back out through the layers and the finish. The paint BSDF then has three parts:
//   wo above, wi above: the paint's reflection (paint_bsdf.h), unchanged (the boundary is the
//     substrate: its Fresnel reflection a directional lobe, its diffuse reflectance rho the
//     KM background);
//   wo and wi on opposite sides: a diffuse transmission lobe;
//   wo below, wi below: a diffuse reflection back into the bulk.
// All are closed forms of the same diffuse flux bookkeeping, so that together they conserve
// energy exactly where the fast path does (KM layers: R + T + absorbed = 1).
//
// FLUXES (diffuse, per wavelength; the stack of N slabs as one KM element with reflectances
// R_a from above, R_b from below and transmittance T, by the adding formulas; flake layers add
// their absorption and scattering as in the fast path):
//   finish from inside: reflects k2 (Saunderson), lets out 1 - k2; from air T(mu) = 1 - R_f(mu)
//   boundary from the binder: reflects rho, transmits 1 - rho into the bulk
//   boundary from the bulk:   reflects rho', transmits 1 - rho' = (n / n_b)^2 (1 - rho)
//     (diffuse transmittances across an interface differ by the squared index ratio).
// From above, per unit flux entering through the finish:
//   R_L = R_a + T^2 rho / (1 - R_b rho) (the body's KM reflectance, as the fast path)
//   Q   = T (1 - rho) / ((1 - R_b rho) (1 - k2 R_L))  into the bulk (finish bounces included)
// From below, per unit flux in the bulk reaching the paint:
//   R_U = R_b + T^2 k2 / (1 - R_a k2)  (the stack under the finish, seen from below)
//   R_below = rho' + (1 - rho') (1 - rho) R_U / (1 - rho R_U)   back into the bulk
//   out = (1 - rho') T (1 - k2) / ((1 - R_a k2) (1 - rho R_U)) = (n / n_b)^2 (1 - k2) Q
//   (the two denominators are equal: (1 - R_a k2)(1 - rho R_U) = (1 - R_b rho)(1 - k2 R_L)).
//
// BSDF (Radiance mode; light leaving through the finish has the body's angular shape
// T(mu) / (pi n^2 (1 - k2)), light entering the bulk is cosine-distributed there):
//   wo above, wi below: f = T(mu_o) Q(mu_o) / (pi n_b^2)
//   wo below, wi above: f = T(mu_i) Q(mu_i) / pi   (Q(mu): see ANGLE below)
//   wo below, wi below: f = R_below / pi
// These satisfy the reciprocity of refraction, f(wo, wi) / n(wo)^2 = f(wi, wo) / n(wi)^2
// (n(w) the index on w's side), and Importance mode is the adjoint f*(wo, wi) = f(wi, wo). In
// flux (Importance mode): from above T(mu_o) Q goes into the bulk; from below R_below + out.
// The crossing's relative index (BsdfSample::eta) is n_b going in, 1 / n_b coming out.
//
// ANGLE. Unscattered light (A = exp(-sum (K + S) d) of it, one way) meets the boundary at its
// refracted angle, where the fast path's directional lobe reflects F(mu_t), not KM's average
// rho. Where F > rho (towards grazing) that lobe reflects more than KM counted, so the
// transmission gives it up: Q(mu) = max(0, Q - A max(0, F(mu_t) - rho)), mu the air-side
// cosine (at least the extra reflected, so never a gain; adding back where F < rho was tried
// and overshoots by ~3%). Q(mu) is used on both sides (a function of the air-side direction:
// still reciprocal), and R_below takes up the flux this removes from below, so from below
// R_below + out stays exact. From above, reflection + transmission of non-absorbing layers
// is then 0.93-1.0 (tested: the fast path's own directional approximations lose the rest).
//
// APPROXIMATIONS: transmission is diffuse (KM's fluxes are diffuse by assumption: a thin clear
// glaze over a clear bulk frosts what is seen through it); the boundary's reflection from below
// (rho', including total internal reflection when n_b > n) is folded into the diffuse lobe;
// the stochastic reference walk (PaintBsdf::reference) is used for the reflection above only.
//
// SAMPLING: from above, the transmission lobe (cosine below) with probability
// T(mu_o) mean(Q) / (that + the reflection's albedo estimate), else the paint's own sampling;
// from below, the two cosine lobes by their albedos.
#pragma once
#include <optional>

#include "materials/bsdf/bsdf.h"

namespace limner {

// Fills bulk_q and bulk_r_below from the slabs (rho_flake[l]: flake albedo of slab l),
// rho = the boundary's diffuse reflectance from the binder; paint_prepare_fast_path calls it.
void paint_prepare_bulk(PaintBsdf& b, const SampledSpectrum* rho_flake,
                        const SampledSpectrum& rho);

// Finish transmittance from air, T(mu) (1 without a finish); binder index n (1 without).
float paint_finish_transmittance(const PaintBsdf& b, float mu);

// The parts involving the bulk side; wo and wi as given (not mirrored). `reflect_*` are the
// paint's own reflection functions for wo and wi both above (wo.z > 0).
SampledSpectrum bulk_eval(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi,
                          TransportMode mode);
// Probability of sampling the transmission lobe from above (wo.z > 0).
float bulk_transmission_probability(const PaintBsdf& b, const glm::vec3& wo);
// Density of the bulk lobes at wi (not including the reflection above, which the caller
// weights by 1 - bulk_transmission_probability).
float bulk_pdf(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi);
// From below (wo.z < 0): samples one of the two cosine lobes.
std::optional<BsdfSample> bulk_sample_below(const PaintBsdf& b, const glm::vec3& wo, float uc,
                                            const glm::vec2& u, TransportMode mode);
// From above: the transmission lobe (cosine below).
std::optional<BsdfSample> bulk_sample_transmission(const PaintBsdf& b, const glm::vec3& wo,
                                                   const glm::vec2& u, TransportMode mode);

}  // namespace limner
