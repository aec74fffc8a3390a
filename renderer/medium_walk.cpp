#include "renderer/medium_walk.h"

#include <algorithm>
#include <limits>

#include "renderer/aimed_exit.h"

namespace limner {

namespace {

// Probability of an aimed exit (renderer/aimed_exit.h) at each scattering event.
constexpr float kAimShare = 0.25f;

}  // namespace

WalkEnd walk_medium(const Scene& scene, const HomogeneousMedium& medium, Ray& ray, RayHit& hit,
                    const SampledWavelengths& wl, Sampler& sampler, SampledSpectrum& beta,
                    SampledSpectrum& r_u, PathCounters& counters, std::vector<RayRecord>* log,
                    bool* scattered, const WalkEntry& entry, SampledSpectrum& L, ExitMis* exit,
                    const WalkLimits& limits) {
  const MediumCoefficients m = sample_medium(medium, wl);
  FlightGuide guide = make_flight_guide(m, entry.normal, limits.guided);
  if (guide.fraction > 0.0f) {  // is the object thin behind the entry? (backward guiding)
    Ray probe{ray.origin, -entry.normal, 0.0f, guide.thin_range};
    RayHit probe_hit;
    set_opposite_distance(guide, trace(scene, probe, probe_hit, counters, log)
                                     ? probe_hit.t
                                     : std::numeric_limits<float>::infinity());
  }
  const float share = aims_possible(limits, scene, medium) ? kAimShare : 0.0f;
  const AimLobe lobe{medium.boundary_alpha, medium.boundary_ior};
  *exit = ExitMis{};
  const float entry_max = beta.max_value();
  WalkRng rng = walk_rng(sampler);
  *scattered = false;
  for (int events = 0;;) {
    float u_strategy = rng.next(), u_distance = rng.next();
    WalkStep step = sample_step(m, guide, ray.dir, events == 0, u_strategy, u_distance,
                                events == 0 ? glm::vec2(0.0f) : rng.next2());
    // Look for surfaces only up to the sampled distance: short rays are cheap.
    const glm::vec3 dir_in = ray.dir;
    const SampledSpectrum r_before = r_u;
    ray.dir = step.dir;
    ray.tmax = std::min(step.t, 1e30f);
    bool found = trace(scene, ray, hit, counters, log);
    float t_surface = found ? hit.t : std::numeric_limits<float>::infinity();
    float t;
    FlightEnd end = finish_step(m, guide, step, t_surface, beta, r_u, &t);
    if (beta.is_black()) return WalkEnd::Absorbed;
    if (end == FlightEnd::Surface) {
      if (events > 0 && share > 0.0f && found)
        *exit = ExitMis{true, ray.origin, ray.dir, guide.normal, lobe, share,
                        reach_pdfs(m, guide, dir_in, ray.dir, t, r_before)};
      else if (events == 0 && entry.bsdf_pdf > 0.0f && found)  // see aimed_entry
        *exit = ExitMis{true, ray.origin, ray.dir, entry.normal, lobe, kAimShareEntry,
                        ReachPdfs{entry.bsdf_pdf, 1.0f}};
      return found ? WalkEnd::Surface : WalkEnd::Escaped;
    }
    *scattered = true;
    if (!walk_survives(++events, entry_max, rng.next(), limits, beta)) return WalkEnd::Absorbed;
    ray = Ray{ray.origin + t * ray.dir, ray.dir, 0.0f, 1e30f};
    if (share > 0.0f && (share >= 1.0f || rng.next() < share))
      L += aimed_exit(scene, WalkVertex{m, guide, lobe, share, ray.origin, ray.dir, beta, r_u},
                      wl, rng, counters, log);
  }
}

}  // namespace limner
