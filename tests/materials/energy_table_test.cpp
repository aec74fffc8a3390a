// Energy tables: interpolation, the quadrature that fills them (against an independent
// integration of bsdf_eval). Build time is a benchmark figure, not a test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "materials/bsdf/energy_table.h"
#include "tests/materials/bsdf_test_util.h"

namespace limner {
namespace {

float node(int i) { return (i + 0.5f) / kEnergyTableSize; }

TEST(EnergyTable, LookupInterpolatesLinearlyAndClamps) {
  EnergyTable t;
  for (int i = 0; i < kEnergyTableSize; ++i) t.e[i] = 0.2f + 0.5f * node(i);
  for (float mu : {node(0), 0.1f, 0.3337f, 0.5f, 0.77f, node(kEnergyTableSize - 1)}) {
    EXPECT_NEAR(t.lookup(mu), 0.2f + 0.5f * mu, 1e-6f);
    EXPECT_NEAR(t.lookup(-mu), 0.2f + 0.5f * mu, 1e-6f);  // either side of the surface
  }
  EXPECT_FLOAT_EQ(t.lookup(0.0f), t.e[0]);
  EXPECT_FLOAT_EQ(t.lookup(1.0f), t.e[kEnergyTableSize - 1]);
  EXPECT_FLOAT_EQ(t.lookup(std::nanf("")), t.e[0]);
}

// 2 int_0^1 E(mu) mu dmu of the interpolated table, by a fine midpoint rule.
double interpolated_average(const EnergyTable& t) {
  const int n = 4096;
  double s = 0.0;
  for (int i = 0; i < n; ++i) {
    double mu = (i + 0.5) / n;
    s += 2.0 * t.lookup(float(mu)) * mu / n;
  }
  return s;
}

TEST(EnergyTable, ConductorTableMatchesIntegratedEval) {
  for (float alpha : {0.2f, 1.0f}) {
    EnergyTable t = build_conductor_energy_table(alpha);
    // F = 1 to 4e-6 (n = 1, k = 1000), no compensation: the single-scattering albedo.
    ConductorBsdf c{SampledSpectrum(1.0f), SampledSpectrum(1000.0f), alpha, nullptr};
    for (int i : {0, 5, 16, 31}) {
      double e = test::albedo_by_quadrature(c, test::direction(node(i), 0.0f),
                                            TransportMode::Radiance);
      EXPECT_NEAR(t.e[i], e, 3e-3) << "alpha " << alpha << " mu " << node(i);
    }
    EXPECT_NEAR(t.e_avg, interpolated_average(t), 3e-3);
  }
  // Closed form at normal incidence for alpha = 1: D = 1 / pi and G = 2 mu_i / (1 + mu_i),
  // so E(1) = 1 - ln 2. The table's last node is at mu = 0.984; it changes little from there.
  EnergyTable t = build_conductor_energy_table(1.0f);
  EXPECT_NEAR(t.lookup(1.0f), 1.0 - std::log(2.0), 6e-3);
}

TEST(EnergyTable, DielectricTablesMatchIntegratedEval) {
  for (float eta : {1.5f, 1.0f / 1.33f}) {
    for (float alpha : {0.3f, 1.0f}) {
      DielectricBsdf d{eta, alpha, nullptr, nullptr};
      for (bool outside : {true, false}) {
        EnergyTable t = build_dielectric_energy_table(eta, alpha, outside);
        for (int i : {1, 9, 20, 30}) {
          glm::vec3 wo = test::direction(outside ? node(i) : -node(i), 0.0f);
          double e = test::albedo_by_quadrature(d, wo, TransportMode::Importance);
          EXPECT_NEAR(t.e[i], e, 3e-3) << "eta " << eta << " alpha " << alpha << " outside "
                                       << outside << " mu " << node(i);
        }
        EXPECT_NEAR(t.e_avg, interpolated_average(t), 3e-3);
      }
    }
  }
}

TEST(EnergyTable, NearlySmoothSurfacesLoseNothing) {
  EnergyTable t = build_conductor_energy_table(0.002f);
  for (int i = 4; i < kEnergyTableSize; ++i) EXPECT_NEAR(t.e[i], 1.0f, 2e-3f);
  EnergyTable d = build_dielectric_energy_table(1.5f, 0.002f, true);
  for (int i = 4; i < kEnergyTableSize; ++i) EXPECT_NEAR(d.e[i], 1.0f, 2e-3f);
}

}  // namespace
}  // namespace limner
