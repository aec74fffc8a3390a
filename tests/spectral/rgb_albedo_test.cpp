// RGB -> spectrum upsampling (Jakob & Hanika 2019): flat greys, bounds, round trip under D65.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "renderer/spectral/color.h"

namespace limner {
namespace {

// A diffuse patch lit by D65 scaled to unit luminance, with no white balance, seen in linear
// sRGB: integrate reflectance * D65 / Y(D65) at 1 nm and convert XYZ with the sRGB matrix.
glm::vec3 patch_under_d65(const Spectrum& reflectance) {
  static const Spectrum d65 = Spectrum::named_illuminant("D65");
  static const float y = spectrum_luminance(d65);
  std::vector<float> lambda, value;
  for (int l = 360; l <= 830; ++l) {
    lambda.push_back(float(l));
    value.push_back(reflectance.eval(float(l)) * d65.eval(float(l)) / y);
  }
  return xyz_to_linear_srgb() * spectrum_to_xyz(Spectrum::piecewise(lambda, value));
}

void expect_round_trip(const glm::vec3& rgb, const std::string& label) {
  const glm::vec3 got = patch_under_d65(Spectrum::rgb_albedo(rgb.r, rgb.g, rgb.b));
  for (int i = 0; i < 3; ++i) {
    const double tol = std::fmax(0.005 * rgb[i], 0.002);  // 0.5%, or 0.002 for dark channels
    EXPECT_NEAR(got[i], rgb[i], tol) << label << " channel " << i;
  }
}

struct Patch {
  std::string name;
  Spectrum reflectance;
};

// ColorChecker reflectances (N. Ohta, 380-780 nm at 5 nm), held constant beyond the measured
// range so that the 360-830 nm integral does not see an artificial black edge.
std::vector<Patch> load_colorchecker() {
  std::ifstream in(std::string(LIMNER_TEST_DIR) + "/spectral/data/colorchecker_spectra.csv");
  if (!in) throw std::runtime_error("cannot open colorchecker_spectra.csv");
  std::string line;
  std::getline(in, line);
  std::vector<std::string> names;
  std::stringstream header(line);
  for (std::string cell; std::getline(header, cell, ',');) names.push_back(cell);
  std::vector<float> lambda;
  std::vector<std::vector<float>> columns(names.size() - 1);
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string cell;
    std::getline(row, cell, ',');
    lambda.push_back(std::stof(cell));
    for (auto& col : columns) {
      std::getline(row, cell, ',');
      col.push_back(std::stof(cell));
    }
  }
  std::vector<Patch> patches;
  for (size_t c = 0; c < columns.size(); ++c) {
    std::vector<float> l = lambda, v = columns[c];
    l.insert(l.begin(), kLambdaMin), v.insert(v.begin(), v.front());
    l.push_back(kLambdaMax), v.push_back(v.back());
    patches.push_back({names[c + 1], Spectrum::piecewise(l, v)});
  }
  return patches;
}

TEST(RgbAlbedo, GreyIsExactlyFlat) {
  for (float g : {0.0f, 0.003f, 0.18f, 0.5f, 0.999f, 1.0f}) {
    const Spectrum s = Spectrum::rgb_albedo(g, g, g);
    EXPECT_TRUE(std::holds_alternative<ConstantSpectrum>(s.variant())) << g;
    for (float l = 300.0f; l <= 900.0f; l += 0.37f) ASSERT_EQ(s.eval(l), g) << g << " at " << l;
    EXPECT_EQ(s.max_value(), g);
    EXPECT_EQ(s.min_value(), g);
  }
}

TEST(RgbAlbedo, RejectsOutOfRangeInput) {
  EXPECT_THROW(Spectrum::rgb_albedo(-0.01f, 0.5f, 0.5f), std::invalid_argument);
  EXPECT_THROW(Spectrum::rgb_albedo(0.5f, 1.01f, 0.5f), std::invalid_argument);
  EXPECT_THROW(Spectrum::rgb_albedo(0.5f, 0.5f, 2.0f), std::invalid_argument);
  EXPECT_THROW(Spectrum::rgb_albedo(std::nanf(""), 0.5f, 0.5f), std::invalid_argument);
  EXPECT_THROW(Spectrum::rgb_albedo(INFINITY, 0.5f, 0.5f), std::invalid_argument);
}

TEST(RgbAlbedo, ExtremeColoursStayFiniteAndInsideZeroOne) {
  const glm::vec3 extremes[] = {
      {1, 0, 0},      {0, 1, 0},      {0, 0, 1},          {1, 1, 0},
      {0, 1, 1},      {1, 0, 1},      {0.9f, 0.1f, 0.1f}, {0.02f, 0.5f, 0.02f},
      {1, 1, 0.999f}, {0, 0, 0.001f}, {0.001f, 0, 0},     {1, 0.5f, 0}};
  for (const glm::vec3& c : extremes) {
    const Spectrum s = Spectrum::rgb_albedo(c.r, c.g, c.b);
    for (float l = 300.0f; l <= 900.0f; l += 0.5f) {
      const float v = s.eval(l);
      ASSERT_TRUE(v > 0.0f && v < 1.0f)
          << c.r << "," << c.g << "," << c.b << " at " << l << " = " << v;
    }
    EXPECT_GT(s.min_value(), 0.0f);
    EXPECT_LT(s.max_value(), 1.0f);
    // Best effort: the dominant channel of the target stays dominant in the fit.
    const glm::vec3 got = patch_under_d65(s);
    const int want = c.r >= c.g && c.r >= c.b ? 0 : (c.g >= c.b ? 1 : 2);
    for (int i = 0; i < 3; ++i)
      EXPECT_GE(got[want] + 1e-3f, got[i]) << c.r << "," << c.g << "," << c.b;
  }
}

TEST(RgbAlbedo, MinAndMaxAgreeWithDenseSampling) {
  for (const glm::vec3& c :
       {glm::vec3(0.8f, 0.2f, 0.1f), glm::vec3(0.2f, 0.7f, 0.2f), glm::vec3(0.6f, 0.1f, 0.6f)}) {
    const Spectrum s = Spectrum::rgb_albedo(c.r, c.g, c.b);
    float lo = 1.0f, hi = 0.0f;
    for (float l = kLambdaMin; l <= kLambdaMax; l += 0.25f)
      lo = std::fmin(lo, s.eval(l)), hi = std::fmax(hi, s.eval(l));
    EXPECT_NEAR(s.min_value(), lo, 1e-4);
    EXPECT_NEAR(s.max_value(), hi, 1e-4);
  }
}

TEST(RgbAlbedo, RoundTripsInGamutColours) {
  const glm::vec3 colours[] = {{0.8f, 0.2f, 0.1f},    {0.1f, 0.3f, 0.7f},  {0.5f, 0.5f, 0.2f},
                               {0.05f, 0.05f, 0.06f}, {0.9f, 0.85f, 0.7f}, {0.3f, 0.6f, 0.3f},
                               {0.6f, 0.3f, 0.6f},    {0.2f, 0.5f, 0.5f}};
  for (const glm::vec3& c : colours) {
    std::ostringstream label;
    label << c.r << "," << c.g << "," << c.b;
    expect_round_trip(c, label.str());
  }
}

TEST(RgbAlbedo, RoundTripsColorCheckerPatches) {
  const std::vector<Patch> patches = load_colorchecker();
  ASSERT_EQ(patches.size(), 24u);
  int tested = 0;
  for (const Patch& p : patches) {
    const glm::vec3 rgb = patch_under_d65(p.reflectance);
    // A measured reflectance can lie slightly outside the sRGB gamut; such a target has no
    // valid rgb_albedo input, so it is reported rather than tested.
    if (glm::any(glm::lessThan(rgb, glm::vec3(0.0f))) ||
        glm::any(glm::greaterThan(rgb, glm::vec3(1.0f)))) {
      std::cout << "[ skipped  ] " << p.name << " is outside sRGB: " << rgb.r << ", " << rgb.g
                << ", " << rgb.b << "\n";
      continue;
    }
    expect_round_trip(rgb, p.name);
    ++tested;
  }
  EXPECT_GE(tested, 23);
}

}  // namespace
}  // namespace limner
