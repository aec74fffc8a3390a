// The plain description of a scene as parsed from JSON: values only, no Embree, no images.
// Every element keeps the key path it came from, so building can report errors precisely.
#pragma once
#include <cstdint>
#include <glm/glm.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "materials/paint/paint.h"
#include "renderer/lights/env_image.h"
#include "renderer/spectral/spectrum.h"
#include "renderer/subsurface_desc.h"
#include "renderer/texture_desc.h"
#include "renderer/detail_desc.h"

namespace limner {

struct CameraDesc {
  glm::vec3 from{0, 0, 100}, to{0, 0, 0}, up{0, 1, 0};
  float fov_deg = 30.0f;
  float f_number = 0.0f;  // 0: pinhole (everything in focus)
  float focus_mm = 0.0f;  // 0: focus on `to`
};

enum class WhiteBalanceKind { None, Spectrum, Auto };

struct FilmDesc {
  int width = 512, height = 512, spp = 64;
  uint64_t seed = 0;
  std::string output = "out.png";  // resolved against the scene folder
  std::string color_space = "srgb";  // srgb | display-p3 | xyz
  WhiteBalanceKind white_balance = WhiteBalanceKind::None;
  Spectrum white;  // for WhiteBalanceKind::Spectrum
  std::string tonemap = "none";  // none | filmic
  float exposure_ev = 0.0f;
  int bit_depth = 8;  // PNG only: 8 or 16
  int max_depth = 64;
};

enum class LightType { Environment, Rect, Sphere, Spot, Distant, Sky, Envmap };

struct LightDesc {
  LightType type = LightType::Environment;
  std::string key;  // "lights[0]"
  Spectrum spectrum;  // luminance-normalised at build time
  float scale = 1.0f;
  glm::vec3 center{0.0f}, to{0.0f}, position{0.0f}, direction{0, -1, 0};
  glm::vec2 size{1.0f};
  float radius = 1.0f, cone_deg = 30.0f, angle_deg = 0.0f;
  // sky (renderer/lights/sky.h): sun position in degrees, y up, azimuth 0 = +z turning to +x
  float sun_elevation_deg = 45.0f, sun_azimuth_deg = 0.0f, turbidity = 3.0f;
  // envmap: file resolved against the scene folder; the image is filled in by
  // load_environment_images (renderer/image/env_load.h) before build_scene
  std::string file;
  float rotate_deg = 0.0f;
  std::shared_ptr<const EnvImage> image;
};

enum class MaterialType { Diffuse, Dielectric, Conductor, Paint, Subsurface, Fabric };

struct PaintDesc {
  std::string key;  // "paints.skin tone"
  PaintCoefficients coefficients;
};

struct PaintLayerDesc {
  std::string key;    // "materials.skin.layers[1]"
  std::string paint;  // a name from `paints` or the starter set
  float thickness_um = 20.0f;
  float pooling = 0.0f, edge = 0.0f;
  TextureDesc thickness_tex;  // when valid, replaces thickness_um
  VariationDesc variation;    // hand-made thickness variation (renderer/detail_desc.h)
  MaskDesc mask;              // where the layer is (vertex colours)
};

// The clear interface on top of a paint stack: "none" (bare KM layer) or a rough dielectric.
struct FinishDesc {
  std::string name = "satin";  // none, matte, satin, gloss, or "custom"
  float roughness = 0.0f, ior = 1.5f;  // for "custom"
  TextureDesc roughness_tex;  // "custom": when valid, the roughness comes from it
};

struct MaterialDesc {
  MaterialType type = MaterialType::Diffuse;
  std::string key;  // "materials.skin"
  Spectrum reflectance;
  float ior = 1.5f, roughness = 0.0f;
  std::string metal;  // named metal, or empty when eta/k are given
  Spectrum eta, k;
  std::string substrate;  // paint: the material under the layers
  std::vector<PaintLayerDesc> layers;
  FinishDesc finish;
  bool reference = false;  // paint: the stochastic reference walk instead of the fast path
  SubsurfaceDesc subsurface;
  std::string base;  // fabric: the material under the sheen
  Spectrum sheen_color = Spectrum::constant(1.0f);
  float sheen_roughness = 0.3f;
  TextureDesc reflectance_tex;  // diffuse: when valid, replaces reflectance
  NormalMapDesc normal_map;     // any material
  BumpDesc bump;                // any material (renderer/detail_desc.h)
  bool reflectance_vertex_color = false;  // diffuse: {"vertex_color": true}
};

struct TransformDesc {
  float scale = 1.0f;
  glm::vec3 rotate_deg{0.0f}, translate{0.0f};
};

enum class ObjectKind { Mesh, Sphere, Rect };

struct ObjectDesc {
  ObjectKind kind = ObjectKind::Mesh;
  std::string key;  // "objects[2]"
  std::string material;
  std::string mesh_path;  // resolved against the scene folder
  TransformDesc transform;
  std::map<std::string, std::string> group_materials;
  glm::vec3 center{0.0f}, normal{0, 1, 0};
  float radius = 1.0f;
  glm::vec2 size{1.0f};
};

struct SceneDesc {
  std::string file;  // the scene file as given (for messages)
  std::string folder;
  CameraDesc camera;
  FilmDesc film;
  std::vector<LightDesc> lights;
  std::map<std::string, MaterialDesc> materials;
  std::map<std::string, PaintDesc> paints;
  std::vector<ObjectDesc> objects;
};

}  // namespace limner
