// Parsing of procedural surface detail, paint-layer variation and vertex-colour values.
#pragma once
#include <string>

#include "renderer/json_reader.h"
#include "renderer/scene_desc.h"

namespace limner {

// A material's "bump" (when present).
void parse_bump(JsonReader& material, BumpDesc& out);

// A paint layer's "variation" and "mask" (when present).
void parse_variation(JsonReader& layer, VariationDesc& out);
void parse_mask(JsonReader& layer, MaskDesc& out);

// True when r[key] is {"vertex_color": true} (marks it read); throws for any other object with
// "vertex_color" (a scalar channel where a colour is taken, unknown keys).
bool parse_vertex_color_reflectance(JsonReader& r, const std::string& key);

}  // namespace limner
