// The immutable render scene built from a SceneDesc: world-space geometry, the ray-query
// structure, materials, lights and the camera. Rendering only reads it.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "materials/material.h"
#include "materials/medium/random_walk.h"
#include "materials/texture/surface_detail.h"
#include "renderer/camera.h"
#include "renderer/geometry/embree_scene.h"
#include "renderer/lights/light.h"
#include "renderer/scene_desc.h"

namespace limner {

struct TriangleMesh {
  std::vector<glm::vec3> positions, normals;  // world space; normals may be empty
  std::vector<glm::uvec3> triangles;
  std::vector<uint32_t> triangle_material;
  std::vector<float> cavity, convexity;  // per vertex, only for meshes whose paint needs them
  std::vector<glm::vec2> uvs;  // per vertex OBJ vt (rects: corners of [0,1]^2), or empty
  std::vector<glm::vec3> colors;  // per vertex OBJ colours ('v x y z r g b'), or empty
  // The object transform: world = rotation * (p_object * scale) + translate.
  glm::mat3 rotation{1.0f};
  glm::vec3 translate{0.0f};
  float scale = 1.0f;
};

struct SphereShape {
  glm::vec3 center{0.0f};
  float radius = 1.0f;
  uint32_t material = 0;
};

enum class GeomKind : uint8_t { Mesh, Sphere, Light };

struct GeomInfo {
  GeomKind kind = GeomKind::Mesh;
  uint32_t index = 0;  // into meshes, spheres or lights
};

// What the integrator needs at a ray hit.
struct SurfaceHit {
  glm::vec3 p{0.0f};
  glm::vec3 ng{0.0f, 0.0f, 1.0f};  // unit geometric normal, outward (CCW front for meshes)
  glm::vec3 ns{0.0f, 0.0f, 1.0f};  // unit shading normal, on the same side as ng
  uint32_t material = 0;
  int light = -1;  // >= 0: the ray hit this area light
  ShadingContext ctx;
};

struct Scene {
  std::string file;
  FilmDesc film;
  Camera camera;
  std::vector<Material> materials;
  std::vector<std::string> material_names;
  std::vector<SurfaceDetail> details;  // per material: normal map, bump
  std::shared_ptr<TextureBackend> textures;  // image textures (null when the scene has none)
  std::vector<Light> lights;
  std::vector<int> infinite_lights;
  LightSampler light_sampler;
  glm::vec3 auto_white_xyz{0.0f};  // power-weighted white of the lights, Y = 1
  std::vector<TriangleMesh> meshes;
  std::vector<SphereShape> spheres;
  std::vector<GeomInfo> geoms;  // by Embree geometry id
  std::unique_ptr<EmbreeScene> rt;
  glm::vec3 bounds_min{0.0f}, bounds_max{0.0f};
  float radius = 1.0f;
  size_t triangle_count = 0;
  double load_seconds = 0.0, bvh_seconds = 0.0;  // mesh loading, ray-query build
  std::vector<std::string> warnings;  // one line each, printed by the command (not with --quiet)
  WalkLimits walk_limits;             // subsurface walks (materials/medium/random_walk.h)

  SurfaceHit surface(const Ray& ray, const RayHit& hit) const;
  // Offset along the geometric normal toward direction w, scaled to the scene's float precision.
  glm::vec3 offset(const glm::vec3& p, const glm::vec3& ng, const glm::vec3& w) const;
};

// Builds the render scene. Throws InputError naming the file and key path.
// Image textures are read through `textures` (renderer/image/texture_oiio.h); a scene naming a
// texture without one is an InputError.
std::unique_ptr<Scene> build_scene(const SceneDesc& desc,
                                   std::shared_ptr<TextureBackend> textures = nullptr);

// Builds only the materials (names in the same order), e.g. for `limner measure`.
void build_materials(const SceneDesc& desc, std::vector<std::string>& names,
                     std::vector<Material>& materials);

}  // namespace limner
