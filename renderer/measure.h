// A virtual spectrophotometer: the reflectance of a material as the renderer's own BSDF code
// sees it, and its colour under an illuminant and observer.
//
// Geometries (CIE 15 notation, illumination:viewing):
// - "d:8": diffuse illumination, viewed at 8 degrees, specular component included. By
//   reciprocity this is the directional-hemispherical reflectance for light arriving at 8
//   degrees: integral of f cos over the upper hemisphere, estimated by importance sampling.
// - "45:0": light at 45 degrees, viewed along the normal; the reflectance factor pi f, which
//   excludes the specular reflection.
// - "0:d": collimated normal incidence, all reflected light (specular included).
// - "d:d": diffuse incidence, all reflected light (the cosine-weighted average of 0:d-style
//   albedos over incident directions).
// A material with an interior medium (`subsurface`, or paint over it) is measured as a flat
// sheet by renderer/measure_slab.h, and the measurement adds transmittance.
#pragma once
#include <glm/glm.hpp>
#include <string>
#include <vector>

#include "materials/material.h"

namespace limner {

struct MeasureOptions {
  std::string geometry = "d:8";
  std::string illuminant = "D50";
  int observer = 2;       // 2 (CIE 1931) or 10 (CIE 1964)
  int samples = 65536;    // BSDF samples per wavelength batch (d:8)
  float thickness_mm = 0.0f;  // sheets of a subsurface material: 0 = semi-infinite
  int slab_paths = 4096;      // random walks per wavelength batch for sheets
};

struct Measurement {
  std::vector<float> wavelength_nm;  // 380..780 step 10
  std::vector<float> reflectance;
  std::vector<float> transmittance;  // only for materials with an interior medium
  glm::dvec3 xyz{0.0};  // perfect white has Y = 100
  glm::dvec3 lab{0.0};
};

// Reflectance at one set of four wavelengths.
SampledSpectrum measure_reflectance(const Material& m, const SampledWavelengths& wl,
                                    const MeasureOptions& opts);
// Throws std::invalid_argument for an unknown geometry, illuminant or observer.
Measurement measure_material(const Material& m, const MeasureOptions& opts);

}  // namespace limner
