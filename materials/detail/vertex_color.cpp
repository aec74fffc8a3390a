#include "materials/detail/vertex_color.h"

#include "renderer/spectral/rgb_table.h"

namespace limner {

SampledSpectrum vertex_color_reflectance(const glm::vec3& rgb, const SampledWavelengths& wl) {
  glm::vec3 c = glm::clamp(rgb, glm::vec3(0.0f), glm::vec3(1.0f));
  return sample_rgb_albedo(RgbSpectrumTable::shared().lookup(c), wl);
}

}  // namespace limner
