// Is a triangle mesh closed? A subsurface object must be watertight for its walk to stay
// inside; an open one still renders (walks leave through the holes) but gets a warning.
#pragma once
#include <cstddef>
#include <glm/glm.hpp>
#include <vector>

namespace limner {

struct MeshHoles {
  size_t boundary_edges = 0;  // edges used by exactly one triangle
  size_t holes = 0;           // boundary edge loops: connected groups of boundary edges
};

// Vertices at exactly the same position count as one (loaders keep vertices apart where UVs or
// normals differ, e.g. at texture seams, which are not holes).
MeshHoles find_mesh_holes(const std::vector<glm::vec3>& positions,
                          const std::vector<glm::uvec3>& triangles);

}  // namespace limner
