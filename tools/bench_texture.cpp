#include "tools/bench_texture.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <time.h>

#include "renderer/image/texture_oiio.h"
#include "renderer/render.h"
#include "renderer/scene_parse.h"
#include "renderer/spectral/rgb_table.h"

namespace limner {

namespace {

// The demo scene at the bench's size; `textured` false swaps the albedo map for a constant
// colour of about its mean, the roughness map for its mean and drops the normal map.
Json head_scene(int size, int spp, bool textured) {
  Json doc = read_json_file(std::string(LIMNER_SOURCE_DIR) + "/scenes/textured_head.json");
  doc["film"]["width"] = size;
  doc["film"]["height"] = size;
  doc["film"]["spp"] = spp;
  doc["camera"].erase("f_number");
  if (!textured) {
    doc["materials"]["skin scan"]["reflectance"] = Json{{"rgb", {0.45, 0.3, 0.22}}};
    doc["materials"]["skin"].erase("normal_map");
    doc["materials"]["skin"]["finish"] = Json{{"roughness", 0.35}, {"ior", 1.5}};
  }
  return doc;
}

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

// Samples per CPU second (all threads) of one render: CPU time, unlike wall time, does not
// count the time other processes hold the cores.
double samples_per_cpu_second(const Scene& scene, int threads) {
  Film film(scene.film.width, scene.film.height);
  RenderOptions opts;
  opts.threads = threads;
  const double c0 = cpu_seconds();
  RenderStats rs = render(scene, film, opts);
  return double(rs.paths) / (cpu_seconds() - c0);
}

}  // namespace

TextureBenchFigures bench_textures(int threads, int size, int spp) {
  TextureBenchFigures f;
  auto t0 = std::chrono::steady_clock::now();
  RgbSpectrumTable::shared();  // built once per process, not part of the per-sample cost
  f.table_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const std::string file = std::string(LIMNER_SOURCE_DIR) + "/scenes/textured_head.json";
  auto textured = build_scene(parse_scene(head_scene(size, spp, true), file),
                              make_oiio_texture_backend());
  auto plain = build_scene(parse_scene(head_scene(size, spp, false), file),
                           make_oiio_texture_backend());
  // Alternating, best of three each: the machine may be shared, and this compares like with like.
  for (int i = 0; i < 3; ++i) {
    f.untextured_sps = std::max(f.untextured_sps, samples_per_cpu_second(*plain, threads));
    f.textured_sps = std::max(f.textured_sps, samples_per_cpu_second(*textured, threads));
  }
  f.ratio = f.untextured_sps / f.textured_sps;
  TextureMemory m = textured->textures->memory();
  f.pyramid_mb = double(m.file_bytes) / (1024.0 * 1024.0);
  f.cache_mb = double(m.cache_bytes) / (1024.0 * 1024.0);
  return f;
}

}  // namespace limner
