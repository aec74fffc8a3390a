#include "renderer/geometry/stl_loader.h"

#include <cmath>
#include <cstring>

#include "renderer/errors.h"
#include "renderer/geometry/mesh_components.h"
#include "renderer/geometry/vertex_welder.h"

namespace limner {
namespace {

constexpr size_t kHeaderBytes = 84;  // 80-byte header + uint32 triangle count
constexpr size_t kFacetBytes = 50;   // normal, 3 corners (12 floats) + uint16 attribute

uint32_t read_u32_le(const unsigned char* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

float read_f32_le(const unsigned char* p) {
  uint32_t bits = read_u32_le(p);
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

bool starts_with_solid(const std::string& bytes) {
  size_t i = bytes.find_first_not_of(" \t\r\n");
  if (i == std::string::npos || bytes.size() - i < 5) return false;
  for (size_t k = 0; k < 5; ++k) {
    if ((bytes[i + k] | 0x20) != "solid"[k]) return false;  // ASCII case fold
  }
  return true;
}

// "solid" opens many binary headers too. What settles it: a binary file's size is exactly
// 84 + 50 n, and an ASCII file never contains a NUL byte (binary ones nearly always do, in
// the zero attribute words at least).
bool is_binary(const std::string& bytes) {
  if (bytes.size() >= kHeaderBytes) {
    uint64_t n = read_u32_le(reinterpret_cast<const unsigned char*>(bytes.data()) + 80);
    if (kHeaderBytes + kFacetBytes * n == bytes.size()) return true;
  }
  if (!starts_with_solid(bytes)) return true;
  return std::memchr(bytes.data(), '\0', bytes.size()) != nullptr;
}

void parse_binary_stl(const std::string& path, const std::string& bytes,
                      std::vector<glm::vec3>& soup) {
  if (bytes.size() < kHeaderBytes)
    throw input_error(path, "", "not an STL file (" + std::to_string(bytes.size()) +
                                    " bytes, too short for a binary header)");
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  uint64_t n = read_u32_le(data + 80);
  uint64_t needed = kHeaderBytes + kFacetBytes * n;
  // Extra trailing bytes are tolerated (some exporters pad); missing ones are not.
  if (bytes.size() < needed)
    throw input_error(path, "", "truncated binary STL: header promises " + std::to_string(n) +
                                    " triangles (" + std::to_string(needed) +
                                    " bytes) but the file has " + std::to_string(bytes.size()) +
                                    " bytes");
  soup.resize(3 * n);
  for (uint64_t t = 0; t < n; ++t) {
    const unsigned char* facet = data + kHeaderBytes + kFacetBytes * t + 12;  // skip the normal
    for (int c = 0; c < 3; ++c, facet += 12)
      soup[3 * t + c] = glm::vec3(read_f32_le(facet), read_f32_le(facet + 4), read_f32_le(facet + 8));
  }
}

void check_finite_soup(const std::string& path, const std::vector<glm::vec3>& soup) {
  for (size_t i = 0; i < soup.size(); ++i) {
    const glm::vec3& p = soup[i];
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
      throw input_error(path, "", "mesh has a non-finite vertex (facet " +
                                      std::to_string(i / 3 + 1) + ", corner " +
                                      std::to_string(i % 3 + 1) + ")");
  }
}

uint32_t float_key(float f) {
  if (f == 0.0f) f = 0.0f;  // -0 and +0 are the same point
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  return bits;
}

Mesh weld_soup(const std::vector<glm::vec3>& soup) {
  Mesh mesh;
  VertexWelder welder(soup.size() / 6);  // closed meshes: ~1 vertex per 2 triangles
  mesh.triangles.resize(soup.size() / 3);
  for (size_t i = 0; i < soup.size(); ++i) {
    const glm::vec3& p = soup[i];
    bool inserted = false;
    uint32_t id = welder.insert({float_key(p.x), float_key(p.y), float_key(p.z)}, inserted);
    if (inserted) mesh.positions.push_back(p);
    mesh.triangles[i / 3][static_cast<int>(i % 3)] = id;
  }
  return mesh;
}

}  // namespace

Mesh load_stl(const std::string& path, const std::string& bytes) {
  std::vector<glm::vec3> soup;
  if (is_binary(bytes)) {
    parse_binary_stl(path, bytes, soup);
  } else {
    parse_ascii_stl(path, bytes, soup);
  }
  check_finite_soup(path, soup);
  Mesh mesh = weld_soup(soup);
  label_components(mesh);
  return mesh;
}

}  // namespace limner
