// Renders a scene into a Film with oneTBB over tiles. Every sample's random numbers depend only
// on (pixel, sample index, seed), and each pixel is summed in sample order by one task, so the
// image is bit-identical for any thread count.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "renderer/film.h"
#include "renderer/integrator.h"
#include "renderer/scene.h"

namespace limner {

struct RenderOptions {
  int threads = 0;  // 0: all cores
  // Called with the fraction done, from whichever thread finished a tile (serialised).
  std::function<void(double)> progress;
  // When set, every ray traced is appended, one vector per tile (for the benchmark).
  std::vector<std::vector<RayRecord>>* ray_log = nullptr;
};

struct RenderStats {
  double seconds = 0.0;
  uint64_t paths = 0, rays = 0, nan_or_inf_samples = 0;
  int nan_x = -1, nan_y = -1;  // a bad pixel (the first in tile order), to replay
  int threads = 1;
};

constexpr int kTileSize = 16;

RenderStats render(const Scene& scene, Film& film, const RenderOptions& options);

// Number of worker threads `render` would use.
int resolve_threads(int requested);

}  // namespace limner
