// Colour matching, XYZ convention, RGB matrices, Bradford, transfer functions, CIELAB.
#include "renderer/spectral/color.h"

#include <gtest/gtest.h>

#include <cmath>

namespace limner {
namespace {

void expect_matrix_near(const glm::mat3& m, const double (&rows)[3][3], double tol) {
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c)
      EXPECT_NEAR(m[c][r], rows[r][c], tol) << "row " << r << " col " << c;
}

glm::vec3 d65_white_from_spectrum() {
  const glm::vec3 xyz = spectrum_to_xyz(Spectrum::named_illuminant("D65"));
  return xyz / xyz.y;
}

TEST(Cmf, PublishedValuesAndRange) {
  // CIE 1931: ybar(555) = 1 exactly; ybar(360) = 3.917e-6; xbar(600) = 1.0622.
  EXPECT_FLOAT_EQ(cie_xyz_bar(555.0f).y, 1.0f);
  EXPECT_FLOAT_EQ(cie_xyz_bar(360.0f).y, 3.917e-6f);
  EXPECT_FLOAT_EQ(cie_xyz_bar(600.0f).x, 1.0622f);
  EXPECT_GT(cie_xyz_bar(830.0f).x, 0.0f);
  EXPECT_EQ(cie_xyz_bar(359.9f), glm::vec3(0.0f));
  EXPECT_EQ(cie_xyz_bar(830.1f), glm::vec3(0.0f));
  const glm::vec3 mid = cie_xyz_bar(600.5f);
  EXPECT_FLOAT_EQ(mid.x, 0.5f * (cie_xyz_bar(600.0f).x + cie_xyz_bar(601.0f).x));
  // Sum of ybar at 1 nm over 360-830 nm (the normalisation pbrt also uses: 106.856895).
  EXPECT_NEAR(cie_y_integral(), 106.856895, 1e-3);
}

TEST(Cmf, ConstantSpectrumHasUnitLuminance) {
  const glm::vec3 xyz = spectrum_to_xyz(Spectrum::constant(1.0f));
  EXPECT_NEAR(xyz.y, 1.0, 1e-6);
  EXPECT_NEAR(spectrum_luminance(Spectrum::constant(2.5f)), 2.5, 1e-5);
  // Equal-energy illuminant E sits at (1/3, 1/3).
  EXPECT_NEAR(xyz_to_xy(xyz).x, 1.0 / 3.0, 5e-4);
  EXPECT_NEAR(xyz_to_xy(xyz).y, 1.0 / 3.0, 5e-4);
}

TEST(Cmf, TenDegreeObserverWhitePoints) {
  // CIE 015:2004 Table T.3, 10-degree observer: D65 (0.31382, 0.33100), A (0.45117, 0.40594).
  EXPECT_FLOAT_EQ(cie_xyz_bar_10(360.0f).x, 1.222e-7f);
  EXPECT_NEAR(spectrum_to_xyz_10(Spectrum::constant(1.0f)).y, 1.0, 1e-6);
  const glm::vec2 d65 = xyz_to_xy(spectrum_to_xyz_10(Spectrum::named_illuminant("D65")));
  const glm::vec2 a = xyz_to_xy(spectrum_to_xyz_10(Spectrum::named_illuminant("A")));
  EXPECT_NEAR(d65.x, 0.31382, 5e-4);
  EXPECT_NEAR(d65.y, 0.33100, 5e-4);
  EXPECT_NEAR(a.x, 0.45117, 5e-4);
  EXPECT_NEAR(a.y, 0.40594, 5e-4);
}

TEST(Srgb, D65WhiteMapsToOne) {
  const glm::vec3 rgb = xyz_to_linear_srgb() * d65_white_from_spectrum();
  EXPECT_NEAR(rgb.r, 1.0, 1e-4);
  EXPECT_NEAR(rgb.g, 1.0, 1e-4);
  EXPECT_NEAR(rgb.b, 1.0, 1e-4);
  const glm::vec3 w = srgb_white_xyz();
  EXPECT_FLOAT_EQ(w.y, 1.0f);
  EXPECT_NEAR(xyz_to_xy(w).x, 0.31272, 5e-4);  // CIE 015:2004 Table T.3, D65
  EXPECT_NEAR(xyz_to_xy(w).y, 0.32903, 5e-4);
  const glm::vec3 back = linear_srgb_to_xyz() * glm::vec3(1.0f);
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(back[i], w[i], 1e-6);
}

TEST(Srgb, MatricesMatchIec61966) {
  // IEC 61966-2-1 (4-decimal) matrices; our white is the D65 table's, so allow 2e-3.
  const double to_xyz[3][3] = {
      {0.4124, 0.3576, 0.1805}, {0.2126, 0.7152, 0.0722}, {0.0193, 0.1192, 0.9505}};
  const double to_rgb[3][3] = {
      {3.2406, -1.5372, -0.4986}, {-0.9689, 1.8758, 0.0415}, {0.0557, -0.2040, 1.0570}};
  expect_matrix_near(linear_srgb_to_xyz(), to_xyz, 2e-3);
  expect_matrix_near(xyz_to_linear_srgb(), to_rgb, 2e-3);
  const glm::mat3 id = xyz_to_linear_srgb() * linear_srgb_to_xyz();
  const double identity[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  expect_matrix_near(id, identity, 1e-6);
}

TEST(Srgb, DisplayP3Matrix) {
  // SMPTE EG 432-1 Display P3 (D65) RGB -> XYZ, as published with the P3 primaries.
  const double p3_to_xyz[3][3] = {
      {0.4866, 0.2657, 0.1982}, {0.2290, 0.6917, 0.0793}, {0.0000, 0.0451, 1.0439}};
  expect_matrix_near(glm::inverse(xyz_to_display_p3()), p3_to_xyz, 2e-3);
  const glm::vec3 rgb = xyz_to_display_p3() * srgb_white_xyz();
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(rgb[i], 1.0, 1e-5);
}

TEST(Bradford, MapsSourceWhiteToDestinationWhite) {
  const glm::vec3 d65 = d65_white_from_spectrum();
  glm::vec3 d50 = spectrum_to_xyz(Spectrum::named_illuminant("D50"));
  d50 /= d50.y;
  const glm::vec3 got = bradford_adaptation(d65, d50) * d65;
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(got[i], d50[i], 1e-6);
  const glm::mat3 same = bradford_adaptation(d50, d50);
  const double identity[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  expect_matrix_near(same, identity, 1e-6);
}

TEST(Bradford, MatchesLindbloomD65ToD50) {
  // B. Lindbloom, "Chromatic Adaptation": Bradford D65 -> D50 for the whites
  // (0.95047, 1, 1.08883) -> (0.96422, 1, 0.82521).
  const double expected[3][3] = {{1.0478112, 0.0228866, -0.0501270},
                                 {0.0295424, 0.9904844, -0.0170491},
                                 {-0.0092345, 0.0150436, 0.7521316}};
  const glm::mat3 m = bradford_adaptation({0.95047f, 1.0f, 1.08883f}, {0.96422f, 1.0f, 0.82521f});
  expect_matrix_near(m, expected, 2e-6);
}

TEST(TransferFunction, KnownPoints) {
  // IEC 61966-2-1: linear toe 12.92 x below 0.0031308, 1.055 x^(1/2.4) - 0.055 above.
  EXPECT_EQ(srgb_encode(0.0f), 0.0f);
  EXPECT_NEAR(srgb_encode(1.0f), 1.0, 1e-6);
  EXPECT_NEAR(srgb_encode(0.0031308f), 0.0404499, 1e-6);
  EXPECT_NEAR(srgb_encode(0.0031309f), 0.0404512, 1e-6);  // continuous across the knee
  EXPECT_NEAR(srgb_encode(0.18f), 0.4613561, 1e-6);       // 18% grey -> sRGB 118/255
  EXPECT_NEAR(srgb_encode(0.5f), 0.7353570, 1e-6);
  EXPECT_NEAR(srgb_decode(0.5f), 0.2140411, 1e-6);
  EXPECT_NEAR(srgb_decode(128.0f / 255.0f), 0.2158605, 1e-6);
  EXPECT_NEAR(srgb_decode(0.04045f), 0.0031308, 1e-7);
  EXPECT_NEAR(srgb_decode(1.0f), 1.0, 1e-6);
}

TEST(TransferFunction, DecodeInvertsEncode) {
  for (int i = 0; i <= 1000; ++i) {
    const float x = float(i) / 1000.0f;
    EXPECT_NEAR(srgb_decode(srgb_encode(x)), x, 2e-6 + 1e-5 * x) << x;
    EXPECT_NEAR(srgb_encode(srgb_decode(x)), x, 2e-6 + 1e-5 * x) << x;
  }
}

TEST(Lab, ClosedFormPoints) {
  const glm::vec3 white = srgb_white_xyz();
  const glm::vec3 w = xyz_to_lab(white, white);
  EXPECT_NEAR(w.x, 100.0, 1e-4);
  EXPECT_NEAR(w.y, 0.0, 1e-4);
  EXPECT_NEAR(w.z, 0.0, 1e-4);
  // L* = 116 Y^(1/3) - 16: 18% grey -> 49.4961; on the linear segment Y = 0.008856 -> 8.0.
  EXPECT_NEAR(xyz_to_lab(0.18f * white, white).x, 49.4961, 1e-3);
  EXPECT_NEAR(xyz_to_lab(0.008856f * white, white).x, 8.0, 2e-3);
  EXPECT_NEAR(xyz_to_lab(0.001f * white, white).x, 903.3 * 0.001, 1e-3);
  // Redder than white: a* > 0; more blue: b* < 0.
  EXPECT_GT(xyz_to_lab({white.x * 1.2f, 1.0f, white.z}, white).y, 0.0f);
  EXPECT_LT(xyz_to_lab({white.x, 1.0f, white.z * 1.2f}, white).z, 0.0f);
}

}  // namespace
}  // namespace limner
