// Spectrum construction and evaluation (constant, piecewise, blackbody, sigmoid albedo).
// Named illuminants and daylight live in illuminants.cpp, the RGB fit in rgb_albedo.cpp.
#include "renderer/spectral/spectrum.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <type_traits>

#include "renderer/spectral/sigmoid.h"

namespace limner {
namespace {

// Second radiation constant hc/k in nm K (CODATA 2018) and Wien's displacement constant b.
constexpr double kPlanckC2 = 1.438776877e7;
constexpr double kWienB = 2.897771955e6;

// Wavelength at which Planck's law peaks, restricted to the range the spectrum is normalised on.
double clamped_peak_nm(double kelvin) {
  return std::clamp(kWienB / kelvin, double(kLambdaMin), double(kLambdaMax));
}

// B(lambda, T) / B(peak, T). Written as a ratio of expm1 terms around the peak so that no
// intermediate overflows: a plain 1/B(peak) exceeds float range below about 200 K.
double planck_relative(double lambda, double kelvin) {
  if (!(lambda > 0.0)) return 0.0;
  const double peak = clamped_peak_nm(kelvin);
  const double x = kPlanckC2 / (lambda * kelvin);
  const double xp = kPlanckC2 / (peak * kelvin);
  const double r = peak / lambda;
  const double r5 = (r * r) * (r * r) * r;
  // expm1(xp)/expm1(x) = exp(xp - x) * (1 - e^-xp) / (1 - e^-x)
  return r5 * std::exp(xp - x) * (-std::expm1(-xp)) / (-std::expm1(-x));
}

float eval_piecewise(const PiecewiseSpectrum& s, float lambda) {
  const auto& l = s.lambda;
  if (l.empty() || !(lambda >= l.front()) || !(lambda <= l.back())) return 0.0f;
  if (s.inv_step > 0.0f) {
    const float x = (lambda - l.front()) * s.inv_step;
    const size_t i = std::min(size_t(x), l.size() - 2);
    const float t = std::min(x - float(i), 1.0f);
    return s.value[i] + t * (s.value[i + 1] - s.value[i]);
  }
  // Binary search: the tables are short but the lookup must not allocate.
  const auto hi = std::upper_bound(l.begin(), l.end(), lambda);
  if (hi == l.end()) return s.value.back();
  const size_t i = size_t(hi - l.begin()) - 1;
  const float t = (lambda - l[i]) / (l[i + 1] - l[i]);
  return s.value[i] + t * (s.value[i + 1] - s.value[i]);
}

// Extreme values of a piecewise-linear function over [360, 830] occur at knots or at the
// interval ends (which also pick up the zero outside the tabulated range).
template <typename Pick>
float extreme_piecewise(const Spectrum& sp, const PiecewiseSpectrum& s, Pick pick) {
  float m = pick(sp.eval(kLambdaMin), sp.eval(kLambdaMax));
  for (size_t i = 0; i < s.lambda.size(); ++i) {
    if (s.lambda[i] >= kLambdaMin && s.lambda[i] <= kLambdaMax) m = pick(m, s.value[i]);
  }
  return m;
}

// The sigmoid is monotonic, so the albedo's extremes are at the interval ends or at the
// vertex of the quadratic.
template <typename Pick>
float extreme_albedo(const RgbAlbedoSpectrum& s, Pick pick) {
  float m = pick(eval_rgb_albedo(s, kLambdaMin), eval_rgb_albedo(s, kLambdaMax));
  if (s.c0 != 0.0f) {
    const double vertex = -double(s.c1) / (2.0 * double(s.c0));
    if (vertex > kLambdaMin && vertex < kLambdaMax) m = pick(m, eval_rgb_albedo(s, float(vertex)));
  }
  return m;
}

float pick_max(float a, float b) { return a > b ? a : b; }
float pick_min(float a, float b) { return a < b ? a : b; }

}  // namespace

float eval_rgb_albedo(const RgbAlbedoSpectrum& s, float lambda) {
  const double l = lambda;
  const double x = (double(s.c0) * l + double(s.c1)) * l + double(s.c2);
  return sigmoid_to_open_unit(x);
}

Spectrum Spectrum::constant(float c) { return Spectrum(ConstantSpectrum{c}); }

Spectrum Spectrum::piecewise(std::vector<float> lambda, std::vector<float> value) {
  if (lambda.size() != value.size())
    throw std::invalid_argument("piecewise spectrum: lambda and value sizes differ");
  if (lambda.size() < 2)
    throw std::invalid_argument("piecewise spectrum: needs at least two samples");
  for (size_t i = 0; i < lambda.size(); ++i) {
    if (!std::isfinite(lambda[i]) || !std::isfinite(value[i]))
      throw std::invalid_argument("piecewise spectrum: non-finite sample");
    if (i > 0 && !(lambda[i] > lambda[i - 1]))
      throw std::invalid_argument("piecewise spectrum: wavelengths must be strictly increasing");
  }
  PiecewiseSpectrum p{std::move(lambda), std::move(value)};
  const double step = (double(p.lambda.back()) - p.lambda.front()) / double(p.lambda.size() - 1);
  bool even = true;
  for (size_t i = 0; i < p.lambda.size() && even; ++i)
    even = std::fabs(double(p.lambda[i]) - (p.lambda.front() + double(i) * step)) < 1e-4 * step;
  if (even) p.inv_step = float(1.0 / step);
  return Spectrum(std::move(p));
}

Spectrum Spectrum::blackbody(float kelvin) {
  if (!std::isfinite(kelvin) || !(kelvin > 0.0f))
    throw std::invalid_argument("blackbody: temperature must be a positive number of kelvin");
  // The max-1 scaling is built into eval (planck_relative); normalization is an extra factor.
  return Spectrum(BlackbodySpectrum{kelvin, 1.0f});
}

float Spectrum::eval(float lambda) const {
  return std::visit(
      [lambda](const auto& s) -> float {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, ConstantSpectrum>) {
          return s.value;
        } else if constexpr (std::is_same_v<T, PiecewiseSpectrum>) {
          return eval_piecewise(s, lambda);
        } else if constexpr (std::is_same_v<T, BlackbodySpectrum>) {
          return float(double(s.normalization) * planck_relative(lambda, s.kelvin));
        } else {
          return eval_rgb_albedo(s, lambda);
        }
      },
      v_);
}

