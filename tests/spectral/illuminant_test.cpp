// Named CIE illuminants, CIE daylight, blackbodies and piecewise spectra.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "renderer/spectral/color.h"
#include "renderer/spectral/spectrum.h"

namespace limner {
namespace {

struct PublishedXy {
  const char* name;
  double x, y;
};

// CIE 1931 2-degree chromaticities of the CIE illuminants. A, C and the D series: CIE 015:2004
// Table T.3 (five decimals). FL*, HP* and LED-*: the CIE 015:2018 illuminant tables (four
// decimals), as transcribed in colour-science/colour
// colour/colorimetry/datasets/illuminants/chromaticity_coordinates.py.
const PublishedXy kPublished[] = {
    {"A", 0.44757, 0.40745},    {"C", 0.31006, 0.31616},     {"D50", 0.34567, 0.35851},
    {"D55", 0.33242, 0.34743},  {"D65", 0.31272, 0.32903},   {"D75", 0.29902, 0.31485},
    {"FL1", 0.3131, 0.3371},    {"FL2", 0.3721, 0.3751},     {"FL3", 0.4091, 0.3941},
    {"FL4", 0.4402, 0.4031},    {"FL5", 0.3138, 0.3452},     {"FL6", 0.3779, 0.3882},
    {"FL7", 0.3129, 0.3292},    {"FL8", 0.3458, 0.3586},     {"FL9", 0.3741, 0.3727},
    {"FL10", 0.3458, 0.3588},   {"FL11", 0.3805, 0.3769},    {"FL12", 0.4370, 0.4042},
    {"FL3.1", 0.4407, 0.4033},  {"FL3.2", 0.3808, 0.3734},   {"FL3.3", 0.3153, 0.3439},
    {"FL3.4", 0.4429, 0.4043},  {"FL3.5", 0.3749, 0.3672},   {"FL3.6", 0.3488, 0.3600},
    {"FL3.7", 0.4384, 0.4045},  {"FL3.8", 0.3820, 0.3832},   {"FL3.9", 0.3499, 0.3591},
    {"FL3.10", 0.3455, 0.3560}, {"FL3.11", 0.3245, 0.3434},  {"FL3.12", 0.4377, 0.4037},
    {"FL3.13", 0.3830, 0.3724}, {"FL3.14", 0.3447, 0.3609},  {"FL3.15", 0.3127, 0.3288},
    {"HP1", 0.5330, 0.4150},    {"HP2", 0.4778, 0.4158},     {"HP3", 0.4302, 0.4075},
    {"HP4", 0.3812, 0.3797},    {"HP5", 0.3776, 0.3713},     {"LED-B1", 0.4560, 0.4078},
    {"LED-B2", 0.4357, 0.4012}, {"LED-B3", 0.3756, 0.3723},  {"LED-B4", 0.3422, 0.3502},
    {"LED-B5", 0.3118, 0.3236}, {"LED-BH1", 0.4474, 0.4066}, {"LED-RGB1", 0.4557, 0.4211},
    {"LED-V1", 0.4548, 0.4044}, {"LED-V2", 0.3781, 0.3775},
};

glm::vec2 xy_of(const Spectrum& s) { return xyz_to_xy(spectrum_to_xyz(s)); }

TEST(Illuminants, ChromaticitiesMatchCiePublishedValues) {
  for (const PublishedXy& p : kPublished) {
    SCOPED_TRACE(p.name);
    const glm::vec2 xy = xy_of(Spectrum::named_illuminant(p.name));
    EXPECT_NEAR(xy.x, p.x, 5e-4);
    EXPECT_NEAR(xy.y, p.y, 5e-4);
  }
}

TEST(Illuminants, TabulatedValuesAtReferencePoints) {
  // CIE 015 normalises A and the D series to 100 at 560 nm; D65 is 0.0341 at 300 nm.
  EXPECT_FLOAT_EQ(Spectrum::named_illuminant("A").eval(560.0f), 100.0f);
  EXPECT_FLOAT_EQ(Spectrum::named_illuminant("D65").eval(560.0f), 100.0f);
  EXPECT_FLOAT_EQ(Spectrum::named_illuminant("D65").eval(300.0f), 0.0341f);
  // Linear interpolation between the 5 nm samples (CIE D65: 117.812 at 460 nm, 116.336 at 465 nm).
  EXPECT_NEAR(Spectrum::named_illuminant("D65").eval(462.5f), 0.5f * (117.812f + 116.336f), 1e-3);
  // The A and D tables reach 830 nm; the 380-780 nm tables are zero beyond their range.
  EXPECT_GT(Spectrum::named_illuminant("D65").eval(820.0f), 0.0f);
  EXPECT_EQ(Spectrum::named_illuminant("LED-B1").eval(800.0f), 0.0f);
  EXPECT_EQ(Spectrum::named_illuminant("FL2").eval(370.0f), 0.0f);
}

TEST(Illuminants, OldFluorescentNamesAreAliases) {
  for (int i = 1; i <= 12; ++i) {
    const Spectrum f = Spectrum::named_illuminant("F" + std::to_string(i));
    const Spectrum fl = Spectrum::named_illuminant("FL" + std::to_string(i));
    for (float l = 380.0f; l <= 780.0f; l += 7.3f) EXPECT_EQ(f.eval(l), fl.eval(l));
  }
}

TEST(Illuminants, NamesListIsCompleteAndConstructible) {
  const auto names = Spectrum::illuminant_names();
  for (const char* required :
       {"D50",    "D55",     "D60",      "D65",    "D75",    "A",    "C",   "F1",
        "F12",    "FL1",     "FL12",     "FL3.1",  "FL3.15", "HP1",  "HP5", "LED-B1",
        "LED-B5", "LED-BH1", "LED-RGB1", "LED-V1", "LED-V2", "ID50", "ID65"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), required), names.end()) << required;
  }
  for (const std::string& n : names) {
    EXPECT_TRUE(Spectrum::is_named_illuminant(n)) << n;
    EXPECT_GT(Spectrum::named_illuminant(n).max_value(), 0.0f) << n;
  }
}

