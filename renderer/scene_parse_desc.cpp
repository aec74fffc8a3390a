// JSON document -> SceneDesc, section by section. Unknown keys are errors.
#include <cmath>
#include <cstdlib>
#include <unistd.h>

#include "renderer/lights/presets.h"
#include "renderer/scene_parse.h"

namespace limner {

namespace {

std::string folder_of(const std::string& file) {
  size_t slash = file.find_last_of('/');
  return slash == std::string::npos ? "." : (slash == 0 ? "/" : file.substr(0, slash));
}

CameraDesc parse_camera(JsonReader r) {
  CameraDesc c;
  c.from = r.vec3("from");
  c.to = r.vec3("to");
  c.up = r.vec3("up", c.up);
  c.fov_deg = r.positive("fov_deg", c.fov_deg);
  if (c.fov_deg >= 179.0f) r.fail("fov_deg", "must be below 179 degrees");
  c.f_number = r.non_negative("f_number", 0.0f);
  c.focus_mm = r.non_negative("focus_mm", 0.0f);
  if (r.has("f_number") && c.f_number == 0.0f) r.fail("f_number", "must be greater than 0");
  if (r.has("focus_mm") && c.focus_mm == 0.0f) r.fail("focus_mm", "must be greater than 0");
  if (glm::length(c.to - c.from) == 0.0f) r.fail("to", "camera 'to' equals 'from'");
  if (glm::length(glm::cross(c.to - c.from, c.up)) < 1e-6f * glm::length(c.to - c.from) *
                                                         glm::length(c.up))
    r.fail("up", "'up' is parallel to the viewing direction (or zero)");
  r.reject_unknown();
  return c;
}

void check_film_memory(const JsonReader& r, const FilmDesc& f) {
  const double bytes = double(f.width) * f.height * 64.0;  // accumulators + output buffers
  const double phys = double(sysconf(_SC_PHYS_PAGES)) * double(sysconf(_SC_PAGESIZE));
  if (f.width > 65536 || f.height > 65536 || (phys > 0 && bytes > 0.5 * phys))
    r.fail("width", "resolution " + std::to_string(f.width) + "x" + std::to_string(f.height) +
                        " is too large for this machine's memory");
}

void parse_white_balance(JsonReader& r, FilmDesc& f, const std::string& folder) {
  if (!r.has("white_balance")) return;
  const Json& v = r.get("white_balance");
  if (v.is_string() && v.get<std::string>() == "none") return;
  if (v.is_string() && v.get<std::string>() == "auto") {
    f.white_balance = WhiteBalanceKind::Auto;
    return;
  }
  f.white = parse_spectrum(v, r.file(), r.child_path("white_balance"), folder,
                           SpectrumRole::Emission);
  f.white_balance = WhiteBalanceKind::Spectrum;
}

FilmDesc parse_film(JsonReader r, const std::string& folder) {
  FilmDesc f;
  f.width = r.positive_int("width", f.width);
  f.height = r.positive_int("height", f.height);
  f.spp = r.positive_int("spp", f.spp);
  f.max_depth = r.positive_int("max_depth", f.max_depth);
  if (r.has("seed")) {
    const Json& s = r.get("seed");
    if (!s.is_number_integer() || s.get<long long>() < 0)
      r.fail("seed", "expected a non-negative whole number");
    f.seed = s.get<uint64_t>();
  }
  f.output = resolve_path(folder, r.string("output", f.output));
  f.color_space = r.string("color_space", f.color_space);
  if (f.color_space != "srgb" && f.color_space != "xyz" && f.color_space != "display-p3")
    r.fail("color_space", "unknown color space '" + f.color_space + "' (srgb, display-p3, xyz)");
  parse_white_balance(r, f, folder);
  f.tonemap = r.string("tonemap", f.tonemap);
  if (f.tonemap != "none" && f.tonemap != "filmic")
    r.fail("tonemap", "unknown tonemap '" + f.tonemap + "' (none, filmic)");
  f.exposure_ev = r.number("exposure_ev", 0.0f);
  if (std::fabs(f.exposure_ev) > 40.0f) r.fail("exposure_ev", "must lie in [-40, 40]");
  f.bit_depth = r.positive_int("bit_depth", 8);
  if (f.bit_depth != 8 && f.bit_depth != 16) r.fail("bit_depth", "must be 8 or 16");
  check_film_memory(r, f);
  r.reject_unknown();
  return f;
}

}  // namespace

// Defined in scene_parse_parts.cpp.
LightDesc parse_light(JsonReader r, const std::string& folder);
MaterialDesc parse_material(JsonReader r, const std::string& folder);
ObjectDesc parse_object(JsonReader r, const std::string& folder);
PaintDesc parse_paint(JsonReader r, const std::string& folder);  // scene_parse_paint.cpp

SceneDesc parse_scene(const Json& doc, const std::string& file) {
  SceneDesc d;
  d.file = file;
  d.folder = folder_of(file);
  JsonReader root(doc, file, "");
  d.camera = parse_camera(root.object("camera"));
  static const Json kEmpty = Json::object();
  d.film = parse_film(root.has("film") ? root.object("film") : JsonReader(kEmpty, file, "film"),
                      d.folder);
  if (root.has("paints")) {
    JsonReader paints = root.object("paints");
    for (auto it = paints.json().begin(); it != paints.json().end(); ++it) {
      paints.get(it.key());
      d.paints[it.key()] = parse_paint(paints.object(it.key()), d.folder);
    }
  }
  if (root.has("materials")) {
    JsonReader mats = root.object("materials");
    for (auto it = mats.json().begin(); it != mats.json().end(); ++it) {
      mats.get(it.key());
      MaterialDesc m = parse_material(mats.object(it.key()), d.folder);
      d.materials[it.key()] = m;
    }
  }
  const char* arrays[] = {"lights", "objects"};
  for (const char* name : arrays) {
    if (!root.has(name)) continue;
    const Json& arr = root.get(name);
    if (!arr.is_array()) root.fail(name, "expected an array");
    for (size_t i = 0; i < arr.size(); ++i) {
      JsonReader item(arr[i], file, root.child_path(name) + "[" + std::to_string(i) + "]");
      if (std::string(name) == "lights" && item.has("preset")) {
        std::vector<LightDesc> preset = parse_light_preset(item, d.camera);
        d.lights.insert(d.lights.end(), preset.begin(), preset.end());
      } else if (std::string(name) == "lights") {
        d.lights.push_back(parse_light(item, d.folder));
      }
      else
        d.objects.push_back(parse_object(item, d.folder));
    }
  }
  root.reject_unknown();
  return d;
}

}  // namespace limner
