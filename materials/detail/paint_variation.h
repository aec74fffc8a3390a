// Hand-made variation of a paint layer's thickness: brush strokes, uneven coats, the tide marks
// of a drying wash, and masks from vertex colours.
//
// Variation: t(p) = t_nominal (1 + amount v(p)), v the pattern's standardised noise (zero
// mean, unit RMS over a large area, materials/detail/noise.h), so the layer keeps its mean
// thickness and `amount` is the RMS relative deviation (coefficient of variation). Where
// 1 + amount v < 0 the film is bare (clamped to 0): brush stays unclamped up to amount ~0.25;
// above that the thinnest streaks go bare and the mean rises slightly.
//
// Tide marks (layers that pool): a drying pool's contact line stays pinned and the outward
// capillary flow carries pigment to it (Deegan et al. 1997, the coffee-ring effect), leaving a
// darker rim and a paler interior. The pool's edge is where the pooled film equals the nominal
// film (cavity 0.4 for any pooling, see layer_thickness_um), moved by the same noise so the
// line is irregular; the rim holds up to 1 + 1.5 tide pooling times the film there and the
// interior gives up to 20% of its film to it.
#pragma once
#include <glm/glm.hpp>

#include "materials/detail/noise.h"

namespace limner {

struct ShadingContext;  // materials/material.h

struct LayerVariation {
  bool active = false;  // a noise variation
  NoisePattern pattern;
  float amount = 0.0f;      // RMS relative thickness deviation, [0, 1]
  float tide_marks = 0.0f;  // [0, 1]; acts only on layers that pool
  float mask = 1.0f;        // constant mask, [0, 1]
  int mask_channel = -1;    // 0-2: the vertex colour's r, g or b multiplies the layer
};

// Throws std::invalid_argument for amount or tide_marks outside [0, 1] and as
// make_noise_pattern does.
LayerVariation make_layer_variation(NoiseKind kind, float amount, float scale_mm,
                                    const glm::vec3& direction, float tide_marks);

// The factor a layer's pooled thickness is multiplied by at the hit (>= 0).
float layer_variation(const LayerVariation& v, float pooling, const ShadingContext& ctx);

}  // namespace limner
