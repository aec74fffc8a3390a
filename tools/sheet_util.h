// Shared by `limner compare` and `limner palette`: the lights a sheet compares, how a scene is
// relit by one of them, and rendering one display-encoded panel.
#pragma once
#include <string>
#include <vector>

#include "renderer/film.h"
#include "renderer/scene_desc.h"
#include "renderer/spectral/spectrum.h"

namespace limner {

// A light a sheet compares: a light preset (renderer/lights/presets.h) or a named CIE illuminant.
struct SheetLight {
  std::string name;   // "tungsten", "golden-hour"; or as the CIE tabulates it ("D65")
  std::string kind;   // "preset" or "illuminant"
  Spectrum spectrum;  // its spectral power distribution (the white for colorimetry); for
                      // a preset, light_preset_spectrum
  double cct_k = 0.0, duv = 0.0;
  double ra = -1.0;  // CIE 13.3 Ra; < 0 when undefined for this light
};

// Parses "--lights D65,tungsten,F11": names separated by commas (spaces around them ignored,
// case ignored); a CIE illuminant name wins over a preset of the same name (there is none). Throws
// InputError naming the flag for an empty list, an empty or repeated name, or an unknown name (with
// the closest known names).
std::vector<SheetLight> parse_sheet_lights(const std::string& list, const std::string& flag);

// Relights a scene description. A preset replaces the scene's lights by its own, placed about
// the camera's subject (expand_light_preset). An illuminant keeps every light's type, geometry
// and scale and swaps its spectrum (lights are luminance-normalised, so each keeps its luminous
// power). Throws InputError for an illuminant when the scene has no lights or has a sky or
// envmap light (those carry their own spectrum).
void relight(SceneDesc& desc, const SheetLight& light);

// "D65\n6504 K Ra 100" (Ra left out when undefined).
std::string light_caption(const SheetLight& light);

// Splits "a, b,c" on commas, trimming spaces; throws InputError for an empty item or list.
std::vector<std::string> split_list(const std::string& list, const std::string& flag);

// Parses "WxH" (positive whole numbers); throws InputError naming the flag otherwise.
void parse_size(const std::string& text, const std::string& flag, int& width, int& height);
// The --set list of a sheet command with its --spp (-1: not given), --seed (-1: not given) and
// --size (empty: not given) appended as film overrides.
std::vector<std::string> film_overrides(std::vector<std::string> sets, int spp, long long seed,
                                        const std::string& size);

struct PanelOptions {
  int threads = 0;
  bool auto_white = false;  // adapt (Bradford, as the film does) from the light's white:
  glm::vec3 white{0.0f};    // XYZ of that white; zero: the scene's power-weighted light white
};

// Renders the scene to a display-encoded image per its film settings (colour space, exposure,
// tone curve); the white balance is none or auto per the options.
// The white of a sheet light for auto white balance: XYZ of its spectrum.
glm::vec3 light_white(const SheetLight& light);
Image render_panel(const SceneDesc& desc, const PanelOptions& opts, double* seconds = nullptr);

// Writes a sheet (display-encoded, .png or .jpg) atomically with Limner's metadata.
void write_sheet(const std::string& path, const Image& sheet, const std::string& color_space,
                 const std::string& what);

// Throws InputError naming --size when panels of w x h in a columns x rows grid would make a
// sheet of more than 100 megapixels (it is held in memory as float RGB).
void check_sheet_pixels(int w, int h, int columns, int rows);

// Throws InputError unless `path` is a writable .png or .jpg path.
void check_sheet_path(const std::string& path);

}  // namespace limner
