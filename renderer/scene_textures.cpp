#include "renderer/scene_textures.h"

#include <cmath>
#include <stdexcept>

#include "renderer/errors.h"
#include "renderer/scene_detail.h"
#include "renderer/scene_parse.h"

namespace limner {

TextureRef open_scene_texture(Scene& s, const SceneDesc& d, const TextureDesc& t, bool colour) {
  if (!s.textures)
    throw input_error(d.file, t.key, "image textures are not available in this command");
  TextureInfo info;
  try {
    info = s.textures->open(resolve_path(d.folder, t.path));
  } catch (const std::runtime_error& e) {
    throw input_error(d.file, t.key, e.what());
  }
  if (!colour && t.channel >= info.channels)
    throw input_error(d.file, t.key + ".channel",
                      "texture '" + t.path + "' has " + std::to_string(info.channels) +
                          " channel(s); channel " + "rgba"[t.channel] + " does not exist");
  if (colour && info.channels == 2)
    throw input_error(d.file, t.key, "texture '" + t.path + "' has 2 channels; a colour "
                                     "texture needs 1 (grey), 3 or 4");
  TextureRef ref{info.id, t.uv_scale, t.channel, t.scale, info.linear};
  ref.invert = t.invert;
  return ref;
}

namespace {

// A tangent-space normal map stores (x, y, z) * 0.5 + 0.5 with z > 0 (blue >= 0.5) and unit
// length. Point samples on a 32 x 32 grid; more than a quarter off that is not a normal map
// (all zero, a colour photo, a height map).
void check_normal_map(const Scene& s, const SceneDesc& d, const NormalMapDesc& n,
                      const TextureRef& ref) {
  constexpr int kGrid = 32;
  ShadingContext ctx;
  ctx.textures = s.textures.get();
  int bad = 0;
  for (int j = 0; j < kGrid; ++j)
    for (int i = 0; i < kGrid; ++i) {
      float c[3];
      s.textures->lookup(ref.id, (i + 0.5f) / kGrid, (j + 0.5f) / kGrid, 0.0f, 0.0f, 0, 3, c);
      glm::vec3 v = 2.0f * glm::vec3(c[0], c[1], c[2]) - 1.0f;
      float len = glm::length(v);
      if (!(v.z > 0.0f && len > 0.7f && len < 1.3f)) ++bad;
    }
  if (bad * 4 > kGrid * kGrid)
    throw input_error(d.file, n.texture.key,
                      "'" + n.texture.path + "' is not a tangent-space normal map: " +
                          std::to_string(100 * bad / (kGrid * kGrid)) +
                          "% of its texels do not decode to unit normals facing out "
                          "(blue >= 0.5)");
}

void attach_paint(Scene& s, const SceneDesc& d, const MaterialDesc& md, PaintMaterial& p,
                  std::string& uv_key) {
  for (size_t j = 0; j < md.layers.size() && j < p.layers.size(); ++j) {
    const TextureDesc& t = md.layers[j].thickness_tex;
    if (!t.valid()) continue;
    p.layers[j].thickness_tex = open_scene_texture(s, d, t, /*colour=*/false);
    if (uv_key.empty()) uv_key = t.key;
  }
  if (md.finish.roughness_tex.valid()) {
    set_finish_roughness_texture(p, open_scene_texture(s, d, md.finish.roughness_tex, false));
    if (uv_key.empty()) uv_key = md.finish.roughness_tex.key;
  }
}

}  // namespace

std::vector<std::string> attach_textures(Scene& s, const SceneDesc& d) {
  std::vector<std::string> uv_keys(s.materials.size());
  s.details.assign(s.materials.size(), SurfaceDetail{});
  size_t i = 0;
  for (const auto& [name, md] : d.materials) {
    if (auto* diffuse = std::get_if<DiffuseMaterial>(&s.materials[i]);
        diffuse && md.reflectance_tex.valid()) {
      diffuse->reflectance_tex = open_scene_texture(s, d, md.reflectance_tex, /*colour=*/true);
      uv_keys[i] = md.reflectance_tex.key;
    }
    if (auto* paint = std::get_if<PaintMaterial>(&s.materials[i]))
      attach_paint(s, d, md, *paint, uv_keys[i]);
    if (md.normal_map.texture.valid()) {
      NormalMap& nm = s.details[i].normal_map;
      nm.tex = open_scene_texture(s, d, md.normal_map.texture, /*colour=*/true);
      nm.tex.linear = true;  // normals are data, never sRGB-decoded
      nm.strength = md.normal_map.strength;
      check_normal_map(s, d, md.normal_map, nm.tex);
      if (uv_keys[i].empty()) uv_keys[i] = md.normal_map.texture.key;
    }
    if (md.bump.valid())  // detail: renderer/scene_detail.h
      s.details[i].bump = build_bump(
          d, md.bump, md.bump.noise ? TextureRef{} : open_scene_texture(s, d, md.bump.texture, false),
          uv_keys[i]);
    ++i;
  }
  // A paint's substrate was copied into it before textures were attached: copy it again.
  i = 0;
  for (const auto& [name, md] : d.materials) {
    if (auto* paint = std::get_if<PaintMaterial>(&s.materials[i])) {
      for (size_t k = 0; k < s.material_names.size(); ++k)
        if (s.material_names[k] == md.substrate) {
          paint->substrate = std::make_shared<const Material>(s.materials[k]);
          if (uv_keys[i].empty()) uv_keys[i] = uv_keys[k];
        }
    }
    ++i;
  }
  return uv_keys;
}

std::string material_texture_key(const SceneDesc& d, const std::string& material) {
  auto it = d.materials.find(material);
  if (it == d.materials.end()) return "";
  const MaterialDesc& m = it->second;
  for (const TextureDesc* t : {&m.reflectance_tex, &m.normal_map.texture, &m.finish.roughness_tex})
    if (t->valid()) return t->key;
  for (const PaintLayerDesc& l : m.layers)
    if (l.thickness_tex.valid()) return l.thickness_tex.key;
  return m.type == MaterialType::Paint && m.substrate != material
             ? material_texture_key(d, m.substrate)
             : "";
}

void check_texture_uvs(const Scene& s, const SceneDesc& d, const std::vector<std::string>& uv_keys,
                       size_t first_mesh) {
  size_t mesh = first_mesh;
  for (const ObjectDesc& o : d.objects) {
    if (o.kind == ObjectKind::Sphere) continue;
    const TriangleMesh& m = s.meshes[mesh++];
    if (o.kind != ObjectKind::Mesh || !m.uvs.empty()) continue;
    for (uint32_t mat : m.triangle_material)
      if (!uv_keys[mat].empty())
        throw input_error(d.file, o.key + ".mesh",
                          "mesh '" + o.mesh_path + "' has no texture coordinates (vt), but its "
                          "material '" + s.material_names[mat] + "' uses a texture (" +
                              uv_keys[mat] + ")");
  }
}

}  // namespace limner
