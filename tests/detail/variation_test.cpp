// Hand-made paint-layer variation: the brush keeps the layer's mean thickness and varies it by
// the requested RMS amount, strokes run along their direction, masks from vertex colours,
// tide marks at a pool's rim.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "materials/paint/paint_stack.h"

namespace limner {
namespace {

PaintLayer layer(float thickness_um) {
  PaintLayer l;
  l.paint.k_per_mm = Spectrum::constant(1.0f);
  l.paint.s_per_mm = Spectrum::constant(1.0f);
  l.thickness_um = thickness_um;
  return l;
}

ShadingContext at(const glm::vec3& p_mm, const glm::vec3& n = {0, 0, 1}) {
  ShadingContext c;
  c.p_object = p_mm;
  c.ns = c.ng = n;
  return c;
}

struct Moments {
  double mean, rms;
};

// Thickness over a 60 mm x 60 mm patch of the plane through the origin spanned by a and b.
Moments moments(const PaintLayer& l, const glm::vec3& a, const glm::vec3& b) {
  double s = 0.0, s2 = 0.0;
  const int side = 300;
  glm::vec3 n = glm::normalize(glm::cross(a, b));
  for (int i = 0; i < side; ++i)
    for (int j = 0; j < side; ++j) {
      // Steps incommensurate with the weave's period (2 threads).
      glm::vec3 p = (0.2137f * float(i) + 0.013f) * a + (0.1931f * float(j)) * b;
      float t = layer_thickness_um(l, at(p, n));
      s += t;
      s2 += double(t) * t;
    }
  double count = double(side) * side, mean = s / count;
  return {mean, std::sqrt(std::max(0.0, s2 / count - mean * mean))};
}

TEST(PaintVariation, NoneAndZeroAmountKeepTheNominalThickness) {
  PaintLayer l = layer(25.0f);
  EXPECT_EQ(layer_thickness_um(l, at({1.3f, 2.2f, 0.1f})), 25.0f);
  l.variation = make_layer_variation(NoiseKind::Brush, 0.0f, 0.5f, {0, 1, 0}, 1.0f);
  EXPECT_EQ(layer_thickness_um(l, at({1.3f, 2.2f, 0.1f})), 25.0f);
}

// The contract's example and a smaller amount, on a plane along the strokes and on one across:
// mean kept within 2%, RMS relative deviation = amount within 7%.
TEST(PaintVariation, BrushKeepsMeanAndVariesByAmount) {
  const glm::vec3 x(1, 0, 0), y(0, 1, 0), z(0, 0, 1);
  for (float amount : {0.1f, 0.2f}) {
    PaintLayer l = layer(30.0f);
    l.variation = make_layer_variation(NoiseKind::Brush, amount, 0.5f, y, 1.0f);
    for (int plane = 0; plane < 2; ++plane) {
      Moments m = plane == 0 ? moments(l, x, y) : moments(l, x, z);
      EXPECT_NEAR(m.mean, 30.0, 0.02 * 30.0) << "amount " << amount << " plane " << plane;
      EXPECT_NEAR(m.rms / m.mean, amount, 0.07 * amount) << "amount " << amount << " plane " << plane;
    }
  }
}

TEST(PaintVariation, EveryNoiseKeepsMeanAtSmallAmounts) {
  for (NoiseKind k : {NoiseKind::Pores, NoiseKind::Weave, NoiseKind::Hammered}) {
    PaintLayer l = layer(10.0f);
    l.variation = make_layer_variation(k, 0.1f, 0.3f, {1, 0, 0}, 1.0f);
    Moments m = moments(l, glm::vec3(1, 0, 0), glm::vec3(0, 1, 0));
    EXPECT_NEAR(m.mean, 10.0, 0.2) << noise_kind_name(k);
    EXPECT_NEAR(m.rms / m.mean, 0.1, 0.01) << noise_kind_name(k);
  }
}

TEST(PaintVariation, StrokesRunAlongTheirDirection) {
  PaintLayer l = layer(20.0f);
  l.variation = make_layer_variation(NoiseKind::Brush, 0.3f, 0.5f, {0, 1, 0}, 1.0f);
  double along = 0.0, across = 0.0;
  for (int i = 0; i < 2000; ++i) {
    glm::vec3 p(0.37f * float(i % 50), 0.41f * float(i / 50), 0.0f);
    float t = layer_thickness_um(l, at(p));
    along += std::fabs(layer_thickness_um(l, at(p + glm::vec3(0, 0.1f, 0))) - t);
    across += std::fabs(layer_thickness_um(l, at(p + glm::vec3(0.1f, 0, 0))) - t);
  }
  EXPECT_GT(across, 4.0 * along);
}

TEST(PaintVariation, MasksScaleTheLayer) {
  PaintLayer l = layer(20.0f);
  l.variation.mask = 0.5f;
  EXPECT_FLOAT_EQ(layer_thickness_um(l, at({0, 0, 0})), 10.0f);
  l.variation.mask = 1.0f;
  l.variation.mask_channel = 1;  // green
  ShadingContext c = at({0, 0, 0});
  c.vertex_color = glm::vec3(0.9f, 0.25f, 0.0f);
  c.has_vertex_color = true;
  EXPECT_FLOAT_EQ(layer_thickness_um(l, c), 5.0f);
  c.vertex_color.y = 3.0f;  // out-of-range colours are clamped to [0, 1]
  EXPECT_FLOAT_EQ(layer_thickness_um(l, c), 20.0f);
}

// A wash (pooling 1) with tide marks: at its rim (cavity 0.4, where the pooled film equals
// the nominal one) much more film than without, inside the pool up to 20% less.
TEST(PaintVariation, TideMarksThickenThePoolRim) {
  PaintLayer plain = layer(10.0f);
  plain.pooling = 1.0f;
  PaintLayer tide = plain;
  tide.variation = make_layer_variation(NoiseKind::Brush, 0.0f, 0.5f, {1, 0, 0}, 1.0f);
  double peak = 0.0;
  auto mean_ratio = [&](float cavity) {
    double a = 0.0, b = 0.0;
    for (int i = 0; i < 4000; ++i) {
      ShadingContext c = at(glm::vec3(0.31f * float(i % 70), 0.29f * float(i / 70), 0.0f));
      c.cavity = cavity;
      float with = layer_thickness_um(tide, c), without = layer_thickness_um(plain, c);
      a += with;
      b += without;
      peak = std::max(peak, double(with / without));
    }
    return a / b;
  };
  // The rim line wanders with the noise, so at a fixed cavity the rim is met only in places;
  // where it is met its film is 1 + 1.5 - 0.2 / 2 = 2.4 times the pool's.
  EXPECT_GT(mean_ratio(0.4f), 1.4);
  EXPECT_NEAR(peak, 2.4, 0.02);
  EXPECT_NEAR(mean_ratio(0.95f), 0.8, 0.01);  // the interior gave its pigment to the rim
  tide.variation.tide_marks = 0.0f;
  EXPECT_DOUBLE_EQ(mean_ratio(0.4f), 1.0);
}

TEST(PaintVariation, RejectsBadParameters) {
  EXPECT_THROW(make_layer_variation(NoiseKind::Brush, -0.1f, 0.5f, {1, 0, 0}, 1.0f),
               std::invalid_argument);
  EXPECT_THROW(make_layer_variation(NoiseKind::Brush, 1.5f, 0.5f, {1, 0, 0}, 1.0f),
               std::invalid_argument);
  EXPECT_THROW(make_layer_variation(NoiseKind::Brush, 0.3f, 0.0f, {1, 0, 0}, 1.0f),
               std::invalid_argument);
  EXPECT_THROW(make_layer_variation(NoiseKind::Brush, 0.3f, 0.5f, {1, 0, 0}, 2.0f),
               std::invalid_argument);
}

}  // namespace
}  // namespace limner
