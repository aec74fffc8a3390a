// Isotropic Trowbridge-Reitz (GGX) microfacet distribution with Smith shadowing and
// visible-normal sampling (Heitz 2018, "Sampling the GGX Distribution of Visible Normals").
//
// Microfacet normals m always point into z > 0: the microsurface is a height field over the
// macro surface. A direction w may lie on either side; seen from below (w.z < 0) the visible
// facets are those with dot(w, m) < 0 (the microsurface's back faces).
#pragma once
#include <glm/glm.hpp>

namespace limner {

// Below this alpha the lobes are so narrow that float precision breaks down; such surfaces
// are treated as perfectly smooth (delta lobes).
constexpr float kSmoothAlpha = 1e-3f;
inline bool is_smooth_alpha(float alpha) { return alpha < kSmoothAlpha; }

struct Ggx {
  float alpha = 0.5f;

  // Distribution of normals per unit solid angle of m, normalised so that
  // integral D(m) m.z dm = 1 (projected area of the facets equals that of the macro surface).
  float d(const glm::vec3& m) const;
  // Smith's Lambda(w); infinite at grazing.
  float lambda(const glm::vec3& w) const;
  // Smith masking of one direction.
  float g1(const glm::vec3& w) const;
  // Height-correlated masking-shadowing 1 / (1 + Lambda(wo) + Lambda(wi)); more accurate than
  // the separable G1 G1 because a facet hidden from wo tends to be hidden from wi as well.
  float g(const glm::vec3& wo, const glm::vec3& wi) const;
  // Distribution of normals visible from w: G1(w) <w.m> D(m) / |w.z|, where <w.m> is the
  // facing cosine (zero for facets turned away from w). Integrates to 1 over m.
  float d_visible(const glm::vec3& w, const glm::vec3& m) const;
  // Samples m from d_visible(w, .) with u in [0,1)^2.
  glm::vec3 sample_visible(const glm::vec3& w, const glm::vec2& u) const;
};

}  // namespace limner
