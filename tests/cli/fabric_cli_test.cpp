// The `fabric` material through the real executable: bad input is a one-line error naming the
// key (exit 2); fabric over every kind of base renders.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "cli/cli_util.h"

namespace limner::test {
namespace {

// "f" is the fabric under test over the materials "cloth" (diffuse), "glaze" (paint), "gold"
// (conductor), "glass" (dielectric) and "wax" (subsurface).
std::string fabric_scene(const std::string& fabric_body) {
  return small_scene(
      "out.png", R"([{"sphere": {"center": [0, 0, 0], "radius": 1}, "material": "f"}])",
      R"({"cloth": {"type": "diffuse", "reflectance": 0.5},
          "glaze": {"type": "paint", "substrate": "cloth",
                    "layers": [{"paint": "red glaze", "thickness_um": 10}]},
          "gold": {"type": "conductor", "metal": "gold", "roughness": 0.3},
          "glass": {"type": "dielectric", "ior": 1.5, "roughness": 0.1},
          "wax": {"type": "subsurface", "preset": "wax"},
          "velvet": {"type": "fabric", "base": "cloth"},
          "f": {"type": "fabric", )" +
          fabric_body + "}}");
}

struct Bad {
  const char* body;
  const char* key;
  const char* what;
};

TEST(FabricCli, BadInputIsAnErrorNamingTheKey) {
  const Bad cases[] = {
      {R"("sheen_color": 0.5)", "materials.f.base", "missing"},
      {R"("base": "silk")", "materials.f.base", "unknown material 'silk'"},
      {R"("base": "velvet")", "materials.f.base", "itself a fabric"},
      {R"("base": "f")", "materials.f.base", "itself a fabric"},
      {R"("base": 3)", "materials.f.base", ""},
      {R"("base": "cloth", "sheen_color": 1.2)", "materials.f.sheen_color", ""},
      {R"("base": "cloth", "sheen_color": {"rgb": [0.5, -0.1, 0.2]})",
       "materials.f.sheen_color", ""},
      {R"("base": "cloth", "sheen_roughness": 1.5)", "materials.f.sheen_roughness", "[0, 1]"},
      {R"("base": "cloth", "sheen_roughness": -0.1)", "materials.f.sheen_roughness", ""},
      {R"("base": "cloth", "sheen_roughness": "soft")", "materials.f.sheen_roughness", ""},
      {R"("base": "cloth", "sheen_colour": 0.5)", "materials.f.sheen_colour", "unknown key"},
  };
  for (const Bad& c : cases) {
    std::string dir = make_temp_dir();
    write_file(dir + "/scene.json", fabric_scene(c.body));
    RunResult r = run_limner("render " + dir + "/scene.json");
    EXPECT_EQ(r.exit_code, 2) << c.body << "\n" << r.err;
    EXPECT_EQ(r.err.rfind("limner: error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(std::string("scene.json: ") + c.key), std::string::npos)
        << c.body << "\n" << r.err;
    EXPECT_NE(r.err.find(c.what), std::string::npos) << c.body << "\n" << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    std::system(("rm -rf " + dir).c_str());
  }
}

TEST(FabricCli, PaintOverAFabricIsAnError) {
  std::string dir = make_temp_dir();
  write_file(dir + "/scene.json",
             small_scene("out.png",
                         R"([{"sphere": {"center": [0, 0, 0], "radius": 1}, "material": "p"}])",
                         R"({"cloth": {"type": "diffuse", "reflectance": 0.5},
                             "velvet": {"type": "fabric", "base": "cloth"},
                             "p": {"type": "paint", "substrate": "velvet",
                                   "layers": [{"paint": "red glaze", "thickness_um": 10}]}})"));
  RunResult r = run_limner("render " + dir + "/scene.json");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("scene.json: materials.p.substrate"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("fabric"), std::string::npos) << r.err;
  std::system(("rm -rf " + dir).c_str());
}

TEST(FabricCli, EveryKindOfBaseRenders) {
  std::string dir = make_temp_dir();
  for (const char* body :
       {R"("base": "cloth")", R"("base": "glaze", "sheen_color": {"rgb": [0.9, 0.5, 0.5]})",
        R"("base": "gold", "sheen_roughness": 0.05)", R"("base": "glass", "sheen_roughness": 1)",
        R"("base": "wax", "sheen_color": 0.3)"}) {
    write_file(dir + "/scene.json", fabric_scene(body));
    RunResult r = run_limner("render " + dir + "/scene.json --quiet");
    EXPECT_EQ(r.exit_code, 0) << body << "\n" << r.err;
  }
  std::system(("rm -rf " + dir).c_str());
}

}  // namespace
}  // namespace limner::test
