// Samples that are not finite are dropped and counted, never averaged into the image.
#include <gtest/gtest.h>

#include "render/render_util.h"

namespace limner::test {
namespace {

// 4x3 pixels, 2 samples each, looking into a uniform environment of the given radiance (set on
// the built scene: the scene file refuses scales that overflow).
RenderStats render_environment(float radiance, Film& film) {
  auto scene = scene_from_json(R"({"camera": {"from": [0, 0, 0], "to": [0, 0, 1]},
    "film": {"width": 4, "height": 3, "spp": 2},
    "lights": [{"type": "environment", "spectrum": 1, "scale": 1}],
    "materials": {}, "objects": []})");
  std::get<EnvironmentLight>(scene->lights[0].v).emission.factor *= radiance;
  return render(*scene, film, RenderOptions{});
}

TEST(NanSamples, InfiniteRadianceIsDroppedCountedAndLocated) {
  // A light of scale 3e38 overflows float once divided by the wavelength pdf.
  Film film(4, 3);
  RenderStats stats = render_environment(3e38f, film);
  EXPECT_EQ(stats.paths, 24u);
  EXPECT_EQ(stats.nan_or_inf_samples, 24u);
  EXPECT_GE(stats.nan_x, 0);
  EXPECT_GE(stats.nan_y, 0);
  for (const auto& px : film.xyz_sum) EXPECT_EQ(px, glm::dvec3(0.0));
}

TEST(NanSamples, FiniteSceneHasNone) {
  Film film(4, 3);
  RenderStats stats = render_environment(1.0f, film);
  EXPECT_EQ(stats.nan_or_inf_samples, 0u);
  EXPECT_EQ(stats.nan_x, -1);
}

}  // namespace
}  // namespace limner::test
