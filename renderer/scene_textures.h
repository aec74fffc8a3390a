// Opens a scene's image textures (through Scene::textures) and attaches them to its materials.
#pragma once
#include <string>
#include <vector>

#include "renderer/scene.h"

namespace limner {

// After build_materials: fills the materials' TextureRefs and s.details (normal maps). Returns,
// per material, the key of a value that needs texture coordinates ("" when none). Throws
// InputError naming the key for a missing or unreadable file, a channel the file lacks, or a
// normal map that holds no normals.
std::vector<std::string> attach_textures(Scene& s, const SceneDesc& d);

// Opens one texture (the path resolved against the scene folder); throws InputError naming
// t.key when missing, unreadable or lacking the channel.
TextureRef open_scene_texture(Scene& s, const SceneDesc& d, const TextureDesc& t, bool colour);

// The key of an image texture the material (or its paint's substrate) uses, "" when none: for
// commands that evaluate materials without a surface (limner measure).
std::string material_texture_key(const SceneDesc& d, const std::string& material);

// After the objects are added (their meshes from index first_mesh on, in d.objects order):
// a mesh without texture coordinates whose material needs them is an InputError.
void check_texture_uvs(const Scene& s, const SceneDesc& d, const std::vector<std::string>& uv_keys,
                       size_t first_mesh);

}  // namespace limner
