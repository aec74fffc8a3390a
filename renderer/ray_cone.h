// Texture filter footprints by ray cones (Akenine-Moeller et al. 2019, "Texture Level of Detail
// Strategies for Real-Time Ray Tracing", simplified): every path carries a cone, width 0 at the
// camera and widening by the angle one pixel subtends. A hit's footprint is the cone's width
// there (mm); textures turn it into texels with |dpdu| and |dpdv|. Delta (mirror, glass)
// bounces keep the spread; any other bounce widens it to at least kRoughSpread, since the
// lobe's directions blur whatever the next hit shows (indirect light needs no sharp texels).
// Curvature and incidence angle are ignored: an isotropic footprint, slightly sharp at
// grazing angles, never blurrier than the pixel.
#pragma once
#include <algorithm>

#include "renderer/camera.h"

namespace limner {

struct RayCone {
  static constexpr float kRoughSpread = 0.125f;  // radians, about 7 degrees
  float width = 0.0f;   // mm at the ray's origin
  float spread = 0.0f;  // radians

  float width_at(float t) const { return width + spread * t; }
  void bounce(float t, bool specular) {
    width = width_at(t);
    if (!specular) spread = std::max(spread, kRoughSpread);
  }
};

inline RayCone camera_ray_cone(const Camera& c) { return RayCone{0.0f, c.pixel_spread()}; }

}  // namespace limner
