// `limner compare`: the same scene under several lights, one labelled sheet.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>

#include "renderer/errors.h"
#include "renderer/image/sheet.h"
#include "tools/commands.h"
#include "tools/output_util.h"
#include "tools/sheet_util.h"

namespace limner {

void add_compare_command(CLI::App& app, CompareArgs& a) {
  CLI::App* c = app.add_subcommand("compare", "Render a scene under several lights into one sheet");
  c->add_option("scene", a.scene, "Scene file (JSON)")->required();
  c->add_option("--lights", a.lights, "Lights, comma separated: presets or CIE illuminants")
      ->required();
  c->add_option("-o,--output", a.output, "Sheet image (.png or .jpg)")->required();
  c->add_option("--white-balance", a.white_balance, "none (default) or auto (the eye adapts)");
  c->add_option("--size", a.size, "Size of each panel WxH (default: the scene's film size)");
  c->add_option("--spp", a.spp, "Samples per pixel (default: film.spp, at most 64)");
  c->add_option("--seed", a.seed, "Random seed (overrides film.seed)");
  c->add_option("--threads", a.threads, "Worker threads (default: all cores)");
  c->add_option("--set", a.sets, "Override a scene value: KEY.PATH=VALUE (JSON or string)");
  c->add_flag("--quiet", a.quiet, "Print nothing but errors");
}

namespace {

// Without --spp a panel takes the scene's film.spp up to this: four 512 x 512 panels of a
// painted miniature then take under two minutes on two cores (README, "Speed").
constexpr int kCompareDefaultSpp = 64;

void check_compare_args(const CompareArgs& a) {
  if (a.white_balance != "none" && a.white_balance != "auto")
    throw InputError("--white-balance '" + a.white_balance + "': expected none or auto");
  if (a.threads < 0) throw InputError("--threads: must be at least 1 (or 0 for all cores)");
  if (a.spp != -1 && a.spp < 1) throw InputError("--spp: must be at least 1");
  if (a.seed < -1) throw InputError("--seed: must not be negative");
}

std::vector<std::string> compare_overrides(const CompareArgs& a) {
  return film_overrides(a.sets, a.spp, a.seed, a.size);
}

}  // namespace

int run_compare(const CompareArgs& a) {
  check_compare_args(a);
  std::vector<SheetLight> lights = parse_sheet_lights(a.lights, "--lights");
  check_sheet_path(a.output);
  std::string font = sheet_font();
  SceneDesc base = load_scene_desc(a.scene, compare_overrides(a));
  if (base.film.color_space == "xyz") base.film.color_space = "srgb";  // a sheet is for display
  if (a.spp == -1) base.film.spp = std::min(base.film.spp, kCompareDefaultSpp);
  int columns = std::min<int>(int(lights.size()), 4);
  check_sheet_pixels(base.film.width, base.film.height, columns,
                     (int(lights.size()) + columns - 1) / columns);
  PanelOptions opts;
  opts.threads = a.threads;
  opts.auto_white = a.white_balance == "auto";
  SheetSpec spec;
  spec.columns = columns;
  for (size_t i = 0; i < lights.size(); ++i) {
    SceneDesc desc = base;
    relight(desc, lights[i]);
    opts.white = light_white(lights[i]);
    double seconds = 0.0;
    spec.panels.push_back(render_panel(desc, opts, &seconds));
    spec.captions.push_back(light_caption(lights[i]));
    if (!a.quiet)
      std::fprintf(stderr, "limner: rendered %s (%zu/%zu, %dx%d, %d spp, %.2f s)\n",
                   lights[i].name.c_str(), i + 1, lights.size(), desc.film.width, desc.film.height,
                   desc.film.spp, seconds);
  }
  Image sheet = compose_sheet(spec, font);
  write_sheet(a.output, sheet, base.film.color_space, "compare");
  if (!a.quiet)
    std::fprintf(stderr, "limner: wrote %s (%dx%d, %zu lights, white balance %s)\n",
                 a.output.c_str(), sheet.width, sheet.height, lights.size(),
                 a.white_balance.c_str());
  return 0;
}

}  // namespace limner
