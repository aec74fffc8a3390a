// Dwivedi-guided steps of the random walk (see FlightGuide in random_walk.h).
#include <algorithm>
#include <cmath>
#include <limits>

#include "materials/medium/random_walk.h"
#include "renderer/frame.h"

namespace limner {

namespace {

// Below this mean single-scattering albedo walks are short anyway and guiding gains nothing.
constexpr float kMinGuidedAlbedo = 0.5f;

// Dwivedi's eigenvalue for isotropic scattering with single-scattering albedo a, the fit of
// Krivanek & d'Eon 2014 (Eq. 67): v0 = 1 / sqrt(1 - a^(2.44294 - 0.0215813 a + 0.578637 / a)).
float dwivedi_v0(float a) {
  a = std::min(a, 1.0f - 1e-6f);  // a = 1: v0 infinite (no guiding), keep it finite
  return 1.0f / std::sqrt(1.0f - std::pow(a, 2.44294f - 0.0215813f * a + 0.578637f / a));
}

glm::vec3 around(const glm::vec3& axis, float cos_t, float u) {
  float sin_t = std::sqrt(std::max(0.0f, 1.0f - cos_t * cos_t));
  float phi = 2.0f * kPi * u;
  Frame f = Frame::from_z(axis);
  return glm::normalize(f.to_world({sin_t * std::cos(phi), sin_t * std::sin(phi), cos_t}));
}

}  // namespace

bool medium_scatters(const MediumCoefficients& m) {
  for (int i = 0; i < kLambdas; ++i)
    if (m.sigma_s[i] > 0.0f) return true;
  return false;
}

FlightGuide make_flight_guide(const MediumCoefficients& m, const glm::vec3& normal, bool on) {
  FlightGuide g;
  g.normal = normal;
  if (!on || !medium_scatters(m)) return g;
  float a = 0.0f;
  for (int i = 0; i < kLambdas; ++i) {
    float ai = m.sigma_t[i] > 0.0f ? m.sigma_s[i] / m.sigma_t[i] : 0.0f;
    a += ai / float(kLambdas);
    g.v0[i] = dwivedi_v0(std::max(ai, kMinGuidedAlbedo));
    g.log_ratio[i] = std::log1p(2.0f / (g.v0[i] - 1.0f));
    if (!(g.log_ratio[i] > 0.0f) || !std::isfinite(g.log_ratio[i])) return g;
  }
  if (a < kMinGuidedAlbedo) return g;  // symmetric in the four: the same for any hero
  // Forward scattering makes the classic walk more directional and the isotropic guide less
  // apt: Cycles' share (1 - max(0.5, |g|^(1/8))), 0.5 for isotropic media.
  g.fraction = 1.0f - std::max(0.5f, std::pow(std::fabs(m.g), 0.125f));
  float st = 0.0f, v0 = 0.0f;  // means over the four wavelengths: hero-independent
  for (int i = 0; i < kLambdas; ++i) {
    st += m.sigma_t[i] / float(kLambdas);
    v0 += g.v0[i] / float(kLambdas);
  }
  g.diffusion_length = v0 / st;
  g.thin_range = 9.0f * g.diffusion_length;  // backward share below 1e-3 beyond
  return g;
}

void set_opposite_distance(FlightGuide& g, float d) {
  g.backward = 0.0f;
  if (g.fraction > 0.0f && d < g.thin_range)
    g.backward = 1.0f / (1.0f + std::exp((d - 2.0f * g.diffusion_length) / g.diffusion_length));
}

WalkStep sample_step(const MediumCoefficients& m, const FlightGuide& guide, const glm::vec3& dir,
                     bool first, float u_strategy, float u_distance, const glm::vec2& u_dir) {
  WalkStep s;
  s.first = first;
  const bool guided = u_strategy < guide.fraction;
  const bool backward = u_strategy < guide.fraction * guide.backward;
  const float v0 = guide.v0[0];
  if (first)
    s.dir = dir;
  else if (guided)  // Dwivedi's cosine: v0 - (v0 + 1) ((v0 - 1) / (v0 + 1))^u
    s.dir = around(backward ? -guide.normal : guide.normal,
                   std::clamp(v0 - (v0 + 1.0f) * std::exp(-u_dir.x * guide.log_ratio[0]),
                              -1.0f, 1.0f),
                   u_dir.y);
  else
    s.dir = sample_hg(dir, m.g, u_dir);
  float stretch = 1.0f;
  if (guide.fraction > 0.0f) {
    s.mu = std::clamp(glm::dot(s.dir, guide.normal), -1.0f, 1.0f);
    stretch = backward ? 1.0f + s.mu / v0 : 1.0f - s.mu / v0;
    if (!first) s.pdf_classic = hg_phase(glm::dot(dir, s.dir), m.g);
  }
  float st = m.sigma_t[0] * (guided ? stretch : 1.0f);
  s.t = medium_scatters(m) && st > 0.0f ? -std::log1p(-u_distance) / st
                                        : std::numeric_limits<float>::infinity();
  return s;
}

namespace {

// The exponent divided out of every pdf of a step (against underflow): the hero's smallest.
float common_exponent(const MediumCoefficients& m, const FlightGuide& guide, float mu, float d) {
  const float k0 = std::min(1.0f - mu / guide.v0[0], 1.0f + mu / guide.v0[0]);
  return m.sigma_t[0] * d *
         std::min(1.0f, guide.backward > 0.0f ? k0 : 1.0f - mu / guide.v0[0]);
}

// Per wavelength j, with its own v0_j (stretch k_j = 1 - mu / v0_j, Dwivedi pdf g_j), the
// mixture's pdf of a flight of length d in a direction of cosine mu to the normal and HG value
// `phase`, ending in a scattering event (scatter) or at a surface:
//   p_j = (1 - w) phase [sigma_t_j] T_j(d) + w g_j [k_j sigma_t_j] T_j(k_j d),
// brackets only for a scattering event; phase and g_j are 1 for a given first direction;
// times exp(e). *transmittance: T_j(d) times exp(e).
SampledSpectrum mixture_pdf(const MediumCoefficients& m, const FlightGuide& guide, float phase,
                            float mu, bool first, bool scatter, float d, float e,
                            SampledSpectrum* transmittance) {
  const float w = guide.fraction, wb = guide.backward;
  SampledSpectrum p;
  for (int j = 0; j < kLambdas; ++j) {
    float v0 = guide.v0[j], norm = 1.0f / (guide.log_ratio[j] * 2.0f * kPi);
    float a = std::exp(e - m.sigma_t[j] * d);
    (*transmittance)[j] = a;
    // one guided strategy: towards `sign` x normal, stretch k = 1 - sign mu / v0
    auto guided = [&](float sign) {
      float k = 1.0f - sign * mu / v0;
      float g = first ? 1.0f : norm / (v0 - sign * mu);
      return g * (scatter ? k : 1.0f) * std::exp(e - m.sigma_t[j] * k * d);
    };
    float pg = (1.0f - wb) * guided(1.0f) + (wb > 0.0f ? wb * guided(-1.0f) : 0.0f);
    p[j] = (scatter ? m.sigma_t[j] : 1.0f) * ((1.0f - w) * phase * a + w * pg);
  }
  return p;
}

}  // namespace

FlightEnd finish_step(const MediumCoefficients& m, const FlightGuide& guide, const WalkStep& step,
                      float t_surface, SampledSpectrum& beta, SampledSpectrum& r_u, float* t) {
  if (guide.fraction <= 0.0f)  // classic: the direction pdf (HG) cancels
    return finish_flight(m, step.t, t_surface, beta, r_u, t);
  const bool scatter = step.t < t_surface;
  *t = scatter ? step.t : t_surface;
  if (!std::isfinite(*t)) return FlightEnd::Surface;
  // f_j = [sigma_s_j] T_j(t) phase over mixture_pdf's p_j, both times exp(e).
  const float d = *t, phase = step.pdf_classic, e = common_exponent(m, guide, step.mu, d);
  SampledSpectrum f, p = mixture_pdf(m, guide, phase, step.mu, step.first, scatter, d, e, &f);
  f *= (scatter ? m.sigma_s : SampledSpectrum(1.0f)) * phase;
  if (!(p[0] > 0.0f)) {
    beta = SampledSpectrum(0.0f);
    return scatter ? FlightEnd::Scatter : FlightEnd::Surface;
  }
  beta *= f / p[0];
  r_u *= p / p[0];
  renormalize(beta, r_u);
  return scatter ? FlightEnd::Scatter : FlightEnd::Surface;
}

ReachPdfs reach_pdfs(const MediumCoefficients& m, const FlightGuide& guide,
                     const glm::vec3& dir_in, const glm::vec3& dir, float d,
                     const SampledSpectrum& r_u) {
  const float phase = hg_phase(glm::dot(dir_in, dir), m.g);
  const float mu = std::clamp(glm::dot(dir, guide.normal), -1.0f, 1.0f);
  const bool guided = guide.fraction > 0.0f;
  const float e = guided ? common_exponent(m, guide, mu, d) : m.sigma_t[0] * d;
  SampledSpectrum walk, free;
  if (guided) {
    walk = mixture_pdf(m, guide, phase, mu, false, false, d, e, &free);
  } else {
    for (int j = 0; j < kLambdas; ++j) free[j] = std::exp(e - m.sigma_t[j] * d);
    walk = free * phase;
  }
  return {(r_u * walk).average(), (r_u * free).average()};
}

}  // namespace limner
