#include "renderer/lights/sky.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "renderer/spectral/color.h"
#include "renderer/spectral/tables.h"

namespace limner {

namespace {

constexpr double kPiD = 3.14159265358979323846;
// Solar illuminance outside the atmosphere (the "solar illuminance constant", ~128 klux).
constexpr double kSolarIlluminanceLux = 128000.0;
// Effective temperature of the sun's photosphere: the extraterrestrial spectrum's shape.
constexpr double kSunKelvin = 5778.0;

struct Perez {
  double a, b, c, d, e;
};

// Preetham et al. 1999, appendix A.2: the Perez coefficients for Y, x and y, linear in T.
Perez perez_y_lum(double t) {
  return {0.1787 * t - 1.4630, -0.3554 * t + 0.4275, -0.0227 * t + 5.3251,
          0.1206 * t - 2.5771, -0.0670 * t + 0.3703};
}
Perez perez_x(double t) {
  return {-0.0193 * t - 0.2592, -0.0665 * t + 0.0008, -0.0004 * t + 0.2125,
          -0.0641 * t - 0.8989, -0.0033 * t + 0.0452};
}
Perez perez_y(double t) {
  return {-0.0167 * t - 0.2608, -0.0950 * t + 0.0092, -0.0079 * t + 0.2102,
          -0.0441 * t - 1.6537, -0.0109 * t + 0.0529};
}

// F(theta, gamma); the secant is bounded at the horizon, where the model is singular.
double perez(const Perez& p, double cos_theta, double gamma) {
  double ct = std::max(cos_theta, 0.01), cg = std::cos(gamma);
  return (1.0 + p.a * std::exp(p.b / ct)) * (1.0 + p.c * std::exp(p.d * gamma) + p.e * cg * cg);
}

double cubic(double t3, double t2, double t1, double t0, double th) {
  return ((t3 * th + t2) * th + t1) * th + t0;
}

// Zenith luminance (cd/m^2) and chromaticity, Preetham et al. 1999, appendix A.2.
void zenith(double t, double theta_s, double& lum, glm::dvec2& xy) {
  double chi = (4.0 / 9.0 - t / 120.0) * (kPiD - 2.0 * theta_s);
  lum = 1000.0 * std::max(0.01, (4.0453 * t - 4.9710) * std::tan(chi) - 0.2155 * t + 2.4192);
  double t2 = t * t, th = theta_s;
  xy.x = t2 * cubic(0.00166, -0.00375, 0.00209, 0.0, th) +
         t * cubic(-0.02903, 0.06377, -0.03202, 0.00394, th) +
         cubic(0.11693, -0.21196, 0.06052, 0.25886, th);
  xy.y = t2 * cubic(0.00275, -0.00610, 0.00317, 0.0, th) +
         t * cubic(-0.04214, 0.08970, -0.04153, 0.00516, th) +
         cubic(0.15346, -0.26756, 0.06670, 0.26688, th);
}

double planck(double lambda_nm, double kelvin) {
  double l = lambda_nm * 1e-9;
  return 1.0 / (std::pow(l, 5.0) * (std::exp(1.438776877e-2 / (l * kelvin)) - 1.0));
}

// Kasten and Young 1989 relative optical air mass for a solar zenith angle in degrees.
double air_mass(double zenith_deg) {
  return 1.0 / (std::cos(zenith_deg * kPiD / 180.0) +
                0.50572 * std::pow(std::max(96.07995 - zenith_deg, 1e-3), -1.6364));
}

// Fraction of the extraterrestrial sun's luminance that reaches the ground.
double sun_luminous_transmittance(const SkyParams& p) {
  double num = 0.0, den = 0.0;
  for (int l = 360; l <= 830; ++l) {
    double e = planck(l, kSunKelvin) * cie_xyz_bar(float(l)).y;
    num += e * sun_transmittance(p, l);
    den += e;
  }
  return num / den;
}

}  // namespace

glm::vec3 sky_direction(float elevation_deg, float azimuth_deg) {
  double e = elevation_deg * kPiD / 180.0, a = azimuth_deg * kPiD / 180.0;
  return glm::vec3(float(std::cos(e) * std::sin(a)), float(std::sin(e)),
                   float(std::cos(e) * std::cos(a)));
}

SkySample preetham_sky(const SkyParams& p, const glm::vec3& w) {
  double t = p.turbidity;
  double theta_s = (90.0 - p.sun_elevation_deg) * kPiD / 180.0;
  glm::dvec3 sun(sky_direction(p.sun_elevation_deg, p.sun_azimuth_deg));
  double cos_theta = std::max(double(w.y), 0.0);
  double gamma = std::acos(std::clamp(glm::dot(glm::dvec3(w), sun), -1.0, 1.0));
  double zl;
  glm::dvec2 zxy;
  zenith(t, theta_s, zl, zxy);
  SkySample s;
  Perez py = perez_y_lum(t), px = perez_x(t), pyy = perez_y(t);
  s.luminance = zl * perez(py, cos_theta, gamma) / perez(py, 1.0, theta_s);
  s.xy.x = zxy.x * perez(px, cos_theta, gamma) / perez(px, 1.0, theta_s);
  s.xy.y = zxy.y * perez(pyy, cos_theta, gamma) / perez(pyy, 1.0, theta_s);
  return s;
}

glm::dvec3 daylight_basis_weights(const glm::dvec2& xy) {
  double m = 0.0241 + 0.2562 * xy.x - 0.7341 * xy.y;
  return {1.0, (-1.3515 - 1.7703 * xy.x + 5.9114 * xy.y) / m,
          (0.0300 - 31.4424 * xy.x + 30.0717 * xy.y) / m};
}

float daylight_basis(int k, float lambda) {
  float f = (lambda - tables::kDaylightFirstNm) / tables::kDaylightStepNm;
  if (!(f >= 0.0f) || f > float(tables::kDaylightCount - 1)) return 0.0f;
  int i = std::min(int(f), tables::kDaylightCount - 2);
  float t = f - float(i);
  return (1.0f - t) * tables::kDaylightBasis[i][k] + t * tables::kDaylightBasis[i + 1][k];
}

double sun_transmittance(const SkyParams& p, double lambda_nm) {
  double um = lambda_nm * 1e-3;
  double tau_rayleigh = 0.008735 * std::pow(um, -4.08);  // Leckner 1978
  double beta = 0.04608 * p.turbidity - 0.04586;         // Preetham et al. 1999, A.3
  double tau_aerosol = beta * std::pow(um, -1.3);        // Angstrom, alpha = 1.3
  double m = air_mass(90.0 - p.sun_elevation_deg);
  return std::exp(-m * (tau_rayleigh + tau_aerosol));
}

Spectrum sun_spectrum(const SkyParams& p) {
  std::vector<float> lambda, value;
  double peak = planck(500.0, kSunKelvin);
  for (int l = 360; l <= 830; l += 5) {
    lambda.push_back(float(l));
    value.push_back(float(planck(l, kSunKelvin) / peak * sun_transmittance(p, l)));
  }
  return Spectrum::piecewise(std::move(lambda), std::move(value));
}

double sun_illuminance_lux(const SkyParams& p) {
  return kSolarIlluminanceLux * sun_luminous_transmittance(p);
}

namespace {

// Midpoint rule over the upper hemisphere (y up) in nt x np cells: fn(direction, solid angle).
// The Perez terms are smooth at the resolutions used here.
template <class Fn>
void for_each_sky_cell(int nt, int np, Fn&& fn) {
  for (int i = 0; i < nt; ++i) {
    double th = (i + 0.5) * 0.5 * kPiD / nt;
    double dw = std::sin(th) * (0.5 * kPiD / nt) * (2.0 * kPiD / np);
    for (int j = 0; j < np; ++j) {
      double ph = (j + 0.5) * 2.0 * kPiD / np;
      fn(glm::vec3(float(std::sin(th) * std::sin(ph)), float(std::cos(th)),
                   float(std::sin(th) * std::cos(ph))),
         dw);
    }
  }
}

}  // namespace

double sky_horizontal_illuminance_lux(const SkyParams& p) {
  double e = 0.0;
  for_each_sky_cell(90, 180, [&](const glm::vec3& w, double dw) {
    e += preetham_sky(p, w).luminance * double(w.y) * dw;
  });
  return e;
}

Spectrum global_horizontal_spectrum(const SkyParams& p) {
  return sky_irradiance_spectrum(p, glm::vec3(0, 1, 0));
}

Spectrum sky_irradiance_spectrum(const SkyParams& p, const glm::vec3& n) {
  // Sky: daylight basis weights over the upper hemisphere, weighted by luminance and cosine.
  glm::dvec3 w_sum(0.0);
  double ys[3] = {0, 0, 0};
  for (int k = 0; k < 3; ++k)
    for (int l = 360; l <= 830; ++l) ys[k] += daylight_basis(k, float(l)) * cie_xyz_bar(float(l)).y;
  for_each_sky_cell(45, 90, [&](const glm::vec3& w, double dw) {
    double cos_n = glm::dot(w, n);
    if (cos_n <= 0.0) return;
    SkySample s = preetham_sky(p, w);
    glm::dvec3 m = daylight_basis_weights(s.xy);
    double y = (m.x * ys[0] + m.y * ys[1] + m.z * ys[2]) / cie_y_integral();
    w_sum += m * (s.luminance / y * cos_n * dw);
  });
  Spectrum sun = sun_spectrum(p);
  double sun_cos = std::max(0.0f, glm::dot(sky_direction(p.sun_elevation_deg,
                                                         p.sun_azimuth_deg), n));
  double sun_scale = sun_illuminance_lux(p) * sun_cos / spectrum_luminance(sun);
  std::vector<float> lambda, value;
  for (int l = 360; l <= 830; l += 5) {
    double v = w_sum.x * daylight_basis(0, float(l)) + w_sum.y * daylight_basis(1, float(l)) +
               w_sum.z * daylight_basis(2, float(l));
    lambda.push_back(float(l));
    value.push_back(float(std::max(0.0, v) + sun_scale * sun.eval(float(l))));
  }
  return Spectrum::piecewise(std::move(lambda), std::move(value));
}

}  // namespace limner
