// Procedural detail, paint variation and vertex colours through the real executable: bad input
// gives exit code 2 and one line naming the file and key; good input renders.
#include <gtest/gtest.h>

#include <algorithm>

#include "cli/cli_util.h"

namespace limner::test {
namespace {

struct DetailCase {
  const char* name;
  std::string material;  // JSON of material "m"
  std::vector<std::string> expect;
  std::string mesh = "";  // object mesh instead of the sphere
};

std::string bump(const std::string& body) {
  return R"({"type": "diffuse", "reflectance": 0.5, "bump": )" + body + "}";
}

std::string layer(const std::string& extra) {
  return R"({"type": "paint", "substrate": "base", "layers": [{"paint": "sepia wash",
             "thickness_um": 10)" + extra + "}]}";
}

std::vector<DetailCase> cases() {
  const std::string k = R"("scale_mm": 0.2, "height_um": 10)";
  return {
      {"UnknownNoise", bump(R"({"noise": "perlin", )" + k + "}"),
       {"materials.m.bump.noise", "unknown noise 'perlin'", "pores, weave, brush, hammered"}},
      {"ZeroScale", bump(R"({"noise": "pores", "scale_mm": 0, "height_um": 10})"),
       {"materials.m.bump.scale_mm", "[0.001, 1000]"}},
      {"TinyScale", bump(R"({"noise": "pores", "scale_mm": 1e-9, "height_um": 10})"),
       {"materials.m.bump.scale_mm"}},
      {"NegativeScale", bump(R"({"noise": "pores", "scale_mm": -2, "height_um": 10})"),
       {"materials.m.bump.scale_mm"}},
      {"HugeScale", bump(R"({"noise": "weave", "scale_mm": 5000, "height_um": 10})"),
       {"materials.m.bump.scale_mm"}},
      {"NegativeHeight", bump(R"({"noise": "brush", "scale_mm": 0.2, "height_um": -1})"),
       {"materials.m.bump.height_um", "[0, 5000]"}},
      {"HugeHeight", bump(R"({"noise": "brush", "scale_mm": 0.2, "height_um": 1e7})"),
       {"materials.m.bump.height_um"}},
      {"MissingScale", bump(R"({"noise": "hammered", "height_um": 10})"),
       {"materials.m.bump.scale_mm"}},
      {"MissingHeight", bump(R"({"noise": "hammered", "scale_mm": 0.2})"),
       {"materials.m.bump.height_um"}},
      {"NoSource", bump(R"({"height_um": 10})"), {"materials.m.bump", "'texture'", "'noise'"}},
      {"BothSources", bump(R"({"noise": "pores", "texture": "h.png", )" + k + "}"),
       {"materials.m.bump", "not both"}},
      {"ZeroDirection", bump(R"({"noise": "brush", "direction": [0, 0, 0], )" + k + "}"),
       {"materials.m.bump.direction"}},
      {"UnknownBumpKey", bump(R"({"noise": "pores", "size": 1, )" + k + "}"),
       {"materials.m.bump.size"}},
      {"BumpNotAnObject", bump("12"), {"materials.m.bump"}},
      {"MissingHeightMap", bump(R"({"texture": "nowhere.png", "height_um": 20})"),
       {"materials.m.bump.texture"}},
      {"VariationUnknownNoise",
       layer(R"(, "variation": {"noise": "stipple", "amount": 0.3, "scale_mm": 0.5})"),
       {"materials.m.layers[0].variation.noise", "unknown noise 'stipple'"}},
      {"VariationAmount",
       layer(R"(, "variation": {"noise": "brush", "amount": 1.5, "scale_mm": 0.5})"),
       {"materials.m.layers[0].variation.amount", "[0, 1]"}},
      {"VariationMissingAmount", layer(R"(, "variation": {"noise": "brush", "scale_mm": 0.5})"),
       {"materials.m.layers[0].variation.amount"}},
      {"VariationScale",
       layer(R"(, "variation": {"noise": "brush", "amount": 0.3, "scale_mm": 0})"),
       {"materials.m.layers[0].variation.scale_mm"}},
      {"VariationTide", layer(R"(, "variation": {"noise": "brush", "amount": 0.3,
                                  "scale_mm": 0.5, "tide_marks": 3})"),
       {"materials.m.layers[0].variation.tide_marks"}},
      {"VariationUnknownKey", layer(R"(, "variation": {"noise": "brush", "amount": 0.3,
                                        "scale_mm": 0.5, "angle": 3})"),
       {"materials.m.layers[0].variation.angle"}},
      {"MaskOutOfRange", layer(R"(, "mask": 1.5)"), {"materials.m.layers[0].mask", "[0, 1]"}},
      {"MaskBadChannel", layer(R"(, "mask": {"vertex_color": "q"})"),
       {"materials.m.layers[0].mask.vertex_color", "unknown channel 'q'"}},
      {"VertexColorAsChannelForColour",
       R"({"type": "diffuse", "reflectance": {"vertex_color": "r"}})",
       {"materials.m.reflectance.vertex_color", "true"}},
      {"VertexColorsOnSphere", R"({"type": "diffuse", "reflectance": {"vertex_color": true}})",
       {"objects[0].material", "vertex colours"}},
      {"VertexColorsMissingInMesh",
       R"({"type": "diffuse", "reflectance": {"vertex_color": true}})",
       {"objects[0].mesh", "tri.obj", "no vertex colours"}, "tri.obj"},
      {"MaskVertexColorsMissingInMesh", layer(R"(, "mask": {"vertex_color": "g"})"),
       {"objects[0].mesh", "no vertex colours", "materials.m.layers[0].mask"}, "tri.obj"},
  };
}

