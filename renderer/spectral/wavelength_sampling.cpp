// Importance sampling of visible wavelengths for hero-wavelength spectral transport.
//
// The density is proportional to sech^2(a (lambda - c)) on 360-830 nm, a bell that roughly
// follows the summed colour matching functions but keeps heavier tails than ybar, so deep
// blue and far red are still visited (the density at 360 and 830 nm is about 27% and 6% of
// the peak). Its CDF is a difference of tanh values, so the inverse is closed-form. The
// constants are the ones pbrt-v4 uses for its visible-wavelength distribution.
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

double pdf_at(double lambda) {
  if (!(lambda >= kLambdaMin && lambda <= kLambdaMax)) return 0.0;
  const double ch = std::cosh(kShapeA * (lambda - kShapeC));
  return kShapeA / (ch * ch * shape().t_range);
}

// Inverse CDF: u in [0, 1] -> lambda in [360, 830].
double invert_cdf(double u) {
  const double lambda = kShapeC + std::atanh(shape().t_min + u * shape().t_range) / kShapeA;
  return std::fmin(std::fmax(lambda, double(kLambdaMin)), double(kLambdaMax));
}

}  // namespace

float sample_wavelengths_pdf(float lambda) { return float(pdf_at(lambda)); }

SampledWavelengths sample_wavelengths(float u) {
  SampledWavelengths wl;
  // Clamp so a caller's u == 1 (or a stray negative) still lands in [0, 1).
  double base = std::isfinite(u) ? std::fmin(std::fmax(double(u), 0.0), 1.0) : 0.0;
  if (base >= 1.0) base = 0.0;
  for (int i = 0; i < kLambdas; ++i) {
    // Stratify in CDF space: lane i is the hero shifted by i/kLambdas, wrapped into [0, 1).
    double ui = base + double(i) / kLambdas;
    if (ui >= 1.0) ui -= 1.0;
    const double lambda = invert_cdf(ui);
    wl.lambda[size_t(i)] = float(lambda);
    wl.pdf[size_t(i)] = float(pdf_at(float(lambda)));
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
