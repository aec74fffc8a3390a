// Texture coordinates, tangents (dpdu, dpdv) and object-space position at a hit, for textures,
// normal maps and procedural detail (ShadingContext's surface fields).
#pragma once
#include "renderer/scene.h"

namespace limner {

// Meshes: barycentric uv, dpdu/dpdv from the triangle's uv (dp = dpdu du + dpdv dv solved on
// its two edges); no uv (or a triangle whose uvs are degenerate): an arbitrary frame around ns.
void fill_mesh_uv(const TriangleMesh& m, uint32_t prim, glm::vec2 bary, SurfaceHit& s);
// Spheres: u = longitude / 2 pi about +y (0 at +z), v = latitude / pi + 1/2 (v up).
void fill_sphere_uv(const SphereShape& sp, SurfaceHit& s);

}  // namespace limner
