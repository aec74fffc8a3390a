// Bump mapping against closed forms: a height-map ramp tilts the normal by its slope (also with
// skewed UV axes), a procedural bump's normal matches finite differences of its height field in
// world space (object rotation and scale included), and no bump changes nothing.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "materials/detail/bump.h"
#include "materials/material.h"
#include "materials/paint/paint_stack.h"

namespace limner {
namespace {

// A "texture" whose single channel is a * s + b * (1 - t): linear ramps in u and v.
class RampTextures : public TextureBackend {
 public:
  RampTextures(float a, float b) : a_(a), b_(b) {}
  TextureInfo open(const std::string&) override { return TextureInfo{0, 1, true, 64, 64}; }
  void lookup(int, float s, float t, float, float, int, int n, float* out) const override {
    for (int i = 0; i < n; ++i) out[i] = a_ * s + b_ * (1.0f - t);
  }
  TextureMemory memory() const override { return {}; }

 private:
  float a_, b_;
};

ShadingContext flat_hit(const TextureBackend* tex, glm::vec3 dpdu, glm::vec3 dpdv) {
  ShadingContext c;
  c.ns = c.ng = glm::vec3(0, 0, 1);
  c.uv = glm::vec2(0.5f, 0.4f);
  c.has_uv = true;
  c.dpdu = dpdu;
  c.dpdv = dpdv;
  c.footprint_mm = 0.01f;
  c.textures = tex;
  return c;
}

TextureRef ramp_ref() {
  TextureRef r;
  r.id = 0;
  r.channel = 0;
  r.linear = true;
  return r;
}

void expect_vec_near(const glm::vec3& a, const glm::vec3& b, float tol) {
  EXPECT_NEAR(a.x, b.x, tol);
  EXPECT_NEAR(a.y, b.y, tol);
  EXPECT_NEAR(a.z, b.z, tol);
}

// h = 1 mm per unit of u over 10 mm per unit of u: slope 0.1 along x, so n = (-0.1, 0, 1)/|.|.
TEST(Bump, HeightMapRampTiltsByItsSlope) {
  RampTextures tex(1.0f, 0.0f);
  ShadingContext c = flat_hit(&tex, {10, 0, 0}, {0, 10, 0});
  Bump b = make_texture_bump(ramp_ref(), 1000.0f);
  glm::vec3 n = c.ns;
  ASSERT_TRUE(apply_bump(b, c, n));
  expect_vec_near(n, glm::normalize(glm::vec3(-0.1f, 0.0f, 1.0f)), 1e-4f);
}

// Skewed axes: dpdv = (5, 10, 0), so v = y / 10 and a ramp in v rises only along y.
TEST(Bump, HeightMapRampWithSkewedUvAxes) {
  RampTextures tex(0.0f, 1.0f);
  ShadingContext c = flat_hit(&tex, {10, 0, 0}, {5, 10, 0});
  Bump b = make_texture_bump(ramp_ref(), 1000.0f);
  glm::vec3 n = c.ns;
  ASSERT_TRUE(apply_bump(b, c, n));
  expect_vec_near(n, glm::normalize(glm::vec3(0.0f, -0.1f, 1.0f)), 1e-4f);
}

// The bumped normal of a procedural bump against central differences of the world-space height
// field h(x) = height * relief(R^T (x - t) / s * s) on a tilted, rotated, scaled object.
TEST(Bump, NoiseBumpMatchesFiniteDifferencesInWorldSpace) {
  const float angle = 0.7f;
  glm::mat3 rot(std::cos(angle), std::sin(angle), 0, -std::sin(angle), std::cos(angle), 0, 0, 0, 1);
  const float scale = 2.0f;
  for (NoiseKind k : {NoiseKind::Pores, NoiseKind::Brush, NoiseKind::Hammered, NoiseKind::Weave}) {
    Bump b = make_noise_bump(k, 0.8f, 50.0f, {0, 1, 0});
    int checked = 0;
    for (int i = 0; i < 40; ++i) {
      glm::vec3 x(0.37f * i, 0.23f * i - 3.0f, 1.1f);  // world point (translate 0)
      glm::vec3 ns = glm::normalize(glm::vec3(0.1f, 0.2f, 1.0f));
      ShadingContext c;
      c.object_rotation = rot;
      c.object_scale = scale;
      c.p_object = glm::transpose(rot) * x / scale;
      c.ns = c.ng = ns;
      glm::vec3 n_obj = glm::transpose(rot) * ns;
      auto h = [&](const glm::vec3& w) {
        return b.height_mm * noise_relief(b.pattern, glm::transpose(rot) * w, n_obj).value;
      };
      glm::vec3 t1 = glm::normalize(glm::cross(ns, glm::vec3(1, 0, 0)));
      glm::vec3 t2 = glm::cross(ns, t1);
      const float d = 1e-3f;
      float g1 = (h(x + d * t1) - h(x - d * t1)) / (2 * d);
      float g2 = (h(x + d * t2) - h(x - d * t2)) / (2 * d);
      glm::vec3 expected = glm::normalize(ns - g1 * t1 - g2 * t2);
      glm::vec3 n = ns;
      ASSERT_TRUE(apply_bump(b, c, n));
      // Creases of hammered and weave may fall between the difference points: skip those.
      if (glm::length(n - expected) < 2e-3f) ++checked;
    }
    EXPECT_GE(checked, 36) << noise_kind_name(k);
  }
}

// A paint whose layers vary: the top surface is the sum of the layers' thicknesses, so its
// normal must match finite differences of that sum, computed here by layer_thickness_um.
TEST(Bump, PaintReliefFollowsTheSumOfVariedThicknesses) {
  PaintLayer a, b;
  a.thickness_um = 40.0f;
  a.variation = make_layer_variation(NoiseKind::Brush, 0.2f, 0.3f, {0, 1, 0}, 1.0f);
  b.thickness_um = 25.0f;
  b.variation = make_layer_variation(NoiseKind::Hammered, 0.1f, 0.5f, {1, 0, 0}, 1.0f);
  Bump bump;
  for (const PaintLayer* l : {&a, &b})
    add_paint_relief(bump.paint, l->variation.pattern,
                     l->variation.amount * l->thickness_um * 1e-3f);
  const glm::vec3 ns(0, 0, 1);
  int good = 0;
  for (int i = 0; i < 50; ++i) {
    glm::vec3 x(0.71f * i, 0.37f * i - 9.0f, 0.2f);
    auto top_mm = [&](const glm::vec3& p) {
      ShadingContext c;
      c.p_object = p;
      c.ns = c.ng = ns;
      return 1e-3f * (layer_thickness_um(a, c) + layer_thickness_um(b, c));
    };
    const float d = 1e-3f;
    float gx = (top_mm(x + glm::vec3(d, 0, 0)) - top_mm(x - glm::vec3(d, 0, 0))) / (2 * d);
    float gy = (top_mm(x + glm::vec3(0, d, 0)) - top_mm(x - glm::vec3(0, d, 0))) / (2 * d);
    ShadingContext c;
    c.p_object = x;
    c.ns = c.ng = ns;
    glm::vec3 n = ns;
    ASSERT_TRUE(apply_bump(bump, c, n));
    if (glm::length(n - glm::normalize(glm::vec3(-gx, -gy, 1.0f))) < 1e-3f) ++good;
  }
  EXPECT_GE(good, 46);  // hammered creases may fall between the difference points
}

TEST(Bump, NoBumpOrZeroHeightChangesNothing) {
  ShadingContext c;
  glm::vec3 n = glm::normalize(glm::vec3(0.3f, 0.1f, 0.9f));
  glm::vec3 before = n;
  EXPECT_FALSE(apply_bump(Bump{}, c, n));
  EXPECT_FALSE(apply_bump(make_noise_bump(NoiseKind::Pores, 0.2f, 0.0f, {1, 0, 0}), c, n));
  // A height map at a hit without UVs (or without textures) is left alone.
  EXPECT_FALSE(apply_bump(make_texture_bump(ramp_ref(), 20.0f), c, n));
  EXPECT_EQ(n, before);
}

TEST(Bump, BumpedNormalIsUnitAndOnTheSameSide) {
  glm::vec3 ns(0, 0, 1);
  glm::vec3 n = bumped_normal(ns, glm::vec3(30.0f, -40.0f, 7.0f));  // a steep gradient
  EXPECT_NEAR(glm::length(n), 1.0f, 1e-5f);
  EXPECT_GT(n.z, 0.0f);
  EXPECT_EQ(bumped_normal(ns, glm::vec3(0.0f, 0.0f, 5.0f)), ns);  // normal part ignored
}

TEST(Bump, RejectsAbsurdHeights) {
  EXPECT_THROW(make_noise_bump(NoiseKind::Pores, 0.2f, -1.0f, {1, 0, 0}), std::invalid_argument);
  EXPECT_THROW(make_noise_bump(NoiseKind::Pores, 0.2f, 6000.0f, {1, 0, 0}), std::invalid_argument);
  EXPECT_THROW(make_noise_bump(NoiseKind::Pores, 0.2f, NAN, {1, 0, 0}), std::invalid_argument);
  EXPECT_THROW(make_texture_bump(ramp_ref(), -5.0f), std::invalid_argument);
}

}  // namespace
}  // namespace limner
