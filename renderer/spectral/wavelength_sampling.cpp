// Importance sampling of visible wavelengths for hero-wavelength spectral transport.
//
// The density is proportional to sech^2(a (lambda - c)) on 360-830 nm, a bell that roughly
// follows the summed colour matching functions but keeps heavier tails than ybar, so deep
// blue and far red are still visited (the density at 360 and 830 nm is about 27% and 6% of
// the peak). Its CDF is a difference of tanh values, so the inverse is closed-form. The
// constants are the ones pbrt-v4 uses for its visible-wavelength distribution.
#include <algorithm>
#include <cmath>

#include "renderer/spectral/color.h"

namespace limner {
namespace {

constexpr double kShapeA = 0.0072;  // 1/nm: width of the bell
constexpr double kShapeC = 538.0;   // nm: centre of the bell

double tanh_at(double lambda) { return std::tanh(kShapeA * (lambda - kShapeC)); }

// Normalisation and CDF offset, computed once.
struct ShapeConstants {
  double t_min = tanh_at(kLambdaMin);
  double t_range = tanh_at(kLambdaMax) - tanh_at(kLambdaMin);
};
const ShapeConstants& shape() {
  static const ShapeConstants c;
  return c;
}

// Inverse CDF: u in [0, 1] -> lambda in [360, 830].
double invert_cdf(double u) {
  const double lambda = kShapeC + std::atanh(shape().t_min + u * shape().t_range) / kShapeA;
  return std::fmin(std::fmax(lambda, double(kLambdaMin)), double(kLambdaMax));
}

// Every path samples four wavelengths, so the inverse CDF is tabulated once (atanh and cosh per
// lane cost as much as a ray). Sampling interpolates the table linearly; the density of that
// sampler is constant on each segment, 1 / (N * segment width), and that exact density is the
// pdf used, so the estimator stays unbiased.
constexpr int kSegments = 4096;

struct InverseCdfTable {
  float lambda[kSegments + 1];
  float pdf[kSegments];
  InverseCdfTable() {
    for (int k = 0; k <= kSegments; ++k) lambda[k] = float(invert_cdf(double(k) / kSegments));
    lambda[0] = kLambdaMin;
    lambda[kSegments] = kLambdaMax;
    for (int k = 0; k < kSegments; ++k)
      pdf[k] = float(1.0 / (double(kSegments) * (double(lambda[k + 1]) - lambda[k])));
  }
};

const InverseCdfTable& table() {
  static const InverseCdfTable t;
  return t;
}

}  // namespace

float sample_wavelengths_pdf(float lambda) {
  if (!(lambda >= kLambdaMin && lambda <= kLambdaMax)) return 0.0f;
  const InverseCdfTable& t = table();
  const float* hi = std::upper_bound(t.lambda, t.lambda + kSegments + 1, lambda);
  int k = std::min(int(hi - t.lambda) - 1, kSegments - 1);
  return t.pdf[std::max(k, 0)];
}

SampledWavelengths sample_wavelengths(float u) {
  SampledWavelengths wl;
  const InverseCdfTable& t = table();
  // Clamp so a caller's u == 1 (or a stray negative) still lands in [0, 1).
  float base = std::isfinite(u) ? std::fmin(std::fmax(u, 0.0f), 1.0f) : 0.0f;
  if (base >= 1.0f) base = 0.0f;
  for (int i = 0; i < kLambdas; ++i) {
    // Stratify in CDF space: lane i is the hero shifted by i/kLambdas, wrapped into [0, 1).
    float ui = base + float(i) / kLambdas;
    if (ui >= 1.0f) ui -= 1.0f;
    const float x = ui * kSegments;
    const int k = std::min(int(x), kSegments - 1);
    const float f = x - float(k);
    wl.lambda[size_t(i)] = t.lambda[k] + f * (t.lambda[k + 1] - t.lambda[k]);
    wl.pdf[size_t(i)] = t.pdf[k];
  }
  return wl;
}

glm::vec3 sampled_to_xyz(const SampledSpectrum& L, const SampledWavelengths& wl) {
  glm::vec3 sum(0.0f);
  for (int i = 0; i < kLambdas; ++i) {
    const float pdf = wl.pdf[size_t(i)];
    if (pdf == 0.0f) continue;  // a terminated lane carries no estimate
    sum += L[i] * cie_xyz_bar(wl.lambda[size_t(i)]) / pdf;
  }
  return sum / (float(kLambdas) * cie_y_integral());
}

}  // namespace limner
