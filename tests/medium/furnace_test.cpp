// White furnace for the random walk: a non-absorbing medium behind an index-matched, a smooth
// (n = 1.4) or a rough boundary in a uniform environment must look exactly like the
// environment. Also: a chromatic medium rendered with spectral MIS (four wavelengths, distances
// sampled with the hero only) equals the average of renders where each wavelength is alone.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>

#include "medium/medium_util.h"
#include "renderer/sampler.h"

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
  SampledSpectrum L = mean_radiance(*scene, wl, 0.5f, 60000);
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

namespace limner::test {
namespace {

// A ray through a 0.1 mm sheet (a thin feature: the walk's flight ends at the far face) of a
// pure absorber sees the environment times Beer-Lambert, and with Fresnel faces (n = 1.5) the
// sum of the reflected and transmitted geometric series.
TEST(ThinFeature, SheetMeshFollowsBeerLambert) {
  std::string obj = box_obj(10.0f, 0.05f);
  for (float ior : {1.0f, 1.5f}) {
    std::string json = R"({"camera": {"from": [0, 0, 50], "to": [0, 0, 0]},
      "film": {"max_depth": 64},
      "lights": [{"type": "environment", "spectrum": 1, "scale": 1}],
      "materials": {"m": {"type": "subsurface", "sigma_a_per_mm": 4, "sigma_s_per_mm": 0,
                          "ior": )" + std::to_string(ior) + R"(, "roughness": 0}},
      "objects": [{"mesh": ")" + obj + R"(", "material": "m"}]})";
    auto scene = scene_from_json(json);
    SampledWavelengths wl = wavelengths(450.0f, 520.0f, 600.0f, 680.0f);
    Sampler s(0, 0, 0, 9);
    PathCounters pc;
    SampledSpectrum env = trace_path(*scene, Ray{{0, 50, 100}, {0, 0, -1}}, wl, s, pc);
    SampledSpectrum L = mean_radiance(*scene, wl, 2.0f, ior == 1.0f ? 16 : 20000);
    double e = std::exp(-4.0 * 0.1), f = ior == 1.0f ? 0.0 : 0.04;
    double expected = (1 - f) * (1 - f) * e / (1 - f * f * e * e) +
                      f + (1 - f) * (1 - f) * f * e * e / (1 - f * f * e * e);
    EXPECT_NEAR(L[0] / env[0], expected, ior == 1.0f ? 1e-4 : 0.01) << "ior " << ior;
  }
  std::remove(obj.c_str());
}

// Another object inside the bulk (here a black card through the middle of the sheet) ends a
// flight where the walk meets it: nothing is transmitted, only the front face reflects.
TEST(ThinFeature, ObjectInsideTheBulkStopsTheWalk) {
  std::string obj = box_obj(10.0f, 0.05f);
  std::string json = R"({"camera": {"from": [0, 0, 50], "to": [0, 0, 0]},
    "lights": [{"type": "environment", "spectrum": 1, "scale": 1}],
    "materials": {"m": {"type": "subsurface", "sigma_a_per_mm": 0, "sigma_s_per_mm": 0.5,
                        "ior": 1.5, "roughness": 0},
                  "black": {"type": "diffuse", "reflectance": 0}},
    "objects": [{"mesh": ")" + obj + R"(", "material": "m"},
                {"rect": {"center": [0, 0, 0], "normal": [0, 0, 1], "size": [30, 30]},
                 "material": "black"}]})";
  auto scene = scene_from_json(json);
  SampledWavelengths wl = wavelengths(450.0f, 520.0f, 600.0f, 680.0f);
  Sampler s(0, 0, 0, 9);
  PathCounters pc;
  SampledSpectrum env = trace_path(*scene, Ray{{0, 50, 100}, {0, 0, -1}}, wl, s, pc);
  SampledSpectrum L = mean_radiance(*scene, wl, 2.0f, 20000);
  // Front-face reflection 0.04 plus what scatters back out before reaching the card (> 0).
  EXPECT_GT(L[0] / env[0], 0.04);
  EXPECT_LT(L[0] / env[0], 0.04 + 0.05);  // the card is 0.05 mm deep: tau 0.025, back < 5%
  std::remove(obj.c_str());
}

// A subsurface object inside another of the same material (as where a self-intersecting mesh
// folds through itself: an eyelid through an eyeball): leaving the inner one, a path believes it
// is in air while it is still inside the outer one. It must not then carry light through the
// outer bulk unattenuated. A pure absorber, so the physical answer is Beer-Lambert over the
// 12 mm the central ray crosses (times Fresnel <= 1): exp(-6) = 0.0025; a leak through the
// outer sphere's last 4 mm would give exp(-4) = 0.018 (times Fresnel ~ 0.85).
TEST(ThinFeature, NestedObjectDoesNotLeakLight) {
  std::string json = R"({"camera": {"from": [0, 0, 50], "to": [0, 0, 0]},
    "lights": [{"type": "rect", "center": [0, 0, -20], "to": [0, 0, 0], "size": [60, 60],
                "spectrum": 1, "scale": 1}],
    "materials": {"m": {"type": "subsurface", "sigma_a_per_mm": 0.5, "sigma_s_per_mm": 0,
                        "ior": 1.5, "roughness": 0}},
    "objects": [{"sphere": {"center": [0, 0, 0], "radius": 6}, "material": "m"},
                {"sphere": {"center": [0, 0, 0], "radius": 2}, "material": "m"}]})";
  auto scene = scene_from_json(json);
  SampledWavelengths wl = wavelengths(450.0f, 520.0f, 600.0f, 680.0f);
  SampledSpectrum L = mean_radiance(*scene, wl, 0.2f, 4000);
  EXPECT_LT(L[0], 0.005);
}

}  // namespace
}  // namespace limner::test
