// `limner palette`: one painted swatch per paint and light, one labelled sheet, and a JSON report
// of each paint's adapted colour, colour inconstancy and the metameric pairs.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "renderer/errors.h"
#include "renderer/image/sheet.h"
#include "renderer/scene.h"
#include "tools/commands.h"
#include "tools/output_util.h"
#include "tools/palette_report.h"
#include "tools/sheet_util.h"

namespace limner {

void add_palette_command(CLI::App& app, PaletteArgs& a) {
  CLI::App* p = app.add_subcommand("palette", "A sheet of paint swatches under several lights");
  p->add_option("--paints", a.paints, "Paints, comma separated (library or the scene's paints)")
      ->required();
  p->add_option("--lights", a.lights, "Lights, comma separated: presets or CIE illuminants")
      ->required();
  p->add_option("-o,--output", a.output, "Sheet image (.png or .jpg)")->required();
  p->add_option("--scene", a.scene, "Swatch scene with a paint material named 'swatch'");
  p->add_option("--report", a.report, "Write the colour report (JSON) to this file");
  p->add_option("--white-balance", a.white_balance, "auto (default: the eye adapts) or none");
  p->add_option("--size", a.size, "Size of each swatch WxH (default 112x112)");
  p->add_option("--spp", a.spp, "Samples per pixel of each swatch (default 64)");
  p->add_option("--seed", a.seed, "Random seed (overrides film.seed)");
  p->add_option("--threads", a.threads, "Worker threads (default: all cores)");
  p->add_option("--set", a.sets, "Override a value of the swatch scene: KEY.PATH=VALUE");
  p->add_flag("--quiet", a.quiet, "Print nothing but errors");
}

namespace {

constexpr int kMeasureSamples = 4096;  // d:8 BSDF samples per 4 wavelengths (stratified Sobol)

// The built-in swatch: a painted sphere (white primer, then the paint, satin finish) in front
// of a mid-grey backdrop, a softbox from the upper left and a dim uniform fill.
const char* kSwatchScene = R"({
  "camera": {"from": [0, 12, 60], "to": [0, 0, 0], "up": [0, 1, 0], "fov_deg": 25},
  "film": {"width": 112, "height": 112, "spp": 64, "seed": 1, "tonemap": "filmic"},
  "lights": [
    {"type": "rect", "center": [-45, 55, 50], "to": [0, 0, 0], "size": [45, 45],
     "spectrum": "D65", "scale": 9},
    {"type": "environment", "spectrum": "D65", "scale": 0.2}
  ],
  "materials": {
    "resin": {"type": "diffuse", "reflectance": 0.5},
    "swatch": {"type": "paint", "substrate": "resin", "finish": "satin", "layers": [
      {"paint": "white primer", "thickness_um": 15},
      {"paint": "white primer", "thickness_um": 60}]},
    "backdrop": {"type": "diffuse", "reflectance": 0.3}
  },
  "objects": [
    {"sphere": {"center": [0, 0, 0], "radius": 10}, "material": "swatch"},
    {"rect": {"center": [0, 0, -20], "normal": [0, 0, 1], "size": [400, 400]},
     "material": "backdrop"}
  ]
})";

std::vector<std::string> palette_overrides(const PaletteArgs& a) {
  return film_overrides(a.sets, a.spp, a.seed, a.size);
}

void check_palette_args(const PaletteArgs& a) {
  if (a.white_balance != "none" && a.white_balance != "auto")
    throw InputError("--white-balance '" + a.white_balance + "': expected none or auto");
  if (a.threads < 0) throw InputError("--threads: must be at least 1 (or 0 for all cores)");
  if (a.spp != -1 && a.spp < 1) throw InputError("--spp: must be at least 1");
  if (a.seed < -1) throw InputError("--seed: must not be negative");
  check_sheet_path(a.output);
  if (!a.report.empty()) check_stats_path(a.report);
}

