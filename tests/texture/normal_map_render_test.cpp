// Normal maps in renders: a white sphere whose normal map tilts the shading normal by up to
// ~50 degrees still vanishes in a white furnace (the shading-normal fix neither creates nor
// loses energy), and a flat normal map renders the same image, sample for sample, as none.
#include <gtest/gtest.h>

#include <cmath>

#include "renderer/film.h"
#include "renderer/image/texture_oiio.h"
#include "renderer/render.h"
#include "renderer/scene_parse.h"
#include "texture/texture_util.h"

namespace limner::test {
namespace {

std::string sphere_scene(const std::string& normal_map, const std::string& light, int spp) {
  return R"({"camera": {"from": [0, 0, 5], "to": [0, 0, 0], "fov_deg": 20},
    "film": {"width": 16, "height": 16, "spp": )" + std::to_string(spp) + R"(, "max_depth": 256},
    "lights": [)" + light + R"(],
    "materials": {"m": {"type": "diffuse", "reflectance": 1)" + normal_map + R"(}},
    "objects": [{"sphere": {"center": [0, 0, 0], "radius": 0.8}, "material": "m"}]})";
}

double centre_luminance(const std::string& dir, const std::string& json) {
  auto scene = build_scene(parse_scene(Json::parse(json), dir + "/s.json"),
                           make_oiio_texture_backend());
  Film film(scene->film.width, scene->film.height);
  render(*scene, film, RenderOptions{});
  double y = 0.0;
  for (int j = 4; j < 12; ++j)
    for (int i = 4; i < 12; ++i) y += film.pixel_xyz(i, j).y;
  return y / 64.0;
}

// 8 x 8 texels, each tilted 0.75 (about 49 degrees) in one of four directions.
void write_bumpy_map(const std::string& path) {
  std::vector<float> v;
  const float t = 0.75f, z = std::sqrt(1.0f - t * t);
  const float dirs[4][2] = {{t, 0}, {0, t}, {-t, 0}, {0, -t}};
  for (int y = 0; y < 8; ++y)
    for (int x = 0; x < 8; ++x) {
      const float* d = dirs[(x + 3 * y) % 4];
      v.insert(v.end(), {0.5f * d[0] + 0.5f, 0.5f * d[1] + 0.5f, 0.5f * z + 0.5f});
    }
  write_texture(path, 8, 8, 3, v, "float");
}

const char* kFurnace = R"({"type": "environment", "spectrum": 1, "scale": 1})";

TEST(NormalMapRender, WhiteSphereStaysInvisibleInAFurnace) {
  std::string dir = texture_temp_dir();
  write_bumpy_map(dir + "/n.exr");
  const double y = centre_luminance(
      dir, sphere_scene(R"(, "normal_map": {"texture": "n.exr", "uv_scale": [8, 4]})", kFurnace, 256));
  EXPECT_NEAR(y, 1.0, 0.015);
}

TEST(NormalMapRender, FlatMapRendersTheSameImage) {
  std::string dir = texture_temp_dir();
  std::vector<float> flat;
  for (int i = 0; i < 16; ++i) flat.insert(flat.end(), {0.5f, 0.5f, 1.0f});
  write_texture(dir + "/flat.exr", 4, 4, 3, flat, "float");
  const char* sun = R"({"type": "distant", "direction": [-1, -1, -1], "spectrum": 1, "scale": 3})";
  const double plain = centre_luminance(dir, sphere_scene("", sun, 8));
  const double mapped = centre_luminance(
      dir, sphere_scene(R"(, "normal_map": {"texture": "flat.exr"})", sun, 8));
  EXPECT_NEAR(mapped, plain, 1e-6 * plain);
}

}  // namespace
}  // namespace limner::test
