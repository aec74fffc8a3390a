#include "materials/paint/paint_stack.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>

#include "materials/bsdf/energy_table.h"
#include "materials/bsdf/microfacet.h"
#include "materials/medium/medium.h"
#include "materials/paint/paint_bsdf.h"
#include "materials/paint/paint_bsdf_tables.h"
#include "materials/texture/texture_paint.h"

namespace limner {

// Per-material precomputation shared by every hit.
struct PaintFlakeTables {
  bool active = false;
  Spectrum eta, k;                                // of the metal, relative to vacuum
  float alpha = 0.0f;                             // the flakes' own roughness (reference walk)
  std::shared_ptr<const EnergyTable> energy;      // at alpha
  float alpha_eff = 0.0f;                         // widened by the finish (fast path)
  std::shared_ptr<const EnergyTable> energy_eff;  // at alpha_eff
  float escape = 1.0f;
  std::shared_ptr<const PaintChainTable> chain;
  float depth_per_um = 0.0f;  // phi: -ln(1 - coverage) per um of the nominal layer
};

// The finish's tables depend on its roughness and index only: shared between materials.
struct PaintFinishTables {
  EnergyTable outside, inside;  // the DielectricBsdf's energy compensation
  PaintFinishTable table;
};

struct PaintTables {
  bool has_finish = false;
  std::shared_ptr<const PaintFinishTables> finish;
  std::vector<PaintFlakeTables> flakes;  // per layer
  float substrate_alpha_eff = 0.0f;
  std::shared_ptr<const EnergyTable> substrate_energy_eff;
  float substrate_escape = 1.0f;
  std::shared_ptr<const PaintChainTable> substrate_chain;
  std::vector<std::shared_ptr<const PaintFinishTables>> finish_levels;  // textured roughness
};

namespace {

// Keeps the flakes' interception finite (coverage 1 would be an opaque metal sheet).
constexpr float kMaxCoverage = 0.9999f;

struct Preset {
  const char* name;
  PaintFinish finish;
};
const Preset kPresets[] = {{"none", {true, 0.0f, 1.5f}},
                           {"matte", {false, 0.6f, 1.5f}},
                           {"satin", {false, 0.25f, 1.5f}},
                           {"gloss", {false, 0.03f, 1.5f}}};

bool finish_present(const PaintFinish& f) { return !f.none && f.ior > 1.0f; }
float binder_index(const PaintFinish& f) { return finish_present(f) ? f.ior : 1.0f; }

std::string layer_name(size_t i) { return "paint layer " + std::to_string(i) + ": "; }

void check_layer(const PaintLayer& l, size_t i) {
  auto fail = [&](const std::string& what) { throw std::invalid_argument(layer_name(i) + what); };
  if (!std::isfinite(l.thickness_um) || l.thickness_um < 0.0f)
    fail("thickness_um must be a finite number >= 0, got " + std::to_string(l.thickness_um));
  if (!(l.pooling >= 0.0f && l.pooling <= 1.0f)) fail("pooling must lie in [0, 1]");
  if (!(l.edge >= 0.0f && l.edge <= 1.0f)) fail("edge must lie in [0, 1]");
  if (!(l.paint.k_per_mm.min_value() >= 0.0f) || !(l.paint.s_per_mm.min_value() >= 0.0f))
    fail("K and S must not be negative");
  const FlakeDesc& f = l.paint.flakes;
  if (!(f.coverage >= 0.0f && f.coverage <= 1.0f)) fail("flake coverage must lie in [0, 1]");
  if (f.coverage > 0.0f && !(f.roughness >= 0.0f && std::isfinite(f.roughness)))
    fail("flake roughness must be a finite number >= 0");
}

void check_finish(const PaintFinish& f) {
  if (f.none) return;
  if (!std::isfinite(f.roughness) || f.roughness < 0.0f)
    throw std::invalid_argument("paint finish roughness must be a finite number >= 0");
  if (!std::isfinite(f.ior) || f.ior < 1.0f)
    throw std::invalid_argument("paint finish ior must be a finite number >= 1");
}

// The finish widens a directional lobe seen through it (see paint_bsdf.h); at normal
// incidence, where the widening is least (the lobes widen more towards grazing).
float widened_alpha(float alpha, const PaintFinish& f) {
  if (!finish_present(f)) return alpha;
  float spread = (f.ior - 1.0f) / (std::sqrt(2.0f) * f.ior) * f.roughness;
  return std::sqrt(alpha * alpha + spread * spread);
}

std::shared_ptr<const EnergyTable> conductor_table(float alpha) {
  if (is_smooth_alpha(alpha)) return nullptr;
  return std::make_shared<const EnergyTable>(build_conductor_energy_table(alpha));
}

// Multiple bounces under the finish; none without a finish or for a mirror (whose bounces
// stay in the mirror direction: paint_bsdf_lobes.cpp sums them in closed form).
std::shared_ptr<const PaintChainTable> chain_table(float alpha, float alpha_eff,
                                                   const PaintFinishTable* ft) {
  if (!ft || is_smooth_alpha(alpha_eff)) return nullptr;
  return std::make_shared<const PaintChainTable>(build_paint_chain_table(alpha, alpha_eff, *ft));
}

PaintFlakeTables flake_tables(const PaintLayer& l, size_t i, const PaintTables& t,
                              const PaintFinish& finish) {
  PaintFlakeTables out;
  const FlakeDesc& f = l.paint.flakes;
  if (!(f.coverage > 0.0f) || !(l.thickness_um > 0.0f)) return out;
  Material metal;
  try {
    metal = make_conductor(f.metal, f.roughness);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(layer_name(i) + "flakes: " + e.what());
  }
  const auto& c = std::get<ConductorMaterial>(metal);
  out.active = true;
  out.eta = c.eta;
  out.k = c.k;
  out.alpha = f.roughness;
  out.energy = c.energy;
  out.alpha_eff = widened_alpha(f.roughness, finish);
  out.energy_eff = conductor_table(out.alpha_eff);
  const PaintFinishTable* ft = t.has_finish ? &t.finish->table : nullptr;
  out.escape = directional_escape(out.alpha_eff, ft, binder_index(finish));
  out.chain = chain_table(out.alpha, out.alpha_eff, ft);
  out.depth_per_um = -std::log(1.0f - std::min(f.coverage, kMaxCoverage)) / l.thickness_um;
  return out;
}

void build_substrate_tables(const Material& substrate, const PaintFinish& finish, PaintTables* t) {
  float alpha = 0.0f;
  if (auto* c = std::get_if<ConductorMaterial>(&substrate)) alpha = c->roughness;
  if (auto* d = std::get_if<DielectricMaterial>(&substrate)) alpha = d->roughness;
  if (auto* s = std::get_if<SubsurfaceMaterial>(&substrate)) alpha = s->roughness;
  if (std::holds_alternative<DiffuseMaterial>(substrate)) return;  // not directional
  t->substrate_alpha_eff = widened_alpha(alpha, finish);
  if (std::holds_alternative<ConductorMaterial>(substrate))
    t->substrate_energy_eff = conductor_table(t->substrate_alpha_eff);
  const PaintFinishTable* ft = t->has_finish ? &t->finish->table : nullptr;
  t->substrate_escape = directional_escape(t->substrate_alpha_eff, ft, binder_index(finish));
  t->substrate_chain = chain_table(alpha, t->substrate_alpha_eff, ft);
}

std::shared_ptr<const PaintFinishTables> build_finish_tables(float alpha, float ior) {
  auto t = std::make_shared<PaintFinishTables>();
  DielectricBsdf d{ior, alpha, nullptr, nullptr};
  if (!is_smooth_alpha(alpha)) {
    t->outside = build_dielectric_energy_table(ior, alpha, /*outside=*/true);
    t->inside = build_dielectric_energy_table(ior, alpha, /*outside=*/false);
    d.energy_outside = &t->outside;
    d.energy_inside = &t->inside;
  }
  t->table = build_paint_finish_table(d);
  return t;
}

// Materials with the same finish share its tables (building them takes ~50 ms); entries
// live as long as some material holds them.
std::shared_ptr<const PaintFinishTables> shared_finish_tables(float alpha, float ior) {
  static std::mutex mutex;
  static std::map<std::pair<float, float>, std::weak_ptr<const PaintFinishTables>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  std::weak_ptr<const PaintFinishTables>& slot = cache[{alpha, ior}];
  std::shared_ptr<const PaintFinishTables> t = slot.lock();
  if (!t) {
    t = build_finish_tables(alpha, ior);
    slot = t;
  }
  return t;
}

std::shared_ptr<const PaintTables> build_tables(const PaintMaterial& m) {
  auto t = std::make_shared<PaintTables>();
  t->has_finish = finish_present(m.finish);
  if (t->has_finish) t->finish = shared_finish_tables(m.finish.roughness, m.finish.ior);
  for (size_t i = 0; i < m.layers.size(); ++i)
    t->flakes.push_back(flake_tables(m.layers[i], i, *t, m.finish));
  build_substrate_tables(*m.substrate, m.finish, t.get());
  return t;
}

}  // namespace

PaintFinish paint_finish_preset(const std::string& name) {
  for (const Preset& p : kPresets)
    if (name == p.name) return p.finish;
  throw std::invalid_argument("unknown paint finish \"" + name +
                              "\"; valid finishes: none, matte, satin, gloss");
}

bool is_paint_finish_preset(const std::string& name) {
  for (const Preset& p : kPresets)
    if (name == p.name) return true;
  return false;
}

Material make_paint(std::vector<PaintLayer> layers, Material substrate, PaintFinish finish,
                    bool reference) {
  if (layers.size() > static_cast<size_t>(kMaxPaintLayers))
    throw std::invalid_argument("a paint has at most " + std::to_string(kMaxPaintLayers) +
                                " layers, got " + std::to_string(layers.size()));
  if (std::holds_alternative<PaintMaterial>(substrate))
    throw std::invalid_argument(
        "a paint's substrate must be a diffuse, conductor, dielectric or subsurface material "
        "(paint over paint: list the layers of both in one paint)");
  if (std::holds_alternative<FabricMaterial>(substrate))
    throw std::invalid_argument("a paint's substrate may not be a fabric (put the fabric over "
                                "the paint instead)");
  int flake_layers = 0;
  for (size_t i = 0; i < layers.size(); ++i) {
    check_layer(layers[i], i);
    if (layers[i].paint.flakes.coverage > 0.0f && layers[i].thickness_um > 0.0f) ++flake_layers;
  }
  if (flake_layers > kMaxPaintFlakeLayers)
    throw std::invalid_argument("a paint has at most " + std::to_string(kMaxPaintFlakeLayers) +
                                " layers with metal flakes, got " + std::to_string(flake_layers));
  check_finish(finish);
  PaintMaterial m;
  m.layers = std::move(layers);
  m.substrate = std::make_shared<const Material>(std::move(substrate));
  m.finish = finish;
  m.reference = reference;
  m.tables = build_tables(m);
  return m;
}

float layer_thickness_um(const PaintLayer& l, const ShadingContext& ctx) {
  float cavity = std::clamp(ctx.cavity, 0.0f, 1.0f);
  float pooled = layer_base_thickness_um(l, ctx) * (1.0f - l.pooling + l.pooling * 2.5f * cavity);
  pooled = std::max(0.0f, pooled);
  pooled *= layer_variation(l.variation, l.pooling, ctx);
  float x = std::clamp((ctx.convexity - 0.55f) / (0.8f - 0.55f), 0.0f, 1.0f);
  float smooth = x * x * (3.0f - 2.0f * x);
  return pooled * ((1.0f - l.edge) + l.edge * smooth);
}

namespace {

// The substrate's BSDF as seen from the binder (index n): indices become relative to it. A
// dielectric's tables belong to its own index, so under paint it goes uncompensated.
PaintSubstrateBsdf substrate_bsdf(const Material& m, const SampledWavelengths& wl, float n,
                                  const ShadingContext& ctx) {
  Bsdf b = material_bsdf(m, wl, ctx);
  if (auto* c = std::get_if<ConductorBsdf>(&b)) {
    ConductorBsdf r = *c;
    r.eta /= n;
    r.k /= n;
    return r;
  }
  if (auto* d = std::get_if<DielectricBsdf>(&b))
    return DielectricBsdf{d->eta / n, d->alpha, nullptr, nullptr};
  if (auto* d = std::get_if<DiffuseBsdf>(&b)) return *d;
  return DiffuseBsdf{SampledSpectrum(0.0f)};  // unreachable: make_paint rejects paint
}

void add_substrate_entry(PaintBsdf& b, const PaintTables& t) {
  auto* d = std::get_if<DielectricBsdf>(&b.substrate);
  bool directional = std::holds_alternative<ConductorBsdf>(b.substrate) || (d && d->eta != 1.0f);
  if (!directional) return;
  PaintDirectional& e = b.directional[b.directional_count++];
  e.layer = -1;
  e.alpha_eff = t.substrate_alpha_eff;
  e.energy_eff = t.substrate_energy_eff.get();
  e.escape = t.substrate_escape;
  e.chain = t.substrate_chain.get();
}

void add_slab(PaintBsdf& b, const PaintLayer& l, const PaintFlakeTables& ft,
              const SampledWavelengths& wl, const ShadingContext& ctx, float n) {
  PaintSlab& s = b.slabs[b.slab_count];
  float d_um = layer_thickness_um(l, ctx);
  float d_mm = d_um * 1e-3f;
  s.kd = l.paint.k_per_mm.sample(wl) * d_mm;
  s.sd = l.paint.s_per_mm.sample(wl) * d_mm;
  for (int i = 0; i < kLambdas; ++i) {
    s.kd[i] = std::max(0.0f, s.kd[i]);
    s.sd[i] = std::max(0.0f, s.sd[i]);
  }
  s.flake_d = 0.0f;
  s.flake = -1;
  if (ft.active && d_um > 0.0f) {
    s.flake_d = ft.depth_per_um * d_um;
    s.flake = static_cast<int8_t>(b.directional_count);
    PaintDirectional& e = b.directional[b.directional_count++];
    e.layer = static_cast<int8_t>(b.slab_count);
    e.flakes = ConductorBsdf{ft.eta.sample(wl) / n, ft.k.sample(wl) / n, ft.alpha, ft.energy.get()};
    e.alpha_eff = ft.alpha_eff;
    e.energy_eff = ft.energy_eff.get();
    e.escape = ft.escape;
    e.chain = ft.chain.get();
  }
  ++b.slab_count;
}

// The finish at this hit's textured roughness: the nearest of the precomputed levels (the level's
// own alpha, so the BSDF and its tables agree).
void textured_finish(const PaintMaterial& m, const PaintTables& t, const ShadingContext& ctx,
                     float n, PaintBsdf& b) {
  const float top = m.finish.roughness_tex.scale;
  const int last = int(t.finish_levels.size()) - 1;
  const float a = std::clamp(eval_texture_float(m.finish.roughness_tex, ctx), 0.0f, top);
  const int i = top > 0.0f ? int(std::lround(a / top * float(last))) : 0;
  const float alpha = top * float(i) / float(last);
  const PaintFinishTables& f = *t.finish_levels[size_t(i)];
  const bool rough = !is_smooth_alpha(alpha);
  b.finish = DielectricBsdf{n, alpha, rough ? &f.outside : nullptr, rough ? &f.inside : nullptr};
  b.finish_table = &f.table;
  b.k1 = f.table.k1;
  b.k2 = f.table.k2;
}

}  // namespace

void set_finish_roughness_texture(PaintMaterial& m, const TextureRef& tex) {
  m.finish.roughness_tex = tex;
  if (!m.tables || !m.tables->has_finish) return;
  auto t = std::make_shared<PaintTables>(*m.tables);
  for (int i = 0; i < kFinishRoughnessLevels; ++i)
    t->finish_levels.push_back(shared_finish_tables(
        tex.scale * float(i) / float(kFinishRoughnessLevels - 1), m.finish.ior));
  m.tables = t;
}

PaintBsdf paint_material_bsdf(const PaintMaterial& m, const SampledWavelengths& wl,
                              const ShadingContext& ctx) {
  PaintBsdf b;
  fill_paint_bsdf(m, wl, ctx, b);
  return b;
}

void fill_paint_bsdf(const PaintMaterial& m, const SampledWavelengths& wl,
                     const ShadingContext& ctx, PaintBsdf& b) {
  const PaintTables& t = *m.tables;
  b.reference = m.reference;
  b.has_finish = t.has_finish;
  float n = binder_index(m.finish);
  if (b.has_finish) {
    bool rough = !is_smooth_alpha(m.finish.roughness);
    b.finish = DielectricBsdf{n, m.finish.roughness, rough ? &t.finish->outside : nullptr,
                              rough ? &t.finish->inside : nullptr};
    b.finish_table = &t.finish->table;
    b.k1 = t.finish->table.k1;
    b.k2 = t.finish->table.k2;
  }
  if (!t.finish_levels.empty() && ctx.textures) textured_finish(m, t, ctx, n, b);
  b.substrate = substrate_bsdf(*m.substrate, wl, n, ctx);
  // Over a subsurface bulk the substrate is its boundary (a DielectricBsdf relative to the
  // binder) and light crosses it (materials/paint/paint_bulk.h).
  const auto* bulk = std::get_if<SubsurfaceMaterial>(m.substrate.get());
  b.bulk = bulk != nullptr;
  b.bulk_ior = bulk ? bulk->ior : 1.0f;
  b.slab_count = 0;
  b.directional_count = 0;
  add_substrate_entry(b, t);
  for (size_t i = 0; i < m.layers.size(); ++i) add_slab(b, m.layers[i], t.flakes[i], wl, ctx, n);
  paint_prepare_fast_path(b);
}

}  // namespace limner
