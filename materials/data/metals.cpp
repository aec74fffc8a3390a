#include "materials/data/metals.h"

namespace limner {

const MetalNk* find_metal_nk(const std::string& name) {
  const std::string canonical = name == "aluminum" ? "aluminium" : name;
  for (int i = 0; i < kMetalNkTableCount; ++i)
    if (canonical == kMetalNkTables[i].name) return &kMetalNkTables[i];
  return nullptr;
}

std::vector<std::string> metal_names() {
  std::vector<std::string> names;
  for (int i = 0; i < kMetalNkTableCount; ++i) names.emplace_back(kMetalNkTables[i].name);
  return names;
}

}  // namespace limner
