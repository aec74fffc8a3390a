#include "renderer/geometry/mesh_holes.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace limner {

namespace {

uint32_t find_root(std::vector<uint32_t>& parent, uint32_t v) {
  while (parent[v] != v) v = parent[v] = parent[parent[v]];
  return v;
}

// Index of the first vertex at each vertex's exact position.
std::vector<uint32_t> weld_by_position(const std::vector<glm::vec3>& positions) {
  std::vector<uint32_t> order(positions.size());
  std::iota(order.begin(), order.end(), 0u);
  auto less = [&](uint32_t a, uint32_t b) {
    const glm::vec3 &p = positions[a], &q = positions[b];
    if (p.x != q.x) return p.x < q.x;
    if (p.y != q.y) return p.y < q.y;
    if (p.z != q.z) return p.z < q.z;
    return a < b;
  };
  std::sort(order.begin(), order.end(), less);
  std::vector<uint32_t> canon(positions.size());
  for (size_t i = 0; i < order.size(); ++i)
    canon[order[i]] = (i > 0 && positions[order[i]] == positions[order[i - 1]])
                          ? canon[order[i - 1]]
                          : order[i];
  return canon;
}

}  // namespace

MeshHoles find_mesh_holes(const std::vector<glm::vec3>& positions,
                          const std::vector<glm::uvec3>& triangles) {
  const std::vector<uint32_t> canon = weld_by_position(positions);
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  edges.reserve(triangles.size() * 3);
  uint32_t max_vertex = 0;
  for (const glm::uvec3& t : triangles)
    for (int k = 0; k < 3; ++k) {
      uint32_t a = canon[t[k]], b = canon[t[(k + 1) % 3]];
      edges.emplace_back(std::min(a, b), std::max(a, b));
      max_vertex = std::max({max_vertex, a, b});
    }
  std::sort(edges.begin(), edges.end());
  MeshHoles h;
  std::vector<uint32_t> parent(size_t(max_vertex) + 1);
  std::iota(parent.begin(), parent.end(), 0u);
  std::vector<uint32_t> boundary_vertices;
  for (size_t i = 0; i < edges.size();) {
    size_t j = i;
    while (j < edges.size() && edges[j] == edges[i]) ++j;
    if (j - i == 1) {  // used once: on the boundary
      ++h.boundary_edges;
      auto [a, b] = edges[i];
      parent[find_root(parent, a)] = find_root(parent, b);
      boundary_vertices.push_back(a);
      boundary_vertices.push_back(b);
    }
    i = j;
  }
  std::vector<uint32_t> roots;
  for (uint32_t v : boundary_vertices) roots.push_back(find_root(parent, v));
  std::sort(roots.begin(), roots.end());
  h.holes = size_t(std::unique(roots.begin(), roots.end()) - roots.begin());
  return h;
}

}  // namespace limner
