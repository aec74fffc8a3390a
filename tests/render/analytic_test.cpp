// Scenes whose radiance is known in closed form.
#include <gtest/gtest.h>

#include <cmath>

#include "render/render_util.h"

namespace limner::test {
namespace {

// A Lambertian plane (albedo 0.5) seen from above, under the given lights.
Film plane_under(const std::string& lights) {
  return render_json(R"({"camera": {"from": [0, 5, 5], "to": [0, 0, 0], "fov_deg": 10},
    "film": {"width": 8, "height": 8, "spp": 256}, "lights": )" + lights + R"(,
    "materials": {"m": {"type": "diffuse", "reflectance": 0.5}},
    "objects": [{"rect": {"center": [0, 0, 0], "normal": [0, 1, 0], "size": [10, 10]},
                 "material": "m"}]})");
}

// A Lambertian plane (albedo rho) lit by a distant light of irradiance E at normal incidence
// has radiance rho E / pi.
TEST(Analytic, DistantLightOnLambertianPlane) {
  Film f = plane_under(R"([{"type": "distant", "direction": [0, -1, 0], "spectrum": 1,
                            "scale": 3.14159265}])");
  EXPECT_NEAR(mean_xyz(f, 0, 0, 8, 8).y, 0.5, 0.005);
}

// The same with a sun of finite angular size: its scale is still the irradiance.
TEST(Analytic, SunDiscOnLambertianPlane) {
  Film f = plane_under(R"([{"type": "distant", "direction": [0, -1, 0], "angle_deg": 0.53,
                            "spectrum": 1, "scale": 3.14159265}])");
  EXPECT_NEAR(mean_xyz(f, 0, 0, 8, 8).y, 0.5, 0.01);
}

// Inside a closed Lambertian sphere (radius R, albedo rho) around a spherical light (radius r,
// radiance Le): direct irradiance pi Le (r/R)^2, and inter-reflections multiply it by
// 1 / (1 - rho) because every point sees the whole sphere; so L = Le (r/R)^2 rho / (1 - rho).
// (The light blocks a fraction (1 - cos asin(r/R))/2 = 0.25% of the wall's view: tolerance.)
TEST(Analytic, LambertianSphereAroundSphereLight) {
  Film f = render_json(R"({"camera": {"from": [0, 0, 5], "to": [0, 0, 10], "fov_deg": 30},
    "film": {"width": 8, "height": 8, "spp": 512, "max_depth": 1000},
    "lights": [{"type": "sphere", "center": [0, 0, 0], "radius": 1, "spectrum": 1,
                "scale": 100}],
    "materials": {"wall": {"type": "diffuse", "reflectance": 0.5}},
    "objects": [{"sphere": {"center": [0, 0, 0], "radius": 10}, "material": "wall"}]})");
  EXPECT_NEAR(mean_xyz(f, 0, 0, 8, 8).y, 1.0, 0.015);
}

// A tiny sphere light is a point light: a Lambertian plane straight below it at distance d
// receives E = pi Le (r/d)^2 and shows L = rho Le (r/d)^2.
TEST(Analytic, TinySphereLightActsAsPointLight) {
  Film f = render_json(R"({"camera": {"from": [0, 0.5, 0], "to": [0, 0, 0], "up": [0, 0, -1],
                           "fov_deg": 1},
    "film": {"width": 4, "height": 4, "spp": 64},
    "lights": [{"type": "sphere", "center": [0, 10, 0], "radius": 0.001, "spectrum": 1,
                "scale": 1e8}],
    "materials": {"m": {"type": "diffuse", "reflectance": 0.5}},
    "objects": [{"rect": {"center": [0, 0, 0], "normal": [0, 1, 0], "size": [10, 10]},
                 "material": "m"}]})");
  EXPECT_NEAR(mean_xyz(f, 0, 0, 4, 4).y, 0.5, 0.005);
}

