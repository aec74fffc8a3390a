// Surface detail and hand-made variation as parsed from a scene (renderer/scene_parse_detail_
// keys.cpp); built by renderer/scene_detail.cpp into materials/detail/ types.
#pragma once
#include <glm/glm.hpp>
#include <string>

#include "materials/detail/noise.h"
#include "renderer/texture_desc.h"

namespace limner {

// "bump": {"texture": ..., "height_um": h} | {"noise": name, "scale_mm": s, "height_um": h,
// "direction": [x, y, z]}
struct BumpDesc {
  std::string key;  // "materials.skin.bump"; empty: no bump
  bool noise = false;
  NoiseKind kind = NoiseKind::Pores;
  float scale_mm = 1.0f;
  glm::vec3 direction{1.0f, 0.0f, 0.0f};
  TextureDesc texture;  // when !noise
  float height_um = 0.0f;
  bool valid() const { return !key.empty(); }
};

// A paint layer's "variation": {"noise": name, "amount": a, "scale_mm": s, "direction": d,
// "tide_marks": t}
struct VariationDesc {
  std::string key;  // empty: none
  NoiseKind kind = NoiseKind::Brush;
  float amount = 0.0f, scale_mm = 1.0f, tide_marks = 1.0f;
  glm::vec3 direction{1.0f, 0.0f, 0.0f};
  bool valid() const { return !key.empty(); }
};

// A paint layer's "mask": a number in [0, 1] or {"vertex_color": "r" | "g" | "b"}.
struct MaskDesc {
  std::string key;
  float value = 1.0f;
  int vertex_channel = -1;  // 0-2, or -1 for the constant value
};

}  // namespace limner
