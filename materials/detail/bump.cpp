#include "materials/detail/bump.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "materials/material.h"

namespace limner {

namespace {

float height_mm_of(float height_um) {
  if (!(height_um >= 0.0f && height_um <= 5000.0f))
    throw std::invalid_argument("height_um must lie in [0, 5000] um, got " +
                                std::to_string(height_um));
  return height_um * 1e-3f;
}

glm::vec3 noise_gradient(const Bump& b, const ShadingContext& ctx, const glm::vec3& ns) {
  // Object-space millimetres: the pattern rides with the object and keeps its true size.
  glm::vec3 p = ctx.p_object * ctx.object_scale;
  glm::vec3 n_object = glm::transpose(ctx.object_rotation) * ns;
  NoiseValue v = noise_relief(b.pattern, p, n_object);
  return ctx.object_rotation * (b.height_mm * v.grad);
}

// Forward differences of the height texture over a step of about half the ray footprint in
// texture space (at least a thousandth of the texture's unit square), turned into the
// tangent-plane gradient g with g . dpdu = dh/du and g . dpdv = dh/dv.
glm::vec3 texture_gradient(const Bump& b, const ShadingContext& ctx, const glm::vec3& ns) {
  glm::vec3 a = ctx.dpdu - ns * glm::dot(ns, ctx.dpdu);
  glm::vec3 c = ctx.dpdv - ns * glm::dot(ns, ctx.dpdv);
  float la = glm::length(a), lc = glm::length(c);
  if (!(la > 0.0f && lc > 0.0f)) return glm::vec3(0.0f);
  float du = std::fmax(0.5f * ctx.footprint_mm / la, 1e-3f);
  float dv = std::fmax(0.5f * ctx.footprint_mm / lc, 1e-3f);
  float h0 = texture_float_at(b.texture, ctx.uv, ctx);
  float hu = (texture_float_at(b.texture, ctx.uv + glm::vec2(du, 0.0f), ctx) - h0) / du;
  float hv = (texture_float_at(b.texture, ctx.uv + glm::vec2(0.0f, dv), ctx) - h0) / dv;
  hu *= b.height_mm;
  hv *= b.height_mm;
  float aa = glm::dot(a, a), ac = glm::dot(a, c), cc = glm::dot(c, c);
  float det = aa * cc - ac * ac;
  if (!(det > 1e-12f * aa * cc)) return glm::vec3(0.0f);
  float alpha = (hu * cc - hv * ac) / det, beta = (hv * aa - hu * ac) / det;
  return alpha * a + beta * c;
}

}  // namespace

Bump make_noise_bump(NoiseKind kind, float scale_mm, float height_um, const glm::vec3& direction) {
  Bump b;
  b.height_mm = height_mm_of(height_um);
  b.pattern = make_noise_pattern(kind, scale_mm, direction);
  b.source = Bump::Source::Noise;
  return b;
}

Bump make_texture_bump(const TextureRef& texture, float height_um) {
  Bump b;
  b.height_mm = height_mm_of(height_um);
  b.texture = texture;
  b.source = texture.valid() ? Bump::Source::Texture : Bump::Source::None;
  return b;
}

glm::vec3 bumped_normal(const glm::vec3& ns, const glm::vec3& grad_world) {
  glm::vec3 g = grad_world - ns * glm::dot(ns, grad_world);
  glm::vec3 n = ns - g;
  float len = glm::length(n);
  return len > 0.0f && std::isfinite(len) ? n / len : ns;
}

glm::vec3 paint_relief_gradient(const PaintRelief& r, const ShadingContext& ctx,
                                const glm::vec3& ns) {
  glm::vec3 p = ctx.p_object * ctx.object_scale;
  glm::vec3 n_object = glm::transpose(ctx.object_rotation) * ns;
  glm::vec3 g(0.0f);
  for (int i = 0; i < r.count; ++i)
    g += r.height_mm[i] * noise_standard(r.pattern[i], p, n_object).grad;
  return ctx.object_rotation * g;
}

glm::vec3 bump_gradient(const Bump& b, const ShadingContext& ctx, const glm::vec3& ns) {
  glm::vec3 g(0.0f);
  if (b.paint.count > 0) g = paint_relief_gradient(b.paint, ctx, ns);
  if (b.height_mm == 0.0f) return g;
  switch (b.source) {
    case Bump::Source::Noise:
      return g + noise_gradient(b, ctx, ns);
    case Bump::Source::Texture:
      if (ctx.has_uv && ctx.textures) return g + texture_gradient(b, ctx, ns);
      break;
    case Bump::Source::None:
      break;
  }
  return g;
}

bool apply_bump(const Bump& b, const ShadingContext& ctx, glm::vec3& ns) {
  bool own = b.source == Bump::Source::Noise ||
             (b.source == Bump::Source::Texture && ctx.has_uv && ctx.textures);
  if (!(own && b.height_mm > 0.0f) && b.paint.count == 0) return false;
  ns = bumped_normal(ns, bump_gradient(b, ctx, ns));
  return true;
}

void add_paint_relief(PaintRelief& r, const NoisePattern& pattern, float height_mm) {
  if (!(height_mm > 0.0f) || r.count >= kMaxReliefLayers) return;
  r.pattern[r.count] = pattern;
  r.height_mm[r.count] = height_mm;
  ++r.count;
}

}  // namespace limner
