// Small scenes rendered in-process for transport tests.
#pragma once
#include <string>

#include "renderer/film.h"
#include "renderer/render.h"
#include "renderer/scene.h"
#include "renderer/scene_parse.h"

namespace limner::test {

std::unique_ptr<Scene> scene_from_json(const std::string& json);
Film render_json(const std::string& json, int threads = 0);
// Mean of the film's XYZ over a pixel window [x0, x1) x [y0, y1).
glm::dvec3 mean_xyz(const Film& f, int x0, int y0, int x1, int y1);
// Mean linear sRGB (no white balance) over the same window.
glm::dvec3 mean_srgb(const Film& f, int x0, int y0, int x1, int y1);

}  // namespace limner::test
