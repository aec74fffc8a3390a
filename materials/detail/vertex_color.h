// Per-vertex colours (OBJ 'v x y z r g b') as reflectances: the interpolated colour is linear
// sRGB, clamped to [0, 1] and turned into a smooth bounded spectrum exactly as {"rgb": ...}
// values and colour textures are (Jakob-Hanika, by the shared coefficient table).
#pragma once
#include <glm/glm.hpp>

#include "renderer/spectral/sampled.h"

namespace limner {

SampledSpectrum vertex_color_reflectance(const glm::vec3& rgb, const SampledWavelengths& wl);

}  // namespace limner