TEST(Illuminants, UnknownNameThrowsAndListsValidNames) {
  EXPECT_FALSE(Spectrum::is_named_illuminant("d65"));  // names are case-sensitive
  EXPECT_FALSE(Spectrum::is_named_illuminant("F13"));
  EXPECT_FALSE(Spectrum::is_named_illuminant(""));
  try {
    Spectrum::named_illuminant("D66");
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("D66"), std::string::npos);
    EXPECT_NE(msg.find("D65"), std::string::npos);
    EXPECT_NE(msg.find("LED-B3"), std::string::npos);
  }
}

// Largest relative difference between two spectra over 400-700 nm.
double max_relative_difference(const Spectrum& a, const Spectrum& b) {
  double worst = 0.0;
  for (float l = 400.0f; l <= 700.0f; l += 1.0f)
    worst = std::fmax(worst, std::fabs(a.eval(l) - b.eval(l)) / b.eval(l));
  return worst;
}

TEST(Daylight, MatchesTabulatedD65AndD50) {
  // The CIE tables use CCT = nominal * 1.4388 / 1.4380 (6504 K and 5003 K).
  const Spectrum d65 = Spectrum::named_illuminant("D65");
  const Spectrum d50 = Spectrum::named_illuminant("D50");
  EXPECT_LT(max_relative_difference(Spectrum::daylight(6504.0f), d65), 2e-3);
  EXPECT_LT(max_relative_difference(Spectrum::daylight(5003.0f), d50), 2e-3);
  const glm::vec2 xy65 = xy_of(Spectrum::daylight(6504.0f));
  const glm::vec2 xy50 = xy_of(Spectrum::daylight(5003.0f));
  EXPECT_NEAR(xy65.x, 0.31272, 1e-3);  // CIE 015:2004 Table T.3
  EXPECT_NEAR(xy65.y, 0.32903, 1e-3);
  EXPECT_NEAR(xy50.x, 0.34567, 1e-3);
  EXPECT_NEAR(xy50.y, 0.35851, 1e-3);
}

TEST(Daylight, FollowsTheDaylightLocusAcrossTheRange) {
  // y_D = -3 x_D^2 + 2.87 x_D - 0.275 (the CIE 015 daylight locus) holds for the whole D series.
  for (float t : {4000.0f, 5500.0f, 7000.0f, 7001.0f, 10000.0f, 25000.0f}) {
    const glm::vec2 xy = xy_of(Spectrum::daylight(t));
    EXPECT_NEAR(xy.y, -3.0 * xy.x * xy.x + 2.87 * xy.x - 0.275, 1e-3) << t;
  }
  // Higher CCT is bluer.
  EXPECT_LT(xy_of(Spectrum::daylight(9000.0f)).x, xy_of(Spectrum::daylight(5000.0f)).x);
}

TEST(Daylight, RejectsCctOutsideTheCieRange) {
  EXPECT_THROW(Spectrum::daylight(3999.0f), std::invalid_argument);
  EXPECT_THROW(Spectrum::daylight(25001.0f), std::invalid_argument);
  EXPECT_THROW(Spectrum::daylight(std::nanf("")), std::invalid_argument);
  EXPECT_NO_THROW(Spectrum::daylight(4000.0f));
  EXPECT_NO_THROW(Spectrum::daylight(25000.0f));
}

TEST(Blackbody, MatchesIlluminantAAt2856K) {
  // Illuminant A is a 2848 K Planckian radiator with the old c2 = 1.435e-2 m K, i.e. 2856 K
  // with today's c2.
  const glm::vec2 xy = xy_of(Spectrum::blackbody(2856.0f));
  EXPECT_NEAR(xy.x, 0.44757, 2e-3);
  EXPECT_NEAR(xy.y, 0.40745, 2e-3);
}

