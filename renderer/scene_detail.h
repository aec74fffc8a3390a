// Builds a scene's procedural surface detail and hand-made paint variation from its
// description (renderer/detail_desc.h) into materials/detail/ types.
#pragma once
#include <string>

#include "renderer/scene.h"

namespace limner {

// A material's bump. `height_map` is the opened texture for a texture bump (ignored for
// noise). Sets uv_key (when empty) for a texture bump: it needs texture coordinates. Throws
// InputError naming the key.
Bump build_bump(const SceneDesc& d, const BumpDesc& b, const TextureRef& height_map,
                std::string& uv_key);

// A paint layer's variation and mask. Throws InputError naming the key.
void build_layer_variation(const SceneDesc& d, const PaintLayerDesc& l, PaintLayer& out);

// After attach_textures: the relief of paints whose layers vary (materials/detail/bump.h).
void attach_paint_relief(Scene& s);

// For `limner measure`, which has no surface: a paint's layers at their nominal (mean)
// thickness, without noise variation (constant masks still apply).
void remove_layer_variation(Material& m);

// Every object whose material (or a paint layer of it) reads vertex colours must have them.
// Call after the objects are added; first_mesh as for check_texture_uvs.
void check_vertex_colors(const Scene& s, const SceneDesc& d, size_t first_mesh);

}  // namespace limner
