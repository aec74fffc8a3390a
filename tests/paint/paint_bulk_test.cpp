// Paint over a translucent bulk (materials/paint/paint_bulk.h): the transmission into the bulk
// against Kubelka-Munk adding computed independently, energy from both sides, the reciprocity
// of refraction, and chi-square of sampling from above and below in both transport modes.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "materials/bsdf/fresnel.h"
#include "materials/medium/medium.h"
#include "materials/paint/km.h"
#include "tests/paint/paint_bsdf_test_util.h"

namespace limner {
namespace {

Material bulk(float ior, float roughness = 0.05f) {
  HomogeneousMedium m;
  m.sigma_a = Spectrum::constant(0.01f);
  m.sigma_s = Spectrum::constant(1.0f);
  return make_subsurface_material(m, ior, roughness);
}

// Flux (Importance mode) leaving wo into the hemisphere below (below = true) or above.
double flux_into(const PaintBsdf& b, const glm::vec3& wo, bool below) {
  Bsdf bsdf(b);
  return test::integrate_sphere(
      [&](const glm::vec3& wi) {
        if ((wi.z < 0.0f) != below) return 0.0;
        return double(bsdf_eval(bsdf, wo, wi, TransportMode::Importance).average() *
                      std::fabs(wi.z));
      },
      24, 48, 1e-6);
}

// One bare KM layer (no finish) on a bulk of index n_b: what enters the bulk is
// t (1 - rho) / (1 - r rho) with (r, t) = km_layer and rho the boundary's diffuse reflectance
// from air, external_diffuse_reflectance(n_b) (km.h, double precision), plus the angular
// correction for the unscattered part A = exp(-(K + S) d) meeting the boundary at mu:
// -A (F - rho) where F(mu) > rho (paint_bulk.h, ANGLE).
TEST(PaintBulk, TransmissionMatchesKubelkaMunkAdding) {
  for (float nb : {1.41f, 1.56f}) {
    for (auto [k, s, d_um] : {std::tuple{2.0f, 30.0f, 20.0f}, std::tuple{20.0f, 5.0f, 10.0f}}) {
      Material m = make_paint({test::km_layer_of(k, s, d_um)}, bulk(nb), test::no_finish());
      PaintBsdf b = test::paint_bsdf_of(m);
      KmLayer layer = km_layer(k, s, d_um * 1e-3);
      double rho = external_diffuse_reflectance(nb);
      double expected = layer.t * (1.0 - rho) / (1.0 - layer.r * rho);
      double a = std::exp(-(k + s) * d_um * 1e-3);
      for (float mu : {0.9f, 0.4f, 0.1f}) {
        glm::vec3 wo = test::direction(mu, 0.3f);
        double f = fresnel_dielectric(mu, nb);
        double at_mu = expected - a * std::max(0.0, f - rho);
        EXPECT_NEAR(flux_into(b, wo, true), at_mu, 2e-3 * at_mu + 1e-4)
            << "nb " << nb << " K " << k << " mu " << mu;
      }
    }
  }
}

// Non-absorbing layers: from below, everything comes back down or leaves upwards (closed form,
// exact); from above, reflection + transmission stays within the paint's own energy budget.
TEST(PaintBulk, EnergyFromBothSides) {
  for (bool finish : {false, true}) {
    for (float k : {0.0f, 5.0f}) {
      Material m =
          make_paint({test::km_layer_of(k, 20.0f, 15.0f), test::km_layer_of(k, 8.0f, 10.0f)},
                     bulk(1.41f), finish ? test::rough_finish(0.3f) : test::no_finish());
      PaintBsdf b = test::paint_bsdf_of(m);
      for (float mu : {0.9f, 0.5f, 0.2f}) {
        glm::vec3 below = test::direction(-mu, 0.3f), above = test::direction(mu, 0.3f);
        double up = flux_into(b, below, false), back = flux_into(b, below, true);
        double t = flux_into(b, above, true);
        double r =
            test::albedo_by_sampling(Bsdf(b), above, TransportMode::Importance, 200000, 5) - t;
        std::string tag = std::string(finish ? "finish" : "bare") + " K " + std::to_string(k) +
                          " mu " + std::to_string(mu);
        if (k == 0.0f) {
          EXPECT_NEAR(up + back, 1.0, 2e-3) << tag;
          EXPECT_LT(r + t, 1.005) << tag << " r " << r << " t " << t;  // Monte Carlo noise
          EXPECT_GT(r + t, 0.92) << tag << " r " << r << " t " << t;
        } else {
          EXPECT_LT(up + back, 0.99) << tag;
          EXPECT_LT(r + t, 0.99) << tag;
        }
        EXPECT_GT(t, 0.01) << tag;
        EXPECT_GT(up, 0.01) << tag;
      }
    }
  }
}

// Refraction's reciprocity f(wo, wi) / n(wo)^2 = f(wi, wo) / n(wi)^2 (n = 1 above, n_b below;
// Veach 1997, 5.2),
// and Importance mode as the adjoint f*(wo, wi) = f(wi, wo).
TEST(PaintBulk, ReciprocalAcrossTheBoundary) {
  const float nb = 1.41f;
  Material m = make_paint({test::km_layer_of(3.0f, 20.0f, 15.0f)}, bulk(nb),
                          test::rough_finish(0.3f));
  Bsdf b(test::paint_bsdf_of(m));
  test::Rng rng(8);
  for (int k = 0; k < 100; ++k) {
    glm::vec3 above = test::direction(0.05f + 0.95f * rng.uniform(), 6.28f * rng.uniform());
    glm::vec3 below = test::direction(-0.05f - 0.95f * rng.uniform(), 6.28f * rng.uniform());
    glm::vec3 below2 = test::direction(-0.05f - 0.95f * rng.uniform(), 6.28f * rng.uniform());
    SampledSpectrum down = bsdf_eval(b, above, below), up = bsdf_eval(b, below, above);
    SampledSpectrum r1 = bsdf_eval(b, below, below2), r2 = bsdf_eval(b, below2, below);
    SampledSpectrum adj = bsdf_eval(b, above, below, TransportMode::Importance);
    for (int i = 0; i < kLambdas; ++i) {
      EXPECT_GT(down[i], 0.0f);
      EXPECT_NEAR(down[i], up[i] / (nb * nb), 1e-5f * up[i]);
      EXPECT_NEAR(r1[i], r2[i], 1e-6f);
      EXPECT_NEAR(adj[i], up[i], 1e-5f * up[i]);
    }
  }
}

struct Chi2Case {
  std::string name;
  bool finish;
  float cos_o;
  TransportMode mode;
};

std::vector<Chi2Case> chi2_cases() {
  std::vector<Chi2Case> c;
  for (bool finish : {false, true})
    for (float mu : {0.8f, 0.3f, -0.8f, -0.3f})
      for (TransportMode mode : {TransportMode::Radiance, TransportMode::Importance})
        c.push_back({std::string(finish ? "satin" : "bare") + (mu > 0 ? "_above" : "_below") +
                         std::to_string(int(std::fabs(mu) * 100)) +
                         (mode == TransportMode::Radiance ? "_radiance" : "_importance"),
                     finish, mu, mode});
  return c;
}

class PaintBulkChi2 : public ::testing::TestWithParam<int> {};

TEST_P(PaintBulkChi2, SamplingMatchesPdf) {
  const Chi2Case c = chi2_cases()[GetParam()];
  Material m = make_paint({test::km_layer_of(3.0f, 20.0f, 15.0f)}, bulk(1.41f, 0.2f),
                          c.finish ? test::rough_finish(0.25f) : test::no_finish());
  Bsdf b(test::paint_bsdf_of(m));
  test::Chi2Options opt;
  opt.test_count = static_cast<int>(chi2_cases().size());
  opt.seed = 77 + GetParam();
  opt.mode = c.mode;
  test::Chi2Result r = test::chi2_test(b, test::direction(c.cos_o, 0.7f), opt);
  EXPECT_TRUE(r.passed) << c.name << ": " << r.message;
}

INSTANTIATE_TEST_SUITE_P(Bulk, PaintBulkChi2,
                         ::testing::Range(0, static_cast<int>(chi2_cases().size())),
                         [](const ::testing::TestParamInfo<int>& p) {
                           return chi2_cases()[p.param].name;
                         });

}  // namespace
}  // namespace limner
