#include "materials/bsdf/energy_table.h"

#include <algorithm>
#include <cmath>

#include "materials/bsdf/fresnel.h"
#include "materials/bsdf/microfacet.h"

namespace limner {

namespace {

// Grid resolution per dimension of the quadrature; 64^2 keeps the error of the tabulated
// albedos near 1e-3 (the integrand only jumps where a direction crosses the horizon).
constexpr int kGrid = 64;

float table_cosine(int i) { return (i + 0.5f) / kEnergyTableSize; }

// Average of weight(wm) over the normals visible from wo.
template <class Weight>
float visible_normal_average(const Ggx& ggx, const glm::vec3& wo, Weight weight) {
  double sum = 0.0;
  for (int y = 0; y < kGrid; ++y) {
    for (int x = 0; x < kGrid; ++x) {
      glm::vec2 u((x + 0.5f) / kGrid, (y + 0.5f) / kGrid);
      sum += weight(ggx.sample_visible(wo, u));
    }
  }
  return static_cast<float>(sum / (kGrid * kGrid));
}

template <class Albedo>
EnergyTable tabulate(Albedo albedo) {
  EnergyTable t;
  double avg = 0.0;
  for (int i = 0; i < kEnergyTableSize; ++i) {
    float mu = table_cosine(i);
    t.e[i] = std::clamp(albedo(mu), 0.0f, 1.0f);
    avg += 2.0 * t.e[i] * mu / kEnergyTableSize;  // midpoint rule for 2 int e mu dmu
  }
  t.e_avg = static_cast<float>(avg);
  return t;
}

glm::vec3 direction_with_cosine(float mu) {
  return {std::sqrt(std::max(0.0f, 1.0f - mu * mu)), 0.0f, mu};
}

}  // namespace

float EnergyTable::lookup(float cos_theta) const {
  float x = std::fabs(cos_theta) * kEnergyTableSize - 0.5f;
  if (!(x > 0.0f)) return e[0];  // also catches NaN
  if (x >= kEnergyTableSize - 1) return e[kEnergyTableSize - 1];
  int i = static_cast<int>(x);
  float t = x - static_cast<float>(i);
  return e[i] + t * (e[i + 1] - e[i]);
}

EnergyTable build_conductor_energy_table(float alpha) {
  Ggx ggx{alpha};
  return tabulate([&](float mu) {
    glm::vec3 wo = direction_with_cosine(mu);
    float g1 = ggx.g1(wo);
    return visible_normal_average(ggx, wo, [&](const glm::vec3& wm) {
      glm::vec3 wi = reflect(wo, wm);
      return wi.z > 0.0f ? ggx.g(wo, wi) / g1 : 0.0f;
    });
  });
}

EnergyTable build_dielectric_energy_table(float eta, float alpha, bool outside) {
  Ggx ggx{alpha};
  return tabulate([&](float mu) {
    glm::vec3 wo = direction_with_cosine(mu);
    if (!outside) wo.z = -wo.z;
    float g1 = ggx.g1(wo);
    return visible_normal_average(ggx, wo, [&](const glm::vec3& wm) {
      // Both branches of the Fresnel choice, weighted by their probabilities.
      float fr = fresnel_dielectric(glm::dot(wo, wm), eta);
      float sum = 0.0f;
      glm::vec3 wr = reflect(wo, wm);
      if (wr.z * wo.z > 0.0f) sum += fr * ggx.g(wo, wr);
      glm::vec3 wt;
      float etap;
      if (fr < 1.0f && refract(wo, wm, eta, &wt, &etap) && wt.z * wo.z < 0.0f)
        sum += (1.0f - fr) * ggx.g(wo, wt);
      return sum / g1;
    });
  });
}

}  // namespace limner
