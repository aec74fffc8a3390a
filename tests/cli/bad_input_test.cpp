// Bad input through the real executable: exit code 2, one line on stderr that starts
// "limner: error:" and names the file and key, and an existing output left untouched.
#include <gtest/gtest.h>

#include "cli/cli_util.h"

namespace limner::test {
namespace {

struct BadCase {
  const char* name;
  std::string scene;            // written as scene.json
  std::string extra_args;       // after the scene path
  std::vector<std::string> expect;  // substrings of the message
};

std::string sphere_obj(const std::string& mesh, const std::string& material = "m") {
  return R"([{"mesh": ")" + mesh + R"(", "material": ")" + material + R"("}])";
}

std::string paint_materials(const std::string& paint, const std::string& thickness) {
  return R"({"m": {"type": "diffuse", "reflectance": 0.5},
             "p": {"type": "paint", "substrate": "m",
                   "layers": [{"paint": ")" + paint + R"(", "thickness_um": )" + thickness +
         "}]}}";
}

std::string paint_scene(const std::string& paint) {
  std::string s = small_scene("out.png", sphere_obj("tri.obj", "p"), paint_materials("mine", "10"));
  s.insert(s.find("\"materials\""), "\"paints\": {\"mine\": " + paint + "},\n  ");
  return s;
}

const std::string kTriangleObj = "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n";

std::vector<BadCase> cases() {
  std::string ok = small_scene();
  std::string bad_json = ok;
  bad_json.insert(bad_json.find("\"film\""), "\"oops\" ");
  std::string unknown_key = ok;
  unknown_key.replace(unknown_key.find("\"fov_deg\""), 9, "\"fov_degs\"");
  std::string zero_spp = ok;
  zero_spp.replace(zero_spp.find("\"spp\": 4"), 8, "\"spp\": 0");
  std::string huge = ok;
  huge.replace(huge.find("\"width\": 16"), 11, "\"width\": 1000000");
  huge.replace(huge.find("\"height\": 12"), 12, "\"height\": 1000000");
  std::string bad_light = ok;
  bad_light.replace(bad_light.find("\"D65\""), 5, "\"D66\"");
  return {
      {"InvalidJson", bad_json, "", {"scene.json", "line 2", "invalid JSON"}},
      {"UnknownKey", unknown_key, "", {"scene.json", "camera.fov_degs", "unknown key"}},
      {"MissingMesh", small_scene("out.png", sphere_obj("nope.obj")), "",
       {"scene.json", "objects[0].mesh", "nope.obj"}},
      {"UnreadableMesh", small_scene("out.png", sphere_obj("garbage.stl")), "",
       {"scene.json", "objects[0].mesh", "garbage.stl"}},
      {"NanVertexMesh", small_scene("out.png", sphere_obj("nan.obj")), "",
       {"objects[0].mesh", "nan.obj"}},
      {"NoFacesMesh", small_scene("out.png", sphere_obj("empty.obj")), "",
       {"objects[0].mesh", "empty.obj"}},
      {"UnknownMaterial", small_scene("out.png", sphere_obj("tri.obj", "gold")), "",
       {"scene.json", "objects[0].material", "gold"}},
      {"UnknownIlluminant", bad_light, "", {"scene.json", "lights[0].spectrum", "D66"}},
      {"UnknownMetal", small_scene("out.png", sphere_obj("tri.obj"),
                                   R"({"m": {"type": "conductor", "metal": "unobtanium"}})"),
       "", {"scene.json", "materials.m.metal", "unobtanium"}},
      {"NegativeRadius",
       small_scene("out.png", R"([{"sphere": {"center": [0,0,0], "radius": -1}, "material": "m"}])"),
       "", {"scene.json", "objects[0].sphere.radius"}},
      {"ZeroRectSize",
       small_scene("out.png",
                   R"([{"rect": {"center": [0,0,0], "normal": [0,0,1], "size": [0, 1]}, "material": "m"}])"),
       "", {"scene.json", "objects[0].rect.size"}},
      {"ZeroSpp", zero_spp, "", {"scene.json", "film.spp"}},
      {"ZeroSppFlag", ok, "--spp 0", {"scene.json", "film.spp"}},
      {"NegativeSizeFlag", ok, "--size -4x4", {"--size"}},
      {"HugeResolution", huge, "", {"scene.json", "film.width", "too large"}},
      {"ReflectanceAboveOne",
       small_scene("out.png", sphere_obj("tri.obj"),
                   R"({"m": {"type": "diffuse", "reflectance": {"rgb": [1.2, 0.5, 0.5]}}})"),
       "", {"scene.json", "materials.m.reflectance"}},
      {"ReflectanceSpectrumAboveOne",
       small_scene("out.png", sphere_obj("tri.obj"),
                   R"({"m": {"type": "diffuse", "reflectance": {"samples": [[400, 0.5], [700, 1.5]]}}})"),
       "", {"scene.json", "materials.m.reflectance", "[0, 1]"}},
      {"MissingOutputFolder", small_scene("no/such/folder/out.png"), "", {"no/such/folder"}},
      {"UnsupportedOutput", ok, "-o OUTDIR/out.bmp", {"out.bmp", ".bmp"}},
      {"BadSetPath", ok, "--set camera.from.x=3", {"camera.from"}},
      {"UnknownPaint", small_scene("out.png", sphere_obj("tri.obj"), paint_materials("no such paint", "10")),
       "", {"scene.json", "materials.p.layers[0].paint", "no such paint"}},
      {"NegativeThickness", small_scene("out.png", sphere_obj("tri.obj"), paint_materials("black wash", "-5")),
       "", {"scene.json", "materials.p.layers[0].thickness_um"}},
      {"UnknownPigment", paint_scene(R"({"pigments": {"PX999": 1}})"), "",
       {"scene.json", "paints.mine.pigments.PX999", "PX999"}},
      {"PigmentsSumToZero", paint_scene(R"({"pigments": {"PW6": 0, "PBk7": 0}})"), "",
       {"scene.json", "paints.mine"}},
      {"ReflectanceNotInvertible", paint_scene(R"({"reflectance": 0.0})"), "",
       {"scene.json", "paints.mine"}},
      {"WashOnASphere",
       small_scene("out.png", R"([{"sphere": {"center": [0,0,0], "radius": 1}, "material": "p"}])",
                   paint_materials("black wash", "5, \"pooling\": 0.5")),
       "", {"scene.json", "objects[0].material", "pool"}},
  };
}

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

class BadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInput, ClearErrorExitTwoOutputUntouched) {
  const BadCase& c = GetParam();
  std::string dir = make_temp_dir();
  write_file(dir + "/scene.json", c.scene);
  write_file(dir + "/tri.obj", kTriangleObj);
  write_file(dir + "/nan.obj", "v 0 0 0\nv nan 0 0\nv 0 1 0\nf 1 2 3\n");
  write_file(dir + "/empty.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\n");
  write_file(dir + "/garbage.stl", "\x01\x02 this is not an STL file at all");
  write_file(dir + "/out.png", "precious");
  std::string args = c.extra_args;
  for (size_t p; (p = args.find("OUTDIR")) != std::string::npos;) args.replace(p, 6, dir);
  RunResult r = run_limner("render " + dir + "/scene.json " + args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err.rfind("limner: error: ", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  for (const auto& s : c.expect) EXPECT_NE(r.err.find(s), std::string::npos) << s << " in: " << r.err;
  EXPECT_EQ(read_file(dir + "/out.png"), "precious");
  std::system(("rm -rf " + dir).c_str());
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInput, ::testing::ValuesIn(cases()),
                         [](const auto& test_info) { return std::string(test_info.param.name); });

TEST(BadInput, MissingSceneFile) {
  RunResult r = run_limner("render /nonexistent/scene.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("limner: error: /nonexistent/scene.json"), std::string::npos) << r.err;
}

TEST(BadInput, UnknownFlagIsUsageError) {
  RunResult r = run_limner("render --frobnicate x.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("limner: error: ", 0), 0u) << r.err;
}

}  // namespace
}  // namespace limner::test
