// STL (binary and ASCII) parsing into an indexed Mesh.
#pragma once
#include <string>
#include <vector>

#include "renderer/geometry/mesh.h"

namespace limner {

// Parses STL bytes already read from path (path is only used in messages). Identical corner
// positions are welded so the mesh is indexed. Normals are left empty on purpose: STL files
// are mostly CAD parts whose sharp edges smooth vertex normals would round off, and the
// stored facet normals are often wrong, so the renderer shades with geometric normals. No
// parts (STL has no groups). Throws InputError on truncated or malformed files. The result
// still needs validate_mesh.
Mesh load_stl(const std::string& path, const std::string& bytes);

// ASCII STL grammar ("solid ... facet normal ... outer loop ... vertex x y z ... endloop
// endfacet ... endsolid"); appends three corners per facet to soup. Throws InputError with the
// line number on a syntax error. Loops with more than three vertices are fanned.
void parse_ascii_stl(const std::string& path, const std::string& text, std::vector<glm::vec3>& soup);

}  // namespace limner
