// The fabric BSDF as a plain value (no heap): a microfibre sheen lobe over a base BSDF.
// materials/bsdf/bsdf.h includes this file so that the Bsdf variant can hold a FabricBsdf; the
// functions and the model are in materials/fabric/fabric_bsdf.h and materials/bsdf/sheen.h.
#pragma once
#include <variant>

#include "materials/bsdf/bsdf.h"  // the lobe structs (a no-op when bsdf.h includes this file)

namespace limner {

// Per-material tables of the sheen lobe (materials/bsdf/sheen.h), indexed by |cos theta|.
struct SheenTables {
  float roughness = 0.3f;  // Charlie r, clamped to [kMinSheenRoughness, 1]
  EnergyTable sigma;       // Smith projected area sigma(mu) (e_avg unused)
  EnergyTable albedo;      // directional albedo A(mu) of the lobe with color 1, and A_avg
};

// The Charlie sheen lobe at one hit.
struct SheenBsdf {
  SampledSpectrum color;                // sheen_color at the path's wavelengths, in [0, 1]
  const SheenTables* tables = nullptr;  // owned by the FabricMaterial
};

// Bases a sheen may cover. The Bsdf variant cannot hold itself, so the base is one of the
// non-fabric alternatives, stored by value (fabric over fabric is rejected by make_fabric).
using FabricBaseBsdf = std::variant<DiffuseBsdf, ConductorBsdf, DielectricBsdf, PaintBsdf>;

struct FabricBsdf {
  SheenBsdf sheen;
  FabricBaseBsdf base;
};

}  // namespace limner
