// Image textures as materials see them: an abstract TextureBackend (implemented with
// OpenImageIO's TextureSystem in renderer/image/, so the materials and transport libraries never
// link OIIO) and "scalar or texture" values evaluated at a hit's ShadingContext.
//
// Coordinates: OBJ texture coordinates (u right, v up, v = 0 at the image's bottom row) times
// the value's uv_scale, wrapping periodically. Filtering: the backend is given the ray cone's
// width at the hit (ShadingContext::footprint_mm) turned into texture units with |dpdu| and
// |dpdv|, an isotropic footprint that selects and blends mip levels.
#pragma once
#include <cstddef>
#include <cstdint>
#include <glm/glm.hpp>
#include <string>
#include <vector>

#include "renderer/spectral/sampled.h"
#include "renderer/spectral/spectrum.h"

namespace limner {

struct ShadingContext;  // materials/material.h

struct TextureInfo {
  int id = -1;
  int channels = 0;
  bool linear = false;  // values are linear (EXR, float files); else sRGB-encoded
  int width = 0, height = 0;
};

struct TextureMemory {
  size_t file_bytes = 0;   // decoded size of every level the files hold or mip-mapping made
  size_t cache_bytes = 0;  // what the cache actually holds now
  size_t files = 0;
};

class TextureBackend {
 public:
  virtual ~TextureBackend() = default;
  // Opens a texture file once (later calls with the same path return the same id). Throws
  // std::runtime_error with a one-line reason when the file is missing or unreadable.
  virtual TextureInfo open(const std::string& path) = 0;
  // Filtered lookup: s, t in texture space (s right, t down, periodic), ds/dt the footprint's
  // width in those units. Writes n channels from `first`, as stored (no colour decoding).
  // Thread-safe.
  virtual void lookup(int id, float s, float t, float ds, float dt, int first, int n,
                      float* out) const = 0;
  virtual TextureMemory memory() const = 0;
};

// A texture as a material parameter holds it.
struct TextureRef {
  int id = -1;
  glm::vec2 uv_scale{1.0f};
  int channel = -1;  // scalars: 0-3 for r, g, b, a; colours: -1
  float scale = 1.0f;  // scalars: the value is texel * scale
  bool linear = false;
  bool invert = false;  // scalars: (1 - texel) * scale
  bool valid() const { return id >= 0; }
};

// A scalar that may be textured: the texture wins when valid.
struct TexturedFloat {
  float value = 0.0f;
  TextureRef tex;
};

// The texel of a scalar texture at the hit as stored (data, not colour: no sRGB decoding) in
// [0, 1] for 8-bit files, times its scale.
float eval_texture_float(const TextureRef& t, const ShadingContext& ctx);
// Same at an explicit uv (before uv_scale), e.g. for finite differences.
float texture_float_at(const TextureRef& t, glm::vec2 uv, const ShadingContext& ctx);
inline float eval_float(const TexturedFloat& f, const ShadingContext& ctx) {
  return f.tex.valid() ? eval_texture_float(f.tex, ctx) : f.value;
}
// The linear RGB of a colour texture at the hit, clamped to [0, 1].
glm::vec3 eval_texture_rgb(const TextureRef& t, const ShadingContext& ctx);
// The reflectance spectrum of a colour texture at the hit (RGB -> spectrum by the coefficient
// table of renderer/spectral/rgb_table.h), at the path's wavelengths.
SampledSpectrum eval_texture_reflectance(const TextureRef& t, const SampledWavelengths& wl,
                                         const ShadingContext& ctx);

}  // namespace limner
