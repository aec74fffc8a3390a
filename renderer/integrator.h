// Unidirectional spectral path tracing with next-event estimation, multiple importance
// sampling (power heuristic) and Russian roulette.
#pragma once
#include <cstdint>
#include <vector>

#include "renderer/sampler.h"
#include "renderer/scene.h"

namespace limner {

// A traced ray, kept when a benchmark wants to replay the renderer's rays through Embree alone.
struct RayRecord {
  glm::vec3 origin;
  float tmin;
  glm::vec3 dir;
  float tmax;
  uint32_t shadow;  // 1: occlusion query
};

struct PathCounters {
  uint64_t rays = 0;
};

// Shadow rays to a light point stop this fraction short of it (the light's own surface).
constexpr float kShadowShorten = 1.0f - 1e-4f;

// Ray queries of a path: counted, and logged when log is given.
bool trace(const Scene& scene, const Ray& ray, RayHit& hit, PathCounters& c,
           std::vector<RayRecord>* log);
bool occluded(const Scene& scene, const Ray& ray, PathCounters& c, std::vector<RayRecord>* log);

SampledSpectrum trace_path(const Scene& scene, Ray ray, const SampledWavelengths& wl,
                           Sampler& sampler, PathCounters& counters,
                           std::vector<RayRecord>* log = nullptr);

}  // namespace limner
