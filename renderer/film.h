// The film accumulates CIE 1931 XYZ per pixel (box filter: each sample lands in its pixel).
// Conversion to an output image (white balance, colour space, exposure, tone curve, encoding)
// happens once, when the image is written.
#pragma once
#include <cstdint>
#include <glm/glm.hpp>
#include <string>
#include <vector>

#include "renderer/scene_desc.h"

namespace limner {

struct Film {
  int width = 0, height = 0;
  std::vector<glm::dvec3> xyz_sum;  // per pixel, summed over samples
  std::vector<uint32_t> samples;    // finite samples per pixel
  Film(int w, int h) : width(w), height(h), xyz_sum(size_t(w) * h), samples(size_t(w) * h) {}
  glm::vec3 pixel_xyz(int x, int y) const;  // average
};

// A float image, row-major, top row first, interleaved channels.
struct Image {
  int width = 0, height = 0, channels = 3;
  std::vector<float> data;
  std::vector<std::string> channel_names{"R", "G", "B"};
};

enum class OutputKind { Linear, Display };

// Scene-referred linear image in the film's colour space (white balance and exposure applied).
// `white_xyz` is the white to adapt from (ignored when white balance is none).
Image film_to_linear(const Film& film, const FilmDesc& desc, const glm::vec3& white_xyz);
// Display-referred image in [0, 1]: tone curve (if any) and sRGB encoding.
Image linear_to_display(const Image& linear, const FilmDesc& desc);
// A hue-preserving filmic curve: compresses by the largest channel so colours keep their hue.
glm::vec3 filmic(const glm::vec3& rgb);

}  // namespace limner
