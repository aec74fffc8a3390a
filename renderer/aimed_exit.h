// Light-aimed exits: a second way to estimate the light that leaves a subsurface walk.
//
// A walk's own way out: from its last scattering event x, a flight reaches the boundary at z,
// where light sampling (and BSDF sampling) connect z to a light. With a glossy boundary the
// refraction lobe at z is set by the flight's direction, so most exits send their lobe past the
// lights and a few carry the estimate (materials/medium/aimed_step.h). An aimed exit, tried at
// every scattering event x: draw a point y on a light as from x, a direction whose refraction
// through a proxy boundary heads for y, a free flight along it (the hero's distance, as a walk
// flight); if the flight reaches a surface z before scattering, connect z to y through the
// surface's BSDF. The walk itself goes on unchanged.
//
// Both estimate the same light: a path x -> z -> y. So each is weighted by the power heuristic
// over three pdfs of that path, all in one measure (direction at x, reaching z, direction at z):
//   walk + light sampling at z:  W p_light(z -> y)
//   walk + BSDF sampling at z:   W p_bsdf(z -> y)
//   aimed exit:                  G p_light(x -> y) |z - y|^2 / |x - y|^2
// W and G are the walk's and the aimed strategy's pdfs of the flight direction and of reaching z,
// spectrally averaged with the path's r_u (reach_pdfs in random_walk.h); the distance ratio turns
// a solid angle at x into one at z (the light's cosine cancels).
#pragma once
#include <vector>

#include "materials/medium/aimed_step.h"
#include "materials/medium/random_walk.h"
#include "renderer/frame.h"
#include "renderer/integrator.h"

namespace limner {

// Whether aimed exits and entries are tried in this medium at all: asked for, lights to aim at,
// and a glossy boundary that bends light (a smooth one's delta lobe cannot be connected to a
// light; an index-matched one does not refract).
bool aims_possible(const WalkLimits& limits, const Scene& scene, const HomogeneousMedium& m);

// What the weights at a walk's own exit need: the last scattering event and the flight from it.
struct ExitMis {
  bool valid = false;  // false: the walk did not scatter, or no aimed exits were tried
  glm::vec3 x{0.0f}, dir{0.0f};
  glm::vec3 normal{0.0f};  // the walk's guide normal
  AimLobe lobe;
  float share = 0.0f;  // probability an aimed exit is tried per event
  ReachPdfs reach;     // of the flight from x to the exit
};

// The aimed exit's pdf for the path the walk took to its exit z and on to a light point (unit
// direction wi_z from z, at distance dist; delta: a delta light, for which every pdf is the
// light's selection probability), in the units of p_light and p_bsdf at z.
float aimed_exit_pdf(const Scene& scene, const ExitMis& e, int light, const glm::vec3& z,
                     const glm::vec3& wi_z, float dist, bool delta);

// The walk's state at a scattering event: where, the flight that arrived, its weights.
struct WalkVertex {
  const MediumCoefficients& m;
  const FlightGuide& guide;
  AimLobe lobe;
  float share = 0.0f;
  glm::vec3 x, dir_in;
  const SampledSpectrum &beta, &r_u;
};

// One aimed exit from v (with probability v.share, decided by the caller): its weighted
// estimate, or zero. Draws its random numbers from rng.
SampledSpectrum aimed_exit(const Scene& scene, const WalkVertex& v, const SampledWavelengths& wl,
                           WalkRng& rng, PathCounters& counters, std::vector<RayRecord>* log);

// The same from where a path enters the bulk (kAimedEntries times there), with the entry's
// BSDF in place of the phase function: light seen through a thin part (a back-lit ear's rim)
// mostly crosses it without scattering, so its walks have no scattering event to aim from. The
// walk's own first flight is then BSDF-sampled: its ExitMis has reach {bsdf pdf, 1}.
// Several per entry, as the rims they serve carry most of a back-lit image's noise; as n
// samples of one strategy they count n times in the weights (and each 1 / n). On the bust
// (bench --subsurface) 4 instead of 1 cut the rim-dominated figure 14.4 -> 10.8 s for 3% more
// on the light-edge-dominated one; 8 gave 10.3 s and +13%.
constexpr int kAimedEntries = 4;
constexpr float kAimShareEntry = float(kAimedEntries);
struct AimedEntry {
  const MediumCoefficients& m;
  glm::vec3 x;       // where the walk starts (just inside the surface)
  glm::vec3 normal;  // the surface's outward geometric normal (the walk's guide normal)
  AimLobe lobe;
  const Frame& frame;  // shading frame of the entry
  glm::vec3 wo;        // towards where the path came from, local
  const Bsdf& bsdf;
  const SampledSpectrum &beta, &r_u;
};
SampledSpectrum aimed_entry(const Scene& scene, const AimedEntry& en, const SampledWavelengths& wl,
                            WalkRng& rng, PathCounters& counters, std::vector<RayRecord>* log);

}  // namespace limner
