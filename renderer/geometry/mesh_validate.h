// Checks shared by every mesh format, run after parsing so each loader need not repeat them.
#pragma once
#include <cstddef>
#include <string>

#include "renderer/geometry/mesh.h"

namespace limner {

// Throws InputError (naming file) on a non-finite position, an out-of-range index, attribute
// arrays of the wrong size, or no triangles left. Drops zero-area triangles (with their part
// entries) and returns how many were dropped. Discards all normals if any is zero-length or
// non-finite (the renderer then shades with geometric normals), and normalises the rest.
// Fills empty triangle_group / triangle_usemtl with Mesh::kNoPart.
size_t validate_mesh(Mesh& mesh, const std::string& file);

// Throws InputError "mesh has a non-finite vertex (index i)" for the first bad xyz triple, so
// loaders can report indices as they appear in the file, before welding renumbers them.
void check_finite_positions(const float* xyz, size_t vertex_count, const std::string& file);

}  // namespace limner
