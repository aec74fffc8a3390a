// The executable's successful paths: outputs, metadata, stats, flags, determinism.
#include <gtest/gtest.h>
#include <dirent.h>

#include <OpenImageIO/imageio.h>
#include <nlohmann/json.hpp>

#include "cli/cli_util.h"

namespace limner::test {
namespace {

std::vector<float> exr_pixels(const std::string& path, OIIO::ImageSpec* spec_out = nullptr) {
  auto in = OIIO::ImageInput::open(path);
  EXPECT_TRUE(in) << path;
  if (!in) return {};
  const OIIO::ImageSpec& spec = in->spec();
  std::vector<float> px(size_t(spec.width) * spec.height * spec.nchannels);
  in->read_image(0, 0, 0, spec.nchannels, OIIO::TypeDesc::FLOAT, px.data());
  if (spec_out) *spec_out = spec;
  return px;
}

int count_files(const std::string& dir) {
  int n = 0;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) n += e->d_name[0] != '.' || std::string(e->d_name).size() > 2;
    closedir(d);
  }
  return n - 0;
}

TEST(RenderCli, WritesExrWithMetadataAndStats) {
  std::string dir = make_temp_dir();
  write_file(dir + "/scene.json", small_scene("img.exr"));
  RunResult r = run_limner("render " + dir + "/scene.json --seed 5 --stats " + dir + "/s.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  OIIO::ImageSpec spec;
  std::vector<float> px = exr_pixels(dir + "/img.exr", &spec);
  EXPECT_EQ(spec.width, 16);
  EXPECT_EQ(spec.height, 12);
  EXPECT_EQ(spec.format, OIIO::TypeDesc::FLOAT);
  EXPECT_EQ(spec.get_string_attribute("limner:spp"), "4");
  EXPECT_EQ(spec.get_string_attribute("limner:seed"), "5");
  EXPECT_NE(spec.get_string_attribute("limner:scene").find("scene.json"), std::string::npos);
  EXPECT_FALSE(spec.get_string_attribute("limner:version").empty());
  auto stats = nlohmann::json::parse(read_file(dir + "/s.json"));
  for (const char* key : {"seconds", "samples_per_pixel", "paths", "rays", "mrays_per_second",
                          "nan_or_inf_samples", "threads"})
    EXPECT_TRUE(stats.contains(key)) << key;
  EXPECT_EQ(stats["paths"].get<long>(), 16 * 12 * 4);
  std::system(("rm -rf " + dir).c_str());
}

TEST(RenderCli, OneAndTwoThreadsGiveIdenticalExr) {
  std::string dir = make_temp_dir();
  write_file(dir + "/scene.json", small_scene("img.exr"));
  ASSERT_EQ(run_limner("render " + dir + "/scene.json --threads 1 -o " + dir + "/a.exr").exit_code, 0);
  ASSERT_EQ(run_limner("render " + dir + "/scene.json --threads 2 -o " + dir + "/b.exr").exit_code, 0);
  EXPECT_EQ(exr_pixels(dir + "/a.exr"), exr_pixels(dir + "/b.exr"));
  std::system(("rm -rf " + dir).c_str());
}

TEST(RenderCli, SetOverridesAndOutputReplacesAtomically) {
  std::string dir = make_temp_dir();
  write_file(dir + "/scene.json", small_scene("out.png"));
  write_file(dir + "/out.png", "old");
  RunResult r = run_limner("render " + dir + "/scene.json --set film.spp=2 --set "
                           "lights.0.scale=0.5 --stats " + dir + "/s.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read_file(dir + "/out.png"), "old");
  EXPECT_EQ(read_file(dir + "/out.png").substr(1, 3), "PNG");
  auto stats = nlohmann::json::parse(read_file(dir + "/s.json"));
  EXPECT_EQ(stats["samples_per_pixel"].get<int>(), 2);
  EXPECT_EQ(count_files(dir), 3);  // scene.json, out.png, s.json: no temporaries left
  std::system(("rm -rf " + dir).c_str());
}

TEST(RenderCli, OneLinePerImageOrNothingWhenQuiet) {
  std::string dir = make_temp_dir();
  write_file(dir + "/scene.json", small_scene("out.jpg"));
  RunResult r = run_limner("render " + dir + "/scene.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  RunResult q = run_limner("render " + dir + "/scene.json --quiet");
  ASSERT_EQ(q.exit_code, 0);
  EXPECT_EQ(q.err, "");
  std::system(("rm -rf " + dir).c_str());
}

// Looking straight at a D65 environment of luminance 1: XYZ is the D65 white point with Y = 1
// (CIE 015:2018: x = 0.31272, y = 0.32903), whatever the tone curve asks for display files.
TEST(RenderCli, XyzExrHoldsTheIlluminantWhitePoint) {
  std::string dir = make_temp_dir();
  write_file(dir + "/scene.json", small_scene("img.exr", "[]", "{}"));
  RunResult r = run_limner("render " + dir + "/scene.json --set film.color_space=xyz "
                           "--set film.tonemap=filmic --set film.spp=64");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  OIIO::ImageSpec spec;
  std::vector<float> px = exr_pixels(dir + "/img.exr", &spec);
  ASSERT_EQ(spec.nchannels, 3);
  EXPECT_EQ(spec.channelnames, (std::vector<std::string>{"X", "Y", "Z"}));
  double sum[3] = {0, 0, 0};
  for (size_t i = 0; i < px.size(); ++i) sum[i % 3] += px[i];
  double total = sum[0] + sum[1] + sum[2];
  EXPECT_NEAR(sum[1] / (px.size() / 3), 1.0, 0.01);
  EXPECT_NEAR(sum[0] / total, 0.31272, 0.002);
  EXPECT_NEAR(sum[1] / total, 0.32903, 0.002);
  std::system(("rm -rf " + dir).c_str());
}

TEST(RenderCli, XyzNeedsExr) {
  std::string dir = make_temp_dir();
  write_file(dir + "/scene.json", small_scene("img.png"));
  RunResult r = run_limner("render " + dir + "/scene.json --set film.color_space=xyz");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("xyz"), std::string::npos) << r.err;
  std::system(("rm -rf " + dir).c_str());
}

TEST(RenderCli, VersionAndHelp) {
  RunResult v = run_limner("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.out.find("limner "), std::string::npos);
  EXPECT_EQ(run_limner("--help").exit_code, 0);
  RunResult h = run_limner("render --help");
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.out.find("--set"), std::string::npos);
}

}  // namespace
}  // namespace limner::test
