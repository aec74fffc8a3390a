#pragma once
#include <string>

namespace limner {

// Subdivides `source` until it has about target_triangles and caches it as binary STL at
// cache_path (reused when present). Returns the path to load.
std::string prepare_bench_mesh(const std::string& source, const std::string& cache_path,
                               size_t target_triangles);

}  // namespace limner
