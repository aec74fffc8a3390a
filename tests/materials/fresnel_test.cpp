// Fresnel terms and refraction against closed forms.
#include <gtest/gtest.h>

#include <cmath>
#include <complex>

#include "materials/bsdf/fresnel.h"

namespace limner {
namespace {

// Fresnel's equations in double precision, written from Snell's law, for comparison.
double reference_dielectric(double cos_i, double n) {
  double sin_t = std::sqrt(1.0 - cos_i * cos_i) / n;
  if (sin_t >= 1.0) return 1.0;
  double cos_t = std::sqrt(1.0 - sin_t * sin_t);
  double rs = (cos_i - n * cos_t) / (cos_i + n * cos_t);
  double rp = (cos_t - n * cos_i) / (cos_t + n * cos_i);
  return 0.5 * (rs * rs + rp * rp);
}

TEST(Fresnel, DielectricNormalIncidence) {
  for (float n : {1.5f, 1.33f, 2.4f}) {
    double r0 = std::pow((n - 1.0) / (n + 1.0), 2.0);
    EXPECT_NEAR(fresnel_dielectric(1.0f, n), r0, 1e-6);
    EXPECT_NEAR(fresnel_dielectric(-1.0f, n), r0, 1e-6);      // from the inside
    EXPECT_NEAR(fresnel_dielectric(1.0f, 1.0f / n), r0, 1e-6);
  }
  EXPECT_NEAR(fresnel_dielectric(1.0f, 1.5f), 0.04, 1e-6);
}

TEST(Fresnel, DielectricObliqueMatchesFresnelEquations) {
  for (double cos_i : {0.95, 0.7071, 0.3, 0.05}) {
    EXPECT_NEAR(fresnel_dielectric(float(cos_i), 1.5f), reference_dielectric(cos_i, 1.5), 1e-5);
    // Arriving from the z < 0 side of an eta = 1/1.5 interface is again air -> glass.
    EXPECT_NEAR(fresnel_dielectric(float(-cos_i), 1.0f / 1.5f), reference_dielectric(cos_i, 1.5),
                1e-5);
  }
  EXPECT_NEAR(fresnel_dielectric(0.0f, 1.5f), 1.0, 1e-6);  // grazing
}

TEST(Fresnel, TotalInternalReflectionBeyondCriticalAngle) {
  // Glass (1.5) to air from the z < 0 side: critical sin = 1 / 1.5.
  double cos_c = std::sqrt(1.0 - 1.0 / (1.5 * 1.5));
  EXPECT_EQ(fresnel_dielectric(float(-cos_c * 0.98), 1.5f), 1.0f);
  EXPECT_EQ(fresnel_dielectric(-0.2f, 1.5f), 1.0f);
  EXPECT_LT(fresnel_dielectric(float(-cos_c * 1.02), 1.5f), 1.0f);
  EXPECT_NEAR(fresnel_dielectric(float(-cos_c * 1.05), 1.5f),
              reference_dielectric(cos_c * 1.05, 1.0 / 1.5), 1e-4);
  // Same with the dense medium on top (eta < 1), light from above.
  EXPECT_EQ(fresnel_dielectric(0.2f, 1.0f / 1.5f), 1.0f);
}

TEST(Fresnel, ConductorNormalIncidenceClosedForm) {
  struct Nk { float n, k; } cases[] = {{0.18f, 3.0f}, {1.2f, 2.2f}, {2.9f, 3.1f}, {0.05f, 5.0f}};
  for (Nk c : cases) {
    double expected = ((c.n - 1.0) * (c.n - 1.0) + c.k * c.k) /
                      ((c.n + 1.0) * (c.n + 1.0) + c.k * c.k);
    EXPECT_NEAR(fresnel_conductor(1.0f, c.n, c.k), expected, 1e-5);
  }
}

// The Fresnel equations with a complex index, in double precision.
double reference_conductor(double cos_i, double n, double k) {
  using C = std::complex<double>;
  C eta(n, k);
  C cos_t = std::sqrt(1.0 - (1.0 - cos_i * cos_i) / (eta * eta));
  C rs = (cos_i - eta * cos_t) / (cos_i + eta * cos_t);
  C rp = (eta * cos_i - cos_t) / (eta * cos_i + cos_t);
  return 0.5 * (std::norm(rs) + std::norm(rp));
}

TEST(Fresnel, ConductorObliqueMatchesComplexFresnelEquations) {
  struct Nk { float n, k; } cases[] = {{0.05f, 3.5f}, {0.18f, 3.0f}, {1.2f, 2.2f},
                                       {2.9f, 3.1f}, {0.5f, 8.0f}, {1.0f, 1000.0f}};
  for (Nk c : cases)
    for (double cos_i : {0.99, 0.8, 0.5, 0.2, 0.05, 0.01})
      EXPECT_NEAR(fresnel_conductor(float(cos_i), c.n, c.k), reference_conductor(cos_i, c.n, c.k),
                  1e-5)
          << c.n << " + " << c.k << "i at cos " << cos_i;
}

TEST(Fresnel, ConductorReducesToDielectricWithoutAbsorption) {
  for (float cos_i : {0.9f, 0.5f, 0.1f})
    EXPECT_NEAR(fresnel_conductor(cos_i, 1.7f, 0.0f), reference_dielectric(cos_i, 1.7), 1e-5);
  EXPECT_NEAR(fresnel_conductor(0.0f, 0.3f, 3.0f), 1.0, 1e-6);  // grazing
}

// Cosine-weighted hemispherical averages against a fine midpoint rule in mu^2.
TEST(Fresnel, HemisphericalAverages) {
  auto fine = [](auto f) {
    const int n = 20000;
    double s = 0.0;
    for (int i = 0; i < n; ++i) s += f(std::sqrt((i + 0.5) / n));
    return s / n;
  };
  for (float eta : {1.33f, 1.5f, 2.0f})
    EXPECT_NEAR(fresnel_dielectric_average(eta),
                fine([&](double mu) { return reference_dielectric(mu, eta); }), 1e-3);
  struct Nk { float n, k; } metals[] = {{0.2f, 3.0f}, {1.4f, 1.9f}, {2.8f, 3.4f}, {1.0f, 1000.0f}};
  for (Nk m : metals)
    EXPECT_NEAR(fresnel_conductor_average(m.n, m.k),
                fine([&](double mu) { return double(fresnel_conductor(float(mu), m.n, m.k)); }),
                1e-3);
}

TEST(Fresnel, RefractionObeysSnellsLaw) {
  glm::vec3 n(0, 0, 1);
  glm::vec3 wo = glm::normalize(glm::vec3(0.6f, 0.3f, 0.7f));
  glm::vec3 wt;
  float etap = 0.0f;
  ASSERT_TRUE(refract(wo, n, 1.5f, &wt, &etap));
  EXPECT_FLOAT_EQ(etap, 1.5f);
  EXPECT_NEAR(glm::length(wt), 1.0f, 1e-5f);
  EXPECT_LT(wt.z, 0.0f);
  auto sin_of = [](const glm::vec3& w) { return std::sqrt(w.x * w.x + w.y * w.y); };
  EXPECT_NEAR(sin_of(wo), 1.5f * sin_of(wt), 1e-5f);
  EXPECT_NEAR(wt.x * wo.y - wt.y * wo.x, 0.0f, 1e-6f);   // stays in the plane of incidence
  EXPECT_LT(wt.x * wo.x + wt.y * wo.y, 0.0f);            // on the far side of the normal
  // Back through the interface from below returns the original direction.
  glm::vec3 back;
  ASSERT_TRUE(refract(wt, n, 1.5f, &back, &etap));
  EXPECT_FLOAT_EQ(etap, 1.0f / 1.5f);
  EXPECT_NEAR(glm::length(back - wo), 0.0f, 1e-5f);
  // Total internal reflection from inside at a shallow angle.
  EXPECT_FALSE(refract(glm::normalize(glm::vec3(0.9f, 0.0f, -0.3f)), n, 1.5f, &wt, &etap));
}

}  // namespace
}  // namespace limner
