// Textured values and normal maps as parsed from a scene (renderer/scene_parse_texture.cpp);
// built into TextureRef (materials/texture/texture.h) by renderer/scene_textures.cpp.
#pragma once
#include <glm/glm.hpp>
#include <string>

namespace limner {

struct TextureDesc {
  std::string key;   // "materials.skin.reflectance"
  std::string path;  // as written in the scene (resolved against its folder when built); empty: none
  glm::vec2 uv_scale{1.0f};
  int channel = -1;    // scalars: 0-3 (r, g, b, a); colours: -1
  float scale = 1.0f;  // scalars: value = texel * scale
  bool invert = false;  // scalars: value = (1 - texel) * scale (a specular map as roughness)
  bool valid() const { return !path.empty(); }
};

struct NormalMapDesc {
  TextureDesc texture;  // invalid: no normal map
  float strength = 1.0f;
};

}  // namespace limner
