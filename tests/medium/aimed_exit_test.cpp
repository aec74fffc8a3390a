// Aimed exits (renderer/aimed_exit.h) change how light leaving a subsurface object is found, not
// how much: with them the renderer must return what it returns without them, for a rect light in
// front of and behind a translucent sphere with a rough boundary. (The white furnace in
// furnace_test.cpp covers an environment light; a double-counting weight fails both.)
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "medium/medium_util.h"
#include "renderer/sampler.h"

namespace limner::test {
namespace {

struct Estimate {
  double mean = 0.0, variance_of_mean = 0.0;
};

// Mean over the four wavelengths of the radiance along parallel rays (-z) over [-half, half]^2.
Estimate estimate(const Scene& scene, float half, int n, uint64_t seed) {
  SampledWavelengths wl = wavelengths(450.0f, 520.0f, 600.0f, 680.0f);
  double sum = 0.0, sum2 = 0.0;
  PathCounters c;
  for (int i = 0; i < n; ++i) {
    Sampler s(0, 0, uint32_t(i), seed);
    glm::vec2 u = s.get2d();
    Ray ray{{(2.0f * u.x - 1.0f) * half, (2.0f * u.y - 1.0f) * half, 100.0f}, {0, 0, -1}};
    double v = trace_path(scene, ray, wl, s, c).average();
    sum += v;
    sum2 += v * v;
  }
  double mean = sum / n;
  return {mean, (sum2 / n - mean * mean) / n};
}

std::string lit_sphere(const std::string& light_center, float radius) {
  return R"({"camera": {"from": [0, 0, 50], "to": [0, 0, 0]},
    "lights": [{"type": "rect", "center": )" + light_center + R"(, "to": [0, 0, 0],
                "size": [6, 6], "spectrum": 1, "scale": 1}],
    "materials": {"m": {"type": "subsurface", "sigma_a_per_mm": 0.05, "sigma_s_per_mm": 2,
                        "ior": 1.4, "roughness": 0.3}},
    "objects": [{"sphere": {"center": [0, 0, 0], "radius": )" + std::to_string(radius) +
         R"(}, "material": "m"}]})";
}

class AimedExits : public ::testing::TestWithParam<const char*> {};

TEST_P(AimedExits, LeaveTheImageUnchanged) {
  auto scene = scene_from_json(lit_sphere(GetParam(), 2.0f));
  const int n = 150000;
  Estimate on = estimate(*scene, 1.2f, n, 1);
  scene->walk_limits.aimed = false;
  Estimate off = estimate(*scene, 1.2f, n, 2);
  ASSERT_GT(off.mean, 0.0);
  double sigma = std::sqrt(on.variance_of_mean + off.variance_of_mean);
  EXPECT_LT(std::fabs(on.mean - off.mean), 4.0 * sigma)
      << "aimed " << on.mean << " +- " << std::sqrt(on.variance_of_mean) << ", without "
      << off.mean << " +- " << std::sqrt(off.variance_of_mean);
  EXPECT_LT(sigma / off.mean, 0.035) << off.mean;  // the comparison means something
}

// In front (beside the camera) and behind the sphere (light through the bulk).
INSTANTIATE_TEST_SUITE_P(Lights, AimedExits,
                         ::testing::Values("[12, 4, 20]", "[10, 3, -12]"));

// A back-lit sheet 0.5 mm thick (one mean free path): most of the light crosses it without
// scattering, which only aimed entries (not aimed exits from scattering events) aim for.
TEST(AimedEntries, LeaveABackLitSheetUnchanged) {
  std::string obj = box_obj(10.0f, 0.25f);
  auto scene = scene_from_json(R"({"camera": {"from": [0, 0, 50], "to": [0, 0, 0]},
    "lights": [{"type": "rect", "center": [4, 3, -30], "to": [0, 0, 0], "size": [6, 6],
                "spectrum": 1, "scale": 1}],
    "materials": {"m": {"type": "subsurface", "sigma_a_per_mm": 0.05, "sigma_s_per_mm": 2,
                        "ior": 1.4, "roughness": 0.3}},
    "objects": [{"mesh": ")" + obj + R"(", "material": "m"}]})");
  const int n = 100000;
  Estimate on = estimate(*scene, 1.0f, n, 1);
  scene->walk_limits.aimed = false;
  Estimate off = estimate(*scene, 1.0f, n, 2);
  std::remove(obj.c_str());
  ASSERT_GT(off.mean, 0.0);
  double sigma = std::sqrt(on.variance_of_mean + off.variance_of_mean);
  EXPECT_LT(std::fabs(on.mean - off.mean), 4.0 * sigma)
      << "aimed " << on.mean << " +- " << std::sqrt(on.variance_of_mean) << ", without "
      << off.mean << " +- " << std::sqrt(off.variance_of_mean);
  EXPECT_LT(sigma / off.mean, 0.02) << off.mean;
}

}  // namespace
}  // namespace limner::test
