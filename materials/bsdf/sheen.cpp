#include "materials/bsdf/sheen.h"

#include <algorithm>
#include <cmath>

#include "materials/bsdf/sampling.h"

namespace limner {

namespace {

// Midpoints in theta_m for sigma (the azimuth is integrated in closed form), and per
// dimension of the (mu_i, phi) grid for the albedo; the integrands are smooth.
constexpr int kSigmaSteps = 4096;
constexpr int kAlbedoGrid = 160;

float table_cosine(int i) { return (i + 0.5f) / kEnergyTableSize; }

// int_0^{2 pi} max(0, a + b cos phi) dphi for b >= 0.
double clamped_cosine_azimuth(double a, double b) {
  if (a >= b) return 2.0 * kPi * a;
  if (a <= -b) return 0.0;
  double phi0 = std::acos(-a / b);
  return 2.0 * (a * phi0 + b * std::sin(phi0));
}

}  // namespace

float clamp_sheen_roughness(float r) { return std::clamp(r, kMinSheenRoughness, 1.0f); }

float charlie_d(float cos_h, float r) {
  float sin2 = std::max(0.0f, 1.0f - cos_h * cos_h);
  float inv_r = 1.0f / r;
  // sin^(1/r) = (sin^2)^(1/(2r))
  return (2.0f + inv_r) * std::pow(sin2, 0.5f * inv_r) * (0.5f * kInvPi);
}

double charlie_projected_area(float mu, float r) {
  // Integrate over theta_m in [0, pi/2] (dm = sin dtheta dphi); <w, m> = mu cos + s sin cos phi.
  double s_o = std::sqrt(std::max(0.0, 1.0 - double(mu) * mu)), sum = 0.0;
  const double h = 0.5 * kPi / kSigmaSteps;
  for (int k = 0; k < kSigmaSteps; ++k) {
    double th = (k + 0.5) * h, c = std::cos(th), s = std::sin(th);
    sum += charlie_d(float(c), r) * clamped_cosine_azimuth(mu * c, s_o * s) * s;
  }
  return sum * h;
}

float sheen_value(const SheenTables& t, const glm::vec3& wo, const glm::vec3& wi) {
  if (!same_side(wo, wi)) return 0.0f;
  float mu_o = std::fabs(wo.z), mu_i = std::fabs(wi.z);
  glm::vec3 h = wo + wi;
  float len = glm::length(h);
  if (!(len > 0.0f)) return 0.0f;
  float denom = 4.0f * (t.sigma.lookup(mu_o) * mu_i + t.sigma.lookup(mu_i) * mu_o - mu_i * mu_o);
  if (!(denom > 0.0f)) return 0.0f;
  return charlie_d(std::fabs(h.z) / len, t.roughness) / denom;
}

SampledSpectrum sheen_eval(const SheenBsdf& s, const glm::vec3& wo, const glm::vec3& wi) {
  return s.color * sheen_value(*s.tables, wo, wi);
}

float sheen_pdf(const glm::vec3& wo, const glm::vec3& wi) {
  return same_side(wo, wi) ? 0.5f * kInvPi : 0.0f;
}

glm::vec3 sheen_sample_direction(const glm::vec3& wo, const glm::vec2& u) {
  float z = u.x;  // uniform in cos theta over [0, 1) is uniform in solid angle
  float s = std::sqrt(std::max(0.0f, 1.0f - z * z));
  float phi = 2.0f * kPi * u.y;
  return {s * std::cos(phi), s * std::sin(phi), wo.z < 0.0f ? -z : z};
}

SampledSpectrum sheen_albedo(const SheenBsdf& s, float cos_o) {
  return s.color * s.tables->albedo.lookup(cos_o);
}

SheenTables build_sheen_tables(float roughness) {
  SheenTables t;
  t.roughness = clamp_sheen_roughness(roughness);
  for (int i = 0; i < kEnergyTableSize; ++i)
    t.sigma.e[i] = float(charlie_projected_area(table_cosine(i), t.roughness));
  double avg = 0.0;
  for (int i = 0; i < kEnergyTableSize; ++i) {
    float mu = table_cosine(i);
    glm::vec3 wo(std::sqrt(1.0f - mu * mu), 0.0f, mu);
    double sum = 0.0;
    for (int a = 0; a < kAlbedoGrid; ++a) {
      float mu_i = (a + 0.5f) / kAlbedoGrid;
      float sin_i = std::sqrt(1.0f - mu_i * mu_i);
      for (int b = 0; b < kAlbedoGrid; ++b) {
        float phi = kPi * (b + 0.5f) / kAlbedoGrid;
        glm::vec3 wi(sin_i * std::cos(phi), sin_i * std::sin(phi), mu_i);
        sum += sheen_value(t, wo, wi) * mu_i;
      }
    }
    // dw = dmu dphi over mu in [0, 1], phi in [0, 2 pi]; the half [0, pi] is doubled.
    t.albedo.e[i] = float(sum * 2.0 * kPi / (double(kAlbedoGrid) * kAlbedoGrid));
    avg += 2.0 * t.albedo.e[i] * mu / kEnergyTableSize;
  }
  t.albedo.e_avg = float(avg);
  return t;
}

}  // namespace limner
