#include "tests/geometry/mesh_test_util.h"

#include <stdlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "renderer/errors.h"

namespace limner::test {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "limner_geometry_XXXXXX").string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = buf.data();
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& bytes) const {
  std::string p = path(name);
  std::ofstream out(p, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + p);
  return p;
}

namespace {

void put_f32(std::string& s, float f) {
  char b[4];
  std::memcpy(b, &f, 4);  // the tests run on little-endian machines, like STL itself
  s.append(b, 4);
}

glm::vec3 facet_normal(const Triangle& t) {
  glm::vec3 n = glm::cross(t[1] - t[0], t[2] - t[0]);
  float len = glm::length(n);
  return len > 0.0f ? n / len : n;
}

}  // namespace

std::string binary_stl(const std::vector<Triangle>& triangles, const std::string& header) {
  std::string s = header.substr(0, 80);
  s.resize(80, '\0');
  uint32_t n = static_cast<uint32_t>(triangles.size());
  char count[4];
  std::memcpy(count, &n, 4);
  s.append(count, 4);
  for (const Triangle& t : triangles) {
    glm::vec3 nrm = facet_normal(t);
    for (int k = 0; k < 3; ++k) put_f32(s, nrm[k]);
    for (const glm::vec3& p : t)
      for (int k = 0; k < 3; ++k) put_f32(s, p[k]);
    s.append(2, '\0');
  }
  return s;
}

std::string ascii_stl(const std::vector<Triangle>& triangles, const std::string& name) {
  std::ostringstream out;
  out.precision(9);
  out << "solid " << name << "\n";
  for (const Triangle& t : triangles) {
    glm::vec3 n = facet_normal(t);
    out << "  facet normal " << n.x << " " << n.y << " " << n.z << "\n    outer loop\n";
    for (const glm::vec3& p : t) out << "      vertex " << p.x << " " << p.y << " " << p.z << "\n";
    out << "    endloop\n  endfacet\n";
  }
  out << "endsolid " << name << "\n";
  return out.str();
}

std::vector<Triangle> tetrahedron() {
  glm::vec3 o(0, 0, 0), x(1, 0, 0), y(0, 1, 0), z(0, 0, 1);
  return {Triangle{o, y, x}, Triangle{o, x, z}, Triangle{o, z, y}, Triangle{x, y, z}};
}

::testing::AssertionResult throws_input_error(const std::function<void()>& fn,
                                              const std::vector<std::string>& needles) {
  try {
    fn();
  } catch (const InputError& e) {
    std::string msg = e.what();
    for (const std::string& needle : needles) {
      if (msg.find(needle) == std::string::npos)
        return ::testing::AssertionFailure() << "message '" << msg << "' lacks '" << needle << "'";
    }
    return ::testing::AssertionSuccess() << msg;
  } catch (const std::exception& e) {
    return ::testing::AssertionFailure() << "threw a non-InputError: " << e.what();
  }
  return ::testing::AssertionFailure() << "did not throw";
}

static std::string part(const Mesh& mesh, uint32_t index) {
  return index == Mesh::kNoPart ? "" : mesh.part_names.at(index);
}

std::string group_of(const Mesh& mesh, size_t triangle) {
  return part(mesh, mesh.triangle_group.at(triangle));
}

std::string usemtl_of(const Mesh& mesh, size_t triangle) {
  return part(mesh, mesh.triangle_usemtl.at(triangle));
}

}  // namespace limner::test
