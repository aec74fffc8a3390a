// Load + BVH build timing for a large mesh. Skipped unless LIMNER_GEOMETRY_BENCH_MESH names a
// file, because no large mesh is committed; e.g.
//   LIMNER_GEOMETRY_BENCH_MESH=/tmp/bunny_1m.obj ./geometry_tests --gtest_filter='MeshBench*'
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>

#include "renderer/geometry/embree_scene.h"
#include "renderer/geometry/mesh.h"

namespace limner {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(MeshBench, LoadAndBuild) {
  const char* path = std::getenv("LIMNER_GEOMETRY_BENCH_MESH");
  if (!path) GTEST_SKIP() << "set LIMNER_GEOMETRY_BENCH_MESH to a large .obj or .stl";
  auto start = std::chrono::steady_clock::now();
  Mesh mesh = load_mesh(path);
  double load = seconds_since(start);

  EmbreeScene scene;
  size_t before = scene.memory_bytes();
  start = std::chrono::steady_clock::now();
  scene.add_triangles(mesh.positions.data(), mesh.positions.size(), mesh.triangles.data(),
                      mesh.triangles.size());
  scene.commit();
  double build = seconds_since(start);
  size_t bytes = scene.memory_bytes() - before;

  enable_ftz_daz();
  start = std::chrono::steady_clock::now();
  const int kRays = 1000000;
  int hits = 0;
  for (int i = 0; i < kRays; ++i) {
    Ray r;  // a grid of rays across the mesh's bounds region, all along -z
    r.origin = glm::vec3(-0.1f + 0.2f * float(i % 1000) / 1000.0f,
                         0.03f + 0.16f * float(i / 1000) / 1000.0f, 10.0f);
    r.dir = glm::vec3(0, 0, -1);
    RayHit hit;
    hits += scene.intersect(r, hit);
  }
  double trace = seconds_since(start);
  std::printf("%zu vertices, %zu triangles: load %.3f s, build %.3f s, Embree memory %.1f MB "
              "(%.1f bytes/triangle), %.2f Mrays/s single-threaded (%d hits)\n",
              mesh.positions.size(), mesh.triangles.size(), load, build, bytes / 1e6,
              double(bytes) / double(mesh.triangles.size()), kRays / trace / 1e6, hits);
}

}  // namespace
}  // namespace limner
