// `limner compare` and `limner palette` through the real executable: sheet layout (one labelled
// panel per light, or per paint and light), white balance, the report's structure, bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_util.h"
#include "renderer/image/image_write.h"
#include "renderer/image/sheet.h"

namespace limner::test {
namespace {

constexpr int kPad = kSheetPadding, kLine = kSheetLineHeight;

struct Mean {
  double r = 0, g = 0, b = 0;
};

Mean mean_of(const Image& img, int x0, int y0, int w, int h) {
  Mean m;
  for (int y = y0; y < y0 + h; ++y)
    for (int x = x0; x < x0 + w; ++x) {
      const float* p = &img.data[(size_t(y) * img.width + x) * 3];
      m.r += p[0];
      m.g += p[1];
      m.b += p[2];
    }
  double n = double(w) * h;
  return {m.r / n, m.g / n, m.b / n};
}

int text_pixels(const Image& img, int x0, int y0, int w, int h) {
  int n = 0;
  for (int y = y0; y < y0 + h; ++y)
    for (int x = x0; x < x0 + w; ++x)
      if (img.data[(size_t(y) * img.width + x) * 3] > 0.5f) ++n;
  return n;
}

// A grey sphere filling the view under a uniform environment: every panel shows mostly grey.
std::string grey_scene(const std::string& dir) {
  std::string path = dir + "/grey.json";
  write_file(path,
             small_scene("unused.png",
                         R"([{"sphere": {"center": [0, 0, 0], "radius": 3}, "material": "m"}])"));
  return path;
}

TEST(CompareCli, OneLabelledPanelPerLight) {
  std::string dir = make_temp_dir(), scene = grey_scene(dir);
  RunResult r = run_limner("compare " + scene + " --lights D65,tungsten,F11 -o " + dir +
                           "/sheet.png --size 16x12 --spp 2 --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  Image img = read_image(dir + "/sheet.png");
  const int cap = 2 * kLine + kPad / 2;  // name, then CCT and Ra
  ASSERT_EQ(img.width, 3 * 16 + 4 * kPad);
  ASSERT_EQ(img.height, 12 + cap + 2 * kPad);
  for (int i = 0; i < 3; ++i) {
    int x = kPad + i * (16 + kPad);
    EXPECT_GT(mean_of(img, x, kPad, 16, 12).g, 0.2) << "panel " << i << " is empty";
    EXPECT_GT(text_pixels(img, x, kPad + 12, 16, cap), 5) << "label " << i << " is empty";
  }
}

TEST(CompareCli, AutoWhiteBalanceNeutralisesTungsten) {
  std::string dir = make_temp_dir(), scene = grey_scene(dir);
  for (std::string wb : {"none", "auto"}) {
    RunResult r = run_limner("compare " + scene + " --lights A -o " + dir + "/" + wb +
                             ".png --size 16x12 --spp 16 --quiet --white-balance " + wb);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Mean m = mean_of(read_image(dir + "/" + wb + ".png"), kPad, kPad, 16, 12);
    if (wb == "none") {
      EXPECT_GT(m.r, m.b + 0.15) << "illuminant A is orange without adaptation";
    } else {
      EXPECT_NEAR(m.r, m.g, 0.03);
      EXPECT_NEAR(m.b, m.g, 0.03);
    }
  }
}

TEST(CompareCli, BadInputIsOneLineExitTwo) {
  std::string dir = make_temp_dir(), scene = grey_scene(dir);
  write_file(dir + "/keep.png", "old");
  write_file(dir + "/sky.json",
             R"({"camera": {"from": [0, 0, 5], "to": [0, 0, 0]},
                 "lights": [{"type": "sky", "sun_elevation_deg": 40, "sun_azimuth_deg": 135}],
                 "materials": {"m": {"type": "diffuse", "reflectance": 0.5}},
                 "objects": [{"sphere": {"center": [0, 0, 0], "radius": 1}, "material": "m"}]})");
  write_file(dir + "/dark.json",
             R"({"camera": {"from": [0, 0, 5], "to": [0, 0, 0]}, "lights": [],
                 "materials": {"m": {"type": "diffuse", "reflectance": 0.5}},
                 "objects": [{"sphere": {"center": [0, 0, 0], "radius": 1}, "material": "m"}]})");
  const std::string out = " -o " + dir + "/keep.png";
  struct Case {
    std::string args, needle;
  };
  for (const Case& c : std::vector<Case>{
           {"compare " + scene + " --lights D65,D66" + out, "did you mean: D60, D65"},
           {"compare " + scene + " --lights D65,,A" + out, "empty name"},
           {"compare " + scene + " --lights D65,d65" + out, "listed twice"},
           {"compare " + scene + " --lights D65 --size 0x5" + out, "--size"},
           {"compare " + scene + " --lights D65 --size big" + out, "--size"},
           {"compare " + scene + " --lights D65 --white-balance D50" + out, "--white-balance"},
           {"compare " + scene + " --lights D65 --spp 0" + out, "--spp"},
           {"compare " + dir + "/missing.json --lights D65" + out, "missing.json"},
           {"compare " + dir + "/dark.json --lights D65" + out, "no lights"},
           {"compare " + dir + "/sky.json --lights A" + out, "lights[0]: a sky"},
           {"compare " + scene + " --lights tungstn" + out, "did you mean: tungsten"},
           {"compare " + scene + " --lights D65 -o " + dir + "/s.exr", "use .png or .jpg"},
           {"compare " + scene + " --lights D65 -o " + dir + "/no/s.png", "does not exist"},
           {"compare " + scene + " -o " + dir + "/s.png", "--lights"},
       }) {
    RunResult r = run_limner(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args;
    EXPECT_EQ(r.err.rfind("limner: error: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find(c.needle), std::string::npos) << c.args << " -> " << r.err;
  }
  EXPECT_EQ(read_file(dir + "/keep.png"), "old");
}

}  // namespace
}  // namespace limner::test
