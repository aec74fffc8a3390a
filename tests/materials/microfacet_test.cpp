// GGX distribution and Smith masking against closed forms and normalisation identities.
#include <gtest/gtest.h>

#include <cmath>

#include "materials/bsdf/microfacet.h"
#include "renderer/frame.h"
#include "tests/materials/bsdf_test_util.h"

namespace limner {
namespace {

// Projected facet area equals the macro surface's: integral D(m) m.z dm = 1.
TEST(Microfacet, DistributionIsNormalised) {
  for (float alpha : {0.1f, 0.4f, 1.0f}) {
    Ggx ggx{alpha};
    double integral = test::integrate_sphere(
        [&](const glm::vec3& m) { return double(ggx.d(m) * std::fabs(m.z)); }, 32, 8, 1e-7);
    EXPECT_NEAR(integral, 1.0, 1e-3) << "alpha " << alpha;
  }
}

// The visible-normal density integrates to 1 from either side, including grazing directions
// (this is the Smith projected-area identity cos(theta) = G1 integral <w.m> D dm).
TEST(Microfacet, VisibleNormalsAreNormalised) {
  for (float alpha : {0.2f, 1.0f}) {
    Ggx ggx{alpha};
    for (float mu : {0.95f, 0.4f, 0.05f, -0.7f}) {
      glm::vec3 w = test::direction(mu, 1.1f);
      double integral = test::integrate_sphere(
          [&](const glm::vec3& m) { return double(ggx.d_visible(w, m)); }, 32, 16, 1e-7);
      EXPECT_NEAR(integral, 1.0, 2e-3) << "alpha " << alpha << " mu " << mu;
    }
  }
}

// Closed forms: D(z) = 1 / (pi alpha^2); for alpha = 1, D = 1 / pi everywhere and
// Lambda(w) = (1 / cos - 1) / 2, so G1 = 2 cos / (1 + cos).
TEST(Microfacet, ClosedForms) {
  EXPECT_NEAR(Ggx{0.3f}.d({0, 0, 1}), 1.0 / (kPi * 0.09), 1e-4);
  Ggx one{1.0f};
  for (float mu : {0.9f, 0.5f, 0.1f}) {
    glm::vec3 w = test::direction(mu, 0.2f);
    EXPECT_NEAR(one.d(w), kInvPi, 1e-6);
    EXPECT_NEAR(one.lambda(w), 0.5 * (1.0 / mu - 1.0), 1e-5);
    EXPECT_NEAR(one.g1(w), 2.0 * mu / (1.0 + mu), 1e-6);
    glm::vec3 wi = test::direction(0.6f, 2.0f);
    EXPECT_NEAR(one.g(w, wi), 1.0 / (1.0 + one.lambda(w) + one.lambda(wi)), 1e-6);
  }
  EXPECT_EQ(one.d({0.6f, 0.0f, -0.8f}), 0.0f);  // normals never point below
  EXPECT_EQ(one.g1({1.0f, 0.0f, 0.0f}), 0.0f);  // grazing directions see no facet
}

// Height-correlated masking-shadowing never exceeds either masking term.
TEST(Microfacet, HeightCorrelatedBelowEachMasking) {
  Ggx ggx{0.5f};
  test::Rng rng(3);
  for (int i = 0; i < 1000; ++i) {
    glm::vec3 wo = test::direction(rng.uniform(), 6.3f * rng.uniform());
    glm::vec3 wi = test::direction(rng.uniform(), 6.3f * rng.uniform());
    float g = ggx.g(wo, wi);
    EXPECT_LE(g, std::fmin(ggx.g1(wo), ggx.g1(wi)) + 1e-6f);
    EXPECT_GE(g, ggx.g1(wo) * ggx.g1(wi) - 1e-6f);  // and correlation only helps
  }
}

TEST(Microfacet, SampledNormalsFaceTheViewer) {
  Ggx ggx{0.6f};
  test::Rng rng(5);
  for (float mu : {0.8f, -0.3f}) {
    glm::vec3 w = test::direction(mu, 0.5f);
    for (int i = 0; i < 1000; ++i) {
      glm::vec3 m = ggx.sample_visible(w, rng.uniform2());
      EXPECT_GT(m.z, 0.0f);
      EXPECT_NEAR(glm::length(m), 1.0f, 1e-5f);
      EXPECT_GE(glm::dot(w, m) * mu, -1e-5f);  // the facet's front faces w's side
    }
  }
}

}  // namespace
}  // namespace limner
