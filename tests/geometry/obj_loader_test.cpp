#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "renderer/geometry/mesh.h"
#include "tests/geometry/mesh_test_util.h"

namespace limner {
namespace {

using test::group_of;
using test::TempDir;
using test::usemtl_of;

const char* kPartsBody =
    "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nv 0 0 1\n"
    "g left\n"
    "usemtl red\n"
    "f 1 2 3\n"
    "usemtl blue\n"
    "f 1 3 4\n"
    "g right\n"
    "f 1 2 5\n"  // usemtl carries over a group change
    "usemtl red\n"
    "f 2 3 5\n";

void expect_parts(const Mesh& mesh) {
  ASSERT_EQ(mesh.triangles.size(), 4u);
  EXPECT_EQ(group_of(mesh, 0), "left");
  EXPECT_EQ(group_of(mesh, 1), "left");
  EXPECT_EQ(group_of(mesh, 2), "right");
  EXPECT_EQ(group_of(mesh, 3), "right");
  EXPECT_EQ(usemtl_of(mesh, 0), "red");
  EXPECT_EQ(usemtl_of(mesh, 1), "blue");
  EXPECT_EQ(usemtl_of(mesh, 2), "blue");
  EXPECT_EQ(usemtl_of(mesh, 3), "red");
  // Each name stored once.
  EXPECT_EQ(mesh.part_names.size(), 4u);
}

TEST(ObjLoader, GroupsAndUsemtlWithoutMtllib) {
  TempDir dir;
  expect_parts(load_mesh(dir.write("parts.obj", kPartsBody)));
}

TEST(ObjLoader, GroupsAndUsemtlWithMissingMtlFile) {
  TempDir dir;
  expect_parts(load_mesh(dir.write("parts.obj", std::string("mtllib nowhere.mtl\n") + kPartsBody)));
}

TEST(ObjLoader, GroupsAndUsemtlWithMtlFile) {
  TempDir dir;
  // The .mtl defines only one of the two names; neither affects the result.
  dir.write("parts.mtl", "newmtl red\nKd 1 0 0\n");
  expect_parts(load_mesh(dir.write("parts.obj", std::string("mtllib parts.mtl\n") + kPartsBody)));
}

TEST(ObjLoader, ObjectNamesAndUnnamedFaces) {
  TempDir dir;
  Mesh mesh = load_mesh(dir.write("objects.obj",
                                  "v 0 0 0\nv 1 0 0\nv 0 1 0\n"
                                  "f 1 2 3\n"
                                  "o lamp\nf 1 2 3\n"
                                  "usemtl glass\r\nf 3 2 1\r\n"));  // CRLF too
  // The second face repeats the first's corners but is not degenerate, so all stay.
  ASSERT_EQ(mesh.triangles.size(), 3u);
  EXPECT_EQ(group_of(mesh, 0), "");
  EXPECT_EQ(usemtl_of(mesh, 0), "");
  EXPECT_EQ(group_of(mesh, 1), "lamp");
  EXPECT_EQ(usemtl_of(mesh, 1), "");
  EXPECT_EQ(group_of(mesh, 2), "lamp");
  EXPECT_EQ(usemtl_of(mesh, 2), "glass");
}

double total_area(const Mesh& mesh) {
  double area = 0.0;
  for (const glm::uvec3& t : mesh.triangles) {
    glm::vec3 n = glm::cross(mesh.positions[t.y] - mesh.positions[t.x],
                             mesh.positions[t.z] - mesh.positions[t.x]);
    area += 0.5 * glm::length(n);
    EXPECT_GT(n.z, 0.0f) << "winding must follow the polygon's";
  }
  return area;
}

TEST(ObjLoader, QuadsAndPolygonsAreTriangulated) {
  TempDir dir;
  Mesh quad = load_mesh(dir.write("quad.obj", "v 0 0 0\nv 2 0 0\nv 2 1 0\nv 0 1 0\nf 1 2 3 4\n"));
  ASSERT_EQ(quad.triangles.size(), 2u);
  EXPECT_EQ(quad.positions.size(), 4u);
  EXPECT_NEAR(total_area(quad), 2.0, 1e-6);
  EXPECT_EQ(quad.triangle_group.size(), 2u);

  // An L-shaped hexagon listed from a corner that cannot see the whole polygon: a fan from
  // there would cover area outside it.
  Mesh ell = load_mesh(dir.write("ell.obj",
                                 "v 2 1 0\nv 1 1 0\nv 1 2 0\nv 0 2 0\nv 0 0 0\nv 2 0 0\n"
                                 "usemtl m\nf 1 2 3 4 5 6\n"));
  ASSERT_EQ(ell.triangles.size(), 4u);
  EXPECT_NEAR(total_area(ell), 3.0, 1e-6);
  for (size_t t = 0; t < 4; ++t) EXPECT_EQ(usemtl_of(ell, t), "m");
}

TEST(ObjLoader, WeldsOnPositionUvNormalTriples) {
  TempDir dir;
  Mesh mesh = load_mesh(dir.write("weld.obj",
                                  "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 1 1 0\n"
                                  "vt 0 0\nvt 1 0\nvt 0 1\nvt 1 1\n"
                                  "vn 0 0 1\nvn 0 0 2\n"
                                  "f 1/1/1 2/2/1 3/3/1\n"
                                  "f 2/2/1 4/4/1 3/3/1\n"     // shares two corners
                                  "f -4/-4/-1 2/2/1 4/4/1\n"  // same v/vt as 1/1 but vn 2
                                  ));
  ASSERT_EQ(mesh.triangles.size(), 3u);
  ASSERT_EQ(mesh.positions.size(), 5u);
  ASSERT_EQ(mesh.normals.size(), 5u);
  ASSERT_EQ(mesh.uvs.size(), 5u);
  EXPECT_EQ(mesh.triangles[0][1], mesh.triangles[1][0]);
  EXPECT_EQ(mesh.triangles[0][2], mesh.triangles[1][2]);
  EXPECT_NE(mesh.triangles[2][0], mesh.triangles[0][0]);
  EXPECT_EQ(mesh.positions[mesh.triangles[2][0]], mesh.positions[mesh.triangles[0][0]]);
  for (size_t v = 0; v < mesh.positions.size(); ++v) {
    // This file's uvs equal the positions' xy; normals come out normalised.
    EXPECT_EQ(mesh.uvs[v], glm::vec2(mesh.positions[v]));
    EXPECT_FLOAT_EQ(mesh.normals[v].z, 1.0f);
  }
}

TEST(ObjLoader, PartialNormalsAreDroppedAndMissingUvsZeroed) {
  TempDir dir;
  Mesh mesh = load_mesh(dir.write("partial.obj",
                                  "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 1 1 0\nvt 0.5 0.5\nvn 0 0 1\n"
                                  "f 1/1/1 2/1/1 3/1/1\nf 2 4 3\n"));
  EXPECT_TRUE(mesh.normals.empty());
  ASSERT_EQ(mesh.uvs.size(), mesh.positions.size());
  EXPECT_EQ(mesh.uvs[mesh.triangles[0][0]], glm::vec2(0.5f));
  EXPECT_EQ(mesh.uvs[mesh.triangles[1][1]], glm::vec2(0.0f));
}

TEST(ObjLoader, NoNormalsOrUvsGivesEmptyArrays) {
  TempDir dir;
  Mesh mesh = load_mesh(dir.write("plain.OBJ", "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 5 5 5\nf 1 2 3\n"));
  EXPECT_EQ(mesh.positions.size(), 3u);  // the unused vertex is not carried along
  EXPECT_TRUE(mesh.normals.empty());
  EXPECT_TRUE(mesh.uvs.empty());
}

TEST(ObjLoader, UsemtlStaysAlignedAcrossOddFaces) {
  TempDir dir;
  // Old-Mac line ends, a two-corner "face" (dropped) and a 300-gon (more corners than
  // tinyobjloader's unsigned char count holds) before the tagged triangle.
  std::string text = "v 0 0 0\rv 1 0 0\rv 0 1 0\rf 1 2\rusemtl a\rf 1 2 3\r";
  const int kSides = 300;
  for (int i = 0; i < kSides; ++i) {
    double angle = 2.0 * 3.14159265358979 * i / kSides;
    text += "v " + std::to_string(std::cos(angle)) + " " + std::to_string(std::sin(angle)) + " 1\n";
  }
  text += "usemtl round\nf";
  for (int i = 0; i < kSides; ++i) text += " " + std::to_string(4 + i);
  text += "\nusemtl b\nf 3 2 1\n";
  Mesh mesh = load_mesh(dir.write("odd.obj", text));
  ASSERT_EQ(mesh.triangles.size(), 1u + (kSides - 2) + 1u);
  EXPECT_EQ(usemtl_of(mesh, 0), "a");
  EXPECT_EQ(usemtl_of(mesh, 1), "round");
  EXPECT_EQ(usemtl_of(mesh, kSides - 2), "round");
  EXPECT_EQ(usemtl_of(mesh, kSides - 1), "b");
}

}  // namespace
}  // namespace limner
