// The sky and envmap light types of a scene file (the other types are in scene_parse_parts.cpp).
#include <cmath>

#include "renderer/scene_parse.h"

namespace limner {

void parse_map_light(JsonReader& r, LightDesc& l, const std::string& folder) {
  if (l.type == LightType::Sky) {
    l.sun_elevation_deg = r.number("sun_elevation_deg", l.sun_elevation_deg);
    if (!(l.sun_elevation_deg > 0.0f))
      r.fail("sun_elevation_deg",
             "the sun is below the horizon; the daylight sky needs 0 < sun_elevation_deg <= 90 "
             "(for twilight or night use an envmap)");
    if (l.sun_elevation_deg > 90.0f) r.fail("sun_elevation_deg", "must be at most 90");
    l.sun_azimuth_deg = r.number("sun_azimuth_deg", l.sun_azimuth_deg);
    l.turbidity = r.number("turbidity", l.turbidity);
    if (!(l.turbidity >= 1.7f && l.turbidity <= 10.0f))
      r.fail("turbidity", "must lie in [1.7, 10] (the range Preetham's model was fitted to)");
  } else {
    std::string file = r.string("file");
    if (file.empty()) r.fail("file", "must name an HDR image (.exr or .hdr)");
    l.file = resolve_path(folder, file);
    l.rotate_deg = r.number("rotate_deg", 0.0f);
  }
}

}  // namespace limner
