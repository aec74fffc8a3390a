#include <gtest/gtest.h>

#include "render/render_util.h"

namespace limner::test {
namespace {

const char* kScene = R"({"camera": {"from": [0, 1, 6], "to": [0, 0, 0], "fov_deg": 30,
    "f_number": 2, "focus_mm": 6},
  "film": {"width": 40, "height": 30, "spp": 8, "seed": 3},
  "lights": [{"type": "rect", "center": [2, 4, 2], "to": [0, 0, 0], "size": [2, 2], "scale": 5},
             {"type": "environment", "scale": 0.2}],
  "materials": {"d": {"type": "diffuse", "reflectance": {"rgb": [0.7, 0.3, 0.2]}},
                "g": {"type": "dielectric", "ior": 1.5, "roughness": 0.2},
                "c": {"type": "conductor", "metal": "gold", "roughness": 0.3}},
  "objects": [{"sphere": {"center": [-1.2, 0, 0], "radius": 0.6}, "material": "d"},
              {"sphere": {"center": [0, 0, 0], "radius": 0.6}, "material": "g"},
              {"sphere": {"center": [1.2, 0, 0], "radius": 0.6}, "material": "c"},
              {"rect": {"center": [0, -0.6, 0], "normal": [0, 1, 0], "size": [10, 10]},
               "material": "d"}]})";

TEST(Determinism, OneAndTwoThreadsGiveIdenticalFilms) {
  Film a = render_json(kScene, 1);
  Film b = render_json(kScene, 2);
  ASSERT_EQ(a.xyz_sum.size(), b.xyz_sum.size());
  for (size_t i = 0; i < a.xyz_sum.size(); ++i) ASSERT_EQ(a.xyz_sum[i], b.xyz_sum[i]) << i;
}

TEST(Determinism, SeedChangesTheImage) {
  std::string other = kScene;
  other.replace(other.find("\"seed\": 3"), 9, "\"seed\": 4");
  Film a = render_json(kScene, 2);
  Film b = render_json(other, 2);
  EXPECT_NE(a.xyz_sum, b.xyz_sum);
}

}  // namespace
}  // namespace limner::test
