// Parsing of textured values ({"texture": ...}) and of a material's surface detail keys.
#pragma once
#include <string>

#include "renderer/json_reader.h"
#include "renderer/scene_desc.h"

namespace limner {

// When r[key] is an object with "texture", parses it into out (marking the key read) and returns
// true; otherwise leaves r[key] to the caller and returns false. Scalars may name a "channel"
// (r, g, b, a; default r) and a "scale" (the value is texel * scale).
bool parse_texture_value(JsonReader& r, const std::string& key, bool scalar, TextureDesc& out);

// The surface detail keys every material may have: "normal_map" (and "bump").
void parse_surface_detail(JsonReader& r, const std::string& folder, MaterialDesc& m);

}  // namespace limner
