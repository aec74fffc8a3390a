// Per-hit work must not touch the heap: material_bsdf, bsdf_eval, bsdf_pdf and bsdf_sample
// are checked with a counting global operator new (it replaces the default for this whole
// test binary; it only counts).
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>

#include "materials/material.h"
#include "tests/materials/bsdf_test_util.h"

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

TEST(Allocation, PerHitWorkDoesNotAllocate) {
  Material materials[] = {make_diffuse(Spectrum::constant(0.5f)), make_conductor("gold", 0.0f),
                          make_conductor("copper", 0.3f), make_dielectric(1.5f, 0.0f),
                          make_dielectric(1.5f, 0.5f)};
  SampledWavelengths wl;
  wl.lambda = {420.0f, 520.0f, 620.0f, 720.0f};
  wl.pdf = {1.0f, 1.0f, 1.0f, 1.0f};
  test::Rng rng(31);
  float sink = 0.0f;
  long before = g_allocations.load();
  for (const Material& m : materials) {
    Bsdf b = material_bsdf(m, wl);
    for (int i = 0; i < 200; ++i) {
      glm::vec3 wo = test::direction(2.0f * rng.uniform() - 1.0f, 6.28f * rng.uniform());
      glm::vec3 wi = test::direction(2.0f * rng.uniform() - 1.0f, 6.28f * rng.uniform());
      sink += bsdf_eval(b, wo, wi).average() + bsdf_pdf(b, wo, wi);
      if (auto s = bsdf_sample(b, wo, rng.uniform(), rng.uniform2(), TransportMode::Importance))
        sink += s->pdf;
    }
  }
  EXPECT_EQ(g_allocations.load() - before, 0);
  EXPECT_TRUE(std::isfinite(sink));
  // The counter itself works (otherwise the check above would pass vacuously).
  before = g_allocations.load();
  auto* probe = new volatile int(1);
  delete probe;
  EXPECT_EQ(g_allocations.load() - before, 1);
}

}  // namespace
}  // namespace limner
