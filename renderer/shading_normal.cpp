#include "renderer/shading_normal.h"

#include <cmath>

namespace limner {

glm::vec3 normal_mapped(const NormalMap& nm, const ShadingContext& ctx, const glm::vec3& ns) {
  float c[3] = {0.5f, 0.5f, 1.0f};
  const glm::vec2 st = ctx.uv * nm.tex.uv_scale;
  const float lu = glm::length(ctx.dpdu), lv = glm::length(ctx.dpdv);
  const float ds = lu > 0.0f ? std::fmin(1.0f, ctx.footprint_mm / lu * nm.tex.uv_scale.x) : 0.0f;
  const float dt = lv > 0.0f ? std::fmin(1.0f, ctx.footprint_mm / lv * nm.tex.uv_scale.y) : 0.0f;
  ctx.textures->lookup(nm.tex.id, st.x, 1.0f - st.y, ds, dt, 0, 3, c);
  glm::vec3 t(2.0f * c[0] - 1.0f, 2.0f * c[1] - 1.0f, 2.0f * c[2] - 1.0f);
  t.x *= nm.strength;
  t.y *= nm.strength;
  t.z = std::fmax(t.z, 1e-3f);  // a stray texel pointing inward stays on the surface
  // Gram-Schmidt: tangent along dpdu in the shading plane; bitangent follows dpdv's side
  // (mirrored UV islands flip it).
  glm::vec3 tu = ctx.dpdu - ns * glm::dot(ns, ctx.dpdu);
  float len = glm::length(tu);
  if (!(len > 1e-12f)) return ns;
  tu /= len;
  glm::vec3 tv = glm::cross(ns, tu);
  if (glm::dot(tv, ctx.dpdv) < 0.0f) tv = -tv;
  glm::vec3 n = t.x * tu + t.y * tv + t.z * ns;
  float ln = glm::length(n);
  return ln > 0.0f ? n / ln : ns;
}

glm::vec3 valid_reflection_normal(const glm::vec3& ng_in, const glm::vec3& wo, const glm::vec3& ns) {
  const glm::vec3 ng = glm::dot(wo, ng_in) >= 0.0f ? ng_in : -ng_in;
  const float cos_o = glm::dot(wo, ng);
  const float threshold = std::fmin(0.9f * cos_o, 0.01f);
  auto reflected_height = [&](const glm::vec3& n) {
    return glm::dot(2.0f * glm::dot(wo, n) * n - wo, ng);
  };
  glm::vec3 n = glm::dot(ns, ng) >= 0.0f ? ns : -ns;
  if (reflected_height(n) >= threshold) return ns;
  // Rotate n toward ng in their common plane: n(a) = cos a ng + sin a x, a from the original
  // angle down to 0 (where n = ng, whose reflection is at height cos_o >= threshold).
  glm::vec3 x = n - ng * glm::dot(n, ng);
  const float lx = glm::length(x);
  if (!(lx > 1e-7f)) return ng_in;
  x /= lx;
  float lo = 0.0f, hi = std::atan2(lx, glm::dot(n, ng));
  for (int i = 0; i < 20; ++i) {  // bisection: the largest angle that still reflects above
    const float mid = 0.5f * (lo + hi);
    if (reflected_height(std::cos(mid) * ng + std::sin(mid) * x) >= threshold)
      lo = mid;
    else
      hi = mid;
  }
  glm::vec3 r = std::cos(lo) * ng + std::sin(lo) * x;
  return glm::dot(ns, ng) >= 0.0f ? r : -r;
}

void apply_surface_detail(const Scene& scene, SurfaceHit& s, const glm::vec3& wo) {
  if (s.material >= scene.details.size()) return;
  const SurfaceDetail& d = scene.details[s.material];
  glm::vec3 ns = s.ns;
  bool changed = false;
  if (d.normal_map.valid() && s.ctx.has_uv && s.ctx.textures) {
    ns = normal_mapped(d.normal_map, s.ctx, ns);
    changed = true;
  }
  changed |= apply_bump(d.bump, s.ctx, ns);
  if (!changed) return;
  s.ns = valid_reflection_normal(s.ng, wo, ns);
  s.ctx.ns = s.ns;
}

}  // namespace limner
