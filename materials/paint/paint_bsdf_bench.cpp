// paint_cost_ratio_vs_diffuse: a micro-benchmark of the paint fast path against a diffuse
// material, timing what a path vertex does with its BSDF (paint_bsdf.h).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

#include "materials/material.h"
#include "materials/paint/paint_bsdf.h"
#include "renderer/frame.h"

namespace limner {

namespace {

constexpr int kVertices = 1 << 16;
constexpr int kRepeats = 5;

// A smooth spectrum tabulated every 10 nm, as measured paint data are.
Spectrum tabulated(float base, float slope) {
  std::vector<float> lambda, value;
  for (float l = 360.0f; l <= 830.0f; l += 10.0f) {
    lambda.push_back(l);
    value.push_back(std::max(0.0f, base + slope * (l - 550.0f) / 100.0f));
  }
  return Spectrum::piecewise(std::move(lambda), std::move(value));
}

// A base coat over a white primer with a wash on top, satin varnish.
Material typical_paint() {
  PaintLayer base, wash;
  base.paint.k_per_mm = tabulated(40.0f, -10.0f);
  base.paint.s_per_mm = tabulated(120.0f, -20.0f);
  base.thickness_um = 25.0f;
  wash.paint.k_per_mm = tabulated(150.0f, 30.0f);
  wash.paint.s_per_mm = tabulated(10.0f, 0.0f);
  wash.thickness_um = 6.0f;
  wash.pooling = 0.8f;
  return make_paint({base, wash}, make_diffuse(Spectrum::constant(0.85f)),
                    paint_finish_preset("satin"));
}

struct Vertex {
  SampledWavelengths wl;
  glm::vec3 wo, wi;
  float uc;
  glm::vec2 u;
};

// Deterministic inputs (a simple LCG; only spread matters here).
std::vector<Vertex> vertices() {
  std::vector<Vertex> v(kVertices);
  uint32_t s = 12345u;
  auto next = [&] {
    s = s * 1664525u + 1013904223u;
    return static_cast<float>(s >> 8) * 0x1p-24f;
  };
  auto dir = [&] {
    float z = next(), phi = 2.0f * kPi * next(), r = std::sqrt(1.0f - z * z);
    return glm::vec3(r * std::cos(phi), r * std::sin(phi), z);
  };
  for (Vertex& x : v) {
    float l = 380.0f + 350.0f * next();
    x.wl.lambda = {l, l + 60.0f, l + 120.0f, l + 180.0f};
    x.wl.pdf = {1.0f, 1.0f, 1.0f, 1.0f};
    x.wo = dir();
    x.wi = dir();
    x.uc = next();
    x.u = {next(), next()};
  }
  return v;
}

// Best of kRepeats runs, in seconds.
double seconds_per_run(const Material& m, const std::vector<Vertex>& v, bool with_setup) {
  double best = 1e30;
  volatile float sink = 0.0f;
  Bsdf fixed = material_bsdf(m, v[0].wl);
  for (int r = 0; r < kRepeats; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    float acc = 0.0f;
    for (const Vertex& x : v) {
      Bsdf local = with_setup ? material_bsdf(m, x.wl) : Bsdf();
      const Bsdf& b = with_setup ? local : fixed;
      acc += bsdf_eval(b, x.wo, x.wi)[0] + bsdf_pdf(b, x.wo, x.wi);
      if (auto s = bsdf_sample(b, x.wo, x.uc, x.u)) acc += s->pdf;
    }
    auto t1 = std::chrono::steady_clock::now();
    sink = sink + acc;
    best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
  }
  return best;
}

}  // namespace

double paint_cost_ratio_vs_diffuse(bool with_setup) {
  std::vector<Vertex> v = vertices();
  Material diffuse = make_diffuse(tabulated(0.5f, 0.1f));
  Material paint = typical_paint();
  double t_diffuse = seconds_per_run(diffuse, v, with_setup);
  double t_paint = seconds_per_run(paint, v, with_setup);
  return t_paint / t_diffuse;
}

}  // namespace limner
