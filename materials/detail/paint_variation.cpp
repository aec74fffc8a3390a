#include "materials/detail/paint_variation.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "materials/material.h"

namespace limner {

namespace {

// Where the pooled film equals the nominal one: 1 - P + 2.5 P c = 1 at c = 0.4.
constexpr float kPoolEdgeCavity = 0.4f;
constexpr float kEdgeJitter = 0.06f;  // cavity units per unit of standardised noise
constexpr float kRimWidth = 0.04f;    // cavity units
constexpr float kRimPeak = 1.5f;      // extra film at the rim, times tide * pooling
constexpr float kInteriorLoss = 0.2f;

float tide_factor(float tide, float pooling, float cavity, float v) {
  float edge = kPoolEdgeCavity + kEdgeJitter * std::clamp(v, -2.5f, 2.5f);
  float x = (cavity - edge) / kRimWidth;
  float rim = std::exp(-x * x);
  float inside = std::clamp(0.5f + 0.5f * x, 0.0f, 1.0f);  // 0 outside the pool, 1 inside
  return 1.0f + tide * pooling * (kRimPeak * rim - kInteriorLoss * inside);
}

}  // namespace

LayerVariation make_layer_variation(NoiseKind kind, float amount, float scale_mm,
                                    const glm::vec3& direction, float tide_marks) {
  if (!(amount >= 0.0f && amount <= 1.0f))
    throw std::invalid_argument("variation amount must lie in [0, 1]");
  if (!(tide_marks >= 0.0f && tide_marks <= 1.0f))
    throw std::invalid_argument("variation tide_marks must lie in [0, 1]");
  LayerVariation v;
  v.active = true;
  v.pattern = make_noise_pattern(kind, scale_mm, direction);
  v.amount = amount;
  v.tide_marks = tide_marks;
  return v;
}

float layer_variation(const LayerVariation& v, float pooling, const ShadingContext& ctx) {
  float f = v.mask;
  if (v.mask_channel >= 0)
    f *= ctx.has_vertex_color ? std::clamp(ctx.vertex_color[v.mask_channel], 0.0f, 1.0f) : 1.0f;
  if (!v.active) return f;
  glm::vec3 p = ctx.p_object * ctx.object_scale;
  glm::vec3 n = glm::transpose(ctx.object_rotation) * ctx.ns;
  float s = noise_standard(v.pattern, p, n).value;
  f *= std::max(0.0f, 1.0f + v.amount * s);
  if (pooling > 0.0f && v.tide_marks > 0.0f)
    f *= tide_factor(v.tide_marks, pooling, std::clamp(ctx.cavity, 0.0f, 1.0f), s);
  return f;
}

}  // namespace limner
