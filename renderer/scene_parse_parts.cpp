// Lights, materials and objects of a scene file -> their plain descriptions.
#include <algorithm>

#include "materials/material.h"
#include "renderer/scene_parse.h"
#include "renderer/scene_parse_detail.h"
#include "renderer/scene_parse_texture.h"

namespace limner {

namespace {

LightType light_type(JsonReader& r) {
  std::string t = r.string("type");
  if (t == "environment") return LightType::Environment;
  if (t == "rect") return LightType::Rect;
  if (t == "sphere") return LightType::Sphere;
  if (t == "spot") return LightType::Spot;
  if (t == "distant") return LightType::Distant;
  if (t == "sky") return LightType::Sky;
  if (t == "envmap") return LightType::Envmap;
  r.fail("type", "unknown light type '" + t +
                     "' (environment, rect, sphere, spot, distant, sky, envmap)");
}

glm::vec3 unit_vec3(JsonReader& r, const std::string& key) {
  glm::vec3 v = r.vec3(key);
  if (glm::length(v) == 0.0f) r.fail(key, "must not be a zero vector");
  return glm::normalize(v);
}

}  // namespace

// Sky and envmap keys; scene_parse_lights.cpp.
void parse_map_light(JsonReader& r, LightDesc& l, const std::string& folder);

LightDesc parse_light(JsonReader r, const std::string& folder) {
  LightDesc l;
  l.key = r.path();
  l.type = light_type(r);
  bool map = l.type == LightType::Sky || l.type == LightType::Envmap;  // their own spectra
  l.spectrum = r.has("spectrum") && !map ? parse_spectrum(r.get("spectrum"), r.file(),
                                                  r.child_path("spectrum"), folder,
                                                  SpectrumRole::Emission)
                                 : Spectrum::named_illuminant("D65");
  l.scale = r.light_scale("scale");
  switch (l.type) {
    case LightType::Environment:
      break;
    case LightType::Rect:
      l.center = r.vec3("center");
      l.to = r.vec3("to");
      l.size = r.positive_vec2("size");
      if (glm::length(l.to - l.center) == 0.0f) r.fail("to", "'to' equals 'center'");
      break;
    case LightType::Sphere:
      l.center = r.vec3("center");
      l.radius = r.positive("radius");
      break;
    case LightType::Spot:
      l.position = r.vec3("position");
      l.to = r.vec3("to");
      l.cone_deg = r.positive("cone_deg", 30.0f);
      if (l.cone_deg > 90.0f) r.fail("cone_deg", "must be at most 90 degrees");
      if (glm::length(l.to - l.position) == 0.0f) r.fail("to", "'to' equals 'position'");
      break;
    case LightType::Distant:
      l.direction = unit_vec3(r, "direction");
      l.angle_deg = r.non_negative("angle_deg", 0.0f);
      if (l.angle_deg >= 90.0f) r.fail("angle_deg", "must be below 90 degrees");
      break;
    case LightType::Sky:
    case LightType::Envmap:
      parse_map_light(r, l, folder);
      break;
  }
  r.reject_unknown();
  return l;
}

namespace {

float roughness(JsonReader& r) {
  float a = r.non_negative("roughness", 0.0f);
  if (a > 1.0f) r.fail("roughness", "must lie in [0, 1]");
  return a;
}

void parse_conductor(JsonReader& r, MaterialDesc& m, const std::string& folder) {
  const Json& metal = r.get("metal");
  if (metal.is_string()) {
    m.metal = metal.get<std::string>();
    if (!is_known_metal(m.metal))
      r.fail("metal", "unknown metal '" + m.metal +
                          "' (gold, silver, copper, aluminium, brass, iron, chromium, nickel, "
                          "titanium, or {\"eta\": ..., \"k\": ...})");
    return;
  }
  JsonReader mr(metal, r.file(), r.child_path("metal"));
  m.eta = parse_spectrum(mr.get("eta"), r.file(), mr.child_path("eta"), folder,
                         SpectrumRole::NonNegative);
  m.k = parse_spectrum(mr.get("k"), r.file(), mr.child_path("k"), folder,
                       SpectrumRole::NonNegative);
  mr.reject_unknown();
}

}  // namespace

void parse_paint_material(JsonReader& r, MaterialDesc& m);  // scene_parse_paint.cpp
void parse_subsurface_material(JsonReader& r, MaterialDesc& m,
                               const std::string& folder);  // scene_parse_subsurface.cpp
void parse_fabric_material(JsonReader& r, MaterialDesc& m,
                           const std::string& folder);  // scene_parse_fabric.cpp

MaterialDesc parse_material(JsonReader r, const std::string& folder) {
  MaterialDesc m;
  m.key = r.path();
  std::string type = r.string("type");
  if (type == "diffuse") {
    m.type = MaterialType::Diffuse;
    m.reflectance_vertex_color = parse_vertex_color_reflectance(r, "reflectance");
    if (!m.reflectance_vertex_color &&
        !parse_texture_value(r, "reflectance", /*scalar=*/false, m.reflectance_tex))
      m.reflectance = parse_spectrum(r.get("reflectance"), r.file(), r.child_path("reflectance"),
                                     folder, SpectrumRole::Reflectance);
  } else if (type == "dielectric") {
    m.type = MaterialType::Dielectric;
    m.ior = r.positive("ior", 1.5f);
    if (m.ior > 4.0f) r.fail("ior", "must lie in (0, 4]");
    m.roughness = roughness(r);
  } else if (type == "conductor") {
    m.type = MaterialType::Conductor;
    parse_conductor(r, m, folder);
    m.roughness = roughness(r);
  } else if (type == "paint") {
    parse_paint_material(r, m);
  } else if (type == "subsurface") {
    parse_subsurface_material(r, m, folder);
  } else if (type == "fabric") {
    parse_fabric_material(r, m, folder);
  } else {
    r.fail("type", "unknown material type '" + type +
                       "' (diffuse, dielectric, conductor, paint, subsurface, fabric)");
  }
  parse_surface_detail(r, folder, m);
  r.reject_unknown();
  return m;
}

namespace {

TransformDesc parse_transform(JsonReader r) {
  TransformDesc t;
  t.scale = r.positive("scale", 1.0f);
  t.rotate_deg = r.vec3("rotate_deg", t.rotate_deg);
  t.translate = r.vec3("translate", t.translate);
  r.reject_unknown();
  return t;
}

void parse_mesh_object(JsonReader& r, ObjectDesc& o, const std::string& folder) {
  o.kind = ObjectKind::Mesh;
  o.mesh_path = resolve_path(folder, r.string("mesh"));
  if (r.has("transform")) o.transform = parse_transform(r.object("transform"));
  if (r.has("group_materials")) {
    JsonReader g = r.object("group_materials");
    for (auto it = g.json().begin(); it != g.json().end(); ++it)
      o.group_materials[it.key()] = g.string(it.key());
  }
}

}  // namespace

ObjectDesc parse_object(JsonReader r, const std::string& folder) {
  ObjectDesc o;
  o.key = r.path();
  if (r.has("mesh")) {
    parse_mesh_object(r, o, folder);
  } else if (r.has("sphere")) {
    o.kind = ObjectKind::Sphere;
    JsonReader s = r.object("sphere");
    o.center = s.vec3("center");
    o.radius = s.positive("radius");
    s.reject_unknown();
  } else if (r.has("rect")) {
    o.kind = ObjectKind::Rect;
    JsonReader s = r.object("rect");
    o.center = s.vec3("center");
    o.normal = unit_vec3(s, "normal");
    o.size = s.positive_vec2("size");
    s.reject_unknown();
  } else {
    r.fail_here("an object needs one of 'mesh', 'sphere' or 'rect'");
  }
  o.material = r.string("material");
  r.reject_unknown();
  return o;
}

}  // namespace limner
