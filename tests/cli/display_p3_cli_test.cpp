// film.color_space "display-p3": pixels are the sRGB render's colours re-expressed with the P3
// primaries (matrices built here from the published primaries), display files carry an ICC
// profile whose colorants match Apple's published Display P3 profile, EXR files carry their
// chromaticities.
#include <OpenImageIO/imageio.h>
#include <gtest/gtest.h>

#include <glm/glm.hpp>

#include "cli/cli_util.h"
#include "renderer/image/icc_profile.h"
#include "renderer/image/image_write.h"

namespace limner::test {
namespace {

glm::dmat3 rgb_to_xyz(glm::dvec2 r, glm::dvec2 g, glm::dvec2 b) {  // D65 white, Y = 1
  auto col = [](glm::dvec2 p) { return glm::dvec3(p.x / p.y, 1.0, (1.0 - p.x - p.y) / p.y); };
  glm::dmat3 m(col(r), col(g), col(b));
  glm::dvec3 s = glm::inverse(m) * col({0.3127, 0.3290});
  return glm::dmat3(m[0] * s.x, m[1] * s.y, m[2] * s.z);
}

std::string scene_json(const std::string& space) {
  return R"({"camera": {"from": [0, 0, 5], "to": [0, 0, 0], "fov_deg": 20},
    "film": {"width": 8, "height": 8, "spp": 16, "color_space": ")" +
         space + R"("},
    "lights": [{"type": "environment", "spectrum": "D65"}],
    "materials": {"m": {"type": "diffuse", "reflectance": {"rgb": [0.8, 0.1, 0.1]}}},
    "objects": [{"sphere": {"center": [0, 0, 0], "radius": 2}, "material": "m"}]})";
}

TEST(DisplayP3, SamePixelsExpressedWithP3Primaries) {
  std::string dir = make_temp_dir();
  write_file(dir + "/s.json", scene_json("srgb"));
  write_file(dir + "/p.json", scene_json("display-p3"));
  ASSERT_EQ(run_limner("render " + dir + "/s.json -o " + dir + "/s.exr --quiet").exit_code, 0);
  ASSERT_EQ(run_limner("render " + dir + "/p.json -o " + dir + "/p.exr --quiet").exit_code, 0);
  Image s = read_image(dir + "/s.exr"), p = read_image(dir + "/p.exr");
  glm::dmat3 srgb = rgb_to_xyz({0.64, 0.33}, {0.30, 0.60}, {0.15, 0.06});
  glm::dmat3 p3 = rgb_to_xyz({0.680, 0.320}, {0.265, 0.690}, {0.150, 0.060});
  glm::dmat3 convert = glm::inverse(p3) * srgb;
  size_t centre = (4 * 8 + 4) * 3;
  glm::dvec3 in(s.data[centre], s.data[centre + 1], s.data[centre + 2]);
  glm::dvec3 want = convert * in, got(p.data[centre], p.data[centre + 1], p.data[centre + 2]);
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(got[k], want[k], 2e-3 * std::max(1.0, want[k])) << k;
  EXPECT_LT(got.x, in.x - 0.05);  // a saturated red sits further inside the wider P3 gamut
  auto in_file = OIIO::ImageInput::open(dir + "/p.exr");
  ASSERT_TRUE(in_file);
  const OIIO::ParamValue* chroma = in_file->spec().find_attribute("chromaticities");
  ASSERT_NE(chroma, nullptr);
  EXPECT_NEAR(static_cast<const float*>(chroma->data())[2], 0.265f, 1e-6f);  // P3 green x
}

TEST(DisplayP3, PngCarriesTheIccProfile) {
  std::string dir = make_temp_dir();
  write_file(dir + "/p.json", scene_json("display-p3"));
  ASSERT_EQ(run_limner("render " + dir + "/p.json -o " + dir + "/p.png --quiet").exit_code, 0);
  auto in = OIIO::ImageInput::open(dir + "/p.png");
  ASSERT_TRUE(in);
  EXPECT_EQ(in->spec().get_string_attribute("ICCProfile:profile_description"),
            "Display P3 (Limner)");
  EXPECT_EQ(in->spec().get_string_attribute("ICCProfile:device_class"), "Display device profile");
}

// Reads a tag's XYZ from an ICC profile (big-endian s15Fixed16).
glm::dvec3 icc_xyz(const std::vector<uint8_t>& icc, const char* sig) {
  auto u32 = [&](size_t at) {
    return uint32_t(icc[at]) << 24 | uint32_t(icc[at + 1]) << 16 | uint32_t(icc[at + 2]) << 8 |
           uint32_t(icc[at + 3]);
  };
  uint32_t count = u32(128);
  for (uint32_t i = 0; i < count; ++i) {
    size_t entry = 132 + 12 * i;
    if (std::string(reinterpret_cast<const char*>(&icc[entry]), 4) != sig) continue;
    size_t at = u32(entry + 4) + 8;
    return {int32_t(u32(at)) / 65536.0, int32_t(u32(at + 4)) / 65536.0,
            int32_t(u32(at + 8)) / 65536.0};
  }
  ADD_FAILURE() << "no tag " << sig;
  return glm::dvec3(0.0);
}

TEST(DisplayP3, IccColorantsMatchPublishedProfiles) {
  std::vector<uint8_t> p3 = display_p3_icc_profile(), srgb = srgb_icc_profile();
  for (const auto* icc : {&p3, &srgb}) {
    ASSERT_GT(icc->size(), 132u);
    EXPECT_EQ((*icc)[0] << 24 | (*icc)[1] << 16 | (*icc)[2] << 8 | (*icc)[3], int(icc->size()));
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(&(*icc)[36]), 4), "acsp");
  }
  // Apple's Display P3 and the ICC's sRGB profiles (D50-adapted colorants, Bradford).
  struct Want {
    const std::vector<uint8_t>* icc;
    const char* sig;
    glm::dvec3 xyz;
  };
  for (const Want& w :
       {Want{&p3, "rXYZ", {0.5151, 0.2412, -0.0011}}, Want{&p3, "gXYZ", {0.2920, 0.6922, 0.0419}},
        Want{&p3, "bXYZ", {0.1571, 0.0666, 0.7841}}, Want{&srgb, "rXYZ", {0.4361, 0.2225, 0.0139}},
        Want{&srgb, "gXYZ", {0.3851, 0.7169, 0.0971}},
        Want{&srgb, "bXYZ", {0.1431, 0.0606, 0.7141}}}) {
    glm::dvec3 got = icc_xyz(*w.icc, w.sig);
    for (int k = 0; k < 3; ++k) EXPECT_NEAR(got[k], w.xyz[k], 1.5e-3) << w.sig << " " << k;
  }
}

}  // namespace
}  // namespace limner::test
