// The sheen lobe and the fabric layering: albedo table against brute-force integration,
// chi-square of sampling against the pdf, reciprocity where claimed, and white furnaces.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "materials/bsdf/energy_table.h"
#include "materials/bsdf/sheen.h"
#include "materials/material.h"
#include "renderer/frame.h"
#include "tests/materials/bsdf_test_util.h"

namespace limner {
namespace {

SampledSpectrum spectrum(float a, float b, float c, float d) {
  SampledSpectrum s;
  s.v = {a, b, c, d};
  return s;
}

FabricBsdf fabric_over(FabricBaseBsdf base, SampledSpectrum color, const SheenTables* table) {
  FabricBsdf f;
  f.sheen = SheenBsdf{color, table};
  f.base = std::move(base);
  return f;
}

// Brute force, independent of the table's quadrature and interpolation: Monte Carlo with
// cosine-weighted directions (the table uses a midpoint grid in (mu, phi)) of the formula
// written out again, with sigma computed at the exact cosines.
double sheen_albedo_monte_carlo(float r, float mu_o, int n) {
  // sigma on a fine grid (256 intervals, linear) instead of the table's 32 midpoints.
  constexpr int kFine = 256;
  std::vector<double> sigma(kFine + 1);
  for (int k = 0; k <= kFine; ++k) sigma[k] = charlie_projected_area(float(k) / kFine, r);
  auto sigma_at = [&](double mu) {
    double x = mu * kFine;
    int k = std::min(kFine - 1, int(x));
    return sigma[k] + (x - k) * (sigma[k + 1] - sigma[k]);
  };
  test::Rng rng(99);
  glm::vec3 wo(std::sqrt(1.0f - mu_o * mu_o), 0.0f, mu_o);
  double sum = 0.0;
  for (int k = 0; k < n; ++k) {
    float u1 = rng.uniform(), u2 = rng.uniform();
    float mu_i = std::sqrt(u1), s = std::sqrt(1.0f - u1), phi = 2.0f * kPi * u2;
    glm::vec3 wi(s * std::cos(phi), s * std::sin(phi), mu_i);
    glm::vec3 h = glm::normalize(wo + wi);
    double sin_h = std::sqrt(std::max(0.0, 1.0 - double(h.z) * h.z));
    double d = (2.0 + 1.0 / r) * std::pow(sin_h, 1.0 / r) / (2.0 * kPi);
    double f = d / (4.0 * (sigma_at(mu_o) * mu_i + sigma_at(mu_i) * mu_o - mu_i * mu_o));
    sum += f * kPi;  // f cos / (cos / pi)
  }
  return sum / n;
}

TEST(Sheen, CharlieDistributionIsNormalised) {
  for (float r : {0.05f, 0.3f, 1.0f}) {
    // int D(m) cos dm = 2 pi int_0^1 D(mu) mu dmu, midpoint rule.
    const int n = 200000;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
      double mu = (i + 0.5) / n;
      sum += charlie_d(float(mu), r) * mu;
    }
    EXPECT_NEAR(sum * 2.0 * kPi / n, 1.0, 1e-3) << "r " << r;
  }
}

// sigma(mu) = int <w, m>+ D(m) dm: 1 at normal incidence (D's normalisation) and, for a
// horizontal w, (2 + 1/r) / pi int_0^{pi/2} sin^(1/r + 2) (Wallis integrals: 2/pi for r = 1,
// 3/4 for r = 1/2); in between against Monte Carlo over uniform normals.
TEST(Sheen, ProjectedAreaMatchesClosedForms) {
  EXPECT_NEAR(charlie_projected_area(1.0f, 0.3f), 1.0, 1e-4);
  EXPECT_NEAR(charlie_projected_area(0.0f, 1.0f), 2.0 / kPi, 1e-4);
  EXPECT_NEAR(charlie_projected_area(0.0f, 0.5f), 0.75, 1e-4);
  test::Rng rng(3);
  for (float mu : {0.2f, 0.6f}) {
    glm::vec3 w(std::sqrt(1.0f - mu * mu), 0.0f, mu);
    double sum = 0.0;
    const int n = 400000;
    for (int k = 0; k < n; ++k) {
      glm::vec3 m = test::direction(rng.uniform(), 2.0f * kPi * rng.uniform());
      sum += std::max(0.0f, glm::dot(w, m)) * charlie_d(m.z, 0.3f) * 2.0 * kPi;
    }
    EXPECT_NEAR(charlie_projected_area(mu, 0.3f), sum / n, 5e-3) << "mu " << mu;
  }
}

TEST(Sheen, AlbedoTableMatchesBruteForce) {
  for (float r : {0.05f, 0.3f, 1.0f}) {
    SheenTables tables = build_sheen_tables(r);
    const EnergyTable& t = tables.albedo;
    double avg = 0.0;
    for (int i = 0; i < kEnergyTableSize; ++i) {
      EXPECT_GT(t.e[i], 0.0f);
      EXPECT_LT(t.e[i], 1.0f);  // single scattering with Smith masking never gains
      float mu = (i + 0.5f) / kEnergyTableSize;
      avg += 2.0 * t.e[i] * mu / kEnergyTableSize;
    }
    EXPECT_NEAR(t.e_avg, avg, 1e-5);
    for (float mu : {0.03f, 0.1f, 0.3f, 0.5f, 0.8f, 0.98f}) {
      double ref = sheen_albedo_monte_carlo(clamp_sheen_roughness(r), mu, 80000);
      // Linear interpolation below the first node (mu = 1/64) costs up to ~1.5% for r = 0.05.
      double tol = (mu < 0.05f ? 0.02 : 0.01) * ref + 2e-3;
      EXPECT_NEAR(t.lookup(mu), ref, tol) << "r " << r << " mu " << mu;
    }
  }
}

TEST(Sheen, LobeAloneIntegratesToItsTable) {
  // A fabric over black: its albedo is the sheen's, through the whole Bsdf path.
  SheenTables t = build_sheen_tables(0.3f);
  Bsdf b = fabric_over(DiffuseBsdf{SampledSpectrum(0.0f)}, SampledSpectrum(1.0f), &t);
  for (float mu : {0.9f, 0.4f, 0.1f}) {
    glm::vec3 wo = test::direction(mu, 0.3f);
    EXPECT_NEAR(test::albedo_by_quadrature(b, wo, TransportMode::Radiance),
                t.albedo.lookup(mu), 0.01 * t.albedo.lookup(mu) + 1e-3);
  }
}

TEST(Sheen, FabricOverDiffuseIsReciprocal) {
  SheenTables t = build_sheen_tables(0.2f);
  Bsdf b = fabric_over(DiffuseBsdf{spectrum(0.2f, 0.5f, 0.8f, 1.0f)},
                       spectrum(1.0f, 0.7f, 0.4f, 0.1f), &t);
  test::Rng rng(5);
  for (int k = 0; k < 200; ++k) {
    float side = k % 2 ? 1.0f : -1.0f;
    glm::vec3 wo = test::direction(side * rng.uniform(), 6.28f * rng.uniform());
    glm::vec3 wi = test::direction(side * rng.uniform(), 6.28f * rng.uniform());
    SampledSpectrum a = bsdf_eval(b, wo, wi), c = bsdf_eval(b, wi, wo);
    for (int i = 0; i < kLambdas; ++i) EXPECT_NEAR(a[i], c[i], 1e-5f * (1.0f + a[i]));
  }
}

TEST(Sheen, WhiteFurnaceOverWhiteDiffuseKeepsAllEnergy) {
  for (float r : {0.05f, 0.3f, 1.0f}) {
    SheenTables t = build_sheen_tables(r);
    Bsdf b = fabric_over(DiffuseBsdf{SampledSpectrum(1.0f)}, SampledSpectrum(1.0f), &t);
    for (float mu : {0.95f, 0.6f, 0.25f, 0.05f, -0.5f}) {
      glm::vec3 wo = test::direction(mu, 0.3f);
      double q = test::albedo_by_quadrature(b, wo, TransportMode::Radiance);
      double s = test::albedo_by_sampling(b, wo, TransportMode::Radiance, 100000, 3);
      EXPECT_NEAR(q, 1.0, 5e-3) << "r " << r << " mu " << mu;
      EXPECT_NEAR(s, 1.0, 1e-2) << "r " << r << " mu " << mu;
    }
  }
}

TEST(Sheen, FabricOverDirectionalBasesNeverGains) {
  SheenTables t = build_sheen_tables(0.3f);
  EnergyTable ce = build_conductor_energy_table(0.3f);
  EnergyTable de_out = build_dielectric_energy_table(1.5f, 0.3f, true);
  EnergyTable de_in = build_dielectric_energy_table(1.5f, 0.3f, false);
  // A lossless white conductor (F ~ 1, compensated) and a clear rough dielectric.
  std::vector<FabricBaseBsdf> bases = {
      ConductorBsdf{SampledSpectrum(1.0f), SampledSpectrum(1000.0f), 0.3f, &ce},
      ConductorBsdf{SampledSpectrum(1.0f), SampledSpectrum(1000.0f), 0.0f, nullptr},
      DielectricBsdf{1.5f, 0.3f, &de_out, &de_in}};
  for (size_t k = 0; k < bases.size(); ++k) {
    Bsdf b = fabric_over(bases[k], SampledSpectrum(1.0f), &t);
    for (float mu : {0.95f, 0.5f, 0.1f, -0.6f}) {
      glm::vec3 wo = test::direction(mu, 0.3f);
      double a = test::albedo_by_sampling(b, wo, TransportMode::Importance, 100000, 17);
      EXPECT_LT(a, 1.0 + 1e-2) << "base " << k << " mu " << mu;
      // Lossless base: little loss. Light leaving a dielectric from inside loses what the
      // sheen would send back in (A_s(wi) of the transmitted part; see fabric_bsdf.h).
      EXPECT_GT(a, mu > 0.0f ? 0.97 : 0.9) << "base " << k << " mu " << mu;
    }
  }
}

struct Chi2Case {
  std::string name;
  int base;  // 0 diffuse, 1 rough conductor, 2 rough dielectric
  float r, cos_o;
};

std::vector<Chi2Case> chi2_cases() {
  std::vector<Chi2Case> c;
  for (float r : {0.05f, 0.3f, 1.0f})
    for (float mu : {0.9f, 0.3f, 0.05f})
      c.push_back({"diffuse_r" + std::to_string(int(r * 100)) + "_mu" +
                       std::to_string(int(mu * 100)),
                   0, r, mu});
  c.push_back({"diffuse_below", 0, 0.3f, -0.5f});
  c.push_back({"conductor_mu60", 1, 0.3f, 0.6f});
  c.push_back({"conductor_below", 1, 0.3f, -0.2f});
  c.push_back({"dielectric_out", 2, 0.3f, 0.7f});
  c.push_back({"dielectric_in", 2, 0.3f, -0.7f});
  return c;
}

class SheenChi2 : public ::testing::TestWithParam<int> {};

TEST_P(SheenChi2, SamplingMatchesPdf) {
  const Chi2Case c = chi2_cases()[GetParam()];
  SheenTables t = build_sheen_tables(c.r);
  EnergyTable ce = build_conductor_energy_table(0.3f);
  EnergyTable de_out = build_dielectric_energy_table(1.5f, 0.3f, true);
  EnergyTable de_in = build_dielectric_energy_table(1.5f, 0.3f, false);
  FabricBaseBsdf base = DiffuseBsdf{spectrum(0.2f, 0.5f, 0.8f, 1.0f)};
  SampledSpectrum eta = spectrum(0.2f, 0.5f, 1.1f, 1.4f), k = spectrum(3.5f, 2.5f, 1.9f, 1.8f);
  if (c.base == 1) base = ConductorBsdf{eta, k, 0.3f, &ce};
  if (c.base == 2) base = DielectricBsdf{1.5f, 0.3f, &de_out, &de_in};
  Bsdf b = fabric_over(base, spectrum(0.9f, 0.6f, 0.3f, 1.0f), &t);
  test::Chi2Options opt;
  opt.test_count = static_cast<int>(chi2_cases().size());
  opt.seed = 4321 + GetParam();
  test::Chi2Result res = test::chi2_test(b, test::direction(c.cos_o, 0.7f), opt);
  EXPECT_TRUE(res.passed) << c.name << ": " << res.message;
}

INSTANTIATE_TEST_SUITE_P(Fabric, SheenChi2,
                         ::testing::Range(0, static_cast<int>(chi2_cases().size())),
                         [](const ::testing::TestParamInfo<int>& p) {
                           return chi2_cases()[p.param].name;
                         });

}  // namespace
}  // namespace limner
