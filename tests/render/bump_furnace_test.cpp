// Bump mapping in renders: a bumped white sphere in a white furnace still vanishes into the
// environment (bending shading normals must neither create nor lose energy), and the bump is
// really there (under a directional light it changes the image).
#include <gtest/gtest.h>

#include <cmath>

#include "render/render_util.h"

namespace limner::test {
namespace {

std::string bump_scene(const std::string& bump, const std::string& light, int spp) {
  return R"({"camera": {"from": [0, 0, 5], "to": [0, 0, 0], "fov_deg": 20},
    "film": {"width": 16, "height": 16, "spp": )" + std::to_string(spp) + R"(, "max_depth": 256},
    "lights": [)" + light + R"(],
    "materials": {"m": {"type": "diffuse", "reflectance": 1)" + bump + R"(}},
    "objects": [{"sphere": {"center": [0, 0, 0], "radius": 0.8}, "material": "m"}]})";
}

const char* kFurnace = R"({"type": "environment", "spectrum": 1, "scale": 1})";

class BumpFurnace : public ::testing::TestWithParam<const char*> {};

// Strong relief (40 um over 0.1 mm cells: slopes up to ~0.8) so that many sampled directions
// fall below the geometric surface and would be lost if the bump leaked energy.
TEST_P(BumpFurnace, WhiteSphereStaysInvisible) {
  std::string bump = std::string(R"(, "bump": {"noise": ")") + GetParam() +
                     R"(", "scale_mm": 0.1, "height_um": 40, "direction": [0, 1, 0]})";
  Film f = render_json(bump_scene(bump, kFurnace, 512));
  EXPECT_NEAR(mean_xyz(f, 4, 4, 12, 12).y, 1.0, 0.012);
}

INSTANTIATE_TEST_SUITE_P(Noises, BumpFurnace,
                         ::testing::Values("pores", "weave", "brush", "hammered"));

TEST(Bump, ChangesTheImageUnderADirectionalLight) {
  const char* sun = R"({"type": "distant", "direction": [-1, -1, -1], "spectrum": 1, "scale": 3})";
  Film flat = render_json(bump_scene("", sun, 16));
  Film bumped = render_json(bump_scene(
      R"(, "bump": {"noise": "hammered", "scale_mm": 0.2, "height_um": 40})", sun, 16));
  double diff = 0.0;
  for (int y = 4; y < 12; ++y)
    for (int x = 4; x < 12; ++x)
      diff += std::fabs(mean_xyz(flat, x, y, x + 1, y + 1).y - mean_xyz(bumped, x, y, x + 1, y + 1).y);
  EXPECT_GT(diff / 64.0, 0.02);
  // Height 0 is no bump at all: the same image, sample for sample.
  Film zero = render_json(bump_scene(
      R"(, "bump": {"noise": "hammered", "scale_mm": 0.2, "height_um": 0})", sun, 16));
  EXPECT_EQ(mean_xyz(zero, 0, 0, 16, 16), mean_xyz(flat, 0, 0, 16, 16));
}

}  // namespace
}  // namespace limner::test
