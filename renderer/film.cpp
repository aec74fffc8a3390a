#include "renderer/film.h"

#include <algorithm>
#include <cmath>

#include "renderer/spectral/color.h"

namespace limner {

glm::vec3 Film::pixel_xyz(int x, int y) const {
  size_t i = size_t(y) * width + x;
  return samples[i] ? glm::vec3(xyz_sum[i] / double(samples[i])) : glm::vec3(0.0f);
}

namespace {

glm::mat3 output_matrix(const FilmDesc& desc, const glm::vec3& white_xyz) {
  glm::mat3 adapt(1.0f);
  if (desc.white_balance != WhiteBalanceKind::None && white_xyz.y > 0.0f)
    adapt = bradford_adaptation(white_xyz / white_xyz.y, srgb_white_xyz());
  if (desc.color_space == "xyz") return adapt;
  if (desc.color_space == "display-p3") return xyz_to_display_p3() * adapt;
  return xyz_to_linear_srgb() * adapt;
}

}  // namespace

Image film_to_linear(const Film& film, const FilmDesc& desc, const glm::vec3& white_xyz) {
  Image img;
  img.width = film.width;
  img.height = film.height;
  if (desc.color_space == "xyz") img.channel_names = {"X", "Y", "Z"};
  img.data.resize(size_t(film.width) * film.height * 3);
  glm::mat3 m = output_matrix(desc, white_xyz) * std::exp2(desc.exposure_ev);
  for (int y = 0; y < film.height; ++y)
    for (int x = 0; x < film.width; ++x) {
      glm::vec3 c = m * film.pixel_xyz(x, y);
      float* out = &img.data[(size_t(y) * film.width + x) * 3];
      out[0] = c.x;
      out[1] = c.y;
      out[2] = c.z;
    }
  return img;
}

glm::vec3 filmic(const glm::vec3& rgb) {
  // Out-of-gamut negatives are clipped first; then a smooth shoulder on the max channel
  // (x / (1 + x) style, with a linear toe kept near 1:1 for mid-greys).
  glm::vec3 c = glm::max(rgb, glm::vec3(0.0f));
  float m = std::max({c.r, c.g, c.b});
  if (m <= 0.0f) return c;
  const float a = 2.51f, b = 0.03f, cc = 2.43f, d = 0.59f, e = 0.14f;  // Narkowicz's ACES fit
  float mm = m * 0.6f;
  float t = std::clamp((mm * (a * mm + b)) / (mm * (cc * mm + d) + e), 0.0f, 1.0f);
  return c * (t / m);
}

Image linear_to_display(const Image& linear, const FilmDesc& desc) {
  Image img = linear;
  bool tone = desc.tonemap == "filmic";
  for (size_t i = 0; i + 2 < img.data.size(); i += 3) {
    glm::vec3 c(img.data[i], img.data[i + 1], img.data[i + 2]);
    c = tone ? filmic(c) : glm::clamp(c, 0.0f, 1.0f);
    for (int k = 0; k < 3; ++k) img.data[i + k] = srgb_encode(std::clamp(c[k], 0.0f, 1.0f));
  }
  return img;
}

}  // namespace limner