// One dispatch for all four wavelengths: this runs at every hit for every material.
SampledSpectrum Spectrum::sample(const SampledWavelengths& wl) const {
  SampledSpectrum out;
  std::visit(
      [&](const auto& s) {
        using T = std::decay_t<decltype(s)>;
        for (int i = 0; i < kLambdas; ++i) {
          if constexpr (std::is_same_v<T, ConstantSpectrum>) {
            out[i] = s.value;
          } else if constexpr (std::is_same_v<T, PiecewiseSpectrum>) {
            out[i] = eval_piecewise(s, wl.lambda[i]);
          } else if constexpr (std::is_same_v<T, BlackbodySpectrum>) {
            out[i] = float(double(s.normalization) * planck_relative(wl.lambda[i], s.kelvin));
          } else {
            out[i] = eval_rgb_albedo(s, wl.lambda[i]);
          }
        }
      },
      v_);
  return out;
}

float Spectrum::max_value() const {
  return std::visit(
      [this](const auto& s) -> float {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, ConstantSpectrum>) {
          return s.value;
        } else if constexpr (std::is_same_v<T, PiecewiseSpectrum>) {
          return extreme_piecewise(*this, s, pick_max);
        } else if constexpr (std::is_same_v<T, BlackbodySpectrum>) {
          // Planck's law is unimodal, so the maximum sits at the clamped peak.
          return eval(float(clamped_peak_nm(s.kelvin)));
        } else {
          return extreme_albedo(s, pick_max);
        }
      },
      v_);
}

float Spectrum::min_value() const {
  return std::visit(
      [this](const auto& s) -> float {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, ConstantSpectrum>) {
          return s.value;
        } else if constexpr (std::is_same_v<T, PiecewiseSpectrum>) {
          return extreme_piecewise(*this, s, pick_min);
        } else if constexpr (std::is_same_v<T, BlackbodySpectrum>) {
          return std::min(eval(kLambdaMin), eval(kLambdaMax));
        } else {
          return extreme_albedo(s, pick_min);
        }
      },
      v_);
}

}  // namespace limner
