#pragma once

namespace limner {

// Best of three: seconds to build an envmap light's tables (spectral texels and the 2D
// sampling distribution) for a width x height map held in memory.
double envmap_table_seconds(int width = 4096, int height = 2048);

}  // namespace limner
