// Delta lobes: smooth dielectric and conductor sample weights (f |cos| / pdf), directions and
// lobe probabilities against the Fresnel equations and Snell's law.
#include <gtest/gtest.h>

#include <cmath>

#include "materials/bsdf/fresnel.h"
#include "tests/materials/bsdf_test_util.h"

namespace limner {
namespace {

double weight(const BsdfSample& s) { return s.f.average() * std::fabs(s.wi.z) / s.pdf; }

TEST(SmoothDielectric, IsDeltaAndHasNoDensity) {
  Bsdf b = DielectricBsdf{1.5f, 0.0f, nullptr, nullptr};
  EXPECT_TRUE(bsdf_is_delta(b));
  glm::vec3 wo = test::direction(0.8f, 0.0f);
  EXPECT_TRUE(bsdf_eval(b, wo, glm::vec3(-wo.x, -wo.y, wo.z)).is_black());
  EXPECT_EQ(bsdf_pdf(b, wo, glm::vec3(-wo.x, -wo.y, wo.z)), 0.0f);
  EXPECT_FALSE(bsdf_is_delta(DielectricBsdf{1.5f, 0.2f, nullptr, nullptr}));
  EXPECT_FALSE(bsdf_is_delta(DiffuseBsdf{}));
}

TEST(SmoothDielectric, NormalIncidenceReflectAndTransmit) {
  Bsdf b = DielectricBsdf{1.5f, 0.0f, nullptr, nullptr};
  glm::vec3 wo(0, 0, 1);
  auto r = bsdf_sample(b, wo, 0.01f, {0.5f, 0.5f});
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->specular);
  EXPECT_FALSE(r->transmission);
  EXPECT_NEAR(r->pdf, 0.04, 1e-6);
  EXPECT_NEAR(weight(*r), 1.0, 1e-5);  // probability R, value R: unit weight
  auto t = bsdf_sample(b, wo, 0.5f, {0.5f, 0.5f}, TransportMode::Importance);
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->transmission);
  EXPECT_NEAR(t->wi.z, -1.0f, 1e-6f);
  EXPECT_NEAR(t->pdf, 0.96, 1e-6);
  EXPECT_FLOAT_EQ(t->eta, 1.5f);
  EXPECT_NEAR(weight(*t), 1.0, 1e-5);
  // Radiance entering the denser side is compressed into a smaller solid angle.
  auto tr = bsdf_sample(b, wo, 0.5f, {0.5f, 0.5f}, TransportMode::Radiance);
  EXPECT_NEAR(weight(*tr), 1.0 / (1.5 * 1.5), 1e-5);
}

TEST(SmoothDielectric, ObliqueFromInsideFollowsSnell) {
  const float eta = 1.5f;
  Bsdf b = DielectricBsdf{eta, 0.0f, nullptr, nullptr};
  glm::vec3 wo = test::direction(-0.9f, 0.4f);  // inside the glass, below the critical angle
  double sin_o = std::sqrt(1.0 - 0.81);
  double cos_t = std::sqrt(1.0 - std::pow(eta * sin_o, 2.0));
  double n = 1.0 / eta;  // glass to air
  double rs = (0.9 - n * cos_t) / (0.9 + n * cos_t), rp = (cos_t - n * 0.9) / (cos_t + n * 0.9);
  double fresnel = 0.5 * (rs * rs + rp * rp);
  auto t = bsdf_sample(b, wo, 0.999f, {0.1f, 0.2f}, TransportMode::Radiance);
  ASSERT_TRUE(t && t->transmission);
  EXPECT_NEAR(t->wi.z, cos_t, 1e-5);
  EXPECT_NEAR(t->pdf, 1.0 - fresnel, 1e-5);
  EXPECT_NEAR(t->eta, 1.0 / eta, 1e-6);
  EXPECT_NEAR(weight(*t), eta * eta, 1e-4);  // leaving the dense side, radiance spreads out
}

