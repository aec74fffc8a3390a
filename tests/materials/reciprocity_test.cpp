// Helmholtz reciprocity. Reflection: f(wo, wi) = f(wi, wo). Transmission through an
// interface, with n_o, n_i the indices on wo's and wi's sides: the radiance BTDF obeys
// f(wo, wi) / n_o^2 = f(wi, wo) / n_i^2 (Veach 1997, 5.2), and the Importance-mode BTDF is
// the adjoint, f_Importance(wo, wi) = f_Radiance(wi, wo).
#include <gtest/gtest.h>

#include <cmath>

#include "materials/bsdf/energy_table.h"
#include "tests/materials/bsdf_test_util.h"

namespace limner {
namespace {

constexpr TransportMode kRad = TransportMode::Radiance;
constexpr TransportMode kImp = TransportMode::Importance;

glm::vec3 random_direction(test::Rng& rng, bool upper) {
  float mu = 0.02f + 0.98f * rng.uniform();
  return test::direction(upper ? mu : -mu, 6.2831853f * rng.uniform());
}

// Relative 1e-3, or 1e-5 absolute: near total internal reflection or grazing, 1 - F is a
// small difference of floats computed from either side, good to ~1% of values below 1e-3.
void expect_close(const SampledSpectrum& a, const SampledSpectrum& b, const char* what) {
  for (int i = 0; i < kLambdas; ++i)
    EXPECT_NEAR(a[i], b[i], 1e-3f * std::fmax(std::fabs(a[i]), std::fabs(b[i])) + 1e-5f)
        << what;
}

// Same-side pairs on both sides of the surface.
void check_reflection(const Bsdf& b, const char* what) {
  test::Rng rng(17);
  int nonzero = 0;
  for (int i = 0; i < 2000; ++i) {
    bool upper = i % 2 == 0;
    glm::vec3 wo = random_direction(rng, upper), wi = random_direction(rng, upper);
    SampledSpectrum f = bsdf_eval(b, wo, wi, kRad);
    expect_close(f, bsdf_eval(b, wi, wo, kRad), what);
    expect_close(bsdf_eval(b, wo, wi, kImp), bsdf_eval(b, wi, wo, kImp), what);
    if (f.max_value() > 0.0f) ++nonzero;
  }
  EXPECT_GT(nonzero, 1000) << what;  // the check must not pass vacuously
}

TEST(Reciprocity, Diffuse) {
  SampledSpectrum r;
  r.v = {0.1f, 0.3f, 0.6f, 0.9f};
  check_reflection(DiffuseBsdf{r}, "diffuse");
}

TEST(Reciprocity, ConductorWithCompensation) {
  SampledSpectrum eta, k;
  eta.v = {0.2f, 0.5f, 1.2f, 2.9f};
  k.v = {3.0f, 2.4f, 2.2f, 3.1f};
  for (float alpha : {0.05f, 0.3f, 1.0f}) {
    EnergyTable t = build_conductor_energy_table(alpha);
    check_reflection(ConductorBsdf{eta, k, alpha, &t}, "conductor");
  }
}

TEST(Reciprocity, DielectricReflectionAndTransmission) {
  for (float eta : {1.5f, 1.0f / 1.5f}) {
    for (float alpha : {0.1f, 0.6f}) {
      EnergyTable out = build_dielectric_energy_table(eta, alpha, true);
      EnergyTable in = build_dielectric_energy_table(eta, alpha, false);
      for (DielectricBsdf d : {DielectricBsdf{eta, alpha, nullptr, nullptr},
                               DielectricBsdf{eta, alpha, &out, &in}}) {
        check_reflection(d, "dielectric reflection");
        test::Rng rng(23);
        int nonzero = 0;
        for (int i = 0; i < 2000; ++i) {
          bool wo_outside = i % 2 == 0;
          glm::vec3 wo = random_direction(rng, wo_outside), wi = random_direction(rng, !wo_outside);
          float n_o = wo_outside ? 1.0f : eta, n_i = wo_outside ? eta : 1.0f;
          SampledSpectrum f = bsdf_eval(d, wo, wi, kRad);
          expect_close(f / (n_o * n_o), bsdf_eval(d, wi, wo, kRad) / (n_i * n_i),
                       "dielectric transmission, radiance");
          expect_close(bsdf_eval(d, wo, wi, kImp), bsdf_eval(d, wi, wo, kRad),
                       "dielectric transmission, adjoint");
          if (f.max_value() > 0.0f) ++nonzero;
        }
        EXPECT_GT(nonzero, 300);  // many random pairs lie beyond the critical angle
      }
    }
  }
}

}  // namespace
}  // namespace limner
