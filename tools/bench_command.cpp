// `limner bench`: renders a fixed ~1M-triangle scene, then replays the very rays the renderer
// traced through Embree alone (same threads), and prints both rates and their ratio.
#include <CLI/CLI.hpp>
#include <sys/resource.h>
#include <unistd.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "materials/detail/detail_bench.h"
#include "materials/paint/paint_bsdf.h"
#include "renderer/geometry/mesh.h"
#include "renderer/render.h"
#include "renderer/scene_parse.h"
#include "tools/bench_lights.h"
#include "tools/bench_mesh.h"
#include "tools/bench_sss.h"
#include "tools/bench_texture.h"
#include "tools/commands.h"
#include "tools/output_util.h"

namespace limner {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

double rss_mb() {
  std::ifstream in("/proc/self/statm");
  long pages = 0, resident = 0;
  in >> pages >> resident;
  return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return double(ru.ru_maxrss) / 1024.0;
}

Json bench_scene_json(const std::string& mesh, int size, int spp) {
  return Json::parse(R"({
    "camera": {"from": [0, 40, 110], "to": [0, 22, 0], "fov_deg": 30},
    "film": {"width": )" + std::to_string(size) + R"(, "height": )" + std::to_string(size) +
                     R"(, "spp": )" + std::to_string(spp) + R"(, "seed": 1},
    "lights": [
      {"type": "rect", "center": [-60, 90, 60], "to": [0, 20, 0], "size": [60, 60],
       "spectrum": "D65", "scale": 8},
      {"type": "environment", "spectrum": "D65", "scale": 0.1}],
    "materials": {
      "clay": {"type": "diffuse", "reflectance": {"rgb": [0.6, 0.45, 0.35]}},
      "glossy": {"type": "conductor", "metal": "brass", "roughness": 0.25},
      "floor": {"type": "diffuse", "reflectance": 0.5}},
    "objects": [
      {"mesh": ")" + mesh + R"(", "material": "clay"},
      {"sphere": {"center": [30, 10, 10], "radius": 10}, "material": "glossy"},
      {"rect": {"center": [0, 0, 0], "normal": [0, 1, 0], "size": [400, 400]},
       "material": "floor"}]})");
}

// Replays logged rays through the ray-query structure only; returns seconds.
double replay(const Scene& scene, const std::vector<std::vector<RayRecord>>& logs, int threads) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  tbb::task_arena arena(threads);
  std::atomic<uint64_t> hits{0};
  auto start = Clock::now();
  arena.execute([&] {
    tbb::parallel_for(size_t(0), logs.size(), [&](size_t t) {
      enable_ftz_daz();
      uint64_t local = 0;
      for (const RayRecord& r : logs[t]) {
        Ray ray{r.origin, r.dir, r.tmin, r.tmax};
        if (r.shadow) {
          local += scene.rt->occluded(ray);
        } else {
          RayHit hit;
          local += scene.rt->intersect(ray, hit);
        }
      }
      hits += local;
    });
  });
  double s = seconds_since(start);
  if (hits.load() == 0) std::fprintf(stderr, "limner: warning: replay hit nothing\n");
  return s;
}

// Seconds from reading the demo scene to its first finished tile.
double demo_first_pixels(int threads) {
  auto start = Clock::now();
  std::string file = std::string(LIMNER_SOURCE_DIR) + "/scenes/demo.json";
  SceneDesc desc = load_scene_desc(file, {"film.spp=1"});
  auto scene = build_scene(desc);
  Film film(desc.film.width, desc.film.height);
  RenderOptions opts;
  opts.threads = threads;
  std::atomic<double> first{-1.0};
  opts.progress = [&](double) {
    if (first.load() < 0.0) first = seconds_since(start);
  };
  render(*scene, film, opts);
  return first.load();
}

