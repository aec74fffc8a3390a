// CAT16 chromatic adaptation (Li, Li, Wang, Zu, Luo, Cui, Melgosa, Brill, Pointer 2017,
// "Comprehensive color solutions: CAM16, CAT16, and CAM16-UCS", Color Res. Appl. 42(6)).
#pragma once
#include <glm/glm.hpp>

namespace limner {

// XYZ -> XYZ matrix adapting colours seen under src_white to their corresponding colours
// under dst_white, with complete adaptation (D = 1): a von Kries scaling in the CAT16 sensor
// space. Maps src_white onto dst_white; an alternative to bradford_adaptation in color.h.
glm::mat3 cat16_adaptation(const glm::vec3& src_white_xyz, const glm::vec3& dst_white_xyz);

}  // namespace limner
