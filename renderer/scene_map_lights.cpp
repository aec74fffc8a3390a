// Sky and envmap descriptions -> lights (an environment map; the sky also adds its sun).
#include <cmath>
#include <stdexcept>

#include "renderer/lights/sky.h"
#include "renderer/scene_build_parts.h"

namespace limner {

void add_map_lights(const LightDesc& d, const std::string& file, std::vector<Light>& out) {
  if (d.type == LightType::Envmap) {
    if (!d.image)
      throw input_error(file, d.key + ".file",
                        "environment image '" + d.file + "' was not loaded "
                        "(load_environment_images must run before build_scene)");
    auto data = envmap_from_rgb(d.image);
    float a = glm::radians(d.rotate_deg);
    out.push_back(Light{EnvMapLight{LightEmission{data->mean_spectrum, d.scale}, data,
                                    std::cos(a), std::sin(a)}});
    return;
  }
  if (d.type != LightType::Sky) throw std::logic_error("add_map_lights: not a sky or envmap");
  SkyParts sky = make_sky(SkyParams{d.sun_elevation_deg, d.sun_azimuth_deg, d.turbidity});
  out.push_back(Light{EnvMapLight{LightEmission{sky.map->mean_spectrum, d.scale}, sky.map}});
  LightDesc sun = d;
  sun.type = LightType::Distant;
  sun.direction = -sky.to_sun;
  sun.angle_deg = 0.53f;
  sun.spectrum = sky.sun;
  sun.scale = d.scale * sky.sun_irradiance;
  out.push_back(build_light(sun, file));
}

}  // namespace limner
