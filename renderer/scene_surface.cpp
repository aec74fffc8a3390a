#include <algorithm>
#include <cmath>

#include "renderer/scene.h"
#include "renderer/surface_uv.h"

namespace limner {

namespace {

// Uses Embree's geometric normal ((v1 - v0) x (v2 - v0), counter-clockwise front) and the ray
// parameter, so a hit on a mesh without normals never touches the vertex arrays again.
void mesh_surface(const TriangleMesh& m, const Ray& ray, const RayHit& hit, SurfaceHit& s) {
  float len = glm::length(hit.ng);
  s.ng = len > 0.0f ? hit.ng / len : glm::vec3(0, 0, 1);
  s.p = ray.origin + hit.t * ray.dir;
  s.ns = s.ng;
  if (!m.normals.empty()) {
    const glm::uvec3& t = m.triangles[hit.prim_id];
    float u = hit.bary.x, v = hit.bary.y, w = 1.0f - u - v;
    glm::vec3 ns = w * m.normals[t.x] + u * m.normals[t.y] + v * m.normals[t.z];
    float l = glm::length(ns);
    if (l > 0.0f) s.ns = ns / l;
    if (glm::dot(s.ns, s.ng) < 0.0f) s.ns = -s.ns;
  }
  s.material = m.triangle_material[hit.prim_id];
  fill_mesh_uv(m, hit.prim_id, hit.bary, s);
  if (!m.colors.empty()) {  // vertex colours (detail)
    const glm::uvec3& t = m.triangles[hit.prim_id];
    float u = hit.bary.x, v = hit.bary.y, w = 1.0f - u - v;
    s.ctx.vertex_color = w * m.colors[t.x] + u * m.colors[t.y] + v * m.colors[t.z];
    s.ctx.has_vertex_color = true;
  }
  if (!m.cavity.empty()) {
    const glm::uvec3& t = m.triangles[hit.prim_id];
    float u = hit.bary.x, v = hit.bary.y, w = 1.0f - u - v;
    s.ctx.cavity = w * m.cavity[t.x] + u * m.cavity[t.y] + v * m.cavity[t.z];
    s.ctx.convexity = w * m.convexity[t.x] + u * m.convexity[t.y] + v * m.convexity[t.z];
  }
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
    fill_sphere_uv(sp, s);
    s.ctx.textures = textures.get();
    return s;
  }
  mesh_surface(meshes[g.index], ray, hit, s);
  s.ctx.textures = textures.get();
  return s;
}

glm::vec3 Scene::offset(const glm::vec3& p, const glm::vec3& ng, const glm::vec3& w) const {
  // p carries the rounding of the ray that found it (origin + t dir, from a camera or surface
  // up to a scene's size away), not just of its own coordinates: near the world origin a floor
  // of 1e-3 radius left rays from an object at the origin hitting its own surface.
  float mag = std::max({std::fabs(p.x), std::fabs(p.y), std::fabs(p.z), 0.1f * radius});
  float eps = 1e-5f * mag;
  return p + (glm::dot(w, ng) >= 0.0f ? eps : -eps) * ng;
}

}  // namespace limner
