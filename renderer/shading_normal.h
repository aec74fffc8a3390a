// Bends a hit's shading normal by its material's surface detail (normal map, then bump), then
// keeps it usable: the mirror direction of the view ray about the new normal must stay above
// the geometric surface, or grazing views would reflect into the surface and render black
// fringes (Cycles' "ensure valid reflection"; pbrt leaves it).
#pragma once
#include "renderer/scene.h"

namespace limner {

// wo: unit direction from the hit back along the incoming ray. Updates s.ns and s.ctx.ns.
void apply_surface_detail(const Scene& scene, SurfaceHit& s, const glm::vec3& wo);

// The tangent-space normal map's normal at the hit (world, unit), from ns and the (dpdu, dpdv)
// frame orthonormalised against it.
glm::vec3 normal_mapped(const NormalMap& nm, const ShadingContext& ctx, const glm::vec3& ns);

// ns bent toward ng (in their plane) just enough that reflect(wo, ns) lies at least
// min(0.9 cos_o, 0.01) above the geometric surface (cos_o = dot(wo, ng) with ng on wo's side).
glm::vec3 valid_reflection_normal(const glm::vec3& ng, const glm::vec3& wo, const glm::vec3& ns);

// A bent shading normal lets a lobe that reflects in the shading frame (wo and wi on one side of
// ns) send wi through the geometric surface. Light from there is blocked by the surface itself
// (a loss of energy, or a leak through an open mesh), so:
// - light samples in such directions are skipped (reflects_through_surface);
// - a BSDF-sampled wi there is mirrored about the geometric tangent plane, keeping its weight
//   (mirror_through_surface returns true), so the energy of those directions is kept (the
//   white furnace stays white). Only BSDF sampling reaches them: no MIS weight applies.
inline bool reflects_through_surface(const glm::vec3& ng, const glm::vec3& wo, const glm::vec3& wi,
                                     float wo_z, float wi_z) {
  return (wo_z > 0.0f) == (wi_z > 0.0f) && (glm::dot(wo, ng) > 0.0f) != (glm::dot(wi, ng) > 0.0f);
}
inline bool mirror_through_surface(const glm::vec3& ng, const glm::vec3& wo, float wo_z,
                                   float wi_z, glm::vec3& wi) {
  if (!reflects_through_surface(ng, wo, wi, wo_z, wi_z)) return false;
  wi -= 2.0f * glm::dot(wi, ng) * ng;
  return true;
}

}  // namespace limner
