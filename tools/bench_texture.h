// The texture figures of `limner bench`: the textured head (albedo map and normal map) against
// the same scene untextured, and the memory the texture files take.
#pragma once

namespace limner {

struct TextureBenchFigures {
  double textured_sps = 0.0, untextured_sps = 0.0;  // samples per CPU second (all threads)
  double ratio = 0.0;                               // untextured / textured time per sample
  double pyramid_mb = 0.0;  // every mip level of every texture, as the files' pixel format
  double cache_mb = 0.0;    // what OIIO's tile cache holds after the render
  double table_seconds = 0.0;  // building the RGB -> spectrum coefficient table (once)
};

TextureBenchFigures bench_textures(int threads, int size, int spp);

}  // namespace limner
