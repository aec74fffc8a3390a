#include "renderer/scene_parse_texture.h"

#include <cmath>

#include "renderer/scene_parse_detail.h"

namespace limner {

namespace {

int parse_channel(JsonReader& t) {
  const std::string c = t.string("channel", "r");
  static const char* kNames[] = {"r", "g", "b", "a"};
  for (int i = 0; i < 4; ++i)
    if (c == kNames[i]) return i;
  t.fail("channel", "unknown channel '" + c + "' (r, g, b, a)");
}

}  // namespace

bool parse_texture_value(JsonReader& r, const std::string& key, bool scalar, TextureDesc& out) {
  if (!r.has(key)) return false;
  const Json& v = r.json()[key];
  if (!v.is_object() || !v.contains("texture")) return false;
  JsonReader t = r.object(key);
  out.key = t.path();
  out.path = t.string("texture");
  if (out.path.empty()) t.fail("texture", "expected a file name");
  if (t.has("uv_scale")) {
    out.uv_scale = t.positive_vec2("uv_scale");
    if (!(out.uv_scale.x <= 1e6f && out.uv_scale.y <= 1e6f))
      t.fail("uv_scale", "must be at most 1e6");
  }
  if (scalar) {
    out.channel = parse_channel(t);
    out.scale = t.number("scale", 1.0f);
    if (!(out.scale >= 0.0f && out.scale <= 1e6f)) t.fail("scale", "must lie in [0, 1e6]");
    if (t.has("invert")) {
      const Json& inv = t.get("invert");
      if (!inv.is_boolean()) t.fail("invert", "expected true or false");
      out.invert = inv.get<bool>();
    }
  }
  t.reject_unknown();
  return true;
}

void parse_surface_detail(JsonReader& r, const std::string& folder, MaterialDesc& m) {
  (void)folder;  // texture paths are resolved when built; bump parsing takes it
  if (r.has("normal_map")) {
    JsonReader n = r.object("normal_map");
    m.normal_map.texture.key = n.child_path("texture");
    m.normal_map.texture.path = n.string("texture");
    if (m.normal_map.texture.path.empty()) n.fail("texture", "expected a file name");
    if (n.has("uv_scale")) {
      m.normal_map.texture.uv_scale = n.positive_vec2("uv_scale");
      if (!(m.normal_map.texture.uv_scale.x <= 1e6f && m.normal_map.texture.uv_scale.y <= 1e6f))
        n.fail("uv_scale", "must be at most 1e6");
    }
    m.normal_map.strength = n.non_negative("strength", 1.0f);
    if (m.normal_map.strength > 10.0f) n.fail("strength", "must lie in [0, 10]");
    n.reject_unknown();
  }
  parse_bump(r, m.bump);  // detail: renderer/scene_parse_detail.cpp
}

}  // namespace limner
