#include "tools/bench_sss.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <glm/glm.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "renderer/render.h"
#include "renderer/scene_build_parts.h"  // rect_axes: the rect lights' own frame
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
  std::vector<bool> near_light;  // per pixel, row-major: see rect_light_pixels
};

// Pixels that the bounding box of a rect light's projection touches (same pinhole projection
// as renderer/camera.cpp). On the bust the key light peeks out behind the head: one pixel holds
// the edge of a radiance-300 card, and its anti-aliasing noise outweighs all subsurface noise.
std::vector<bool> rect_light_pixels(const SceneDesc& d) {
  int w = d.film.width, h = d.film.height;
  std::vector<bool> mask(size_t(w) * size_t(h), false);
  const CameraDesc& c = d.camera;
  glm::vec3 fwd = glm::normalize(c.to - c.from), right = glm::normalize(glm::cross(fwd, c.up));
  glm::vec3 up = glm::cross(right, fwd);
  float t = std::tan(glm::radians(c.fov_deg) * 0.5f), aspect = float(w) / float(h);
  for (const LightDesc& l : d.lights) {
    if (l.type != LightType::Rect) continue;
    glm::vec3 n = glm::normalize(l.to - l.center), u, v;
    rect_axes(n, u, v);
    float x0 = 1e30f, x1 = -1e30f, y0 = 1e30f, y1 = -1e30f;
    bool in_front = true;
    for (float a : {-0.5f, 0.5f})
      for (float b : {-0.5f, 0.5f}) {
        glm::vec3 p = l.center + a * l.size.x * u + b * l.size.y * v - c.from;
        float z = glm::dot(p, fwd);
        in_front = in_front && z > 0.0f;
        float x = (glm::dot(p, right) / (z * t * aspect) + 1.0f) * 0.5f * float(w);
        float y = (1.0f - glm::dot(p, up) / (z * t)) * 0.5f * float(h);
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
      }
    if (!in_front) continue;
    for (int y = std::max(int(std::floor(y0)), 0); y < std::min(int(std::ceil(y1)), h); ++y)
      for (int x = std::max(int(std::floor(x0)), 0); x < std::min(int(std::ceil(x1)), w); ++x)
        mask[size_t(y) * size_t(w) + size_t(x)] = true;
  }
  return mask;
}

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
  r.near_light = rect_light_pixels(desc);
  return r;
}

// Relative RMSE of luminance Y over the image (without the pixels `skip` marks, if given),
// against the reference's mean.
double relative_rmse(const Film& a, const Film& ref, const std::vector<bool>* skip = nullptr) {
  double se = 0.0, mean = 0.0, n = 0.0;
  for (int y = 0; y < ref.height; ++y)
    for (int x = 0; x < ref.width; ++x) {
      if (skip && (*skip)[size_t(y) * size_t(ref.width) + size_t(x)]) continue;
      double d = double(a.pixel_xyz(x, y).y) - double(ref.pixel_xyz(x, y).y);
      se += d * d;
      mean += double(ref.pixel_xyz(x, y).y);
      n += 1.0;
    }
  return std::sqrt(se / n) / (mean / n);
}

struct Figures {
  double samples_per_second = 0.0, rays_per_path = 0.0, rmse_at_test = 0.0, spp_to_target = 0.0, seconds = 0.0;
  // The same without the rect lights' pixels.
  double rmse_masked = 0.0, seconds_masked = 0.0;
  int masked_pixels = 0;
};

// Error model e^2(N) = c / N: the measured RMSE at the test spp also holds the reference's own
// noise, so m^2 = c (1 / N + 1 / N_ref). m^2 is averaged over kTestRuns independent test renders:
// one 256-spp render's error is itself noisy (a different random sequence alone moved the
// subsurface figure by 20%).
Figures measure(bool diffuse, int threads) {
  Run ref = render_bust(diffuse, kReferenceSpp, 1, threads);
  Figures f;
  double m2 = 0.0, m2_masked = 0.0, seconds = 0.0;
  uint64_t paths = 0, rays = 0;
  for (int i = 0; i < kTestRuns; ++i) {
    Run test = render_bust(diffuse, kTestSpp, uint64_t(2 + i), threads);
    double e = relative_rmse(test.film, ref.film);
    m2 += e * e / kTestRuns;
    e = relative_rmse(test.film, ref.film, &ref.near_light);
    m2_masked += e * e / kTestRuns;
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
  f.rmse_masked = std::sqrt(m2_masked);
  f.seconds_masked = m2_masked / (1.0 / kTestSpp + 1.0 / kReferenceSpp) /
                     (kTargetRmse * kTargetRmse) * (seconds / kTestRuns) / kTestSpp;
  f.masked_pixels = int(std::count(ref.near_light.begin(), ref.near_light.end(), true));
  return f;
}

// ---- Blender Cycles' random walk on a matched scene (tools/cycles_sss.py), when installed ----

std::string find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    std::string file = (dir.empty() ? "." : dir) + "/" + name;
    if (access(file.c_str(), X_OK) == 0) return file;
  }
  return {};
}

