// Light presets: the table, name handling, scaling to the subject, and the illuminance each
// preset delivers at the subject, measured by sampling the built lights.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "renderer/lights/presets.h"
#include "renderer/scene_build_parts.h"
#include "renderer/spectral/color.h"

namespace limner {
namespace {

constexpr float kPi = 3.14159265358979323846f;

CameraDesc camera(float distance) {
  CameraDesc c;
  c.from = glm::vec3(0, 0.3f, 1) * distance;
  c.to = glm::vec3(0, 0, 0);
  c.fov_deg = 30.0f;
  return c;
}

TEST(Presets, TableIsCompleteAndWellFormed) {
  std::set<std::string> names;
  for (const std::string& n : light_preset_names()) {
    EXPECT_TRUE(names.insert(n).second) << n;
    EXPECT_EQ(n.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-"), std::string::npos);
    EXPECT_FALSE(light_preset_description(n).empty());
    EXPECT_GT(spectrum_luminance(light_preset_spectrum(n)), 0.0f) << n;
    EXPECT_FALSE(expand_light_preset(n, camera(100), {}, "lights[0]").empty()) << n;
  }
  for (const char* n : {"daylight-overcast", "north-window", "sunny-noon", "golden-hour",
                        "led-desk-5000k", "led-cheap-6500k", "led-warm-2700k", "tungsten",
                        "fluorescent-cool-white", "fluorescent-triband", "ring-light",
                        "photo-studio"})
    EXPECT_TRUE(is_light_preset(n)) << n;
}

TEST(Presets, UnknownNameSuggestsTheNearest) {
  std::string m = unknown_light_preset_message("tungstn");
  EXPECT_NE(m.find("did you mean 'tungsten'"), std::string::npos) << m;
  EXPECT_NE(m.find("photo-studio"), std::string::npos);
  EXPECT_THROW(expand_light_preset("tungstn", camera(100), {}, "k"), std::invalid_argument);
}

TEST(Presets, OptionsAreChecked) {
  LightPresetOptions below;
  below.sun_elevation_deg = -3.0f;
  EXPECT_THROW(expand_light_preset("sunny-noon", camera(100), below, "k"), std::invalid_argument);
  LightPresetOptions sun;
  sun.sun_elevation_deg = 30.0f;
  EXPECT_THROW(expand_light_preset("tungsten", camera(100), sun, "k"), std::invalid_argument);
  auto l = expand_light_preset("golden-hour", camera(100), sun, "k");
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0].type, LightType::Sky);
  EXPECT_FLOAT_EQ(l[0].sun_elevation_deg, 30.0f);
}

TEST(Presets, ScaleWithTheSubject) {
  auto small = expand_light_preset("photo-studio", camera(10), {}, "k");
  auto large = expand_light_preset("photo-studio", camera(1000), {}, "k");
  ASSERT_EQ(small.size(), large.size());
  for (size_t i = 0; i < small.size(); ++i) {
    EXPECT_NEAR(glm::length(large[i].center - 100.0f * small[i].center), 0.0f,
                1e-3f * glm::length(large[i].center));
    EXPECT_NEAR(large[i].size.x, 100.0f * small[i].size.x, 1e-3f * large[i].size.x);
    EXPECT_FLOAT_EQ(large[i].scale, small[i].scale);  // radiance: the same illuminance
  }
}

// Illuminance (Y) at the subject centre on a surface facing each light (sky-like lights: facing
// up), by sampling the built light: sum of L cos / pdf. Each preset delivers pi * scale.
void illuminance_at_subject(const std::vector<LightDesc>& descs, double& total) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> uni(0.0f, 1.0f);
  SampledWavelengths wl;
  total = 0.0;
  for (const LightDesc& d : descs) {
    std::vector<Light> built;
    if (d.type == LightType::Envmap)
      add_map_lights(d, "test.json", built);
    else
      built.push_back(build_light(d, "test.json"));
    ASSERT_EQ(built.size(), 1u);
    const Light& l = built[0];
    bool infinite = d.type == LightType::Environment || d.type == LightType::Envmap;
    glm::vec3 axis = infinite ? glm::vec3(0, 1, 0) : glm::normalize(d.center);
    const int n = 20000;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
      wl = sample_wavelengths(uni(rng));
      LightSample s = light_sample(l, glm::vec3(0.0f), {uni(rng), uni(rng)}, wl);
      if (s.pdf <= 0.0f) continue;
      float c = std::max(0.0f, glm::dot(s.wi, axis));
      sum += sampled_to_xyz(s.L * (c / s.pdf), wl).y;
    }
    total += sum / n;
  }
}

TEST(Presets, DeliverPiTimesScaleAtTheSubject) {
  for (const char* n : {"north-window", "led-desk-5000k", "tungsten", "fluorescent-triband",
                        "photo-studio", "daylight-overcast"}) {
    LightPresetOptions o;
    o.scale = 2.0f;
    double e = 0.0;
    illuminance_at_subject(expand_light_preset(n, camera(100), o, "k"), e);
    EXPECT_NEAR(e, 2.0 * kPi, 0.03 * 2.0 * kPi) << n;
  }
}

TEST(Presets, ParseRejectsUnknownKeysWithTheirPath) {
  Json j = Json::parse(R"({"preset": "tungsten", "scael": 2})");
  try {
    parse_light_preset(JsonReader(j, "s.json", "lights[1]"), camera(100));
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("lights[1].scael"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace limner
