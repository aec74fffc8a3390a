#include "tools/output_util.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "renderer/errors.h"
#include "renderer/image/image_write.h"
#include "renderer/spectral/color.h"

namespace limner {

ProgressLine::ProgressLine(bool enabled)
    : enabled_(enabled), start_(std::chrono::steady_clock::now()), last_(start_) {}

void ProgressLine::update(double fraction) {
  auto now = std::chrono::steady_clock::now();
  if (fraction < 1.0 && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double elapsed = std::chrono::duration<double>(now - start_).count();
  double eta = fraction > 0.0 ? elapsed * (1.0 - fraction) / fraction : 0.0;
  int width = 30, filled = int(fraction * width);
  std::string bar(filled, '#');
  bar += std::string(width - filled, '.');
  std::fprintf(stderr, "\rlimner: [%s] %5.1f%%  %.1fs elapsed, %.1fs left ", bar.c_str(),
               100.0 * fraction, elapsed, eta);
  std::fflush(stderr);
}

void ProgressLine::finish() {
  if (enabled_) std::fprintf(stderr, "\n");
}

void check_stats_path(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  if (access(dir.c_str(), W_OK) != 0)
    throw InputError(path + ": stats folder '" + dir + "' does not exist or is not writable");
  struct stat st;  // the final rename cannot replace a folder: fail before rendering
  if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    throw InputError(path + ": is a folder, not a file");
}

void write_render_output(const Scene& scene, const Film& film, const std::string& path,
                         const std::string& scene_file) {
  const FilmDesc& fd = scene.film;
  glm::vec3 white = fd.white_balance == WhiteBalanceKind::Auto ? scene.auto_white_xyz
                    : fd.white_balance == WhiteBalanceKind::Spectrum
                        ? spectrum_to_xyz(fd.white)
                        : glm::vec3(0.0f);
  Image img = film_to_linear(film, fd, white);
  ImageFormat format = image_format_for(path);
  if (format != ImageFormat::Exr) img = linear_to_display(img, fd);
  std::map<std::string, std::string> meta = {
      {"Software", std::string("limner ") + LIMNER_VERSION},
      {"limner:version", LIMNER_VERSION},
      {"limner:spp", std::to_string(fd.spp)},
      {"limner:seed", std::to_string(fd.seed)},
      {"limner:scene", scene_file},
      {"limner:color_space", fd.color_space},
  };
  write_image_atomic(path, img, fd.bit_depth, meta);
}

void report_render(const RenderStats& s, const FilmDesc& film, bool quiet) {
  if (quiet) return;
  if (s.nan_or_inf_samples > 0)
    std::fprintf(stderr,
                 "limner: warning: dropped %llu NaN/Inf samples (first at pixel x=%d y=%d)\n",
                 (unsigned long long)s.nan_or_inf_samples, s.nan_x, s.nan_y);
  std::fprintf(stderr, "limner: wrote %s (%dx%d, %d spp, %.2f s, %.2f Mrays/s, %d threads)\n",
               film.output.c_str(), film.width, film.height, film.spp, s.seconds,
               s.seconds > 0 ? double(s.rays) / s.seconds * 1e-6 : 0.0, s.threads);
}

void write_text_atomic(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
    if (!out.flush()) {
      std::remove(tmp.c_str());
      throw std::runtime_error(path + ": cannot write: " + std::strerror(errno));
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw std::runtime_error(path + ": cannot move into place: " + std::strerror(errno));
  }
}

void write_stats_json(const std::string& path, const RenderStats& s, int spp) {
  nlohmann::json j;
  j["seconds"] = s.seconds;
  j["samples_per_pixel"] = spp;
  j["paths"] = s.paths;
  j["rays"] = s.rays;
  j["mrays_per_second"] = s.seconds > 0 ? double(s.rays) / s.seconds * 1e-6 : 0.0;
  j["nan_or_inf_samples"] = s.nan_or_inf_samples;
  if (s.nan_or_inf_samples > 0) j["first_nan_pixel"] = {s.nan_x, s.nan_y};
  j["threads"] = s.threads;
  write_text_atomic(path, j.dump(2) + "\n");
}

}  // namespace limner
