// Embedded CIE data (generated from published tables by data/gen_tables.py). Internal to the
// spectral module: other code should go through Spectrum and color.h.
#pragma once

namespace limner::tables {

// Colour matching functions: xbar, ybar, zbar at 360 + i nm, i < kCmfCount.
constexpr int kCmfFirstNm = 360;
constexpr int kCmfCount = 471;
extern const float kCie1931[kCmfCount][3];  // CIE 1931 2-degree observer
extern const float kCie1964[kCmfCount][3];  // CIE 1964 10-degree observer

// CIE daylight basis S0, S1, S2 at 300 + 5 i nm, i < kDaylightCount.
constexpr float kDaylightFirstNm = 300.0f;
constexpr float kDaylightStepNm = 5.0f;
constexpr int kDaylightCount = 107;
extern const float kDaylightBasis[kDaylightCount][3];

// A uniformly sampled spectral power distribution, values as tabulated by the CIE.
struct TabulatedSpd {
  const char* name;
  float first_nm;
  float step_nm;
  int count;
  const float* values;
};
extern const TabulatedSpd kCieIlluminants[];
extern const int kCieIlluminantCount;

}  // namespace limner::tables
