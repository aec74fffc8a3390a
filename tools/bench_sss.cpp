#include "tools/bench_sss.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "renderer/render.h"
#include "renderer/scene_parse.h"
#include "tools/output_util.h"

namespace limner {

namespace {

constexpr int kSize = 32;        // pixels across: small, the figure is per-pixel noise
constexpr int kTestSpp = 256;    // the noisy render
constexpr int kTestRuns = 4;     // independent noisy renders, their squared errors averaged
constexpr int kReferenceSpp = 4096;
constexpr double kTargetRmse = 0.02;

struct Run {
  Film film{1, 1};
  double seconds = 0.0;
  uint64_t paths = 0, rays = 0;
};

Run render_bust(bool diffuse, int spp, uint64_t seed, int threads) {
  std::string file = std::string(LIMNER_SOURCE_DIR) + "/scenes/silicone_bust.json";
  std::vector<std::string> sets = {"film.width=" + std::to_string(kSize),
                                   "film.height=" + std::to_string(kSize),
                                   "film.spp=" + std::to_string(spp),
                                   "film.seed=" + std::to_string(seed)};
  // Diffuse stand-in with about the silicone preset's d:d colour.
  if (diffuse)
    sets.push_back(
        R"(materials.silicone={"type": "diffuse", "reflectance": {"rgb": [0.6, 0.5, 0.42]}})");
  SceneDesc desc = load_scene_desc(file, sets);
  auto scene = build_scene(desc);
  Run r;
  r.film = Film(desc.film.width, desc.film.height);
  RenderOptions opts;
  opts.threads = threads;
  RenderStats s = render(*scene, r.film, opts);
  r.seconds = s.seconds;
  r.paths = s.paths;
  r.rays = s.rays;
  return r;
}

// Relative RMSE of luminance Y over the image, against the reference's mean.
double relative_rmse(const Film& a, const Film& ref) {
  double se = 0.0, mean = 0.0;
  for (int y = 0; y < ref.height; ++y)
    for (int x = 0; x < ref.width; ++x) {
      double d = double(a.pixel_xyz(x, y).y) - double(ref.pixel_xyz(x, y).y);
      se += d * d;
      mean += double(ref.pixel_xyz(x, y).y);
    }
  double n = double(ref.width) * ref.height;
  return std::sqrt(se / n) / (mean / n);
}

struct Figures {
  double samples_per_second = 0.0, rays_per_path = 0.0, rmse_at_test = 0.0, spp_to_target = 0.0, seconds = 0.0;
};

// Error model e^2(N) = c / N: the measured RMSE at the test spp also holds the reference's own
// noise, so m^2 = c (1 / N + 1 / N_ref). m^2 is averaged over kTestRuns independent test renders:
// one 256-spp render's error is itself noisy (a different random sequence alone moved the
// subsurface figure by 20%).
Figures measure(bool diffuse, int threads) {
  Run ref = render_bust(diffuse, kReferenceSpp, 1, threads);
  Figures f;
  double m2 = 0.0, seconds = 0.0;
  uint64_t paths = 0, rays = 0;
  for (int i = 0; i < kTestRuns; ++i) {
    Run test = render_bust(diffuse, kTestSpp, uint64_t(2 + i), threads);
    double e = relative_rmse(test.film, ref.film);
    m2 += e * e / kTestRuns;
    seconds += test.seconds;
    paths += test.paths;
    rays += test.rays;
  }
  f.samples_per_second = double(paths) / seconds;
  f.rays_per_path = double(rays) / double(paths);
  f.rmse_at_test = std::sqrt(m2);
  double c = m2 / (1.0 / kTestSpp + 1.0 / kReferenceSpp);
  f.spp_to_target = c / (kTargetRmse * kTargetRmse);
  f.seconds = f.spp_to_target * (seconds / kTestRuns) / kTestSpp;
  return f;
}

}  // namespace

void run_subsurface_bench(int threads, const std::string& stats_path) {
  Figures sss = measure(false, threads), dif = measure(true, threads);
  double ratio = sss.seconds / dif.seconds;
  std::printf("limner bench --subsurface (%d threads; scenes/silicone_bust.json at %dx%d)\n",
              threads, kSize, kSize);
  std::printf("  %-38s %12s %12s\n", "figure", "subsurface", "diffuse");
  std::printf("  %-38s %12.0f %12.0f\n", "samples/s", sss.samples_per_second,
              dif.samples_per_second);
  std::printf("  %-38s %12.1f %12.1f\n", "rays per path", sss.rays_per_path,
              dif.rays_per_path);
  std::printf("  %-38s %12.4f %12.4f\n", "relative RMSE at 256 spp", sss.rmse_at_test,
              dif.rmse_at_test);
  std::printf("  %-38s %12.0f %12.0f\n", "spp to 2% relative RMSE", sss.spp_to_target,
              dif.spp_to_target);
  std::printf("  %-38s %12.2f %12.2f\n", "seconds to 2% relative RMSE", sss.seconds,
              dif.seconds);
  std::printf("  %-38s %12.2f %12s\n", "ratio subsurface / diffuse", ratio, "target <= 2");
  std::printf("  (Blender Cycles comparison: not run, see README)\n");
  if (stats_path.empty()) return;
  auto fig = [](const Figures& f) {
    return Json{{"samples_per_second", f.samples_per_second},
                {"rays_per_path", f.rays_per_path},
                {"relative_rmse_at_256_spp", f.rmse_at_test},
                {"spp_to_2pct_rmse", f.spp_to_target},
                {"seconds_to_2pct_rmse", f.seconds}};
  };
  Json j = {{"threads", threads}, {"subsurface", fig(sss)}, {"diffuse", fig(dif)},
            {"ratio_subsurface_to_diffuse", ratio}};
  write_text_atomic(stats_path, j.dump(2) + "\n");
}

}  // namespace limner
