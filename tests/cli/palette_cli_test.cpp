// `limner palette`: the sheet's grid, the report's structure and values, and a metameric pair
// built here (equal colour under D65 by construction, different under A) that the report must
// flag. The test's own colorimetry (1 nm sums, CAT16 to D65, CIELAB) checks the report's Lab.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli_util.h"
#include "renderer/image/image_write.h"
#include "renderer/image/sheet.h"
#include "renderer/spectral/cat16.h"
#include "renderer/spectral/ciede2000.h"
#include "renderer/spectral/color.h"

namespace limner::test {
namespace {

using Curve = std::vector<double>;  // values at 360, 370, ..., 830 nm
constexpr int kKnots = 48;

double at(const Curve& c, double nm) {
  double x = std::clamp((nm - 360.0) / 10.0, 0.0, double(kKnots - 1));
  size_t i = std::min(size_t(x), size_t(kKnots - 2));
  return c[i] + (x - double(i)) * (c[i + 1] - c[i]);
}

glm::dvec3 xyz_of(const Curve& r, const Spectrum& light) {  // light's white: Y = 100
  glm::dvec3 sum(0.0), white(0.0);
  for (int nm = 360; nm <= 830; ++nm) {
    glm::dvec3 w = glm::dvec3(cie_xyz_bar(float(nm))) * double(light.eval(float(nm)));
    sum += w * at(r, nm);
    white += w;
  }
  return sum * (100.0 / white.y);
}

glm::dvec3 lab_of(const glm::dvec3& xyz, const glm::dvec3& white) {  // CIE 15 formula
  auto f = [](double t) {
    return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
  };
  glm::dvec3 q(f(xyz.x / white.x), f(xyz.y / white.y), f(xyz.z / white.z));
  return {116.0 * q.y - 16.0, 500.0 * (q.x - q.y), 200.0 * (q.y - q.z)};
}

// Lab seen by an eye adapted to the light: CAT16 from the light's white to D65's, then CIELAB.
glm::dvec3 adapted(const Curve& r, const std::string& light) {
  Spectrum s = Spectrum::named_illuminant(light), d65 = Spectrum::named_illuminant("D65");
  Curve one(kKnots, 1.0);
  glm::dvec3 w = xyz_of(one, s), w65 = xyz_of(one, d65);
  glm::dmat3 cat(cat16_adaptation(glm::vec3(w), glm::vec3(w65)));
  return lab_of(cat * xyz_of(r, s), w65);
}

// A flat grey and a grey plus a "metameric black" for D65: a wave with its projection on the
// three D65-weighted colour matching functions removed, so both have the same XYZ under D65.
std::pair<Curve, Curve> metamers() {
  Spectrum d65 = Spectrum::named_illuminant("D65");
  std::vector<glm::dvec3> rows(kKnots, glm::dvec3(0.0));  // response of each knot's hat
  for (int k = 0; k < kKnots; ++k) {
    Curve hat(kKnots, 0.0);
    hat[size_t(k)] = 1.0;
    rows[size_t(k)] = xyz_of(hat, d65);
  }
  Curve p(kKnots);
  for (int k = 0; k < kKnots; ++k) p[size_t(k)] = std::sin(2.0 * M_PI * (k * 10.0) / 120.0);
  glm::dmat3 gram(0.0);
  glm::dvec3 proj(0.0);
  for (int k = 0; k < kKnots; ++k) {
    gram += glm::outerProduct(rows[size_t(k)], rows[size_t(k)]);
    proj += rows[size_t(k)] * p[size_t(k)];
  }
  glm::dvec3 coef = glm::inverse(gram) * proj;
  double peak = 0.0;
  for (int k = 0; k < kKnots; ++k) {
    p[size_t(k)] -= glm::dot(coef, rows[size_t(k)]);
    peak = std::max(peak, std::fabs(p[size_t(k)]));
  }
  Curve grey(kKnots, 0.4), meta(kKnots);
  for (int k = 0; k < kKnots; ++k) meta[size_t(k)] = 0.4 + 0.2 * p[size_t(k)] / peak;
  return {grey, meta};
}

std::string samples_json(const Curve& c) {
  std::ostringstream s;
  s << "{\"samples\": [";
  for (int k = 0; k < kKnots; ++k)
    s << (k ? ", " : "") << "[" << 360 + 10 * k << ", " << c[size_t(k)] << "]";
  s << "]}";
  return s.str();
}

std::string swatch_scene(const std::string& dir, const std::string& paints) {
  std::string path = dir + "/swatch.json";
  write_file(path, R"({"camera": {"from": [0, 0, 40], "to": [0, 0, 0], "fov_deg": 30},
    "film": {"width": 8, "height": 8, "spp": 1},
    "lights": [{"type": "environment", "spectrum": "D65", "scale": 1}],
    "paints": )" + paints +
                       R"(,
    "materials": {"resin": {"type": "diffuse", "reflectance": 0.5},
      "swatch": {"type": "paint", "substrate": "resin", "finish": "matte",
                 "layers": [{"paint": "white primer", "thickness_um": 200}]}},
    "objects": [{"sphere": {"center": [0, 0, 0], "radius": 8}, "material": "swatch"}]})");
  return path;
}

