// Light-aimed walk steps (materials/medium/aimed_step.h): the sampled directions must follow the
// claimed pdf exactly (chi-square), the pdf must be a density (integrates to 1 over the sphere),
// and the directions must do what they are for: refracted through the proxy boundary, they head
// for the light.
#include <gtest/gtest.h>

#include <cmath>

#include "materials/bsdf/fresnel.h"
#include "materials/medium/aimed_step.h"
#include "materials/bsdf_test_util.h"

namespace limner {
namespace {

struct AimCase {
  float alpha, eta, light_cos;  // light_cos < 0: the light lies behind the guide normal
};

class AimedStep : public ::testing::TestWithParam<AimCase> {
 protected:
  const glm::vec3 normal{0.0f, 0.0f, 1.0f};
  glm::vec3 to_light() const {
    float c = GetParam().light_cos, s = std::sqrt(1.0f - c * c);
    return {s * 0.6f, s * 0.8f, c};
  }
  AimLobe lobe() const { return {GetParam().alpha, GetParam().eta}; }
};

TEST_P(AimedStep, SamplesFollowThePdf) {
  test::Chi2Options opt;
  opt.test_count = 6;
  auto sample = [&](float, const glm::vec2& u) -> std::optional<BsdfSample> {
    glm::vec3 d;
    if (!sample_aimed(lobe(), normal, to_light(), u, &d)) return std::nullopt;
    BsdfSample s;
    s.wi = d;
    s.pdf = aimed_pdf(lobe(), normal, to_light(), d);
    s.f = SampledSpectrum(s.pdf);
    return s;
  };
  auto pdf = [&](const glm::vec3& d) { return double(aimed_pdf(lobe(), normal, to_light(), d)); };
  test::Chi2Result r = test::chi2_test(sample, pdf, opt);
  EXPECT_TRUE(r.passed) << r.message;
}

TEST_P(AimedStep, PdfIsADensity) {
  ASSERT_TRUE(aim_usable(lobe(), normal, to_light()));
  auto pdf = [&](const glm::vec3& d) { return double(aimed_pdf(lobe(), normal, to_light(), d)); };
  EXPECT_NEAR(test::integrate_sphere(pdf, 32, 64, 1e-6), 1.0, 0.01);
}

TEST_P(AimedStep, RefractedDirectionsHeadForTheLight) {
  // Through the proxy boundary (the normal turned to the light), a flight along a sampled
  // direction leaves within the microfacet lobe around the light's direction: on average it is
  // closer to it than any other fixed direction would be, and for a smooth-ish boundary close.
  glm::vec3 n = GetParam().light_cos >= 0.0f ? normal : -normal;
  test::Rng rng(3);
  double mean_cos = 0.0;
  int n_out = 0;
  for (int i = 0; i < 20000; ++i) {
    glm::vec3 d;
    if (!sample_aimed(lobe(), normal, to_light(), rng.uniform2(), &d)) continue;
    glm::vec3 out;
    float etap;
    // Leaving the medium along d through a flat boundary of normal n (medium below it).
    if (!refract(-d, -n, 1.0f / GetParam().eta, &out, &etap)) continue;
    mean_cos += glm::dot(out, to_light());
    ++n_out;
  }
  ASSERT_GT(n_out, 1000);
  mean_cos /= n_out;
  EXPECT_GT(mean_cos, GetParam().alpha <= 0.1f ? 0.97 : 0.6);
}

INSTANTIATE_TEST_SUITE_P(Lobes, AimedStep,
                         ::testing::Values(AimCase{0.1f, 1.4f, 0.9f}, AimCase{0.3f, 1.4f, 0.9f},
                                           AimCase{0.3f, 1.4f, 0.3f},
                                           AimCase{0.3f, 1.5f, -0.7f},
                                           AimCase{1.0f, 1.33f, 0.6f},
                                           AimCase{0.5f, 1.1f, 0.8f}));

TEST(AimedStepUse, NotOfferedForGrazingLightsOrALessDenseBulk) {
  const glm::vec3 n{0.0f, 0.0f, 1.0f};
  EXPECT_FALSE(aim_usable({0.3f, 1.4f}, n, glm::vec3(1.0f, 0.0f, 0.0f)));
  EXPECT_FALSE(aim_usable({0.3f, 0.8f}, n, glm::vec3(0.0f, 0.0f, 1.0f)));
  EXPECT_FALSE(aim_usable({0.3f, 1.0f}, n, glm::vec3(0.0f, 0.0f, 1.0f)));
  EXPECT_TRUE(aim_usable({0.3f, 1.4f}, n, glm::vec3(0.0f, 0.0f, -1.0f)));
}

}  // namespace
}  // namespace limner
