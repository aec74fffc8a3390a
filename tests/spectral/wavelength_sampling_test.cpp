// Hero-wavelength sampling: density, stratification and the XYZ estimator.
#include <gtest/gtest.h>

#include <cmath>

#include "renderer/spectral/color.h"

namespace limner {
namespace {

TEST(WavelengthSampling, PdfIntegratesToOneAndIsPositive) {
  double integral = 0.0;
  const double h = 0.01;
  for (double l = kLambdaMin; l < kLambdaMax; l += h) {
    const double a = sample_wavelengths_pdf(float(l));
    const double b = sample_wavelengths_pdf(float(l + h));
    integral += 0.5 * (a + b) * h;
    EXPECT_GT(a, 0.0) << l;
  }
  EXPECT_NEAR(integral, 1.0, 1e-4);
  EXPECT_GT(sample_wavelengths_pdf(kLambdaMax), 0.0f);
  EXPECT_EQ(sample_wavelengths_pdf(359.0f), 0.0f);
  EXPECT_EQ(sample_wavelengths_pdf(831.0f), 0.0f);
  // Importance toward the visible peak: denser at 550 nm than at either end.
  EXPECT_GT(sample_wavelengths_pdf(550.0f), 2.0f * sample_wavelengths_pdf(400.0f));
  EXPECT_GT(sample_wavelengths_pdf(550.0f), 3.0f * sample_wavelengths_pdf(750.0f));
}

TEST(WavelengthSampling, PdfIsTheDerivativeOfTheSampleMapping) {
  // If lambda(u) is the inverse CDF, d lambda / du = 1 / pdf(lambda).
  const float du = 1e-3f;
  for (float u = 0.01f; u < 0.24f; u += 0.01f) {
    const SampledWavelengths a = sample_wavelengths(u);
    const SampledWavelengths b = sample_wavelengths(u + du);
    for (int i = 0; i < kLambdas; ++i) {
      const double slope = (b.lambda[size_t(i)] - a.lambda[size_t(i)]) / du;
      const double pdf_mid = 0.5 * (a.pdf[size_t(i)] + b.pdf[size_t(i)]);
      // The mapping is a 4096-segment piecewise-linear inverse CDF: a finite difference across
      // a segment boundary sees two slightly different constant densities.
      EXPECT_NEAR(slope * pdf_mid, 1.0, 5e-3) << "u " << u << " lane " << i;
    }
  }
}

TEST(WavelengthSampling, LanesAreStratifiedOffsetsOfTheHero) {
  for (float u : {0.0f, 0.1f, 0.37f, 0.8f, 0.9999f}) {
    const SampledWavelengths wl = sample_wavelengths(u);
    for (int i = 0; i < kLambdas; ++i) {
      float ui = u + float(i) / kLambdas;
      if (ui >= 1.0f) ui -= 1.0f;
      const SampledWavelengths shifted = sample_wavelengths(ui);
      EXPECT_NEAR(wl.lambda[size_t(i)], shifted.lambda[0], 1e-3) << u << " " << i;
      EXPECT_GE(wl.lambda[size_t(i)], kLambdaMin);
      EXPECT_LE(wl.lambda[size_t(i)], kLambdaMax);
      EXPECT_EQ(wl.pdf[size_t(i)], sample_wavelengths_pdf(wl.lambda[size_t(i)]));
    }
  }
  // u = 0 maps to the bottom of the range.
  EXPECT_NEAR(sample_wavelengths(0.0f).lambda[0], kLambdaMin, 1e-3);
}

glm::vec3 stratified_estimate(const Spectrum& s, int n) {
  glm::dvec3 sum(0.0);
  for (int k = 0; k < n; ++k) {
    const SampledWavelengths wl = sample_wavelengths((float(k) + 0.5f) / float(n));
    sum += glm::dvec3(sampled_to_xyz(s.sample(wl), wl));
  }
  return glm::vec3(sum / double(n));
}

TEST(WavelengthSampling, EstimatorConvergesToSpectrumToXyz) {
  const Spectrum specs[] = {Spectrum::named_illuminant("D65"), Spectrum::named_illuminant("A"),
                            Spectrum::blackbody(9000.0f), Spectrum::constant(0.5f),
                            Spectrum::piecewise({440.0f, 460.0f, 480.0f}, {0.0f, 1.0f, 0.0f})};
  for (const Spectrum& s : specs) {
    const glm::vec3 expected = spectrum_to_xyz(s);
    const glm::vec3 got = stratified_estimate(s, 4096);
    for (int i = 0; i < 3; ++i) EXPECT_NEAR(got[i], expected[i], 5e-3 * expected[i]) << i;
  }
}

TEST(WavelengthSampling, TerminatedLanesAreSkipped) {
  SampledWavelengths wl = sample_wavelengths(0.3f);
  SampledSpectrum L(1.0f);
  const glm::vec3 full = sampled_to_xyz(L, wl);
  const glm::vec3 lane1 =
      L[1] * cie_xyz_bar(wl.lambda[1]) / wl.pdf[1] / (float(kLambdas) * cie_y_integral());
  wl.pdf[1] = 0.0f;
  L[1] = 1e30f;  // would dominate if it were not skipped
  const glm::vec3 partial = sampled_to_xyz(L, wl);
  EXPECT_TRUE(std::isfinite(partial.x) && std::isfinite(partial.y) && std::isfinite(partial.z));
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(partial[i], full[i] - lane1[i], 1e-6);
}

}  // namespace
}  // namespace limner
