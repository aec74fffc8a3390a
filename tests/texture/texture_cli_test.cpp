// Bad texture input through the real executable: one line naming file and key, exit code 2,
// nothing written.
#include <gtest/gtest.h>

#include <unistd.h>

#include "texture/texture_util.h"

namespace limner::test {
namespace {

std::string scene(const std::string& material, const std::string& object) {
  return R"({"camera": {"from": [0, 0, 50], "to": [0, 0, 0], "fov_deg": 30},
  "film": {"width": 16, "height": 12, "spp": 2, "output": "out.png"},
  "lights": [{"type": "environment", "spectrum": "D65", "scale": 1}],
  "materials": {"m": )" + material + R"(},
  "objects": [)" + object + "]}";
}

const char* kRect = R"({"rect": {"center": [0, 0, 0], "normal": [0, 0, 1], "size": [20, 20]}, "material": "m"})";

void expect_input_error(const std::string& dir, const std::vector<std::string>& needles) {
  RunOutcome r = run_limner_in(dir, "render s.json --quiet");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err.rfind("limner: error: ", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  for (const auto& n : needles) EXPECT_NE(r.err.find(n), std::string::npos) << n << " in " << r.err;
  EXPECT_NE(access((dir + "/out.png").c_str(), F_OK), 0) << "an image was written";
}

TEST(TextureCli, MissingTextureIsAnInputError) {
  std::string dir = texture_temp_dir();
  write_text(dir + "/s.json",
             scene(R"({"type": "diffuse", "reflectance": {"texture": "missing.png"}})", kRect));
  expect_input_error(dir, {"s.json", "materials.m.reflectance", "missing.png"});
}

TEST(TextureCli, UnreadableTextureIsAnInputError) {
  std::string dir = texture_temp_dir();
  write_text(dir + "/junk.png", "this is not a PNG file");
  write_text(dir + "/s.json",
             scene(R"({"type": "diffuse", "reflectance": {"texture": "junk.png"}})", kRect));
  expect_input_error(dir, {"materials.m.reflectance", "junk.png"});
}

TEST(TextureCli, MeshWithoutUvsIsAnInputError) {
  std::string dir = texture_temp_dir();
  write_texture(dir + "/c.png", 2, 2, 3, std::vector<float>(12, 0.5f));
  write_text(dir + "/tri.obj", "v 0 0 0\nv 10 0 0\nv 0 10 0\nf 1 2 3\n");
  write_text(dir + "/s.json",
             scene(R"({"type": "diffuse", "reflectance": {"texture": "c.png"}})",
                   R"({"mesh": "tri.obj", "material": "m"})"));
  expect_input_error(dir, {"objects[0].mesh", "tri.obj", "vt", "materials.m.reflectance"});
}

TEST(TextureCli, AllZeroNormalMapIsAnInputError) {
  std::string dir = texture_temp_dir();
  write_texture(dir + "/zero.png", 8, 8, 3, std::vector<float>(192, 0.0f));
  write_text(dir + "/s.json", scene(R"({"type": "diffuse", "reflectance": 0.5,
      "normal_map": {"texture": "zero.png"}})", kRect));
  expect_input_error(dir, {"materials.m.normal_map.texture", "zero.png", "not a tangent-space normal map"});
}

TEST(TextureCli, BadTextureKeysAreInputErrors) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"type": "diffuse", "reflectance": {"texture": "c.png", "uv_scale": [0, 1]}})", "uv_scale"},
      {R"({"type": "diffuse", "reflectance": {"texture": "c.png", "chanel": "r"}})", "chanel"},
      {R"({"type": "diffuse", "reflectance": {"texture": "c.png", "channel": "r"}})", "channel"},
      {R"({"type": "diffuse", "reflectance": 0.5, "normal_map": {"texture": "c.png", "strength": -1}})",
       "strength"},
      {R"({"type": "paint", "substrate": "m", "layers": [{"paint": "titanium white",
          "thickness_um": {"texture": "c.png", "channel": "q"}}]})", "channel"},
  };
  for (const auto& [material, key] : cases) {
    std::string dir = texture_temp_dir();
    write_texture(dir + "/c.png", 2, 2, 3, std::vector<float>(12, 0.5f));
    write_text(dir + "/s.json", scene(material, kRect));
    expect_input_error(dir, {key});
  }
}

TEST(TextureCli, ChannelTheFileLacksIsAnInputError) {
  std::string dir = texture_temp_dir();
  write_texture(dir + "/g.png", 2, 2, 1, std::vector<float>(4, 0.5f));
  write_text(dir + "/s.json", R"({"camera": {"from": [0, 0, 50], "to": [0, 0, 0]},
    "film": {"width": 8, "height": 8, "spp": 1, "output": "out.png"},
    "lights": [{"type": "environment", "spectrum": 1}],
    "materials": {"base": {"type": "diffuse", "reflectance": 0.8},
      "m": {"type": "paint", "substrate": "base", "finish": "none",
            "layers": [{"paint": "titanium white", "thickness_um": {"texture": "g.png", "channel": "b", "scale": 40}}]}},
    "objects": [)" + std::string(kRect) + "]}");
  expect_input_error(dir, {"materials.m.layers[0].thickness_um.channel", "g.png"});
}

TEST(TextureCli, MeasureRejectsATexturedMaterial) {
  std::string dir = texture_temp_dir();
  write_texture(dir + "/c.png", 2, 2, 3, std::vector<float>(12, 0.5f));
  write_text(dir + "/s.json",
             scene(R"({"type": "diffuse", "reflectance": {"texture": "c.png"}})", kRect));
  RunOutcome r = run_limner_in(dir, "measure s.json --material m");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("materials.m.reflectance"), std::string::npos) << r.err;
}

TEST(TextureCli, TexturedSceneRenders) {
  std::string dir = texture_temp_dir();
  std::vector<float> v;
  for (int i = 0; i < 16; ++i) v.insert(v.end(), {0.8f, 0.3f, 0.1f});
  write_texture(dir + "/c.png", 4, 4, 3, v);
  std::vector<float> n;
  for (int i = 0; i < 16; ++i) n.insert(n.end(), {0.5f, 0.5f, 1.0f});
  write_texture(dir + "/n.png", 4, 4, 3, n);
  write_text(dir + "/s.json", scene(R"({"type": "diffuse", "reflectance": {"texture": "c.png", "uv_scale": [3, 3]},
      "normal_map": {"texture": "n.png", "strength": 0.5}})", kRect));
  RunOutcome r = run_limner_in(dir, "render s.json --quiet");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(access((dir + "/out.png").c_str(), F_OK), 0);
}

}  // namespace
}  // namespace limner::test
