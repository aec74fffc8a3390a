// Bump mapping: a height field over the surface (procedural noise in object-space mm, or a
// height texture over UVs) bends the shading normal by its gradient in the tangent plane.
//
// For a surface displaced along its normal n by h, the displaced normal is, to first order in
// the slope (curvature terms dropped, as in pbrt's BumpMap), n - grad_s h, where grad_s h is h's
// gradient within the tangent plane. The result goes through the shared shading-normal fix
// (renderer/shading_normal.h) like a normal map's.
#pragma once
#include <cstdint>
#include <glm/glm.hpp>

#include "materials/detail/noise.h"
#include "materials/texture/texture.h"

namespace limner {

struct ShadingContext;  // materials/material.h

// The top of a paint whose layers vary in thickness is not flat: its height is the sum of the
// layers' thickness deviations, each amount * nominal thickness * the layer's standardised
// noise (materials/detail/paint_variation.h). The varnish follows it, so brush strokes catch
// the light. (The slower changes from pooling, edges and masks are left out.)
constexpr int kMaxReliefLayers = 8;
struct PaintRelief {
  int count = 0;
  NoisePattern pattern[kMaxReliefLayers];
  float height_mm[kMaxReliefLayers] = {};  // RMS thickness deviation of the layer
};

struct Bump {
  enum class Source : uint8_t { None, Noise, Texture };
  Source source = Source::None;
  NoisePattern pattern;    // Source::Noise
  TextureRef texture;      // Source::Texture: a scalar texture (channel, texel in [0, 1])
  float height_mm = 0.0f;  // relief: a noise's unit relief, or a texel of 1, is this high
  PaintRelief paint;       // a paint material's varied layers
  bool valid() const { return source != Source::None || paint.count > 0; }
};

// Throws std::invalid_argument for height_um outside [0, 5000] (or non-finite), and as
// make_noise_pattern does for scale_mm and direction.
Bump make_noise_bump(NoiseKind kind, float scale_mm, float height_um, const glm::vec3& direction);
Bump make_texture_bump(const TextureRef& texture, float height_um);

// Bends ns (world, unit, in/out) by the bump at the hit. Returns false and leaves ns alone when
// there is no bump (or a height texture without UVs or textures).
bool apply_bump(const Bump& b, const ShadingContext& ctx, glm::vec3& ns);

// Adds a varied layer's relief (ignored when height_mm is not > 0 or the relief is full).
void add_paint_relief(PaintRelief& r, const NoisePattern& pattern, float height_mm);

// The bumped normal: ns minus the tangential part of the world-space height gradient, unit.
glm::vec3 bumped_normal(const glm::vec3& ns, const glm::vec3& grad_world);

// The height field's world-space gradient at the hit (mm per mm), as apply_bump uses it.
glm::vec3 bump_gradient(const Bump& b, const ShadingContext& ctx, const glm::vec3& ns);

}  // namespace limner
