// The `paints` section and `paint` materials of a scene file -> plain descriptions.
#include <stdexcept>

#include "renderer/scene_parse.h"
#include "renderer/scene_parse_detail.h"
#include "renderer/scene_parse_texture.h"

namespace limner {

namespace {

std::map<std::string, float> pigment_parts(JsonReader& r) {
  JsonReader parts = r.object("pigments");
  std::map<std::string, float> out;
  for (auto it = parts.json().begin(); it != parts.json().end(); ++it) {
    if (!is_known_pigment(it.key()))
      parts.fail(it.key(), "unknown pigment '" + it.key() + "'");
    out[it.key()] = parts.number(it.key());
    if (out[it.key()] < 0.0f) parts.fail(it.key(), "parts must not be negative");
  }
  return out;
}

FlakeDesc parse_flakes(JsonReader r) {
  FlakeDesc f;
  f.metal = r.string("metal");
  f.coverage = r.positive("coverage");
  if (f.coverage > 1.0f) r.fail("coverage", "must lie in (0, 1]");
  f.roughness = r.non_negative("roughness", f.roughness);
  if (f.roughness > 1.0f) r.fail("roughness", "must lie in [0, 1]");
  r.reject_unknown();
  return f;
}

PaintCoefficients paint_coefficients(JsonReader& r, const std::string& folder) {
  try {
    if (r.has("pigments")) {
      auto parts = pigment_parts(r);
      float pvc = r.has("pvc") ? r.positive("pvc") : 0.0f;
      if (pvc > 1.0f) r.fail("pvc", "must lie in (0, 1]");
      return mix_pigments(parts, pvc, r.string("binder", "acrylic"));
    }
    if (r.has("reflectance"))
      return paint_from_reflectance(parse_spectrum(r.get("reflectance"), r.file(),
                                                   r.child_path("reflectance"), folder,
                                                   SpectrumRole::Reflectance));
    if (r.has("k_per_mm") || r.has("s_per_mm")) {
      PaintCoefficients c;
      c.k_per_mm = parse_spectrum(r.get("k_per_mm"), r.file(), r.child_path("k_per_mm"), folder,
                                  SpectrumRole::NonNegative);
      c.s_per_mm = parse_spectrum(r.get("s_per_mm"), r.file(), r.child_path("s_per_mm"), folder,
                                  SpectrumRole::NonNegative);
      return c;
    }
  } catch (const std::invalid_argument& e) {
    r.fail_here(e.what());
  }
  r.fail_here("a paint needs 'pigments', 'reflectance' or 'k_per_mm' and 's_per_mm'");
}

}  // namespace

PaintDesc parse_paint(JsonReader r, const std::string& folder) {
  PaintDesc p;
  p.key = r.path();
  p.coefficients = paint_coefficients(r, folder);
  if (r.has("flakes")) p.coefficients.flakes = parse_flakes(r.object("flakes"));
  r.reject_unknown();
  return p;
}

namespace {

float unit_interval(JsonReader& r, const std::string& key) {
  float v = r.non_negative(key, 0.0f);
  if (v > 1.0f) r.fail(key, "must lie in [0, 1]");
  return v;
}

PaintLayerDesc parse_layer(JsonReader r) {
  PaintLayerDesc l;
  l.key = r.path();
  l.paint = r.string("paint");
  if (!parse_texture_value(r, "thickness_um", /*scalar=*/true, l.thickness_tex)) {
    l.thickness_um = r.positive("thickness_um");
    if (l.thickness_um > 5000.0f) r.fail("thickness_um", "must be at most 5000 um");
  } else if (l.thickness_tex.scale > 5000.0f) {
    r.fail("thickness_um.scale", "must be at most 5000 um");
  }
  l.pooling = unit_interval(r, "pooling");
  l.edge = unit_interval(r, "edge");
  parse_variation(r, l.variation);
  parse_mask(r, l.mask);
  r.reject_unknown();
  return l;
}

FinishDesc parse_finish(JsonReader& r) {
  FinishDesc f;
  if (!r.has("finish")) return f;
  const Json& v = r.get("finish");
  if (v.is_string()) {
    f.name = v.get<std::string>();
    if (f.name != "none" && f.name != "matte" && f.name != "satin" && f.name != "gloss")
      r.fail("finish", "unknown finish '" + f.name + "' (none, matte, satin, gloss, or "
                       "{\"roughness\": ..., \"ior\": ...})");
    return f;
  }
  JsonReader c(v, r.file(), r.child_path("finish"));
  f.name = "custom";
  if (parse_texture_value(c, "roughness", /*scalar=*/true, f.roughness_tex)) {
    if (f.roughness_tex.scale > 1.0f) c.fail("roughness.scale", "must lie in [0, 1]");
    f.roughness = 0.5f * f.roughness_tex.scale;  // nominal, for what does not vary per hit
  } else {
    f.roughness = c.non_negative("roughness", 0.3f);
    if (f.roughness > 1.0f) c.fail("roughness", "must lie in [0, 1]");
  }
  f.ior = c.positive("ior", 1.5f);
  if (f.ior < 1.0f || f.ior > 3.0f) c.fail("ior", "must lie in [1, 3]");
  c.reject_unknown();
  return f;
}

}  // namespace

void parse_paint_material(JsonReader& r, MaterialDesc& m) {
  m.type = MaterialType::Paint;
  m.substrate = r.string("substrate");
  const Json& layers = r.get("layers");
  if (!layers.is_array()) r.fail("layers", "expected an array of layers");
  for (size_t i = 0; i < layers.size(); ++i)
    m.layers.push_back(parse_layer(JsonReader(layers[i], r.file(), r.child_path("layers") + "[" +
                                                                       std::to_string(i) + "]")));
  m.finish = parse_finish(r);
  if (r.has("reference")) {
    const Json& v = r.get("reference");
    if (!v.is_boolean()) r.fail("reference", "expected true or false");
    m.reference = v.get<bool>();
  }
}

}  // namespace limner
