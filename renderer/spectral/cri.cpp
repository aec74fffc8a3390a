// CIE 13.3 colour rendering index. Steps follow the publication: colorimetry of the 14 test
// colour samples under the light and its reference, von Kries adaptation, U*V*W* differences.
#include "renderer/spectral/cri.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "renderer/spectral/cct.h"
#include "renderer/spectral/color.h"
#include "renderer/spectral/data/cie_13_3_tcs.inc"

namespace limner {
namespace {

constexpr int kFirstNm = 380, kLastNm = 780, kStepNm = 5;
constexpr int kSamples = tables::kTcsSamples;
static_assert(tables::kTcsStepNm == kStepNm, "TCS table must be on the CRI sampling grid");
// CIE 13.3: the reference is Planckian below this CCT and CIE daylight from it upward.
constexpr double kDaylightReferenceKelvin = 5000.0;
constexpr double kMaxReferenceKelvin = 25000.0;

// Tristimulus values of the light itself and of each sample lit by it, scaled so that the
// light has Y = 100 (the scale U*V*W* is defined on).
struct Colorimetry {
  glm::dvec3 white;
  std::array<glm::dvec3, kSamples> samples;
};

Colorimetry colorimetry(const Spectrum& light) {
  Colorimetry c{glm::dvec3(0.0), {}};
  c.samples.fill(glm::dvec3(0.0));
  for (int nm = kFirstNm; nm <= kLastNm; nm += kStepNm) {
    const glm::dvec3 stimulus = double(light.eval(float(nm))) * glm::dvec3(cie_xyz_bar(float(nm)));
    c.white += stimulus;
    const float* radiance_factor = tables::kTcs[(nm - tables::kTcsFirstNm) / kStepNm];
    for (int i = 0; i < kSamples; ++i)
      c.samples[size_t(i)] += double(radiance_factor[i]) * stimulus;
  }
  if (!(c.white.y > 0.0))
    throw std::invalid_argument("color_rendering_index: the light has no luminance");
  const double scale = 100.0 / c.white.y;
  c.white *= scale;
  for (glm::dvec3& s : c.samples) s *= scale;
  return c;
}

Spectrum reference_illuminant(double cct_k) {
  if (!(cct_k >= 1000.0 && cct_k <= kMaxReferenceKelvin))
    throw std::invalid_argument("color_rendering_index: CCT " + std::to_string(cct_k) +
                                " K is outside 1000-25000 K, where no reference is defined");
  if (cct_k < kDaylightReferenceKelvin) return Spectrum::blackbody(float(cct_k));
  return Spectrum::daylight(float(cct_k));
}

// CIE 13.3 eq. 4: the (c, d) coordinates in which the von Kries scaling is applied.
glm::dvec2 von_kries_cd(const glm::dvec2& uv) {
  return glm::dvec2((4.0 - uv.x - 10.0 * uv.y) / uv.y,
                    (1.708 * uv.y + 0.404 - 1.481 * uv.x) / uv.y);
}

// CIE 13.3 eq. 5: a sample's (u, v) under the light, carried to the reference's white.
glm::dvec2 adapt(const glm::dvec2& sample_uv, const glm::dvec2& light_cd,
                 const glm::dvec2& reference_cd) {
  const glm::dvec2 cd = von_kries_cd(sample_uv);
  const double c = reference_cd.x / light_cd.x * cd.x;
  const double d = reference_cd.y / light_cd.y * cd.y;
  const double den = 16.518 + 1.481 * c - d;
  return glm::dvec2((10.872 + 0.404 * c - 4.0 * d) / den, 5.520 / den);
}

// CIE 1964 U*V*W* of a colour with luminance y (white = 100) and chromaticity uv, relative to
// the white chromaticity white_uv.
glm::dvec3 uvw_1964(double y, const glm::dvec2& uv, const glm::dvec2& white_uv) {
  const double w = 25.0 * std::cbrt(y) - 17.0;
  return glm::dvec3(13.0 * w * (uv.x - white_uv.x), 13.0 * w * (uv.y - white_uv.y), w);
}

}  // namespace

CriResult color_rendering_index(const Spectrum& light) {
  const Colorimetry test = colorimetry(light);
  CriResult result{0.0, {}, cct_ohno2013(test.white).cct_k};
  const Colorimetry ref = colorimetry(reference_illuminant(result.cct_k));

  const glm::dvec2 ref_white_uv = xyz_to_uv_1960(ref.white);
  const glm::dvec2 light_cd = von_kries_cd(xyz_to_uv_1960(test.white));
  const glm::dvec2 ref_cd = von_kries_cd(ref_white_uv);
  for (int i = 0; i < kSamples; ++i) {
    const glm::dvec3& k = test.samples[size_t(i)];
    const glm::dvec3& r = ref.samples[size_t(i)];
    const glm::dvec2 adapted_uv = adapt(xyz_to_uv_1960(k), light_cd, ref_cd);
    // After adaptation the light's white coincides with the reference white, so both colours
    // are expressed relative to it.
    const glm::dvec3 under_light = uvw_1964(k.y, adapted_uv, ref_white_uv);
    const glm::dvec3 under_ref = uvw_1964(r.y, xyz_to_uv_1960(r), ref_white_uv);
    result.ri[size_t(i)] = 100.0 - 4.6 * glm::length(under_light - under_ref);
  }
  for (int i = 0; i < 8; ++i) result.ra += result.ri[size_t(i)] / 8.0;
  return result;
}

}  // namespace limner
