// Tangent-space normal maps: the frame from dpdu/dpdv, flat maps change nothing, strength, and
// the grazing-angle fix that keeps the mirrored view ray above the geometric surface.
#include <gtest/gtest.h>

#include <cmath>

#include "renderer/image/texture_oiio.h"
#include "renderer/shading_normal.h"
#include "texture/texture_util.h"

namespace limner::test {
namespace {

struct MapFixture {
  std::string dir = texture_temp_dir();
  std::shared_ptr<TextureBackend> tb = make_oiio_texture_backend();
  NormalMap map(const std::string& name, glm::vec3 encoded, const std::string& type,
                float strength = 1.0f) {
    std::vector<float> v;
    for (int i = 0; i < 16; ++i) v.insert(v.end(), {encoded.x, encoded.y, encoded.z});
    write_texture(dir + "/" + name, 4, 4, 3, v, type);
    NormalMap nm;
    nm.tex.id = tb->open(dir + "/" + name).id;
    nm.tex.linear = true;
    nm.strength = strength;
    return nm;
  }
  // A surface tilted about x, u along +x, v up the slope.
  ShadingContext ctx() const {
    ShadingContext c;
    c.uv = {0.4f, 0.6f};
    c.has_uv = true;
    c.dpdu = glm::vec3(5, 0, 0);
    c.dpdv = glm::vec3(0, 3, -4);  // length 5, along the slope
    c.textures = tb.get();
    return c;
  }
  glm::vec3 ns() const { return glm::normalize(glm::cross(glm::vec3(5, 0, 0), glm::vec3(0, 3, -4))); }
};

glm::vec3 encode(glm::vec3 n) { return 0.5f * n + 0.5f; }

TEST(NormalMap, FlatSixteenBitMapChangesNothing) {
  MapFixture f;
  glm::vec3 half(32768.0f / 65535, 32768.0f / 65535, 1.0f);
  glm::vec3 n = normal_mapped(f.map("flat.png", half, "uint16"), f.ctx(), f.ns());
  EXPECT_NEAR(glm::length(n - f.ns()), 0.0f, 1e-4f);
}

TEST(NormalMap, FlatEightBitMapIsWithinItsQuantisation) {
  MapFixture f;
  glm::vec3 n = normal_mapped(f.map("flat.png", {128.0f / 255, 128.0f / 255, 1.0f}, "uint8"),
                              f.ctx(), f.ns());
  EXPECT_NEAR(glm::length(n - f.ns()), 0.0f, 0.006f);  // 1/255 in x and y
}

// (0.6, 0, 0.8) in tangent space: 0.6 along dpdu (red), 0.8 along the normal.
TEST(NormalMap, RedTiltsAlongDpduGreenAlongDpdv) {
  MapFixture f;
  glm::vec3 n = normal_mapped(f.map("x.exr", encode({0.6f, 0.0f, 0.8f}), "float"), f.ctx(), f.ns());
  glm::vec3 expect = 0.6f * glm::vec3(1, 0, 0) + 0.8f * f.ns();
  EXPECT_NEAR(glm::length(n - expect), 0.0f, 1e-4f);
  n = normal_mapped(f.map("y.exr", encode({0.0f, 0.6f, 0.8f}), "float"), f.ctx(), f.ns());
  expect = 0.6f * glm::vec3(0, 0.6f, -0.8f) + 0.8f * f.ns();
  EXPECT_NEAR(glm::length(n - expect), 0.0f, 1e-4f);
}

TEST(NormalMap, StrengthZeroIsFlat) {
  MapFixture f;
  glm::vec3 n = normal_mapped(f.map("x.exr", encode({0.6f, 0.0f, 0.8f}), "float", 0.0f),
                              f.ctx(), f.ns());
  EXPECT_NEAR(glm::length(n - f.ns()), 0.0f, 1e-5f);
}

// Mirrored UV islands (dpdv on the other side) flip the bitangent, not the normal.
TEST(NormalMap, MirroredUvsFlipTheBitangent) {
  MapFixture f;
  ShadingContext c = f.ctx();
  c.dpdv = -c.dpdv;
  glm::vec3 n = normal_mapped(f.map("y.exr", encode({0.0f, 0.6f, 0.8f}), "float"), c, f.ns());
  glm::vec3 expect = -0.6f * glm::vec3(0, 0.6f, -0.8f) + 0.8f * f.ns();
  EXPECT_NEAR(glm::length(n - expect), 0.0f, 1e-4f);
}

glm::vec3 reflect_about(glm::vec3 wo, glm::vec3 n) { return 2.0f * glm::dot(wo, n) * n - wo; }

TEST(ValidReflection, KeepsAGoodNormal) {
  glm::vec3 ng(0, 0, 1), ns = glm::normalize(glm::vec3(0.2f, 0, 1)), wo(0, 0, 1);
  EXPECT_EQ(valid_reflection_normal(ng, wo, ns), ns);
}

// A grazing view and a normal tilted away from it: the plain mirror direction would point
// into the surface (a black fringe); the fixed normal reflects it just above.
TEST(ValidReflection, BendsTheNormalAtGrazingAngles) {
  glm::vec3 ng(0, 0, 1), wo = glm::normalize(glm::vec3(-1, 0, 0.1f));
  glm::vec3 ns = glm::normalize(glm::vec3(0.5f, 0, 1));
  ASSERT_LT(glm::dot(reflect_about(wo, ns), ng), 0.0f);
  glm::vec3 fixed = valid_reflection_normal(ng, wo, ns);
  EXPECT_NEAR(glm::length(fixed), 1.0f, 1e-5f);
  float height = glm::dot(reflect_about(wo, fixed), ng);
  float threshold = std::fmin(0.9f * glm::dot(wo, ng), 0.01f);
  EXPECT_GE(height, threshold - 1e-4f);
  EXPECT_LT(height, threshold + 0.01f);   // bent no more than needed
  EXPECT_GT(glm::dot(fixed, ns), 0.9f);   // and in the same plane, toward ng
  EXPECT_NEAR(fixed.y, 0.0f, 1e-6f);
}

TEST(ValidReflection, WorksFromTheBackSide) {
  glm::vec3 ng(0, 0, 1), wo = glm::normalize(glm::vec3(-1, 0, -0.1f));
  glm::vec3 ns = glm::normalize(glm::vec3(0.5f, 0, 1));
  glm::vec3 fixed = valid_reflection_normal(ng, wo, ns);
  EXPECT_GT(glm::dot(fixed, ng), 0.0f);  // stays on ng's side, as SurfaceHit::ns must
  EXPECT_LE(glm::dot(reflect_about(wo, fixed), ng), -std::fmin(0.09f * 0.99f, 0.01f) + 1e-4f);
}

}  // namespace
}  // namespace limner::test
