// A physically based clear sky with its sun: Preetham, Shirley and Smits 1999, "A Practical
// Analytic Model for Daylight" (SIGGRAPH), with the sky's colour turned into spectra by the CIE
// daylight basis (S0, S1, S2 of CIE 015) and the sun's spectrum by attenuating the
// extraterrestrial sun (a 5778 K Planckian radiator, scaled to 128 klux) by Rayleigh scattering
// and Angstrom aerosol extinction along the Kasten-Young air mass.
//
// Why Preetham rather than Hosek-Wilkie: it is a handful of published formulas (no 1 MB
// coefficient table to import), its output is luminance and CIE xy, which map directly onto CIE
// daylight spectra (the same family as the D illuminants painters compare against), and it is
// well behaved for sun elevations down to a few degrees (golden hour). Its known weaknesses
// (too bright a horizon for high turbidity, no twilight) are outside what a painter lights with.
//
// Conventions: y is up; a direction's azimuth is measured from +z toward +x; elevation is above
// the horizontal plane. The sun must be above the horizon (0 < elevation <= 90).
#pragma once
#include <glm/glm.hpp>
#include <memory>

#include "renderer/lights/envmap.h"
#include "renderer/spectral/spectrum.h"

namespace limner {

struct SkyParams {
  float sun_elevation_deg = 45.0f, sun_azimuth_deg = 0.0f, turbidity = 3.0f;
};

// Unit direction toward a point at (elevation, azimuth) in degrees.
glm::vec3 sky_direction(float elevation_deg, float azimuth_deg);

// Preetham's sky in direction w (unit, w.y > 0): luminance in cd/m^2 and CIE 1931 xy.
struct SkySample {
  double luminance = 0.0;
  glm::dvec2 xy{0.0};
};
SkySample preetham_sky(const SkyParams& p, const glm::vec3& w);

// Coefficients (1, M1, M2) of CIE daylight S0 + M1 S1 + M2 S2 with chromaticity xy.
glm::dvec3 daylight_basis_weights(const glm::dvec2& xy);
// CIE daylight basis function k (0: S0, 1: S1, 2: S2) at lambda nm (linear, 0 outside 300-830).
float daylight_basis(int k, float lambda);

// Spectral transmittance of the atmosphere toward the sun (Rayleigh + aerosol), per nm.
double sun_transmittance(const SkyParams& p, double lambda_nm);
// The sun's spectral irradiance on a surface facing it, shaped as the spectrum; multiply by
// sun_illuminance_lux / luminance for absolute values.
Spectrum sun_spectrum(const SkyParams& p);
// Illuminance (lux) of the sun on a surface facing it.
double sun_illuminance_lux(const SkyParams& p);
// Illuminance (lux) of the sky alone on a horizontal surface, and its spectral shape.
double sky_horizontal_illuminance_lux(const SkyParams& p);
// Spectral irradiance shape of sun plus sky on a horizontal surface (the light a horizontal
// white card sees), with luminance in lux.
Spectrum global_horizontal_spectrum(const SkyParams& p);
// The same for a surface with unit normal n (sun plus sky, no ground).
Spectrum sky_irradiance_spectrum(const SkyParams& p, const glm::vec3& n);

}  // namespace limner

namespace limner {

// The sky as render data: the sky tabulated into a latitude-longitude map (envmap.h layout,
// daylight-basis texels; below the horizon a grey ground of albedo 0.2 lit by sun and sky) and
// the sun as a 0.53 deg disc. Scaled so that sun plus sky give a horizontal surface an
// illuminance of pi (a white horizontal card reads Y = 1); multiply by the light's scale.
struct SkyParts {
  std::shared_ptr<const EnvMapData> map;
  glm::vec3 to_sun{0, 1, 0};
  Spectrum sun;                 // the sun's spectrum (any scale)
  float sun_irradiance = 0.0f;  // luminance on a surface facing the sun, same units as map
  double horizontal_lux = 0.0;  // absolute illuminance before scaling (sun plus sky)
};
SkyParts make_sky(const SkyParams& p, int width = 512, int height = 256);
constexpr float kSkyGroundAlbedo = 0.2f;

}  // namespace limner
