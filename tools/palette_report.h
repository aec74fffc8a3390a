// The colorimetry behind `limner palette`'s report: each paint's reflectance measured by the
// virtual spectrophotometer (d:8, specular included, the renderer's own BSDF code), its colour
// under each light seen by an eye adapted to that light, colour inconstancy and metameric pairs.
//
// Colour under a light (CIE 1931 2-degree observer, sums over 360-830 nm at 1 nm):
//   XYZ = 100 * sum(S R cmf) / sum(S ybar)       (the light's perfect white has Y = 100)
//   XYZ' = CAT16(light white -> D65 white, D = 1) XYZ
//   Lab  = CIELAB of XYZ' relative to the D65 white (Y = 100)
// So the light's own white is L* = 100, a* = b* = 0 under every light, and what remains between
// lights is the paint's real colour shift (its colour inconstancy), measured by CIEDE2000.
#pragma once
#include <glm/glm.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "materials/material.h"
#include "tools/sheet_util.h"

namespace limner {

constexpr double kMatchBelow = 2.0;   // ΔE00 under which two paints match under a light
constexpr double kDifferAbove = 4.0;  // ΔE00 over which they visibly differ

// Reflectance of a material every 5 nm over 360-830 nm, d:8 (specular included).
std::vector<float> measure_swatch(const Material& m, int samples);

// CIELAB (and the XYZ before adaptation) of a reflectance under a light, as described above.
glm::dvec3 adapted_lab(const std::vector<float>& reflectance_5nm, const Spectrum& light,
                       glm::dvec3* xyz = nullptr);

// The report: settings, lights, per paint and light XYZ, Lab and ΔE00 from the first light, and
// the metameric pairs (ΔE00 < kMatchBelow under one light and > kDifferAbove under another).
nlohmann::json palette_report(const std::vector<std::string>& paints,
                              const std::vector<std::vector<float>>& reflectances,
                              const std::vector<SheetLight>& lights, int samples);

}  // namespace limner
