// Kubelka-Munk closed forms against their defining properties and textbook limits.
#include <gtest/gtest.h>

#include <cmath>

#include "materials/paint/km.h"

namespace limner {
namespace {

TEST(KubelkaMunk, ThickLayerReachesRInfinity) {
  for (double ks : {0.01, 0.1, 1.0, 10.0}) {
    double s = 50.0, k = ks * s;
    double r_inf = km_r_infinity(k, s);
    EXPECT_NEAR(r_inf, 1.0 + ks - std::sqrt(ks * ks + 2.0 * ks), 1e-12);
    KmLayer thick = km_layer(k, s, 10.0);
    EXPECT_NEAR(thick.r, r_inf, 1e-9);
    EXPECT_NEAR(thick.t, 0.0, 1e-9);
    // An opaque layer hides its substrate: black and white backgrounds look the same.
    EXPECT_NEAR(km_over_substrate(thick, 1.0), r_inf, 1e-9);
  }
}

TEST(KubelkaMunk, KOverSInvertsRInfinity) {
  for (double r : {0.02, 0.2, 0.5, 0.9})
    EXPECT_NEAR(km_r_infinity(km_k_over_s(r), 1.0), r, 1e-12);
}

TEST(KubelkaMunk, NonAbsorbingLayerConservesFlux) {
  KmLayer l = km_layer(0.0, 20.0, 0.05);
  EXPECT_NEAR(l.r, 1.0 / (1.0 + 1.0 / (20.0 * 0.05)), 1e-12);  // Sd / (1 + Sd)
  EXPECT_NEAR(l.r + l.t, 1.0, 1e-12);
  EXPECT_NEAR(km_over_substrate(l, 1.0), 1.0, 1e-12);  // over a white mirror: all comes back
}

TEST(KubelkaMunk, ClearLayerAttenuatesExponentially) {
  KmLayer l = km_layer(3.0, 0.0, 0.2);
  EXPECT_EQ(l.r, 0.0);
  EXPECT_NEAR(l.t, std::exp(-0.6), 1e-12);
}

// Splitting a layer in two and stacking the halves must give the same layer (the KM solution
// is exact for homogeneous layers), which checks R, T and the adding formula together.
TEST(KubelkaMunk, HalvesStackIntoTheWhole) {
  for (double k : {0.0, 2.0, 30.0}) {
    KmLayer whole = km_layer(k, 40.0, 0.03);
    KmLayer half = km_layer(k, 40.0, 0.015);
    KmLayer both = km_stack(half, half);
    EXPECT_NEAR(both.r, whole.r, 1e-12) << k;
    EXPECT_NEAR(both.t, whole.t, 1e-12) << k;
  }
}

// Glaze over white versus over black: a thin red glaze over white is light, over black dark.
TEST(KubelkaMunk, LayerOverWhiteAndBlack) {
  KmLayer l = km_layer(5.0, 2.0, 0.02);
  double over_black = km_over_substrate(l, 0.0);
  double over_white = km_over_substrate(l, 0.9);
  EXPECT_NEAR(over_black, l.r, 1e-15);
  EXPECT_GT(over_white, over_black + 0.5);
}

TEST(Saunderson, InverseAndLimits) {
  double k1 = 0.04, k2 = 0.6;
  for (double r : {0.0, 0.1, 0.5, 0.95}) EXPECT_NEAR(saunderson_inverse(saunderson(r, k1, k2), k1, k2), r, 1e-12);
  EXPECT_NEAR(saunderson(0.0, k1, k2), k1, 1e-15);   // black body: only the surface reflection
  EXPECT_NEAR(saunderson(1.0, k1, k2), 1.0, 1e-12);  // white body: everything returns
}

// Published values: the diffuse Fresnel reflectances of a smooth n = 1.5 surface are about
// 0.092 from outside and 0.596 from inside (e.g. Judd 1942; Egan & Hilgeman).
TEST(Saunderson, DiffuseFresnelOfBinder) {
  EXPECT_NEAR(external_diffuse_reflectance(1.5), 0.0918, 0.001);
  EXPECT_NEAR(internal_diffuse_reflectance(1.5), 0.596, 0.002);
  // Energy balance across the interface: 1 - r_int = (1 - r_ext) / n^2.
  EXPECT_NEAR(1.0 - internal_diffuse_reflectance(1.5),
              (1.0 - external_diffuse_reflectance(1.5)) / 2.25, 1e-4);
}

}  // namespace
}  // namespace limner
