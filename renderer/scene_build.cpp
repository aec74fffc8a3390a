#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "materials/paint/paint_stack.h"
#include "renderer/scene_build_parts.h"
#include "renderer/scene_cavity.h"
#include "renderer/scene_detail.h"
#include "renderer/scene_textures.h"
#include "renderer/spectral/color.h"

namespace limner {

Material build_material(const MaterialDesc& d, const std::string& file) {
  switch (d.type) {
    case MaterialType::Diffuse: {
      Material m = make_diffuse(d.reflectance);
      std::get<DiffuseMaterial>(m).vertex_color = d.reflectance_vertex_color;  // detail
      return m;
    }
    case MaterialType::Dielectric:
      return make_dielectric(d.ior, d.roughness);
    case MaterialType::Conductor:
      if (!d.metal.empty()) {
        try {
          return make_conductor(d.metal, d.roughness);
        } catch (const std::invalid_argument& e) {
          throw input_error(file, d.key + ".metal", e.what());
        }
      }
      return make_conductor(d.eta, d.k, d.roughness);
    case MaterialType::Paint:
    case MaterialType::Fabric:  // built after their bases (build_materials)
      break;
    case MaterialType::Subsurface:
      return build_subsurface(d, file);
  }
  throw input_error(file, d.key, "a paint needs its substrate and paints (build_paint)");
}

namespace {

PaintCoefficients find_paint(const SceneDesc& d, const PaintLayerDesc& l) {
  auto it = d.paints.find(l.paint);
  if (it != d.paints.end()) return it->second.coefficients;
  try {
    return named_paint(l.paint);
  } catch (const std::invalid_argument& e) {
    throw input_error(d.file, l.key + ".paint", e.what());
  }
}

Material build_paint(const SceneDesc& d, const MaterialDesc& m,
                     const std::vector<std::string>& names, const std::vector<Material>& built) {
  auto sub = std::find(names.begin(), names.end(), m.substrate);
  auto sub_desc = d.materials.find(m.substrate);
  if (sub == names.end() || sub_desc == d.materials.end())
    throw input_error(d.file, m.key + ".substrate", "unknown material '" + m.substrate + "'");
  if (sub_desc->second.type == MaterialType::Paint)
    throw input_error(d.file, m.key + ".substrate", "'" + m.substrate + "' is itself a paint: "
                      "stack its layers in this material instead");
  if (sub_desc->second.type == MaterialType::Fabric)
    throw input_error(d.file, m.key + ".substrate", "'" + m.substrate + "' is a fabric: put "
                      "the fabric over the paint instead");
  std::vector<PaintLayer> layers;
  for (const PaintLayerDesc& l : m.layers) {
    layers.push_back(PaintLayer{find_paint(d, l), l.thickness_um, l.pooling, l.edge});
    build_layer_variation(d, l, layers.back());  // renderer/scene_detail.h
  }
  PaintFinish finish;
  if (m.finish.name == "custom")
    finish = PaintFinish{false, m.finish.roughness, m.finish.ior};
  else
    finish = paint_finish_preset(m.finish.name);
  try {
    return make_paint(std::move(layers), built[size_t(sub - names.begin())], finish, m.reference);
  } catch (const std::invalid_argument& e) {
    throw input_error(d.file, m.key, e.what());
  }
}

}  // namespace

void add_rect_mesh(Scene& s, const glm::vec3& center, const glm::vec3& normal,
                   const glm::vec2& size, uint32_t material, GeomKind kind, uint32_t light) {
  glm::vec3 u, v;
  rect_axes(normal, u, v);
  u *= 0.5f * size.x;
  v *= 0.5f * size.y;
  TriangleMesh m;
  m.positions = {center - u - v, center + u - v, center + u + v, center - u + v};
  m.triangles = {{0, 1, 2}, {0, 2, 3}};  // counter-clockwise about `normal`
  m.uvs = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};  // u along the rect's width, v along its height
  m.translate = center;
  m.triangle_material = {material, material};
  s.meshes.push_back(std::move(m));
  s.geoms.push_back({kind, kind == GeomKind::Light ? light : uint32_t(s.meshes.size() - 1)});
}

