#include "renderer/geometry/mesh_components.h"

#include <numeric>

namespace limner {

namespace {

uint32_t find_root(std::vector<uint32_t>& parent, uint32_t a) {
  while (parent[a] != a) {
    parent[a] = parent[parent[a]];  // path halving keeps the trees shallow
    a = parent[a];
  }
  return a;
}

}  // namespace

void label_components(Mesh& mesh) {
  std::vector<uint32_t> parent(mesh.positions.size());
  std::iota(parent.begin(), parent.end(), 0u);
  for (const auto& t : mesh.triangles) {
    uint32_t a = find_root(parent, t.x);
    uint32_t b = find_root(parent, t.y);
    uint32_t c = find_root(parent, t.z);
    parent[b] = a;
    parent[c] = a;
  }
  std::vector<uint32_t> part_of_root(mesh.positions.size(), Mesh::kNoPart);
  mesh.part_names.clear();
  mesh.triangle_group.resize(mesh.triangles.size());
  for (size_t i = 0; i < mesh.triangles.size(); ++i) {
    uint32_t root = find_root(parent, mesh.triangles[i].x);
    if (part_of_root[root] == Mesh::kNoPart) {
      part_of_root[root] = uint32_t(mesh.part_names.size());
      mesh.part_names.push_back("part" + std::to_string(mesh.part_names.size() + 1));
    }
    mesh.triangle_group[i] = part_of_root[root];
  }
  mesh.triangle_usemtl.assign(mesh.triangles.size(), Mesh::kNoPart);
}

}  // namespace limner
