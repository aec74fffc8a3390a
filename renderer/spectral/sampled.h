// Four-wavelength spectral samples carried by each camera path (hero wavelength, Wilkie et al.
// 2014): lambda[0] is the hero, the others sit at even offsets across the sampled range.
#pragma once
#include <array>
#include <cmath>

namespace limner {

constexpr int kLambdas = 4;
constexpr float kLambdaMin = 360.0f;
constexpr float kLambdaMax = 830.0f;

struct SampledSpectrum {
  std::array<float, kLambdas> v{};

  SampledSpectrum() = default;
  explicit SampledSpectrum(float c) { v.fill(c); }
  float operator[](int i) const { return v[i]; }
  float& operator[](int i) { return v[i]; }

#define LIMNER_SS_OP(op)                                                   \
  SampledSpectrum& operator op##=(const SampledSpectrum& o) {              \
    for (int i = 0; i < kLambdas; ++i) v[i] op## = o.v[i];                 \
    return *this;                                                          \
  }                                                                        \
  SampledSpectrum& operator op##=(float s) {                               \
    for (int i = 0; i < kLambdas; ++i) v[i] op## = s;                      \
    return *this;                                                          \
  }                                                                        \
  friend SampledSpectrum operator op(SampledSpectrum a, const SampledSpectrum& b) { return a op##= b; } \
  friend SampledSpectrum operator op(SampledSpectrum a, float s) { return a op##= s; }
  LIMNER_SS_OP(+)
  LIMNER_SS_OP(-)
  LIMNER_SS_OP(*)
#undef LIMNER_SS_OP
  friend SampledSpectrum operator*(float s, SampledSpectrum a) { return a *= s; }
  SampledSpectrum& operator/=(float s) { return *this *= (1.0f / s); }
  friend SampledSpectrum operator/(SampledSpectrum a, float s) { return a /= s; }
  // Componentwise division that maps x/0 to 0 (used for pdf-weighted ratios).
  friend SampledSpectrum safe_div(const SampledSpectrum& a, const SampledSpectrum& b) {
    SampledSpectrum r;
    for (int i = 0; i < kLambdas; ++i) r.v[i] = b.v[i] != 0.0f ? a.v[i] / b.v[i] : 0.0f;
    return r;
  }

  bool is_black() const {
    for (float x : v) if (x != 0.0f) return false;
    return true;
  }
  float max_value() const {
    float m = v[0];
    for (float x : v) m = x > m ? x : m;
    return m;
  }
  float average() const {
    float s = 0.0f;
    for (float x : v) s += x;
    return s / kLambdas;
  }
  bool is_finite() const {
    for (float x : v) if (!std::isfinite(x)) return false;
    return true;
  }
};

struct SampledWavelengths {
  std::array<float, kLambdas> lambda{};  // nanometres
  std::array<float, kLambdas> pdf{};     // per nanometre
};

}  // namespace limner
