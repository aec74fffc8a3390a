// Tables the paint fast path precomputes once per material (each in well under 10 ms).
//
// The finish table is the reflection-only directional albedo of the finish (a DielectricBsdf,
// binder below, air above) for light from the air side, split into its single-scattering
// part (what visible-normal sampling draws) and the energy-compensation part (a cosine-like
// lobe). T(mu) = 1 - R(mu) is then the share of light from direction mu that enters the
// paint, and also (by reciprocity) the shape of the light the paint sends back out.
#pragma once
#include "materials/bsdf/bsdf.h"

namespace limner {

constexpr int kFinishTableSize = 64;

struct PaintFinishTable {
  float r_single[kFinishTableSize] = {};  // at cos(theta) = (i + 0.5) / N
  float r_ms[kFinishTableSize] = {};
  // Total reflectance for light from the binder side: in the escape cone by the air-side
  // cosine of the refracted direction (it changes fast near the critical angle), beyond it by
  // the binder cosine over [0, critical).
  float r_inside_cone[kFinishTableSize] = {};
  float r_inside_trapped[kFinishTableSize] = {};
  // Diffuse (cosine-weighted) reflectance from the air side (Saunderson's k1) and from the
  // binder side (k2); an energy-conserving reciprocal interface has 1 - k1 = n^2 (1 - k2).
  float k1 = 0.0f, k2 = 0.0f;
  // Cosine-weighted mean of r_ms: the compensation lobe's reflection is the separable
  // r_ms(mu_o) r_ms(mu_i) / (pi ms_average) (dielectric.h: c_AA a(mu_o) a(mu_i) / pi).
  float ms_average = 0.0f;
  bool smooth = false;  // smooth finish: r_single is Fresnel's, r_ms is zero
  float eta = 1.5f, alpha = 0.0f;
  float single(float cos_theta) const;
  float ms(float cos_theta) const;
  float reflectance(float cos_theta) const;         // from the air side
  float inside_reflectance(float cos_theta) const;  // from the binder side
};

// `finish` is the interface with its energy tables (eta = binder index > 1).
PaintFinishTable build_paint_finish_table(const DielectricBsdf& finish);

// Light that a directional reflector (a GGX lobe, F = 1) returns towards the finish and the
// finish sends back down bounces again; much of it lies beyond the critical angle, where only
// a rough finish's tilted facets let it out. e[k][i] is the share of the light that entered
// from outside at cosine (i + 0.5) / N (refracted by the flat finish) and leaves after exactly
// k + 1 bounces off the reflector; for k = 0 only what leaves from beyond the critical angle
// counts (the fast path's single-bounce lobe has the rest). With albedo a0 for the first
// bounce (at the entry angle) and a for the others (mostly near the critical angle, where
// trapped light lingers) the escape is E(mu, a0, a) = a0 sum_k a^k e[k](mu), continued
// geometrically past the table by ratio[i]. Each bounce (off the reflector, and off the finish seen
// from below) is a transfer matrix over binder cosine bins: the escape cone's bins are even in the
// outside cosine (the finish's transmittance varies fast near the critical angle), the rest even in
// cosine.
constexpr int kChainEntries = 32;  // in-cone bins, also the table's entries
constexpr int kChainTrapped = 16;  // bins beyond the critical angle
constexpr int kChainBins = kChainEntries + kChainTrapped;
constexpr int kChainTerms = 16;

struct PaintChainTable {
  float e[kChainTerms][kChainEntries] = {};
  float ratio[kChainEntries] = {};
  // E(mu, a0, a) for light entering from outside at cosine mu.
  float escape(float mu, float a0, float a) const;
};

// alpha: the reflector's roughness; alpha_first: the single-bounce lobe's (widened).
PaintChainTable build_paint_chain_table(float alpha, float alpha_first,
                                        const PaintFinishTable& finish);

// Share of a directional reflector's light (a GGX lobe of roughness alpha, F = 1) that leaves
// through the finish directly, for light that came in through it from a diffuse sky: the
// fast path's escape factor e_j (see paint_bsdf.h). 1 without a finish.
float directional_escape(float alpha, const PaintFinishTable* finish, float eta);

// Inside the binder (index eta) the directions seen from the air side along w (both pointing
// away from the surface): tangential components shrink by 1 / eta.
glm::vec3 refract_into_binder(const glm::vec3& w, float eta);
// The reverse; false when w lies outside the escape cone (total internal reflection).
bool refract_out_of_binder(const glm::vec3& w, float eta, glm::vec3* out);

}  // namespace limner
