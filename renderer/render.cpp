#include "renderer/render.h"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "renderer/spectral/color.h"

namespace limner {

namespace {

struct TileResult {
  uint64_t paths = 0, rays = 0, bad = 0;
  int bad_x = -1, bad_y = -1;
};

void render_pixel(const Scene& scene, Film& film, int x, int y, TileResult& r,
                  std::vector<RayRecord>* log) {
  const FilmDesc& fd = scene.film;
  PathCounters c;
  size_t index = size_t(y) * film.width + x;
  for (int s = 0; s < fd.spp; ++s) {
    Sampler sampler(uint32_t(x), uint32_t(y), uint32_t(s), fd.seed);
    SampledWavelengths wl = sample_wavelengths(sampler.get1d());
    glm::vec2 film_pos = glm::vec2(x, y) + sampler.get2d();
    Ray ray = scene.camera.generate_ray(film_pos, sampler.get2d());
    SampledSpectrum L = trace_path(scene, ray, wl, sampler, c, log);
    glm::vec3 xyz = sampled_to_xyz(L, wl);
    ++r.paths;
    if (!std::isfinite(xyz.x) || !std::isfinite(xyz.y) || !std::isfinite(xyz.z)) {
      if (r.bad++ == 0) {
        r.bad_x = x;
        r.bad_y = y;
      }
      continue;
    }
    film.xyz_sum[index] += glm::dvec3(xyz);
    ++film.samples[index];
  }
  r.rays += c.rays;
}

}  // namespace

int resolve_threads(int requested) {
  if (requested > 0) return requested;
  return std::max(1, int(tbb::this_task_arena::max_concurrency()));
}

RenderStats render(const Scene& scene, Film& film, const RenderOptions& options) {
  auto start = std::chrono::steady_clock::now();
  RenderStats stats;
  stats.threads = resolve_threads(options.threads);
  const int tiles_x = (film.width + kTileSize - 1) / kTileSize;
  const int tiles_y = (film.height + kTileSize - 1) / kTileSize;
  const int tile_count = tiles_x * tiles_y;
  std::vector<TileResult> results(tile_count);
  if (options.ray_log) options.ray_log->assign(tile_count, {});
  std::atomic<int> done{0};
  std::mutex progress_mutex;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, stats.threads);
  tbb::task_arena arena(stats.threads);
  arena.execute([&] {
    tbb::parallel_for(0, tile_count, [&](int t) {
      enable_ftz_daz();
      int x0 = (t % tiles_x) * kTileSize, y0 = (t / tiles_x) * kTileSize;
      std::vector<RayRecord>* log = options.ray_log ? &(*options.ray_log)[t] : nullptr;
      for (int y = y0; y < std::min(y0 + kTileSize, film.height); ++y)
        for (int x = x0; x < std::min(x0 + kTileSize, film.width); ++x)
          render_pixel(scene, film, x, y, results[t], log);
      int n = ++done;
      if (options.progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        options.progress(double(n) / tile_count);
      }
    });
  });
  for (const TileResult& r : results) {
    stats.paths += r.paths;
    stats.rays += r.rays;
    if (r.bad && stats.nan_or_inf_samples == 0) {
      stats.nan_x = r.bad_x;
      stats.nan_y = r.bad_y;
    }
    stats.nan_or_inf_samples += r.bad;
  }
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace limner
