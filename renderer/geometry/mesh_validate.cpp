#include "renderer/geometry/mesh_validate.h"

#include <cmath>

#include "renderer/errors.h"

namespace limner {
namespace {

bool finite3(const glm::vec3& v) {
  return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
}

void check_sizes(const Mesh& mesh, const std::string& file) {
  size_t nv = mesh.positions.size();
  size_t nt = mesh.triangles.size();
  if (!mesh.normals.empty() && mesh.normals.size() != nv)
    throw input_error(file, "", "mesh has " + std::to_string(mesh.normals.size()) +
                                    " normals for " + std::to_string(nv) + " vertices");
  if (!mesh.uvs.empty() && mesh.uvs.size() != nv)
    throw input_error(file, "", "mesh has " + std::to_string(mesh.uvs.size()) +
                                    " texture coordinates for " + std::to_string(nv) +
                                    " vertices");
  if (mesh.triangle_group.size() != nt || mesh.triangle_usemtl.size() != nt)
    throw input_error(file, "", "mesh part lists do not match its triangle count");
}

void check_indices(const Mesh& mesh, const std::string& file) {
  const size_t nv = mesh.positions.size();
  const size_t np = mesh.part_names.size();
  for (size_t t = 0; t < mesh.triangles.size(); ++t) {
    const glm::uvec3& tri = mesh.triangles[t];
    for (int k = 0; k < 3; ++k) {
      if (tri[k] >= nv)
        throw input_error(file, "", "triangle " + std::to_string(t) + " has vertex index " +
                                        std::to_string(tri[k]) + " out of range (mesh has " +
                                        std::to_string(nv) + " vertices)");
    }
    uint32_t g = mesh.triangle_group[t], m = mesh.triangle_usemtl[t];
    if ((g != Mesh::kNoPart && g >= np) || (m != Mesh::kNoPart && m >= np))
      throw input_error(file, "", "triangle " + std::to_string(t) + " has a part index out of range");
  }
}

bool is_degenerate(const Mesh& mesh, const glm::uvec3& tri) {
  if (tri.x == tri.y || tri.y == tri.z || tri.z == tri.x) return true;
  const glm::vec3& p0 = mesh.positions[tri.x];
  glm::vec3 n = glm::cross(mesh.positions[tri.y] - p0, mesh.positions[tri.z] - p0);
  return n.x == 0.0f && n.y == 0.0f && n.z == 0.0f;
}

// Compacts triangles and their part entries in place, keeping order.
size_t drop_degenerate(Mesh& mesh) {
  size_t kept = 0;
  for (size_t t = 0; t < mesh.triangles.size(); ++t) {
    if (is_degenerate(mesh, mesh.triangles[t])) continue;
    mesh.triangles[kept] = mesh.triangles[t];
    mesh.triangle_group[kept] = mesh.triangle_group[t];
    mesh.triangle_usemtl[kept] = mesh.triangle_usemtl[t];
    ++kept;
  }
  size_t dropped = mesh.triangles.size() - kept;
  mesh.triangles.resize(kept);
  mesh.triangle_group.resize(kept);
  mesh.triangle_usemtl.resize(kept);
  return dropped;
}

// One bad normal would put NaNs into interpolated shading normals near it, and there is no
// per-vertex "use the geometric normal" marker, so the whole set goes.
void sanitize_normals(Mesh& mesh) {
  for (glm::vec3& n : mesh.normals) {
    float len = glm::length(n);
    if (!finite3(n) || !(len > 0.0f) || !std::isfinite(len)) {
      mesh.normals.clear();
      return;
    }
    n /= len;
  }
}

void sanitize_uvs(Mesh& mesh) {
  for (const glm::vec2& uv : mesh.uvs) {
    if (!std::isfinite(uv.x) || !std::isfinite(uv.y)) {
      mesh.uvs.clear();
      return;
    }
  }
}

}  // namespace

void check_finite_positions(const float* xyz, size_t vertex_count, const std::string& file) {
  for (size_t i = 0; i < vertex_count; ++i) {
    if (!std::isfinite(xyz[3 * i]) || !std::isfinite(xyz[3 * i + 1]) ||
        !std::isfinite(xyz[3 * i + 2]))
      throw input_error(file, "", "mesh has a non-finite vertex (index " + std::to_string(i) + ")");
  }
}

size_t validate_mesh(Mesh& mesh, const std::string& file) {
  if (mesh.triangle_group.empty()) mesh.triangle_group.assign(mesh.triangles.size(), Mesh::kNoPart);
  if (mesh.triangle_usemtl.empty())
    mesh.triangle_usemtl.assign(mesh.triangles.size(), Mesh::kNoPart);
  check_sizes(mesh, file);
  static_assert(sizeof(glm::vec3) == 3 * sizeof(float), "glm::vec3 must be packed");
  check_finite_positions(reinterpret_cast<const float*>(mesh.positions.data()),
                         mesh.positions.size(), file);
  check_indices(mesh, file);
  size_t before = mesh.triangles.size();
  size_t dropped = drop_degenerate(mesh);
  if (mesh.triangles.empty()) {
    if (before == 0) throw input_error(file, "", "mesh has no triangles");
    throw input_error(file, "", "mesh has no triangles (all " + std::to_string(before) +
                                    " have zero area)");
  }
  sanitize_normals(mesh);
  sanitize_uvs(mesh);
  return dropped;
}

}  // namespace limner