// A sun of 0.01 degrees is still exactly its irradiance.
TEST(Analytic, TinySunDiscKeepsItsIrradiance) {
  Film f = plane_under(R"([{"type": "distant", "direction": [0, -1, 0], "angle_deg": 0.01,
                            "spectrum": 1, "scale": 3.14159265}])");
  EXPECT_NEAR(mean_xyz(f, 0, 0, 8, 8).y, 0.5, 0.005);
}

// A square light (side 2, radiance 1) facing down at height 2 above the plane's centre: the
// irradiance there is pi L F with F four times the form factor of a differential area to a
// parallel rectangle a x b at distance c over one of its corners (Howell's catalogue, C-11):
// (1 / 2 pi) (X / sqrt(1 + X^2) atan(Y / sqrt(1 + X^2)) + Y / sqrt(1 + Y^2) atan(X / sqrt(1 +
// Y^2))), X = a / c, Y = b / c. The camera looks past the light's edge.
TEST(Analytic, RectLightOnLambertianPlane) {
  auto corner = [](double x, double y) {
    return (x / std::sqrt(1 + x * x) * std::atan(y / std::sqrt(1 + x * x)) +
            y / std::sqrt(1 + y * y) * std::atan(x / std::sqrt(1 + y * y))) /
           (2.0 * M_PI);
  };
  double e = M_PI * 4.0 * corner(0.5, 0.5);
  Film f = render_json(R"({"camera": {"from": [0, 5, 5], "to": [0, 0, 0], "fov_deg": 2},
    "film": {"width": 8, "height": 8, "spp": 512},
    "lights": [{"type": "rect", "center": [0, 2, 0], "to": [0, 0, 0], "size": [2, 2],
                "spectrum": 1, "scale": 1}],
    "materials": {"m": {"type": "diffuse", "reflectance": 0.5}},
    "objects": [{"rect": {"center": [0, 0, 0], "normal": [0, 1, 0], "size": [10, 10]},
                 "material": "m"}]})");
  EXPECT_NEAR(mean_xyz(f, 0, 0, 8, 8).y, 0.5 * e / M_PI, 0.005 * 0.5 * e / M_PI);
}

// A rect light seen head-on shows its radiance; seen from behind it is black.
TEST(Analytic, RectLightRadianceFrontOnly) {
  std::string scene = R"({"camera": {"from": [0, 0, 10], "to": [0, 0, 0], "fov_deg": 5},
    "film": {"width": 4, "height": 4, "spp": 16},
    "lights": [{"type": "rect", "center": [0, 0, 0], "to": [0, 0, TO], "size": [4, 4],
                "spectrum": "D65", "scale": 2.5}],
    "materials": {}, "objects": []})";
  std::string front = scene, back = scene;
  front.replace(front.find("TO"), 2, "1");
  back.replace(back.find("TO"), 2, "-1");
  EXPECT_NEAR(mean_xyz(render_json(front), 0, 0, 4, 4).y, 2.5, 0.05);
  EXPECT_EQ(mean_xyz(render_json(back), 0, 0, 4, 4).y, 0.0);
}

// A spot light of intensity I at height h over a Lambertian plane: L = rho I / (pi h^2)
// straight below it.
TEST(Analytic, SpotLightInverseSquare) {
  Film f = render_json(R"({"camera": {"from": [0, 0.5, 0], "to": [0, 0, 0], "up": [0, 0, -1], "fov_deg": 1},
    "film": {"width": 4, "height": 4, "spp": 64},
    "lights": [{"type": "spot", "position": [0, 2, 0], "to": [0, 0, 0], "cone_deg": 30,
                "spectrum": 1, "scale": 12.5663706}],
    "materials": {"m": {"type": "diffuse", "reflectance": 1}},
    "objects": [{"rect": {"center": [0, 0, 0], "normal": [0, 1, 0], "size": [10, 10]},
                 "material": "m"}]})");
  EXPECT_NEAR(mean_xyz(f, 0, 0, 4, 4).y, 1.0, 0.01);
}

}  // namespace
}  // namespace limner::test
