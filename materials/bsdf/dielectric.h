// Dielectric interface: smooth (delta reflection + delta refraction, chosen by Fresnel) or
// rough (GGX microfacets, Walter et al. 2007 reflection/transmission, visible-normal sampling).
// eta = n(z < 0) / n(z > 0); the side z > 0 is called "outside" (A), z < 0 "inside" (B).
// An interface with eta == 1 is a pass-through (delta transmission) whatever its roughness.
//
// Energy compensation (rough, when both tables are present). E_A(mu), E_B(mu) are the total
// single-scattering albedos (R + T, transmission counted as energy, i.e. Importance mode) for
// wo on side A or B; a(mu) = 1 - E_A(mu), b(mu) = 1 - E_B(mu) are the missing energies and
// a_avg, b_avg their cosine-weighted averages (2 int x(mu) mu dmu). The missing energy comes
// back as cosine-like lobes; in Importance mode
//   wo, wi on A:  c_AA a(mu_o) a(mu_i) / pi      wo on A, wi on B:  c_T eta^2 a(mu_o) b(mu_i) / pi
//   wo, wi on B:  c_BB b(mu_o) b(mu_i) / pi      wo on B, wi on A:  c_T b(mu_o) a(mu_i) / pi
// and Radiance mode divides the transmission by etap^2 as for single scattering, so the lobe
// obeys the same generalised reciprocity f(wo, wi) / n_o^2 = f(wi, wo) / n_i^2.
// Energy conservation for every wo (the lobe's albedo equals the missing energy) requires
//   c_AA a_avg + c_T eta^2 b_avg = 1   (wo on A; transmitted share t_A = c_T eta^2 b_avg)
//   c_BB b_avg + c_T a_avg = 1         (wo on B; transmitted share t_B = c_T a_avg).
// One freedom remains, the transmitted share. Light that bounced several times between facets
// leaves much like diffuse light crossing a smooth interface, so the share seen from the
// lower-index side is set to 1 - F_avg (hemispherical Fresnel average); the other side's share
// follows from reciprocity, and c_T is lowered if that share would exceed 1.
// The lobe is sampled (cosine-weighted, side chosen by the shares) with probability a(mu_o) or
// b(mu_o); otherwise visible normals are sampled and the facet's Fresnel term chooses between
// reflection and refraction.
#pragma once
#include <optional>

#include "materials/bsdf/bsdf.h"

namespace limner {

float dielectric_eval(const DielectricBsdf& b, const glm::vec3& wo, const glm::vec3& wi,
                      TransportMode mode);
float dielectric_pdf(const DielectricBsdf& b, const glm::vec3& wo, const glm::vec3& wi);
std::optional<BsdfSample> dielectric_sample(const DielectricBsdf& b, const glm::vec3& wo,
                                            float uc, const glm::vec2& u, TransportMode mode);
bool dielectric_is_delta(const DielectricBsdf& b);

}  // namespace limner
