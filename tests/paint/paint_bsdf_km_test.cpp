// The paint's reflectance under diffuse light against Kubelka-Munk theory (km.h): exactly the
// KM closed forms without a finish, the Saunderson-corrected ones with a finish; both the fast
// path and the reference walk. Also: a thin glaze lets its ground show through.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "materials/paint/km.h"
#include "tests/paint/paint_bsdf_test_util.h"

namespace limner {
namespace {

using test::diffuse_reflectance;
using test::km_layer_of;

constexpr int kSamples = 200000;  // standard error ~1e-3 on a reflectance
constexpr double kTolerance = 0.01;

struct Slab {
  double k, s, um;  // K, S per mm; thickness in um
};

double km_reference(const Slab& l, double rg) {
  return km_over_substrate(km_layer(l.k, l.s, l.um * 1e-3), rg);
}

Material paint_of(const Slab& l, float rg, const PaintFinish& finish) {
  return make_paint(
      {km_layer_of(static_cast<float>(l.k), static_cast<float>(l.s), static_cast<float>(l.um))},
      make_diffuse(Spectrum::constant(rg)), finish);
}

// Worst deviations seen by a test, printed at its end (for the record).
struct Worst {
  double fast = 0.0, walk = 0.0;
  ~Worst() { std::printf("largest deviation: fast path %.4f, reference walk %.4f\n", fast, walk); }
};

// Fast path and walk under diffuse light.
void expect_diffuse_reflectance(const Material& m, double expected, const char* what,
                                Worst* worst) {
  PaintBsdf fast = test::paint_bsdf_of(m), walk = test::paint_bsdf_of(m, true);
  double r_fast = diffuse_reflectance(fast, kSamples, 11);
  double r_walk = diffuse_reflectance(walk, kSamples / 2, 12);
  EXPECT_NEAR(r_fast, expected, kTolerance) << what << " (fast path)";
  EXPECT_NEAR(r_walk, expected, kTolerance) << what << " (reference walk)";
  worst->fast = std::max(worst->fast, std::fabs(r_fast - expected));
  worst->walk = std::max(worst->walk, std::fabs(r_walk - expected));
}

TEST(PaintKubelkaMunk, OpaqueLayerWithoutFinishIsRInfinity) {
  Worst worst;
  for (Slab l : {Slab{1, 50, 2000}, Slab{10, 50, 1000}, Slab{50, 50, 1000}, Slab{200, 20, 1000},
                 Slab{3000, 30, 500}}) {
    double expected = km_r_infinity(l.k, l.s);
    for (float rg : {0.0f, 0.9f})  // opaque: the ground does not matter
      expect_diffuse_reflectance(paint_of(l, rg, test::no_finish()), expected, "opaque", &worst);
  }
}

TEST(PaintKubelkaMunk, ThinLayerWithoutFinishIsKmOverSubstrate) {
  Worst worst;
  for (Slab l : {Slab{20, 60, 10}, Slab{5, 200, 5}, Slab{150, 10, 8}, Slab{0, 100, 20},
                 Slab{1000, 0.5, 3}, Slab{0.1, 0.1, 50}}) {
    for (float rg : {0.0f, 0.9f}) {
      double expected = km_reference(l, rg);
      expect_diffuse_reflectance(paint_of(l, rg, test::no_finish()), expected, "thin", &worst);
    }
  }
}

TEST(PaintKubelkaMunk, LayersStackBottomToTop) {
  // A white layer under a black one is not a black layer under a white one.
  PaintLayer white = km_layer_of(1, 300, 15), black = km_layer_of(400, 20, 3);
  Material ground = make_diffuse(Spectrum::constant(0.0f));
  double r_wb =
      km_over_substrate(km_layer(400, 20, 0.003), km_over_substrate(km_layer(1, 300, 0.015), 0));
  double r_bw =
      km_over_substrate(km_layer(1, 300, 0.015), km_over_substrate(km_layer(400, 20, 0.003), 0));
  ASSERT_GT(std::fabs(r_wb - r_bw), 0.1);
  Worst worst;
  expect_diffuse_reflectance(make_paint({white, black}, ground, test::no_finish()), r_wb, "w,b",
                             &worst);
  expect_diffuse_reflectance(make_paint({black, white}, ground, test::no_finish()), r_bw, "b,w",
                             &worst);
}

// Diffuse-light reflectance of the bare finish, measured on make_dielectric's own BSDF
// (independent of the paint code): the light it reflects.
double finish_k1(float alpha) {
  Material finish = make_dielectric(1.5f, alpha);  // owns the tables the Bsdf points to
  Bsdf glass = material_bsdf(finish, test::test_wavelengths());
  return diffuse_reflectance(glass, 400000, 5, [](const BsdfSample& s) { return s.wi.z > 0; });
}

TEST(PaintKubelkaMunk, WithAFinishReflectanceIsSaunderson) {
  const double n = 1.5;
  Worst worst;
  for (float alpha : {0.0f, 0.25f, 0.6f}) {
    double k1 = alpha == 0.0f ? external_diffuse_reflectance(n) : finish_k1(alpha);
    double k2 = alpha == 0.0f ? internal_diffuse_reflectance(n) : 1.0 - (1.0 - k1) / (n * n);
    std::printf("finish alpha %.2f: k1 %.4f k2 %.4f (smooth: %.4f %.4f)\n", alpha, k1, k2,
                external_diffuse_reflectance(n), internal_diffuse_reflectance(n));
    for (Slab l : {Slab{20, 100, 1000}, Slab{30, 60, 15}, Slab{150, 4, 10}}) {
      for (float rg : {0.0f, 0.9f}) {
        double expected = saunderson(km_reference(l, rg), k1, k2);
        expect_diffuse_reflectance(paint_of(l, rg, test::rough_finish(alpha)), expected,
                                   alpha == 0.0f ? "smooth finish" : "rough finish", &worst);
      }
    }
  }
}

// A thin red glaze: absorbs blue and green strongly, scatters little.
PaintLayer red_glaze() {
  PaintLayer l;
  l.paint.k_per_mm = Spectrum::piecewise({380, 560, 600, 780}, {120, 120, 3, 3});
  l.paint.s_per_mm = Spectrum::constant(3.0f);
  l.thickness_um = 12.0f;
  return l;
}

TEST(PaintKubelkaMunk, ThinRedGlazeIsPinkOverWhiteAndDarkOverBlack) {
  auto reflectance = [](float ground) {  // at 450, 530, 610, 690 nm
    Material m = make_paint({red_glaze()}, make_diffuse(Spectrum::constant(ground)),
                            paint_finish_preset("satin"));
    return test::diffuse_reflectance_spectrum(test::paint_bsdf_of(m), 100000, 3);
  };
  SampledSpectrum white = reflectance(0.9f), black = reflectance(0.0f);
  std::printf("glaze over white: %.3f %.3f %.3f %.3f\n", white[0], white[1], white[2], white[3]);
  std::printf("glaze over black: %.3f %.3f %.3f %.3f\n", black[0], black[1], black[2], black[3]);
  // Over white: light and red (pink): red well reflected, blue and green much less.
  EXPECT_GT(white[2], 0.5f);
  EXPECT_GT(white[3], 0.5f);
  EXPECT_LT(white[1], white[2] - 0.3f);
  EXPECT_LT(white[0], white[2] - 0.3f);
  // Over black: dark at every wavelength (only the varnish's reflection and a little
  // scattering come back).
  for (int i = 0; i < kLambdas; ++i) {
    EXPECT_LT(black[i], 0.12f) << i;
    EXPECT_GT(white[i], black[i]) << i;
  }
  // Redder over white: the red-green contrast needs the white ground showing through.
  EXPECT_GT(white[2] - white[1], black[2] - black[1] + 0.3f);
}

}  // namespace
}  // namespace limner
