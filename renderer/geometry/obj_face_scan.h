// A light pass over OBJ text that records, per face, what tinyobjloader does not keep: the
// usemtl name in force (tinyobjloader forgets names it cannot find in a .mtl file, and there
// often is none: materials come from the scene file), the line number for error messages, and
// the true corner count (tinyobjloader stores it in an unsigned char).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "renderer/geometry/part_names.h"

namespace limner {

struct ObjFaceTags {
  std::vector<uint32_t> usemtl;        // part index per face, Mesh::kNoPart before any usemtl
  std::vector<uint32_t> line;          // 1-based line of the 'f' statement
  std::vector<uint32_t> corner_count;  // vertices in the face, >= 3
  // 1-based line of the first 'v' statement with a nan/inf word (tinyobjloader reads "nan" as
  // 0, so it has to be caught here), or 0.
  uint32_t non_finite_vertex_line = 0;
};

// Faces are counted exactly as tinyobjloader keeps them (an 'f' line with fewer than three
// corners is dropped by both), so the i-th tag belongs to tinyobjloader's i-th face.
ObjFaceTags scan_obj_faces(std::string_view text, PartNames& parts);

}  // namespace limner
