#include "renderer/geometry/sphere_intersect.h"

#include <algorithm>
#include <cmath>

namespace limner {

bool intersect_sphere(const glm::vec3& center, float radius, const glm::vec3& origin,
                      const glm::vec3& dir, float tmin, float tmax, float& t_hit) {
  const glm::dvec3 f = glm::dvec3(origin) - glm::dvec3(center);
  const glm::dvec3 d(dir);
  const double r = radius;
  const double a = glm::dot(d, d);
  if (!(a > 0.0)) return false;
  const double b = glm::dot(f, d);  // half the usual b
  // The discriminant from the distance between the centre and the line, not from b^2 - ac,
  // which cancels catastrophically when the sphere is small relative to its distance.
  const glm::dvec3 l = f - (b / a) * d;
  const double ll = glm::length(l);
  const double disc = a * (r - ll) * (r + ll);
  if (disc < 0.0) return false;
  const double c = glm::dot(f, f) - r * r;
  // q never subtracts nearly equal numbers; the roots are c/q and q/a.
  const double q = -(b + std::copysign(std::sqrt(disc), b));
  if (q == 0.0) return false;  // grazing the sphere exactly at the origin
  double t0 = c / q, t1 = q / a;
  if (t0 > t1) std::swap(t0, t1);
  const double lo = tmin, hi = tmax;
  // A ray spawned from this sphere's own surface starts within float rounding of it (the hit
  // point is rounded around a centre that may lie far from the origin, by more than the spawn
  // offset): its root at t ~ 0 is the surface it leaves, not a new hit.
  const glm::dvec3 cabs = glm::abs(glm::dvec3(center));
  const double self = std::min(1e-5 * (std::max({cabs.x, cabs.y, cabs.z}) + r), 1e-3 * r);
  const double len = std::sqrt(a);
  auto usable = [&](double x) { return x >= lo && x <= hi && std::fabs(x) * len > self; };
  double t = usable(t0) ? t0 : t1;
  if (!usable(t)) return false;
  // Rounding to float must not push t out of the caller's interval.
  t_hit = std::clamp(static_cast<float>(t), tmin, tmax);
  return true;
}

}  // namespace limner
