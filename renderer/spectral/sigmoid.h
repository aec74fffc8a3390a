// The Jakob & Hanika (2019) sigmoid S(x) = 1/2 + x / (2 sqrt(1 + x^2)), shared by the albedo
// evaluation and the RGB fit so that both see exactly the same curve.
#pragma once
#include <cmath>
#include <limits>

#include "renderer/spectral/spectrum.h"

namespace limner {

// S(x) without the cancellation of the textbook form: S(-a) = 1 / (2 r (r + a)), r = sqrt(1+a^2),
// so the lower tail stays positive (and the upper one below 1) far into the asymptotes.
inline double sigmoid(double x) {
  const double a = std::fabs(x);
  const double r = std::sqrt(1.0 + a * a);
  const double tail = 0.5 / (r * (r + a));
  return x >= 0.0 ? 1.0 - tail : tail;
}

// dS/dx = 1 / (2 (1 + x^2)^(3/2)).
inline double sigmoid_derivative(double x) {
  const double r = std::sqrt(1.0 + x * x);
  return 0.5 / (r * r * r);
}

// S(x) rounded to float and kept strictly inside (0, 1): a reflectance of exactly 0 or 1 would
// break the "bounded albedo" contract, and float cannot resolve the far tails.
inline float sigmoid_to_open_unit(double x) {
  constexpr float kLow = std::numeric_limits<float>::min();
  constexpr float kHigh = 1.0f - std::numeric_limits<float>::epsilon() / 2.0f;
  const float s = float(sigmoid(x));
  if (!(s >= kLow)) return kLow;  // also catches NaN
  return s > kHigh ? kHigh : s;
}

// sigmoid(c0 l^2 + c1 l + c2) at lambda in nm, evaluated in double.
float eval_rgb_albedo(const RgbAlbedoSpectrum& s, float lambda);

}  // namespace limner
