// Materials hold parameters; at a hit they evaluate into a Bsdf value for the path's wavelengths.
#pragma once
#include <memory>
#include <string>
#include <variant>

#include "materials/bsdf/bsdf.h"
#include "materials/medium/medium.h"
#include "materials/texture/texture.h"
#include "renderer/spectral/spectrum.h"

namespace limner {

struct DiffuseMaterial {
  Spectrum reflectance;
  TextureRef reflectance_tex;  // when valid, replaces reflectance (materials/texture/texture.h)
  bool vertex_color = false;   // the hit's vertex colour replaces reflectance (materials/detail/)
};

struct ConductorMaterial {
  Spectrum eta, k;
  float roughness = 0.0f;  // GGX alpha
  std::shared_ptr<const EnergyTable> energy;
};

struct DielectricMaterial {
  float ior = 1.5f;
  float roughness = 0.0f;  // GGX alpha
  std::shared_ptr<const EnergyTable> energy_outside, energy_inside;
};

// Layers of paint on a substrate material (materials/paint/paint_stack.h, included below).
struct PaintMaterial;
// A sheen layer over a base material (materials/fabric/fabric_material.h, included below).
struct FabricMaterial;

using Material = std::variant<DiffuseMaterial, ConductorMaterial, DielectricMaterial,
                              PaintMaterial, FabricMaterial, SubsurfaceMaterial>;

Material make_diffuse(Spectrum reflectance);
Material make_conductor(Spectrum eta, Spectrum k, float roughness);
// Throws std::invalid_argument naming the valid metals when the name is unknown.
Material make_conductor(const std::string& metal, float roughness);
Material make_dielectric(float ior, float roughness);
bool is_known_metal(const std::string& name);
// The medium a transmission into a surface of this material enters (materials/medium/), or null.
const HomogeneousMedium* interior_medium(const Material& m);

// What a material may need to know about the hit beyond wavelengths (paint pooling and edges).
struct ShadingContext {
  float cavity = 0.0f;     // 0: open or raised surface ... 1: fully enclosed recess
  float convexity = 0.5f;  // 0: concave crease, 0.5: flat, 1: sharp convex edge
  // Surface parametrisation for textures and normal/bump maps (renderer/scene_surface.cpp).
  glm::vec2 uv{0.0f};                        // OBJ vt (rects: [0,1]^2, spheres: lat-long)
  bool has_uv = false;
  glm::vec3 dpdu{1, 0, 0}, dpdv{0, 1, 0};    // world mm per unit u, v (not normalised)
  glm::vec3 p_object{0.0f};                  // position in the object's own (mesh file) units
  float object_scale = 1.0f;                 // mm per object unit (transform.scale)
  glm::mat3 object_rotation{1.0f};  // world = object_rotation * (p_object * object_scale) + t
  glm::vec3 ns{0, 0, 1}, ng{0, 0, 1};        // world shading and geometric normals
  float footprint_mm = 0.0f;                 // ray-cone width at the hit, for texture filtering
  const TextureBackend* textures = nullptr;  // the scene's textures
  glm::vec3 vertex_color{1.0f};  // OBJ "v x y z r g b", interpolated (linear, as in the file)
  bool has_vertex_color = false;
};

Bsdf material_bsdf(const Material& m, const SampledWavelengths& wl,
                   const ShadingContext& ctx = ShadingContext{});

}  // namespace limner

// Completes Material (PaintMaterial holds its substrate as a shared_ptr<const Material>).
#include "materials/paint/paint_stack.h"
#include "materials/fabric/fabric_material.h"
