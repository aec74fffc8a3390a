// `limner measure` on a material with an interior medium (a `subsurface` material, or paint
// over one): an infinite flat sheet, simulated with the renderer's own random-walk code
// (materials/medium/random_walk.h) and the material's own boundary BSDF on both faces, but
// with planes instead of ray casts, so no Embree scene is needed.
//
// The sheet fills -T < z < 0 (T = thickness; semi-infinite when T is 0 or infinite); light
// arrives from z > 0. Geometries (illumination:viewing):
// - "d:8": collimated light at 8 degrees, all reflected light (specular included); by
//   reciprocity the same as diffuse illumination viewed at 8 degrees.
// - "0:d": collimated normal incidence, all reflected light, specular included.
// - "d:d": diffuse (cosine-weighted) incidence, all reflected light.
// - "45:0": light at 45 degrees, radiance factor towards the normal, specular excluded: paths
//   that entered the sheet and leave within kViewConeDeg of the normal, divided by the
//   cosine-weighted solid-angle share of that cone (sin^2), i.e. pi L / E averaged over the
//   cone.
// Transmittance is everything leaving through z = -T, for the same incident light.
#pragma once
#include <string>

#include "materials/material.h"
#include "materials/medium/random_walk.h"

namespace limner {

constexpr float kViewConeDeg = 10.0f;

struct SlabOptions {
  std::string geometry = "d:8";
  float thickness_mm = 0.0f;  // 0: semi-infinite
  int paths = 4096;           // walks per set of four wavelengths
  WalkLimits limits;
  uint64_t seed = 0x736c6162ULL;
};

struct SlabResult {
  SampledSpectrum reflectance{0.0f}, transmittance{0.0f};
};

// Throws std::invalid_argument for an unknown geometry or a material without a medium.
SlabResult measure_slab(const Material& m, const SampledWavelengths& wl, const SlabOptions& o);

}  // namespace limner