TEST(PaletteCli, FlagsAMetamericPairWithIndependentLab) {
  auto [grey, meta] = metamers();
  // The construction itself: a match under D65, a visible difference under A.
  ASSERT_LT(ciede2000(adapted(grey, "D65"), adapted(meta, "D65")), 0.05);
  ASSERT_GT(ciede2000(adapted(grey, "A"), adapted(meta, "A")), 5.0);
  std::string dir = make_temp_dir();
  std::string scene = swatch_scene(dir, "{\"grey\": {\"reflectance\": " + samples_json(grey) +
                                            "}, \"meta\": {\"reflectance\": " + samples_json(meta) +
                                            "}, \"red\": {\"pigments\": {\"PR101\": 1}}}");
  RunResult r =
      run_limner("palette --scene " + scene + " --paints grey,meta,red --lights D65,A -o " + dir +
                 "/p.png --report " + dir + "/p.json --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(read_file(dir + "/p.json"));
  ASSERT_EQ(j["lights"].size(), 2u);
  EXPECT_EQ(j["lights"][1]["name"], "A");
  EXPECT_NEAR(j["lights"][1]["cct_k"].get<double>(), 2856.0, 20.0);
  ASSERT_EQ(j["paints"].size(), 3u);
  for (const auto& p : j["paints"]) {
    ASSERT_EQ(p["lights"].size(), 2u);
    EXPECT_EQ(p["lights"][0]["delta_e00"].get<double>(), 0.0);  // from the first light
    // Independent colorimetry of the measured reflectance (10 nm in the report).
    Curve r10(kKnots);
    const auto& refl = p["reflectance_380_780_10nm"];
    ASSERT_EQ(refl.size(), 41u);
    for (int k = 0; k < kKnots; ++k)
      r10[size_t(k)] = refl[size_t(std::clamp(k - 2, 0, 40))].get<double>();
    for (int l = 0; l < 2; ++l) {
      glm::dvec3 lab(p["lights"][l]["Lab"][0], p["lights"][l]["Lab"][1], p["lights"][l]["Lab"][2]);
      EXPECT_LT(ciede2000(lab, adapted(r10, l ? "A" : "D65")), 0.3) << p["name"];
    }
  }
  ASSERT_EQ(j["metameric_pairs"].size(), 1u) << j["metameric_pairs"].dump();
  const auto& pair = j["metameric_pairs"][0];
  EXPECT_EQ(pair["paints"], nlohmann::json({"grey", "meta"}));
  EXPECT_EQ(pair["match_under"], nlohmann::json({"D65"}));
  EXPECT_EQ(pair["differ_under"], nlohmann::json({"A"}));
  // Under D65 no adaptation happens: the report's Lab is `limner measure`'s of the same swatch.
  RunResult m = run_limner("measure " + scene + " --material swatch --illuminant D65 --set " +
                           "materials.swatch.layers.0.paint=grey");
  ASSERT_EQ(m.exit_code, 0) << m.err;
  nlohmann::json mj = nlohmann::json::parse(m.out);
  glm::dvec3 measured(mj["Lab"][0], mj["Lab"][1], mj["Lab"][2]);
  const auto& lab0 = j["paints"][0]["lights"][0]["Lab"];
  EXPECT_LT(ciede2000(measured, glm::dvec3(lab0[0], lab0[1], lab0[2])), 0.2);
}

TEST(PaletteCli, GridOfSwatchesWithLabels) {
  std::string dir = make_temp_dir();
  RunResult r = run_limner("palette --paints \"blood red, sky blue\" --lights D65,tungsten,A -o " +
                           dir + "/p.png --report " + dir + "/p.json --size 12x12 --spp 1 --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Image img = read_image(dir + "/p.png");
  const int pad = kSheetPadding, head = 2 * kSheetLineHeight + pad / 2,
            cap = kSheetLineHeight + pad / 2;
  EXPECT_EQ(img.height, head + 2 * (12 + cap) + 3 * pad);
  int row_w = img.width - (3 * 12 + 4 * pad);
  EXPECT_GT(row_w, 40);  // "blood red" and "sky blue" labels
  for (int row = 0; row < 2; ++row)
    for (int col = 0; col < 3; ++col) {  // every cell holds a rendered swatch
      int x = row_w + pad + col * (12 + pad) + 6, y = head + pad + row * (12 + cap + pad) + 6;
      const float* p = &img.data[(size_t(y) * img.width + x) * 3];
      EXPECT_GT(std::fabs(p[0] - p[2]), 0.05f) << row << " " << col;  // red or blue, not grey
    }
  nlohmann::json j = nlohmann::json::parse(read_file(dir + "/p.json"));
  ASSERT_EQ(j["lights"].size(), 3u);
  EXPECT_EQ(j["lights"][1]["kind"], "preset");
  EXPECT_EQ(j["lights"][2]["kind"], "illuminant");
  ASSERT_EQ(j["paints"].size(), 2u);
  EXPECT_EQ(j["paints"][1]["name"], "sky blue");
  EXPECT_GT(j["paints"][0]["lights"][0]["Lab"][1].get<double>(), 20.0);   // red: a* > 0
  EXPECT_LT(j["paints"][1]["lights"][0]["Lab"][2].get<double>(), -10.0);  // blue: b* < 0
  EXPECT_TRUE(j["metameric_pairs"].is_array());
}

TEST(PaletteCli, BadInputIsOneLineExitTwo) {
  std::string dir = make_temp_dir();
  std::string no_swatch = dir + "/none.json";
  write_file(no_swatch, small_scene());
  const std::string out = " -o " + dir + "/p.png";
  struct Case {
    std::string args, needle;
  };
  for (const Case& c : std::vector<Case>{
           {"palette --paints \"blod red\" --lights D65" + out, "blood red"},
           {"palette --paints scarlet --lights D65,XYZ" + out, "unknown light 'XYZ'"},
           {"palette --paints scarlet --lights D65 --scene " + no_swatch + out, "materials.swatch"},
           {"palette --paints scarlet --lights D65 --report " + dir + "/no/r.json" + out, "r.json"},
           {"palette --paints scarlet --lights D65 --size 3" + out, "--size"},
           {"palette --paints scarlet --lights D65 --white-balance grey" + out, "--white-balance"},
           {"palette --lights D65" + out, "--paints"},
           {"palette --paints scarlet,scarlet --lights D65" + out, "listed twice"},
           {"palette --paints scarlet --lights D65,A --size 8000x8000" + out, "megapixels"},
       }) {
    RunResult r = run_limner(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args;
    EXPECT_EQ(r.err.rfind("limner: error: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find(c.needle), std::string::npos) << c.args << " -> " << r.err;
  }
}

}  // namespace
}  // namespace limner::test
