// `limner render`: scene file -> description -> render scene -> image.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "renderer/errors.h"
#include "renderer/image/env_load.h"
#include "renderer/image/image_write.h"
#include "renderer/image/texture_oiio.h"
#include "renderer/render.h"
#include "renderer/scene_parse.h"
#include "tools/commands.h"
#include "tools/output_util.h"

namespace limner {

void add_render_command(CLI::App& app, RenderArgs& a) {
  CLI::App* r = app.add_subcommand("render", "Render a scene file to an image");
  r->add_option("scene", a.scene, "Scene file (JSON)")->required();
  r->add_option("-o,--output", a.output, "Output image (.exr, .png, .jpg); overrides film.output");
  r->add_option("--spp", a.spp, "Samples per pixel (overrides film.spp)");
  r->add_option("--size", a.size, "Image size WxH (overrides film.width/height)");
  r->add_option("--seed", a.seed, "Random seed (overrides film.seed)");
  r->add_option("--threads", a.threads, "Worker threads (default: all cores)");
  r->add_option("--set", a.sets, "Override a scene value: KEY.PATH=VALUE (JSON or string)");
  r->add_option("--stats", a.stats, "Write render statistics as JSON to this file");
  r->add_flag("--quiet", a.quiet, "Print nothing but errors");
}

namespace {

std::vector<std::string> flag_overrides(const RenderArgs& a) {
  std::vector<std::string> sets = a.sets;
  if (a.spp != -1) sets.push_back("film.spp=" + std::to_string(a.spp));
  if (a.seed >= 0) sets.push_back("film.seed=" + std::to_string(a.seed));
  if (a.seed < -1) throw InputError("--seed: must not be negative");
  if (!a.size.empty()) {
    int w = 0, h = 0;
    char extra = 0;
    if (std::sscanf(a.size.c_str(), "%dx%d%c", &w, &h, &extra) != 2 || w <= 0 || h <= 0)
      throw InputError("--size '" + a.size + "': expected WxH with positive whole numbers");
    sets.push_back("film.width=" + std::to_string(w));
    sets.push_back("film.height=" + std::to_string(h));
  }
  return sets;
}

}  // namespace

SceneDesc load_scene_desc(const std::string& file, const std::vector<std::string>& sets) {
  Json doc = read_json_file(file);
  for (const auto& s : sets) apply_override(doc, s, file);
  SceneDesc desc = parse_scene(doc, file);
  load_environment_images(desc);
  return desc;
}

int run_render(const RenderArgs& a) {
  if (a.threads < 0) throw InputError("--threads: must be at least 1 (or 0 for all cores)");
  SceneDesc desc = load_scene_desc(a.scene, flag_overrides(a));
  if (!a.output.empty()) desc.film.output = a.output;
  check_output_path(desc.film.output);
  if (desc.film.color_space == "xyz" && image_format_for(desc.film.output) != ImageFormat::Exr)
    throw InputError(desc.film.output + ": color_space 'xyz' needs an .exr output");
  if (!a.stats.empty()) check_stats_path(a.stats);
  auto scene = build_scene(desc, make_oiio_texture_backend());
  if (!a.quiet)
    for (const std::string& w : scene->warnings) std::cerr << "limner: warning: " << w << "\n";
  Film film(desc.film.width, desc.film.height);
  RenderOptions opts;
  opts.threads = a.threads;
  ProgressLine progress(!a.quiet && isatty(STDERR_FILENO));
  if (progress.enabled()) opts.progress = [&](double f) { progress.update(f); };
  RenderStats stats = render(*scene, film, opts);
  progress.finish();
  write_render_output(*scene, film, desc.film.output, a.scene);
  report_render(stats, desc.film, a.quiet);
  if (!a.stats.empty()) write_stats_json(a.stats, stats, desc.film.spp);
  return 0;
}

}  // namespace limner
