// CIE colorimetry and colour spaces. Convention: XYZ = integral(S * cmf) / integral(ybar), so a
// constant spectrum of 1 has Y = 1 (CIE 1931 2-degree observer, 360-830 nm at 1 nm).
#pragma once
#include <glm/glm.hpp>

#include "renderer/spectral/sampled.h"
#include "renderer/spectral/spectrum.h"

namespace limner {

// CIE 1931 2-degree colour matching functions at lambda (linear interpolation, 0 outside).
glm::vec3 cie_xyz_bar(float lambda);
// Integral of ybar over 360-830 nm (about 106.857).
float cie_y_integral();

// XYZ of a spectrum under the convention above.
glm::vec3 spectrum_to_xyz(const Spectrum& s);
// Luminance Y of a spectrum (same convention).
float spectrum_luminance(const Spectrum& s);

// Samples kLambdas wavelengths over 360-830 nm from one uniform number, importance sampled
// toward the visible peak; the others are stratified offsets of the hero.
SampledWavelengths sample_wavelengths(float u);
// Contribution of one sampled radiance estimate to XYZ (Monte Carlo over the 4 wavelengths).
glm::vec3 sampled_to_xyz(const SampledSpectrum& L, const SampledWavelengths& wl);

// Linear sRGB (Rec. 709 primaries, D65 white) <-> XYZ.
glm::mat3 xyz_to_linear_srgb();
glm::mat3 linear_srgb_to_xyz();
// Bradford chromatic adaptation from a source white to a destination white (both XYZ).
glm::mat3 bradford_adaptation(const glm::vec3& src_white_xyz, const glm::vec3& dst_white_xyz);
// XYZ of the D65 white used by sRGB, with Y = 1.
glm::vec3 srgb_white_xyz();

float srgb_encode(float linear);
float srgb_decode(float encoded);

// ---- Additions to the original interface ----

// CIE 1964 10-degree observer, same conventions as the 2-degree functions above (used by
// measurement tools that ask for the 10-degree observer).
glm::vec3 cie_xyz_bar_10(float lambda);
float cie_y_integral_10();
glm::vec3 spectrum_to_xyz_10(const Spectrum& s);

// Density (per nm) with which sample_wavelengths draws each wavelength; > 0 on 360-830 nm.
float sample_wavelengths_pdf(float lambda);

// Chromaticity (x, y) of an XYZ triple; (0, 0) for black.
glm::vec2 xyz_to_xy(const glm::vec3& xyz);
// RGB -> XYZ matrix of an additive space from its primaries' xy and its white XYZ, scaled so
// that RGB (1, 1, 1) maps to that white.
glm::mat3 rgb_to_xyz_matrix(const glm::vec2& r, const glm::vec2& g, const glm::vec2& b,
                            const glm::vec3& white_xyz);
// CIE 1976 L*a*b* relative to a white (both XYZ on the same scale).
glm::vec3 xyz_to_lab(glm::vec3 xyz, glm::vec3 white_xyz);
// XYZ -> linear Display P3 (P3 primaries, the same D65 white as sRGB).
glm::mat3 xyz_to_display_p3();

}  // namespace limner
