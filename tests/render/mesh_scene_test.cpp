// Meshes in scenes: parts mapped to materials through group_materials, STL files, transforms.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "render/render_util.h"

namespace limner::test {
namespace {

// Two quads side by side in z = 0, facing +z, each filling its half of the view: the left one
// in group "left" with usemtl "paint_a", the right one in group "right" with "paint_b".
const char* kTwoParts =
    "v -3 -1 0\nv 0 -1 0\nv 0 1 0\nv -3 1 0\n"
    "v 0 -1 0\nv 3 -1 0\nv 3 1 0\nv 0 1 0\n"
    "g left\nusemtl paint_a\nf 1 2 3 4\ng right\nusemtl paint_b\nf 5 6 7 8\n";

std::string temp_file(const std::string& name, const std::string& text) {
  char dir[] = "/tmp/limner_mesh_XXXXXX";
  std::string path = std::string(mkdtemp(dir)) + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string scene(const std::string& mesh, const std::string& extra) {
  return R"({"camera": {"from": [0, 0, 4], "to": [0, 0, 0], "fov_deg": 15},
    "film": {"width": 16, "height": 4, "spp": 64},
    "lights": [{"type": "environment", "spectrum": 1, "scale": 1}],
    "materials": {"white": {"type": "diffuse", "reflectance": 0.8},
                  "grey": {"type": "diffuse", "reflectance": 0.2}},
    "objects": [{"mesh": ")" + mesh + R"(", "material": "white")" + extra + "}]}";
}

TEST(MeshScene, UsemtlAndGroupNamesPickMaterials) {
  std::string obj = temp_file("parts.obj", kTwoParts);
  Film by_usemtl = render_json(scene(obj, R"(, "group_materials": {"paint_a": "grey"})"));
  EXPECT_NEAR(mean_xyz(by_usemtl, 0, 0, 8, 4).y, 0.2, 0.01);   // left: usemtl paint_a
  EXPECT_NEAR(mean_xyz(by_usemtl, 8, 0, 16, 4).y, 0.8, 0.01);  // right: the default
  Film by_group = render_json(scene(obj, R"(, "group_materials": {"right": "grey"})"));
  EXPECT_NEAR(mean_xyz(by_group, 0, 0, 8, 4).y, 0.8, 0.01);
  EXPECT_NEAR(mean_xyz(by_group, 8, 0, 16, 4).y, 0.2, 0.01);
}

TEST(MeshScene, UnknownPartNameIsAnError) {
  std::string obj = temp_file("parts.obj", kTwoParts);
  try {
    scene_from_json(scene(obj, R"(, "group_materials": {"middle": "grey"})"));
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("objects[0].group_materials.middle"), std::string::npos) << msg;
    EXPECT_NE(msg.find("left"), std::string::npos) << msg;
  }
}

TEST(MeshScene, AsciiStlRendersWithTransform) {
  // One triangle covering the view once scaled by 10 and moved back by 1.
  std::string stl = temp_file("tri.stl",
                              "solid t\nfacet normal 0 0 1\nouter loop\nvertex -1 -1 0\n"
                              "vertex 1 -1 0\nvertex 0 1 0\nendloop\nendfacet\nendsolid t\n");
  Film f = render_json(scene(stl, R"(, "transform": {"scale": 10, "translate": [0, 0, -1]})"));
  EXPECT_NEAR(mean_xyz(f, 0, 0, 16, 4).y, 0.8, 0.01);
}

}  // namespace
}  // namespace limner::test
