#include "materials/medium/random_walk.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "renderer/frame.h"

namespace limner {

namespace {

bool scatters(const MediumCoefficients& m) {
  for (int i = 0; i < kLambdas; ++i)
    if (m.sigma_s[i] > 0.0f) return true;
  return false;
}

// exp(-(sigma_t_i - sigma_t_hero) t): transmittance ratios without underflow of either term.
SampledSpectrum transmittance_ratio(const MediumCoefficients& m, float t) {
  SampledSpectrum r;
  for (int i = 0; i < kLambdas; ++i) r[i] = std::exp(-(m.sigma_t[i] - m.sigma_t[0]) * t);
  return r;
}

}  // namespace

void renormalize(SampledSpectrum& beta, SampledSpectrum& r_u) {
  float s = r_u.average();
  if (s > 0.0f && std::isfinite(s)) {
    beta /= s;
    r_u /= s;
  } else {
    beta = SampledSpectrum(0.0f);
  }
}

float flight_distance(const MediumCoefficients& m, float u) {
  if (!scatters(m)) return std::numeric_limits<float>::infinity();
  float st0 = m.sigma_t[0];
  return st0 > 0.0f ? -std::log1p(-u) / st0 : std::numeric_limits<float>::infinity();
}

FlightEnd finish_flight(const MediumCoefficients& m, float ts, float t_surface,
                        SampledSpectrum& beta, SampledSpectrum& r_u, float* t) {
  if (!scatters(m)) {  // pure absorber: the exact transmittance, nothing sampled
    *t = t_surface;
    for (int i = 0; i < kLambdas; ++i)
      beta[i] *= std::isfinite(t_surface) ? std::exp(-m.sigma_a[i] * t_surface)
                                          : (m.sigma_a[i] > 0.0f ? 0.0f : 1.0f);
    return FlightEnd::Surface;
  }
  if (ts < t_surface) {
    // f_i = sigma_s_i T_i(ts), p_i = sigma_t_i T_i(ts); divided by the hero's p_0.
    SampledSpectrum ratio = transmittance_ratio(m, ts);
    float st0 = m.sigma_t[0];
    beta *= m.sigma_s * ratio / st0;
    r_u *= m.sigma_t * ratio / st0;
    renormalize(beta, r_u);
    *t = ts;
    return FlightEnd::Scatter;
  }
  // Reached the surface: f_i = p_i = T_i(t_surface) (the probability of flying that far).
  *t = t_surface;
  if (std::isfinite(t_surface)) {
    SampledSpectrum ratio = transmittance_ratio(m, t_surface);
    beta *= ratio;
    r_u *= ratio;
    renormalize(beta, r_u);
  }
  return FlightEnd::Surface;
}

FlightEnd sample_flight(const MediumCoefficients& m, float t_surface, float u,
                        SampledSpectrum& beta, SampledSpectrum& r_u, float* t) {
  return finish_flight(m, flight_distance(m, u), t_surface, beta, r_u, t);
}

float hg_phase(float cos_theta, float g) {
  float denom = 1.0f + g * g - 2.0f * g * cos_theta;  // cos between incoming dir and new dir
  return (1.0f - g * g) / (4.0f * kPi * denom * std::sqrt(std::max(denom, 1e-12f)));
}

glm::vec3 sample_hg(const glm::vec3& dir, float g, const glm::vec2& u) {
  float cos_t;
  if (std::fabs(g) < 1e-3f) {
    cos_t = 1.0f - 2.0f * u.x;
  } else {
    float s = (1.0f - g * g) / (1.0f + g - 2.0f * g * u.x);
    cos_t = std::clamp((1.0f + g * g - s * s) / (2.0f * g), -1.0f, 1.0f);
  }
  float sin_t = std::sqrt(std::max(0.0f, 1.0f - cos_t * cos_t));
  float phi = 2.0f * kPi * u.y;
  Frame f = Frame::from_z(dir);
  return glm::normalize(f.to_world({sin_t * std::cos(phi), sin_t * std::sin(phi), cos_t}));
}

bool walk_survives(int events, float entry_max, float u, const WalkLimits& limits,
                   SampledSpectrum& beta) {
  if (events >= limits.max_events) return false;
  if (events < limits.roulette_events) return true;
  float p = entry_max > 0.0f
                ? std::min(1.0f, beta.max_value() / (limits.roulette_threshold * entry_max))
                : 0.0f;
  if (events >= limits.long_walk_events) p = std::min(p, limits.long_walk_survival);
  if (p >= 1.0f) return true;
  if (!(u < p)) return false;
  beta /= p;
  return true;
}

}  // namespace limner