void PrintTo(const DetailCase& c, std::ostream* os) { *os << c.name; }

class DetailBadInput : public ::testing::TestWithParam<DetailCase> {};

TEST_P(DetailBadInput, ClearErrorExitTwo) {
  const DetailCase& c = GetParam();
  std::string dir = make_temp_dir();
  std::string objects =
      c.mesh.empty() ? R"([{"sphere": {"center": [0, 0, 0], "radius": 1}, "material": "m"}])"
                     : R"([{"mesh": ")" + c.mesh + R"(", "material": "m"}])";
  std::string materials = R"({"base": {"type": "diffuse", "reflectance": 0.5}, "m": )" +
                          c.material + "}";
  write_file(dir + "/scene.json", small_scene("out.png", objects, materials));
  write_file(dir + "/tri.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
  write_file(dir + "/out.png", "precious");
  RunResult r = run_limner("render " + dir + "/scene.json --quiet");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err.rfind("limner: error: ", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("scene.json"), std::string::npos) << r.err;
  for (const auto& s : c.expect) EXPECT_NE(r.err.find(s), std::string::npos) << s << " in: " << r.err;
  EXPECT_EQ(read_file(dir + "/out.png"), "precious");
  std::system(("rm -rf " + dir).c_str());
}

INSTANTIATE_TEST_SUITE_P(Cases, DetailBadInput, ::testing::ValuesIn(cases()),
                         [](const auto& test_info) { return std::string(test_info.param.name); });

// Every noise as a bump, a brush-varied glaze with tide marks, and vertex colours as a
// reflectance and as a mask, in one small render.
TEST(DetailCli, GoodDetailRenders) {
  std::string dir = make_temp_dir();
  write_file(dir + "/quad.obj",
             "v -1 -1 0 1 0 0\nv 1 -1 0 0 1 0\nv 1 1 0 0 0 1\nv -1 1 0 1 1 1\nf 1 2 3 4\n");
  std::string materials = R"({
    "base": {"type": "diffuse", "reflectance": {"vertex_color": true},
             "bump": {"noise": "pores", "scale_mm": 0.2, "height_um": 10}},
    "m": {"type": "paint", "substrate": "base", "finish": "gloss",
          "bump": {"noise": "hammered", "scale_mm": 0.3, "height_um": 15},
          "layers": [{"paint": "sepia wash", "thickness_um": 10, "pooling": 0.5,
                      "variation": {"noise": "brush", "amount": 0.3, "scale_mm": 0.5,
                                    "direction": [0, 1, 0]}},
                     {"paint": "sepia wash", "thickness_um": 5, "mask": {"vertex_color": "r"},
                      "variation": {"noise": "weave", "amount": 0.2, "scale_mm": 0.1}}]},
    "s": {"type": "conductor", "metal": "silver", "roughness": 0.2,
          "bump": {"noise": "brush", "scale_mm": 0.5, "height_um": 5, "direction": [1, 1, 0]}}})";
  std::string objects = R"([{"mesh": "quad.obj", "material": "m"},
    {"mesh": "quad.obj", "material": "base", "transform": {"translate": [0, 0, -1]}},
    {"sphere": {"center": [1, 1, 0], "radius": 0.5}, "material": "s"}])";
  write_file(dir + "/scene.json", small_scene("out.png", objects, materials));
  RunResult r = run_limner("render " + dir + "/scene.json --quiet");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(read_file(dir + "/out.png").size(), 0u);
  std::system(("rm -rf " + dir).c_str());
}

}  // namespace
}  // namespace limner::test

namespace limner::test {
namespace {

// A spectrophotometer averages over its aperture: `limner measure` takes a varied layer at its
// nominal thickness, the same as the layer without variation.
TEST(DetailCli, MeasureUsesTheNominalThickness) {
  std::string dir = make_temp_dir();
  write_file(dir + "/scene.json", R"({"camera": {"from": [0, 0, 5], "to": [0, 0, 0]},
    "materials": {"base": {"type": "diffuse", "reflectance": 0.8},
      "varied": {"type": "paint", "substrate": "base", "layers": [{"paint": "blue glaze",
                 "thickness_um": 12, "variation": {"noise": "brush", "amount": 0.3,
                 "scale_mm": 0.5}}]},
      "plain": {"type": "paint", "substrate": "base", "layers": [{"paint": "blue glaze",
                "thickness_um": 12}]}}})");
  RunResult v = run_limner("measure " + dir + "/scene.json --material varied");
  RunResult p = run_limner("measure " + dir + "/scene.json --material plain");
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_EQ(p.exit_code, 0) << p.err;
  EXPECT_FALSE(v.out.empty());
  auto without_name = [](std::string s) {  // the reports differ only in the material's name
    size_t at = s.find("\"material\"");
    return at == std::string::npos ? s : s.erase(at, s.find('\n', at) - at);
  };
  EXPECT_EQ(without_name(v.out), without_name(p.out));
  EXPECT_NE(v.out.find("\"reflectance\""), std::string::npos);
  std::system(("rm -rf " + dir).c_str());
}

}  // namespace
}  // namespace limner::test
