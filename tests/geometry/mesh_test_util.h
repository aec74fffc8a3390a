// Helpers for the geometry tests: scratch files and STL byte builders.
#pragma once
#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <glm/glm.hpp>
#include <string>
#include <vector>

#include "renderer/geometry/mesh.h"

namespace limner::test {

// A fresh directory under the system temp dir, removed with its contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes bytes to dir/name and returns the full path.
  std::string write(const std::string& name, const std::string& bytes) const;
  std::string path(const std::string& name) const { return dir_ + "/" + name; }

 private:
  std::string dir_;
};

using Triangle = std::array<glm::vec3, 3>;

// A regular binary STL; header is padded with NULs to 80 bytes.
std::string binary_stl(const std::vector<Triangle>& triangles, const std::string& header = "");
std::string ascii_stl(const std::vector<Triangle>& triangles, const std::string& name = "test");

// The four faces of the tetrahedron (0,0,0), (1,0,0), (0,1,0), (0,0,1), wound outward.
std::vector<Triangle> tetrahedron();

// Success when fn throws limner::InputError whose message contains every needle.
::testing::AssertionResult throws_input_error(const std::function<void()>& fn,
                                              const std::vector<std::string>& needles);

// The part name of a triangle's group / usemtl, or "" for Mesh::kNoPart.
std::string group_of(const Mesh& mesh, size_t triangle);
std::string usemtl_of(const Mesh& mesh, size_t triangle);

}  // namespace limner::test
