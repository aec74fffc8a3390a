// CCT and Duv by Ohno 2013. The locus is computed here from Planck's law and the CMFs rather
// than taken from a published uv table, so it is consistent with spectrum_to_xyz.
#include "renderer/spectral/cct.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "renderer/spectral/color.h"

namespace limner {
namespace {

// CIE 015 defines CCTs (and the nominal temperatures of A and the D series) with this c2.
constexpr double kCieC2NmK = 1.4388e7;
constexpr double kMinKelvin = 1000.0;
constexpr double kMaxKelvin = 100000.0;
// The once-built table steps 1 % in T, the spacing Ohno's paper starts from.
constexpr double kCoarseRatio = 1.01;
// Each cascade stage samples the bracket around the nearest point at this many points, so the
// bracket shrinks 5x per stage; 4 stages take 2 % down to about 0.003 %.
constexpr int kStagePoints = 11;
constexpr int kStages = 4;
// Ohno: the triangular solution is accurate near the locus, the parabolic one further away.
constexpr double kParabolicDuv = 0.002;

struct LocusPoint {
  double t, u, v;
};

LocusPoint locus_point(double kelvin) {
  const glm::dvec2 uv = planckian_uv_1960(kelvin);
  return {kelvin, uv.x, uv.y};
}

// Geometric steps of about kCoarseRatio that land exactly on both ends of the range.
const std::vector<LocusPoint>& coarse_locus() {
  static const std::vector<LocusPoint> table = [] {
    const double span = std::log(kMaxKelvin / kMinKelvin);
    const int steps = int(std::ceil(span / std::log(kCoarseRatio)));
    std::vector<LocusPoint> t;
    for (int i = 0; i <= steps; ++i)
      t.push_back(locus_point(kMinKelvin * std::exp(span * i / double(steps))));
    return t;
  }();
  return table;
}

double distance(const LocusPoint& p, const glm::dvec2& uv) {
  return std::hypot(uv.x - p.u, uv.y - p.v);
}

// Index of the nearest point, kept off the ends so that it always has two neighbours.
size_t nearest_interior(const std::vector<LocusPoint>& t, const glm::dvec2& uv) {
  size_t best = 0;
  for (size_t i = 1; i < t.size(); ++i)
    if (distance(t[i], uv) < distance(t[best], uv)) best = i;
  return std::clamp(best, size_t(1), t.size() - 2);
}

// The cascade: resample the locus between the nearest point's neighbours, evenly in T.
std::array<LocusPoint, 3> nearest_triplet(const glm::dvec2& uv) {
  const std::vector<LocusPoint>& coarse = coarse_locus();
  size_t m = nearest_interior(coarse, uv);
  double lo = coarse[m - 1].t, hi = coarse[m + 1].t;
  std::vector<LocusPoint> fine(kStagePoints);
  for (int stage = 0; stage < kStages; ++stage) {
    for (int i = 0; i < kStagePoints; ++i)
      fine[size_t(i)] = locus_point(lo + (hi - lo) * i / double(kStagePoints - 1));
    m = nearest_interior(fine, uv);
    lo = fine[m - 1].t;
    hi = fine[m + 1].t;
  }
  return {fine[m - 1], fine[m], fine[m + 1]};
}

// Sign of Duv: + when the colour lies above the locus (larger v) at the solved temperature.
double duv_sign(const std::array<LocusPoint, 3>& p, const glm::dvec2& uv, double t) {
  const LocusPoint& a = t < p[1].t ? p[0] : p[1];
  const LocusPoint& b = t < p[1].t ? p[1] : p[2];
  const double f = (t - a.t) / (b.t - a.t);
  return uv.y - (a.v + f * (b.v - a.v)) >= 0.0 ? 1.0 : -1.0;
}

// Ohno's triangular solution: project the colour onto the chord from point m-1 to m+1.
CctResult triangular(const std::array<LocusPoint, 3>& p, const glm::dvec2& uv) {
  const double d0 = distance(p[0], uv), d2 = distance(p[2], uv);
  const double l = std::hypot(p[2].u - p[0].u, p[2].v - p[0].v);
  const double x = (d0 * d0 - d2 * d2 + l * l) / (2.0 * l);
  const double t = p[0].t + (p[2].t - p[0].t) * x / l;
  const double duv = std::sqrt(std::max(d0 * d0 - x * x, 0.0));
  return {t, duv * duv_sign(p, uv, t)};
}

// Ohno's parabolic solution: the vertex of the parabola through the three (T, distance)
// pairs. T is taken relative to the middle point so the fit does not cancel digits.
CctResult parabolic(const std::array<LocusPoint, 3>& p, const glm::dvec2& uv) {
  const double s0 = p[0].t - p[1].t, s2 = p[2].t - p[1].t;
  const double d0 = distance(p[0], uv), d1 = distance(p[1], uv), d2 = distance(p[2], uv);
  const double g0 = (d0 - d1) / s0, g2 = (d2 - d1) / s2;  // slopes of the two secants
  const double a = (g2 - g0) / (s2 - s0);
  const double b = g0 - a * s0;  // d(s) = d1 + b s + a s^2
  const double s = a > 0.0 ? -b / (2.0 * a) : 0.0;
  const double t = p[1].t + s;
  return {t, (d1 + b * s + a * s * s) * duv_sign(p, uv, t)};
}

}  // namespace

glm::dvec2 xyz_to_uv_1960(const glm::dvec3& xyz) {
  const double den = xyz.x + 15.0 * xyz.y + 3.0 * xyz.z;
  if (den == 0.0) return glm::dvec2(0.0);
  return glm::dvec2(4.0 * xyz.x / den, 6.0 * xyz.y / den);
}

glm::dvec2 planckian_uv_1960(double kelvin) {
  // Only the chromaticity matters, so the radiance is left unscaled (lambda in nm).
  glm::dvec3 xyz(0.0);
  for (int nm = int(kLambdaMin); nm <= int(kLambdaMax); ++nm) {
    const double l = nm;
    const double planck = 1.0 / ((l * l) * (l * l) * l * std::expm1(kCieC2NmK / (l * kelvin)));
    xyz += planck * glm::dvec3(cie_xyz_bar(float(nm)));
  }
  return xyz_to_uv_1960(xyz);
}

CctResult cct_ohno2013(const glm::dvec3& xyz) {
  if (!std::isfinite(xyz.x) || !std::isfinite(xyz.y) || !std::isfinite(xyz.z))
    throw std::invalid_argument("cct_ohno2013: non-finite XYZ");
  if (!(xyz.x + 15.0 * xyz.y + 3.0 * xyz.z > 0.0))
    throw std::invalid_argument("cct_ohno2013: black (or negative) XYZ has no chromaticity");
  const glm::dvec2 uv = xyz_to_uv_1960(xyz);
  const std::array<LocusPoint, 3> p = nearest_triplet(uv);
  const CctResult tri = triangular(p, uv);
  const CctResult r = std::fabs(tri.duv) < kParabolicDuv ? tri : parabolic(p, uv);
  if (r.cct_k >= kMinKelvin && r.cct_k <= kMaxKelvin) return r;
  // Past either end the solutions extrapolate the table; report the end point instead, with
  // the distance to it, rather than a temperature the locus table does not support.
  const LocusPoint end = locus_point(r.cct_k < kMinKelvin ? kMinKelvin : kMaxKelvin);
  return {end.t, distance(end, uv) * (uv.y >= end.v ? 1.0 : -1.0)};
}

}  // namespace limner
