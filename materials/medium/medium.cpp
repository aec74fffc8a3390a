#include "materials/medium/medium.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "materials/bsdf/energy_table.h"
#include "materials/bsdf/microfacet.h"
#include "materials/material.h"

namespace limner {

MediumCoefficients sample_medium(const HomogeneousMedium& m, const SampledWavelengths& wl) {
  MediumCoefficients c;
  c.sigma_a = m.sigma_a.sample(wl);
  c.sigma_s = m.sigma_s.sample(wl);
  c.sigma_t = c.sigma_a + c.sigma_s;
  c.g = m.g;
  return c;
}

float invert_albedo(float a) {
  a = std::clamp(a, 0.0f, 1.0f);
  double x = 4.09712 + 4.20863 * a - std::sqrt(9.59217 + 41.6808 * a + 17.7126 * a * a);
  return float(std::clamp(1.0 - x * x, 0.0, 1.0));
}

void coefficients_from_albedo(float color, float mfp_mm, float g, float* sigma_a,
                              float* sigma_s) {
  float alpha = invert_albedo(color);
  float sigma_t = 1.0f / mfp_mm;
  *sigma_a = (1.0f - alpha) * sigma_t;
  *sigma_s = alpha * sigma_t / (1.0f - g);
}

SubsurfaceMaterial make_subsurface_material(HomogeneousMedium medium, float ior,
                                            float roughness) {
  if (!std::isfinite(medium.g) || medium.g <= -1.0f || medium.g >= 1.0f)
    throw std::invalid_argument("g must lie in (-1, 1), got " + std::to_string(medium.g));
  if (medium.sigma_a.min_value() < 0.0f)
    throw std::invalid_argument("sigma_a_per_mm must not be negative");
  if (medium.sigma_s.min_value() < 0.0f)
    throw std::invalid_argument("sigma_s_per_mm must not be negative");
  if (!std::isfinite(ior) || ior <= 0.0f)
    throw std::invalid_argument("ior must be a finite number > 0, got " + std::to_string(ior));
  if (!std::isfinite(roughness) || roughness < 0.0f)
    throw std::invalid_argument("roughness must be a finite number >= 0");
  medium.boundary_ior = ior;
  medium.boundary_alpha = roughness;
  SubsurfaceMaterial m{std::move(medium), ior, roughness, nullptr, nullptr};
  if (!is_smooth_alpha(roughness) && ior != 1.0f) {
    m.energy_outside = std::make_shared<const EnergyTable>(
        build_dielectric_energy_table(ior, roughness, /*outside=*/true));
    m.energy_inside = std::make_shared<const EnergyTable>(
        build_dielectric_energy_table(ior, roughness, /*outside=*/false));
  }
  return m;
}

// Which medium a transmission into a surface of this material enters: the subsurface bulk, or
// the bulk under paint layers whose substrate is subsurface.
const HomogeneousMedium* interior_medium(const Material& m) {
  if (const auto* s = std::get_if<SubsurfaceMaterial>(&m)) return &s->medium;
  if (const auto* p = std::get_if<PaintMaterial>(&m))
    return p->substrate ? interior_medium(*p->substrate) : nullptr;
  if (const auto* f = std::get_if<FabricMaterial>(&m))  // a sheen over a bulk
    return f->base ? interior_medium(*f->base) : nullptr;
  return nullptr;
}

}  // namespace limner
