#include "renderer/scene_cavity.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "renderer/frame.h"
#include "renderer/sampler.h"

namespace limner {

std::vector<glm::vec3> vertex_normals(const TriangleMesh& m) {
  if (m.normals.size() == m.positions.size()) return m.normals;
  std::vector<glm::vec3> n(m.positions.size(), glm::vec3(0.0f));
  for (const auto& t : m.triangles) {
    glm::vec3 f = glm::cross(m.positions[t.y] - m.positions[t.x],
                             m.positions[t.z] - m.positions[t.x]);  // length = 2 * area
    n[t.x] += f;
    n[t.y] += f;
    n[t.z] += f;
  }
  for (auto& v : n) {
    float l = glm::length(v);
    v = l > 0.0f ? v / l : glm::vec3(0, 0, 1);
  }
  return n;
}

namespace {

float vertex_cavity(const Scene& scene, const glm::vec3& p, const glm::vec3& n, uint32_t index) {
  Frame f = Frame::from_z(n);
  glm::vec3 origin = scene.offset(p, n, n);
  int blocked = 0;
  for (int i = 0; i < kCavityRays; ++i) {
    Sampler s(index, 0, uint32_t(i), 0xca71ULL);
    glm::vec2 u = s.get2d();
    float r = std::sqrt(u.x), phi = 2.0f * kPi * u.y;  // cosine-weighted
    glm::vec3 local(r * std::cos(phi), r * std::sin(phi), std::sqrt(std::max(0.0f, 1.0f - u.x)));
    Ray ray{origin, f.to_world(local), 0.0f, kCavityRadiusMm};
    blocked += scene.rt->occluded(ray) ? 1 : 0;
  }
  return float(blocked) / float(kCavityRays);
}

std::vector<float> vertex_convexity(const TriangleMesh& m, const std::vector<glm::vec3>& n) {
  std::vector<float> sum(m.positions.size(), 0.0f), count(m.positions.size(), 0.0f);
  auto add = [&](uint32_t a, uint32_t b) {
    glm::vec3 d = m.positions[a] - m.positions[b];
    float l = glm::length(d);
    if (l <= 0.0f) return;
    sum[a] += glm::dot(n[a], d) / l;
    count[a] += 1.0f;
  };
  for (const auto& t : m.triangles) {
    add(t.x, t.y), add(t.x, t.z), add(t.y, t.x), add(t.y, t.z), add(t.z, t.x), add(t.z, t.y);
  }
  for (size_t i = 0; i < sum.size(); ++i)
    sum[i] = std::clamp(0.5f + (count[i] > 0.0f ? sum[i] / count[i] : 0.0f), 0.0f, 1.0f);
  return sum;
}

}  // namespace

void compute_cavity(const Scene& scene, TriangleMesh& m) {
  std::vector<glm::vec3> n = vertex_normals(m);
  m.cavity.assign(m.positions.size(), 0.0f);
  tbb::parallel_for(size_t(0), m.positions.size(), [&](size_t i) {
    enable_ftz_daz();
    m.cavity[i] = vertex_cavity(scene, m.positions[i], n[i], uint32_t(i));
  });
  m.convexity = vertex_convexity(m, n);
}

}  // namespace limner
