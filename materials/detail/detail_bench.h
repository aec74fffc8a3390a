// Per-hit cost of procedural detail, for `limner bench` (tools/bench_command.cpp).
#pragma once

namespace limner {

struct DetailCost {
  double bump_ns[4] = {0, 0, 0, 0};  // apply_bump per hit: pores, weave, brush, hammered
  double paint_setup_ns = 0.0;       // a two-layer paint's BSDF set-up per hit, plain
  double paint_varied_ns = 0.0;      // the same with brush variation on both layers
};

// Best of a few runs over 65536 deterministic hit points, single thread.
DetailCost measure_detail_cost();

}  // namespace limner
