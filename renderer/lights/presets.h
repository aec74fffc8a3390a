// Light presets: named lighting set-ups (a painter's desk lamp, a north window, a photo studio)
// that expand into ordinary lights. The presets are a data table in presets.cpp; each light of
// a preset is placed relative to the subject the camera frames, so a preset lights any miniature
// at any scale the same way (see scenes/README.md, "Light presets").
#pragma once
#include <cmath>
#include <string>
#include <vector>

#include "renderer/json_reader.h"
#include "renderer/scene_desc.h"

namespace limner {

// Overrides a scene may give next to "preset" (all optional).
struct LightPresetOptions {
  float scale = 1.0f;       // multiplies every light of the preset
  float rotate_deg = 0.0f;  // turns the whole set-up about the up axis through the subject
  float sun_elevation_deg = NAN;  // sky presets only; NaN keeps the preset's own
  float turbidity = NAN;          // sky presets only; NaN keeps the preset's own
};

// Every preset name, in table order ("daylight-overcast", "north-window", ...).
std::vector<std::string> light_preset_names();
bool is_light_preset(const std::string& name);
// One-line description ("5000 K high-CRI LED desk lamp ..."). Throws std::invalid_argument
// (unknown_light_preset_message) for an unknown name.
std::string light_preset_description(const std::string& name);
// The spectrum the preset lights a subject with (for CCT, Ra, white balance): the lamp's
// spectrum, or for sun-and-sky presets the irradiance spectrum of sun plus sky on a surface
// facing the sun (the lit side of a miniature). Not normalised (divide by spectrum_luminance
// for Y = 1). Throws std::invalid_argument.
Spectrum light_preset_spectrum(const std::string& name);
// "unknown light preset 'tungstn' (did you mean 'tungsten'?; presets: ...)"
std::string unknown_light_preset_message(const std::string& name);

// The preset's lights for a scene seen by `camera`. The subject is the sphere about camera.to
// whose radius R is half the frame height there (|from - to| tan(fov / 2)); lights are placed at
// distances and sizes in units of R, at directions relative to the camera (azimuth 0 = the
// camera's side of the subject, +90 = the camera's right; elevation above the plane normal to
// camera.up). Every light gets `key` as its key path. Throws std::invalid_argument for an
// unknown name or an option the preset does not take or that is out of range.
std::vector<LightDesc> expand_light_preset(const std::string& name, const CameraDesc& camera,
                                           const LightPresetOptions& options,
                                           const std::string& key);

// A scene's `{"preset": NAME, ...overrides}` entry; unknown keys and bad values throw
// InputError naming the key path.
std::vector<LightDesc> parse_light_preset(JsonReader r, const CameraDesc& camera);

}  // namespace limner