void print_bench_table(const Scene& scene, double scene_mb, const RenderStats& rs,
                       double renderer_mrays, double embree_mrays, double demo_s, int threads,
                       const std::string& stats_path) {
  double ratio = renderer_mrays / embree_mrays;
  double bytes_per_tri = scene_mb * 1024.0 * 1024.0 / double(scene.triangle_count);
  double sps = double(rs.paths) / rs.seconds;
  std::printf("limner bench (%d threads, %zu triangles)\n", threads, scene.triangle_count);
  std::printf("  %-34s %10s %10s\n", "figure", "value", "target");
  std::printf("  %-34s %10.2f\n", "renderer Mrays/s", renderer_mrays);
  std::printf("  %-34s %10.2f\n", "Embree alone Mrays/s (same rays)", embree_mrays);
  std::printf("  %-34s %10.2f %10s\n", "ratio renderer / Embree", ratio, ">= 0.70");
  std::printf("  %-34s %10.0f\n", "samples/s", sps);
  std::printf("  %-34s %10.3f\n", "mesh load s", scene.load_seconds);
  std::printf("  %-34s %10.3f\n", "BVH build s", scene.bvh_seconds);
  std::printf("  %-34s %10.3f %10s\n", "load + build s", scene.load_seconds + scene.bvh_seconds,
              "< 1.0");
  std::printf("  %-34s %10.1f %10s\n", "scene bytes per triangle", bytes_per_tri, "< 200");
  std::printf("  %-34s %10.1f\n", "peak memory MB (incl. ray log)", peak_rss_mb());
  std::printf("  %-34s %10.3f %10s\n", "demo first pixels s", demo_s, "< 1.0");
  TextureBenchFigures tex = bench_textures(threads, 160, 4);  // tools/bench_texture.h
  std::printf("  %-34s %10.2f %10s\n", "textured / untextured head cost", tex.ratio, "< 1.25");
  std::printf("  %-34s %10.0f\n", "textured head samples/CPU s", tex.textured_sps);
  std::printf("  %-34s %10.0f\n", "untextured head samples/CPU s", tex.untextured_sps);
  std::printf("  %-34s %10.1f\n", "texture mip pyramids MB", tex.pyramid_mb);
  std::printf("  %-34s %10.1f\n", "texture cache in use MB", tex.cache_mb);
  std::printf("  %-34s %10.2f\n", "RGB->spectrum table build s", tex.table_seconds);
  double paint_ratio = paint_cost_ratio_vs_diffuse(true);
  std::printf("  %-34s %10.2f %10s\n", "paint / diffuse cost per sample", paint_ratio, "<= 2.0");
  double env_s = envmap_table_seconds();
  std::printf("  %-34s %10.3f %10s\n", "envmap tables 4096x2048 s", env_s, "< 0.5");
  DetailCost dc = measure_detail_cost();  // procedural detail per hit (materials/detail/)
  std::printf("  %-34s %4.0f %4.0f %4.0f %4.0f\n", "bump ns/hit pores weave brush hamm.",
              dc.bump_ns[0], dc.bump_ns[1], dc.bump_ns[2], dc.bump_ns[3]);
  std::printf("  %-34s %10.0f %10.0f\n", "paint set-up ns/hit plain, varied", dc.paint_setup_ns,
              dc.paint_varied_ns);
  if (stats_path.empty()) return;
  Json j = {{"threads", threads}, {"triangles", scene.triangle_count},
            {"renderer_mrays_per_second", renderer_mrays},
            {"embree_mrays_per_second", embree_mrays}, {"ratio", ratio},
            {"samples_per_second", sps}, {"mesh_load_seconds", scene.load_seconds},
            {"bvh_build_seconds", scene.bvh_seconds}, {"bytes_per_triangle", bytes_per_tri},
            {"peak_memory_mb", peak_rss_mb()}, {"demo_first_pixels_seconds", demo_s},
            {"paint_cost_ratio_vs_diffuse", paint_ratio},
            {"envmap_table_4k_seconds", env_s},
            {"bump_ns_per_hit", {{"pores", dc.bump_ns[0]}, {"weave", dc.bump_ns[1]},
                                 {"brush", dc.bump_ns[2]}, {"hammered", dc.bump_ns[3]}}},
            {"paint_setup_ns_plain", dc.paint_setup_ns},
            {"paint_setup_ns_brush_variation", dc.paint_varied_ns}};
  j["texture_cost_ratio"] = tex.ratio;
  j["textured_samples_per_cpu_second"] = tex.textured_sps;
  j["untextured_samples_per_cpu_second"] = tex.untextured_sps;
  j["texture_pyramid_mb"] = tex.pyramid_mb;
  j["texture_cache_mb"] = tex.cache_mb;
  j["rgb_table_seconds"] = tex.table_seconds;
  write_text_atomic(stats_path, j.dump(2) + "\n");
}

}  // namespace

void add_bench_command(CLI::App& app, BenchArgs& a) {
  CLI::App* b = app.add_subcommand("bench", "Benchmark the renderer against Embree alone");
  b->add_option("--threads", a.threads, "Worker threads (default: all cores)");
  b->add_option("--spp", a.spp, "Samples per pixel")->check(CLI::PositiveNumber);
  b->add_option("--size", a.size, "Image width and height")->check(CLI::Range(16, 4096));
  b->add_option("--mesh", a.mesh, "Source mesh (default: the dragon of scenes/, subdivided)");
  b->add_option("--stats", a.stats, "Write the figures as JSON to this file");
  b->add_flag("--subsurface", a.subsurface,
              "Only the subsurface demo against the same scene in diffuse: time to 2% RMSE");
}

int run_bench(const BenchArgs& a) {
  if (a.subsurface) {
    run_subsurface_bench(resolve_threads(a.threads), a.stats);
    return 0;
  }
  std::string source = a.mesh.empty() ? std::string(LIMNER_SOURCE_DIR) +
                                            "/scenes/meshes/fantasy_queen.obj"
                                      : a.mesh;
  std::string mesh = prepare_bench_mesh(source, "/tmp/limner_bench_mesh.stl", 1000000);
  int threads = resolve_threads(a.threads);
  double demo_s = demo_first_pixels(threads);
  double rss0 = rss_mb();
  SceneDesc desc = parse_scene(bench_scene_json(mesh, a.size, a.spp), "bench");
  auto scene = build_scene(desc);
  double scene_mb = rss_mb() - rss0;

  // The logged run also warms caches; the timed run traces the same rays without logging.
  RenderOptions opts;
  opts.threads = threads;
  std::vector<std::vector<RayRecord>> logs;
  opts.ray_log = &logs;
  Film logged(desc.film.width, desc.film.height);
  render(*scene, logged, opts);
  opts.ray_log = nullptr;
  Film timed(desc.film.width, desc.film.height);
  RenderStats rs = render(*scene, timed, opts);
  uint64_t logged_rays = 0;
  for (auto& l : logs) logged_rays += l.size();
  double embree_s = replay(*scene, logs, threads);

  double renderer_mrays = double(rs.rays) / rs.seconds * 1e-6;
  double embree_mrays = double(logged_rays) / embree_s * 1e-6;
  print_bench_table(*scene, scene_mb, rs, renderer_mrays, embree_mrays, demo_s, threads,
                    a.stats);
  return 0;
}

}  // namespace limner
