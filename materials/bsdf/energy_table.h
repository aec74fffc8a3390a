// Builders of the Kulla-Conty energy tables (EnergyTable is declared in bsdf.h).
//
// Each entry is a single-scattering directional albedo integrated by a deterministic
// quadrature: a midpoint grid over the unit square pushed through visible-normal sampling,
// where the estimator of the albedo is Fresnel x G2 / G1(wo) (the sampling weight of the lobe),
// a smooth function of the grid point. Building one table takes well under 10 ms.
#pragma once
#include "materials/bsdf/bsdf.h"

namespace limner {

// Albedo of the GGX conductor lobe with F = 1 (what the multiple-scattering lobe restores).
EnergyTable build_conductor_energy_table(float alpha);

// Total (reflection + transmission, in energy) albedo of a rough dielectric interface of
// relative index eta (n(z<0) / n(z>0)) for wo on the side z > 0 (outside) or z < 0.
EnergyTable build_dielectric_energy_table(float eta, float alpha, bool outside);

}  // namespace limner
