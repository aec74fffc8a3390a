// Orthonormal frame for shading: BSDFs work in local coordinates where z is the shading normal.
#pragma once
#include <glm/glm.hpp>
#include <cmath>

namespace limner {

constexpr float kPi = 3.14159265358979323846f;
constexpr float kInvPi = 0.31830988618379067154f;

struct Frame {
  glm::vec3 x{1, 0, 0}, y{0, 1, 0}, z{0, 0, 1};

  // Duff et al. 2017, "Building an orthonormal basis, revisited".
  static Frame from_z(const glm::vec3& n) {
    Frame f;
    f.z = n;
    float sign = std::copysign(1.0f, n.z);
    float a = -1.0f / (sign + n.z);
    float b = n.x * n.y * a;
    f.x = glm::vec3(1.0f + sign * n.x * n.x * a, sign * b, -sign * n.x);
    f.y = glm::vec3(b, sign + n.y * n.y * a, -n.y);
    return f;
  }
  glm::vec3 to_local(const glm::vec3& v) const {
    return {glm::dot(v, x), glm::dot(v, y), glm::dot(v, z)};
  }
  glm::vec3 to_world(const glm::vec3& v) const { return x * v.x + y * v.y + z * v.z; }
};

}  // namespace limner
