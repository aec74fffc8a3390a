// Texture coordinates and tangents at hits: barycentric uv, dp/du and dp/dv solved from a
// triangle's positions and uvs, and the rect's own parametrisation (u along its width).
#include <gtest/gtest.h>

#include "renderer/frame.h"
#include "renderer/surface_uv.h"

namespace limner::test {
namespace {

// A triangle in the plane z = 1 whose uvs are an affine map of x, y: u = (x - 1) / 4,
// v = (y + 2) / 8 + u / 2. Then dp/du and dp/dv follow from inverting the map.
TEST(SurfaceUv, TangentsInvertTheTrianglesUvMap) {
  TriangleMesh m;
  m.positions = {{1, -2, 1}, {5, -2, 1}, {1, 6, 1}};
  auto uv = [](glm::vec3 p) {
    float u = (p.x - 1) / 4;
    return glm::vec2(u, (p.y + 2) / 8 + u / 2);
  };
  m.uvs = {uv(m.positions[0]), uv(m.positions[1]), uv(m.positions[2])};
  m.triangles = {{0, 1, 2}};
  SurfaceHit s;
  s.ns = s.ng = glm::vec3(0, 0, 1);
  const glm::vec2 bary(0.25f, 0.5f);
  fill_mesh_uv(m, 0, bary, s);
  const glm::vec3 p = 0.25f * m.positions[0] + 0.25f * m.positions[1] + 0.5f * m.positions[2];
  EXPECT_TRUE(s.ctx.has_uv);
  EXPECT_NEAR(glm::length(s.ctx.uv - uv(p)), 0.0f, 1e-6f);
  // x = 1 + 4u, y = -2 + 8 (v - u/2): dp/du = (4, -4, 0), dp/dv = (0, 8, 0).
  EXPECT_NEAR(glm::length(s.ctx.dpdu - glm::vec3(4, -4, 0)), 0.0f, 1e-5f);
  EXPECT_NEAR(glm::length(s.ctx.dpdv - glm::vec3(0, 8, 0)), 0.0f, 1e-5f);
}

TEST(SurfaceUv, DegenerateUvsFallBackToAFrameAroundTheNormal) {
  TriangleMesh m;
  m.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
  m.uvs = {{0.5f, 0.5f}, {0.5f, 0.5f}, {0.5f, 0.5f}};
  m.triangles = {{0, 1, 2}};
  SurfaceHit s;
  s.ns = s.ng = glm::vec3(0, 0, 1);
  fill_mesh_uv(m, 0, {0.3f, 0.3f}, s);
  EXPECT_NEAR(glm::dot(s.ctx.dpdu, s.ns), 0.0f, 1e-6f);
  EXPECT_NEAR(glm::dot(s.ctx.dpdv, s.ns), 0.0f, 1e-6f);
  EXPECT_NEAR(glm::length(glm::cross(s.ctx.dpdu, s.ctx.dpdv)), 1.0f, 1e-5f);
}

TEST(SurfaceUv, ObjectSpacePositionUndoesTheTransform) {
  TriangleMesh m;
  m.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
  m.triangles = {{0, 1, 2}};
  m.rotation = glm::mat3(0, 1, 0, -1, 0, 0, 0, 0, 1);  // 90 degrees about z
  m.translate = glm::vec3(10, 20, 30);
  m.scale = 2.0f;
  SurfaceHit s;
  s.p = m.rotation * (glm::vec3(1.5f, -0.5f, 0.25f) * 2.0f) + m.translate;
  fill_mesh_uv(m, 0, {0.2f, 0.2f}, s);
  EXPECT_NEAR(glm::length(s.ctx.p_object - glm::vec3(1.5f, -0.5f, 0.25f)), 0.0f, 1e-5f);
  EXPECT_FALSE(s.ctx.has_uv);
}

TEST(SurfaceUv, SphereLongitudeLatitude) {
  SphereShape sp{glm::vec3(1, 2, 3), 2.0f, 0};
  SurfaceHit s;
  s.ng = s.ns = glm::vec3(0, 0, 1);  // the +z point: longitude 0 -> u 1/2, equator -> v 1/2
  s.p = sp.center + 2.0f * s.ng;
  fill_sphere_uv(sp, s);
  EXPECT_NEAR(s.ctx.uv.x, 0.5f, 1e-6f);
  EXPECT_NEAR(s.ctx.uv.y, 0.5f, 1e-6f);
  EXPECT_NEAR(glm::length(s.ctx.dpdu - glm::vec3(4.0f * kPi, 0, 0)), 0.0f, 1e-4f);  // 2 pi r
  EXPECT_NEAR(glm::length(s.ctx.dpdv - glm::vec3(0, 2.0f * kPi, 0)), 0.0f, 1e-4f);  // pi r
}

}  // namespace
}  // namespace limner::test
