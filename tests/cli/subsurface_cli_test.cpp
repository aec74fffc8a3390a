// The `subsurface` material through the real executable: impossible coefficients and ambiguous
// forms are one-line errors naming the key (exit 2); an open mesh renders with a warning naming
// the mesh and its holes; `limner measure` on a sheet adds transmittance.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "cli/cli_util.h"

namespace limner::test {
namespace {

std::string sss_scene(const std::string& material_body) {
  return small_scene("out.png",
                     R"([{"sphere": {"center": [0, 0, 0], "radius": 1}, "material": "m"}])",
                     R"({"m": {"type": "subsurface", )" + material_body + "}}");
}

struct Bad {
  const char* body;
  const char* key;
  const char* what;
};

const Bad kCases[] = {
    {R"("sigma_a_per_mm": -0.1, "sigma_s_per_mm": 1)", "materials.m.sigma_a_per_mm",
     "negative"},
    {R"("sigma_a_per_mm": 0.1, "sigma_s_per_mm": {"samples": [[400, 1], [700, -1]]})",
     "materials.m.sigma_s_per_mm", "negative"},
    {R"("color": 1.3, "mfp_mm": 1)", "materials.m.color", "albedo above 1"},
    {R"("color": 0.5, "mfp_mm": 0)", "materials.m.mfp_mm", "greater than 0"},
    {R"("color": 0.5, "mfp_mm": -2)", "materials.m.mfp_mm", "negative"},
    {R"("color": 0.5)", "materials.m.mfp_mm", "needs"},
    {R"("sigma_s_per_mm": 1)", "materials.m.sigma_a_per_mm", "needs"},
    {R"("preset": "wax", "sigma_a_per_mm": 0.1, "sigma_s_per_mm": 1)",
     "materials.m.sigma_a_per_mm", "only one"},
    {R"("preset": "wax", "color": 0.5, "mfp_mm": 1)", "materials.m.color", "only one"},
    {R"("g": 0.5)", "materials.m", "needs one of"},
    {R"("preset": "jade")", "materials.m.preset", "unknown preset"},
    {R"("preset": "wax", "g": 1.0)", "materials.m.g", "(-1, 1)"},
    {R"("preset": "wax", "ior": -1)", "materials.m.ior", ""},
    {R"("preset": "wax", "roughness": 2)", "materials.m.roughness", "[0, 1]"},
    {R"("preset": "wax", "colour": 0.5)", "materials.m.colour", "unknown key"},
};

class SubsurfaceBadInput : public ::testing::TestWithParam<Bad> {};

TEST_P(SubsurfaceBadInput, IsAnErrorNamingTheKey) {
  const Bad& c = GetParam();
  std::string dir = make_temp_dir();
  write_file(dir + "/scene.json", sss_scene(c.body));
  RunResult r = run_limner("render " + dir + "/scene.json");
  EXPECT_EQ(r.exit_code, 2) << c.body;
  EXPECT_EQ(r.err.rfind("limner: error: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(std::string("scene.json: ") + c.key), std::string::npos)
      << c.body << "\n" << r.err;
  EXPECT_NE(r.err.find(c.what), std::string::npos) << c.body << "\n" << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  std::system(("rm -rf " + dir).c_str());
}

INSTANTIATE_TEST_SUITE_P(Cases, SubsurfaceBadInput, ::testing::ValuesIn(kCases));

TEST(SubsurfaceCli, EveryPresetAndFormRenders) {
  std::string dir = make_temp_dir();
  for (const char* body : {R"("preset": "silicone")", R"("preset": "skin-6", "g": 0.8)",
                           R"("color": {"rgb": [0.9, 0.6, 0.5]}, "mfp_mm": 1.0)",
                           R"("sigma_a_per_mm": 0.01, "sigma_s_per_mm": 2, "ior": 1.3)"}) {
    write_file(dir + "/scene.json", sss_scene(body));
    RunResult r = run_limner("render " + dir + "/scene.json --quiet");
    EXPECT_EQ(r.exit_code, 0) << body << "\n" << r.err;
  }
  std::system(("rm -rf " + dir).c_str());
}

TEST(SubsurfaceCli, OpenMeshWarnsWithItsHolesAndStillRenders) {
  std::string dir = make_temp_dir();
  // A unit cube without its top and bottom faces: a tube with two boundary loops.
  write_file(dir + "/tube.obj",
             "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nv 0 0 1\nv 1 0 1\nv 1 1 1\nv 0 1 1\n"
             "f 1 5 6 2\nf 2 6 7 3\nf 3 7 8 4\nf 4 8 5 1\n");
  write_file(dir + "/scene.json",
             small_scene("out.png", R"([{"mesh": "tube.obj", "material": "m"}])",
                         R"({"m": {"type": "subsurface", "preset": "wax"}})"));
  RunResult r = run_limner("render " + dir + "/scene.json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("limner: warning: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'tube.obj' is not closed: 2 hole(s) (boundary edge loops; 8 boundary "
                       "edges)"),
            std::string::npos)
      << r.err;
  std::system(("rm -rf " + dir).c_str());
}

TEST(SubsurfaceCli, MeasureSheetAddsTransmittance) {
  std::string dir = make_temp_dir();
  write_file(dir + "/scene.json",
             sss_scene(R"("sigma_a_per_mm": 1.0, "sigma_s_per_mm": 0, "ior": 1.0)"));
  RunResult r = run_limner("measure " + dir + "/scene.json --material m --geometry 0:d "
                           "--thickness-mm 0.5");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["transmittance"].size(), 41u);
  for (double t : j["transmittance"]) EXPECT_NEAR(t, std::exp(-0.5), 1e-4);  // Beer-Lambert
  for (double x : j["reflectance"]) EXPECT_NEAR(x, 0.0, 1e-6);
  RunResult bad = run_limner("measure " + dir + "/scene.json --material m --thickness-mm -1");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--thickness-mm"), std::string::npos) << bad.err;
  std::system(("rm -rf " + dir).c_str());
}

}  // namespace
}  // namespace limner::test