// Runs argv[0] with its output going to `log`; returns the exit status, or -1 when it could not
// start or did not exit normally. posix_spawn: no shell, so paths need no quoting.
int run_logged(const std::vector<std::string>& args, const std::string& log) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  pid_t pid = 0;
  int err = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (err != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

std::string temp_file(const char* stem) {
  std::string name = (std::filesystem::temp_directory_path() / stem).string() + "_XXXXXX";
  int fd = mkstemp(name.data());
  if (fd < 0) return {};
  close(fd);
  return name;
}

// The script's figures for one material, or nullopt with the reason in `why`.
std::optional<Json> run_cycles(const std::string& blender, const char* material, int threads,
                               std::string& why) {
  std::string out = temp_file("limner_cycles_json"), log = temp_file("limner_cycles_log");
  if (out.empty() || log.empty()) {
    why = "could not create a temporary file";
    return std::nullopt;
  }
  std::string script = std::string(LIMNER_SOURCE_DIR) + "/tools/cycles_sss.py";
  int rc = run_logged({blender, "-b", "--factory-startup", "-noaudio", "--python-exit-code", "1",
                       "--python", script, "--", "--material", material, "--threads",
                       std::to_string(threads), "--size", std::to_string(kSize), "--test-spp",
                       std::to_string(kTestSpp), "--runs", std::to_string(kTestRuns),
                       "--reference-spp", std::to_string(kReferenceSpp), "--json", out},
                      log);
  std::optional<Json> j;
  try {
    std::ifstream in(out);
    if (rc == 0) j = Json::parse(in);
  } catch (const std::exception&) {
  }
  std::filesystem::remove(out);
  if (j && j->contains("seconds_to_2pct_rmse")) {
    std::filesystem::remove(log);
    return j;
  }
  why = (rc < 0 ? std::string("blender did not run to the end")
                : "blender exited with status " + std::to_string(rc)) +
        " for " + material + " (its output: " + log + ")";
  return std::nullopt;
}

// Cycles' rows beside Limner's, and the issue's ratio; the figures go into `stats`.
void compare_with_cycles(int threads, const Figures& sss, Json& stats) {
  std::string blender = find_on_path("blender");
  if (blender.empty()) {
    std::printf("  (Blender Cycles comparison needs Blender: apt-get install blender)\n");
    stats["cycles"] = {{"status", "blender not installed"}};
    return;
  }
  std::fflush(stdout);
  std::string why;
  auto cs = run_cycles(blender, "subsurface", threads, why);
  auto cd = cs ? run_cycles(blender, "diffuse", threads, why) : std::nullopt;
  if (!cs || !cd) {
    std::printf("  (Blender Cycles comparison failed: %s)\n", why.c_str());
    stats["cycles"] = {{"status", "failed: " + why}};
    return;
  }
  auto row = [&](const char* label, const char* key, const char* fmt) {
    std::printf(fmt, label, (*cs)[key].get<double>(), (*cd)[key].get<double>());
  };
  std::printf("Blender Cycles %s, random walk (tools/cycles_sss.py: same scene and protocol; "
              "setup time subtracted)\n",
              (*cs)["blender_version"].get<std::string>().c_str());
  row("samples/s", "samples_per_second", "  %-38s %12.0f %12.0f\n");
  row("relative RMSE at 256 spp", "relative_rmse_at_256_spp", "  %-38s %12.4f %12.4f\n");
  row("spp to 2% relative RMSE", "spp_to_2pct_rmse", "  %-38s %12.0f %12.0f\n");
  row("seconds to 2% relative RMSE", "seconds_to_2pct_rmse", "  %-38s %12.2f %12.2f\n");
  row("RMSE at 256 spp, lights' pixels out", "relative_rmse_at_256_spp_lights_masked",
      "  %-38s %12.4f %12.4f\n");
  row("seconds to 2%, lights' pixels out", "seconds_to_2pct_rmse_lights_masked",
      "  %-38s %12.2f %12.2f\n");
  double ratio = sss.seconds / (*cs)["seconds_to_2pct_rmse"].get<double>();
  double masked =
      sss.seconds_masked / (*cs)["seconds_to_2pct_rmse_lights_masked"].get<double>();
  std::printf("  %-38s %12.2f %12s\n", "ratio limner / Cycles (subsurface)", ratio,
              "target <= 0.5");
  std::printf("  %-38s %12.2f %12s\n", "the same, lights' pixels out", masked,
              "target <= 0.5");
  stats["cycles"] = {{"status", "ok"}, {"subsurface", *cs}, {"diffuse", *cd}};
  stats["ratio_limner_to_cycles_subsurface"] = ratio;
  stats["ratio_limner_to_cycles_subsurface_lights_masked"] = masked;
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
  std::printf("  without the %d pixels the rect lights project onto (the key light's edge):\n",
              sss.masked_pixels);
  std::printf("  %-38s %12.4f %12.4f\n", "RMSE at 256 spp, lights' pixels out", sss.rmse_masked,
              dif.rmse_masked);
  std::printf("  %-38s %12.2f %12.2f\n", "seconds to 2%, lights' pixels out",
              sss.seconds_masked, dif.seconds_masked);
  auto fig = [](const Figures& f) {
    return Json{{"samples_per_second", f.samples_per_second},
                {"rays_per_path", f.rays_per_path},
                {"relative_rmse_at_256_spp", f.rmse_at_test},
                {"spp_to_2pct_rmse", f.spp_to_target},
                {"seconds_to_2pct_rmse", f.seconds},
                {"light_pixels_masked", f.masked_pixels},
                {"relative_rmse_at_256_spp_lights_masked", f.rmse_masked},
                {"seconds_to_2pct_rmse_lights_masked", f.seconds_masked}};
  };
  Json j = {{"threads", threads}, {"subsurface", fig(sss)}, {"diffuse", fig(dif)},
            {"ratio_subsurface_to_diffuse", ratio}};
  compare_with_cycles(threads, sss, j);
  if (stats_path.empty()) return;
  write_text_atomic(stats_path, j.dump(2) + "\n");
}

}  // namespace limner
