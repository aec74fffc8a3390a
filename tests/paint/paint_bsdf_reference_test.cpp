// The fast path against the stochastic reference walk (an independent evaluation of the same
// slab model): directional albedos over incidence angles and finish roughnesses, how the
// reflected light spreads over angles, and the walk's two estimators against each other.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include "materials/bsdf/fresnel.h"
#include "materials/bsdf/microfacet.h"
#include "renderer/frame.h"
#include "tests/paint/paint_bsdf_test_util.h"

namespace limner {
namespace {

using test::km_layer_of;

const float kAngles[] = {0.0f, 30.0f, 60.0f, 80.0f};
const float kRoughnesses[] = {0.05f, 0.3f, 0.7f};

struct Stack {
  std::string name;
  std::vector<PaintLayer> layers;
  float ground;  // diffuse substrate
};

std::vector<Stack> paint_stacks() {
  PaintLayer base = km_layer_of(25, 120, 40), wash = km_layer_of(200, 10, 6),
             varnish = km_layer_of(0.5f, 1, 25), glaze = km_layer_of(60, 2, 10);
  return {{"opaque base coat", {km_layer_of(25, 120, 150)}, 0.0f},
          {"glaze over white", {glaze}, 0.9f},
          {"wash over base", {base, wash}, 0.5f},
          {"varnish over base", {base, varnish}, 0.5f}};
}

using test::Estimate;

Estimate walk_albedo(const PaintBsdf& b, const glm::vec3& wo, int n, uint64_t seed) {
  return test::walk_estimate(b, wo, n, seed);
}

// Compares albedos at every angle; `relative`: tolerance as a share of the reference, plus
// 3 standard errors of the walk's estimate. Returns the largest |fast - reference|.
double compare_albedos(const Material& m, double relative, double absolute, int walks,
                       const std::string& what) {
  PaintBsdf b = test::paint_bsdf_of(m);
  double worst = 0.0;
  for (float deg : kAngles) {
    glm::vec3 wo = test::direction(test::cos_of_degrees(deg), 0.4f);
    double fast = test::sampled_albedo(b, wo, 40000, 21);
    Estimate ref = walk_albedo(b, wo, walks, 22);
    double tolerance = std::max(relative * ref.mean, absolute) + 3.0 * ref.error;
    EXPECT_NEAR(fast, ref.mean, tolerance) << what << " at " << deg << " deg";
    worst = std::max(worst, std::fabs(fast - ref.mean));
  }
  return worst;
}

TEST(PaintReference, FastPathMatchesTheWalkForPaintStacks) {
  double worst = 0.0;
  for (const Stack& s : paint_stacks()) {
    for (float alpha : kRoughnesses) {
      Material m = make_paint(s.layers, make_diffuse(Spectrum::constant(s.ground)),
                              test::rough_finish(alpha));
      std::string what = s.name + ", finish alpha " + std::to_string(alpha);
      double w = compare_albedos(m, 0.02, 0.0, 40000, what);
      std::printf("%-20s alpha %.2f: largest |fast - reference| %.4f\n", s.name.c_str(), alpha, w);
      worst = std::max(worst, w);
    }
  }
  std::printf("largest difference over all paint stacks: %.4f\n", worst);
}

TEST(PaintReference, FastPathMatchesTheWalkForMetals) {
  // Approximations of the fast path (see paint_bsdf.h): the bounces under the finish, the
  // finish's widening of the metal's lobe. A looser tolerance, in absolute albedo.
  PaintLayer flakes = km_layer_of(5, 0, 20), tinted = km_layer_of(60, 1, 15);
  flakes.paint.flakes = FlakeDesc{"aluminium", 0.6f, 0.3f};
  tinted.paint.k_per_mm = Spectrum::piecewise({380, 500, 560, 780}, {5, 5, 80, 80});
  tinted.paint.flakes = FlakeDesc{"silver", 0.5f, 0.25f};
  Material black = make_diffuse(Spectrum::constant(0.0f));
  struct Metal {
    std::string name;
    std::vector<PaintLayer> layers;
    Material substrate;
  };
  std::vector<Metal> metals = {
      {"gold under varnish", {km_layer_of(0, 0, 30)}, make_conductor("gold", 0.2f)},
      {"aluminium flakes", {flakes}, black},
      {"silver flakes, tinted", {km_layer_of(20, 100, 30), tinted}, black}};
  double worst = 0.0;
  for (const Metal& s : metals) {
    for (float alpha : kRoughnesses) {
      Material m = make_paint(s.layers, s.substrate, test::rough_finish(alpha));
      double w = compare_albedos(m, 0.0, 0.03, 20000, s.name);
      std::printf("%-22s alpha %.2f: largest |fast - reference| %.4f\n", s.name.c_str(), alpha, w);
      worst = std::max(worst, w);
    }
  }
  std::printf("largest difference over all metallic stacks: %.4f\n", worst);
}

// How the reflected energy spreads over the outgoing cosine: bins of int f |cos| dw.
constexpr int kBins = 8;
std::array<double, kBins> spread(const PaintBsdf& b, const glm::vec3& wo, int n, uint64_t seed) {
  std::array<double, kBins> bins{};
  test::Rng rng(seed);
  for (int i = 0; i < n; ++i) {
    float uc = rng.uniform();
    auto s = bsdf_sample(Bsdf(b), wo, uc, rng.uniform2());
    if (!s || !(s->pdf > 0.0f)) continue;
    int k = std::min(kBins - 1, static_cast<int>(std::fabs(s->wi.z) * kBins));
    bins[k] += s->f.average() * std::fabs(s->wi.z) / s->pdf / n;
  }
  return bins;
}

TEST(PaintReference, ReflectedLightSpreadsAlikeOverAngles) {
  for (float alpha : {0.05f, 0.3f}) {
    Material m = make_paint({km_layer_of(25, 120, 150)}, make_diffuse(Spectrum::constant(0.0f)),
                            test::rough_finish(alpha));
    PaintBsdf fast = test::paint_bsdf_of(m), walk = test::paint_bsdf_of(m, true);
    for (float deg : {20.0f, 70.0f}) {
      glm::vec3 wo = test::direction(test::cos_of_degrees(deg), 0.0f);
      auto a = spread(fast, wo, 100000, 3), r = spread(walk, wo, 100000, 4);
      for (int k = 0; k < kBins; ++k)
        EXPECT_NEAR(a[k], r[k], 0.006) << "alpha " << alpha << ", " << deg << " deg, bin " << k;
    }
  }
}

// The walk's eval (next-event estimation through the finish, MIS) and its sampling are two
// estimators of the same BSDF: the albedo of one matches the other.
TEST(PaintReference, WalkEvalAgreesWithWalkSampling) {
  PaintLayer flakes = km_layer_of(5, 0, 20);
  flakes.paint.flakes = FlakeDesc{"aluminium", 0.6f, 0.3f};
  std::vector<Material> materials = {
      make_paint({km_layer_of(30, 60, 15)}, make_diffuse(Spectrum::constant(0.9f)),
                 test::rough_finish(0.3f)),
      make_paint({km_layer_of(30, 60, 15)}, make_diffuse(Spectrum::constant(0.9f)),
                 test::rough_finish(0.0f)),
      make_paint({flakes}, make_diffuse(Spectrum::constant(0.2f)), test::rough_finish(0.5f)),
      make_paint({km_layer_of(40, 40, 20)}, make_diffuse(Spectrum::constant(0.5f)),
                 test::no_finish())};
  for (size_t i = 0; i < materials.size(); ++i) {
    PaintBsdf b = test::paint_bsdf_of(materials[i], true);
    for (float deg : {10.0f, 65.0f}) {
      glm::vec3 wo = test::direction(test::cos_of_degrees(deg), 0.2f);
      // int f cos dw by cosine-weighted directions: mean of pi f; plus the delta part.
      test::Rng rng(7);
      double by_eval = 0.0;
      const int n = 6000;
      for (int k = 0; k < n; ++k) {
        glm::vec2 u = rng.uniform2();
        float r = std::sqrt(u.x), phi = 6.2831853f * u.y;
        glm::vec3 wi(r * std::cos(phi), r * std::sin(phi), std::sqrt(1.0f - u.x));
        by_eval += kPi * bsdf_eval(Bsdf(b), wo, wi).average() / n;
      }
      if (b.has_finish && is_smooth_alpha(b.finish.alpha))  // the mirror reflection
        by_eval += fresnel_dielectric(wo.z, b.finish.eta);
      double by_sampling = walk_albedo(b, wo, 60000, 9).mean;
      EXPECT_NEAR(by_eval, by_sampling, 0.015) << "material " << i << ", " << deg << " deg";
    }
  }
}

}  // namespace
}  // namespace limner
