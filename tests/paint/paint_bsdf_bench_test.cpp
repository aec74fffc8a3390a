// The fast path's cost against a diffuse material (printed, not asserted: timings depend on
// the machine and its load). `limner bench` can print the same figures.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "materials/paint/paint_bsdf.h"

namespace limner {
namespace {

TEST(PaintBenchmark, CostPerSampleAgainstDiffuse) {
  double lobes = paint_cost_ratio_vs_diffuse(false);
  double with_setup = paint_cost_ratio_vs_diffuse(true);
  std::printf(
      "paint fast path / diffuse, per BSDF use: eval + pdf + sample %.2fx, "
      "with material_bsdf %.2fx\n",
      lobes, with_setup);
  EXPECT_TRUE(std::isfinite(lobes) && lobes > 0.0);
  EXPECT_TRUE(std::isfinite(with_setup) && with_setup > 0.0);
}

}  // namespace
}  // namespace limner
