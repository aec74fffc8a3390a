// Fabric: a microfibre sheen layer (materials/bsdf/sheen.h) over a base BSDF.
//
// LAYERING (albedo scaling). The sheen reflects A_s(w) = sheen_color x A(mu) of the light
// arriving from direction w; the base receives only what the fibres let through. The fibres
// are treated as a non-absorbing, thin layer, so what the sheen does not reflect reaches the
// base:
//   f = f_sheen(wo, wi) + s(wo, wi) f_base(wo, wi).
// Two forms of the base scale s, chosen by the base:
// - Diffuse base (the common cloth): the symmetric form
//     s = (1 - A_s(wo)) (1 - A_s(wi)) / (1 - sheen_color x A_avg),
//   A_avg = 2 int A(mu) mu dmu. It is reciprocal, and for a Lambertian base of albedo rho the
//   directional albedo is A_s(wo) + rho (1 - A_s(wo)) (the integral of (1 - A_s(wi)) over the
//   cosine-weighted hemisphere is exactly 1 - sheen_color A_avg): a white base with a white
//   sheen reflects exactly 1 at every angle (no gain, no loss).
// - Any other base (conductor, dielectric, paint: directional lobes for which the symmetric
//   form can exceed 1, e.g. a mirror at normal incidence where A(wo) < A_avg): the common
//   production form s = 1 - A_s(wo) (as in Autodesk Standard Surface, OpenPBR and Blender's
//   Principled BSDF). Albedo = A_s(wo) + (1 - A_s(wo)) albedo_base(wo) <= 1 for any base that
//   conserves energy, = 1 when the base is white and lossless. NOT reciprocal: the renderer
//   traces paths from the camera only, where this is the conventional choice.
//
// SIDES. Over a two-sided reflector (diffuse, conductor, paint) the sheen sits on the viewer's
// side, like the base. Over a dielectric (or a paint over a subsurface bulk) the sheen is on
// the outside (z > 0) only: light that crosses the surface is scaled by 1 - A_s of its outside
// direction (entering or leaving), light staying inside is not.
//
// SAMPLING picks the sheen (uniform hemisphere) with probability
// clamp(mean A_s(wo), 0.1, 0.9) (0 when the sheen is black or wo is inside a dielectric),
// otherwise the base's own sampling; the pdf is the mixture. A delta lobe of the base (a smooth
// conductor or dielectric) stays a delta lobe, scaled by s.
#pragma once
#include <optional>

#include "materials/bsdf/bsdf.h"

namespace limner {

SampledSpectrum fabric_eval(const FabricBsdf& b, const glm::vec3& wo, const glm::vec3& wi,
                            TransportMode mode);
float fabric_pdf(const FabricBsdf& b, const glm::vec3& wo, const glm::vec3& wi);
std::optional<BsdfSample> fabric_sample(const FabricBsdf& b, const glm::vec3& wo, float uc,
                                        const glm::vec2& u, TransportMode mode);
bool fabric_is_delta(const FabricBsdf& b);

}  // namespace limner
