// Piecewise-constant distributions: sampled frequencies against the tabulated function.
#include <gtest/gtest.h>

#include <random>

#include "renderer/lights/distribution.h"

namespace limner {
namespace {

TEST(Distribution1D, PdfIntegratesToOneAndSkipsEmptyCells) {
  const float f[] = {0.0f, 2.0f, 0.0f, 6.0f};
  Distribution1D d(f, 4);
  EXPECT_FLOAT_EQ(d.integral(), 2.0f);
  EXPECT_FLOAT_EQ(d.pdf(1) * 0.25f + d.pdf(3) * 0.25f, 1.0f);
  std::mt19937 rng(1);
  std::uniform_real_distribution<float> uni(0.0f, 1.0f);
  for (int i = 0; i < 1000; ++i) {
    float pdf;
    int cell;
    float x = d.sample(uni(rng), pdf, cell);
    EXPECT_TRUE(cell == 1 || cell == 3);
    EXPECT_EQ(int(x * 4.0f), cell);
    EXPECT_FLOAT_EQ(pdf, d.pdf(cell));
  }
}

// Pearson's chi-square of 2D sample counts per cell against func / sum(func).
TEST(Distribution2D, ChiSquareAgainstFunction) {
  const int w = 16, h = 8, n = 200000;
  std::vector<float> f(w * h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) f[y * w + x] = 0.1f + float((x * 7 + y * 3) % 11) + (x == 5 ? 40.0f : 0.0f);
  Distribution2D d(f.data(), w, h);
  std::vector<int> count(w * h, 0);
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> uni(0.0f, 1.0f);
  for (int i = 0; i < n; ++i) {
    float pdf;
    glm::vec2 uv = d.sample({uni(rng), uni(rng)}, pdf);
    int cell = int(uv.y * h) * w + int(uv.x * w);
    ++count[cell];
    ASSERT_NEAR(pdf, d.pdf(uv), 1e-3f * pdf);
  }
  double total = 0.0, chi2 = 0.0;
  for (float v : f) total += v;
  for (int i = 0; i < w * h; ++i) {
    double expected = n * f[i] / total;
    chi2 += (count[i] - expected) * (count[i] - expected) / expected;
  }
  // 127 degrees of freedom: the 0.1% critical value is 181.
  EXPECT_LT(chi2, 181.0);
  // And the density matches the function: pdf = f / mean(f).
  EXPECT_NEAR(d.pdf({5.5f / w, 2.5f / h}), f[2 * w + 5] / (total / (w * h)), 1e-3);
}

}  // namespace
}  // namespace limner
