#include "materials/texture/texture.h"

#include <algorithm>
#include <cmath>

#include "materials/material.h"
#include "renderer/spectral/rgb_table.h"

namespace limner {

namespace {

float srgb_decode(float v) {
  v = std::clamp(v, 0.0f, 1.0f);
  return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
}

// OBJ (u right, v up) -> texture space (s right, t down), and the ray cone's width in texels
// of s and t: world width / (world mm per unit u), times the uv scale.
void lookup(const TextureRef& t, glm::vec2 uv, const ShadingContext& ctx, int first, int n,
            float* out) {
  const glm::vec2 st = uv * t.uv_scale;
  const float lu = glm::length(ctx.dpdu), lv = glm::length(ctx.dpdv);
  const float ds = lu > 0.0f ? ctx.footprint_mm / lu * t.uv_scale.x : 0.0f;
  const float dt = lv > 0.0f ? ctx.footprint_mm / lv * t.uv_scale.y : 0.0f;
  ctx.textures->lookup(t.id, st.x, 1.0f - st.y, std::min(ds, 1.0f), std::min(dt, 1.0f), first, n,
                       out);
}

}  // namespace

float texture_float_at(const TextureRef& t, glm::vec2 uv, const ShadingContext& ctx) {
  float v = 0.0f;
  lookup(t, uv, ctx, std::max(t.channel, 0), 1, &v);
  // Scalars are data (roughness, thickness, masks: "non-colour" as Blender calls it), read as
  // stored; only colour textures are sRGB-decoded.
  return (t.invert ? 1.0f - v : v) * t.scale;
}

float eval_texture_float(const TextureRef& t, const ShadingContext& ctx) {
  return texture_float_at(t, ctx.uv, ctx);
}

glm::vec3 eval_texture_rgb(const TextureRef& t, const ShadingContext& ctx) {
  float c[3] = {0.0f, 0.0f, 0.0f};
  lookup(t, ctx.uv, ctx, 0, 3, c);
  glm::vec3 rgb(c[0], c[1], c[2]);
  if (!t.linear) rgb = glm::vec3(srgb_decode(c[0]), srgb_decode(c[1]), srgb_decode(c[2]));
  return glm::clamp(rgb, glm::vec3(0.0f), glm::vec3(1.0f));
}

SampledSpectrum eval_texture_reflectance(const TextureRef& t, const SampledWavelengths& wl,
                                         const ShadingContext& ctx) {
  const glm::vec3 rgb = eval_texture_rgb(t, ctx);
  // Grey is exactly flat, as Spectrum::rgb_albedo makes it (and needs no table).
  if (rgb.r == rgb.g && rgb.g == rgb.b) return SampledSpectrum(rgb.r);
  return sample_rgb_albedo(RgbSpectrumTable::shared().lookup(rgb), wl);
}

}  // namespace limner
