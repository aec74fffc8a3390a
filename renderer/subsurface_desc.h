// The `subsurface` material as parsed from a scene (contract section 4): one of three forms.
#pragma once
#include <string>

#include "renderer/spectral/spectrum.h"

namespace limner {

enum class SubsurfaceForm { Preset, Albedo, Coefficients };

struct SubsurfaceDesc {
  SubsurfaceForm form = SubsurfaceForm::Preset;
  std::string preset;
  Spectrum color, mfp_mm;            // albedo form
  Spectrum sigma_a, sigma_s;         // per mm, coefficient form
  bool has_g = false, has_ior = false, has_roughness = false;  // else the preset's (or default)
  float g = 0.0f, ior = 1.41f, roughness = 0.05f;
};

}  // namespace limner
