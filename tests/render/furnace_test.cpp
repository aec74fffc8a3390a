// White-furnace renders: a lossless object inside a uniform environment of radiance 1 must look
// exactly like the environment (Y = 1), so any energy lost or gained shows.
#include <gtest/gtest.h>

#include "render/render_util.h"

namespace limner::test {
namespace {

std::string furnace_scene(const std::string& material, int spp, const std::string& light) {
  return R"({"camera": {"from": [0, 0, 5], "to": [0, 0, 0], "fov_deg": 20},
    "film": {"width": 16, "height": 16, "spp": )" + std::to_string(spp) + R"(, "max_depth": 256},
    "lights": [{"type": "environment", "spectrum": )" + light + R"(, "scale": 1}],
    "materials": {"m": )" + material + R"(},
    "objects": [{"sphere": {"center": [0, 0, 0], "radius": 0.8}, "material": "m"}]})";
}

// The sphere covers the image centre: 0.8 / (5 tan 10deg) = 0.91 of the half-height.
double centre_luminance(const Film& f) { return mean_xyz(f, 4, 4, 12, 12).y; }

TEST(Furnace, WhiteDiffuseSphereIsInvisible) {
  Film f = render_json(furnace_scene(R"({"type": "diffuse", "reflectance": 1})", 256, "1"));
  EXPECT_NEAR(centre_luminance(f), 1.0, 0.01);
}

TEST(Furnace, WhiteDiffuseUnderD65StaysAtLuminanceOne) {
  Film f = render_json(furnace_scene(R"({"type": "diffuse", "reflectance": 1})", 256, "\"D65\""));
  EXPECT_NEAR(centre_luminance(f), 1.0, 0.015);
}

TEST(Furnace, HalfGreyDiffuseReflectsHalf) {
  Film f = render_json(furnace_scene(R"({"type": "diffuse", "reflectance": 0.5})", 256, "1"));
  EXPECT_NEAR(centre_luminance(f), 0.5, 0.01);
}

class RoughDielectricFurnace : public ::testing::TestWithParam<float> {};

TEST_P(RoughDielectricFurnace, LosslessSphereKeepsEnergy) {
  std::string m = R"({"type": "dielectric", "ior": 1.5, "roughness": )" +
                  std::to_string(GetParam()) + "}";
  Film f = render_json(furnace_scene(m, 512, "1"));
  EXPECT_NEAR(centre_luminance(f), 1.0, 0.02);
}

INSTANTIATE_TEST_SUITE_P(Roughness, RoughDielectricFurnace, ::testing::Values(0.0f, 0.3f, 1.0f));

TEST(Furnace, SmoothMirrorOfUnitReflectanceIsInvisible) {
  // eta = 0, k large: |F| = 1 at all angles.
  Film f = render_json(furnace_scene(
      R"({"type": "conductor", "metal": {"eta": 0.0, "k": 1000.0}, "roughness": 0.0})", 64, "1"));
  EXPECT_NEAR(centre_luminance(f), 1.0, 0.01);
}

TEST(Furnace, RoughMirrorOfUnitReflectanceKeepsEnergy) {
  Film f = render_json(furnace_scene(
      R"({"type": "conductor", "metal": {"eta": 0.0, "k": 1000.0}, "roughness": 1.0})", 256,
      "1"));
  EXPECT_NEAR(centre_luminance(f), 1.0, 0.02);
}

}  // namespace
}  // namespace limner::test
