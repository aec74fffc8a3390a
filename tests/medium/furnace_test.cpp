// White furnace for the random walk: a non-absorbing medium behind an index-matched, a smooth
// (n = 1.4) or a rough boundary in a uniform environment must look exactly like the
// environment. Also: a chromatic medium rendered with spectral MIS (four wavelengths, distances
// sampled with the hero only) equals the average of renders where each wavelength is alone.
#include <gtest/gtest.h>

#include "medium/medium_util.h"

namespace limner::test {
namespace {

struct FurnaceCase {
  float ior, roughness, g;
};

class MediumFurnace : public ::testing::TestWithParam<FurnaceCase> {};

TEST_P(MediumFurnace, NonAbsorbingSphereReturnsTheEnvironment) {
  const FurnaceCase c = GetParam();
  std::string m = R"({"type": "subsurface", "sigma_a_per_mm": 0, "sigma_s_per_mm": 2, "g": )" +
                  std::to_string(c.g) + R"(, "ior": )" + std::to_string(c.ior) +
                  R"(, "roughness": )" + std::to_string(c.roughness) + "}";
  auto scene = scene_from_json(sphere_in_environment(m, 1.0f));
  SampledWavelengths wl = wavelengths(450.0f, 520.0f, 600.0f, 680.0f);
  // The environment's own radiance: a ray that misses the sphere.
  Sampler s(0, 0, 0, 9);
  PathCounters pc;
  SampledSpectrum env = trace_path(*scene, Ray{{0, 5, 100}, {0, 0, -1}}, wl, s, pc);
  ASSERT_GT(env[0], 0.0f);
  // Rays over the inner 70 % of the disc (all hit the sphere).
  SampledSpectrum L = mean_radiance(*scene, wl, 0.5f, 20000);
  for (int i = 0; i < kLambdas; ++i) EXPECT_NEAR(L[i] / env[i], 1.0, 0.01) << "lambda " << i;
}

INSTANTIATE_TEST_SUITE_P(Boundaries, MediumFurnace,
                         ::testing::Values(FurnaceCase{1.0f, 0.0f, 0.0f},
                                           FurnaceCase{1.4f, 0.0f, 0.0f},
                                           FurnaceCase{1.4f, 0.0f, 0.7f},
                                           FurnaceCase{1.4f, 0.3f, 0.0f}));

// sigma_s and sigma_a change by an order of magnitude between the four wavelengths, so the
// hero's distances are poor samples for the others: only correct spectral MIS weights agree.
TEST(SpectralMis, ChromaticMediumEqualsSingleWavelengthRenders) {
  std::string m = R"({"type": "subsurface", "ior": 1.4, "roughness": 0.0,
      "sigma_a_per_mm": {"samples": [[400, 0.02], [500, 0.3], [600, 1.0], [700, 0.05]]},
      "sigma_s_per_mm": {"samples": [[400, 6.0], [500, 0.5], [600, 2.0], [700, 0.2]]}})";
  auto scene = scene_from_json(sphere_in_environment(m, 1.0f));
  const float lambdas[kLambdas] = {400.0f, 500.0f, 600.0f, 700.0f};
  // As in the renderer (sample_wavelengths rotates the four lanes in CDF space), each of the
  // four wavelengths is the hero (lane 0) equally often.
  SampledSpectrum mis(0.0f);
  for (int h = 0; h < kLambdas; ++h) {
    float l[kLambdas];
    for (int k = 0; k < kLambdas; ++k) l[k] = lambdas[(k + h) % kLambdas];
    SampledSpectrum r = mean_radiance(*scene, wavelengths(l[0], l[1], l[2], l[3]), 0.5f, 10000,
                                      uint64_t(h + 1));
    for (int k = 0; k < kLambdas; ++k) mis[(k + h) % kLambdas] += 0.25f * r[k];
  }
  for (int i = 0; i < kLambdas; ++i) {
    float l = lambdas[i];
    SampledSpectrum single = mean_radiance(*scene, wavelengths(l, l, l, l), 0.5f, 40000, 7);
    EXPECT_NEAR(mis[i], single[0], 0.02 * single[0] + 0.002) << "lambda " << l;
  }
}

}  // namespace
}  // namespace limner::test
