#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "renderer/geometry/mesh.h"
#include "tests/geometry/mesh_test_util.h"

namespace limner {
namespace {

using test::TempDir;
using test::tetrahedron;
using test::throws_input_error;
using test::Triangle;

void expect_tetrahedron(const Mesh& mesh) {
  EXPECT_EQ(mesh.positions.size(), 4u);
  ASSERT_EQ(mesh.triangles.size(), 4u);
  EXPECT_TRUE(mesh.normals.empty());  // geometric normals by design
  EXPECT_TRUE(mesh.uvs.empty());
  ASSERT_EQ(mesh.triangle_group.size(), 4u);
  ASSERT_EQ(mesh.triangle_usemtl.size(), 4u);
  // One connected shell: one part, "part1" (STL has no groups; see mesh_components.h).
  EXPECT_EQ(mesh.part_names, (std::vector<std::string>{"part1"}));
  EXPECT_EQ(mesh.triangle_group[0], 0u);
  EXPECT_EQ(mesh.triangle_usemtl[0], Mesh::kNoPart);
  // Winding survives: every face normal points away from the centroid.
  glm::vec3 centroid(0.25f);
  for (const glm::uvec3& t : mesh.triangles) {
    const glm::vec3 &a = mesh.positions[t.x], &b = mesh.positions[t.y], &c = mesh.positions[t.z];
    EXPECT_GT(glm::dot(glm::cross(b - a, c - a), a - centroid), 0.0f);
  }
}

TEST(StlLoader, BinaryTetrahedronIsWelded) {
  TempDir dir;
  expect_tetrahedron(load_mesh(dir.write("tet.stl", test::binary_stl(tetrahedron()))));
}

TEST(StlLoader, AsciiTetrahedronIsWelded) {
  TempDir dir;
  expect_tetrahedron(load_mesh(dir.write("tet.STL", test::ascii_stl(tetrahedron()))));
}

TEST(StlLoader, BinaryWithSolidHeaderIsStillBinary) {
  TempDir dir;
  std::string bytes = test::binary_stl(tetrahedron(), "solid tetrahedron exported by a CAD tool");
  ASSERT_EQ(bytes.compare(0, 5, "solid"), 0);
  expect_tetrahedron(load_mesh(dir.write("tet.stl", bytes)));
}

TEST(StlLoader, AsciiVariants) {
  TempDir dir;
  // Upper-case keywords, a nameless solid, "+" signs, a nan facet normal and two solids.
  std::string text =
      "SOLID\n"
      "FACET NORMAL nan nan nan\nOUTER LOOP\nVERTEX 0 0 0\nVERTEX +0 1 0\nVERTEX 1 0 0\n"
      "ENDLOOP\nENDFACET\nENDSOLID\n"
      "solid second\n"
      "facet normal 0 0 1\nouter loop\nvertex 1 0 0\nvertex 0 1 0\nvertex 1 1 0.0e0\n"
      "endloop\nendfacet\nendsolid second\n";
  Mesh mesh = load_mesh(dir.write("variants.stl", text));
  EXPECT_EQ(mesh.triangles.size(), 2u);
  EXPECT_EQ(mesh.positions.size(), 4u);
}

TEST(StlLoader, NegativeZeroWeldsWithZero) {
  TempDir dir;
  Triangle a{glm::vec3(0, 0, 0), glm::vec3(1, 0, 0), glm::vec3(0, 1, 0)};
  Triangle b{glm::vec3(-0.0f, 0, 0), glm::vec3(0, 0, 1), glm::vec3(1, 0, 0)};
  Mesh mesh = load_mesh(dir.write("zero.stl", test::binary_stl({a, b})));
  EXPECT_EQ(mesh.positions.size(), 4u);
}

TEST(StlLoader, DegenerateTrianglesAreDroppedAndCounted) {
  TempDir dir;
  std::vector<Triangle> tris = tetrahedron();
  tris.push_back(Triangle{glm::vec3(0, 0, 0), glm::vec3(1, 0, 0), glm::vec3(2, 0, 0)});
  tris.push_back(Triangle{glm::vec3(0, 0, 1), glm::vec3(0, 0, 1), glm::vec3(1, 0, 0)});
  MeshLoadStats stats;
  Mesh mesh = load_mesh(dir.write("degenerate.stl", test::binary_stl(tris)), &stats);
  EXPECT_EQ(mesh.triangles.size(), 4u);
  EXPECT_EQ(mesh.triangle_group.size(), 4u);
  EXPECT_EQ(stats.degenerate_triangles_dropped, 2u);
}

TEST(StlLoader, TruncatedBinaryThrows) {
  TempDir dir;
  std::string bytes = test::binary_stl(tetrahedron());
  std::string path = dir.write("cut.stl", bytes.substr(0, bytes.size() - 10));
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "truncated"}));
  // Same with a header that starts like an ASCII file.
  bytes = test::binary_stl(tetrahedron(), "solid cut");
  path = dir.write("cut_solid.stl", bytes.substr(0, bytes.size() - 10));
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "truncated"}));
  path = dir.write("tiny.stl", "abc");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "not an STL"}));
}

TEST(StlLoader, NonFiniteVertexThrows) {
  TempDir dir;
  std::vector<Triangle> tris = tetrahedron();
  tris[2][1].y = std::numeric_limits<float>::quiet_NaN();
  std::string path = dir.write("nan.stl", test::binary_stl(tris));
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "non-finite vertex"}));
  path = dir.write("inf.stl", "solid x\nfacet normal 0 0 0\nouter loop\nvertex 0 0 0\n"
                               "vertex inf 0 0\nvertex 0 1 0\nendloop\nendfacet\nendsolid x\n");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "non-finite vertex"}));
}

TEST(StlLoader, AsciiSyntaxErrorNamesLine) {
  TempDir dir;
  std::string path = dir.write("bad.stl", "solid x\nfacet normal 0 0 1\nouter loop\n"
                                          "vertex 0 0 0\nvertx 1 0 0\n");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "line 5", "'vertx'"}));
  path = dir.write("short.stl", "solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\n");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "end of file"}));
}

TEST(StlLoader, EmptyStlHasNoTriangles) {
  TempDir dir;
  std::string path = dir.write("empty.stl", test::binary_stl({}));
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "mesh has no triangles"}));
  path = dir.write("empty_ascii.stl", "solid nothing\nendsolid nothing\n");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "mesh has no triangles"}));
}

}  // namespace
}  // namespace limner
