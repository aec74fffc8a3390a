// CIEDE2000 colour difference (CIE 142-2001), as specified in Sharma, Wu & Dalal 2005, "The
// CIEDE2000 color-difference formula: implementation notes, supplementary test data, and
// mathematical observations", Color Res. Appl. 30(1).
#pragma once
#include <glm/glm.hpp>

namespace limner {

// Delta E00 between two CIELAB colours. kL, kC, kH are the parametric weighting factors (all 1
// under the reference conditions; kL = 2 is common for textiles). Symmetric in its arguments.
double ciede2000(const glm::dvec3& lab1, const glm::dvec3& lab2, double kL = 1.0,
                 double kC = 1.0, double kH = 1.0);

}  // namespace limner
