// Layered paint BSDF: a finish (rough dielectric, or none) over N paint slabs over a substrate.
// Reflection only, two-sided like DiffuseBsdf (a pair below the surface is mirrored above),
// except over a subsurface bulk (materials/paint/paint_bulk.h: diffuse transmission into and
// out of the bulk). Radiance and Importance modes agree for the reflection.
//
// THE SLAB MODEL. A layer is the stochastic process Kubelka-Munk's two-flux equations describe:
// light crossing depth dz is absorbed with probability K dz and sent back into the opposite
// hemisphere with probability S dz, the new direction cosine-distributed; rates are per unit
// depth whatever the direction (KM's fluxes are diffuse by assumption). This is the radiative
// transfer of a slab whose extinction per unit path length is (K + S) |cos theta| with a
// "reversing" phase function; under diffuse light it reproduces KM's R and T exactly, which
// the measured K/S data need. (The textbook mapping sigma_a = K/2, sigma_s = 4S/3 with
// isotropic scattering matches KM only in the diffusion limit: a clear glaze with K d = 1 over
// a 0.9 white under a smooth varnish reflects 0.21 of diffuse light by radiative transfer and
// 0.14 by KM + Saunderson, so it is not used.) Layers
// share one binder (no interfaces between them). Metal flakes are a second kind of event at
// rate phi per depth, phi d = -ln(1 - coverage): the light meets a flake facing up (or its
// underside, going up) and reflects off it as off a rough conductor (GGX alpha = the flakes'
// roughness, the metal's n, k relative to the binder); the binder around it tints what reaches
// it and what comes back. The substrate is its own BSDF seen from the binder (indices
// relative to the binder; light a dielectric substrate transmits leaves the paint and is lost:
// the paint is reflection only).
//
// REFERENCE (PaintBsdf::reference): a position-free random walk through this stack (Guo et
// al. 2018; pbrt-v4's LayeredBxDF generalised to N slabs and flakes): free flights in depth
// with one-sample spectral MIS over the four wavelengths, absorption as weight, the finish
// sampled as a DielectricBsdf on the way in and out, the substrate and flakes as BSDFs.
// sample() returns the walk's exit direction and throughput; eval() averages kEvalWalks walks
// with next-event estimation through the finish (MIS against walks that hit it); both are
// seeded from their arguments. pdf() is deterministic: the fast path's pdf mixed with a
// cosine lobe, so that MIS weights stay consistent; a reference sample returns
// f = throughput * pdf / |cos|.
//
// FAST PATH (default): closed forms and tables for the same model.
//   f = f_spec + f_body + sum_j (f_dir_j + f_chain_j)
//   f_spec: the finish's reflection (the DielectricBsdf's single scattering and its energy
//     compensation lobe, tabulated by paint_bsdf_tables.h).
//   f_body = T(mu_o) T(mu_i) D / (pi n^2), T = 1 - R_finish(mu) (tabulated), n = binder index:
//     light entering through the finish is diffuse in the body, whose KM reflectance R (KM
//     adding of the slabs over the substrate's hemispherical albedo; flakes add phi (1 - rho)
//     to K d and phi rho to S d) returns it; the finish reflects k2 of it back (Saunderson):
//     D = U / (1 - k2 R), U = R - sum_j A_j rho_j. Without directional reflectors U = R and
//     the diffuse-light reflectance is saunderson(R, k1, k2) exactly (k1 = the finish's
//     diffuse reflectance, 1 - k1 = n^2 (1 - k2)). Reciprocal.
//   Directional reflectors j (a conductor or dielectric substrate, each flake layer) are seen
//   through the finish, each with A_j its unscattered attenuation there and back (angle-free
//   in this slab model) and rho_j its lobe's hemispherical albedo:
//   f_dir_j = A_j f_j(wo_t, wi_t) c(wo, wi): the single bounce. wo_t, wi_t are refracted by
//     the flat finish; f_j is the lobe widened by the rough finish (facets turn the light
//     ~alpha_f (1 - 1/n) each way: alpha^2 + ((n - 1) / (sqrt(2) n) alpha_f)^2); the coupling
//     c = (T(mu_o) T_in(mu_it) + T(mu_i) T_in(mu_ot)) / (2 n^2) enters with the air-side and
//     leaves with the binder-side transmittance T_in (lower: tilted facets reflect light from
//     below totally), symmetrised to stay reciprocal.
//   f_chain_j = e(mu_o) e(mu_i) / (pi e_avg): light the finish sends back down bounces
//     between it and the reflector, keeping its angle, largely beyond the critical angle: a
//     table per reflector (transfer matrices over cosine bins, built with F = 1) gives the
//     escaping share after 1 (beyond the cone only), 2, 3 ... bounces; with albedo A F at the
//     entry angle for the first bounce and A F at the critical angle for the others,
//     e(mu) = T(mu) E(mu). The separable form is reciprocal and has albedo e(mu_o).
//   Without a finish: T = 1, n = 1, k2 = 0, no f_spec and no chain (the body is Lambertian
//   with the KM R). A mirror reflector under a smooth finish (or none) is a delta lobe in the
//   mirror direction, its bounces summed in closed form.
//   Sampling picks the finish's visible normals, a cosine lobe (body, the finish's
//   compensation and the chains) or lobe j refracted in and out, by their albedos at wo; pdf
//   is the mixture.
#pragma once
#include <optional>

#include "materials/bsdf/bsdf.h"

namespace limner {

// Over a subsurface bulk (PaintBsdf::bulk) the paint also transmits and is lit from below
// (materials/paint/paint_bulk.h); `mode` matters only there.
SampledSpectrum paint_eval(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi,
                           TransportMode mode = TransportMode::Radiance);
float paint_pdf(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi);
std::optional<BsdfSample> paint_sample(const PaintBsdf& b, const glm::vec3& wo, float uc,
                                       const glm::vec2& u,
                                       TransportMode mode = TransportMode::Radiance);
bool paint_is_delta(const PaintBsdf& b);

// Fills the fast path's weights (body, directional attenuation and albedo) from the slabs,
// the substrate and the directional entries' lobes; material_bsdf calls it.
void paint_prepare_fast_path(PaintBsdf& b);

// Cost per BSDF use (material_bsdf + eval + pdf + sample) of a typical paint (two layers on a
// primer under a satin finish) relative to a DiffuseMaterial, measured now on this machine.
// `with_setup` false leaves material_bsdf out of both. For `limner bench`.
double paint_cost_ratio_vs_diffuse(bool with_setup = true);

}  // namespace limner
