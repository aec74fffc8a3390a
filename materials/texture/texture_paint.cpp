#include "materials/texture/texture_paint.h"

#include <algorithm>

namespace limner {

float layer_base_thickness_um(const PaintLayer& l, const ShadingContext& ctx) {
  if (!l.thickness_tex.valid() || !ctx.textures) return l.thickness_um;
  return std::max(0.0f, eval_texture_float(l.thickness_tex, ctx));
}

}  // namespace limner
