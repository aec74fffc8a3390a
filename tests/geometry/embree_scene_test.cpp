#include "renderer/geometry/embree_scene.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "renderer/geometry/sphere_intersect.h"

namespace limner {
namespace {

class EmbreeSceneTest : public ::testing::Test {
 protected:
  void SetUp() override { enable_ftz_daz(); }

  // Unit right triangle in the z = 0 plane, counter-clockwise seen from +z.
  std::vector<glm::vec3> tri_positions{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
  std::vector<glm::uvec3> tri_indices{{0, 1, 2}};
};

Ray make_ray(glm::vec3 origin, glm::vec3 dir, float tmin = 0.0f, float tmax = 1e30f) {
  Ray r;
  r.origin = origin;
  r.dir = dir;
  r.tmin = tmin;
  r.tmax = tmax;
  return r;
}

TEST_F(EmbreeSceneTest, RayHitsTriangleAtKnownTAndBarycentrics) {
  EmbreeScene scene;
  EXPECT_EQ(scene.add_triangles(tri_positions.data(), 3, tri_indices.data(), 1), 0u);
  scene.commit();
  RayHit hit;
  // Unnormalised direction: t is in units of |dir|.
  ASSERT_TRUE(scene.intersect(make_ray({0.25f, 0.5f, 2.0f}, {0, 0, -0.5f}), hit));
  EXPECT_FLOAT_EQ(hit.t, 4.0f);
  EXPECT_EQ(hit.geom_id, 0u);
  EXPECT_EQ(hit.prim_id, 0u);
  EXPECT_NEAR(hit.bary.x, 0.25f, 1e-6f);  // weight of vertex 1
  EXPECT_NEAR(hit.bary.y, 0.5f, 1e-6f);   // weight of vertex 2
  // Embree's ng is (v1 - v0) x (v2 - v0): +z here.
  EXPECT_GT(hit.ng.z, 0.0f);
  EXPECT_FLOAT_EQ(hit.ng.x, 0.0f);
  EXPECT_FLOAT_EQ(hit.ng.y, 0.0f);
  EXPECT_TRUE(scene.occluded(make_ray({0.25f, 0.5f, 2.0f}, {0, 0, -0.5f})));
  // Stopping short, or starting past the plane, misses.
  EXPECT_FALSE(scene.intersect(make_ray({0.25f, 0.5f, 2.0f}, {0, 0, -0.5f}, 0.0f, 3.9f), hit));
  EXPECT_FALSE(scene.occluded(make_ray({0.25f, 0.5f, 2.0f}, {0, 0, -0.5f}, 4.1f)));
  EXPECT_FALSE(scene.intersect(make_ray({0.75f, 0.75f, 2.0f}, {0, 0, -1}), hit));
  EXPECT_GT(scene.memory_bytes(), 0u);
}

TEST_F(EmbreeSceneTest, SphereHitFromOutsideAndInside) {
  EmbreeScene scene;
  glm::vec3 center(1, 2, 10);
  ASSERT_EQ(scene.add_sphere(center, 2.0f), 0u);
  scene.commit();
  RayHit hit;
  ASSERT_TRUE(scene.intersect(make_ray({1, 2, 0}, {0, 0, 2}), hit));
  EXPECT_FLOAT_EQ(hit.t, 4.0f);  // reaches z = 8 at t = 4 with |dir| = 2
  EXPECT_EQ(hit.geom_id, 0u);
  EXPECT_EQ(hit.prim_id, 0u);
  EXPECT_NEAR(glm::length(glm::normalize(hit.ng) - glm::vec3(0, 0, -1)), 0.0f, 1e-5f);

  // From the centre: the far side, normal still outward.
  ASSERT_TRUE(scene.intersect(make_ray(center, {0, 1, 0}), hit));
  EXPECT_FLOAT_EQ(hit.t, 2.0f);
  EXPECT_GT(hit.ng.y, 0.0f);
  // From outside but with tmin past the near hit: the exit point.
  ASSERT_TRUE(scene.intersect(make_ray({1, 2, 0}, {0, 0, 1}, 9.0f), hit));
  EXPECT_FLOAT_EQ(hit.t, 12.0f);
  EXPECT_GT(hit.ng.z, 0.0f);

  // Oblique hit: ng is parallel to (hit - center).
  glm::vec3 o(-5, 3, 9), d = glm::normalize(glm::vec3(1, -0.1f, 0.2f));
  ASSERT_TRUE(scene.intersect(make_ray(o, d), hit));
  glm::vec3 p = o + hit.t * d;
  EXPECT_NEAR(glm::length(p - center), 2.0f, 1e-5f);
  EXPECT_NEAR(glm::dot(glm::normalize(hit.ng), glm::normalize(p - center)), 1.0f, 1e-6f);
}

TEST_F(EmbreeSceneTest, RayJustMissingSphereMisses) {
  EmbreeScene scene;
  scene.add_sphere({0, 0, 10}, 1.0f);
  scene.commit();
  RayHit hit;
  EXPECT_FALSE(scene.intersect(make_ray({1.0001f, 0, 0}, {0, 0, 1}), hit));
  EXPECT_FALSE(scene.occluded(make_ray({1.0001f, 0, 0}, {0, 0, 1})));
  EXPECT_TRUE(scene.intersect(make_ray({0.9999f, 0, 0}, {0, 0, 1}), hit));
  EXPECT_TRUE(scene.occluded(make_ray({0.9999f, 0, 0}, {0, 0, 1})));
  // Pointing away from it.
  EXPECT_FALSE(scene.intersect(make_ray({0, 0, 0}, {0, 0, -1}), hit));
}

TEST_F(EmbreeSceneTest, GeometryIdsFollowAddOrder) {
  EmbreeScene scene;
  std::vector<glm::vec3> far_tri{{0, 0, 5}, {1, 0, 5}, {0, 1, 5}};
  EXPECT_EQ(scene.add_triangles(tri_positions.data(), 3, tri_indices.data(), 1), 0u);
  EXPECT_EQ(scene.add_sphere({10, 0, 0}, 1.0f), 1u);
  EXPECT_EQ(scene.add_triangles(far_tri.data(), 3, tri_indices.data(), 1), 2u);
  EXPECT_EQ(scene.add_sphere({20, 0, 0}, 1.0f), 3u);
  scene.commit();
  RayHit hit;
  ASSERT_TRUE(scene.intersect(make_ray({0.2f, 0.2f, -1}, {0, 0, 1}), hit));
  EXPECT_EQ(hit.geom_id, 0u);
  ASSERT_TRUE(scene.intersect(make_ray({0.2f, 0.2f, 10}, {0, 0, -1}), hit));
  EXPECT_EQ(hit.geom_id, 2u);
  ASSERT_TRUE(scene.intersect(make_ray({10, 0, -5}, {0, 0, 1}), hit));
  EXPECT_EQ(hit.geom_id, 1u);
  ASSERT_TRUE(scene.intersect(make_ray({20, 0, -5}, {0, 0, 1}), hit));
  EXPECT_EQ(hit.geom_id, 3u);
}

TEST_F(EmbreeSceneTest, OccludedAgreesWithIntersect) {
  EmbreeScene scene;
  scene.add_triangles(tri_positions.data(), 3, tri_indices.data(), 1);
  scene.add_sphere({0.5f, 0.5f, 0.5f}, 0.3f);
  scene.add_sphere({-0.5f, 0.2f, 0.1f}, 0.25f);
  scene.commit();
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> u(-1.0f, 1.0f);
  int hits = 0;
  for (int i = 0; i < 5000; ++i) {
    Ray r = make_ray({u(rng), u(rng), 1.5f + u(rng)}, {0.5f * u(rng), 0.5f * u(rng), -1});
    r.tmax = 2.0f + u(rng);
    RayHit hit;
    bool any = scene.intersect(r, hit);
    ASSERT_EQ(any, scene.occluded(r)) << "ray " << i;
    hits += any;
  }
  EXPECT_GT(hits, 500);
  EXPECT_LT(hits, 4500);
}

TEST(SphereIntersect, SmallDistantSphereIsPrecise) {
  float t = 0.0f;
  ASSERT_TRUE(intersect_sphere({0, 0, 1e4f}, 0.01f, {0, 0, 0}, {0, 0, 1}, 0.0f, 1e30f, t));
  EXPECT_NEAR(t, 9999.99f, 1e-3f);
  // Grazing offset rays: in when inside the silhouette, out otherwise.
  EXPECT_TRUE(intersect_sphere({0, 0, 1e4f}, 0.01f, {0.0099f, 0, 0}, {0, 0, 1}, 0.0f, 1e30f, t));
  EXPECT_FALSE(intersect_sphere({0, 0, 1e4f}, 0.01f, {0.0101f, 0, 0}, {0, 0, 1}, 0.0f, 1e30f, t));
  EXPECT_FALSE(intersect_sphere({0, 0, 1}, 1.0f, {0, 0, 0}, {0, 0, 0}, 0.0f, 1e30f, t));
}

#if defined(__x86_64__) || defined(__i386__)
TEST(CpuFlags, FtzDazFlushesDenormals) {
  enable_ftz_daz();
  volatile float tiny = 1e-39f;  // denormal; DAZ reads it as zero
  volatile float scaled = tiny * 1.0f;
  EXPECT_EQ(scaled, 0.0f);
}
#endif

}  // namespace
}  // namespace limner
