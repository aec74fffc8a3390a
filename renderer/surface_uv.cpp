#include "renderer/surface_uv.h"

#include <cmath>

#include "renderer/frame.h"

namespace limner {

namespace {

void arbitrary_tangents(SurfaceHit& s) {
  Frame f = Frame::from_z(s.ns);
  s.ctx.dpdu = f.x;
  s.ctx.dpdv = f.y;
}

}  // namespace

void fill_mesh_uv(const TriangleMesh& m, uint32_t prim, glm::vec2 bary, SurfaceHit& s) {
  s.ctx.ns = s.ns;
  s.ctx.ng = s.ng;
  s.ctx.object_rotation = m.rotation;
  s.ctx.object_scale = m.scale;
  s.ctx.p_object = glm::transpose(m.rotation) * (s.p - m.translate) / m.scale;
  if (m.uvs.empty()) {
    arbitrary_tangents(s);
    return;
  }
  const glm::uvec3& t = m.triangles[prim];
  const float w = 1.0f - bary.x - bary.y;
  const glm::vec2 &uv0 = m.uvs[t.x], &uv1 = m.uvs[t.y], &uv2 = m.uvs[t.z];
  s.ctx.uv = w * uv0 + bary.x * uv1 + bary.y * uv2;
  s.ctx.has_uv = true;
  const glm::vec2 duv1 = uv1 - uv0, duv2 = uv2 - uv0;
  const glm::vec3 dp1 = m.positions[t.y] - m.positions[t.x];
  const glm::vec3 dp2 = m.positions[t.z] - m.positions[t.x];
  const float det = duv1.x * duv2.y - duv1.y * duv2.x;
  const float scale = std::fabs(duv1.x * duv2.y) + std::fabs(duv1.y * duv2.x);
  if (!(std::fabs(det) > 1e-9f * scale) || scale == 0.0f) {
    arbitrary_tangents(s);  // all three corners share a uv, or lie on a line in uv
    return;
  }
  const float inv = 1.0f / det;
  s.ctx.dpdu = (duv2.y * dp1 - duv1.y * dp2) * inv;
  s.ctx.dpdv = (duv1.x * dp2 - duv2.x * dp1) * inv;
}

void fill_sphere_uv(const SphereShape& sp, SurfaceHit& s) {
  s.ctx.ns = s.ns;
  s.ctx.ng = s.ng;
  s.ctx.p_object = s.p - sp.center;
  const glm::vec3 n = s.ng;
  const float phi = std::atan2(n.x, n.z), theta = std::asin(std::fmax(-1.0f, std::fmin(1.0f, n.y)));
  s.ctx.uv = glm::vec2(phi / (2.0f * kPi) + 0.5f, theta / kPi + 0.5f);
  s.ctx.has_uv = true;
  const float rho = sp.radius * std::cos(theta);
  // dp/dphi * dphi/du and dp/dtheta * dtheta/dv; at the poles dpdu vanishes (pick any tangent).
  s.ctx.dpdu = 2.0f * kPi * glm::vec3(rho * std::cos(phi), 0.0f, -rho * std::sin(phi));
  s.ctx.dpdv = kPi * sp.radius *
               glm::vec3(-std::sin(theta) * std::sin(phi), std::cos(theta),
                         -std::sin(theta) * std::cos(phi));
  if (glm::length(s.ctx.dpdu) < 1e-6f * sp.radius) arbitrary_tangents(s);
}

}  // namespace limner
