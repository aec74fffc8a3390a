#include "materials/bsdf/fresnel.h"

#include <algorithm>
#include <cmath>

namespace limner {

namespace {

// 4-point Gauss-Legendre on mu in [0,1] for the weight 2 mu: nodes mu_j = (1 + x_j) / 2 and
// weights w_j mu_j, with (x_j, w_j) the classic nodes on [-1, 1].
constexpr float kGlX[4] = {-0.8611363115940526f, -0.3399810435848563f, 0.3399810435848563f,
                           0.8611363115940526f};
constexpr float kGlW[4] = {0.3478548451374538f, 0.6521451548625461f, 0.6521451548625461f,
                           0.3478548451374538f};

template <class F>
float cosine_weighted_average(F fresnel) {
  float sum = 0.0f;
  for (int j = 0; j < 4; ++j) {
    float mu = 0.5f * (1.0f + kGlX[j]);
    sum += kGlW[j] * mu * fresnel(mu);
  }
  return sum;
}

}  // namespace

float fresnel_dielectric(float cos_i, float eta) {
  cos_i = std::clamp(cos_i, -1.0f, 1.0f);
  if (cos_i < 0.0f) {  // arriving from the z < 0 side: the roles of the two media swap
    eta = 1.0f / eta;
    cos_i = -cos_i;
  }
  float sin2_t = (1.0f - cos_i * cos_i) / (eta * eta);
  if (sin2_t >= 1.0f) return 1.0f;
  float cos_t = std::sqrt(1.0f - sin2_t);
  float r_par = (eta * cos_i - cos_t) / (eta * cos_i + cos_t);
  float r_perp = (cos_i - eta * cos_t) / (cos_i + eta * cos_t);
  return 0.5f * (r_par * r_par + r_perp * r_perp);
}

float fresnel_conductor(float cos_i, float eta, float k) {
  // The complex Fresnel equations written in real arithmetic (std::complex<float> division is
  // several times slower). With n = eta + i k and s2 = sin^2, the transmitted direction's
  // complex cosine times n is a + i b, where a^2 + b^2 = sqrt((eta^2 - k^2 - s2)^2 +
  // 4 eta^2 k^2) and a^2 = (a^2 + b^2 + eta^2 - k^2 - s2) / 2.
  float c = std::clamp(std::fabs(cos_i), 0.0f, 1.0f);
  float c2 = c * c, s2 = 1.0f - c2;
  float t0 = eta * eta - k * k - s2;
  float ek2 = eta * eta * k * k;
  float a2b2 = std::sqrt(t0 * t0 + 4.0f * ek2);
  // For t0 < 0 the sum a2b2 + t0 cancels; the product identity (a2b2 + t0)(a2b2 - t0) =
  // 4 eta^2 k^2 gives the same a^2 without cancellation.
  float a2 = t0 >= 0.0f ? 0.5f * (a2b2 + t0) : 2.0f * ek2 / (a2b2 - t0);  // a2b2 - t0 > 0
  float two_ca = 2.0f * c * std::sqrt(a2);
  float t1 = a2b2 + c2;
  float rs = (t1 - two_ca) / (t1 + two_ca);  // perpendicular
  float t3 = c2 * a2b2 + s2 * s2;
  float t4 = two_ca * s2;
  float rp = rs * (t3 - t4) / (t3 + t4);  // parallel
  return 0.5f * (rs + rp);
}

SampledSpectrum fresnel_conductor(float cos_i, const SampledSpectrum& eta,
                                  const SampledSpectrum& k) {
  SampledSpectrum f;
  for (int i = 0; i < kLambdas; ++i) f[i] = fresnel_conductor(cos_i, eta[i], k[i]);
  return f;
}

float fresnel_conductor_average(float eta, float k) {
  return cosine_weighted_average([&](float mu) { return fresnel_conductor(mu, eta, k); });
}

float fresnel_dielectric_average(float eta) {
  return cosine_weighted_average([&](float mu) { return fresnel_dielectric(mu, eta); });
}

bool refract(const glm::vec3& w, glm::vec3 n, float eta, glm::vec3* wt, float* etap) {
  float cos_i = glm::dot(n, w);
  if (cos_i < 0.0f) {  // w is on the far side of n: refract through the flipped interface
    eta = 1.0f / eta;
    cos_i = -cos_i;
    n = -n;
  }
  float sin2_t = std::max(0.0f, 1.0f - cos_i * cos_i) / (eta * eta);
  if (sin2_t >= 1.0f) return false;
  float cos_t = std::sqrt(1.0f - sin2_t);
  *wt = -w / eta + (cos_i / eta - cos_t) * n;
  *etap = eta;
  return true;
}

}  // namespace limner
