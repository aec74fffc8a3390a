// The pieces of a volumetric random walk shared by the renderer (renderer/medium_walk.cpp,
// surfaces found by ray casts) and `limner measure` (renderer/measure_slab.cpp, planar slab):
// free-flight sampling with spectral MIS, Henyey-Greenstein scattering and Russian roulette.
//
// Spectral MIS (Wilkie et al. 2014 hero wavelengths; pbrt-v4 volpath's r_u): distances are
// sampled with the hero wavelength (index 0) only. A path's estimate for wavelength i is
// f_i / ((1/4) sum_j p_j) - the balance heuristic over the four wavelengths, each of which could
// have been the hero. `beta` carries f_i / p_hero and `r_u` carries p_j / p_hero over the whole
// path; both are divided by avg(r_u) after every step, so avg(r_u) stays 1 and `beta` is at all
// times the MIS-weighted throughput (what the integrator multiplies emission by). Every other
// pdf on a path (BSDF sampling, light sampling) is the same for all four wavelengths, so it
// cancels from the ratios and only this walk needs to track them.
#pragma once
#include <cstdint>
#include <glm/glm.hpp>

#include "materials/medium/medium.h"

namespace limner {

// Bounds of a walk. Russian roulette never darkens (it reweights survivors by 1 / p); the hard
// cap on events could, but with survival at most `long_walk_survival` per event after
// `long_walk_events`, reaching `max_events` has probability below 0.99^(65536 - 2048) < 1e-270.
struct WalkLimits {
  int roulette_events = 16;        // from here on, survival = throughput relative to entry,
  float roulette_threshold = 1.0f;  // divided by this (walks above it always survive)
  int long_walk_events = 2048;     // from here on, survival is also capped
  float long_walk_survival = 0.99f;
  int max_events = 65536;          // hard bound on scattering events per walk
  bool guided = true;              // Dwivedi-guided flights (FlightGuide below)
  bool aimed = true;               // light-aimed exits where there are lights (aimed_exit.h)
};

enum class FlightEnd { Scatter, Surface };

// One free flight from inside the medium towards a surface at distance t_surface (may be
// infinite). Returns Scatter with *t < t_surface, or Surface (*t = t_surface), updating beta and
// r_u. A medium that scatters at none of the four wavelengths is crossed deterministically
// (Beer-Lambert weight, no sampling). u in [0, 1).
FlightEnd sample_flight(const MediumCoefficients& m, float t_surface, float u,
                        SampledSpectrum& beta, SampledSpectrum& r_u, float* t);
// The same in two steps, so a caller can look for surfaces only up to the sampled distance
// (a short ray is cheaper): the hero's distance (infinite for a non-scattering medium), then
// the flight's end given the surface distance (infinite: no surface within it).
float flight_distance(const MediumCoefficients& m, float u);
FlightEnd finish_flight(const MediumCoefficients& m, float t_sampled, float t_surface,
                        SampledSpectrum& beta, SampledSpectrum& r_u, float* t);

// Dwivedi-guided flights (Krivanek & d'Eon 2014, "A zero-variance-based sampling scheme for
// Monte Carlo subsurface scattering"; Meng, Hanika & Dachsbacher 2016): in a high-albedo medium
// most of a classic walk's events are spent wandering away from the surface it entered by.
// Each step, with probability `fraction`, the direction is drawn from Dwivedi's distribution
// peaked towards `normal` (the entry surface's outward normal) and the distance with
// sigma_t (1 - mu / v0) (longer towards the surface, shorter away); otherwise classically (HG,
// sigma_t). The step's pdf is the mixture of both (one-sample MIS, balance heuristic), per
// wavelength, so spectral MIS (r_u) stays exact and the estimate unbiased: wavelength j's pdf
// is the one its own v0 (from its albedo) gives, as if it were the hero.
struct FlightGuide {
  glm::vec3 normal{0.0f, 0.0f, 1.0f};
  float v0[kLambdas] = {}, log_ratio[kLambdas] = {};  // Dwivedi's v0 > 1, log((v0+1)/(v0-1))
  float fraction = 0.0f;                              // 0: classic walk only
  float backward = 0.0f;  // share of guided steps aimed at -normal (thin parts: the far side)
  float diffusion_length = 0.0f;  // mean v0 / mean sigma_t (mm): hero-independent
  float thin_range = 0.0f;        // beyond this far side backward guiding is negligible (0)
};
FlightGuide make_flight_guide(const MediumCoefficients& m, const glm::vec3& normal, bool on);
// Thin parts (far side within a few diffusion lengths along -normal, at distance d; infinite
// if none within thin_range) also get steps guided through to the far side, a third strategy
// in the mixture: Cycles' backward guiding, share 1 / (1 + exp((d - 2 L) / L)).
void set_opposite_distance(FlightGuide& guide, float d);

// One step of a (guided) walk: direction (given for the walk's first flight) and the hero's
// sampled distance, with the direction's pdf under each strategy.
struct WalkStep {
  glm::vec3 dir{0.0f};
  float t = 0.0f;
  float pdf_classic = 1.0f;  // HG pdf of the direction; 1 when the direction was given
  float mu = 0.0f;           // cosine to the guide's normal
  bool first = false;        // the direction was given
};
// u: strategy choice, distance, direction (unused when `first`).
WalkStep sample_step(const MediumCoefficients& m, const FlightGuide& guide, const glm::vec3& dir,
                     bool first, float u_strategy, float u_distance, const glm::vec2& u_dir);
// As finish_flight for a step (t_surface infinite: no surface within step.t).
FlightEnd finish_step(const MediumCoefficients& m, const FlightGuide& guide, const WalkStep& step,
                      float t_surface, SampledSpectrum& beta, SampledSpectrum& r_u, float* t);
bool medium_scatters(const MediumCoefficients& m);
// Divides beta and r_u by avg(r_u), keeping avg(r_u) = 1 (see above): beta is then the
// MIS-weighted throughput. A degenerate r_u ends the path (beta 0).
void renormalize(SampledSpectrum& beta, SampledSpectrum& r_u);
// For weighing other ways of reaching a surface against the walk's own: the walk's pdf of a
// flight from a scattering event (arrived along dir_in) in direction dir reaching a surface at
// distance d (direction pdf times the probability of flying that far: `walk`), and the
// probability of flying that far alone (`free`), each spectrally MIS-averaged with the path's
// r_u (avg_j r_u_j p_j) and both times the same arbitrary factor (against underflow), so only
// their ratio means anything.
struct ReachPdfs {
  float walk = 0.0f, free = 0.0f;
};
ReachPdfs reach_pdfs(const MediumCoefficients& m, const FlightGuide& guide,
                     const glm::vec3& dir_in, const glm::vec3& dir, float d,
                     const SampledSpectrum& r_u);

// A small fast generator for the walk's many random numbers (PCG32, O'Neill 2014): seeded from
// the path's sampler, so images stay independent of threads; stratifying thousands of
// dimensions of a walk would gain nothing.
struct WalkRng {
  uint64_t state;
  explicit WalkRng(uint64_t seed) : state(seed * 6364136223846793005ULL + 1442695040888963407ULL) {}
  float next() {
    uint64_t old = state;
    state = old * 6364136223846793005ULL + 1442695040888963407ULL;
    uint32_t x = uint32_t(((old >> 18u) ^ old) >> 27u), rot = uint32_t(old >> 59u);
    x = (x >> rot) | (x << ((32u - rot) & 31u));
    return float(x >> 8) * 0x1p-24f;
  }
  glm::vec2 next2() {
    float a = next();
    return {a, next()};
  }
};

// Henyey-Greenstein: the phase function value for the cosine between the incoming propagation
// direction and the outgoing one, and sampling of the outgoing direction (pdf = value, so the
// throughput is unchanged).
float hg_phase(float cos_theta, float g);
glm::vec3 sample_hg(const glm::vec3& dir, float g, const glm::vec2& u);

// Russian roulette after the `events`-th scattering event of a walk that entered with
// throughput maximum `entry_max`. Returns false when the walk ends (or hits max_events).
bool walk_survives(int events, float entry_max, float u, const WalkLimits& limits,
                   SampledSpectrum& beta);

}  // namespace limner
