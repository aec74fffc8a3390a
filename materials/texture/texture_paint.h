// Textured paint-layer parameters.
#pragma once
#include "materials/paint/paint_stack.h"

namespace limner {

// A layer's dry-film thickness before pooling and edges: its thickness texture at the hit
// (texel * scale, in um) when it has one, else thickness_um.
float layer_base_thickness_um(const PaintLayer& l, const ShadingContext& ctx);

}  // namespace limner
