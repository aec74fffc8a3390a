// Texel decoding, spectral upsampling, UV orientation and mip filtering of image textures,
// against closed forms (the sRGB transfer function, the texture's own known contents).
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "materials/material.h"
#include "renderer/image/texture_oiio.h"
#include "renderer/spectral/ciede2000.h"
#include "renderer/spectral/color.h"
#include "renderer/spectral/rgb_table.h"
#include "texture/texture_util.h"

namespace limner::test {
namespace {

// IEC 61966-2-1, written out here independently of the renderer's decoder.
double srgb_to_linear(double v) {
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

struct Fixture {
  std::string dir = texture_temp_dir();
  std::shared_ptr<TextureBackend> tb = make_oiio_texture_backend();
  TextureRef open(const std::string& name, int channel = -1) {
    TextureInfo info = tb->open(dir + "/" + name);
    TextureRef r;
    r.id = info.id;
    r.channel = channel;
    r.linear = info.linear;
    return r;
  }
  ShadingContext ctx(glm::vec2 uv, float footprint = 0.0f) const {
    ShadingContext c;
    c.uv = uv;
    c.has_uv = true;
    c.dpdu = glm::vec3(10, 0, 0);  // 10 mm per unit u and v
    c.dpdv = glm::vec3(0, 10, 0);
    c.footprint_mm = footprint;
    c.textures = tb.get();
    return c;
  }
};

std::vector<float> flat(int w, int h, glm::vec3 c) {
  std::vector<float> v;
  for (int i = 0; i < w * h; ++i) v.insert(v.end(), {c.r, c.g, c.b});
  return v;
}

SampledWavelengths some_wavelengths() {
  SampledWavelengths wl;
  wl.lambda = {420.0f, 510.0f, 590.0f, 660.0f};
  return wl;
}

TEST(TextureDecode, EightBitColourIsSrgbDecoded) {
  Fixture f;
  const glm::vec3 code(200.0f / 255, 100.0f / 255, 30.0f / 255);  // exact 8-bit codes
  write_texture(f.dir + "/c.png", 8, 8, 3, flat(8, 8, code));
  glm::vec3 rgb = eval_texture_rgb(f.open("c.png"), f.ctx({0.3f, 0.6f}));
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(rgb[i], srgb_to_linear(code[i]), 1e-4) << i;
}

TEST(TextureDecode, FloatExrIsLinear) {
  Fixture f;
  write_texture(f.dir + "/c.exr", 8, 8, 3, flat(8, 8, {0.25f, 0.5f, 0.125f}), "float");
  glm::vec3 rgb = eval_texture_rgb(f.open("c.exr"), f.ctx({0.7f, 0.2f}));
  EXPECT_NEAR(rgb.r, 0.25f, 1e-6);
  EXPECT_NEAR(rgb.g, 0.5f, 1e-6);
  EXPECT_NEAR(rgb.b, 0.125f, 1e-6);
}

TEST(TextureDecode, ScalarChannelsAreDataNotColour) {
  Fixture f;
  write_texture(f.dir + "/s.png", 4, 4, 3, flat(4, 4, {0.0f, 128.0f / 255, 1.0f}));
  TextureRef g = f.open("s.png", 1);
  g.scale = 30.0f;
  EXPECT_NEAR(eval_texture_float(g, f.ctx({0.5f, 0.5f})), 30.0f * 128.0f / 255, 1e-3);
}

// A flat texture is the same reflectance as the constant {"rgb": ...} of its decoded colour, up
// to the coefficient table's interpolation (renderer/spectral/rgb_table.h): the same colour
// (Delta E00 under D65 well below 1) and the same spectrum within 0.03.
glm::dvec3 lab_under_d65(const std::function<float(float)>& reflectance) {
  const Spectrum d65 = Spectrum::named_illuminant("D65");
  glm::dvec3 xyz(0.0), white(0.0);
  for (float l = 360.0f; l <= 830.0f; l += 1.0f) {
    glm::dvec3 cmf(cie_xyz_bar(l));
    xyz += cmf * double(d65.eval(l) * reflectance(l));
    white += cmf * double(d65.eval(l));
  }
  return glm::dvec3(xyz_to_lab(glm::vec3(xyz / white.y), glm::vec3(white / white.y)));
}

TEST(TextureSpectrum, FlatTextureEqualsConstantRgbReflectance) {
  Fixture f;
  const glm::vec3 code(180.0f / 255, 120.0f / 255, 60.0f / 255);
  write_texture(f.dir + "/c.png", 4, 4, 3, flat(4, 4, code));
  const glm::vec3 lin(srgb_to_linear(code.r), srgb_to_linear(code.g), srgb_to_linear(code.b));
  const Spectrum ref = Spectrum::rgb_albedo(lin.r, lin.g, lin.b);
  const TextureRef t = f.open("c.png");
  auto textured = [&](float l) {
    SampledWavelengths wl;
    wl.lambda = {l, l, l, l};
    return eval_texture_reflectance(t, wl, f.ctx({0.1f, 0.9f}))[0];
  };
  for (float l = 380.0f; l <= 780.0f; l += 10.0f) EXPECT_NEAR(textured(l), ref.eval(l), 0.03) << l;
  const double de = ciede2000(lab_under_d65(textured),
                              lab_under_d65([&](float l) { return ref.eval(l); }));
  EXPECT_LT(de, 0.5);
}

TEST(TextureSpectrum, GreyTextureIsExactlyFlat) {
  Fixture f;
  const float code = 150.0f / 255;
  write_texture(f.dir + "/g.png", 4, 4, 3, flat(4, 4, glm::vec3(code)));
  SampledSpectrum s = eval_texture_reflectance(f.open("g.png"), some_wavelengths(),
                                               f.ctx({0.5f, 0.5f}));
  for (int i = 0; i < kLambdas; ++i) EXPECT_NEAR(s[i], srgb_to_linear(code), 2e-5);
}

// Corners in image order (top row first): red, green / blue, white. OBJ v = 0 is the bottom.
TEST(TextureUv, ObjCoordinatesFollowTheImageCorners) {
  Fixture f;
  write_texture(f.dir + "/k.exr", 2, 2, 3, {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1}, "float");
  const TextureRef t = f.open("k.exr");
  auto at = [&](float u, float v) { return eval_texture_rgb(t, f.ctx({u, v})); };
  EXPECT_GT(at(0.25f, 0.75f).r, 0.99f);  // top left: red
  EXPECT_LT(at(0.25f, 0.75f).g, 0.01f);
  EXPECT_GT(at(0.75f, 0.75f).g, 0.99f);  // top right: green
  EXPECT_GT(at(0.25f, 0.25f).b, 0.99f);  // bottom left: blue
  EXPECT_LT(at(0.25f, 0.25f).r, 0.01f);
  EXPECT_GT(at(0.75f, 0.25f).r, 0.99f);  // bottom right: white
  EXPECT_GT(at(0.75f, 0.25f).b, 0.99f);
}

TEST(TextureUv, UvScaleRepeatsTheTexture) {
  Fixture f;
  write_texture(f.dir + "/k.exr", 2, 2, 3, {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1}, "float");
  TextureRef t = f.open("k.exr");
  t.uv_scale = glm::vec2(2.0f);
  // uv (0.625, 0.375) * 2 = (1.25, 0.75): wraps to the top left texel centre (red).
  glm::vec3 c = eval_texture_rgb(t, f.ctx({0.625f, 0.375f}));
  EXPECT_GT(c.r, 0.99f);
  EXPECT_LT(c.g, 0.01f);
}

std::vector<float> checkerboard(int n, int square, float a, float b) {
  std::vector<float> v;
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x) v.push_back(((x / square + y / square) % 2) ? a : b);
  return v;
}

// Seen from far away (a footprint of many squares) a checkerboard is its mean; up close, its
// squares. 256 texels over 10 mm, 8-texel squares: a 5 mm footprint covers 128 texels.
TEST(TextureMip, DistantCheckerboardAveragesToItsMean) {
  Fixture f;
  write_texture(f.dir + "/c.exr", 256, 256, 1, checkerboard(256, 8, 0.1f, 0.7f), "float");
  TextureRef t = f.open("c.exr", 0);
  double far_sum = 0.0, near_min = 1.0, near_max = 0.0;
  for (int i = 0; i < 16; ++i) {
    glm::vec2 uv(0.031f * i + 0.013f, 0.057f * i + 0.021f);
    far_sum += eval_texture_float(t, f.ctx(uv, 5.0f));
    float near = eval_texture_float(t, f.ctx(uv + glm::vec2(1.0f / 512), 0.0f));
    near_min = std::min<double>(near_min, near);
    near_max = std::max<double>(near_max, near);
  }
  EXPECT_NEAR(far_sum / 16, 0.4, 0.02);
  EXPECT_NEAR(near_min, 0.1, 0.01);
  EXPECT_NEAR(near_max, 0.7, 0.01);
}

TEST(TextureMemory, ReportsThePyramid) {
  Fixture f;
  write_texture(f.dir + "/c.exr", 64, 64, 1, checkerboard(64, 8, 0.1f, 0.7f), "float");
  f.open("c.exr", 0);
  TextureMemory m = f.tb->memory();
  EXPECT_EQ(m.files, 1u);
  // 64^2 + 32^2 + ... + 1 texels of 4 bytes: 4 * 5461.
  EXPECT_EQ(m.file_bytes, 4u * 5461u);
}

TEST(TextureErrors, MissingFileThrowsNamingIt) {
  Fixture f;
  try {
    f.tb->open(f.dir + "/nope.png");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("nope.png"), std::string::npos);
  }
}

}  // namespace
}  // namespace limner::test
