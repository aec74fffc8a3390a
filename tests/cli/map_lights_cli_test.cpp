// Light presets, sky and envmap lights through the `limner` executable: listing, rendering and
// the one-line errors (exit 2) for bad names, bad suns and unusable environment files.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "cli/cli_util.h"

namespace limner::test {
namespace {

size_t line_count(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

// Renders small_scene with lights[0] replaced by `light` (JSON).
RunResult render_with_light(const std::string& dir, const std::string& light,
                            const std::string& out = "img.exr") {
  write_file(dir + "/scene.json", small_scene(out));
  return run_limner("render " + dir + "/scene.json --quiet --set 'lights.0=" + light + "'");
}

void expect_input_error(const RunResult& r, const std::string& key, const std::string& what) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(line_count(r.err), 1u) << r.err;
  EXPECT_EQ(r.err.rfind("limner: error: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(key), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(what), std::string::npos) << r.err;
}

TEST(MapLightsCli, LightsListsPresetsWithCctAndRa) {
  RunResult r = run_limner("lights --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, nlohmann::json> rows;
  for (const auto& row : nlohmann::json::parse(r.out)) rows[row["name"]] = row;
  for (const char* n : {"daylight-overcast", "north-window", "sunny-noon", "golden-hour",
                        "led-desk-5000k", "led-cheap-6500k", "led-warm-2700k", "tungsten",
                        "fluorescent-cool-white", "fluorescent-triband", "ring-light",
                        "photo-studio"}) {
    ASSERT_TRUE(rows.count(n)) << n;
    EXPECT_EQ(rows[n]["kind"], "preset") << n;
  }
  // Published: A 2856 K, Ra 100; F2 4230 K, Ra 64; F11 4000 K, Ra 83 (CIE 15:2004).
  EXPECT_NEAR(rows["tungsten"]["cct_k"].get<double>(), 2856, 20);
  EXPECT_NEAR(rows["fluorescent-cool-white"]["ra"].get<double>(), 64, 1.5);
  EXPECT_NEAR(rows["fluorescent-triband"]["ra"].get<double>(), 83, 1.5);
  EXPECT_NEAR(rows["led-desk-5000k"]["cct_k"].get<double>(), 5000, 50);
  EXPECT_GT(rows["led-desk-5000k"]["ra"].get<double>(), 95);
  EXPECT_LT(rows["led-cheap-6500k"]["ra"].get<double>(), 85);
}

TEST(MapLightsCli, PresetSkyAndEnvmapRender) {
  std::string dir = make_temp_dir();
  EXPECT_EQ(render_with_light(dir, R"({"preset": "photo-studio", "scale": 2})").exit_code, 0);
  EXPECT_EQ(render_with_light(dir, R"({"preset": "golden-hour", "rotate_deg": 90})").exit_code,
            0);
  EXPECT_EQ(render_with_light(dir, R"({"type": "sky", "sun_elevation_deg": 40,
      "sun_azimuth_deg": 135, "turbidity": 3, "scale": 1})").exit_code, 0);
  for (const char* file : {"studio.hdr", "studio.exr"}) {
    RunResult r = render_with_light(dir, R"({"type": "envmap", "file": ")" +
                                             std::string(LIMNER_SOURCE_DIR) + "/scenes/" + file +
                                             R"(", "rotate_deg": 45})");
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
}

TEST(MapLightsCli, UnknownPresetSuggests) {
  std::string dir = make_temp_dir();
  expect_input_error(render_with_light(dir, R"({"preset": "tungstn"})"), "lights[0].preset",
                     "did you mean 'tungsten'");
  expect_input_error(render_with_light(dir, R"({"preset": "tungsten", "sacle": 1})"),
                     "lights[0].sacle", "unknown key");
}

TEST(MapLightsCli, SunBelowHorizonIsAnError) {
  std::string dir = make_temp_dir();
  expect_input_error(render_with_light(dir, R"({"preset": "sunny-noon",
      "sun_elevation_deg": -5})"), "lights[0].sun_elevation_deg", "below the horizon");
  expect_input_error(render_with_light(dir, R"({"type": "sky", "sun_elevation_deg": -1})"),
                     "lights[0].sun_elevation_deg", "below the horizon");
  expect_input_error(render_with_light(dir, R"({"type": "sky", "turbidity": 40})"),
                     "lights[0].turbidity", "[1.7, 10]");
}

TEST(MapLightsCli, UnusableEnvironmentFiles) {
  std::string dir = make_temp_dir();
  expect_input_error(render_with_light(dir, R"({"type": "envmap", "file": "none.exr"})"),
                     "lights[0].file", "none.exr");
  write_file(dir + "/junk.exr", "not an image at all");
  expect_input_error(render_with_light(dir, R"({"type": "envmap", "file": "junk.exr"})"),
                     "lights[0].file", "junk.exr");
  // An 8-bit PNG is display-encoded and clipped, not radiance.
  write_file(dir + "/png.json", small_scene("eight.png"));
  ASSERT_EQ(run_limner("render " + dir + "/png.json --quiet").exit_code, 0);
  expect_input_error(render_with_light(dir, R"({"type": "envmap", "file": "eight.png"})"),
                     "lights[0].file", "not an HDR image");
  expect_input_error(render_with_light(dir, R"({"type": "envmap"})"), "lights[0].file",
                     "missing");
}

}  // namespace
}  // namespace limner::test
