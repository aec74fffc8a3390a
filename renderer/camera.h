// Perspective camera with a thin lens. The lens model assumes a 24 mm tall sensor (full-frame
// 35 mm format): the focal length follows from fov_deg, the aperture diameter is focal length /
// f_number, and the focal plane lies focus_mm along the viewing axis (default: at `to`).
#pragma once
#include <glm/glm.hpp>

#include "renderer/geometry/embree_scene.h"
#include "renderer/scene_desc.h"

namespace limner {

class Camera {
 public:
  Camera() = default;
  Camera(const CameraDesc& d, int width, int height);
  // film: position in pixels (x right, y down, (0,0) the top-left corner); lens: [0,1)^2.
  Ray generate_ray(const glm::vec2& film, const glm::vec2& lens) const;
  float lens_radius() const { return lens_radius_; }
  float focus_distance() const { return focus_distance_; }
  // The angle one pixel subtends at the image centre (radians): a camera ray cone's spread.
  float pixel_spread() const { return 2.0f * tan_half_ / float(height_); }

 private:
  glm::vec3 origin_{0.0f}, forward_{0, 0, -1}, right_{1, 0, 0}, up_{0, 1, 0};
  float tan_half_ = 0.27f, aspect_ = 1.0f;
  int width_ = 1, height_ = 1;
  float lens_radius_ = 0.0f, focus_distance_ = 1.0f;
};

}  // namespace limner