SceneDesc swatch_scene(const PaletteArgs& a) {
  const std::string file = a.scene.empty() ? "built-in swatch scene" : a.scene;
  SceneDesc d;
  if (a.scene.empty()) {
    Json doc = Json::parse(kSwatchScene);
    for (const auto& s : palette_overrides(a)) apply_override(doc, s, file);
    d = parse_scene(doc, file);
  } else {
    d = load_scene_desc(a.scene, palette_overrides(a));
  }
  auto it = d.materials.find("swatch");
  if (it == d.materials.end() || it->second.type != MaterialType::Paint ||
      it->second.layers.empty())
    throw input_error(file, "materials.swatch",
                      "palette needs a paint material named 'swatch' (its top layer takes each "
                      "paint in turn)");
  if (d.film.color_space == "xyz") d.film.color_space = "srgb";  // a sheet is for display
  return d;
}

std::vector<std::string> palette_paints(const PaletteArgs& a, const SceneDesc& d) {
  std::vector<std::string> names = split_list(a.paints, "--paints");
  for (size_t i = 0; i < names.size(); ++i) {
    if (std::count(names.begin(), names.begin() + long(i), names[i]))
      throw InputError("--paints: '" + names[i] + "' listed twice");
    if (d.paints.count(names[i]) || is_named_paint(names[i])) continue;
    try {
      named_paint(names[i]);
    } catch (const std::invalid_argument& e) {
      throw InputError(std::string("--paints: ") + e.what());
    }
  }
  return names;
}

SceneDesc with_paint(const SceneDesc& d, const std::string& paint) {
  SceneDesc out = d;
  out.materials["swatch"].layers.back().paint = paint;
  return out;
}

std::vector<float> measure_paint(const SceneDesc& d) {
  std::vector<std::string> names;
  std::vector<Material> materials;
  build_materials(d, names, materials);
  size_t i = size_t(std::find(names.begin(), names.end(), "swatch") - names.begin());
  return measure_swatch(materials[i], kMeasureSamples);
}

// Renders every swatch (rows: paints, columns: lights) and measures every paint.
void render_swatches(const PaletteArgs& a, const SceneDesc& base,
                     const std::vector<std::string>& paints, const std::vector<SheetLight>& lights,
                     SheetSpec& spec, std::vector<std::vector<float>>& reflectances) {
  PanelOptions opts;
  opts.threads = a.threads;
  opts.auto_white = a.white_balance == "auto";
  for (const std::string& paint : paints) {
    SceneDesc painted = with_paint(base, paint);
    reflectances.push_back(measure_paint(painted));
    for (const SheetLight& l : lights) {
      SceneDesc lit = painted;
      relight(lit, l);
      opts.white = light_white(l);
      spec.panels.push_back(render_panel(lit, opts));
    }
    spec.row_headers.push_back(paint);
    if (!a.quiet) std::fprintf(stderr, "limner: swatches of %s done\n", paint.c_str());
  }
}

// "dE00 3.2" under each swatch: its colour inconstancy against the first light.
void add_captions(const nlohmann::json& report, SheetSpec& spec) {
  for (const auto& p : report["paints"])
    for (const auto& pl : p["lights"]) {
      char line[48];
      std::snprintf(line, sizeof line, "dE00 %.1f", pl["delta_e00"].get<double>());
      spec.captions.push_back(line);
    }
}

}  // namespace

int run_palette(const PaletteArgs& a) {
  auto start = std::chrono::steady_clock::now();
  check_palette_args(a);
  std::vector<SheetLight> lights = parse_sheet_lights(a.lights, "--lights");
  std::string font = sheet_font();
  SceneDesc base = swatch_scene(a);
  std::vector<std::string> paints = palette_paints(a, base);
  check_sheet_pixels(base.film.width, base.film.height, int(lights.size()), int(paints.size()));
  SheetSpec spec;
  spec.columns = int(lights.size());
  for (const SheetLight& l : lights) spec.column_headers.push_back(light_caption(l));
  std::vector<std::vector<float>> reflectances;
  render_swatches(a, base, paints, lights, spec, reflectances);
  nlohmann::json report = palette_report(paints, reflectances, lights, kMeasureSamples);
  add_captions(report, spec);
  write_sheet(a.output, compose_sheet(spec, font), base.film.color_space, "palette");
  if (!a.report.empty()) write_text_atomic(a.report, report.dump(2) + "\n");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!a.quiet)
    std::fprintf(
        stderr, "limner: wrote %s (%zu paints x %zu lights, %zu metameric pairs, %.1f s)\n",
        a.output.c_str(), paints.size(), lights.size(), report["metameric_pairs"].size(), seconds);
  return 0;
}

}  // namespace limner
