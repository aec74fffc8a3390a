// The layered paint BSDF as a plain value: what material_bsdf resolves for one hit and the
// path's four wavelengths. No heap: pointers only refer to tables owned by the PaintMaterial.
// materials/bsdf/bsdf.h includes this file so that the Bsdf variant can hold a PaintBsdf; the
// functions and the model are in materials/paint/paint_bsdf.h.
#pragma once
#include <array>
#include <cstdint>
#include <variant>

#include "materials/bsdf/bsdf.h"  // the lobe structs (a no-op when bsdf.h includes this file)

namespace limner {

constexpr int kMaxPaintLayers = 8;
// Layers with metal flakes in one paint (each is a directional reflector the fast path keeps
// per hit; the limit keeps the BSDF value small).
constexpr int kMaxPaintFlakeLayers = 3;

// Substrates a paint may cover.
using PaintSubstrateBsdf = std::variant<DiffuseBsdf, ConductorBsdf, DielectricBsdf>;

struct PaintFinishTable;  // materials/paint/paint_bsdf_tables.h
struct PaintChainTable;

// One paint layer at this hit: dimensionless optical thicknesses (coefficient x thickness).
struct PaintSlab {
  SampledSpectrum kd, sd;  // Kubelka-Munk absorption and scattering, K d and S d
  float flake_d = 0.0f;    // flake interception phi d (coverage = 1 - exp(-phi d)); 0: none
  int8_t flake = -1;       // index of its flakes in PaintBsdf::directional, or -1
};

// Something that reflects directionally inside the stack: the substrate when it is a
// conductor or dielectric, or the flakes of a metallic layer. Indices are relative to the
// binder.
struct PaintDirectional {
  int8_t layer = -1;       // -1: the substrate; otherwise the layer holding the flakes
  ConductorBsdf flakes;    // flake layers only (the substrate's lobe is `substrate`)
  float alpha_eff = 0.0f;  // fast path: lobe roughness widened by the finish
  const EnergyTable* energy_eff = nullptr;  // conductor compensation at alpha_eff
  float escape = 1.0f;  // fast path: share of the lobe leaving directly (sampling weight)
  const PaintChainTable* chain = nullptr;  // fast path: bounces under the finish
  SampledSpectrum attenuation;    // fast path: unscattered attenuation there and back (A_j)
  SampledSpectrum albedo;         // fast path: A_j x the lobe's hemispherical albedo
  SampledSpectrum chain_albedo;   // fast path: A_j x F at the critical angle (chain bounces)
  SampledSpectrum chain_average;  // fast path: cosine-weighted mean of the multi-bounce lobe
};

struct PaintBsdf {
  std::array<PaintSlab, kMaxPaintLayers> slabs;  // bottom to top
  int slab_count = 0;
  PaintSubstrateBsdf substrate;
  std::array<PaintDirectional, kMaxPaintFlakeLayers + 1> directional;  // + the substrate
  int directional_count = 0;
  // The finish: a rough dielectric interface binder / air, or none.
  bool has_finish = false;
  DielectricBsdf finish;  // eta = binder index, with its energy tables
  const PaintFinishTable* finish_table = nullptr;
  float k1 = 0.0f, k2 = 0.0f;  // diffuse external / internal reflectance
  SampledSpectrum body;        // fast path: diffuse body weight D
  bool reference = false;      // evaluate by the stochastic walk
  // Over a subsurface bulk (materials/paint/paint_bulk.h): the substrate is the bulk's boundary
  // and the stack transmits diffusely into and out of it.
  bool bulk = false;
  float bulk_ior = 1.0f;        // the bulk's index (relative to air)
  SampledSpectrum bulk_q;       // flux into the bulk per unit flux through the finish
  SampledSpectrum bulk_direct;  // unscattered transmittance of the layers, one way
  float bulk_rho = 0.0f;        // the boundary's diffuse reflectance from the binder
  SampledSpectrum bulk_r_below;  // diffuse reflectance back into the bulk, light from below
};

}  // namespace limner
