// Mesh objects: load, transform to world space, map parts to materials.
#include <cmath>

#include "renderer/geometry/mesh.h"
#include "renderer/scene_build_parts.h"

namespace limner {

namespace {

glm::mat3 rotation(const glm::vec3& deg) {
  glm::vec3 r = glm::radians(deg);
  float cx = std::cos(r.x), sx = std::sin(r.x), cy = std::cos(r.y), sy = std::sin(r.y);
  float cz = std::cos(r.z), sz = std::sin(r.z);
  glm::mat3 rx(1, 0, 0, 0, cx, sx, 0, -sx, cx);  // glm is column-major
  glm::mat3 ry(cy, 0, -sy, 0, 1, 0, sy, 0, cy);
  glm::mat3 rz(cz, sz, 0, -sz, cz, 0, 0, 0, 1);
  return rz * ry * rx;  // x first, then y, then z
}

uint32_t find_material(const Scene& s, const std::string& name) {
  for (size_t i = 0; i < s.material_names.size(); ++i)
    if (s.material_names[i] == name) return uint32_t(i);
  return Mesh::kNoPart;
}

// Per part name, the material it maps to (kNoPart: the object's own material).
std::vector<uint32_t> part_materials(const Scene& s, const SceneDesc& d, const ObjectDesc& o,
                                     const Mesh& mesh) {
  std::vector<uint32_t> result(mesh.part_names.size(), Mesh::kNoPart);
  for (const auto& [part, mat] : o.group_materials) {
    std::string key = o.key + ".group_materials." + part;
    uint32_t m = find_material(s, mat);
    if (m == Mesh::kNoPart) throw input_error(d.file, key, "unknown material '" + mat + "'");
    bool found = false;
    for (size_t i = 0; i < mesh.part_names.size(); ++i)
      if (mesh.part_names[i] == part) {
        result[i] = m;
        found = true;
      }
    if (!found) {
      std::string names;
      for (auto& n : mesh.part_names) names += (names.empty() ? "" : ", ") + n;
      throw input_error(d.file, key, "mesh '" + o.mesh_path + "' has no group or usemtl '" +
                                         part + "' (it has: " +
                                         (names.empty() ? "none" : names) + ")");
    }
  }
  return result;
}

uint32_t triangle_material(const Mesh& mesh, const std::vector<uint32_t>& parts, size_t t,
                           uint32_t fallback) {
  // usemtl is the finer assignment, so it wins over the group name.
  uint32_t u = mesh.triangle_usemtl.empty() ? Mesh::kNoPart : mesh.triangle_usemtl[t];
  if (u != Mesh::kNoPart && parts[u] != Mesh::kNoPart) return parts[u];
  uint32_t g = mesh.triangle_group.empty() ? Mesh::kNoPart : mesh.triangle_group[t];
  if (g != Mesh::kNoPart && parts[g] != Mesh::kNoPart) return parts[g];
  return fallback;
}

}  // namespace

void add_mesh_object(Scene& s, const SceneDesc& d, const ObjectDesc& o) {
  Mesh mesh;
  try {
    mesh = load_mesh(o.mesh_path);
  } catch (const InputError& e) {
    throw input_error(d.file, o.key + ".mesh", e.what());
  }
  uint32_t fallback = find_material(s, o.material);
  std::vector<uint32_t> parts = part_materials(s, d, o, mesh);
  glm::mat3 rot = rotation(o.transform.rotate_deg);
  TriangleMesh m;
  m.positions.reserve(mesh.positions.size());
  for (const auto& p : mesh.positions)
    m.positions.push_back(rot * (p * o.transform.scale) + o.transform.translate);
  if (mesh.normals.size() == mesh.positions.size()) {
    m.normals.reserve(mesh.normals.size());
    for (const auto& n : mesh.normals) {
      glm::vec3 w = rot * n;
      float len = glm::length(w);
      m.normals.push_back(len > 0.0f ? w / len : glm::vec3(0.0f));
    }
  }
  m.colors = std::move(mesh.colors);  // vertex colours (renderer/scene_surface.cpp)
  m.uvs = std::move(mesh.uvs);  // textures and normal maps (renderer/surface_uv.cpp)
  m.rotation = rot;
  m.translate = o.transform.translate;
  m.scale = o.transform.scale;
  m.triangles = std::move(mesh.triangles);
  m.triangle_material.resize(m.triangles.size());
  for (size_t t = 0; t < m.triangles.size(); ++t)
    m.triangle_material[t] = triangle_material(mesh, parts, t, fallback);
  s.meshes.push_back(std::move(m));
  s.geoms.push_back({GeomKind::Mesh, uint32_t(s.meshes.size() - 1)});
}

}  // namespace limner
