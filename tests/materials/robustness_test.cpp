// Degenerate inputs (grazing, the poles, exact mirror and pass-through pairs) must give finite,
// non-negative values and never a sample with a non-positive pdf.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "materials/bsdf/energy_table.h"
#include "tests/materials/bsdf_test_util.h"

namespace limner {
namespace {

std::vector<glm::vec3> awkward_directions() {
  std::vector<glm::vec3> ws = {{0, 0, 1}, {0, 0, -1}, {1, 0, 0}, {0, -1, 0},
                               glm::normalize(glm::vec3(1, 1, 1e-7f)),
                               glm::normalize(glm::vec3(-1, 0.3f, -1e-6f))};
  test::Rng rng(41);
  for (int i = 0; i < 60; ++i)
    ws.push_back(test::direction(2.0f * rng.uniform() - 1.0f, 6.2831853f * rng.uniform()));
  return ws;
}

void check(const Bsdf& b, const char* what) {
  std::vector<glm::vec3> ws = awkward_directions();
  const float us[] = {0.0f, 0.5f, 0.99999994f};
  for (const glm::vec3& wo : ws) {
    std::vector<glm::vec3> wis = ws;
    wis.push_back({-wo.x, -wo.y, wo.z});  // mirror
    wis.push_back(-wo);                   // straight through
    for (const glm::vec3& wi : wis) {
      for (TransportMode mode : {TransportMode::Radiance, TransportMode::Importance}) {
        SampledSpectrum f = bsdf_eval(b, wo, wi, mode);
        float pdf = bsdf_pdf(b, wo, wi, mode);
        ASSERT_TRUE(f.is_finite() && std::isfinite(pdf)) << what;
        for (int i = 0; i < kLambdas; ++i) ASSERT_GE(f[i], 0.0f) << what;
        ASSERT_GE(pdf, 0.0f) << what;
      }
    }
    for (float uc : us)
      for (float u0 : us)
        for (float u1 : us) {
          auto s = bsdf_sample(b, wo, uc, {u0, u1});
          if (!s) continue;
          ASSERT_GT(s->pdf, 0.0f) << what;
          ASSERT_TRUE(s->f.is_finite()) << what;
          ASSERT_NEAR(glm::length(s->wi), 1.0f, 1e-4f) << what;
        }
  }
}

TEST(Robustness, AllBsdfsStayFiniteOnDegenerateInput) {
  SampledSpectrum eta(0.2f), k(3.0f);
  EnergyTable c = build_conductor_energy_table(0.4f);
  EnergyTable out = build_dielectric_energy_table(1.5f, 0.4f, true);
  EnergyTable in = build_dielectric_energy_table(1.5f, 0.4f, false);
  check(DiffuseBsdf{SampledSpectrum(0.5f)}, "diffuse");
  check(ConductorBsdf{eta, k, 0.0f, nullptr}, "smooth conductor");
  check(ConductorBsdf{eta, k, 0.4f, &c}, "rough conductor");
  check(ConductorBsdf{eta, k, 1e-3f, nullptr}, "barely rough conductor");
  check(DielectricBsdf{1.5f, 0.0f, nullptr, nullptr}, "smooth dielectric");
  check(DielectricBsdf{1.5f, 0.4f, &out, &in}, "rough dielectric");
  check(DielectricBsdf{1.0f / 1.5f, 0.4f, &in, &out}, "rough dielectric, dense outside");
  check(DielectricBsdf{1.5f, 1e-3f, nullptr, nullptr}, "barely rough dielectric");
}

}  // namespace
}  // namespace limner
