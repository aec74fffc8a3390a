// Internal to scene building.
#pragma once
#include <string>
#include <vector>

#include "renderer/errors.h"
#include "renderer/scene.h"

namespace limner {

constexpr float kPiF = 3.14159265358979323846f;

void rect_axes(const glm::vec3& n, glm::vec3& u, glm::vec3& v);
Light build_light(const LightDesc& d, const std::string& file);
// Sky (sky map plus sun) and envmap lights; scene_map_lights.cpp.
void add_map_lights(const LightDesc& d, const std::string& file, std::vector<Light>& out);
Material build_material(const MaterialDesc& d, const std::string& file);
// scene_parse_subsurface.cpp: the material, and a warning for an open mesh that has one.
Material build_subsurface(const MaterialDesc& d, const std::string& file);
void warn_open_subsurface_mesh(Scene& s, const SceneDesc& d, const ObjectDesc& o);
// scene_parse_fabric.cpp: a fabric over an already built base (names[i] is built[i]).
Material build_fabric(const SceneDesc& d, const MaterialDesc& m,
                      const std::vector<std::string>& names, const std::vector<Material>& built);
void add_mesh_object(Scene& s, const SceneDesc& desc, const ObjectDesc& o);
void add_rect_mesh(Scene& s, const glm::vec3& center, const glm::vec3& normal,
                   const glm::vec2& size, uint32_t material, GeomKind kind, uint32_t light);

}  // namespace limner
