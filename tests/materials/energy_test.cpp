// Energy: directional albedos int f |cos| dwi, by quadrature of bsdf_eval and by averaging
// bsdf_sample weights. Dielectrics are measured in Importance mode because it measures flux
// (energy) conservation; Radiance mode differs in transmission by the 1/eta^2 compression of
// radiance, which is not a loss.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "materials/bsdf/energy_table.h"
#include "tests/materials/bsdf_test_util.h"

namespace limner {
namespace {

constexpr TransportMode kEnergy = TransportMode::Importance;
const float kCosines[] = {0.9f, 0.5f, 0.15f};

// A conductor with F = 1 to float precision: n = 1, k = 1000 gives
// F0 = ((n-1)^2 + k^2) / ((n+1)^2 + k^2) = 1 - 4e-6, and F stays near 1 at all angles.
ConductorBsdf perfect_conductor(float alpha, const EnergyTable* table) {
  return ConductorBsdf{SampledSpectrum(1.0f), SampledSpectrum(1000.0f), alpha, table};
}

TEST(Energy, DiffuseAlbedoIsItsReflectance) {
  SampledSpectrum r;
  r.v = {0.1f, 0.4f, 0.7f, 1.0f};
  DiffuseBsdf d{r};
  for (float mu : {0.9f, -0.3f}) {
    glm::vec3 wo = test::direction(mu, 0.3f);
    EXPECT_NEAR(test::albedo_by_quadrature(d, wo, kEnergy), r.average(), 1e-4);
    EXPECT_NEAR(test::albedo_by_sampling(d, wo, kEnergy, 20000, 7), r.average(), 1e-5);
  }
}

TEST(Energy, UncompensatedConductorLosesTheClosedFormAmount) {
  // alpha = 1, normal incidence: E = 1 - ln 2 (see energy_table_test).
  ConductorBsdf c = perfect_conductor(1.0f, nullptr);
  EXPECT_NEAR(test::albedo_by_quadrature(c, {0, 0, 1}, kEnergy), 1.0 - std::log(2.0), 2e-3);
}

TEST(Energy, CompensatedConductorWithUnitFresnelKeepsAllEnergy) {
  const float alpha = 1.0f;
  EnergyTable table = build_conductor_energy_table(alpha);
  ConductorBsdf with = perfect_conductor(alpha, &table);
  ConductorBsdf without = perfect_conductor(alpha, nullptr);
  for (float mu : kCosines) {
    for (float side : {1.0f, -1.0f}) {
      glm::vec3 wo = test::direction(side * mu, 0.4f);
      double a_with = test::albedo_by_quadrature(with, wo, kEnergy);
      double a_sampled = test::albedo_by_sampling(with, wo, kEnergy, 50000, 11);
      double a_without = test::albedo_by_quadrature(without, wo, kEnergy);
      EXPECT_NEAR(a_with, 1.0, 0.015) << "mu " << side * mu;
      EXPECT_NEAR(a_sampled, 1.0, 0.015) << "mu " << side * mu;
      EXPECT_LT(a_without, 0.9) << "mu " << side * mu;  // single scattering alone loses
    }
  }
}

TEST(Energy, ConductorNeverCreatesEnergy) {
  SampledSpectrum eta, k;
  eta.v = {0.2f, 0.5f, 1.2f, 2.9f};
  k.v = {3.0f, 2.4f, 2.2f, 3.1f};
  for (float alpha : {0.05f, 0.3f, 1.0f}) {
    EnergyTable t = build_conductor_energy_table(alpha);
    ConductorBsdf c{eta, k, alpha, &t};
    for (float mu : {0.99f, 0.6f, 0.2f, 0.03f}) {
      glm::vec3 wo = test::direction(mu, 1.0f);
      test::Rng rng(29);
      SampledSpectrum sum(0.0f);
      const int n = 20000;
      for (int i = 0; i < n; ++i) {
        auto s = bsdf_sample(c, wo, rng.uniform(), rng.uniform2());
        if (s) sum += s->f * (std::fabs(s->wi.z) / s->pdf);
      }
      for (int i = 0; i < kLambdas; ++i) EXPECT_LE(sum[i] / n, 1.005f) << alpha << " " << mu;
    }
  }
}

struct DielectricCase {
  float eta, alpha;
};

class LosslessDielectric : public ::testing::TestWithParam<DielectricCase> {};

TEST_P(LosslessDielectric, KeepsEnergyFromBothSides) {
  const auto [eta, alpha] = GetParam();
  EnergyTable out = build_dielectric_energy_table(eta, alpha, true);
  EnergyTable in = build_dielectric_energy_table(eta, alpha, false);
  DielectricBsdf with{eta, alpha, &out, &in};
  DielectricBsdf without{eta, alpha, nullptr, nullptr};
  double worst_without = 1.0;
  for (float side : {1.0f, -1.0f}) {
    for (float mu : kCosines) {
      glm::vec3 wo = test::direction(side * mu, 0.4f);
      double a_with = test::albedo_by_quadrature(with, wo, kEnergy);
      double a_sampled = test::albedo_by_sampling(with, wo, kEnergy, 20000, 13);
      EXPECT_NEAR(a_with, 1.0, 0.02) << "mu " << side * mu;
      EXPECT_LE(a_with, 1.005) << "mu " << side * mu;
      EXPECT_NEAR(a_sampled, 1.0, 0.02) << "mu " << side * mu;
      worst_without = std::fmin(worst_without, test::albedo_by_quadrature(without, wo, kEnergy));
    }
  }
  // Without compensation the loss is plainly visible (so this test can fail).
  EXPECT_LT(worst_without, 0.95);
}

INSTANTIATE_TEST_SUITE_P(Energy, LosslessDielectric,
                         ::testing::Values(DielectricCase{1.5f, 0.3f}, DielectricCase{1.5f, 0.7f},
                                           DielectricCase{1.5f, 1.0f},
                                           DielectricCase{1.0f / 1.5f, 0.3f},
                                           DielectricCase{1.0f / 1.5f, 0.7f},
                                           DielectricCase{1.0f / 1.5f, 1.0f}),
                         [](const ::testing::TestParamInfo<DielectricCase>& p) {
                           auto pct = [](float x) { return std::to_string(int(x * 100 + 0.5f)); };
                           return "eta" + pct(p.param.eta) + "_alpha" + pct(p.param.alpha);
                         });

}  // namespace
}  // namespace limner
