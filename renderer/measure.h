// A virtual spectrophotometer: the reflectance of a material as the renderer's own BSDF code
// sees it, and its colour under an illuminant and observer.
//
// Geometries (CIE 15 notation, illumination:viewing):
// - "d:8": diffuse illumination, viewed at 8 degrees, specular component included. By
//   reciprocity this is the directional-hemispherical reflectance for light arriving at 8
//   degrees: integral of f cos over the upper hemisphere, estimated by importance sampling.
// - "45:0": light at 45 degrees, viewed along the normal; the reflectance factor pi f, which
//   excludes the specular reflection.
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
};

struct Measurement {
  std::vector<float> wavelength_nm;  // 380..780 step 10
  std::vector<float> reflectance;
  glm::dvec3 xyz{0.0};  // perfect white has Y = 100
  glm::dvec3 lab{0.0};
};

// Reflectance at one set of four wavelengths.
SampledSpectrum measure_reflectance(const Material& m, const SampledWavelengths& wl,
                                    const MeasureOptions& opts);
// Throws std::invalid_argument for an unknown geometry, illuminant or observer.
Measurement measure_material(const Material& m, const MeasureOptions& opts);

}  // namespace limner
