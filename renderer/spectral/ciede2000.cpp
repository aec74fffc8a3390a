// CIEDE2000, following the step numbering of Sharma, Wu & Dalal 2005 (equations 2-22).
#include "renderer/spectral/ciede2000.h"

#include <cmath>

namespace limner {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDeg = kPi / 180.0;
constexpr double k25Pow7 = 6103515625.0;  // 25^7

// Hue differences of exactly 180 degrees are where the formula switches branch (Sharma's
// pairs 13-15 straddle it). The paper puts 180 itself on the "<= 180" side; a rounding error
// in atan2 must not move a pair across, so the comparison allows a hair of slack.
constexpr double kHalfTurnSlack = 1e-9;

double pow7(double x) {
  const double x2 = x * x;
  return x2 * x2 * x2 * x;
}

// Hue angle in [0, 360) degrees; 0 for a neutral colour (eq. 4, with the paper's convention).
double hue_deg(double b, double a_prime) {
  if (a_prime == 0.0 && b == 0.0) return 0.0;
  const double h = std::atan2(b, a_prime) / kDeg;
  return h < 0.0 ? h + 360.0 : h;
}

struct Primed {
  double c, h;  // C' and h' (degrees)
};

// Steps 1 (eqs. 2-7): the a* axis is stretched for low-chroma colours (factor 1 + G).
void primed_chroma_hue(const glm::dvec3& lab1, const glm::dvec3& lab2, Primed& p1, Primed& p2) {
  const double c_mean = 0.5 * (std::hypot(lab1.y, lab1.z) + std::hypot(lab2.y, lab2.z));
  const double c7 = pow7(c_mean);
  const double g = 0.5 * (1.0 - std::sqrt(c7 / (c7 + k25Pow7)));
  const double a1 = (1.0 + g) * lab1.y, a2 = (1.0 + g) * lab2.y;
  p1 = {std::hypot(a1, lab1.z), hue_deg(lab1.z, a1)};
  p2 = {std::hypot(a2, lab2.z), hue_deg(lab2.z, a2)};
}

// Eq. 10: signed hue difference h2' - h1', wrapped into [-180, 180].
double hue_difference(const Primed& p1, const Primed& p2) {
  if (p1.c * p2.c == 0.0) return 0.0;
  const double d = p2.h - p1.h;
  if (std::fabs(d) <= 180.0 + kHalfTurnSlack) return d;
  return d > 180.0 ? d - 360.0 : d + 360.0;
}

// Eq. 14: mean hue, taken along the shorter arc.
double mean_hue(const Primed& p1, const Primed& p2) {
  const double sum = p1.h + p2.h;
  if (p1.c * p2.c == 0.0) return sum;
  if (std::fabs(p1.h - p2.h) <= 180.0 + kHalfTurnSlack) return 0.5 * sum;
  return sum < 360.0 ? 0.5 * (sum + 360.0) : 0.5 * (sum - 360.0);
}

// Eq. 15: the hue weighting T, which varies around the hue circle.
double hue_weight(double h) {
  return 1.0 - 0.17 * std::cos((h - 30.0) * kDeg) + 0.24 * std::cos(2.0 * h * kDeg) +
         0.32 * std::cos((3.0 * h + 6.0) * kDeg) - 0.20 * std::cos((4.0 * h - 63.0) * kDeg);
}

}  // namespace

double ciede2000(const glm::dvec3& lab1, const glm::dvec3& lab2, double kL, double kC,
                 double kH) {
  Primed p1, p2;
  primed_chroma_hue(lab1, lab2, p1, p2);

  // Step 2 (eqs. 8-11): lightness, chroma and hue differences.
  const double dl = lab2.x - lab1.x;
  const double dc = p2.c - p1.c;
  const double dh = 2.0 * std::sqrt(p1.c * p2.c) * std::sin(0.5 * hue_difference(p1, p2) * kDeg);

  // Step 3 (eqs. 12-22): weighting functions and the rotation term for blues.
  const double l_mean = 0.5 * (lab1.x + lab2.x);
  const double c_mean = 0.5 * (p1.c + p2.c);
  const double h_mean = mean_hue(p1, p2);
  const double l50 = (l_mean - 50.0) * (l_mean - 50.0);
  const double sl = 1.0 + 0.015 * l50 / std::sqrt(20.0 + l50);
  const double sc = 1.0 + 0.045 * c_mean;
  const double sh = 1.0 + 0.015 * c_mean * hue_weight(h_mean);
  const double rotation = 30.0 * std::exp(-std::pow((h_mean - 275.0) / 25.0, 2.0));
  const double c7 = pow7(c_mean);
  const double rc = 2.0 * std::sqrt(c7 / (c7 + k25Pow7));
  const double rt = -std::sin(2.0 * rotation * kDeg) * rc;

  const double tl = dl / (kL * sl), tc = dc / (kC * sc), th = dh / (kH * sh);
  return std::sqrt(tl * tl + tc * tc + th * th + rt * tc * th);
}

}  // namespace limner
