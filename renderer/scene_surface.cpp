#include <algorithm>
#include <cmath>

#include "renderer/scene.h"

namespace limner {

namespace {

void mesh_surface(const TriangleMesh& m, const RayHit& hit, SurfaceHit& s) {
  const glm::uvec3& t = m.triangles[hit.prim_id];
  const glm::vec3 &p0 = m.positions[t.x], &p1 = m.positions[t.y], &p2 = m.positions[t.z];
  glm::vec3 n = glm::cross(p1 - p0, p2 - p0);
  float len = glm::length(n);
  s.ng = len > 0.0f ? n / len : glm::vec3(0, 0, 1);
  float u = hit.bary.x, v = hit.bary.y, w = 1.0f - u - v;
  s.p = w * p0 + u * p1 + v * p2;
  s.ns = s.ng;
  if (!m.normals.empty()) {
    glm::vec3 ns = w * m.normals[t.x] + u * m.normals[t.y] + v * m.normals[t.z];
    float l = glm::length(ns);
    if (l > 0.0f) s.ns = ns / l;
    if (glm::dot(s.ns, s.ng) < 0.0f) s.ns = -s.ns;
  }
  s.material = m.triangle_material[hit.prim_id];
}

}  // namespace

SurfaceHit Scene::surface(const Ray& ray, const RayHit& hit) const {
  SurfaceHit s;
  const GeomInfo& g = geoms[hit.geom_id];
  if (g.kind == GeomKind::Light) {
    s.light = int(g.index);
    s.p = ray.origin + hit.t * ray.dir;
    return s;
  }
  if (g.kind == GeomKind::Sphere) {
    const SphereShape& sp = spheres[g.index];
    glm::vec3 p = ray.origin + hit.t * ray.dir;
    s.ng = glm::normalize(p - sp.center);
    s.p = sp.center + sp.radius * s.ng;  // reprojected onto the surface
    s.ns = s.ng;
    s.material = sp.material;
    return s;
  }
  mesh_surface(meshes[g.index], hit, s);
  return s;
}

glm::vec3 Scene::offset(const glm::vec3& p, const glm::vec3& ng, const glm::vec3& w) const {
  float mag = std::max({std::fabs(p.x), std::fabs(p.y), std::fabs(p.z), radius * 1e-3f});
  float eps = 1e-5f * mag;
  return p + (glm::dot(w, ng) >= 0.0f ? eps : -eps) * ng;
}

}  // namespace limner
