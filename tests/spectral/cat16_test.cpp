// CAT16 chromatic adaptation (Li et al. 2017) with complete adaptation.
#include "renderer/spectral/cat16.h"

#include <gtest/gtest.h>

#include <cmath>

#include "renderer/spectral/color.h"

namespace limner {
namespace {

glm::vec3 white_of(const char* name) {
  const glm::vec3 xyz = spectrum_to_xyz(Spectrum::named_illuminant(name));
  return xyz / xyz.y;
}

void expect_vec_near(const glm::vec3& a, const glm::vec3& b, float tol) {
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(a[i], b[i], tol) << "component " << i;
}

TEST(Cat16, MapsSourceWhiteOntoDestinationWhite) {
  const glm::vec3 d65 = white_of("D65"), d50 = white_of("D50");
  expect_vec_near(cat16_adaptation(d65, d50) * d65, d50, 1e-6f);
  // Whites of different luminance land exactly too (no Y_w / Y_wr factor).
  const glm::vec3 a = 0.5f * white_of("A");
  expect_vec_near(cat16_adaptation(d65, a) * d65, a, 1e-6f);
}

TEST(Cat16, RoundTripIsIdentity) {
  const glm::vec3 d65 = white_of("D65"), a = white_of("A");
  const glm::mat3 m = cat16_adaptation(a, d65) * cat16_adaptation(d65, a);
  for (int c = 0; c < 3; ++c)
    for (int r = 0; r < 3; ++r) EXPECT_NEAR(m[c][r], c == r ? 1.0f : 0.0f, 1e-6f);
  expect_vec_near(cat16_adaptation(d65, d65) * glm::vec3(0.2f, 0.3f, 0.7f),
                  glm::vec3(0.2f, 0.3f, 0.7f), 1e-6f);
}

TEST(Cat16, MatrixForD65ToD50) {
  // M16^-1 diag(M16 w_dst / M16 w_src) M16 for the whites (0.95047, 1, 1.08883) and
  // (0.96422, 1, 0.82521), written out row by row in double precision outside this code base
  // (catches a transposed M16 or a gain applied on the wrong side).
  const double expected[3][3] = {{1.0108226, 0.0405991, -0.0341060},
                                 {0.0054139, 0.9935956, 0.0011560},
                                 {0.0002508, -0.0114802, 0.7682115}};
  const glm::mat3 m = cat16_adaptation({0.95047f, 1.0f, 1.08883f}, {0.96422f, 1.0f, 0.82521f});
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(m[c][r], expected[r][c], 2e-6) << r << ", " << c;
  // A different sensor space from Bradford's, so a different matrix for the same whites.
  const glm::mat3 b = bradford_adaptation({0.95047f, 1.0f, 1.08883f}, {0.96422f, 1.0f, 0.82521f});
  EXPECT_GT(std::fabs(m[0][0] - b[0][0]), 0.01f);
}

TEST(Cat16, MatchesPublishedSensorMatrixResponse) {
  // M16 rows sum to 1, so the equal-energy white E = (1, 1, 1) has equal sensor responses and
  // adapting E to any white w is the identity on neutrals: E maps onto w.
  const glm::vec3 e(1.0f), w = white_of("D65");
  expect_vec_near(cat16_adaptation(e, w) * glm::vec3(0.5f), 0.5f * w, 1e-6f);
}

}  // namespace
}  // namespace limner