namespace {

uint32_t material_index(const Scene& s, const SceneDesc& d, const std::string& name,
                        const std::string& key) {
  auto it = std::find(s.material_names.begin(), s.material_names.end(), name);
  if (it == s.material_names.end()) {
    std::string known;
    for (auto& n : s.material_names) known += (known.empty() ? "" : ", ") + n;
    throw input_error(d.file, key, "unknown material '" + name + "'" +
                                       (known.empty() ? "" : " (defined: " + known + ")"));
  }
  return uint32_t(it - s.material_names.begin());
}

void add_lights(Scene& s, const SceneDesc& d) {
  for (const LightDesc& ld : d.lights) {
    size_t i = s.lights.size();
    if (ld.type == LightType::Sky || ld.type == LightType::Envmap) {
      add_map_lights(ld, d.file, s.lights);
      for (size_t j = i; j < s.lights.size(); ++j) s.infinite_lights.push_back(int(j));
      continue;
    }
    s.lights.push_back(build_light(ld, d.file));
    if (ld.type == LightType::Rect) {
      const auto& r = std::get<RectLight>(s.lights.back().v);
      add_rect_mesh(s, r.center, r.normal, ld.size, 0, GeomKind::Light, uint32_t(i));
    } else if (ld.type == LightType::Sphere) {
      s.spheres.push_back({ld.center, ld.radius, 0});
      s.geoms.push_back({GeomKind::Light, uint32_t(i)});
    }
    if (light_is_infinite(s.lights.back())) s.infinite_lights.push_back(int(i));
  }
}

// Paints that pool in recesses or keep to edges need per-vertex cavity and convexity.
bool needs_cavity(const Material& m) {
  if (const auto* f = std::get_if<FabricMaterial>(&m)) return needs_cavity(*f->base);
  const auto* p = std::get_if<PaintMaterial>(&m);
  if (!p) return false;
  for (const PaintLayer& l : p->layers)
    if (l.pooling > 0.0f || l.edge > 0.0f) return true;
  return false;
}

void add_objects(Scene& s, const SceneDesc& d, std::vector<size_t>& cavity_meshes) {
  for (const ObjectDesc& o : d.objects) {
    uint32_t mat = material_index(s, d, o.material, o.key + ".material");
    if (o.kind != ObjectKind::Mesh && needs_cavity(s.materials[mat]))
      throw input_error(d.file, o.key + ".material",
                        "paint '" + o.material + "' has a layer with pooling or edge, which needs "
                        "a mesh's recesses and edges; a " +
                            std::string(o.kind == ObjectKind::Sphere ? "sphere" : "rect") +
                            " has none (set pooling and edge to 0, or use a mesh)");
    if (o.kind == ObjectKind::Mesh) {
      add_mesh_object(s, d, o);
      warn_open_subsurface_mesh(s, d, o);
      for (uint32_t m : s.meshes.back().triangle_material)
        if (needs_cavity(s.materials[m])) {
          cavity_meshes.push_back(s.meshes.size() - 1);
          break;
        }
    } else if (o.kind == ObjectKind::Sphere) {
      s.spheres.push_back({o.center, o.radius, mat});
      s.geoms.push_back({GeomKind::Sphere, uint32_t(s.spheres.size() - 1)});
    } else {
      add_rect_mesh(s, o.center, o.normal, o.size, mat, GeomKind::Mesh, 0);
    }
  }
}

void compute_bounds(Scene& s) {
  glm::vec3 lo(1e30f), hi(-1e30f);
  for (const auto& m : s.meshes)
    for (const auto& p : m.positions) {
      lo = glm::min(lo, p);
      hi = glm::max(hi, p);
    }
  for (const auto& sp : s.spheres) {
    lo = glm::min(lo, sp.center - glm::vec3(sp.radius));
    hi = glm::max(hi, sp.center + glm::vec3(sp.radius));
  }
  if (lo.x > hi.x) lo = hi = glm::vec3(0.0f);
  s.bounds_min = lo;
  s.bounds_max = hi;
  s.radius = std::max(0.5f * glm::length(hi - lo), 1e-3f);
}

// Embree geometry ids follow the order of s.geoms (meshes and spheres interleaved).
void build_ray_queries(Scene& s) {
  s.rt = std::make_unique<EmbreeScene>();
  uint32_t next_mesh = 0, next_sphere = 0, expected_id = 0;
  for (const GeomInfo& g : s.geoms) {
    bool is_sphere = g.kind == GeomKind::Sphere ||
                     (g.kind == GeomKind::Light &&
                      std::holds_alternative<SphereLight>(s.lights[g.index].v));
    uint32_t id;
    if (is_sphere) {
      const SphereShape& sp = s.spheres[next_sphere++];
      id = s.rt->add_sphere(sp.center, sp.radius);
    } else {
      const TriangleMesh& m = s.meshes[next_mesh++];
      id = s.rt->add_triangles(m.positions.data(), m.positions.size(), m.triangles.data(),
                               m.triangles.size());
    }
    if (id != expected_id++) throw std::logic_error("ray-query geometry ids out of order");
  }
  s.rt->commit();
}

glm::vec3 auto_white(const Scene& s) {
  glm::vec3 w(0.0f);
  for (size_t i = 0; i < s.lights.size(); ++i) {
    const LightEmission& e = std::visit([](const auto& l) -> const LightEmission& {
      return l.emission;
    }, s.lights[i].v);
    glm::vec3 xyz = spectrum_to_xyz(e.spectrum);
    if (xyz.y > 0.0f) w += s.light_sampler.prob(int(i)) * xyz / xyz.y;
  }
  return w.y > 0.0f ? w / w.y : srgb_white_xyz();
}

}  // namespace

