// The Preetham sky tabulated for rendering (sky.h, make_sky).
#include <cmath>

#include "renderer/lights/sky.h"
#include "renderer/spectral/color.h"

namespace limner {

namespace {

constexpr double kPiS = 3.14159265358979323846;

std::array<Spectrum, 3> daylight_basis_spectra() {
  std::array<Spectrum, 3> out;
  for (int k = 0; k < 3; ++k) {
    std::vector<float> lambda, value;
    for (int l = int(kLambdaMin); l <= int(kLambdaMax); l += 5) {
      lambda.push_back(float(l));
      value.push_back(daylight_basis(k, float(l)));
    }
    out[size_t(k)] = Spectrum::piecewise(std::move(lambda), std::move(value));
  }
  return out;
}

// Daylight-basis weights of a colour of chromaticity xy and luminance y.
glm::vec3 weights_for(const glm::dvec2& xy, double y, const glm::dvec3& basis_y) {
  glm::dvec3 m = daylight_basis_weights(xy);
  double ym = glm::dot(m, basis_y);
  return ym > 0.0 ? glm::vec3(m * (y / ym)) : glm::vec3(0.0f);
}

}  // namespace

SkyParts make_sky(const SkyParams& p, int width, int height) {
  std::array<Spectrum, 3> basis = daylight_basis_spectra();
  glm::dvec3 by(spectrum_luminance(basis[0]), spectrum_luminance(basis[1]),
                spectrum_luminance(basis[2]));
  std::vector<glm::vec3> coeff(size_t(width) * size_t(height), glm::vec3(0.0f));
  double sky_h = 0.0;  // sky illuminance on a horizontal surface, from the table itself
  const double dw_row = (kPiS / height) * (2.0 * kPiS / width);
  for (int y = 0; y < height / 2; ++y) {
    double theta = kPiS * (y + 0.5) / height;
    for (int x = 0; x < width; ++x) {
      glm::vec3 w = envmap_direction({(x + 0.5f) / float(width), float(theta / kPiS)});
      SkySample s = preetham_sky(p, w);
      coeff[size_t(y) * size_t(width) + size_t(x)] = weights_for(s.xy, s.luminance, by);
      sky_h += s.luminance * std::cos(theta) * std::sin(theta) * dw_row;
    }
  }
  SkyParts out;
  out.to_sun = sky_direction(p.sun_elevation_deg, p.sun_azimuth_deg);
  out.sun = sun_spectrum(p);
  double sun_normal = sun_illuminance_lux(p);
  double e_h = sun_normal * std::sin(glm::radians(double(p.sun_elevation_deg))) + sky_h;
  out.horizontal_lux = e_h;
  // The ground reflects the horizontal illuminance diffusely, in the colour of sun plus sky.
  glm::vec3 g_xyz = spectrum_to_xyz(global_horizontal_spectrum(p));
  glm::dvec2 g_xy(xyz_to_xy(g_xyz));
  glm::vec3 ground = weights_for(g_xy, kSkyGroundAlbedo * e_h / kPiS, by);
  for (int y = height / 2; y < height; ++y)
    for (int x = 0; x < width; ++x) coeff[size_t(y) * size_t(width) + size_t(x)] = ground;
  const double k = kPiS / e_h;
  for (glm::vec3& c : coeff) c *= float(k);
  out.sun_irradiance = float(sun_normal * k);
  out.map = make_envmap_data(width, height,
                             std::make_shared<const std::vector<glm::vec3>>(std::move(coeff)),
                             glm::mat3(1.0f), basis);
  return out;
}

}  // namespace limner
