#include "renderer/medium_walk.h"

#include <algorithm>
#include <limits>

namespace limner {

WalkEnd walk_medium(const Scene& scene, const HomogeneousMedium& medium, Ray& ray, RayHit& hit,
                    const SampledWavelengths& wl, Sampler& sampler, SampledSpectrum& beta,
                    SampledSpectrum& r_u, PathCounters& counters, std::vector<RayRecord>* log,
                    bool* scattered, const WalkLimits& limits) {
  const MediumCoefficients m = sample_medium(medium, wl);
  const float entry_max = beta.max_value();
  WalkRng rng((uint64_t(sampler.get1d() * 16777216.0f) << 24) ^
              uint64_t(sampler.get1d() * 16777216.0f));
  *scattered = false;
  for (int events = 0;;) {
    // Look for surfaces only up to the sampled distance: short rays are cheap.
    float ts = flight_distance(m, rng.next());
    ray.tmax = std::min(ts, 1e30f);
    ++counters.rays;
    if (log) log->push_back({ray.origin, ray.tmin, ray.dir, ray.tmax, 0});
    bool found = scene.rt->intersect(ray, hit);
    float t_surface = found ? hit.t : std::numeric_limits<float>::infinity();
    float t;
    FlightEnd end = finish_flight(m, ts, t_surface, beta, r_u, &t);
    if (beta.is_black()) return WalkEnd::Absorbed;
    if (end == FlightEnd::Surface) return found ? WalkEnd::Surface : WalkEnd::Escaped;
    *scattered = true;
    if (!walk_survives(++events, entry_max, rng.next(), limits, beta)) return WalkEnd::Absorbed;
    glm::vec3 p = ray.origin + t * ray.dir;
    ray = Ray{p, sample_hg(ray.dir, m.g, rng.next2()), 0.0f, 1e30f};
  }
}

}  // namespace limner
