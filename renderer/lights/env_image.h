// A linear RGB (Rec. 709 primaries) latitude-longitude environment image, as read from an HDR
// file. Kept free of OpenImageIO: renderer/image/env_load.h fills it.
#pragma once
#include <glm/glm.hpp>
#include <vector>

namespace limner {

struct EnvImage {
  int width = 0, height = 0;
  std::vector<glm::vec3> rgb;  // row-major, row 0 at the top (straight up)
};

}  // namespace limner
