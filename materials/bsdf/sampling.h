// Small helpers shared by the BSDF lobes (local frame, z = normal).
#pragma once
#include <glm/glm.hpp>
#include <cmath>

#include "renderer/frame.h"

namespace limner {

inline bool same_side(const glm::vec3& wo, const glm::vec3& wi) { return wo.z * wi.z > 0.0f; }

// Shirley-Chiu concentric map: keeps strata of u compact on the disk (better than polar).
inline glm::vec2 sample_concentric_disk(const glm::vec2& u) {
  glm::vec2 p = 2.0f * u - glm::vec2(1.0f);
  if (p.x == 0.0f && p.y == 0.0f) return {0.0f, 0.0f};
  float r, theta;
  if (std::fabs(p.x) > std::fabs(p.y)) {
    r = p.x;
    theta = 0.25f * kPi * (p.y / p.x);
  } else {
    r = p.y;
    theta = 0.5f * kPi - 0.25f * kPi * (p.x / p.y);
  }
  return {r * std::cos(theta), r * std::sin(theta)};
}

// Cosine-weighted direction in z > 0 (Malley's method); pdf = cos / pi.
inline glm::vec3 sample_cosine_hemisphere(const glm::vec2& u) {
  glm::vec2 d = sample_concentric_disk(u);
  float z = std::sqrt(std::fmax(0.0f, 1.0f - d.x * d.x - d.y * d.y));
  return {d.x, d.y, z};
}

inline float cosine_hemisphere_pdf(float cos_theta) { return std::fabs(cos_theta) * kInvPi; }

}  // namespace limner
