// Triangle meshes as loaded from disk (OBJ or STL), before any scene transform.
#pragma once
#include <cstddef>
#include <cstdint>
#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace limner {

struct Mesh {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;     // per vertex, same size as positions, or empty
  std::vector<glm::vec2> uvs;         // per vertex, same size as positions, or empty
  std::vector<glm::vec3> colors;      // per vertex (OBJ 'v x y z r g b'), same size, or empty
  std::vector<glm::uvec3> triangles;  // indices into positions / normals / uvs
  // Part names for group_materials: per triangle, an index into part_names for its OBJ
  // group/object name and for its usemtl name (kNoPart when absent).
  static constexpr uint32_t kNoPart = 0xffffffffu;
  std::vector<std::string> part_names;
  std::vector<uint32_t> triangle_group;   // same size as triangles
  std::vector<uint32_t> triangle_usemtl;  // same size as triangles
};

// Loads an .obj or .stl (binary or ASCII) file. Throws InputError naming the file on a missing or
// unreadable file, a parse error, NaN/Inf vertices, out-of-range indices or no faces.
Mesh load_mesh(const std::string& path);

// What load_mesh cleaned up silently, for callers that want to log it.
struct MeshLoadStats {
  size_t degenerate_triangles_dropped = 0;  // zero-area triangles removed from the mesh
};
Mesh load_mesh(const std::string& path, MeshLoadStats* stats);

}  // namespace limner
