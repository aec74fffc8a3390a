// Per-vertex colours from OBJ ('v x y z r g b'): read by the loader, interpolated at hits, and
// as a reflectance the same as {"rgb": [r, g, b]}.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "render/render_util.h"
#include "renderer/geometry/mesh.h"

namespace limner::test {
namespace {

std::string write_obj(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

TEST(VertexColor, LoaderReadsColoursPerVertex) {
  Mesh m = load_mesh(write_obj("vc_tri.obj", "v 0 0 0 1 0 0\nv 1 0 0 0 1 0\nv 0 1 0 0 0 0.5\n"
                                             "f 1 2 3\n"));
  ASSERT_EQ(m.colors.size(), 3u);
  ASSERT_EQ(m.positions.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {  // the loader may renumber vertices: match by position
    const glm::vec3& p = m.positions[i];
    glm::vec3 expected = p.x == 1.0f ? glm::vec3(0, 1, 0)
                         : p.y == 1.0f ? glm::vec3(0, 0, 0.5f)
                                       : glm::vec3(1, 0, 0);
    EXPECT_EQ(m.colors[i], expected) << i;
  }
  Mesh plain = load_mesh(write_obj("vc_plain.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n"));
  EXPECT_TRUE(plain.colors.empty());
}

std::string quad_scene(const std::string& mesh, const std::string& reflectance,
                       int fov_deg = 10) {
  return R"({"camera": {"from": [0, 0, 5], "to": [0, 0, 0], "fov_deg": )" +
         std::to_string(fov_deg) + R"(},
    "film": {"width": 8, "height": 8, "spp": 64},
    "lights": [{"type": "environment", "spectrum": "D65", "scale": 1}],
    "materials": {"m": {"type": "diffuse", "reflectance": )" + reflectance + R"(}},
    "objects": [{"mesh": ")" + mesh + R"(", "material": "m"}]})";
}

// The quad fills the view; one colour at every vertex must look like that colour as {"rgb"}.
TEST(VertexColor, ReflectanceEqualsTheSameRgbValue) {
  std::string c = " 0.7 0.3 0.1\n";
  std::string quad = write_obj("vc_quad.obj", "v -2 -2 0" + c + "v 2 -2 0" + c + "v 2 2 0" + c +
                                                  "v -2 2 0" + c + "f 1 2 3 4\n");
  Film by_vertex = render_json(quad_scene(quad, R"({"vertex_color": true})"));
  Film by_rgb = render_json(quad_scene(quad, R"({"rgb": [0.7, 0.3, 0.1]})"));
  glm::dvec3 a = mean_xyz(by_vertex, 0, 0, 8, 8), b = mean_xyz(by_rgb, 0, 0, 8, 8);
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(a[i], b[i], 0.02 * b[i]) << i;
}

// Colours are interpolated: red on the left edge, blue on the right.
TEST(VertexColor, InterpolatedAcrossTheSurface) {
  std::string quad = write_obj("vc_grad.obj", "v -2 -2 0 1 0 0\nv 2 -2 0 0 0 1\nv 2 2 0 0 0 1\n"
                                              "v -2 2 0 1 0 0\nf 1 2 3 4\n");
  Film f = render_json(quad_scene(quad, R"({"vertex_color": true})", 40));  // +-1.8 mm
  glm::dvec3 left = mean_srgb(f, 0, 0, 2, 8), right = mean_srgb(f, 6, 0, 8, 8);
  EXPECT_GT(left.r, 3.0 * left.b);
  EXPECT_GT(right.b, 3.0 * right.r);
}

}  // namespace
}  // namespace limner::test
