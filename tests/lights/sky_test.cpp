// The Preetham sun and sky against published daylight facts (not against our own output).
#include <gtest/gtest.h>

#include "renderer/lights/light.h"
#include "renderer/lights/sky.h"
#include "renderer/spectral/cct.h"
#include "renderer/spectral/color.h"

namespace limner {
namespace {

double cct_of_xy(const glm::dvec2& xy) {
  return cct_ohno2013(glm::dvec3(xy.x / xy.y, 1.0, (1.0 - xy.x - xy.y) / xy.y)).cct_k;
}

// A clear noon sky is bluer overhead than at the horizon (the horizon is whitened by multiple
// scattering along the long path).
TEST(Sky, ZenithBluerThanHorizonAtNoon) {
  SkyParams p{70.0f, 180.0f, 3.0f};
  SkySample zenith = preetham_sky(p, glm::vec3(0, 1, 0));
  SkySample horizon = preetham_sky(p, glm::normalize(glm::vec3(0, 0.03f, 1)));  // away from sun
  EXPECT_GT(cct_of_xy(zenith.xy), cct_of_xy(horizon.xy) + 1000.0);
  EXPECT_GT(cct_of_xy(zenith.xy), 9000.0);  // clear blue sky: roughly 10000 K and above
  // The same in the sampled spectra: more blue than red at the zenith, relatively.
  glm::dvec3 mz = daylight_basis_weights(zenith.xy), mh = daylight_basis_weights(horizon.xy);
  auto ratio = [](const glm::dvec3& m) {
    double b = 0, r = 0;
    for (int k = 0; k < 3; ++k) {
      b += m[k] * daylight_basis(k, 450.0f);
      r += m[k] * daylight_basis(k, 650.0f);
    }
    return b / r;
  };
  EXPECT_GT(ratio(mz), ratio(mh));
}

// Direct sunlight through a clear atmosphere at a high sun has a CCT near 5000-5800 K and a
// spectrum close to CIE daylight of that CCT in the visible (CIE 015's D series is modelled on
// such measurements); the low sun is much warmer.
TEST(Sky, SunSpectrumPlausibleAgainstCieDaylight) {
  SkyParams noon{60.0f, 0.0f, 3.0f};
  Spectrum sun = sun_spectrum(noon);
  double cct = cct_ohno2013(glm::dvec3(spectrum_to_xyz(sun))).cct_k;
  EXPECT_GT(cct, 4800.0);
  EXPECT_LT(cct, 6000.0);
  Spectrum d = Spectrum::daylight(float(cct));
  double ks = 1.0 / spectrum_luminance(sun), kd = 1.0 / spectrum_luminance(d);
  double worst = 0.0;
  for (float l = 450.0f; l <= 680.0f; l += 10.0f) {
    double a = sun.eval(l) * ks, b = d.eval(l) * kd;
    worst = std::max(worst, std::fabs(a - b) / b);
  }
  EXPECT_LT(worst, 0.15);
  double low = cct_ohno2013(glm::dvec3(spectrum_to_xyz(sun_spectrum({5.0f, 0.0f, 3.0f})))).cct_k;
  EXPECT_LT(low, 4000.0);
}

// Clear-sky illuminances: the solar constant is 128 klux; a clear sun at 60 deg gives about
// 85-100 klux at normal incidence, and a clear sky alone 10-25 klux on a horizontal surface
// (IES Lighting Handbook; Darula and Kittler's CIE clear-sky tables). Preetham's model is
// known to make the sky too bright, up to about 1.5-2x near the horizon (Zotti, Wilkie and
// Purgathofer 2007, "A critical review of the Preetham skylight model"), so the sky's upper
// bound allows that documented excess; it still fails for a sky off by an order of magnitude.
TEST(Sky, LuminanceSanity) {
  SkyParams p{60.0f, 0.0f, 3.0f};
  double sun = sun_illuminance_lux(p), sky = sky_horizontal_illuminance_lux(p);
  EXPECT_GT(sun, 80000.0);
  EXPECT_LT(sun, 110000.0);
  EXPECT_GT(sky, 8000.0);
  EXPECT_LT(sky, 40000.0);
  // The zenith of a clear sky at this sun is a few kcd/m^2.
  double zl = preetham_sky(p, glm::vec3(0, 1, 0)).luminance;
  EXPECT_GT(zl, 2000.0);
  EXPECT_LT(zl, 15000.0);
  // Hazier air: less direct sun, more sky light.
  SkyParams hazy{60.0f, 0.0f, 6.0f};
  EXPECT_LT(sun_illuminance_lux(hazy), sun);
  EXPECT_GT(sky_horizontal_illuminance_lux(hazy), sky);
}

// The tabulated sky plus sun give a horizontal surface illuminance pi (scale 1), summed here
// directly from the map's texels and the sun's irradiance.
TEST(Sky, MapAndSunNormalisedToPiOnHorizontal) {
  SkyParams p{35.0f, 120.0f, 3.0f};
  SkyParts s = make_sky(p, 256, 128);
  const EnvMapData& m = *s.map;
  const double pi = 3.14159265358979323846;
  double e = 0.0;
  for (int y = 0; y < m.height / 2; ++y) {
    double th = pi * (y + 0.5) / m.height;
    double dw = std::sin(th) * (pi / m.height) * (2.0 * pi / m.width);
    for (int x = 0; x < m.width; ++x)
      e += glm::dot(m.weights(size_t(y) * m.width + x), m.basis_y) * std::cos(th) * dw;
  }
  e += s.sun_irradiance * s.to_sun.y;
  EXPECT_NEAR(e, pi, 1e-3 * pi);
  EXPECT_NEAR(s.to_sun.y, std::sin(glm::radians(35.0)), 1e-6);
  EXPECT_NEAR(std::atan2(s.to_sun.x, s.to_sun.z), glm::radians(120.0), 1e-5);
}

}  // namespace
}  // namespace limner
