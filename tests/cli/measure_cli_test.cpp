// `limner measure` through the executable: reflectance and CIELAB of known materials.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "cli/cli_util.h"

namespace limner::test {
namespace {

const char* kScene = R"({"camera": {"from": [0, 0, 1], "to": [0, 0, 0]},
  "materials": {
    "grey": {"type": "diffuse", "reflectance": 0.3},
    "ramp": {"type": "diffuse", "reflectance": {"samples": [[380, 0.1], [780, 0.9]]}},
    "mirror": {"type": "conductor", "metal": {"eta": 0.0, "k": 1000.0}},
    "primer": {"type": "diffuse", "reflectance": 0.9},
    "measured_gloss": {"type": "paint", "substrate": "primer", "finish": "gloss",
                       "layers": [{"paint": "measured", "thickness_um": 3000}]},
    "measured_satin": {"type": "paint", "substrate": "primer", "finish": "satin",
                       "layers": [{"paint": "measured", "thickness_um": 3000}]}},
  "paints": {"measured": {"reflectance": {"samples": [[380, 0.12], [780, 0.62]]}}}})";

nlohmann::json measure(const std::string& args, int* code = nullptr) {
  std::string dir = make_temp_dir();
  write_file(dir + "/scene.json", kScene);
  RunResult r = run_limner("measure " + dir + "/scene.json " + args);
  std::system(("rm -rf " + dir).c_str());
  if (code) *code = r.exit_code;
  if (r.exit_code != 0) return nlohmann::json{{"error", r.err}};
  return nlohmann::json::parse(r.out);
}

// CIELAB of a spectrally flat reflectance rho: Y/Yn = rho, a* = b* = 0.
double lightness(double rho) {
  return rho > 0.008856 ? 116.0 * std::cbrt(rho) - 16.0 : 903.3 * rho;
}

TEST(MeasureCli, FlatDiffuseReturnsItsReflectanceAndLab) {
  for (const char* geometry : {"d:8", "45:0"}) {
    nlohmann::json j = measure("--material grey --geometry " + std::string(geometry));
    ASSERT_FALSE(j.contains("error")) << j.dump();
    ASSERT_EQ(j["wavelength_nm"].size(), 41u);
    EXPECT_EQ(j["wavelength_nm"][0].get<int>(), 380);
    EXPECT_EQ(j["wavelength_nm"][40].get<int>(), 780);
    for (double r : j["reflectance"]) EXPECT_NEAR(r, 0.3, 0.005) << geometry;
    EXPECT_NEAR(j["XYZ"][1].get<double>(), 30.0, 0.3);
    EXPECT_NEAR(j["Lab"][0].get<double>(), lightness(0.3), 0.2);
    EXPECT_NEAR(j["Lab"][1].get<double>(), 0.0, 0.2);
    EXPECT_NEAR(j["Lab"][2].get<double>(), 0.0, 0.2);
  }
}

TEST(MeasureCli, RampIsFollowedAtEveryWavelength) {
  nlohmann::json j = measure("--material ramp --illuminant D65 --observer 10");
  ASSERT_FALSE(j.contains("error")) << j.dump();
  for (size_t i = 0; i < 41; ++i)
    EXPECT_NEAR(j["reflectance"][i].get<double>(), 0.1 + 0.8 * double(i) / 40.0, 0.005);
  EXPECT_EQ(j["observer"].get<int>(), 10);
  EXPECT_GT(j["Lab"][1].get<double>(), 5.0);  // more red than blue: positive a* and b*
  EXPECT_GT(j["Lab"][2].get<double>(), 5.0);
}

// A paint known by a d:8 measurement (specular included) measures back to it when applied as an
// opaque coat under Limner's finishes: the inversion uses the rendered surface's own constants.
TEST(MeasureCli, MeasuredPaintMeasuresBackToItsMasstone) {
  for (const char* material : {"measured_gloss", "measured_satin"}) {
    nlohmann::json j = measure("--material " + std::string(material) + " --geometry d:8");
    ASSERT_FALSE(j.contains("error")) << j.dump();
    for (size_t i = 0; i < 41; ++i)
      EXPECT_NEAR(j["reflectance"][i].get<double>(), 0.12 + 0.5 * double(i) / 40.0, 0.01)
          << material << " " << j["wavelength_nm"][i];
  }
}

// The specular component counts in d:8 and not in 45:0.
TEST(MeasureCli, MirrorIsWhiteInD8AndBlackIn45_0) {
  nlohmann::json d8 = measure("--material mirror --geometry d:8");
  nlohmann::json f45 = measure("--material mirror --geometry 45:0");
  EXPECT_NEAR(d8["reflectance"][20].get<double>(), 1.0, 0.005);
  EXPECT_NEAR(f45["reflectance"][20].get<double>(), 0.0, 1e-6);
}

TEST(MeasureCli, BadInput) {
  int code = 0;
  nlohmann::json j = measure("--material nope", &code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(j["error"].get<std::string>().find("nope"), std::string::npos);
  measure("--material grey --geometry 0:45", &code);
  EXPECT_EQ(code, 2);
  measure("--material grey --illuminant D66", &code);
  EXPECT_EQ(code, 2);
  measure("--material grey --observer 5", &code);
  EXPECT_EQ(code, 2);
}

}  // namespace
}  // namespace limner::test
