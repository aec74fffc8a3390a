#include "renderer/medium_walk.h"

#include <algorithm>
#include <limits>

namespace limner {

WalkEnd walk_medium(const Scene& scene, const HomogeneousMedium& medium, Ray& ray, RayHit& hit,
                    const SampledWavelengths& wl, Sampler& sampler, SampledSpectrum& beta,
                    SampledSpectrum& r_u, PathCounters& counters, std::vector<RayRecord>* log,
                    bool* scattered, const glm::vec3& entry_normal, const WalkLimits& limits) {
  const MediumCoefficients m = sample_medium(medium, wl);
  FlightGuide guide = make_flight_guide(m, entry_normal, limits.guided);
  if (guide.fraction > 0.0f) {  // is the object thin behind the entry? (backward guiding)
    Ray probe{ray.origin, -entry_normal, 0.0f, guide.thin_range};
    RayHit probe_hit;
    ++counters.rays;
    set_opposite_distance(guide, scene.rt->intersect(probe, probe_hit)
                                     ? probe_hit.t
                                     : std::numeric_limits<float>::infinity());
  }
  const float entry_max = beta.max_value();
  WalkRng rng((uint64_t(sampler.get1d() * 16777216.0f) << 24) ^
              uint64_t(sampler.get1d() * 16777216.0f));
  *scattered = false;
  for (int events = 0;;) {
    float u_strategy = rng.next(), u_distance = rng.next();
    WalkStep step = sample_step(m, guide, ray.dir, events == 0, u_strategy, u_distance,
                                events == 0 ? glm::vec2(0.0f) : rng.next2());
    // Look for surfaces only up to the sampled distance: short rays are cheap.
    ray.dir = step.dir;
    ray.tmax = std::min(step.t, 1e30f);
    ++counters.rays;
    if (log) log->push_back({ray.origin, ray.tmin, ray.dir, ray.tmax, 0});
    bool found = scene.rt->intersect(ray, hit);
    float t_surface = found ? hit.t : std::numeric_limits<float>::infinity();
    float t;
    FlightEnd end = finish_step(m, guide, step, t_surface, beta, r_u, &t);
    if (beta.is_black()) return WalkEnd::Absorbed;
    if (end == FlightEnd::Surface) return found ? WalkEnd::Surface : WalkEnd::Escaped;
    *scattered = true;
    if (!walk_survives(++events, entry_max, rng.next(), limits, beta)) return WalkEnd::Absorbed;
    ray = Ray{ray.origin + t * ray.dir, ray.dir, 0.0f, 1e30f};
  }
}

}  // namespace limner
