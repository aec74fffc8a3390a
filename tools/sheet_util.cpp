#include "tools/sheet_util.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "renderer/errors.h"
#include "renderer/image/image_write.h"
#include "renderer/image/texture_oiio.h"
#include "renderer/lights/presets.h"
#include "renderer/render.h"
#include "renderer/scene.h"
#include "renderer/spectral/cct.h"
#include "renderer/spectral/color.h"
#include "renderer/spectral/cri.h"
#include "renderer/edit_distance.h"

namespace limner {

namespace {

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}


// Known names within one edit (two for longer names) of the wanted one, or starting with it.
std::string suggestions(const std::string& wanted, const std::vector<std::string>& known) {
  std::string key = upper(wanted), out;
  for (const std::string& name : known) {
    std::string n = upper(name);
    size_t limit = key.size() > 3 ? 2 : 1;
    bool close = edit_distance(key, n) <= limit || (key.size() >= 2 && n.rfind(key, 0) == 0);
    if (close) out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

SheetLight describe_light(const std::string& name, const std::string& kind) {
  SheetLight l;
  l.name = name;
  l.kind = kind;
  l.spectrum = kind == "preset" ? light_preset_spectrum(name) : Spectrum::named_illuminant(name);
  CctResult c = cct_ohno2013(glm::dvec3(spectrum_to_xyz(l.spectrum)));
  l.cct_k = c.cct_k;
  l.duv = c.duv;
  try {
    l.ra = color_rendering_index(l.spectrum).ra;
  } catch (const std::invalid_argument&) {
    l.ra = -1.0;  // CCT outside the range CIE 13.3 has references for
  }
  return l;
}

SheetLight resolve_light(const std::string& name, const std::string& flag) {
  for (const std::string& known : Spectrum::illuminant_names())
    if (upper(known) == upper(name)) return describe_light(known, "illuminant");
  for (const std::string& known : light_preset_names())
    if (known == lower(name)) return describe_light(known, "preset");
  std::vector<std::string> all = light_preset_names();
  for (const std::string& known : Spectrum::illuminant_names()) all.push_back(known);
  std::string near = suggestions(name, all);
  throw InputError(flag + ": unknown light '" + name + "'" +
                   (near.empty() ? " (see `limner lights`)" : "; did you mean: " + near));
}

}  // namespace

std::vector<std::string> split_list(const std::string& list, const std::string& flag) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t comma = list.find(',', start);
    std::string item =
        list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    size_t a = item.find_first_not_of(" \t"), b = item.find_last_not_of(" \t");
    item = a == std::string::npos ? "" : item.substr(a, b - a + 1);
    if (item.empty()) throw InputError(flag + " '" + list + "': empty name in the list");
    out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

std::vector<SheetLight> parse_sheet_lights(const std::string& list, const std::string& flag) {
  std::vector<SheetLight> out;
  std::set<std::string> seen;
  for (const std::string& name : split_list(list, flag)) {
    SheetLight l = resolve_light(name, flag);
    if (!seen.insert(l.name).second) throw InputError(flag + ": '" + l.name + "' listed twice");
    out.push_back(std::move(l));
  }
  return out;
}

void relight(SceneDesc& desc, const SheetLight& light) {
  if (light.kind == "preset") {
    try {
      desc.lights = expand_light_preset(light.name, desc.camera, LightPresetOptions{}, "lights");
    } catch (const std::invalid_argument& e) {
      throw input_error(desc.file, "lights", e.what());
    }
    return;
  }
  if (desc.lights.empty())
    throw input_error(desc.file, "lights", "the scene has no lights to relight with " + light.name);
  for (LightDesc& l : desc.lights) {
    if (l.type == LightType::Sky || l.type == LightType::Envmap)
      throw input_error(desc.file, l.key,
                        "a sky or envmap light has its own spectrum and cannot take illuminant " +
                            light.name + " (compare presets, or light the scene with lamps)");
    l.spectrum = light.spectrum;
  }
}

std::string light_caption(const SheetLight& light) {
  char line[64];
  if (light.ra >= 0.0)
    std::snprintf(line, sizeof line, "%.0f K Ra %.0f", light.cct_k, light.ra);
  else
    std::snprintf(line, sizeof line, "%.0f K", light.cct_k);
  return light.name + "\n" + line;
}

void parse_size(const std::string& text, const std::string& flag, int& width, int& height) {
  int w = 0, h = 0;
  char extra = 0;
  if (std::sscanf(text.c_str(), "%dx%d%c", &w, &h, &extra) != 2 || w <= 0 || h <= 0 || w > 16384 ||
      h > 16384)
    throw InputError(flag + " '" + text + "': expected WxH with whole numbers from 1 to 16384");
  width = w;
  height = h;
}

std::vector<std::string> film_overrides(std::vector<std::string> sets, int spp, long long seed,
                                        const std::string& size) {
  if (spp != -1) sets.push_back("film.spp=" + std::to_string(spp));
  if (seed >= 0) sets.push_back("film.seed=" + std::to_string(seed));
  if (!size.empty()) {
    int w = 0, h = 0;
    parse_size(size, "--size", w, h);
    sets.push_back("film.width=" + std::to_string(w));
    sets.push_back("film.height=" + std::to_string(h));
  }
  return sets;
}

Image render_panel(const SceneDesc& d, const PanelOptions& opts, double* seconds) {
  SceneDesc desc = d;
  desc.film.white_balance = opts.auto_white ? WhiteBalanceKind::Auto : WhiteBalanceKind::None;
  auto scene = build_scene(desc, make_oiio_texture_backend());
  Film film(desc.film.width, desc.film.height);
  RenderOptions ro;
  ro.threads = opts.threads;
  RenderStats stats = render(*scene, film, ro);
  if (seconds) *seconds = stats.seconds;
  glm::vec3 white = !opts.auto_white      ? glm::vec3(0.0f)
                    : opts.white.y > 0.0f ? opts.white
                                          : scene->auto_white_xyz;
  return linear_to_display(film_to_linear(film, scene->film, white), scene->film);
}

glm::vec3 light_white(const SheetLight& light) { return spectrum_to_xyz(light.spectrum); }

void check_sheet_pixels(int w, int h, int columns, int rows) {
  double megapixels = double(w) * h * columns * rows * 1e-6;
  if (megapixels > 100.0)
    throw InputError("--size " + std::to_string(w) + "x" + std::to_string(h) +
                     ": the sheet would " + "hold " + std::to_string(int(megapixels)) +
                     " megapixels (at most 100)");
}

void check_sheet_path(const std::string& path) {
  check_output_path(path);
  if (image_format_for(path) == ImageFormat::Exr)
    throw InputError(path + ": a sheet is a labelled display image; use .png or .jpg");
}

void write_sheet(const std::string& path, const Image& sheet, const std::string& color_space,
                 const std::string& what) {
  std::map<std::string, std::string> meta = {
      {"Software", std::string("limner ") + LIMNER_VERSION},
      {"limner:version", LIMNER_VERSION},
      {"limner:sheet", what},
      {"limner:color_space", color_space},
  };
  write_image_atomic(path, sheet, 8, meta);
}

}  // namespace limner
