// The `fabric` material (contract section 4): a sheen layer over a base material. Parsing
// and building (fabrics are built in a last pass, after paints, since they may cover one).
#include <algorithm>
#include <stdexcept>

#include "materials/fabric/fabric_material.h"
#include "renderer/scene_build_parts.h"
#include "renderer/scene_parse.h"

namespace limner {

void parse_fabric_material(JsonReader& r, MaterialDesc& m, const std::string& folder) {
  m.type = MaterialType::Fabric;
  m.base = r.string("base");
  if (m.base.empty()) r.fail("base", "must name a material");
  if (r.has("sheen_color"))
    m.sheen_color = parse_spectrum(r.get("sheen_color"), r.file(), r.child_path("sheen_color"),
                                   folder, SpectrumRole::Reflectance);
  m.sheen_roughness = r.non_negative("sheen_roughness", 0.3f);
  if (m.sheen_roughness > 1.0f) r.fail("sheen_roughness", "must lie in [0, 1]");
}

Material build_fabric(const SceneDesc& d, const MaterialDesc& m,
                      const std::vector<std::string>& names, const std::vector<Material>& built) {
  auto base = std::find(names.begin(), names.end(), m.base);
  auto base_desc = d.materials.find(m.base);
  if (base == names.end() || base_desc == d.materials.end()) {
    std::string known;
    for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
    throw input_error(d.file, m.key + ".base",
                      "unknown material '" + m.base + "' (materials: " + known + ")");
  }
  if (base_desc->second.type == MaterialType::Fabric)
    throw input_error(d.file, m.key + ".base",
                      "'" + m.base + "' is itself a fabric: one sheen layer per surface");
  try {
    return make_fabric(built[size_t(base - names.begin())], m.sheen_color, m.sheen_roughness);
  } catch (const std::invalid_argument& e) {
    throw input_error(d.file, m.key, e.what());
  }
}

}  // namespace limner
