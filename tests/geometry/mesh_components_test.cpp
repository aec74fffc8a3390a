// STL parts: each connected component is a part, named in file order.
#include <gtest/gtest.h>

#include <sstream>

#include "renderer/geometry/mesh.h"
#include "tests/geometry/mesh_test_util.h"

namespace limner {
namespace {

std::string facet(glm::vec3 a, glm::vec3 b, glm::vec3 c) {
  std::ostringstream s;
  s << "facet normal 0 0 0\nouter loop\n";
  for (auto& p : {a, b, c}) s << "vertex " << p.x << " " << p.y << " " << p.z << "\n";
  s << "endloop\nendfacet\n";
  return s.str();
}

std::string tetrahedron(glm::vec3 o) {
  glm::vec3 x = o + glm::vec3(1, 0, 0), y = o + glm::vec3(0, 1, 0), z = o + glm::vec3(0, 0, 1);
  return facet(o, y, x) + facet(o, x, z) + facet(o, z, y) + facet(x, y, z);
}

TEST(MeshComponents, EachConnectedShellOfAnStlIsAPart) {
  test::TempDir dir;
  // Two tetrahedra; the second one's facets are interleaved after the first's.
  std::string a = tetrahedron({0, 0, 0}), b = tetrahedron({5, 0, 0});
  std::string path = dir.write("two.stl", "solid two\n" + a + b + "endsolid two\n");
  Mesh m = load_mesh(path);
  ASSERT_EQ(m.triangles.size(), 8u);
  EXPECT_EQ(m.part_names, (std::vector<std::string>{"part1", "part2"}));
  for (size_t t = 0; t < 4; ++t) EXPECT_EQ(m.triangle_group[t], 0u);
  for (size_t t = 4; t < 8; ++t) EXPECT_EQ(m.triangle_group[t], 1u);
}

}  // namespace
}  // namespace limner
