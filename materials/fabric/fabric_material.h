// The `fabric` material: a microfibre sheen (materials/bsdf/sheen.h) over a base material,
// layered as described in materials/fabric/fabric_bsdf.h.
#pragma once
#include <memory>

#include "materials/material.h"

namespace limner {

struct FabricMaterial {
  std::shared_ptr<const Material> base;  // diffuse, conductor, dielectric or paint
  Spectrum sheen_color;                  // reflectance-like, in [0, 1]
  float sheen_roughness = 0.3f;          // Charlie r in [0, 1] (below 0.05 behaves as 0.05)
  std::shared_ptr<const SheenTables> tables;  // the sheen lobe's projected area and albedo
};

// Throws std::invalid_argument for a sheen_roughness outside [0, 1] (or not finite) and for
// a base that is itself a fabric (one sheen layer per surface; the Bsdf variant holds the
// base by value, so it cannot nest).
Material make_fabric(Material base, Spectrum sheen_color, float sheen_roughness);

// The fabric at one hit, written in place (over a paint base the value is about 1 KB).
void fill_fabric_bsdf(const FabricMaterial& m, const SampledWavelengths& wl,
                      const ShadingContext& ctx, FabricBsdf& out);

}  // namespace limner
