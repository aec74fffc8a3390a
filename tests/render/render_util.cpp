#include "render/render_util.h"

#include "renderer/spectral/color.h"

namespace limner::test {

std::unique_ptr<Scene> scene_from_json(const std::string& json) {
  return build_scene(parse_scene(Json::parse(json), "test.json"));
}

Film render_json(const std::string& json, int threads) {
  auto scene = scene_from_json(json);
  Film film(scene->film.width, scene->film.height);
  RenderOptions opts;
  opts.threads = threads;
  render(*scene, film, opts);
  return film;
}

glm::dvec3 mean_xyz(const Film& f, int x0, int y0, int x1, int y1) {
  glm::dvec3 sum(0.0);
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) sum += glm::dvec3(f.pixel_xyz(x, y));
  return sum / double((x1 - x0) * (y1 - y0));
}

glm::dvec3 mean_srgb(const Film& f, int x0, int y0, int x1, int y1) {
  return glm::dmat3(xyz_to_linear_srgb()) * mean_xyz(f, x0, y0, x1, y1);
}

}  // namespace limner::test
