// Per-vertex cavity and convexity of meshes, computed once at load for paints that pool in
// recesses (washes) or keep to raised edges (drybrush, edge highlights).
//
// cavity: the cosine-weighted fraction of the hemisphere above a vertex that is blocked within
// kCavityRadiusMm (0 on open or raised surfaces, toward 1 deep in a recess), traced with the
// scene's own ray queries, so other objects (a base, a shield) count too.
// convexity: 0.5 + the mean over a vertex's edges of n . (p - q) / |p - q| (n the vertex normal,
// q a neighbour), clamped to [0, 1]: 0.5 on flat or gently curved surfaces, toward 1 on sharp
// convex edges, toward 0 in creases.
#pragma once
#include "renderer/scene.h"

namespace limner {

constexpr float kCavityRadiusMm = 2.0f;
constexpr int kCavityRays = 64;

// Fills mesh.cavity and mesh.convexity; needs scene.rt committed. Deterministic, parallel.
void compute_cavity(const Scene& scene, TriangleMesh& mesh);

// Area-weighted vertex normals of a mesh (its own normals when it has them).
std::vector<glm::vec3> vertex_normals(const TriangleMesh& mesh);

}  // namespace limner
