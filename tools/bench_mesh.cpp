// The benchmark's ~1M-triangle mesh: a shipped miniature refined by midpoint subdivision and
// written once as a binary STL, so the benchmark times a real load from disk.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <unordered_map>

#include "renderer/geometry/mesh.h"
#include "tools/bench_mesh.h"

namespace limner {

namespace {

Mesh subdivide(const Mesh& in) {
  Mesh out;
  out.positions = in.positions;
  std::unordered_map<uint64_t, uint32_t> mid;
  auto midpoint = [&](uint32_t a, uint32_t b) {
    uint64_t key = a < b ? (uint64_t(a) << 32 | b) : (uint64_t(b) << 32 | a);
    auto it = mid.find(key);
    if (it != mid.end()) return it->second;
    uint32_t i = uint32_t(out.positions.size());
    out.positions.push_back(0.5f * (in.positions[a] + in.positions[b]));
    mid.emplace(key, i);
    return i;
  };
  out.triangles.reserve(in.triangles.size() * 4);
  for (const auto& t : in.triangles) {
    uint32_t ab = midpoint(t.x, t.y), bc = midpoint(t.y, t.z), ca = midpoint(t.z, t.x);
    out.triangles.push_back({t.x, ab, ca});
    out.triangles.push_back({ab, t.y, bc});
    out.triangles.push_back({ca, bc, t.z});
    out.triangles.push_back({ab, bc, ca});
  }
  return out;
}

void write_binary_stl(const std::string& path, const Mesh& m) {
  std::string tmp = path + ".tmp";
  std::ofstream out(tmp, std::ios::binary);
  char header[80] = "limner benchmark mesh (midpoint-subdivided miniature)";
  out.write(header, 80);
  uint32_t n = uint32_t(m.triangles.size());
  out.write(reinterpret_cast<const char*>(&n), 4);
  for (const auto& t : m.triangles) {
    glm::vec3 p[3] = {m.positions[t.x], m.positions[t.y], m.positions[t.z]};
    glm::vec3 nrm = glm::cross(p[1] - p[0], p[2] - p[0]);
    float len = glm::length(nrm);
    if (len > 0.0f) nrm /= len;
    out.write(reinterpret_cast<const char*>(&nrm), 12);
    for (auto& q : p) out.write(reinterpret_cast<const char*>(&q), 12);
    uint16_t attr = 0;
    out.write(reinterpret_cast<const char*>(&attr), 2);
  }
  out.close();
  if (!out || std::rename(tmp.c_str(), path.c_str()) != 0)
    throw std::runtime_error(path + ": cannot write benchmark mesh");
}

}  // namespace

std::string prepare_bench_mesh(const std::string& source, const std::string& cache_path,
                               size_t target_triangles) {
  std::ifstream probe(cache_path, std::ios::binary);
  if (probe) return cache_path;
  Mesh m = load_mesh(source);
  while (m.triangles.size() * 4 <= target_triangles * 5 / 4) m = subdivide(m);
  write_binary_stl(cache_path, m);
  return cache_path;
}

}  // namespace limner
