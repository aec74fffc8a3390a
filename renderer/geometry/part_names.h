// Interns OBJ group and usemtl names into Mesh::part_names, so each name is stored once and
// triangles refer to it by index.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "renderer/geometry/mesh.h"

namespace limner {

class PartNames {
 public:
  // An empty name means "no part" (faces before any g/o/usemtl line).
  uint32_t intern(const std::string& name) {
    if (name.empty()) return Mesh::kNoPart;
    auto [it, inserted] = index_.try_emplace(name, static_cast<uint32_t>(names_.size()));
    if (inserted) names_.push_back(name);
    return it->second;
  }
  std::vector<std::string> take() { return std::move(names_); }

 private:
  std::unordered_map<std::string, uint32_t> index_;
  std::vector<std::string> names_;
};

}  // namespace limner
