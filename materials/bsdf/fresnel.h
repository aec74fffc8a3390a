// Fresnel reflectance and the geometric optics of a plane interface, in the local frame.
//
// Dielectric eta follows bsdf.h: the index of the z < 0 side relative to the z > 0 side.
// A cosine is measured against +z (or against a microfacet normal m with m.z > 0), so its sign
// tells which side the light arrives from.
#pragma once
#include <glm/glm.hpp>

#include "renderer/spectral/sampled.h"

namespace limner {

// Unpolarised reflectance of a dielectric interface for light arriving with cosine cos_i
// against the normal; 1 under total internal reflection.
float fresnel_dielectric(float cos_i, float eta);

// Unpolarised reflectance of a conductor with complex index eta + i k (relative to the
// incident medium), for light arriving from the non-conducting side with |cos_i|.
float fresnel_conductor(float cos_i, float eta, float k);
SampledSpectrum fresnel_conductor(float cos_i, const SampledSpectrum& eta,
                                  const SampledSpectrum& k);

// Hemispherical (cosine-weighted) averages 2 integral F(mu) mu dmu, by 4-point Gauss-Legendre
// quadrature (error below 1e-3 for metals; no allocation, cheap enough for eval).
float fresnel_conductor_average(float eta, float k);
// Requires eta >= 1 (light from the lower-index side, where F is smooth in mu).
float fresnel_dielectric_average(float eta);

// Mirror of w about n (both pointing away from the surface).
inline glm::vec3 reflect(const glm::vec3& w, const glm::vec3& n) {
  return 2.0f * glm::dot(w, n) * n - w;
}

// Refracts w (pointing away, on either side of n) through an interface whose side opposite
// to n has relative index eta. On success returns true, writes the transmitted direction
// (pointing away, on the other side) and etap = n(transmitted side) / n(incident side).
// Returns false under total internal reflection.
bool refract(const glm::vec3& w, glm::vec3 n, float eta, glm::vec3* wt, float* etap);

}  // namespace limner
