// Named subsurface media (the `preset` key of a `subsurface` material). Sources and the
// reasoning behind each number are in materials/medium/README.md.
//
// Presets store REDUCED scattering sigma_s' = sigma_s (1 - g) with g = 0 (similarity relation):
// a walk with isotropic scattering and sigma_s' matches the diffuse look of the real
// forward-scattering medium at a fraction of the scattering events. A scene that sets `g` with
// a preset gets sigma_s = sigma_s' / (1 - g), which keeps the same reduced scattering.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "renderer/spectral/spectrum.h"

namespace limner {

struct SubsurfacePreset {
  Spectrum sigma_a;          // per mm
  Spectrum sigma_s_reduced;  // per mm
  float ior = 1.41f;
  float roughness = 0.05f;
};

std::optional<SubsurfacePreset> find_subsurface_preset(const std::string& name);
std::vector<std::string> subsurface_preset_names();

// The skin model behind skin-1 ... skin-6 at one wavelength (nm); type in 1..6 (Fitzpatrick).
float skin_absorption_per_mm(int type, float lambda_nm);
float skin_reduced_scattering_per_mm(float lambda_nm);

}  // namespace limner
