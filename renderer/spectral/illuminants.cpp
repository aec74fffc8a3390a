// CIE illuminants: the tabulated ones by name, and the D series at any CCT (CIE 015 method).
#include <cmath>
#include <stdexcept>
#include <string>

#include "renderer/spectral/spectrum.h"
#include "renderer/spectral/tables.h"

namespace limner {
namespace {

// CIE 015 calls the fluorescent lamps FL1-FL12; the older F1-F12 names stay accepted because
// much of the rendering literature uses them.
const tables::TabulatedSpd* find_table(const std::string& name) {
  std::string key = name;
  if (key.size() >= 2 && key.size() <= 3 && key[0] == 'F' && key[1] != 'L') {
    key = "FL" + key.substr(1);
  }
  for (int i = 0; i < tables::kCieIlluminantCount; ++i) {
    if (key == tables::kCieIlluminants[i].name) return &tables::kCieIlluminants[i];
  }
  return nullptr;
}

std::string joined_names() {
  std::string out;
  for (const std::string& n : Spectrum::illuminant_names()) out += (out.empty() ? "" : ", ") + n;
  return out;
}

Spectrum from_table(const tables::TabulatedSpd& t) {
  std::vector<float> lambda(size_t(t.count)), value(size_t(t.count));
  for (int i = 0; i < t.count; ++i) {
    lambda[size_t(i)] = t.first_nm + t.step_nm * float(i);
    value[size_t(i)] = t.values[i];
  }
  return Spectrum::piecewise(std::move(lambda), std::move(value));
}

// Chromaticity x of CIE daylight at a CCT (CIE 015, valid 4000-25000 K).
double daylight_x(double t) {
  const double t2 = t * t, t3 = t2 * t;
  if (t <= 7000.0) return -4.6070e9 / t3 + 2.9678e6 / t2 + 0.09911e3 / t + 0.244063;
  return -2.0064e9 / t3 + 1.9018e6 / t2 + 0.24748e3 / t + 0.237040;
}

// CIE 015 rounds M1 and M2 to three decimals; doing the same reproduces the published tables.
double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

}  // namespace

std::vector<std::string> Spectrum::illuminant_names() {
  std::vector<std::string> names;
  for (int i = 0; i < tables::kCieIlluminantCount; ++i)
    names.emplace_back(tables::kCieIlluminants[i].name);
  for (int i = 1; i <= 12; ++i) names.push_back("F" + std::to_string(i));
  return names;
}

bool Spectrum::is_named_illuminant(const std::string& name) { return find_table(name) != nullptr; }

Spectrum Spectrum::named_illuminant(const std::string& name) {
  const tables::TabulatedSpd* t = find_table(name);
  if (!t)
    throw std::invalid_argument("unknown illuminant '" + name +
                                "'; valid names: " + joined_names());
  return from_table(*t);
}

Spectrum Spectrum::daylight(float cct_kelvin) {
  if (!(cct_kelvin >= 4000.0f && cct_kelvin <= 25000.0f))
    throw std::invalid_argument("daylight: CCT must be within 4000-25000 K, got " +
                                std::to_string(cct_kelvin));
  const double x = daylight_x(cct_kelvin);
  const double y = -3.000 * x * x + 2.870 * x - 0.275;
  const double m = 0.0241 + 0.2562 * x - 0.7341 * y;
  const double m1 = round3((-1.3515 - 1.7703 * x + 5.9114 * y) / m);
  const double m2 = round3((0.0300 - 31.4424 * x + 30.0717 * y) / m);
  std::vector<float> lambda(tables::kDaylightCount), value(tables::kDaylightCount);
  for (int i = 0; i < tables::kDaylightCount; ++i) {
    const float* s = tables::kDaylightBasis[i];
    lambda[size_t(i)] = tables::kDaylightFirstNm + tables::kDaylightStepNm * float(i);
    value[size_t(i)] = float(s[0] + m1 * s[1] + m2 * s[2]);
  }
  return piecewise(std::move(lambda), std::move(value));
}

}  // namespace limner
