// `limner bench --subsurface`: the silicone-bust demo at a small size, subsurface against the
// same scene with a diffuse material of similar colour: samples/s and the time each needs to
// reach 2 % relative RMSE against its own converged image.
#pragma once
#include <string>

namespace limner {

// Prints the table; writes JSON to `stats_path` when it is not empty.
void run_subsurface_bench(int threads, const std::string& stats_path);

}  // namespace limner
