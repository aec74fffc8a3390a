#include "renderer/scene_parse_detail.h"

#include <cmath>

namespace limner {

namespace {

NoiseKind noise_kind(JsonReader& r) {
  std::string name = r.string("noise");
  NoiseKind k;
  if (!noise_kind_from_name(name, k))
    r.fail("noise", "unknown noise '" + name + "' (" + noise_kind_names() + ")");
  return k;
}

float scale_mm(JsonReader& r) {
  float s = r.number("scale_mm");
  if (!(s >= kMinScaleMm && s <= kMaxScaleMm))
    r.fail("scale_mm", "must lie in [0.001, 1000] mm");
  return s;
}

glm::vec3 direction(JsonReader& r) {
  glm::vec3 d = r.vec3("direction", glm::vec3(1.0f, 0.0f, 0.0f));
  if (!(glm::length(d) > 0.0f)) r.fail("direction", "must not be a zero vector");
  return d;
}

float height_um(JsonReader& r) {
  float h = r.number("height_um");
  if (!(h >= 0.0f && h <= 5000.0f)) r.fail("height_um", "must lie in [0, 5000] um");
  return h;
}

int channel_index(JsonReader& r, const std::string& key, const std::string& c, bool alpha) {
  static const char* kNames[] = {"r", "g", "b", "a"};
  for (int i = 0; i < (alpha ? 4 : 3); ++i)
    if (c == kNames[i]) return i;
  r.fail(key, "unknown channel '" + c + "' (" + (alpha ? "r, g, b, a" : "r, g, b") + ")");
}

}  // namespace

void parse_bump(JsonReader& material, BumpDesc& out) {
  if (!material.has("bump")) return;
  JsonReader b = material.object("bump");
  out.key = b.path();
  bool tex = b.has("texture"), noise = b.has("noise");
  if (tex == noise)
    b.fail_here(tex ? "give either 'texture' or 'noise', not both"
                    : std::string("a bump needs 'texture' (a height map) or 'noise' (") +
                          noise_kind_names() + ")");
  out.height_um = height_um(b);
  if (noise) {
    out.noise = true;
    out.kind = noise_kind(b);
    out.scale_mm = scale_mm(b);
    out.direction = direction(b);
  } else {
    out.texture.key = b.child_path("texture");
    out.texture.path = b.string("texture");
    if (out.texture.path.empty()) b.fail("texture", "expected a file name");
    if (b.has("uv_scale")) {
      out.texture.uv_scale = b.positive_vec2("uv_scale");
      if (!(out.texture.uv_scale.x <= 1e6f && out.texture.uv_scale.y <= 1e6f))
        b.fail("uv_scale", "must be at most 1e6");
    }
    out.texture.channel = channel_index(b, "channel", b.string("channel", "r"), true);
  }
  b.reject_unknown();
}

void parse_variation(JsonReader& layer, VariationDesc& out) {
  if (!layer.has("variation")) return;
  JsonReader v = layer.object("variation");
  out.key = v.path();
  out.kind = noise_kind(v);
  out.amount = v.number("amount");
  if (!(out.amount >= 0.0f && out.amount <= 1.0f)) v.fail("amount", "must lie in [0, 1]");
  out.scale_mm = scale_mm(v);
  out.direction = direction(v);
  out.tide_marks = v.non_negative("tide_marks", 1.0f);
  if (out.tide_marks > 1.0f) v.fail("tide_marks", "must lie in [0, 1]");
  v.reject_unknown();
}

void parse_mask(JsonReader& layer, MaskDesc& out) {
  if (!layer.has("mask")) return;
  out.key = layer.child_path("mask");
  const Json& m = layer.get("mask");
  if (m.is_number()) {
    out.value = json_number(m, layer.file(), out.key);
    if (!(out.value >= 0.0f && out.value <= 1.0f)) layer.fail("mask", "must lie in [0, 1]");
    return;
  }
  if (!m.is_object() || !m.contains("vertex_color"))
    layer.fail("mask", "expected a number in [0, 1] or {\"vertex_color\": \"r\"}");
  JsonReader v = layer.object("mask");
  const Json& c = v.get("vertex_color");
  if (!c.is_string()) v.fail("vertex_color", "expected a channel: \"r\", \"g\" or \"b\"");
  out.vertex_channel = channel_index(v, "vertex_color", c.get<std::string>(), false);
  v.reject_unknown();
}

bool parse_vertex_color_reflectance(JsonReader& r, const std::string& key) {
  if (!r.has(key)) return false;
  const Json& j = r.json()[key];
  if (!j.is_object() || !j.contains("vertex_color")) return false;
  JsonReader v = r.object(key);
  const Json& c = v.get("vertex_color");
  if (!c.is_boolean() || !c.get<bool>())
    v.fail("vertex_color", "a colour takes {\"vertex_color\": true} (a channel name is for "
                           "scalars such as a paint layer's mask)");
  v.reject_unknown();
  return true;
}

}  // namespace limner
