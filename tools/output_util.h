// Shared by the subcommands: progress display, image output with metadata, stats files.
#pragma once
#include <chrono>
#include <string>
#include <vector>

#include "renderer/render.h"
#include "renderer/scene_parse.h"

namespace limner {

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled);
  bool enabled() const { return enabled_; }
  void update(double fraction);
  void finish();

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_;
};

SceneDesc load_scene_desc(const std::string& file, const std::vector<std::string>& sets);
void check_stats_path(const std::string& path);
// Converts the film per the scene's film settings and writes it atomically.
void write_render_output(const Scene& scene, const Film& film, const std::string& path,
                         const std::string& scene_file);
// One line per finished image (or nothing when quiet); NaN/Inf samples are reported.
void report_render(const RenderStats& stats, const FilmDesc& film, bool quiet);
void write_stats_json(const std::string& path, const RenderStats& stats, int spp);
// Writes text to a file atomically (temporary file, then rename).
void write_text_atomic(const std::string& path, const std::string& text);

}  // namespace limner
