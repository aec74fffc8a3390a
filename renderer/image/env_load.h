// Reading HDR environment images (EXR, Radiance HDR) through OpenImageIO for envmap lights.
// The renderer core never links OpenImageIO: tools call load_environment_images on the parsed
// SceneDesc, which fills each envmap light's image before build_scene.
#pragma once
#include <string>

#include "renderer/lights/env_image.h"
#include "renderer/scene_desc.h"

namespace limner {

// Reads a linear HDR image (float or half channels: .exr, .hdr, float .tif). Integer images
// (8- or 16-bit PNG, JPEG, ...) are refused: they are display-encoded and clipped, not
// radiance. Throws InputError "FILE: KEY: what" (file = the scene, key = the light's .file).
EnvImage read_environment_image(const std::string& path, const std::string& scene_file,
                                const std::string& key);
// Loads every envmap light's image (each file once).
void load_environment_images(SceneDesc& desc);

}  // namespace limner
