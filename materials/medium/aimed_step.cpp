#include "materials/medium/aimed_step.h"

#include <algorithm>
#include <cmath>

#include "materials/bsdf/fresnel.h"
#include "materials/bsdf/microfacet.h"
#include "renderer/frame.h"

namespace limner {

namespace {

// Below this cosine to the proxy normal the lobe degenerates (grazing light).
constexpr float kMinCos = 1e-3f;
// Towards index matching, refraction stops bending: the lobe collapses onto one direction.
constexpr float kMinEta = 1.05f;

struct Proxy {
  Frame frame;
  glm::vec3 wl;  // towards the light, local (z > 0)
  Ggx ggx;
};

Proxy make_proxy(const AimLobe& lobe, const glm::vec3& normal, const glm::vec3& to_light) {
  glm::vec3 n = glm::dot(normal, to_light) >= 0.0f ? normal : -normal;
  Proxy p{Frame::from_z(n), glm::vec3(0.0f), Ggx{std::clamp(lobe.alpha, 0.05f, 1.0f)}};
  p.wl = p.frame.to_local(to_light);
  return p;
}

}  // namespace

bool aim_usable(const AimLobe& lobe, const glm::vec3& normal, const glm::vec3& to_light) {
  return lobe.eta >= kMinEta && std::fabs(glm::dot(normal, to_light)) >= kMinCos;
}

bool sample_aimed(const AimLobe& lobe, const glm::vec3& normal, const glm::vec3& to_light,
                  const glm::vec2& u, glm::vec3* dir) {
  Proxy p = make_proxy(lobe, normal, to_light);
  glm::vec3 m = p.ggx.sample_visible(p.wl, u);
  glm::vec3 wt;  // light's propagation direction inside, once refracted
  float etap;
  if (glm::dot(p.wl, m) <= 0.0f || !refract(p.wl, m, lobe.eta, &wt, &etap)) return false;
  *dir = glm::normalize(p.frame.to_world(-wt));
  return std::isfinite(dir->x) && std::isfinite(dir->y) && std::isfinite(dir->z);
}

float aimed_pdf(const AimLobe& lobe, const glm::vec3& normal, const glm::vec3& to_light,
                const glm::vec3& dir) {
  Proxy p = make_proxy(lobe, normal, to_light);
  glm::vec3 wt = -p.frame.to_local(dir);
  // The microfacet normal that refracts wl into wt (generalised half vector), facing z > 0.
  glm::vec3 m = p.wl + lobe.eta * wt;
  if (glm::dot(m, m) < 1e-12f) return 0.0f;
  m = glm::normalize(m.z < 0.0f ? -m : m);
  float cos_l = glm::dot(p.wl, m), cos_t = glm::dot(wt, m);
  if (cos_l <= 0.0f || cos_t >= 0.0f) return 0.0f;
  float denom = cos_l + lobe.eta * cos_t;
  if (denom * denom < 1e-12f) return 0.0f;
  return p.ggx.d_visible(p.wl, m) * lobe.eta * lobe.eta * std::fabs(cos_t) / (denom * denom);
}

}  // namespace limner
