// The fast path as a BSDF: chi-square of its sampling against its pdf, reciprocity, energy
// (never above 1; exactly 1 in a white furnace without absorption, for every finish), and
// the two-sided convention.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "materials/bsdf/microfacet.h"
#include "tests/paint/paint_bsdf_test_util.h"

namespace limner {
namespace {

using test::km_layer_of;

Material diffuse(float r) { return make_diffuse(Spectrum::constant(r)); }

PaintLayer flake_layer(const char* metal, float coverage, float roughness) {
  PaintLayer l = km_layer_of(8, 1, 20);
  l.paint.flakes = FlakeDesc{metal, coverage, roughness};
  return l;
}

struct Case {
  std::string name;
  Material material;
};

std::vector<Case> rough_cases() {
  return {
      {"satin base coat",
       make_paint({km_layer_of(25, 120, 60)}, diffuse(0.5f), paint_finish_preset("satin"))},
      {"matte glaze",
       make_paint({km_layer_of(60, 2, 10)}, diffuse(0.9f), paint_finish_preset("matte"))},
      {"near-gloss wash", make_paint({km_layer_of(25, 120, 60), km_layer_of(200, 10, 6)},
                                     diffuse(0.5f), test::rough_finish(0.06f))},
      {"gold under satin varnish", make_paint({km_layer_of(0, 0, 30)}, make_conductor("gold", 0.2f),
                                              paint_finish_preset("satin"))},
      {"mirror under matte varnish",
       make_paint({km_layer_of(0.5f, 0.2f, 30)}, make_conductor("silver", 0.0f),
                  paint_finish_preset("matte"))},
      {"flakes, satin", make_paint({km_layer_of(25, 120, 30), flake_layer("aluminium", 0.6f, 0.3f)},
                                   diffuse(0.2f), paint_finish_preset("satin"))},
      {"flakes, no finish",
       make_paint({flake_layer("copper", 0.5f, 0.2f)}, diffuse(0.3f), test::no_finish())},
      {"resin under satin", make_paint({km_layer_of(5, 10, 10)}, make_dielectric(1.6f, 0.2f),
                                       paint_finish_preset("satin"))},
  };
}

class PaintChiSquare : public testing::TestWithParam<int> {};

TEST_P(PaintChiSquare, SamplingMatchesPdf) {
  std::vector<Case> cases = rough_cases();
  const Case& c = cases[GetParam()];
  PaintBsdf b = test::paint_bsdf_of(c.material);
  ASSERT_FALSE(paint_is_delta(b)) << c.name;
  const int tests = static_cast<int>(cases.size()) * 3;
  for (float mu : {0.9f, 0.45f, -0.12f}) {  // the last from below the surface (mirrored)
    test::Chi2Options opt;
    opt.samples = 100000;
    opt.test_count = tests;
    opt.seed = 17;
    test::Chi2Result r = test::chi2_test(Bsdf(b), test::direction(mu, 0.8f), opt);
    EXPECT_TRUE(r.passed) << c.name << ", mu " << mu << ": " << r.message;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, PaintChiSquare, testing::Range(0, 8));

// With a smooth finish the mirror reflection is a delta lobe; the rest is tested alone (the
// pdf integrates to the share of non-delta samples).
TEST(PaintSampling, ChiSquareWithASmoothFinish) {
  Material m = make_paint({km_layer_of(25, 120, 60)}, make_conductor("gold", 0.3f),
                          test::rough_finish(0.0f));
  Bsdf b(test::paint_bsdf_of(m));
  for (float mu : {0.8f, 0.3f}) {
    glm::vec3 wo = test::direction(mu, 0.3f);
    int specular = 0;
    auto sample = [&](float uc, const glm::vec2& u) -> std::optional<BsdfSample> {
      auto s = bsdf_sample(b, wo, uc, u);
      if (s && s->specular) {
        ++specular;
        EXPECT_NEAR(s->wi.z, wo.z, 1e-5);  // the mirror direction
        return std::nullopt;
      }
      return s;
    };
    auto pdf = [&](const glm::vec3& wi) { return double(bsdf_pdf(b, wo, wi)); };
    test::Chi2Options opt;
    opt.samples = 100000;
    opt.test_count = 2;
    test::Chi2Result r = test::chi2_test(sample, pdf, opt);
    EXPECT_TRUE(r.passed) << "mu " << mu << ": " << r.message;
    EXPECT_GT(specular, 0);
  }
}

TEST(PaintSampling, Reciprocity) {
  std::vector<Case> cases = rough_cases();
  test::Rng rng(5);
  for (const Case& c : cases) {
    Bsdf b(test::paint_bsdf_of(c.material));
    for (int i = 0; i < 300; ++i) {
      glm::vec3 wo = test::direction(0.02f + 0.98f * rng.uniform(), 6.283f * rng.uniform());
      glm::vec3 wi = test::direction(0.02f + 0.98f * rng.uniform(), 6.283f * rng.uniform());
      SampledSpectrum f1 = bsdf_eval(b, wo, wi), f2 = bsdf_eval(b, wi, wo);
      for (int l = 0; l < kLambdas; ++l)
        ASSERT_NEAR(f1[l], f2[l], 2e-3f * std::max(f1[l], f2[l]) + 1e-6f)
            << c.name << " wo (" << wo.x << ", " << wo.y << ", " << wo.z << ") wi (" << wi.x << ", "
            << wi.y << ", " << wi.z << ")";
    }
  }
}

TEST(PaintSampling, TwoSidedReflectionOnly) {
  Bsdf b(test::paint_bsdf_of(rough_cases()[0].material));
  glm::vec3 wo(0.3f, 0.2f, 0.93f), wi(-0.5f, 0.1f, 0.86f);
  glm::vec3 wo_b(wo.x, wo.y, -wo.z), wi_b(wi.x, wi.y, -wi.z);
  EXPECT_FLOAT_EQ(bsdf_eval(b, wo_b, wi_b)[0], bsdf_eval(b, wo, wi)[0]);
  EXPECT_FLOAT_EQ(bsdf_pdf(b, wo_b, wi_b), bsdf_pdf(b, wo, wi));
  EXPECT_EQ(bsdf_eval(b, wo, wi_b)[0], 0.0f);  // no transmission
  EXPECT_EQ(bsdf_pdf(b, wo, wi_b), 0.0f);
  auto s = bsdf_sample(b, wo_b, 0.5f, {0.3f, 0.7f});
  ASSERT_TRUE(s);
  EXPECT_LT(s->wi.z, 0.0f);
  EXPECT_FALSE(s->transmission);
}

TEST(PaintSampling, NeverCreatesEnergy) {
  std::vector<Case> cases = rough_cases();
  // Bright and lossless-ish: white paint over a perfect mirror under gloss, bright flakes.
  cases.push_back(
      {"white over mirror",
       make_paint({km_layer_of(0, 40, 10)},
                  make_conductor(Spectrum::constant(1.0f), Spectrum::constant(1000.0f), 0.1f),
                  paint_finish_preset("gloss"))});
  for (const Case& c : cases) {
    PaintBsdf b = test::paint_bsdf_of(c.material);
    for (float mu : {1.0f, 0.7f, 0.4f, 0.15f, 0.04f}) {
      glm::vec3 wo = test::direction(mu, 0.1f);
      EXPECT_LE(test::sampled_albedo(b, wo, 20000, 3), 1.01) << c.name << ", mu " << mu;
    }
  }
}

// No absorption anywhere: everything that comes in goes out.
TEST(PaintSampling, WhiteFurnace) {
  Material white = diffuse(1.0f);
  std::vector<std::vector<PaintLayer>> stacks = {
      {}, {km_layer_of(0, 100, 30)}, {km_layer_of(0, 300, 20), km_layer_of(0, 0, 25)}};
  double worst_fast = 0.0, worst_walk = 0.0;
  for (const char* finish : {"none", "matte", "satin", "gloss"}) {
    for (const auto& layers : stacks) {
      Material m = make_paint(layers, white, paint_finish_preset(finish));
      PaintBsdf b = test::paint_bsdf_of(m);
      for (float deg : {0.0f, 30.0f, 60.0f, 80.0f, 88.0f}) {
        glm::vec3 wo = test::direction(test::cos_of_degrees(deg), 0.5f);
        double fast = test::sampled_albedo(b, wo, 40000, 8);
        test::Estimate walk = test::walk_estimate(b, wo, 20000, 9);
        EXPECT_NEAR(fast, 1.0, 0.01) << finish << ", " << layers.size() << " layers, " << deg;
        // The walk crosses the finish as the DielectricBsdf, whose energy compensation loses
        // ~1.3% at 88 degrees (gloss); the fast path's tables close that gap. Plus 3 standard
        // errors of the walk's estimate.
        EXPECT_NEAR(walk.mean, 1.0, (deg > 85.0f ? 0.02 : 0.01) + 3.0 * walk.error)
            << finish << ", " << layers.size() << " layers, " << deg;
        worst_fast = std::max(worst_fast, std::fabs(fast - 1.0));
        worst_walk = std::max(worst_walk, std::fabs(walk.mean - 1.0));
      }
    }
  }
  std::printf("white furnace: largest |albedo - 1| fast %.4f, walk %.4f\n", worst_fast, worst_walk);
}

// The same with a perfect mirror (F = 1) as substrate: the fast path's bounce chain.
TEST(PaintSampling, MirrorFurnace) {
  Material mirror = make_conductor(Spectrum::constant(1.0f), Spectrum::constant(1000.0f), 0.2f);
  double worst = 0.0;
  for (const char* finish : {"none", "matte", "satin", "gloss"}) {
    Material m = make_paint({km_layer_of(0, 0, 25)}, mirror, paint_finish_preset(finish));
    PaintBsdf b = test::paint_bsdf_of(m);
    for (float deg : {0.0f, 45.0f, 70.0f, 85.0f}) {
      glm::vec3 wo = test::direction(test::cos_of_degrees(deg), 0.5f);
      double fast = test::sampled_albedo(b, wo, 40000, 8);
      EXPECT_NEAR(fast, 1.0, 0.02) << finish << ", " << deg << " deg";
      worst = std::max(worst, std::fabs(fast - 1.0));
    }
  }
  std::printf("mirror furnace: largest |albedo - 1| fast %.4f\n", worst);
}

}  // namespace
}  // namespace limner
