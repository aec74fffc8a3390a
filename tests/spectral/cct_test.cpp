// CCT and Duv (Ohno 2013) against the CCTs the CIE publishes for its illuminants, blackbodies,
// CIE daylight, and synthetic colours placed at known distances from the locus.
#include "renderer/spectral/cct.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "renderer/spectral/color.h"

namespace limner {
namespace {

CctResult cct_of(const Spectrum& s) { return cct_ohno2013(spectrum_to_xyz(s)); }

// XYZ (Y = 1) of a CIE 1960 (u, v) chromaticity.
glm::dvec3 uv_to_xyz(const glm::dvec2& uv) {
  const double den = 2.0 * uv.x - 8.0 * uv.y + 4.0;
  const double x = 3.0 * uv.x / den, y = 2.0 * uv.y / den;
  return glm::dvec3(x / y, 1.0, (1.0 - x - y) / y);
}

// The point at signed distance duv from the locus at kelvin, along the locus normal that
// points toward larger v.
glm::dvec2 off_locus(double kelvin, double duv) {
  const glm::dvec2 tangent =
      glm::normalize(planckian_uv_1960(kelvin * 1.0001) - planckian_uv_1960(kelvin * 0.9999));
  glm::dvec2 normal(-tangent.y, tangent.x);
  if (normal.y < 0.0) normal = -normal;
  return planckian_uv_1960(kelvin) + duv * normal;
}

struct PublishedCct {
  const char* name;
  double kelvin;
};

// CIE 015:2004: A 2856 K (2848 K with c2 = 1.435e-2, restated for 1.4388e-2); the D series at
// nominal * 1.4388 / 1.4380; FL1-FL12 from the fluorescent illuminant table (Tcp, rounded to
// 10 K there).
const PublishedCct kPublished[] = {
    {"A", 2856},     {"D50", 5003},   {"D55", 5503},  {"D65", 6504},  {"D75", 7504},
    {"F1", 6430},    {"F2", 4230},    {"F3", 3450},   {"F4", 2940},   {"F5", 6350},
    {"F6", 4150},    {"F7", 6500},    {"F8", 5000},   {"F9", 4150},   {"F10", 5000},
    {"F11", 4000},   {"F12", 3000},
};

TEST(Cct, CieIlluminantsMatchPublishedCct) {
  for (const PublishedCct& p : kPublished) {
    const CctResult r = cct_of(Spectrum::named_illuminant(p.name));
    EXPECT_NEAR(r.cct_k, p.kelvin, 20.0) << p.name;
    // All of these are specified close to the locus (CIE 13.3's validity limit is 5.4e-3),
    // except F1 and F5, which sit slightly further toward green.
    EXPECT_LT(std::fabs(r.duv), 0.012) << p.name;
  }
  EXPECT_NEAR(cct_of(Spectrum::named_illuminant("A")).duv, 0.0, 1e-4);
}

TEST(Cct, BlackbodiesLieOnTheLocus) {
  const CctResult r = cct_of(Spectrum::blackbody(3000.0f));
  EXPECT_NEAR(r.cct_k, 3000.0, 1.0);
  EXPECT_NEAR(r.duv, 0.0, 1e-6);
  // Spectrum::blackbody uses CODATA c2 = 1.438777e-2 m K, the locus CIE 015's 1.4388e-2, so the
  // temperatures differ by that ratio (about 16 ppm) across the whole range.
  for (float t : {1200.0f, 1900.0f, 2700.0f, 4000.0f, 5600.0f, 8000.0f, 15000.0f, 40000.0f}) {
    const CctResult b = cct_of(Spectrum::blackbody(t));
    EXPECT_NEAR(b.cct_k / t, 1.4388 / 1.438776877, 2e-6) << t;
    EXPECT_NEAR(b.duv, 0.0, 1e-6) << t;
  }
}

TEST(Cct, DaylightSitsAboveTheLocus) {
  const CctResult r = cct_of(Spectrum::daylight(5000.0f));
  EXPECT_NEAR(r.cct_k, 5000.0, 10.0);
  EXPECT_NEAR(r.duv, 0.003, 5e-4);
  // The daylight locus is parametrised by a CCT fitted in the 1960s (CIE 015), which agrees
  // with the Planckian CCT computed here to within a few parts in 10^4.
  for (float t : {4000.0f, 6500.0f, 10000.0f, 20000.0f}) {
    const CctResult d = cct_of(Spectrum::daylight(t));
    EXPECT_NEAR(d.cct_k, t, 5e-4 * t) << t;
    EXPECT_GT(d.duv, 0.002) << t;
    EXPECT_LT(d.duv, 0.004) << t;
  }
}

TEST(Cct, RecoversSyntheticOffsetsOnBothBranches) {
  // |Duv| < 0.002 takes the triangular solution, larger offsets the parabolic one.
  for (double kelvin : {1500.0, 2856.0, 4000.0, 6504.0, 12000.0, 30000.0}) {
    for (double duv : {-0.03, -0.01, -0.0015, 0.0, 0.0005, 0.0019, 0.0021, 0.005, 0.02}) {
      const CctResult r = cct_ohno2013(uv_to_xyz(off_locus(kelvin, duv)));
      EXPECT_NEAR(r.cct_k, kelvin, 1e-4 * kelvin) << kelvin << " K, Duv " << duv;
      EXPECT_NEAR(r.duv, duv, 1e-5) << kelvin << " K, Duv " << duv;
    }
  }
}

TEST(Cct, IndependentOfLuminance) {
  const glm::dvec3 xyz(spectrum_to_xyz(Spectrum::named_illuminant("F2")));
  const CctResult a = cct_ohno2013(xyz), b = cct_ohno2013(xyz * 250.0);
  EXPECT_NEAR(a.cct_k, b.cct_k, 1e-6 * a.cct_k);
  EXPECT_NEAR(a.duv, b.duv, 1e-9);
}

TEST(Cct, LocusMatchesIlluminantA) {
  // Illuminant A is a Planckian radiator at 2856 K; its CIE 015:2004 chromaticity
  // (x, y) = (0.44757, 0.40745) is (u, v) = (0.25596, 0.34953) in CIE 1960 UCS.
  const glm::dvec2 uv = planckian_uv_1960(2856.0);
  EXPECT_NEAR(uv.x, 0.25596, 5e-5);
  EXPECT_NEAR(uv.y, 0.34953, 5e-5);
  // u = 4X / (X + 15Y + 3Z), v = 6Y / (X + 15Y + 3Z), here for the D65 white.
  const glm::dvec2 d65 = xyz_to_uv_1960(glm::dvec3(0.95047, 1.0, 1.08883));
  EXPECT_NEAR(d65.x, 0.19784, 5e-5);
  EXPECT_NEAR(d65.y, 0.31222, 5e-5);
}

TEST(Cct, ClampsToTheEndsOfTheLocusTable) {
  const CctResult cold = cct_ohno2013(uv_to_xyz(planckian_uv_1960(600.0)));
  EXPECT_EQ(cold.cct_k, 1000.0);
  EXPECT_GT(std::fabs(cold.duv), 0.01);
  const CctResult hot = cct_ohno2013(uv_to_xyz(planckian_uv_1960(1e6)));
  EXPECT_EQ(hot.cct_k, 100000.0);
  EXPECT_LT(std::fabs(hot.duv), 0.01);
}

TEST(Cct, RejectsBlackAndNonFinite) {
  EXPECT_THROW(cct_ohno2013(glm::dvec3(0.0)), std::invalid_argument);
  EXPECT_THROW(cct_ohno2013(glm::dvec3(std::numeric_limits<double>::quiet_NaN(), 1.0, 1.0)),
               std::invalid_argument);
}

}  // namespace
}  // namespace limner