TEST(SmoothDielectric, TotalInternalReflectionAlwaysReflects) {
  Bsdf b = DielectricBsdf{1.5f, 0.0f, nullptr, nullptr};
  glm::vec3 wo = test::direction(-0.3f, 0.4f);  // beyond the critical angle (cos 0.745)
  for (float uc : {0.0f, 0.5f, 0.999f}) {
    auto s = bsdf_sample(b, wo, uc, {0.3f, 0.3f});
    ASSERT_TRUE(s);
    EXPECT_FALSE(s->transmission);
    EXPECT_NEAR(s->wi.z, wo.z, 1e-6f);
    EXPECT_NEAR(s->pdf, 1.0, 1e-6);
    EXPECT_NEAR(weight(*s), 1.0, 1e-5);
  }
}

// The fraction of uc values choosing reflection is the Fresnel reflectance.
TEST(SmoothDielectric, ReflectionProbabilityIsFresnel) {
  Bsdf b = DielectricBsdf{1.5f, 0.0f, nullptr, nullptr};
  glm::vec3 wo = test::direction(0.3f, 0.0f);
  int n = 10000, reflected = 0;
  for (int i = 0; i < n; ++i) {
    auto s = bsdf_sample(b, wo, (i + 0.5f) / n, {0.5f, 0.5f});
    if (s && !s->transmission) ++reflected;
  }
  EXPECT_NEAR(double(reflected) / n, fresnel_dielectric(0.3f, 1.5f), 2e-4);
}

TEST(SmoothDielectric, UnitIndexPassesStraightThrough) {
  Bsdf b = DielectricBsdf{1.0f, 0.3f, nullptr, nullptr};
  EXPECT_TRUE(bsdf_is_delta(b));
  glm::vec3 wo = test::direction(0.6f, 1.0f);
  auto s = bsdf_sample(b, wo, 0.5f, {0.5f, 0.5f});
  ASSERT_TRUE(s);
  EXPECT_NEAR(glm::length(s->wi + wo), 0.0f, 1e-6f);
  EXPECT_NEAR(weight(*s), 1.0, 1e-6);
}

TEST(SmoothConductor, MirrorWeightIsFresnelPerWavelength) {
  SampledSpectrum eta, k;
  eta.v = {0.2f, 0.5f, 1.2f, 2.9f};
  k.v = {3.0f, 2.4f, 2.2f, 3.1f};
  Bsdf b = ConductorBsdf{eta, k, 0.0f, nullptr};
  EXPECT_TRUE(bsdf_is_delta(b));
  glm::vec3 wo(0, 0, 1);
  auto s = bsdf_sample(b, wo, 0.5f, {0.5f, 0.5f});
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->specular);
  for (int i = 0; i < kLambdas; ++i) {
    double n = eta[i], kk = k[i];
    double expected = ((n - 1) * (n - 1) + kk * kk) / ((n + 1) * (n + 1) + kk * kk);
    EXPECT_NEAR(s->f[i] * std::fabs(s->wi.z) / s->pdf, expected, 1e-5);
  }
  // Two-sided: from below it mirrors below, with the same weight at the same angle.
  glm::vec3 up = test::direction(0.4f, 2.0f), down(up.x, up.y, -up.z);
  auto a = bsdf_sample(b, up, 0.5f, {0.5f, 0.5f});
  auto c = bsdf_sample(b, down, 0.5f, {0.5f, 0.5f});
  ASSERT_TRUE(a && c);
  EXPECT_NEAR(glm::length(a->wi - glm::vec3(-up.x, -up.y, up.z)), 0.0f, 1e-6f);
  EXPECT_NEAR(glm::length(c->wi - glm::vec3(-down.x, -down.y, down.z)), 0.0f, 1e-6f);
  for (int i = 0; i < kLambdas; ++i) {
    EXPECT_NEAR(a->f[i], c->f[i], 1e-6f);
    EXPECT_NEAR(a->f[i] * 0.4f, fresnel_conductor(0.4f, eta[i], k[i]), 1e-5f);
  }
}

}  // namespace
}  // namespace limner
