// Per-hit work on paints must not touch the heap: material_bsdf, bsdf_eval, bsdf_pdf and
// bsdf_sample, for the fast path and the reference walk, are checked with a counting global
// operator new (it replaces the default for this whole test binary; it only counts).
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>

#include "tests/paint/paint_bsdf_test_util.h"

namespace {
std::atomic<long> g_allocations{0};
}

void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace limner {
namespace {

TEST(PaintAllocation, PerHitWorkDoesNotAllocate) {
  PaintLayer base = test::km_layer_of(25, 120, 40), flakes = test::km_layer_of(5, 1, 20);
  base.pooling = 0.5f;
  flakes.paint.flakes = FlakeDesc{"aluminium", 0.6f, 0.3f};
  Material materials[] = {
      make_paint({base, flakes}, make_conductor("gold", 0.2f), paint_finish_preset("satin")),
      make_paint({base}, make_diffuse(Spectrum::constant(0.5f)), paint_finish_preset("gloss"),
                 /*reference=*/true),
      make_paint({base}, make_dielectric(1.6f, 0.1f), paint_finish_preset("none"), true)};
  test::Rng rng(31);
  float sink = 0.0f;
  long before = g_allocations.load();
  for (const Material& m : materials) {
    ShadingContext ctx;
    ctx.cavity = 0.7f;
    Bsdf b = material_bsdf(m, test::test_wavelengths(), ctx);
    for (int i = 0; i < 100; ++i) {
      glm::vec3 wo = test::direction(2.0f * rng.uniform() - 1.0f, 6.28f * rng.uniform());
      glm::vec3 wi = test::direction(2.0f * rng.uniform() - 1.0f, 6.28f * rng.uniform());
      sink += bsdf_eval(b, wo, wi).average() + bsdf_pdf(b, wo, wi);
      if (auto s = bsdf_sample(b, wo, rng.uniform(), rng.uniform2())) sink += s->pdf;
    }
  }
  EXPECT_EQ(g_allocations.load() - before, 0);
  EXPECT_TRUE(std::isfinite(sink));
  before = g_allocations.load();  // the counter itself works
  auto* probe = new volatile int(1);
  delete probe;
  EXPECT_EQ(g_allocations.load() - before, 1);
}

}  // namespace
}  // namespace limner
