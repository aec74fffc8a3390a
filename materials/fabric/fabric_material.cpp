#include "materials/fabric/fabric_material.h"

#include <cmath>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "materials/bsdf/sheen.h"

namespace limner {

Material make_fabric(Material base, Spectrum sheen_color, float sheen_roughness) {
  if (!std::isfinite(sheen_roughness) || sheen_roughness < 0.0f || sheen_roughness > 1.0f)
    throw std::invalid_argument("sheen_roughness must lie in [0, 1], got " +
                                std::to_string(sheen_roughness));
  if (std::holds_alternative<FabricMaterial>(base))
    throw std::invalid_argument(
        "the base of a fabric may not itself be a fabric (one sheen layer per surface)");
  FabricMaterial m;
  m.base = std::make_shared<const Material>(std::move(base));
  m.sheen_color = std::move(sheen_color);
  m.sheen_roughness = sheen_roughness;
  m.tables = std::make_shared<const SheenTables>(build_sheen_tables(sheen_roughness));
  return m;
}

void fill_fabric_bsdf(const FabricMaterial& m, const SampledWavelengths& wl,
                      const ShadingContext& ctx, FabricBsdf& out) {
  out.sheen = SheenBsdf{m.sheen_color.sample(wl), m.tables.get()};
  if (const auto* p = std::get_if<PaintMaterial>(m.base.get())) {
    fill_paint_bsdf(*p, wl, ctx, out.base.emplace<PaintBsdf>());  // in place: it is large
    return;
  }
  Bsdf base = material_bsdf(*m.base, wl, ctx);
  std::visit(
      [&](auto& b) {
        using T = std::decay_t<decltype(b)>;
        // Every non-fabric, non-paint alternative is a FabricBaseBsdf alternative.
        if constexpr (std::is_constructible_v<FabricBaseBsdf, T> &&
                      !std::is_same_v<T, FabricBsdf>)
          out.base = std::move(b);
        else
          out.base = DiffuseBsdf{SampledSpectrum(0.0f)};  // excluded by make_fabric
      },
      base);
}

}  // namespace limner
