// Sky and envmap lights through the path tracer (light sampling and BSDF sampling combined by
// MIS): a Lambertian plane's radiance against closed forms.
#include <gtest/gtest.h>

#include "renderer/film.h"
#include "renderer/render.h"
#include "renderer/scene_parse.h"

namespace limner {
namespace {

// A Lambertian plane (albedo 0.5) seen from above; returns the mean Y over the image.
double plane_y(const std::string& lights, const std::shared_ptr<const EnvImage>& image = {}) {
  SceneDesc d = parse_scene(Json::parse(R"({"camera": {"from": [0, 5, 5], "to": [0, 0, 0],
    "fov_deg": 10}, "film": {"width": 8, "height": 8, "spp": 256}, "lights": )" + lights + R"(,
    "materials": {"m": {"type": "diffuse", "reflectance": 0.5}},
    "objects": [{"rect": {"center": [0, 0, 0], "normal": [0, 1, 0], "size": [10, 10]},
                 "material": "m"}]})"), "test.json");
  for (LightDesc& l : d.lights) l.image = image;
  auto scene = build_scene(d);
  Film film(8, 8);
  render(*scene, film, RenderOptions{});
  double y = 0.0;
  for (int py = 0; py < 8; ++py)
    for (int px = 0; px < 8; ++px) y += film.pixel_xyz(px, py).y;
  return y / 64.0;
}

// Sun plus sky are scaled to a horizontal illuminance of pi * scale: the plane reads
// rho * scale whatever the sun's height (the ground below the horizon does not reach it).
TEST(MapRender, SkyLightsAHorizontalPlaneToItsScale) {
  for (float elevation : {60.0f, 8.0f}) {
    std::string sky = R"([{"type": "sky", "sun_elevation_deg": )" + std::to_string(elevation) +
                      R"(, "sun_azimuth_deg": 135, "turbidity": 3, "scale": 2}])";
    EXPECT_NEAR(plane_y(sky), 0.5 * 2.0, 0.02) << elevation;
  }
}

// An envmap bright (1) above the horizon and black below: E = pi, so Y = rho. The bright
// patch variant adds a known irradiance (see envmap_test.cpp for the closed form).
TEST(MapRender, EnvmapUpperHemisphere) {
  auto img = std::make_shared<EnvImage>();
  img->width = 64;
  img->height = 32;
  img->rgb.assign(64 * 32, glm::vec3(0.0f));
  for (int i = 0; i < 64 * 16; ++i) img->rgb[i] = glm::vec3(1.0f);
  std::string env = R"([{"type": "envmap", "file": "x.exr", "rotate_deg": 30, "scale": 1.5}])";
  EXPECT_NEAR(plane_y(env, img), 0.5 * 1.5, 0.015);
}

TEST(MapRender, EnvmapWithoutLoadedImageIsAnInputError) {
  EXPECT_THROW(plane_y(R"([{"type": "envmap", "file": "x.exr"}])"), InputError);
}

}  // namespace
}  // namespace limner
