// Conductor: complex Fresnel per wavelength over a GGX microsurface, or a perfect mirror when
// alpha < kSmoothAlpha. Two-sided: a direction pair below the surface is mirrored above it.
//
// Multiple scattering between facets is restored after Kulla & Conty 2017 ("Revisiting
// physically based shading at Imageworks"): with E(mu) the single-scattering albedo for F = 1
// (ConductorBsdf::energy) and E_avg its cosine-weighted average,
//   f_ms = (1 - E(mu_o)) (1 - E(mu_i)) / (pi (1 - E_avg)) * F_ms,
//   F_ms = F_avg^2 E_avg / (1 - F_avg (1 - E_avg)),
// where F_avg is the cosine-weighted hemispherical average of this wavelength's Fresnel term.
// For F = 1 the lobe returns exactly the energy single scattering misses; F_ms accounts for
// the Fresnel loss at every extra bounce (a geometric series in F_avg (1 - E_avg)).
// Sampling mixes VNDF sampling with cosine sampling of the f_ms lobe, chosen with
// probability 1 - E(mu_o) (that lobe's albedo for F = 1).
#pragma once
#include <optional>

#include "materials/bsdf/bsdf.h"

namespace limner {

SampledSpectrum conductor_eval(const ConductorBsdf& b, const glm::vec3& wo,
                               const glm::vec3& wi);
float conductor_pdf(const ConductorBsdf& b, const glm::vec3& wo, const glm::vec3& wi);
std::optional<BsdfSample> conductor_sample(const ConductorBsdf& b, const glm::vec3& wo,
                                           float uc, const glm::vec2& u);
bool conductor_is_delta(const ConductorBsdf& b);

}  // namespace limner