// Paints refer to other materials as their substrate, so they are built in a second pass.
void build_materials(const SceneDesc& d, std::vector<std::string>& names,
                     std::vector<Material>& materials) {
  for (const auto& [name, md] : d.materials) {
    names.push_back(name);
    bool later = md.type == MaterialType::Paint || md.type == MaterialType::Fabric;
    materials.push_back(later ? make_diffuse(Spectrum::constant(0.0f))
                              : build_material(md, d.file));
  }
  size_t i = 0;
  for (const auto& [name, md] : d.materials) {
    if (md.type == MaterialType::Paint) materials[i] = build_paint(d, md, names, materials);
    ++i;
  }
  i = 0;  // fabrics may cover paints: a third pass
  for (const auto& [name, md] : d.materials) {
    if (md.type == MaterialType::Fabric) materials[i] = build_fabric(d, md, names, materials);
    ++i;
  }
}

std::unique_ptr<Scene> build_scene(const SceneDesc& d,
                                   std::shared_ptr<TextureBackend> textures) {
  auto s = std::make_unique<Scene>();
  s->file = d.file;
  s->film = d.film;
  s->camera = Camera(d.camera, d.film.width, d.film.height);
  build_materials(d, s->material_names, s->materials);
  s->textures = std::move(textures);
  std::vector<std::string> uv_keys = attach_textures(*s, d);
  attach_paint_relief(*s);  // renderer/scene_detail.h
  add_lights(*s, d);
  auto t0 = std::chrono::steady_clock::now();
  std::vector<size_t> cavity_meshes;
  const size_t first_object_mesh = s->meshes.size();
  add_objects(*s, d, cavity_meshes);
  check_texture_uvs(*s, d, uv_keys, first_object_mesh);
  check_vertex_colors(*s, d, first_object_mesh);
  auto t1 = std::chrono::steady_clock::now();
  s->load_seconds = std::chrono::duration<double>(t1 - t0).count();
  compute_bounds(*s);
  s->light_sampler = LightSampler(s->lights, s->radius);
  s->auto_white_xyz = auto_white(*s);
  for (const auto& m : s->meshes) s->triangle_count += m.triangles.size();
  build_ray_queries(*s);
  s->bvh_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  for (size_t m : cavity_meshes) compute_cavity(*s, s->meshes[m]);
  return s;
}

}  // namespace limner
