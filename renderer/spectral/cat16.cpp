// CAT16: the same von Kries form as Bradford, with the sensor matrix M16 of Li et al. 2017.
#include "renderer/spectral/cat16.h"

#include <stdexcept>

namespace limner {
namespace {

// M16 (Li et al. 2017, eq. 2), written row by row; glm stores columns, hence the transpose.
const glm::dmat3& m16() {
  static const glm::dmat3 m = glm::transpose(glm::dmat3(0.401288, 0.650173, -0.051461,   //
                                                        -0.250268, 1.204414, 0.045854,   //
                                                        -0.002079, 0.048952, 0.953127));
  return m;
}

}  // namespace

glm::mat3 cat16_adaptation(const glm::vec3& src_white_xyz, const glm::vec3& dst_white_xyz) {
  static const glm::dmat3 inverse = glm::inverse(m16());
  const glm::dvec3 src = m16() * glm::dvec3(src_white_xyz);
  const glm::dvec3 dst = m16() * glm::dvec3(dst_white_xyz);
  if (src.x == 0.0 || src.y == 0.0 || src.z == 0.0)
    throw std::invalid_argument("cat16_adaptation: source white has a zero sensor response");
  // With D = 1 the CAT16 gains are the sensor ratios times Y_w / Y_wr. That factor is left out
  // so the source white lands exactly on the destination white, as with bradford_adaptation;
  // the two forms agree whenever the whites share the same Y.
  const glm::dmat3 gain(glm::dvec3(dst.x / src.x, 0.0, 0.0), glm::dvec3(0.0, dst.y / src.y, 0.0),
                        glm::dvec3(0.0, 0.0, dst.z / src.z));
  return glm::mat3(inverse * gain * m16());
}

}  // namespace limner
