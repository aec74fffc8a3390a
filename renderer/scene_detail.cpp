#include "renderer/scene_detail.h"

#include <stdexcept>

#include "renderer/errors.h"

namespace limner {

Bump build_bump(const SceneDesc& d, const BumpDesc& b, const TextureRef& height_map,
                std::string& uv_key) {
  try {
    if (b.noise) return make_noise_bump(b.kind, b.scale_mm, b.height_um, b.direction);
    if (uv_key.empty()) uv_key = b.texture.key;
    return make_texture_bump(height_map, b.height_um);
  } catch (const std::invalid_argument& e) {
    throw input_error(d.file, b.key, e.what());
  }
}

void build_layer_variation(const SceneDesc& d, const PaintLayerDesc& l, PaintLayer& out) {
  const VariationDesc& v = l.variation;
  if (v.valid()) {
    try {
      out.variation = make_layer_variation(v.kind, v.amount, v.scale_mm, v.direction, v.tide_marks);
    } catch (const std::invalid_argument& e) {
      throw input_error(d.file, v.key, e.what());
    }
  }
  out.variation.mask = l.mask.value;
  out.variation.mask_channel = l.mask.vertex_channel;
}

void attach_paint_relief(Scene& s) {
  s.details.resize(s.materials.size());
  for (size_t i = 0; i < s.materials.size(); ++i) {
    const auto* p = std::get_if<PaintMaterial>(&s.materials[i]);
    if (!p) continue;
    for (const PaintLayer& l : p->layers)
      if (l.variation.active)
        add_paint_relief(s.details[i].bump.paint, l.variation.pattern,
                         l.variation.amount * l.variation.mask * l.thickness_um * 1e-3f);
  }
}

void remove_layer_variation(Material& m) {
  if (auto* p = std::get_if<PaintMaterial>(&m))
    for (PaintLayer& l : p->layers) l.variation.active = false;
}

namespace {

// The key of the first value of material `name` that reads vertex colours, or "".
std::string vertex_color_key(const SceneDesc& d, const std::string& name) {
  auto it = d.materials.find(name);
  if (it == d.materials.end()) return "";
  const MaterialDesc& m = it->second;
  if (m.reflectance_vertex_color) return m.key + ".reflectance";
  for (const PaintLayerDesc& l : m.layers)
    if (l.mask.vertex_channel >= 0) return l.mask.key;
  if (m.type == MaterialType::Paint) return vertex_color_key(d, m.substrate);
  return "";
}

}  // namespace

void check_vertex_colors(const Scene& s, const SceneDesc& d, size_t first_mesh) {
  size_t mesh = first_mesh;
  for (const ObjectDesc& o : d.objects) {
    if (o.kind == ObjectKind::Sphere) {
      std::string key = vertex_color_key(d, o.material);
      if (!key.empty())
        throw input_error(d.file, o.key + ".material",
                          "a sphere has no vertex colours, but material '" + o.material +
                              "' reads them (" + key + ")");
      continue;
    }
    const TriangleMesh& m = s.meshes[mesh++];
    if (!m.colors.empty()) continue;
    for (uint32_t mat : m.triangle_material) {
      std::string key = vertex_color_key(d, s.material_names[mat]);
      if (!key.empty())
        throw input_error(d.file, o.key + (o.kind == ObjectKind::Mesh ? ".mesh" : ".material"),
                          (o.kind == ObjectKind::Mesh ? "mesh '" + o.mesh_path + "'" : "a rect") +
                              " has no vertex colours ('v x y z r g b'), but its material '" +
                              s.material_names[mat] + "' reads them (" + key + ")");
    }
  }
}

}  // namespace limner
