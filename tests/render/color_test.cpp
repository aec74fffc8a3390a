// Colour through the whole pipeline: spectra -> transport -> XYZ film -> output space.
#include <gtest/gtest.h>

#include "render/render_util.h"
#include "renderer/spectral/color.h"

namespace limner::test {
namespace {

// A patch facing the camera, lit by a uniform D65 environment of luminance 1: it reflects its
// reflectance times D65, which in linear sRGB (white point D65, no adaptation) is its RGB.
std::string patch_scene(const std::string& reflectance, int spp) {
  return R"({"camera": {"from": [0, 0, 10], "to": [0, 0, 0], "fov_deg": 5},
    "film": {"width": 16, "height": 16, "spp": )" + std::to_string(spp) + R"(},
    "lights": [{"type": "environment", "spectrum": "D65", "scale": 1}],
    "materials": {"m": {"type": "diffuse", "reflectance": )" + reflectance + R"(}},
    "objects": [{"rect": {"center": [0, 0, 0], "normal": [0, 0, 1], "size": [10, 10]},
                 "material": "m"}]})";
}

TEST(Color, D65EnvironmentIsSrgbWhite) {
  Film f = render_json(R"({"camera": {"from": [0, 0, 0], "to": [0, 0, 1], "fov_deg": 40},
    "film": {"width": 16, "height": 16, "spp": 256},
    "lights": [{"type": "environment", "spectrum": "D65", "scale": 1}],
    "materials": {}, "objects": []})");
  glm::dvec3 rgb = mean_srgb(f, 0, 0, 16, 16);
  for (int c = 0; c < 3; ++c) EXPECT_NEAR(rgb[c], 1.0, 0.005) << "channel " << c;
}

class RgbRoundTrip : public ::testing::TestWithParam<glm::vec3> {};

TEST_P(RgbRoundTrip, DiffusePatchUnderD65ReturnsItsRgb) {
  glm::vec3 c = GetParam();
  std::string refl = "{\"rgb\": [" + std::to_string(c.r) + ", " + std::to_string(c.g) + ", " +
                     std::to_string(c.b) + "]}";
  Film f = render_json(patch_scene(refl, 1024));
  glm::dvec3 rgb = mean_srgb(f, 0, 0, 16, 16);
  for (int k = 0; k < 3; ++k)
    EXPECT_NEAR(rgb[k], c[k], std::max(0.005 * c[k], 0.0015)) << "channel " << k;
}

INSTANTIATE_TEST_SUITE_P(Colours, RgbRoundTrip,
                         ::testing::Values(glm::vec3(0.5f), glm::vec3(0.18f), glm::vec3(0.8f),
                                           glm::vec3(0.8f, 0.2f, 0.1f),
                                           glm::vec3(0.1f, 0.3f, 0.7f),
                                           glm::vec3(0.5f, 0.5f, 0.2f),
                                           glm::vec3(0.2f, 0.6f, 0.3f)));

// Grey is exactly flat, so its chromaticity is exactly that of the light: the ratio of the
// channels to the D65 environment's is the same for all three.
TEST(Color, GreyPatchIsNeutral) {
  Film f = render_json(patch_scene("{\"rgb\": [0.4, 0.4, 0.4]}", 1024));
  glm::dvec3 rgb = mean_srgb(f, 0, 0, 16, 16);
  EXPECT_NEAR(rgb.r / rgb.g, 1.0, 0.003);
  EXPECT_NEAR(rgb.b / rgb.g, 1.0, 0.003);
  EXPECT_NEAR(rgb.g, 0.4, 0.002);
}

TEST(Color, WhiteBalanceAdaptsIlluminantAToWhite) {
  std::string scene = patch_scene("1", 256);
  scene.replace(scene.find("\"D65\""), 5, "\"A\"");
  auto s = scene_from_json(scene);
  Film f(s->film.width, s->film.height);
  render(*s, f, RenderOptions{});
  FilmDesc none = s->film, balanced = s->film;
  balanced.white_balance = WhiteBalanceKind::Spectrum;
  Image raw = film_to_linear(f, none, glm::vec3(0.0f));
  Image wb = film_to_linear(f, balanced, spectrum_to_xyz(Spectrum::named_illuminant("A")));
  auto mean = [](const Image& img) {
    glm::dvec3 m(0.0);
    for (size_t i = 0; i < img.data.size(); i += 3)
      m += glm::dvec3(img.data[i], img.data[i + 1], img.data[i + 2]);
    return m / double(img.data.size() / 3);
  };
  glm::dvec3 r = mean(raw), w = mean(wb);
  EXPECT_GT(r.x, 1.3 * r.z);  // tungsten is orange without adaptation
  EXPECT_NEAR(w.x / w.y, 1.0, 0.01);
  EXPECT_NEAR(w.z / w.y, 1.0, 0.01);
}

}  // namespace
}  // namespace limner::test
