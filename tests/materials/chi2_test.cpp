// Chi-square goodness of fit of bsdf_sample against bsdf_pdf for every rough BSDF, from both
// sides and several incident angles; also checks each sample's f and pdf against
// bsdf_eval / bsdf_pdf.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "materials/bsdf/energy_table.h"
#include "renderer/frame.h"
#include "tests/materials/bsdf_test_util.h"

namespace limner {
namespace {

// Cases are plain parameters; the Bsdf (and its tables) is built only by the test that runs
// it, since every test runs in its own process under ctest.
enum class Kind { Diffuse, Conductor, Dielectric };

struct Chi2Case {
  std::string name;
  Kind kind;
  float alpha, eta, cos_o;
  TransportMode mode = TransportMode::Radiance;
};

std::string tag(float x) { return std::to_string(static_cast<int>(x * 100.0f + 0.5f)); }

std::vector<Chi2Case> make_cases() {
  std::vector<Chi2Case> cases;
  cases.push_back({"diffuse_front", Kind::Diffuse, 0.0f, 1.0f, 0.7f});
  cases.push_back({"diffuse_back", Kind::Diffuse, 0.0f, 1.0f, -0.4f});
  for (float alpha : {0.05f, 0.3f, 1.0f}) {
    std::string base = "conductor_a" + tag(alpha);
    for (float mu : {0.95f, 0.5f, 0.15f})
      cases.push_back({base + "_mu" + tag(mu), Kind::Conductor, alpha, 1.0f, mu});
    cases.push_back({base + "_below", Kind::Conductor, alpha, 1.0f, -0.6f});
  }
  for (float alpha : {0.1f, 0.5f, 1.0f}) {
    for (float eta : {1.5f, 1.0f / 1.5f}) {
      std::string base = "dielectric_a" + tag(alpha) + "_eta" + tag(eta);
      for (float mu : {0.9f, 0.5f, 0.15f}) {
        cases.push_back({base + "_out_mu" + tag(mu), Kind::Dielectric, alpha, eta, mu});
        cases.push_back({base + "_in_mu" + tag(mu), Kind::Dielectric, alpha, eta, -mu,
                         TransportMode::Importance});
      }
    }
  }
  return cases;
}

const std::vector<Chi2Case>& all_cases() {
  static const std::vector<Chi2Case> cases = make_cases();
  return cases;
}

SampledSpectrum spectrum(float a, float b, float c, float d) {
  SampledSpectrum s;
  s.v = {a, b, c, d};
  return s;
}

// Builds the case's Bsdf; the tables it points at are stored in *tables.
Bsdf make_bsdf(const Chi2Case& c, EnergyTable tables[2]) {
  switch (c.kind) {
    case Kind::Diffuse:
      return DiffuseBsdf{spectrum(0.2f, 0.5f, 0.8f, 1.0f)};
    case Kind::Conductor:
      tables[0] = build_conductor_energy_table(c.alpha);
      return ConductorBsdf{spectrum(0.2f, 0.5f, 1.1f, 1.4f), spectrum(3.5f, 2.5f, 1.9f, 1.8f),
                           c.alpha, &tables[0]};
    case Kind::Dielectric:
      tables[0] = build_dielectric_energy_table(c.eta, c.alpha, true);
      tables[1] = build_dielectric_energy_table(c.eta, c.alpha, false);
      return DielectricBsdf{c.eta, c.alpha, &tables[0], &tables[1]};
  }
  return DiffuseBsdf{};
}

class BsdfChi2 : public ::testing::TestWithParam<int> {};

TEST_P(BsdfChi2, SamplingMatchesPdf) {
  const Chi2Case& c = all_cases()[GetParam()];
  EnergyTable tables[2];
  Bsdf bsdf = make_bsdf(c, tables);
  // An off-axis azimuth, so that mistakes tied to the axes show up.
  glm::vec3 wo = test::direction(c.cos_o, 0.7f);
  test::Chi2Options opt;
  opt.test_count = static_cast<int>(all_cases().size());
  opt.mode = c.mode;
  opt.seed = 1234 + GetParam();
  test::Chi2Result r = test::chi2_test(bsdf, wo, opt);
  EXPECT_TRUE(r.passed) << c.name << ": " << r.message;
}

INSTANTIATE_TEST_SUITE_P(AllBsdfs, BsdfChi2,
                         ::testing::Range(0, static_cast<int>(all_cases().size())),
                         [](const ::testing::TestParamInfo<int>& p) {
                           return all_cases()[p.param].name;
                         });

// The statistic's tail against closed forms: for 2 degrees of freedom Q = exp(-x / 2); for
// 1, Q = erfc(sqrt(x / 2)).
TEST(Chi2Machinery, SurvivalFunctionMatchesClosedForms) {
  for (double x : {0.1, 1.0, 3.0, 10.0, 40.0}) {
    EXPECT_NEAR(test::chi2_survival(x, 2), std::exp(-0.5 * x), 1e-12);
    EXPECT_NEAR(test::chi2_survival(x, 1), std::erfc(std::sqrt(0.5 * x)), 1e-10);
  }
  // Large dof: the distribution has mean dof and standard deviation sqrt(2 dof).
  EXPECT_NEAR(test::chi2_survival(2000.0, 2000), 0.5, 0.01);
  EXPECT_LT(test::chi2_survival(2000.0 + 6.0 * std::sqrt(4000.0), 2000), 1e-6);
}

// Negative controls: the test must reject a sampler whose density differs from the claimed
// pdf, whether grossly (uniform vs cosine) or subtly (GGX alpha 0.3 vs 0.27).
TEST(Chi2Machinery, RejectsMismatchedPdf) {
  glm::vec3 wo = test::direction(0.6f, 0.7f);
  DiffuseBsdf diffuse{SampledSpectrum(0.5f)};
  auto sample_diffuse = [&](float uc, const glm::vec2& u) {
    return bsdf_sample(diffuse, wo, uc, u);
  };
  auto uniform_pdf = [](const glm::vec3& wi) { return wi.z > 0.0f ? 0.5 / kPi : 0.0; };
  test::Chi2Options opt;
  EXPECT_FALSE(test::chi2_test(sample_diffuse, uniform_pdf, opt).passed);

  ConductorBsdf rough{SampledSpectrum(0.2f), SampledSpectrum(3.0f), 0.3f, nullptr};
  ConductorBsdf rougher = rough;
  rougher.alpha = 0.27f;
  auto sample_rough = [&](float uc, const glm::vec2& u) { return bsdf_sample(rough, wo, uc, u); };
  auto pdf_rougher = [&](const glm::vec3& wi) { return double(bsdf_pdf(rougher, wo, wi)); };
  auto pdf_rough = [&](const glm::vec3& wi) { return double(bsdf_pdf(rough, wo, wi)); };
  EXPECT_FALSE(test::chi2_test(sample_rough, pdf_rougher, opt).passed);
  EXPECT_TRUE(test::chi2_test(sample_rough, pdf_rough, opt).passed);
}

}  // namespace
}  // namespace limner
