#include "materials/material.h"

#include <cmath>
#include <stdexcept>

#include "materials/bsdf/energy_table.h"
#include "materials/bsdf/microfacet.h"
#include "materials/data/metals.h"
#include "materials/detail/vertex_color.h"

namespace limner {

namespace {

void check_roughness(float roughness) {
  if (!std::isfinite(roughness) || roughness < 0.0f)
    throw std::invalid_argument("roughness must be a finite number >= 0, got " +
                                std::to_string(roughness));
}

Spectrum tabulated(const float* values) {
  std::vector<float> lambda(kMetalNkSamples), v(values, values + kMetalNkSamples);
  for (int i = 0; i < kMetalNkSamples; ++i) lambda[i] = kMetalNkLambda0 + kMetalNkStep * i;
  return Spectrum::piecewise(std::move(lambda), std::move(v));
}

std::string joined_metal_names() {
  std::string s;
  for (const std::string& n : metal_names()) s += (s.empty() ? "" : ", ") + n;
  return s;
}

}  // namespace

Material make_diffuse(Spectrum reflectance) { return DiffuseMaterial{std::move(reflectance)}; }

Material make_conductor(Spectrum eta, Spectrum k, float roughness) {
  check_roughness(roughness);
  ConductorMaterial m{std::move(eta), std::move(k), roughness, nullptr};
  if (!is_smooth_alpha(roughness))
    m.energy = std::make_shared<const EnergyTable>(build_conductor_energy_table(roughness));
  return m;
}

Material make_conductor(const std::string& metal, float roughness) {
  const MetalNk* nk = find_metal_nk(metal);
  if (!nk)
    throw std::invalid_argument("unknown metal \"" + metal +
                                "\"; valid metals: " + joined_metal_names() +
                                " (\"aluminum\" is accepted for \"aluminium\")");
  return make_conductor(tabulated(nk->n), tabulated(nk->k), roughness);
}

Material make_dielectric(float ior, float roughness) {
  if (!std::isfinite(ior) || ior <= 0.0f)
    throw std::invalid_argument("ior must be a finite number > 0, got " + std::to_string(ior));
  check_roughness(roughness);
  DielectricMaterial m{ior, roughness, nullptr, nullptr};
  if (!is_smooth_alpha(roughness) && ior != 1.0f) {
    m.energy_outside = std::make_shared<const EnergyTable>(
        build_dielectric_energy_table(ior, roughness, /*outside=*/true));
    m.energy_inside = std::make_shared<const EnergyTable>(
        build_dielectric_energy_table(ior, roughness, /*outside=*/false));
  }
  return m;
}

bool is_known_metal(const std::string& name) { return find_metal_nk(name) != nullptr; }

Bsdf material_bsdf(const Material& m, const SampledWavelengths& wl, const ShadingContext& ctx) {
  struct Visitor {
    const SampledWavelengths& wl;
    const ShadingContext& ctx;
    Bsdf operator()(const DiffuseMaterial& d) const {
      if (d.vertex_color && ctx.has_vertex_color)
        return DiffuseBsdf{vertex_color_reflectance(ctx.vertex_color, wl)};
      if (d.reflectance_tex.valid() && ctx.textures)
        return DiffuseBsdf{eval_texture_reflectance(d.reflectance_tex, wl, ctx)};
      return DiffuseBsdf{d.reflectance.sample(wl)};
    }
    Bsdf operator()(const ConductorMaterial& c) const {
      return ConductorBsdf{c.eta.sample(wl), c.k.sample(wl), c.roughness, c.energy.get()};
    }
    Bsdf operator()(const DielectricMaterial& d) const {
      return DielectricBsdf{d.ior, d.roughness, d.energy_outside.get(), d.energy_inside.get()};
    }
    Bsdf operator()(const PaintMaterial& p) const {
      Bsdf b(std::in_place_type<PaintBsdf>);  // filled in place: a PaintBsdf is large
      fill_paint_bsdf(p, wl, ctx, std::get<PaintBsdf>(b));
      return b;
    }
    Bsdf operator()(const FabricMaterial& f) const {
      Bsdf b(std::in_place_type<FabricBsdf>);
      fill_fabric_bsdf(f, wl, ctx, std::get<FabricBsdf>(b));
      return b;
    }
    Bsdf operator()(const SubsurfaceMaterial& s) const {  // the boundary; the bulk is walked
      return DielectricBsdf{s.ior, s.roughness, s.energy_outside.get(), s.energy_inside.get()};
    }
  };
  return std::visit(Visitor{wl, ctx}, m);
}

}  // namespace limner
