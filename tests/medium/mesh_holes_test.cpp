#include <gtest/gtest.h>

#include "renderer/geometry/mesh_holes.h"

namespace limner {
namespace {

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
  MeshHoles h = find_mesh_holes(cube());
  EXPECT_EQ(h.boundary_edges, 0u);
  EXPECT_EQ(h.holes, 0u);
}

TEST(MeshHoles, OneMissingFaceIsOneLoopOfFourEdges) {
  MeshHoles h = find_mesh_holes(cube({0}));
  EXPECT_EQ(h.boundary_edges, 4u);
  EXPECT_EQ(h.holes, 1u);
}

TEST(MeshHoles, OppositeMissingFacesAreTwoLoops) {  // a square tube
  MeshHoles h = find_mesh_holes(cube({0, 1}));
  EXPECT_EQ(h.boundary_edges, 8u);
  EXPECT_EQ(h.holes, 2u);
}

}  // namespace
}  // namespace limner
