#include "renderer/camera.h"

#include <cmath>

#include "renderer/frame.h"

namespace limner {

namespace {

constexpr float kSensorHeightMm = 24.0f;

glm::vec2 concentric_disk(const glm::vec2& u) {
  glm::vec2 o = 2.0f * u - glm::vec2(1.0f);
  if (o.x == 0.0f && o.y == 0.0f) return {0.0f, 0.0f};
  float r, theta;
  if (std::fabs(o.x) > std::fabs(o.y)) {
    r = o.x;
    theta = (kPi / 4.0f) * (o.y / o.x);
  } else {
    r = o.y;
    theta = kPi / 2.0f - (kPi / 4.0f) * (o.x / o.y);
  }
  return r * glm::vec2(std::cos(theta), std::sin(theta));
}

}  // namespace

Camera::Camera(const CameraDesc& d, int width, int height)
    : origin_(d.from), width_(width), height_(height) {
  forward_ = glm::normalize(d.to - d.from);
  right_ = glm::normalize(glm::cross(forward_, d.up));
  up_ = glm::cross(right_, forward_);
  tan_half_ = std::tan(glm::radians(d.fov_deg) * 0.5f);
  aspect_ = float(width) / float(height);
  focus_distance_ = d.focus_mm > 0.0f ? d.focus_mm : glm::length(d.to - d.from);
  if (d.f_number > 0.0f) {
    float focal_length = 0.5f * kSensorHeightMm / tan_half_;
    lens_radius_ = 0.5f * focal_length / d.f_number;
  }
}

Ray Camera::generate_ray(const glm::vec2& film, const glm::vec2& lens) const {
  float sx = (2.0f * film.x / float(width_) - 1.0f) * tan_half_ * aspect_;
  float sy = (1.0f - 2.0f * film.y / float(height_)) * tan_half_;
  glm::vec3 dir = forward_ + sx * right_ + sy * up_;  // reaches the plane at distance 1
  Ray ray;
  ray.origin = origin_;
  if (lens_radius_ > 0.0f) {
    glm::vec2 l = lens_radius_ * concentric_disk(lens);
    glm::vec3 focus_point = origin_ + dir * focus_distance_;
    ray.origin = origin_ + l.x * right_ + l.y * up_;
    dir = focus_point - ray.origin;
  }
  ray.dir = glm::normalize(dir);
  return ray;
}

}  // namespace limner
