// Exact ray-sphere intersection, kept apart from the Embree glue so it can be tested alone.
#pragma once
#include <glm/glm.hpp>

namespace limner {

// Nearest t in [tmin, tmax] with |origin + t dir - center| = radius, or false. dir need not be
// normalised. Uses the formulation of Haines et al., "Precision Improvements for Ray/Sphere
// Intersection" (Ray Tracing Gems, ch. 7), in double precision, so hits stay accurate for
// small spheres far from the ray origin and for rays starting inside.
bool intersect_sphere(const glm::vec3& center, float radius, const glm::vec3& origin,
                      const glm::vec3& dir, float tmin, float tmax, float& t_hit);

}  // namespace limner
