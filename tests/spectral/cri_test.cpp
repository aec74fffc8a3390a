// CIE 13.3 colour rendering index against the values published for the CIE illuminants.
#include "renderer/spectral/cri.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace limner {
namespace {

struct PublishedRa {
  const char* name;
  double ra;
};

// CIE 015:2004, fluorescent lamp illuminants FL1-FL12 (Ra rounded to integers there).
const PublishedRa kFluorescent[] = {
    {"F1", 76}, {"F2", 64}, {"F3", 57}, {"F4", 51},  {"F5", 72},  {"F6", 59},
    {"F7", 90}, {"F8", 95}, {"F9", 90}, {"F10", 81}, {"F11", 83}, {"F12", 83},
};

TEST(Cri, FluorescentIlluminantsMatchPublishedRa) {
  for (const PublishedRa& p : kFluorescent) {
    const CriResult r = color_rendering_index(Spectrum::named_illuminant(p.name));
    EXPECT_NEAR(r.ra, p.ra, 1.0) << p.name;
    double mean = 0.0;
    for (int i = 0; i < 8; ++i) mean += r.ri[size_t(i)] / 8.0;
    EXPECT_DOUBLE_EQ(r.ra, mean) << p.name;
  }
}

TEST(Cri, SpecialIndicesOfF1MatchAnIndependentImplementation) {
  // colour-science/colour's own test (colour/quality/tests/test_cri.py) for FL1, R1..R14. It
  // integrates differently (interpolated 1 nm data), hence the 0.5 tolerance.
  const double expected[14] = {69.197, 83.651, 92.136, 72.666, 73.891, 79.619, 82.273,
                               53.391, -47.284, 61.568, 67.522, 74.890, 72.772, 94.885};
  const CriResult r = color_rendering_index(Spectrum::named_illuminant("F1"));
  for (int i = 0; i < 14; ++i) EXPECT_NEAR(r.ri[size_t(i)], expected[i], 0.5) << "R" << i + 1;
  EXPECT_NEAR(r.cct_k, 6430.0, 20.0);
}

TEST(Cri, ReferenceLikeLightsRenderPerfectly) {
  const CriResult a = color_rendering_index(Spectrum::named_illuminant("A"));
  EXPECT_GE(a.ra, 99.9);
  EXPECT_NEAR(a.cct_k, 2856.0, 20.0);
  const CriResult d65 = color_rendering_index(Spectrum::named_illuminant("D65"));
  EXPECT_NEAR(d65.ra, 100.0, 0.5);
  EXPECT_NEAR(d65.cct_k, 6504.0, 20.0);
  // A light that is its own reference: every special index is 100 (up to rounding of c2).
  for (const Spectrum& s : {Spectrum::blackbody(2700.0f), Spectrum::daylight(6500.0f)}) {
    const CriResult r = color_rendering_index(s);
    for (int i = 0; i < 14; ++i) EXPECT_NEAR(r.ri[size_t(i)], 100.0, 0.05) << "R" << i + 1;
  }
}

TEST(Cri, ReferenceSwitchesAtFiveThousandKelvin) {
  // Below 5000 K the reference is Planckian, so CIE daylight is penalised there, and above it
  // the reference is daylight, so a blackbody is.
  EXPECT_LT(color_rendering_index(Spectrum::daylight(4500.0f)).ra, 99.5);
  EXPECT_LT(color_rendering_index(Spectrum::blackbody(6500.0f)).ra, 99.5);
  EXPECT_GT(color_rendering_index(Spectrum::blackbody(4500.0f)).ra, 99.95);
}

TEST(Cri, IndependentOfIntensity) {
  const CriResult a = color_rendering_index(Spectrum::named_illuminant("F11"));
  const Spectrum f11 = Spectrum::named_illuminant("F11");
  std::vector<float> lambda, value;
  for (int nm = 380; nm <= 780; nm += 5) {
    lambda.push_back(float(nm));
    value.push_back(40.0f * f11.eval(float(nm)));
  }
  const CriResult b = color_rendering_index(Spectrum::piecewise(lambda, value));
  EXPECT_NEAR(a.ra, b.ra, 1e-4);
  EXPECT_NEAR(a.cct_k, b.cct_k, 1e-3);
}

TEST(Cri, RejectsLightsWithoutAReference) {
  EXPECT_THROW(color_rendering_index(Spectrum::constant(0.0f)), std::invalid_argument);
  EXPECT_THROW(color_rendering_index(Spectrum::blackbody(60000.0f)), std::invalid_argument);
}

}  // namespace
}  // namespace limner
