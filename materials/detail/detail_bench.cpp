#include "materials/detail/detail_bench.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

#include "materials/detail/bump.h"
#include "materials/material.h"

namespace limner {

namespace {

constexpr int kHits = 1 << 16;
constexpr int kRepeats = 3;

std::vector<ShadingContext> hits() {
  std::vector<ShadingContext> v(kHits);
  uint32_t s = 777u;
  auto next = [&] {
    s = s * 1664525u + 1013904223u;
    return float(s >> 8) * 0x1p-24f;
  };
  for (ShadingContext& c : v) {
    c.p_object = glm::vec3(next(), next(), next()) * 30.0f;
    float z = 2.0f * next() - 1.0f, phi = 6.2831853f * next(), r = std::sqrt(1.0f - z * z);
    c.ns = c.ng = glm::vec3(r * std::cos(phi), r * std::sin(phi), z);
  }
  return v;
}

template <class F>
double best_ns_per_hit(const std::vector<ShadingContext>& v, F&& f) {
  double best = 1e30;
  volatile float sink = 0.0f;
  for (int r = 0; r < kRepeats; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    float acc = 0.0f;
    for (const ShadingContext& c : v) acc += f(c);
    auto t1 = std::chrono::steady_clock::now();
    sink = sink + acc;
    best = std::min(best, std::chrono::duration<double, std::nano>(t1 - t0).count() / kHits);
  }
  return best;
}

Material two_layer_paint(bool varied) {
  PaintLayer base, glaze;
  base.paint.k_per_mm = Spectrum::constant(40.0f);
  base.paint.s_per_mm = Spectrum::constant(120.0f);
  base.thickness_um = 25.0f;
  glaze.paint.k_per_mm = Spectrum::constant(150.0f);
  glaze.paint.s_per_mm = Spectrum::constant(10.0f);
  glaze.thickness_um = 8.0f;
  if (varied) {
    base.variation = make_layer_variation(NoiseKind::Brush, 0.2f, 0.5f, {0, 1, 0}, 1.0f);
    glaze.variation = make_layer_variation(NoiseKind::Brush, 0.3f, 0.5f, {0, 1, 0}, 1.0f);
  }
  return make_paint({base, glaze}, make_diffuse(Spectrum::constant(0.85f)),
                    paint_finish_preset("satin"));
}

}  // namespace

DetailCost measure_detail_cost() {
  DetailCost out;
  std::vector<ShadingContext> v = hits();
  const NoiseKind kinds[4] = {NoiseKind::Pores, NoiseKind::Weave, NoiseKind::Brush,
                              NoiseKind::Hammered};
  for (int k = 0; k < 4; ++k) {
    Bump b = make_noise_bump(kinds[k], 0.3f, 20.0f, {0, 1, 0});
    out.bump_ns[k] = best_ns_per_hit(v, [&](const ShadingContext& c) {
      glm::vec3 n = c.ns;
      apply_bump(b, c, n);
      return n.x;
    });
  }
  SampledWavelengths wl;
  wl.lambda = {450.0f, 520.0f, 590.0f, 660.0f};
  wl.pdf = {1.0f, 1.0f, 1.0f, 1.0f};
  for (int varied = 0; varied < 2; ++varied) {
    Material m = two_layer_paint(varied != 0);
    double ns = best_ns_per_hit(v, [&](const ShadingContext& c) {
      Bsdf b(std::in_place_type<PaintBsdf>);
      fill_paint_bsdf(std::get<PaintMaterial>(m), wl, c, std::get<PaintBsdf>(b));
      return float(std::get<PaintBsdf>(b).slab_count);
    });
    (varied ? out.paint_varied_ns : out.paint_setup_ns) = ns;
  }
  return out;
}

}  // namespace limner
