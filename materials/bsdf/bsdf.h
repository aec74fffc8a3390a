// BSDFs evaluated for the current wavelengths: plain values, no heap allocation.
//
// Conventions (all BSDFs):
// - Directions are in the local shading frame: z is the shading normal. wo (towards the viewer /
//   previous vertex) and wi (towards the light / next vertex) both point AWAY from the surface.
// - f excludes the cosine factor |cos(theta_i)|.
// - pdf is per unit solid angle of wi. For specular (delta) lobes, pdf is the discrete
//   probability of choosing that lobe and f is the lobe's weight divided by |cos(theta_i)|, so
//   f * |cos| / pdf is the path throughput weight as for non-delta lobes.
// - Dielectric interfaces: ior is the index of the side z < 0 relative to the side z > 0.
//   In TransportMode::Radiance, transmitted radiance is scaled by 1/eta^2 (pbrt's convention).
#pragma once
#include <glm/glm.hpp>
#include <optional>
#include <variant>

#include "renderer/spectral/sampled.h"

namespace limner {

enum class TransportMode { Radiance, Importance };

struct BsdfSample {
  SampledSpectrum f;
  glm::vec3 wi{0.0f};
  float pdf = 0.0f;
  bool specular = false;
  bool transmission = false;
  float eta = 1.0f;  // relative index crossed by a transmission (1 for reflection)
};

// Multiple-scattering energy compensation tables (Kulla & Conty 2017), precomputed per
// material. e[i] is the single-scattering directional albedo at cos(theta) = (i + 0.5) / N.
constexpr int kEnergyTableSize = 32;
struct EnergyTable {
  float e[kEnergyTableSize] = {};
  float e_avg = 1.0f;  // 2 * integral of e(mu) mu dmu
  float lookup(float cos_theta) const;
};

struct DiffuseBsdf {
  SampledSpectrum reflectance;
};

// GGX (Trowbridge-Reitz) with visible-normal sampling; roughness is alpha; alpha below
// ~1e-3 behaves as a perfectly smooth interface.
struct ConductorBsdf {
  SampledSpectrum eta, k;
  float alpha = 0.0f;
  const EnergyTable* energy = nullptr;  // null: no compensation
};

struct DielectricBsdf {
  float eta = 1.5f;
  float alpha = 0.0f;
  const EnergyTable* energy_outside = nullptr;  // albedo tables for wo on each side
  const EnergyTable* energy_inside = nullptr;
};

// Layered paint (materials/paint/paint_bsdf.h); declared first so that either header may be
// included first.
struct PaintBsdf;
// A sheen over a base BSDF (materials/fabric/fabric_bsdf.h).
struct FabricBsdf;

}  // namespace limner

#include "materials/paint/paint_bsdf_types.h"
#include "materials/fabric/fabric_bsdf_types.h"

namespace limner {

using Bsdf = std::variant<DiffuseBsdf, ConductorBsdf, DielectricBsdf, PaintBsdf, FabricBsdf>;

SampledSpectrum bsdf_eval(const Bsdf& b, const glm::vec3& wo, const glm::vec3& wi,
                          TransportMode mode = TransportMode::Radiance);
float bsdf_pdf(const Bsdf& b, const glm::vec3& wo, const glm::vec3& wi,
               TransportMode mode = TransportMode::Radiance);
// uc picks a lobe, u samples the direction. Returns nothing when no direction is sampled.
std::optional<BsdfSample> bsdf_sample(const Bsdf& b, const glm::vec3& wo, float uc,
                                      const glm::vec2& u,
                                      TransportMode mode = TransportMode::Radiance);
// True when every lobe is a delta (light sampling cannot help).
bool bsdf_is_delta(const Bsdf& b);

}  // namespace limner
