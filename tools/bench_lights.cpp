// Benchmark figure for environment lights: building the importance-sampling tables of a 4k
// (4096 x 2048) latitude-longitude map, RGB texels to spectra included, file reading excluded.
#include "tools/bench_lights.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "renderer/lights/envmap.h"

namespace limner {

double envmap_table_seconds(int width, int height) {
  auto image = std::make_shared<EnvImage>();
  EnvImage& img = *image;
  img.width = width;
  img.height = height;
  img.rgb.resize(size_t(width) * size_t(height));
  // A sky-like gradient with a few bright patches: every texel differs, nothing is constant.
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      float v = float(y) / float(height), u = float(x) / float(width);
      float patch = (std::fmod(u * 7.0f, 1.0f) < 0.05f && v < 0.4f) ? 50.0f : 0.0f;
      img.rgb[size_t(y) * size_t(width) + size_t(x)] =
          glm::vec3(0.2f + u, 0.3f + 0.5f * v, 0.8f - 0.5f * v) + patch;
    }
  double best = 1e30;
  for (int run = 0; run < 3; ++run) {
    auto t0 = std::chrono::steady_clock::now();
    auto data = envmap_from_rgb(image);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (data->mean_y > 0.0f) best = std::min(best, s);
  }
  return best;
}

}  // namespace limner
