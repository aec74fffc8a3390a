#include "renderer/geometry/polygon_triangulate.h"

#include <gtest/gtest.h>

namespace limner {
namespace {

// Sum of the triangles' unsigned areas; equals the polygon's area only for a valid
// triangulation (overlaps and triangles outside it add area).
double area_of(const std::vector<glm::vec3>& c, const std::vector<uint32_t>& tris) {
  double area = 0.0;
  for (size_t i = 0; i < tris.size(); i += 3)
    area += 0.5 * glm::length(glm::cross(c[tris[i + 1]] - c[tris[i]], c[tris[i + 2]] - c[tris[i]]));
  return area;
}

TEST(PolygonTriangulate, ConcaveQuadSplitsAtReflexCorner) {
  // A dart whose shorter diagonal (0-2) runs outside it.
  std::vector<glm::vec3> dart{{0, 0, 0}, {10, 1, 0}, {0, 2, 0}, {0.5f, 1, 0}};
  std::vector<uint32_t> tris;
  triangulate_polygon(dart, tris);
  ASSERT_EQ(tris.size(), 6u);
  EXPECT_NEAR(area_of(dart, tris), 9.5, 1e-5);
}

TEST(PolygonTriangulate, ConvexQuadUsesShorterDiagonal) {
  std::vector<glm::vec3> quad{{0, 0, 0}, {3, 0, 0}, {3, 1, 0}, {0, 1, 0}};  // diagonals equal
  std::vector<glm::vec3> kite{{0, 0, 0}, {1, -1, 0}, {5, 0, 0}, {1, 1, 0}};  // 1-3 is shorter
  std::vector<uint32_t> tris;
  triangulate_polygon(kite, tris);
  EXPECT_EQ(tris, (std::vector<uint32_t>{0, 1, 3, 1, 2, 3}));
  tris.clear();
  triangulate_polygon(quad, tris);
  EXPECT_NEAR(area_of(quad, tris), 3.0, 1e-6);
}

TEST(PolygonTriangulate, ConcavePolygonInAnyPlaneAndWinding) {
  // A "U" in the xz-plane, wound clockwise as seen from +y.
  std::vector<glm::vec3> u{{0, 0, 0}, {0, 0, 3}, {1, 0, 3}, {1, 0, 1}, {2, 0, 1},
                           {2, 0, 3}, {3, 0, 3}, {3, 0, 0}};
  std::vector<uint32_t> tris;
  triangulate_polygon(u, tris);
  ASSERT_EQ(tris.size(), 3u * 6u);
  EXPECT_NEAR(area_of(u, tris), 7.0, 1e-5);
  glm::vec3 expected = glm::cross(u[1] - u[0], u[7] - u[0]);  // the polygon's orientation
  for (size_t i = 0; i < tris.size(); i += 3) {
    glm::vec3 n = glm::cross(u[tris[i + 1]] - u[tris[i]], u[tris[i + 2]] - u[tris[i]]);
    EXPECT_GT(glm::dot(n, expected), 0.0f) << "triangle " << i / 3 << " flipped";
  }
}

TEST(PolygonTriangulate, DegeneratePolygonStillGivesNMinusTwoTriangles) {
  std::vector<glm::vec3> line{{0, 0, 0}, {1, 0, 0}, {2, 0, 0}, {3, 0, 0}, {4, 0, 0}};
  std::vector<uint32_t> tris;
  triangulate_polygon(line, tris);
  EXPECT_EQ(tris.size(), 9u);
}

}  // namespace
}  // namespace limner
