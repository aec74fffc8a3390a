// Ray queries. The only place that includes Embree is embree_scene.cpp.
#pragma once
#include <cstdint>
#include <glm/glm.hpp>
#include <memory>
#include <vector>

namespace limner {

struct Ray {
  glm::vec3 origin{0.0f};
  glm::vec3 dir{0.0f, 0.0f, 1.0f};  // need not be normalised; t is in units of |dir|
  float tmin = 0.0f;
  float tmax = 1e30f;
};

struct RayHit {
  float t = 0.0f;
  uint32_t geom_id = 0xffffffffu;
  uint32_t prim_id = 0;
  glm::vec2 bary{0.0f};   // Embree's (u, v): p = (1-u-v) p0 + u p1 + v p2
  glm::vec3 ng{0.0f};     // geometric normal, not normalised (Embree's orientation)
};

class EmbreeScene {
 public:
  EmbreeScene();
  ~EmbreeScene();
  EmbreeScene(const EmbreeScene&) = delete;
  EmbreeScene& operator=(const EmbreeScene&) = delete;

  // The index array must outlive the scene (it is shared, not copied); positions are copied
  // into a padded Embree buffer. Returns the geometry id: 0, 1, 2... in add order.
  uint32_t add_triangles(const glm::vec3* positions, size_t vertex_count,
                         const glm::uvec3* triangles, size_t triangle_count);
  // An exact sphere (user geometry); ng points outward.
  uint32_t add_sphere(const glm::vec3& center, float radius);
  void commit();

  bool intersect(const Ray& ray, RayHit& hit) const;
  bool occluded(const Ray& ray) const;

  size_t memory_bytes() const;  // bytes Embree reports allocated for the BVH

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Sets flush-to-zero and denormals-are-zero on the calling thread (Embree wants it on every
// thread that traces).
void enable_ftz_daz();

}  // namespace limner
