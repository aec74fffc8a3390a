// STL files have no groups, so each connected part of an STL mesh (triangles sharing welded
// vertices) becomes a part named "part1", "part2", ... in the order its first triangle appears
// in the file, for `group_materials` (a figure and its base, a separate shield or weapon).
#pragma once
#include "renderer/geometry/mesh.h"

namespace limner {

// Fills mesh.part_names and mesh.triangle_group with the connected components.
void label_components(Mesh& mesh);

}  // namespace limner
