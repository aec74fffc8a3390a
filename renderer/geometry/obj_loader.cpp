#include "renderer/geometry/obj_loader.h"

#include <tiny_obj_loader.h>

#include <cmath>
#include <istream>
#include <stdexcept>
#include <streambuf>

#include "renderer/errors.h"
#include "renderer/geometry/mesh_validate.h"
#include "renderer/geometry/obj_face_scan.h"
#include "renderer/geometry/polygon_triangulate.h"
#include "renderer/geometry/vertex_welder.h"

namespace limner {
namespace {

// Lets tinyobjloader read the bytes we already hold instead of copying them into a
// stringstream.
class MemoryBuf : public std::streambuf {
 public:
  explicit MemoryBuf(const std::string& s) {
    char* p = const_cast<char*>(s.data());  // get area only: never written through
    setg(p, p, p + s.size());
  }
};

struct ObjData {
  tinyobj::attrib_t attrib;
  std::vector<tinyobj::shape_t> shapes;
};

std::string trim_message(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

ObjData parse_obj(const std::string& path, const std::string& text) {
  ObjData obj;
  std::vector<tinyobj::material_t> materials;
  std::string warn, err;
  MemoryBuf buf(text);
  std::istream in(&buf);
  // No MaterialReader: materials come from the scene file, so a missing .mtl is not worth a
  // look-up, and tinyobjloader's "material not found" warnings are expected and ignored.
  // Triangulation is ours (see polygon_triangulate.h).
  bool ok = tinyobj::LoadObj(&obj.attrib, &obj.shapes, &materials, &warn, &err, &in, nullptr,
                             /*triangulate=*/false, /*default_vcols_fallback=*/false);
  if (!ok) throw input_error(path, "", "OBJ parse error: " + trim_message(err));
  return obj;
}

// Welds face corners into Mesh vertices, recording which attributes every vertex has.
class CornerWelder {
 public:
  CornerWelder(const tinyobj::attrib_t& attrib, Mesh& mesh)
      : attrib_(attrib), mesh_(mesh), first_(attrib.vertices.size() / 3) {}

  uint32_t add(const tinyobj::index_t& ix) {
    // Most positions appear with a single (vt, vn) pair, so that first pair is cached in a
    // flat array indexed by position; only seam corners reach the hash table. Each triple
    // lives in exactly one of the two, so equal triples always get the same vertex.
    FirstUse& first = first_[size_t(ix.vertex_index)];
    if (first.id == kUnused) {
      first = FirstUse{ix.texcoord_index, ix.normal_index, append(ix)};
      return first.id;
    }
    if (first.vt == ix.texcoord_index && first.vn == ix.normal_index) return first.id;
    bool inserted = false;
    uint32_t slot = seams_.insert({uint32_t(ix.vertex_index), uint32_t(ix.texcoord_index),
                                   uint32_t(ix.normal_index)}, inserted);
    if (inserted) seam_ids_.push_back(append(ix));
    return seam_ids_[slot];
  }

  void finish() {
    // A vertex without vn must not borrow another's normal, and there is no per-vertex
    // "flat" marker, so a partial set means geometric normals throughout.
    if (with_normal_ != mesh_.positions.size()) mesh_.normals.clear();
    // Missing texture coordinates are harmless as zeros.
    if (with_uv_ == 0) mesh_.uvs.clear();
    // Vertex colours (tinyobjloader keeps them only when every 'v' line has them); a
    // non-finite one makes them unusable, like a bad normal.
    for (const glm::vec3& c : mesh_.colors)
      if (!std::isfinite(c.x) || !std::isfinite(c.y) || !std::isfinite(c.z)) {
        mesh_.colors.clear();
        break;
      }
  }

 private:
  uint32_t append(const tinyobj::index_t& ix) {
    if (mesh_.positions.size() >= kUnused) throw std::length_error("too many OBJ vertices");
    const float* v = &attrib_.vertices[3 * size_t(ix.vertex_index)];
    mesh_.positions.emplace_back(v[0], v[1], v[2]);
    glm::vec3 n(0.0f);
    if (ix.normal_index >= 0) {
      const float* p = &attrib_.normals[3 * size_t(ix.normal_index)];
      n = glm::vec3(p[0], p[1], p[2]);
      ++with_normal_;
    }
    mesh_.normals.push_back(n);
    glm::vec2 uv(0.0f);
    if (ix.texcoord_index >= 0) {
      const float* p = &attrib_.texcoords[2 * size_t(ix.texcoord_index)];
      uv = glm::vec2(p[0], p[1]);
      ++with_uv_;
    }
    mesh_.uvs.push_back(uv);
    if (attrib_.colors.size() == attrib_.vertices.size()) {
      const float* c = &attrib_.colors[3 * size_t(ix.vertex_index)];
      mesh_.colors.emplace_back(c[0], c[1], c[2]);
    }
    return static_cast<uint32_t>(mesh_.positions.size() - 1);
  }

  static constexpr uint32_t kUnused = 0xffffffffu;
  struct FirstUse {
    int vt = -1;
    int vn = -1;
    uint32_t id = kUnused;
  };

  const tinyobj::attrib_t& attrib_;
  Mesh& mesh_;
  std::vector<FirstUse> first_;  // per OBJ position
  VertexWelder seams_;           // (v, vt, vn) triples other than a position's first
  std::vector<uint32_t> seam_ids_;
  size_t with_normal_ = 0;
  size_t with_uv_ = 0;
};

void check_corner(const tinyobj::index_t& ix, const tinyobj::attrib_t& a, const std::string& path,
                  uint32_t line) {
  auto fail = [&](const char* what, int index, size_t count) {
    std::string where = "line " + std::to_string(line) + ": face refers to ";
    if (index < 0)
      throw input_error(path, "", where + "a " + what + " before the first (relative index too large)");
    throw input_error(path, "", where + what + " " + std::to_string(index + 1) +
                                    " but the file has only " + std::to_string(count));
  };
  size_t nv = a.vertices.size() / 3, nn = a.normals.size() / 3, nt = a.texcoords.size() / 2;
  if (ix.vertex_index < 0 || size_t(ix.vertex_index) >= nv) fail("vertex", ix.vertex_index, nv);
  // -1 means "absent" for vt/vn (a relative index can also land there; it is then read as
  // absent, which is the best guess available).
  if (ix.normal_index < -1 || (ix.normal_index >= 0 && size_t(ix.normal_index) >= nn))
    fail("normal", ix.normal_index, nn);
  if (ix.texcoord_index < -1 || (ix.texcoord_index >= 0 && size_t(ix.texcoord_index) >= nt))
    fail("texture coordinate", ix.texcoord_index, nt);
}

void check_face_alignment(const ObjData& obj, const ObjFaceTags& tags, const std::string& path) {
  size_t faces = 0, corners = 0, expected_corners = 0;
  for (const tinyobj::shape_t& s : obj.shapes) {
    faces += s.mesh.num_face_vertices.size();
    corners += s.mesh.indices.size();
  }
  for (uint32_t c : tags.corner_count) expected_corners += c;
  bool same = faces == tags.corner_count.size() && corners == expected_corners;
  size_t face = 0;
  for (const tinyobj::shape_t& s : obj.shapes) {
    for (size_t f = 0; same && f < s.mesh.num_face_vertices.size(); ++f, ++face)
      same = s.mesh.num_face_vertices[f] == (tags.corner_count[face] & 0xffu);
  }
  // Guards the assumption that our line scan sees the same faces as tinyobjloader.
  if (!same)
    throw input_error(path, "", "OBJ parse error: could not match faces to usemtl statements (" +
                                    std::to_string(faces) + " faces parsed, " +
                                    std::to_string(tags.corner_count.size()) + " 'f' lines)");
}

// Triangulates one face and appends its triangles and their parts to mesh.
class FaceEmitter {
 public:
  FaceEmitter(const ObjData& obj, const std::string& path, Mesh& mesh)
      : obj_(obj), path_(path), mesh_(mesh), welder_(obj.attrib, mesh) {}

  void emit(const tinyobj::index_t* ix, uint32_t n, uint32_t line, uint32_t group, uint32_t mtl) {
    for (uint32_t k = 0; k < n; ++k) check_corner(ix[k], obj_.attrib, path_, line);
    local_.clear();
    if (n == 3) {
      local_.assign({0, 1, 2});
    } else {
      corners_.resize(n);
      for (uint32_t k = 0; k < n; ++k) {
        const float* v = &obj_.attrib.vertices[3 * size_t(ix[k].vertex_index)];
        corners_[k] = glm::vec3(v[0], v[1], v[2]);
      }
      triangulate_polygon(corners_, local_);
    }
    for (size_t t = 0; t + 2 < local_.size(); t += 3) {
      mesh_.triangles.emplace_back(welder_.add(ix[local_[t]]), welder_.add(ix[local_[t + 1]]),
                                   welder_.add(ix[local_[t + 2]]));
      mesh_.triangle_group.push_back(group);
      mesh_.triangle_usemtl.push_back(mtl);
    }
  }
  void finish() { welder_.finish(); }

 private:
  const ObjData& obj_;
  const std::string& path_;
  Mesh& mesh_;
  CornerWelder welder_;
  std::vector<glm::vec3> corners_;
  std::vector<uint32_t> local_;
};

}  // namespace

Mesh load_obj(const std::string& path, const std::string& text) {
  PartNames parts;
  ObjFaceTags tags = scan_obj_faces(text, parts);
  if (tags.non_finite_vertex_line)
    throw input_error(path, "", "mesh has a non-finite vertex (line " +
                                    std::to_string(tags.non_finite_vertex_line) + ")");
  ObjData obj = parse_obj(path, text);
  check_face_alignment(obj, tags, path);
  // Before welding renumbers vertices, so the index matches the file's 'v' order.
  check_finite_positions(obj.attrib.vertices.data(), obj.attrib.vertices.size() / 3, path);

  Mesh mesh;
  size_t corner_total = 0;
  for (const tinyobj::shape_t& s : obj.shapes) corner_total += s.mesh.indices.size();
  size_t triangle_total = corner_total - 2 * tags.corner_count.size();  // n - 2 per face
  mesh.triangles.reserve(triangle_total);
  mesh.triangle_group.reserve(triangle_total);
  mesh.triangle_usemtl.reserve(triangle_total);
  FaceEmitter emitter(obj, path, mesh);
  size_t face = 0;
  for (const tinyobj::shape_t& shape : obj.shapes) {
    uint32_t group = parts.intern(shape.name);
    const tinyobj::index_t* ix = shape.mesh.indices.data();
    for (size_t f = 0; f < shape.mesh.num_face_vertices.size(); ++f, ++face) {
      uint32_t n = tags.corner_count[face];
      emitter.emit(ix, n, tags.line[face], group, tags.usemtl[face]);
      ix += n;
    }
  }
  emitter.finish();
  mesh.part_names = parts.take();
  return mesh;
}

}  // namespace limner
