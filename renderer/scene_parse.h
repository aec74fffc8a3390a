// scene.json -> SceneDesc. All user errors surface here (or in scene_build) as InputError naming
// the file and key path.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "renderer/json_reader.h"
#include "renderer/scene_desc.h"

namespace limner {

// Reads and parses a JSON file; invalid JSON is reported with line and column.
Json read_json_file(const std::string& path);

// Applies `--set key.path=value` overrides (value parsed as JSON, else taken as a string).
// Objects gain missing keys; array indices must exist (or equal the size, to append).
void apply_override(Json& doc, const std::string& assignment, const std::string& file);

SceneDesc parse_scene(const Json& doc, const std::string& file);

// Whether a spectrum is used as a reflectance (must lie in [0, 1]), an emission (non-negative,
// not all zero) or another non-negative quantity (n, k, K, S).
enum class SpectrumRole { Reflectance, Emission, NonNegative };
Spectrum parse_spectrum(const Json& v, const std::string& file, const std::string& path,
                        const std::string& folder, SpectrumRole role);

// Resolves a path from the scene against the scene's folder (absolute paths stay).
std::string resolve_path(const std::string& folder, const std::string& path);

}  // namespace limner
