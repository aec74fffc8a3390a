// Environment maps: spectra of RGB texels, importance sampling against closed-form integrals,
// rotation.
#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "renderer/lights/light.h"
#include "renderer/spectral/color.h"

namespace limner {
namespace {

constexpr float kPi = 3.14159265358979323846f;

EnvMapLight make_light(const EnvImage& img, float rotate_deg = 0.0f) {
  auto data = envmap_from_rgb(std::make_shared<const EnvImage>(img));
  float a = glm::radians(rotate_deg);
  return EnvMapLight{LightEmission{data->mean_spectrum, 1.0f}, data, std::cos(a), std::sin(a)};
}

EnvImage constant_image(int w, int h, glm::vec3 c) {
  EnvImage img;
  img.width = w;
  img.height = h;
  img.rgb.assign(size_t(w) * h, c);
  return img;
}

SampledWavelengths wavelengths(float a, float b, float c, float d) {
  SampledWavelengths wl;
  wl.lambda = {a, b, c, d};
  wl.pdf = {1, 1, 1, 1};
  return wl;
}

TEST(EnvMap, GreyTexelIsExactlyD65) {
  EnvMapLight l = make_light(constant_image(8, 4, glm::vec3(0.7f)));
  Spectrum d65 = Spectrum::named_illuminant("D65");
  float y = spectrum_luminance(d65);
  SampledWavelengths wl = wavelengths(400.5f, 480.0f, 555.0f, 700.0f);
  SampledSpectrum L = envmap_light_radiance(l, glm::vec3(0.3f, 0.5f, 0.8f), wl);
  for (int i = 0; i < kLambdas; ++i)
    EXPECT_NEAR(L.v[i], 0.7f * d65.eval(wl.lambda[i]) / y, 2e-3f * L.v[i]) << wl.lambda[i];
}

TEST(EnvMap, RgbTexelReproducesItsColour) {
  glm::mat3 m = rgb_to_basis_weights();
  std::array<Spectrum, 3> b = rgb_basis_spectra();
  for (glm::vec3 rgb : {glm::vec3(0.5f, 0.3f, 0.2f), glm::vec3(0.1f, 0.6f, 0.3f),
                        glm::vec3(0.2f, 0.25f, 0.9f)}) {
    glm::vec3 c = m * rgb;
    ASSERT_GE(std::min({c.x, c.y, c.z}), 0.0f);
    glm::vec3 xyz = c.x * spectrum_to_xyz(b[0]) + c.y * spectrum_to_xyz(b[1]) +
                    c.z * spectrum_to_xyz(b[2]);
    glm::vec3 back = xyz_to_linear_srgb() * xyz;
    for (int k = 0; k < 3; ++k) EXPECT_NEAR(back[k], rgb[k], 1e-4f);
  }
}

TEST(EnvMap, UvMappingConventions) {
  // Centre column looks along -z, three quarters along +x, top row up.
  glm::vec3 d = envmap_direction({0.5f, 0.5f});
  EXPECT_NEAR(d.z, -1.0f, 1e-6f);
  d = envmap_direction({0.75f, 0.5f});
  EXPECT_NEAR(d.x, 1.0f, 1e-6f);
  EXPECT_NEAR(envmap_direction({0.1f, 0.0f}).y, 1.0f, 1e-6f);
  glm::vec2 uv = envmap_uv(glm::normalize(glm::vec3(0.3f, -0.4f, 0.5f)));
  glm::vec3 back = envmap_direction(uv);
  EXPECT_NEAR(glm::dot(back, glm::normalize(glm::vec3(0.3f, -0.4f, 0.5f))), 1.0f, 1e-5f);
}

// A uniform map is sampled with density 1 / (4 pi) at texel centres (the sin theta weighting
// of the rows cancels the lat-long map's stretching; within a row the density follows the
// texel's sin theta, so it varies by about a row height times cot theta).
TEST(EnvMap, UniformMapPdfIsOneOverFourPi) {
  const int w = 256, h = 128;
  EnvMapLight l = make_light(constant_image(w, h, glm::vec3(1.0f)));
  for (glm::ivec2 t : {glm::ivec2(128, 63), glm::ivec2(10, 20), glm::ivec2(200, 110),
                       glm::ivec2(0, 1)}) {
    glm::vec3 dir = envmap_direction({(t.x + 0.5f) / w, (t.y + 0.5f) / h});
    EXPECT_NEAR(envmap_light_pdf(l, dir), 1.0f / (4.0f * kPi), 1e-3f / (4.0f * kPi));
  }
}

// Irradiance on an upward-facing plane, estimated with the light's own samples, against the
// closed form: a map bright (L1) in the upper hemisphere rows and a patch of rows*columns with
// L2 gives E = pi L1 + L2 * dphi * (sin^2 theta_b - sin^2 theta_a) / 2 over the patch.
TEST(EnvMap, ImportanceSampledIrradianceMatchesClosedForm) {
  const int w = 64, h = 32;
  EnvImage img = constant_image(w, h, glm::vec3(0.0f));
  for (int y = 0; y < h / 2; ++y)
    for (int x = 0; x < w; ++x) img.rgb[size_t(y) * w + x] = glm::vec3(1.0f);
  const int y0 = 4, y1 = 8, x0 = 10, x1 = 14;  // the patch, 40x brighter
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) img.rgb[size_t(y) * w + x] = glm::vec3(40.0f);
  EnvMapLight l = make_light(img, 33.0f);  // rotation must not change an up-facing irradiance
  double ta = kPi * y0 / h, tb = kPi * y1 / h, dphi = 2.0 * kPi * (x1 - x0) / w;
  double expected = kPi * 1.0 + 39.0 * dphi *
                    (std::sin(tb) * std::sin(tb) - std::sin(ta) * std::sin(ta)) / 2.0;
  std::mt19937 rng(3);
  std::uniform_real_distribution<float> uni(0.0f, 1.0f);
  SampledWavelengths wl = wavelengths(450, 520, 560, 610);
  Spectrum d65 = Spectrum::named_illuminant("D65");
  double sum = 0.0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    LightSample s = envmap_light_sample(l, {uni(rng), uni(rng)}, wl);
    ASSERT_GT(s.pdf, 0.0f);
    ASSERT_NEAR(s.pdf, envmap_light_pdf(l, s.wi), 2e-3f * s.pdf);
    // Grey map: radiance / (D65 normalised) is the texel's value, the same at every lambda.
    double value = s.L.v[2] / (d65.eval(560.0f) / spectrum_luminance(d65));
    sum += value * std::max(0.0f, s.wi.y) / s.pdf;
  }
  EXPECT_NEAR(sum / n, expected, 0.01 * expected);
}

TEST(EnvMap, RotationTurnsPlusZTowardPlusX) {
  const int w = 64, h = 32;
  EnvImage img = constant_image(w, h, glm::vec3(0.0f));
  img.rgb[size_t(h / 2) * w + w / 2] = glm::vec3(1.0f);  // just below the horizon, along -z
  EnvMapLight plain = make_light(img), turned = make_light(img, 90.0f);
  SampledWavelengths wl = wavelengths(450, 520, 560, 610);
  LightSample a = envmap_light_sample(plain, {0.5f, 0.5f}, wl);
  LightSample b = envmap_light_sample(turned, {0.5f, 0.5f}, wl);
  EXPECT_LT(a.wi.z, -0.99f);
  EXPECT_LT(b.wi.x, -0.99f);  // -z turned by +90 deg about +y is -x (as +z goes to +x)
  EXPECT_FALSE(envmap_light_radiance(turned, glm::vec3(-1, -0.05f, 0), wl).is_black());
  EXPECT_TRUE(envmap_light_radiance(turned, glm::vec3(0, -0.05f, -1), wl).is_black());
}

}  // namespace
}  // namespace limner
