#include "medium/medium_util.h"

#include <unistd.h>

#include <cstdio>

#include "renderer/sampler.h"
#include "renderer/scene_parse.h"

namespace limner::test {

std::unique_ptr<Scene> scene_from_json(const std::string& json) {
  return build_scene(parse_scene(Json::parse(json), "test.json"));
}

std::string sphere_in_environment(const std::string& material, float radius) {
  return R"({"camera": {"from": [0, 0, 50], "to": [0, 0, 0]},
    "film": {"max_depth": 1024},
    "lights": [{"type": "environment", "spectrum": 1, "scale": 1}],
    "materials": {"m": )" + material + R"(},
    "objects": [{"sphere": {"center": [0, 0, 0], "radius": )" + std::to_string(radius) +
         R"(}, "material": "m"}]})";
}

SampledSpectrum mean_radiance(const Scene& scene, const SampledWavelengths& wl, float half,
                              int n, uint64_t seed) {
  SampledSpectrum sum(0.0f);
  PathCounters c;
  for (int i = 0; i < n; ++i) {
    Sampler s(0, 0, uint32_t(i), seed);
    glm::vec2 u = s.get2d();
    Ray ray{{(2.0f * u.x - 1.0f) * half, (2.0f * u.y - 1.0f) * half, 100.0f}, {0, 0, -1}};
    sum += trace_path(scene, ray, wl, s, c);
  }
  return sum / float(n);
}

SampledWavelengths wavelengths(float l0, float l1, float l2, float l3) {
  SampledWavelengths wl;
  wl.lambda = {l0, l1, l2, l3};
  wl.pdf = {1.0f, 1.0f, 1.0f, 1.0f};
  return wl;
}

std::string box_obj(float half, float half_thickness) {
  static int count = 0;
  std::string path = "/tmp/limner_medium_box_" + std::to_string(::getpid()) + "_" +
                     std::to_string(count++) + ".obj";
  std::FILE* f = std::fopen(path.c_str(), "w");
  for (int i = 0; i < 8; ++i)
    std::fprintf(f, "v %g %g %g\n", (i & 1) ? half : -half, (i & 2) ? half : -half,
                 (i & 4) ? half_thickness : -half_thickness);
  // Outward counter-clockwise faces of the cube with corners indexed by (x, y, z) bits.
  std::fputs("f 1 3 4 2\nf 5 6 8 7\nf 1 2 6 5\nf 3 7 8 4\nf 1 5 7 3\nf 2 4 8 6\n", f);
  std::fclose(f);
  return path;
}

Material subsurface(float sigma_a, float sigma_s, float g, float ior, float roughness) {
  HomogeneousMedium m{Spectrum::constant(sigma_a), Spectrum::constant(sigma_s), g};
  return make_subsurface_material(m, ior, roughness);
}

}  // namespace limner::test
