// Wavefront OBJ parsing (via tinyobjloader) into an indexed Mesh.
#pragma once
#include <string>

#include "renderer/geometry/mesh.h"

namespace limner {

// Parses OBJ text already read from path (path is only used in messages). Polygons are
// triangulated; corners are welded on their (v, vt, vn) index triple so normals and uvs are
// per vertex; per-triangle group (g/o name) and usemtl parts are filled, with or without a
// .mtl file (the .mtl is never read). Throws InputError on parse errors and bad indices. The
// result still needs validate_mesh.
Mesh load_obj(const std::string& path, const std::string& text);

}  // namespace limner
