#include <gtest/gtest.h>

#include "renderer/geometry/mesh_holes.h"

namespace limner {
namespace {

const std::vector<glm::vec3> kCorners = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0},
                                         {0, 0, 1}, {1, 0, 1}, {1, 1, 1}, {0, 1, 1}};

// A cube's 12 triangles (8 welded vertices), optionally without some of its 6 faces.
std::vector<glm::uvec3> cube(std::vector<int> skip_faces = {}) {
  const glm::uvec4 faces[6] = {{0, 1, 2, 3}, {4, 7, 6, 5}, {0, 4, 5, 1},
                               {1, 5, 6, 2}, {2, 6, 7, 3}, {3, 7, 4, 0}};
  std::vector<glm::uvec3> t;
  for (int f = 0; f < 6; ++f) {
    if (std::find(skip_faces.begin(), skip_faces.end(), f) != skip_faces.end()) continue;
    t.push_back({faces[f].x, faces[f].y, faces[f].z});
    t.push_back({faces[f].x, faces[f].z, faces[f].w});
  }
  return t;
}

TEST(MeshHoles, ClosedCubeHasNone) {
  MeshHoles h = find_mesh_holes(kCorners, cube());
  EXPECT_EQ(h.boundary_edges, 0u);
  EXPECT_EQ(h.holes, 0u);
}

TEST(MeshHoles, OneMissingFaceIsOneLoopOfFourEdges) {
  MeshHoles h = find_mesh_holes(kCorners, cube({0}));
  EXPECT_EQ(h.boundary_edges, 4u);
  EXPECT_EQ(h.holes, 1u);
}

TEST(MeshHoles, OppositeMissingFacesAreTwoLoops) {  // a square tube
  MeshHoles h = find_mesh_holes(kCorners, cube({0, 1}));
  EXPECT_EQ(h.boundary_edges, 8u);
  EXPECT_EQ(h.holes, 2u);
}

TEST(MeshHoles, SeamVerticesAtTheSamePositionAreNotHoles) {
  // Face 0 uses its own copies of its corners (as a loader does at a UV seam).
  std::vector<glm::vec3> p = kCorners;
  for (int i = 0; i < 4; ++i) p.push_back(kCorners[size_t(i)]);
  std::vector<glm::uvec3> t = cube({0});
  t.push_back({8, 9, 10});
  t.push_back({8, 10, 11});
  EXPECT_EQ(find_mesh_holes(p, t).boundary_edges, 0u);
  EXPECT_EQ(find_mesh_holes(kCorners, cube({0})).holes, 1u);
}

}  // namespace
}  // namespace limner
