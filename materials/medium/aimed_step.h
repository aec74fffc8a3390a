// Light-aimed steps of a random walk (a strategy beside the classic and Dwivedi-guided ones in
// random_walk.h).
//
// Light leaves a scattering bulk through its (rough) dielectric boundary, and where it goes is
// set by the direction of the walk's last flight: with a glossy boundary, most exits send light
// past the lights, and the few whose refraction lobe covers a light carry the whole estimate
// (per-sample spread 4x that of a diffuse surface in the silicone bust). So at each scattering
// event a point on a light is drawn (as for light sampling) and, with probability `share`, the
// next direction is drawn so that a flight along it, refracted through a proxy boundary, would
// continue towards that point: the transmission lobe of a GGX boundary (`alpha`, relative index
// `eta`) sampled from the light's side, reversed. The proxy's normal is the walk's guide normal
// (the surface it entered by) turned to face the light. The real boundary is wherever the flight
// ends; the proxy only shapes a sampling density, whose exact pdf enters the step's mixture
// (one-sample MIS with the other strategies), so any proxy keeps the walk unbiased.
#pragma once
#include <glm/glm.hpp>

namespace limner {

struct AimLobe {
  float alpha = 0.3f;  // GGX roughness of the proxy boundary (clamped to a usable range)
  float eta = 1.4f;    // index inside / outside; aimed steps need eta > 1 (see aim_usable)
};

// Whether a light in direction `to_light` can be aimed at from a walk guided by `normal`: not
// (nearly) in the proxy's plane, and a boundary that bends light (eta >= 1.05: towards index
// matching the lobe collapses onto one direction; below 1, refraction from outside could fail).
bool aim_usable(const AimLobe& lobe, const glm::vec3& normal, const glm::vec3& to_light);
// A direction for the next flight (unit, world space), u in [0,1)^2; false on a numerical
// failure (the caller samples its classic strategy instead).
bool sample_aimed(const AimLobe& lobe, const glm::vec3& normal, const glm::vec3& to_light,
                  const glm::vec2& u, glm::vec3* dir);
// Solid-angle pdf sample_aimed has for `dir` (0 where it cannot produce it).
float aimed_pdf(const AimLobe& lobe, const glm::vec3& normal, const glm::vec3& to_light,
                const glm::vec3& dir);

}  // namespace limner
