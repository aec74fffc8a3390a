// Per-material surface detail that bends the shading normal before the BSDF is evaluated:
// a tangent-space normal map (renderer/shading_normal.cpp) and bump (materials/detail/).
#pragma once
#include "materials/detail/bump.h"
#include "materials/texture/texture.h"

namespace limner {

struct NormalMap {
  TextureRef tex;  // RGB = (x, y, z) * 0.5 + 0.5 in the (dpdu, dpdv, n) frame, OpenGL style
  float strength = 1.0f;  // scales the tangential part: 0 = flat, 1 = as authored
  bool valid() const { return tex.valid(); }
};

struct SurfaceDetail {
  NormalMap normal_map;
  Bump bump;  // materials/detail/bump.h
};

}  // namespace limner
