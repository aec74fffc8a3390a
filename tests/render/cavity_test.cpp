// Cavity and convexity of a plane with a V-shaped groove: the groove's floor is occluded, the
// open plane is not; the groove's rims are convex edges, its floor a concave crease.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "render/render_util.h"
#include "materials/paint/paint_stack.h"
#include "renderer/scene_cavity.h"

namespace limner::test {
namespace {

// Columns at x = -10, -1, 0, 1, 10 (the groove floor at x = 0 is 1 mm deep), rows at
// z = -10, 0, 10; the middle row is tested, away from the groove's open ends.
const char* kGroove =
    "v -10 0 -10\nv -1 0 -10\nv 0 -1 -10\nv 1 0 -10\nv 10 0 -10\n"
    "v -10 0 0\nv -1 0 0\nv 0 -1 0\nv 1 0 0\nv 10 0 0\n"
    "v -10 0 10\nv -1 0 10\nv 0 -1 10\nv 1 0 10\nv 10 0 10\n"
    "f 1 6 7 2\nf 2 7 8 3\nf 3 8 9 4\nf 4 9 10 5\n"
    "f 6 11 12 7\nf 7 12 13 8\nf 8 13 14 9\nf 9 14 15 10\n";

TEST(Cavity, GrooveFloorIsOccludedAndOpenPlaneIsNot) {
  char dir[] = "/tmp/limner_cavity_XXXXXX";
  std::string path = std::string(mkdtemp(dir)) + "/groove.obj";
  std::ofstream(path) << kGroove;
  auto scene = scene_from_json(R"({"camera": {"from": [0, 20, 20], "to": [0, 0, 0]},
    "materials": {"m": {"type": "diffuse", "reflectance": 0.5}},
    "objects": [{"mesh": ")" + path + R"(", "material": "m"}]})");
  TriangleMesh& mesh = scene->meshes[0];
  compute_cavity(*scene, mesh);
  ASSERT_EQ(mesh.cavity.size(), 15u);
  // The loader may renumber vertices: find them by position (middle row, z = 0).
  auto at = [&](float x) {
    for (size_t i = 0; i < mesh.positions.size(); ++i)
      if (mesh.positions[i].x == x && mesh.positions[i].z == 0.0f) return i;
    ADD_FAILURE() << "no vertex at x = " << x;
    return size_t(0);
  };
  size_t open_left = at(-10), rim_left = at(-1), floor = at(0), rim_right = at(1);
  EXPECT_EQ(mesh.cavity[open_left], 0.0f);
  // 45-degree walls on both sides block a cosine-weighted 1 - 1/sqrt(2) = 0.29 of the sky.
  EXPECT_NEAR(mesh.cavity[floor], 0.29f, 0.08f);
  EXPECT_GT(mesh.cavity[floor], mesh.cavity[rim_left] + 0.2f);
  EXPECT_GT(mesh.convexity[rim_left], 0.6f);
  EXPECT_GT(mesh.convexity[rim_right], 0.6f);
  EXPECT_LT(mesh.convexity[floor], 0.4f);
  EXPECT_NEAR(mesh.convexity[open_left], 0.5f, 0.05f);
}

// A wash with pooling on the groove mesh, through the scene builder: the hit in the groove's
// floor gets a thicker layer than a hit on the open plane.
TEST(Cavity, WashIsThickerInTheGroove) {
  char dir[] = "/tmp/limner_cavity_XXXXXX";
  std::string path = std::string(mkdtemp(dir)) + "/groove.obj";
  std::ofstream(path) << kGroove;
  auto scene = scene_from_json(R"({"camera": {"from": [0, 20, 20], "to": [0, 0, 0]},
    "materials": {"resin": {"type": "diffuse", "reflectance": 0.5},
      "washed": {"type": "paint", "substrate": "resin", "layers": [
        {"paint": "sepia wash", "thickness_um": 10, "pooling": 0.8}]}},
    "objects": [{"mesh": ")" + path + R"(", "material": "washed"}]})");
  const auto& paint = std::get<PaintMaterial>(scene->materials[1]);
  auto thickness_at = [&](glm::vec3 origin) {
    Ray ray{origin, glm::vec3(0, -1, 0), 0.0f, 1e30f};
    RayHit hit;
    EXPECT_TRUE(scene->rt->intersect(ray, hit));
    return layer_thickness_um(paint.layers[0], scene->surface(ray, hit).ctx);
  };
  float open = thickness_at({-5, 5, 0}), groove = thickness_at({0, 5, 0.01f});
  EXPECT_LT(open, 10.0f);          // washed off the open surface
  EXPECT_GT(groove, 1.5f * open);  // and gathered in the groove
}

}  // namespace
}  // namespace limner::test
