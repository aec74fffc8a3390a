// A paint material: layers of paint (bottom to top) on a substrate, under a finish.
//
// Each layer is a slab of binder with pigment whose Kubelka-Munk K and S (per mm of dry film)
// come from the paint's pigment mix; metallic paints add metal flakes. The finish is the
// clear binder / air interface on top: a rough dielectric (GGX) of index `ior`, or none (the
// bare Kubelka-Munk layer, whose hemispherical reflectance under diffuse light is then exactly
// the KM closed form). Layers are index-matched to each other (one binder). How the stack
// scatters light is described in materials/paint/paint_bsdf.h.
//
// Named finishes (GGX alpha of the varnish surface, ior 1.5):
//   "none"   no interface
//   "matte"  alpha 0.6   (matte varnish: broad, dim sheen; colours look chalky at grazing)
//   "satin"  alpha 0.25  (satin varnish, most acrylic paints as they dry)
//   "gloss"  alpha 0.03  (gloss varnish: sharp highlights, saturated colours)
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "materials/detail/paint_variation.h"
#include "materials/material.h"
#include "materials/paint/paint.h"

namespace limner {

// kMaxPaintLayers (8) is defined with PaintBsdf in materials/paint/paint_bsdf_types.h.

struct PaintLayer {
  PaintCoefficients paint;
  float thickness_um = 20.0f;  // dry film on an open flat surface
  float pooling = 0.0f;        // [0, 1]: how much the layer gathers in recesses (washes)
  float edge = 0.0f;           // [0, 1]: how much the layer is confined to raised edges
  TextureRef thickness_tex;    // when valid, its value (um) replaces thickness_um
  LayerVariation variation;    // brush strokes, tide marks, masks (materials/detail/)
};

struct PaintFinish {
  bool none = false;       // no interface (ior and roughness are then ignored)
  float roughness = 0.3f;  // GGX alpha of the top surface
  float ior = 1.5f;        // of the binder / varnish; 1 behaves as no interface
  TextureRef roughness_tex;  // when valid: roughness = texel * scale per hit (see below)
};

// "none", "matte", "satin" or "gloss"; throws std::invalid_argument naming them otherwise.
PaintFinish paint_finish_preset(const std::string& name);
bool is_paint_finish_preset(const std::string& name);

struct PaintTables;  // per-material precomputation (paint_stack.cpp)

struct PaintMaterial {
  std::vector<PaintLayer> layers;             // bottom to top
  std::shared_ptr<const Material> substrate;  // diffuse, conductor, dielectric or subsurface
  PaintFinish finish;
  bool reference = false;  // evaluate with the stochastic walk instead of the fast path
  std::shared_ptr<const PaintTables> tables;  // finish and flake tables, made by make_paint
};

// Throws std::invalid_argument (naming the layer) for more than kMaxPaintLayers layers (or
// kMaxPaintFlakeLayers with flakes), a
// negative or non-finite thickness, pooling or edge outside [0, 1], negative K or S, flake
// coverage outside [0, 1] or an unknown flake metal, a finish with roughness < 0 or ior < 1,
// a substrate that is itself a paint (paint over paint is more layers) or a fabric. Over a
// subsurface substrate the stack also transmits into the bulk (materials/paint/paint_bulk.h).
Material make_paint(std::vector<PaintLayer> layers, Material substrate, PaintFinish finish,
                    bool reference = false);

// A finish roughness from a texture: builds the finish's tables at kFinishRoughnessLevels
// roughnesses evenly over [0, tex.scale]; each hit uses the level nearest its texel.
constexpr int kFinishRoughnessLevels = 16;
void set_finish_roughness_texture(PaintMaterial& m, const TextureRef& tex);

// A layer's thickness at a hit: pooling thickens it in recesses (cavity 1 holds up to 2.5x
// the nominal film, open surfaces lose what pools), edge confines it to convex edges:
//   t * max(0, 1 - pooling + 2.5 pooling cavity) * ((1 - edge) + edge smoothstep(0.55, 0.8,
//   convexity)).
float layer_thickness_um(const PaintLayer& layer, const ShadingContext& ctx);

// The stack at one hit for the path's wavelengths; fill_paint_bsdf writes it in place (the
// value is about 1 KB).
PaintBsdf paint_material_bsdf(const PaintMaterial& m, const SampledWavelengths& wl,
                              const ShadingContext& ctx);
void fill_paint_bsdf(const PaintMaterial& m, const SampledWavelengths& wl,
                     const ShadingContext& ctx, PaintBsdf& out);

}  // namespace limner
