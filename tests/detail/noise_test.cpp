// Procedural detail noise: deterministic, continuous (no seams at cell boundaries), exact
// gradients, standardised statistics on arbitrary planes, brush anisotropy, parameter checks.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

#include "materials/detail/noise.h"

namespace limner {
namespace {

const NoiseKind kAll[] = {NoiseKind::Pores, NoiseKind::Weave, NoiseKind::Brush,
                          NoiseKind::Hammered};

std::vector<glm::vec3> random_points(int n, float extent, uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(-extent, extent);
  std::vector<glm::vec3> p(n);
  for (auto& x : p) x = glm::vec3(u(rng), u(rng), u(rng));
  return p;
}

const glm::vec3 kNormal = glm::normalize(glm::vec3(0.2f, 0.3f, 0.93f));

TEST(DetailNoise, NamesRoundTrip) {
  for (NoiseKind k : kAll) {
    NoiseKind back;
    ASSERT_TRUE(noise_kind_from_name(noise_kind_name(k), back));
    EXPECT_EQ(back, k);
  }
  NoiseKind k;
  EXPECT_FALSE(noise_kind_from_name("perlin", k));
  EXPECT_FALSE(noise_kind_from_name("Pores", k));
}

TEST(DetailNoise, DeterministicAcrossCallsAndThreads) {
  auto pts = random_points(2000, 50.0f, 1);
  for (NoiseKind k : kAll) {
    NoisePattern pat = make_noise_pattern(k, 0.3f, {0.0f, 1.0f, 0.0f});
    std::vector<float> a(pts.size()), b(pts.size());
    for (size_t i = 0; i < pts.size(); ++i) a[i] = noise_relief(pat, pts[i], kNormal).value;
    std::thread t([&] {
      for (size_t i = 0; i < pts.size(); ++i) b[i] = noise_relief(pat, pts[i], kNormal).value;
    });
    t.join();
    for (size_t i = 0; i < pts.size(); ++i) ASSERT_EQ(a[i], b[i]) << noise_kind_name(k);
    // A pattern made again from the same parameters is the same pattern.
    NoisePattern again = make_noise_pattern(k, 0.3f, {0.0f, 1.0f, 0.0f});
    EXPECT_EQ(noise_relief(again, pts[7], kNormal).value, a[7]);
  }
}

TEST(DetailNoise, GradientNoiseVanishesOnLatticeAndIsBounded) {
  for (int i = -3; i <= 3; ++i)
    EXPECT_EQ(gradient_noise(glm::vec3(float(i), float(2 * i), float(-i))).value, 0.0f);
  for (const glm::vec3& p : random_points(20000, 100.0f, 2))
    ASSERT_LE(std::fabs(gradient_noise(p).value), 1.1f);
}

// Central differences against the analytic gradient. Hammered (dents meet in creases) and
// weave (thread edges) have kinks, so a few points may sit on one; the rest must agree.
TEST(DetailNoise, AnalyticGradientMatchesFiniteDifferences) {
  for (NoiseKind k : kAll) {
    NoisePattern pat = make_noise_pattern(k, 0.5f, {1.0f, 1.0f, 0.0f});
    int bad = 0, n = 2000;
    const float h = 1e-3f;  // mm
    for (const glm::vec3& p : random_points(n, 20.0f, 3)) {
      glm::vec3 g = noise_relief(pat, p, kNormal).grad;
      for (int a = 0; a < 3; ++a) {
        glm::vec3 d(0.0f);
        d[a] = h;
        float fd = (noise_relief(pat, p + d, kNormal).value -
                    noise_relief(pat, p - d, kNormal).value) / (2.0f * h);
        if (std::fabs(fd - g[a]) > 0.02f * (1.0f + std::fabs(g[a])) + 0.05f) ++bad;
      }
    }
    EXPECT_LE(bad, 3 * n / 100) << noise_kind_name(k);
  }
}

// Small steps give small changes everywhere, in particular across the cells' boundaries
// (integer pattern coordinates): walking a line through thousands of boundaries never jumps.
TEST(DetailNoise, ContinuousAcrossCellBoundaries) {
  for (NoiseKind k : kAll) {
    NoisePattern pat = make_noise_pattern(k, 1.0f, {1.0f, 0.0f, 0.0f});
    glm::vec3 dir = glm::normalize(glm::vec3(1.0f, 0.37f, 0.21f));
    const float step = 1e-3f;
    float prev = noise_relief(pat, glm::vec3(0.1f), kNormal).value, worst = 0.0f;
    for (int i = 1; i < 200000; ++i) {
      float v = noise_relief(pat, glm::vec3(0.1f) + dir * (step * float(i)), kNormal).value;
      worst = std::max(worst, std::fabs(v - prev));
      prev = v;
    }
    // Slopes are a few units per cell at most: a step of 1e-3 cells moves well under 0.02.
    EXPECT_LT(worst, 0.02f) << noise_kind_name(k);
    // Exactly at a lattice plane, both sides agree.
    for (int c = -5; c <= 5; ++c) {
      glm::vec3 p(float(c), 0.3f + 0.1f * float(c), -0.7f);
      float below = noise_relief(pat, p - glm::vec3(1e-4f, 0, 0), kNormal).value;
      float above = noise_relief(pat, p + glm::vec3(1e-4f, 0, 0), kNormal).value;
      EXPECT_NEAR(below, above, 3e-3f) << noise_kind_name(k) << " at x = " << c;
    }
  }
}

// The standardised field has zero mean and unit RMS over a large area of a plane, whatever
// plane: checked on an oblique plane and on an axis-aligned plane through lattice points.
TEST(DetailNoise, StandardisedOnPlanes) {
  for (NoiseKind k : kAll) {
    NoisePattern pat = make_noise_pattern(k, 0.2f, {0.0f, 0.0f, 1.0f});
    for (int plane = 0; plane < 2; ++plane) {
      glm::vec3 n = plane == 0 ? glm::normalize(glm::vec3(1.0f, 2.0f, 3.0f)) : glm::vec3(0, 1, 0);
      // Weave is triplanar: on the oblique plane its weave planes blend (less variance), so
      // its check uses planes facing a frame axis.
      if (k == NoiseKind::Weave && plane == 0) n = glm::vec3(1, 0, 0);
      glm::vec3 t1 = glm::normalize(glm::cross(n, glm::vec3(0.3f, 0.1f, 0.9f)));
      glm::vec3 t2 = glm::cross(n, t1);
      double s = 0.0, s2 = 0.0;
      const int side = 400;
      for (int i = 0; i < side; ++i)
        for (int j = 0; j < side; ++j) {
          glm::vec3 p = (0.173f * float(i)) * t1 + (0.191f * float(j)) * t2;
          float v = noise_standard(pat, p, n).value;
          s += v;
          s2 += double(v) * v;
        }
      double count = double(side) * side, mean = s / count;
      double rms = std::sqrt(s2 / count - mean * mean);
      EXPECT_NEAR(mean, 0.0, 0.06) << noise_kind_name(k) << " plane " << plane;
      EXPECT_NEAR(rms, 1.0, 0.06) << noise_kind_name(k) << " plane " << plane;
    }
  }
}

TEST(DetailNoise, ReliefRanges) {
  for (NoiseKind k : kAll) {
    NoisePattern pat = make_noise_pattern(k, 0.7f, {0.0f, 1.0f, 1.0f});
    for (const glm::vec3& p : random_points(20000, 30.0f, 4)) {
      float v = noise_relief(pat, p, kNormal).value;
      if (k == NoiseKind::Pores || k == NoiseKind::Hammered) {
        ASSERT_GE(v, -1.0f);
        ASSERT_LE(v, 0.0f);
      } else if (k == NoiseKind::Weave) {
        ASSERT_GE(v, 0.0f);
        ASSERT_LE(v, 1.0f);
      }
    }
  }
}

// Brush ridges are elongated along `direction`: the field changes far less per step along it
// than across it, and their size follows scale_mm.
TEST(DetailNoise, BrushRidgesRunAlongDirection) {
  glm::vec3 d = glm::normalize(glm::vec3(0.0f, 1.0f, 0.0f));
  NoisePattern pat = make_noise_pattern(NoiseKind::Brush, 0.5f, d);
  double along = 0.0, across = 0.0;
  for (const glm::vec3& p : random_points(5000, 40.0f, 5)) {
    float v = noise_relief(pat, p, kNormal).value;
    along += std::fabs(noise_relief(pat, p + 0.05f * d, kNormal).value - v);
    across += std::fabs(noise_relief(pat, p + glm::vec3(0.05f, 0, 0), kNormal).value - v);
  }
  EXPECT_GT(across, 4.0 * along);
  // Twice the scale at twice the distance is the same field shape.
  NoisePattern big = make_noise_pattern(NoiseKind::Brush, 1.0f, d);
  glm::vec3 p(1.3f, -2.1f, 0.4f);
  EXPECT_FLOAT_EQ(noise_relief(big, 2.0f * p, kNormal).value, noise_relief(pat, p, kNormal).value);
}

TEST(DetailNoise, RejectsAbsurdParameters) {
  EXPECT_THROW(make_noise_pattern(NoiseKind::Pores, 0.0f, {1, 0, 0}), std::invalid_argument);
  EXPECT_THROW(make_noise_pattern(NoiseKind::Pores, -0.1f, {1, 0, 0}), std::invalid_argument);
  EXPECT_THROW(make_noise_pattern(NoiseKind::Pores, 1001.0f, {1, 0, 0}), std::invalid_argument);
  EXPECT_THROW(make_noise_pattern(NoiseKind::Pores, NAN, {1, 0, 0}), std::invalid_argument);
  EXPECT_THROW(make_noise_pattern(NoiseKind::Brush, 0.2f, {0, 0, 0}), std::invalid_argument);
  EXPECT_THROW(make_noise_pattern(NoiseKind::Brush, 0.2f, {NAN, 0, 0}), std::invalid_argument);
  EXPECT_THROW(make_noise_pattern(NoiseKind::Pores, 1e-6f, {1, 0, 0}), std::invalid_argument);
  EXPECT_NO_THROW(make_noise_pattern(NoiseKind::Brush, 1000.0f, {0, 0, -3}));
  EXPECT_NO_THROW(make_noise_pattern(NoiseKind::Brush, 0.001f, {0, 0, -3}));
  // Points far outside any scene stay finite and defined (no integer overflow in the lattice).
  NoisePattern fine = make_noise_pattern(NoiseKind::Hammered, 0.001f, {1, 0, 0});
  EXPECT_TRUE(std::isfinite(noise_relief(fine, glm::vec3(3e7f, -3e7f, 1e8f), kNormal).value));
}

}  // namespace
}  // namespace limner
