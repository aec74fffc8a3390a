// CIE colour matching, XYZ integration, RGB colour spaces, chromatic adaptation and transfer
// functions. Wavelength sampling is in wavelength_sampling.cpp.
#include "renderer/spectral/color.h"

#include <algorithm>
#include <cmath>

#include "renderer/spectral/tables.h"

namespace limner {
namespace {

using CmfTable = float[tables::kCmfCount][3];

glm::vec3 interpolate_cmf(const CmfTable& t, float lambda) {
  if (!(lambda >= kLambdaMin && lambda <= kLambdaMax)) return glm::vec3(0.0f);
  const float u = lambda - float(tables::kCmfFirstNm);
  const int i = std::min(int(u), tables::kCmfCount - 2);
  const float f = u - float(i);
  const glm::vec3 a(t[i][0], t[i][1], t[i][2]);
  const glm::vec3 b(t[i + 1][0], t[i + 1][1], t[i + 1][2]);
  return a + f * (b - a);
}

double y_sum(const CmfTable& t) {
  double sum = 0.0;
  for (int i = 0; i < tables::kCmfCount; ++i) sum += t[i][1];
  return sum;
}

// The convention of color.h: sum at 1 nm over 360-830 divided by the ybar sum, in double so
// that the white point (and the matrices derived from it) carry no float accumulation error.
glm::dvec3 integrate_xyz(const Spectrum& s, const CmfTable& t) {
  glm::dvec3 sum(0.0);
  for (int i = 0; i < tables::kCmfCount; ++i) {
    const double v = s.eval(float(tables::kCmfFirstNm + i));
    sum += v * glm::dvec3(t[i][0], t[i][1], t[i][2]);
  }
  return sum / y_sum(t);
}

// D65 as tabulated, integrated with the 2-degree observer and scaled to Y = 1. Deriving the
// sRGB matrices from this (not from the rounded xy 0.3127, 0.3290) makes the D65 spectrum map
// to RGB (1, 1, 1) exactly.
const glm::dvec3& d65_white() {
  static const glm::dvec3 white = [] {
    const glm::dvec3 xyz = integrate_xyz(Spectrum::named_illuminant("D65"), tables::kCie1931);
    return xyz / xyz.y;
  }();
  return white;
}

glm::dmat3 from_rows(const glm::dvec3& r0, const glm::dvec3& r1, const glm::dvec3& r2) {
  return glm::transpose(glm::dmat3(r0, r1, r2));  // glm constructors take columns
}

glm::dmat3 primaries_to_xyz(const glm::dvec2& r, const glm::dvec2& g, const glm::dvec2& b,
                            const glm::dvec3& white) {
  auto column = [](const glm::dvec2& p) {
    return glm::dvec3(p.x / p.y, 1.0, (1.0 - p.x - p.y) / p.y);
  };
  const glm::dmat3 p(column(r), column(g), column(b));
  const glm::dvec3 scale = glm::inverse(p) * white;
  return glm::dmat3(p[0] * scale.x, p[1] * scale.y, p[2] * scale.z);
}

// ITU-R BT.709 / IEC 61966-2-1 primaries; SMPTE EG 432-1 (Display P3) primaries.
const glm::dmat3& srgb_to_xyz_d() {
  static const glm::dmat3 m =
      primaries_to_xyz({0.64, 0.33}, {0.30, 0.60}, {0.15, 0.06}, d65_white());
  return m;
}

const glm::dmat3& p3_to_xyz_d() {
  static const glm::dmat3 m =
      primaries_to_xyz({0.680, 0.320}, {0.265, 0.690}, {0.150, 0.060}, d65_white());
  return m;
}

double lab_f(double t) {
  constexpr double kDelta = 6.0 / 29.0;
  if (t > kDelta * kDelta * kDelta) return std::cbrt(t);
  return t / (3.0 * kDelta * kDelta) + 4.0 / 29.0;
}

}  // namespace

glm::vec3 cie_xyz_bar(float lambda) { return interpolate_cmf(tables::kCie1931, lambda); }

glm::vec3 cie_xyz_bar_10(float lambda) { return interpolate_cmf(tables::kCie1964, lambda); }

float cie_y_integral() {
  static const float v = float(y_sum(tables::kCie1931));
  return v;
}

float cie_y_integral_10() {
  static const float v = float(y_sum(tables::kCie1964));
  return v;
}

glm::vec3 spectrum_to_xyz(const Spectrum& s) {
  return glm::vec3(integrate_xyz(s, tables::kCie1931));
}

glm::vec3 spectrum_to_xyz_10(const Spectrum& s) {
  return glm::vec3(integrate_xyz(s, tables::kCie1964));
}

float spectrum_luminance(const Spectrum& s) { return float(integrate_xyz(s, tables::kCie1931).y); }

glm::mat3 linear_srgb_to_xyz() { return glm::mat3(srgb_to_xyz_d()); }

glm::mat3 xyz_to_linear_srgb() {
  static const glm::dmat3 m = glm::inverse(srgb_to_xyz_d());
  return glm::mat3(m);
}

glm::mat3 xyz_to_display_p3() {
  static const glm::dmat3 m = glm::inverse(p3_to_xyz_d());
  return glm::mat3(m);
}

glm::vec3 srgb_white_xyz() { return glm::vec3(d65_white()); }

glm::mat3 rgb_to_xyz_matrix(const glm::vec2& r, const glm::vec2& g, const glm::vec2& b,
                            const glm::vec3& white_xyz) {
  return glm::mat3(primaries_to_xyz(r, g, b, white_xyz));
}

glm::mat3 bradford_adaptation(const glm::vec3& src_white_xyz, const glm::vec3& dst_white_xyz) {
  // Lam's (1985) sharpened cone space; the adaptation is a von Kries scaling within it.
  static const glm::dmat3 kBradford =
      from_rows({0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296});
  static const glm::dmat3 kInverse = glm::inverse(kBradford);
  const glm::dvec3 src = kBradford * glm::dvec3(src_white_xyz);
  const glm::dvec3 dst = kBradford * glm::dvec3(dst_white_xyz);
  const glm::dmat3 gain(glm::dvec3(dst.x / src.x, 0, 0), glm::dvec3(0, dst.y / src.y, 0),
                        glm::dvec3(0, 0, dst.z / src.z));
  return glm::mat3(kInverse * gain * kBradford);
}

glm::vec2 xyz_to_xy(const glm::vec3& xyz) {
  const double sum = double(xyz.x) + xyz.y + xyz.z;
  if (sum == 0.0) return glm::vec2(0.0f);
  return glm::vec2(float(xyz.x / sum), float(xyz.y / sum));
}

glm::vec3 xyz_to_lab(glm::vec3 xyz, glm::vec3 white_xyz) {
  const double fx = lab_f(double(xyz.x) / white_xyz.x);
  const double fy = lab_f(double(xyz.y) / white_xyz.y);
  const double fz = lab_f(double(xyz.z) / white_xyz.z);
  return glm::vec3(float(116.0 * fy - 16.0), float(500.0 * (fx - fy)), float(200.0 * (fy - fz)));
}

// IEC 61966-2-1 piecewise transfer function (linear toe below 0.0031308).
float srgb_encode(float linear) {
  const double v = linear;
  if (v <= 0.0031308) return float(12.92 * v);
  return float(1.055 * std::pow(v, 1.0 / 2.4) - 0.055);
}

float srgb_decode(float encoded) {
  const double v = encoded;
  if (v <= 0.04045) return float(v / 12.92);
  return float(std::pow((v + 0.055) / 1.055, 2.4));
}

}  // namespace limner