TEST(Blackbody, PeaksAtWienWavelengthWithMaximumOne) {
  for (float t : {4000.0f, 5000.0f, 6500.0f}) {
    const Spectrum s = Spectrum::blackbody(t);
    float best = 0.0f, best_l = 0.0f;
    for (float l = 360.0f; l <= 830.0f; l += 0.1f) {
      if (s.eval(l) > best) best = s.eval(l), best_l = l;
    }
    EXPECT_NEAR(best_l, 2.897771955e6 / t, 0.2) << t;  // Wien's displacement law
    EXPECT_NEAR(best, 1.0f, 1e-6) << t;
    EXPECT_NEAR(s.max_value(), 1.0f, 1e-6) << t;
  }
}

TEST(Blackbody, RatiosFollowPlancksLaw) {
  // B(l1)/B(l2) = (l2/l1)^5 (exp(c2/(l2 T)) - 1) / (exp(c2/(l1 T)) - 1), c2 = 1.438777e7 nm K.
  const double c2 = 1.438776877e7, t = 3200.0;
  const Spectrum s = Spectrum::blackbody(float(t));
  for (double l : {380.0, 450.0, 550.0, 700.0}) {
    const double expected =
        std::pow(830.0 / l, 5.0) * std::expm1(c2 / (830.0 * t)) / std::expm1(c2 / (l * t));
    EXPECT_NEAR(s.eval(float(l)) / s.eval(830.0f), expected, 1e-5 * expected) << l;
  }
  // Cool bodies peak beyond 830 nm: normalised to 1 at the range end, still finite.
  const Spectrum cold = Spectrum::blackbody(100.0f);
  EXPECT_FLOAT_EQ(cold.eval(830.0f), 1.0f);
  EXPECT_TRUE(std::isfinite(cold.eval(360.0f)));
  EXPECT_GE(cold.min_value(), 0.0f);
  EXPECT_THROW(Spectrum::blackbody(0.0f), std::invalid_argument);
  EXPECT_THROW(Spectrum::blackbody(-5.0f), std::invalid_argument);
}

TEST(Piecewise, InterpolatesAndIsZeroOutside) {
  const Spectrum s = Spectrum::piecewise({400.0f, 500.0f, 600.0f}, {1.0f, 3.0f, 2.0f});
  EXPECT_EQ(s.eval(399.9f), 0.0f);
  EXPECT_EQ(s.eval(600.1f), 0.0f);
  EXPECT_FLOAT_EQ(s.eval(400.0f), 1.0f);
  EXPECT_FLOAT_EQ(s.eval(450.0f), 2.0f);
  EXPECT_FLOAT_EQ(s.eval(500.0f), 3.0f);
  EXPECT_FLOAT_EQ(s.eval(575.0f), 2.25f);
  EXPECT_FLOAT_EQ(s.eval(600.0f), 2.0f);
  EXPECT_FLOAT_EQ(s.max_value(), 3.0f);
  EXPECT_FLOAT_EQ(s.min_value(), 0.0f);  // zero below 400 nm counts
  const Spectrum wide = Spectrum::piecewise({300.0f, 900.0f}, {1.0f, 2.0f});
  EXPECT_FLOAT_EQ(wide.min_value(), 1.0f + 60.0f / 600.0f);
  EXPECT_FLOAT_EQ(wide.max_value(), 1.0f + 530.0f / 600.0f);
}

TEST(Piecewise, RejectsBadInput) {
  EXPECT_THROW(Spectrum::piecewise({400.0f, 400.0f}, {1.0f, 2.0f}), std::invalid_argument);
  EXPECT_THROW(Spectrum::piecewise({500.0f, 400.0f}, {1.0f, 2.0f}), std::invalid_argument);
  EXPECT_THROW(Spectrum::piecewise({400.0f, 500.0f, 450.0f}, {1, 2, 3}), std::invalid_argument);
  EXPECT_THROW(Spectrum::piecewise({400.0f, 500.0f}, {1.0f}), std::invalid_argument);
  EXPECT_THROW(Spectrum::piecewise({400.0f}, {1.0f}), std::invalid_argument);
  EXPECT_THROW(Spectrum::piecewise({400.0f, std::nanf("")}, {1.0f, 1.0f}), std::invalid_argument);
}

TEST(Spectrum, SampleMatchesEvalPerLane) {
  const Spectrum specs[] = {Spectrum::constant(0.25f), Spectrum::named_illuminant("FL11"),
                            Spectrum::blackbody(3000.0f), Spectrum::rgb_albedo(0.7f, 0.2f, 0.3f)};
  SampledWavelengths wl;
  wl.lambda = {365.5f, 511.0f, 612.25f, 829.0f};
  for (const Spectrum& s : specs) {
    const SampledSpectrum v = s.sample(wl);
    for (int i = 0; i < kLambdas; ++i) EXPECT_EQ(v[i], s.eval(wl.lambda[size_t(i)]));
  }
  EXPECT_EQ(Spectrum().eval(500.0f), 0.0f);
}

}  // namespace
}  // namespace limner
