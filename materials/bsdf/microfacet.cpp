#include "materials/bsdf/microfacet.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "renderer/frame.h"

namespace limner {

namespace {

// sqrt(cos^2 + alpha^2 sin^2) of w: Lambda(w) = (root / |cos| - 1) / 2. Writing it this way
// avoids tan^2, which overflows at grazing and loses precision near the normal.
float smith_root(float alpha, const glm::vec3& w) {
  float cos2 = w.z * w.z;
  float sin2 = std::max(0.0f, 1.0f - cos2);
  return std::sqrt(cos2 + alpha * alpha * sin2);
}

}  // namespace

float Ggx::d(const glm::vec3& m) const {
  if (m.z <= 0.0f) return 0.0f;
  // alpha^2 / (pi (cos^2 (alpha^2 - 1) + 1)^2): the same as the tan^2 form but finite at
  // both ends of the hemisphere.
  float a2 = alpha * alpha;
  float t = m.z * m.z * (a2 - 1.0f) + 1.0f;
  return a2 / (kPi * t * t);
}

float Ggx::lambda(const glm::vec3& w) const {
  float c = std::fabs(w.z);
  if (c == 0.0f) return std::numeric_limits<float>::infinity();
  return 0.5f * (smith_root(alpha, w) / c - 1.0f);
}

float Ggx::g1(const glm::vec3& w) const {
  float c = std::fabs(w.z);
  return 2.0f * c / (c + smith_root(alpha, w));
}

float Ggx::g(const glm::vec3& wo, const glm::vec3& wi) const {
  // 1 / (1 + Lo + Li) with L = (r / c - 1) / 2 simplifies to 2 co ci / (ro ci + ri co).
  float co = std::fabs(wo.z), ci = std::fabs(wi.z);
  float denom = smith_root(alpha, wo) * ci + smith_root(alpha, wi) * co;
  return denom > 0.0f ? 2.0f * co * ci / denom : 0.0f;
}

float Ggx::d_visible(const glm::vec3& w, const glm::vec3& m) const {
  float c = std::fabs(w.z);
  if (c == 0.0f) return 0.0f;
  // Only facets whose front faces w's side are visible (from below: dot(w, m) < 0).
  float facing = (w.z < 0.0f ? -1.0f : 1.0f) * glm::dot(w, m);
  return facing > 0.0f ? g1(w) / c * d(m) * facing : 0.0f;
}

glm::vec3 Ggx::sample_visible(const glm::vec3& w, const glm::vec2& u) const {
  // Stretch to the configuration where the distribution is a hemisphere of radius 1. Seen
  // from below, the facets visible from w are those visible from -w (dot(w, m) < 0).
  glm::vec3 v = w.z < 0.0f ? -w : w;
  glm::vec3 wh = glm::normalize(glm::vec3(alpha * v.x, alpha * v.y, v.z));
  float len2 = wh.x * wh.x + wh.y * wh.y;
  glm::vec3 t1 = len2 > 1e-12f ? glm::vec3(-wh.y, wh.x, 0.0f) / std::sqrt(len2)
                               : glm::vec3(1.0f, 0.0f, 0.0f);
  glm::vec3 t2 = glm::cross(wh, t1);
  // Uniform point on the projected disk, then warp its lower half onto the ellipse that
  // the hemisphere's silhouette projects to.
  float r = std::sqrt(u.x);
  float phi = 2.0f * kPi * u.y;
  float p1 = r * std::cos(phi);
  float p2 = r * std::sin(phi);
  float s = 0.5f * (1.0f + wh.z);
  p2 = (1.0f - s) * std::sqrt(std::max(0.0f, 1.0f - p1 * p1)) + s * p2;
  float p3 = std::sqrt(std::max(0.0f, 1.0f - p1 * p1 - p2 * p2));
  glm::vec3 nh = p1 * t1 + p2 * t2 + p3 * wh;
  // Unstretch; the clamp keeps m strictly in the upper hemisphere.
  return glm::normalize(glm::vec3(alpha * nh.x, alpha * nh.y, std::max(1e-6f, nh.z)));
}

}  // namespace limner
