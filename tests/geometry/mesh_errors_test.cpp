// Every bad-input path must raise InputError naming the file.
#include <gtest/gtest.h>

#include <filesystem>

#include "renderer/geometry/mesh.h"
#include "tests/geometry/mesh_test_util.h"

namespace limner {
namespace {

using test::TempDir;
using test::throws_input_error;

TEST(MeshErrors, MissingFile) {
  TempDir dir;
  std::string path = dir.path("absent.obj");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); },
                                 {path, "cannot open mesh: No such file or directory"}));
}

TEST(MeshErrors, DirectoryIsNotAMesh) {
  TempDir dir;
  std::string path = dir.path("folder.stl");
  std::filesystem::create_directory(path);
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "Is a directory"}));
}

TEST(MeshErrors, UnknownExtension) {
  TempDir dir;
  std::string path = dir.write("bunny.ply", "ply\n");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); },
                                 {path, "unsupported mesh format '.ply' (use .obj or .stl)"}));
  path = dir.write("noext", "v 0 0 0\n");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "unsupported mesh format"}));
}

TEST(MeshErrors, InfiniteObjVertex) {
  TempDir dir;
  std::string path =
      dir.write("inf.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 1e999 0\nf 1 2 3\nf 2 3 4\n");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); },
                                 {path, "mesh has a non-finite vertex (index 3)"}));
}

TEST(MeshErrors, NanObjVertex) {
  // tinyobjloader reads the word "nan" as 0, so this must be caught before it parses.
  TempDir dir;
  std::string path = dir.write("nan.obj", "v 0 0 0\nv 1 NaN 0\nv 0 1 0\nf 1 2 3\n");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "non-finite vertex (line 2)"}));
}

TEST(MeshErrors, NoFaces) {
  TempDir dir;
  std::string path = dir.write("points.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\n");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "mesh has no triangles"}));
  path = dir.write("flat.obj", "v 0 0 0\nv 1 0 0\nv 2 0 0\nf 1 2 3\n");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "zero area"}));
}

TEST(MeshErrors, ObjIndexOutOfRange) {
  TempDir dir;
  std::string path = dir.write("bad_index.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 9\n");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "line 4", "vertex 9"}));
  path = dir.write("bad_quad.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3 7\n");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "vertex 7"}));
  path = dir.write("bad_rel.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf -1 -2 -4\n");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "before the first"}));
  path = dir.write("bad_vn.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nvn 0 0 1\nf 1//1 2//1 3//2\n");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "normal 2"}));
}

TEST(MeshErrors, ObjParseError) {
  TempDir dir;
  std::string path = dir.write("zero_index.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 0 1 2\n");
  EXPECT_TRUE(throws_input_error([&] { load_mesh(path); }, {path, "OBJ parse error", "line 4"}));
}

}  // namespace
}  // namespace limner
