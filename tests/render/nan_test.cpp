// Samples that are not finite are dropped and counted, never averaged into the image.
#include <gtest/gtest.h>

#include "render/render_util.h"

namespace limner::test {
namespace {

TEST(NanSamples, InfiniteRadianceIsDroppedCountedAndLocated) {
  // A light of scale 3e38 overflows float once divided by the wavelength pdf.
  auto scene = scene_from_json(R"({"camera": {"from": [0, 0, 0], "to": [0, 0, 1]},
    "film": {"width": 4, "height": 3, "spp": 2},
    "lights": [{"type": "environment", "spectrum": 1, "scale": 3e38}],
    "materials": {}, "objects": []})");
  Film film(4, 3);
  RenderStats stats = render(*scene, film, RenderOptions{});
  EXPECT_EQ(stats.paths, 24u);
  EXPECT_EQ(stats.nan_or_inf_samples, 24u);
  EXPECT_GE(stats.nan_x, 0);
  EXPECT_GE(stats.nan_y, 0);
  for (const auto& px : film.xyz_sum) EXPECT_EQ(px, glm::dvec3(0.0));
}

TEST(NanSamples, FiniteSceneHasNone) {
  auto scene = scene_from_json(R"({"camera": {"from": [0, 0, 0], "to": [0, 0, 1]},
    "film": {"width": 4, "height": 3, "spp": 2},
    "lights": [{"type": "environment", "spectrum": 1, "scale": 1}],
    "materials": {}, "objects": []})");
  Film film(4, 3);
  RenderStats stats = render(*scene, film, RenderOptions{});
  EXPECT_EQ(stats.nan_or_inf_samples, 0u);
  EXPECT_EQ(stats.nan_x, -1);
}

}  // namespace
}  // namespace limner::test
