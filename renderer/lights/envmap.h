// Environment maps: radiance tabulated over a latitude-longitude image, each texel a linear
// combination of three basis spectra (RGB images: smooth red, green and blue bands under D65;
// the sky: the CIE daylight basis S0, S1, S2). Importance sampled by a piecewise-constant 2D
// distribution over the image, proportional to texel luminance times sin(theta).
//
// Mapping (y up): row 0 is straight up, the last row straight down; the image centre column
// looks along -z, the column at 3/4 of the width along +x (a panorama seen from inside, as a
// camera looking along -z sees it). rotate_deg turns the map about +y, positive turning +z
// toward +x.
#pragma once
#include <array>
#include <memory>
#include <vector>

#include "renderer/lights/distribution.h"
#include "renderer/lights/env_image.h"
#include "renderer/spectral/spectrum.h"

namespace limner {

struct EnvMapData {
  int width = 0, height = 0;
  // Per texel values; the weights of the three basis spectra are to_weights * value (for an
  // RGB image the pixels themselves, shared with the image, so no copy of a 4k map is made).
  std::shared_ptr<const std::vector<glm::vec3>> texels;
  glm::mat3 to_weights{1.0f};
  std::vector<float> basis;           // 3 basis spectra at 1 nm from kLambdaMin, interleaved
  glm::vec3 basis_y{0.0f};            // luminance of each basis spectrum
  Distribution2D dist;
  float mean_y = 0.0f;                // luminance averaged over the sphere (solid angle)
  Spectrum mean_spectrum;             // solid-angle averaged spectrum (for white balance)

  SampledSpectrum eval_texel(size_t texel, const SampledWavelengths& wl) const;
  glm::vec3 weights(size_t texel) const { return to_weights * (*texels)[texel]; }
};

// Builds the sampling tables. texels has width * height non-negative entries; basis holds
// three spectra.
std::shared_ptr<const EnvMapData> make_envmap_data(
    int width, int height, std::shared_ptr<const std::vector<glm::vec3>> texels,
    const glm::mat3& to_weights, const std::array<Spectrum, 3>& basis);
// An RGB (linear Rec. 709) image: texel luminance Y = 0.2126 R + 0.7152 G + 0.0722 B, as is.
// A grey texel becomes exactly that multiple of D65 (normalised to Y = 1).
// Negative pixels must have been clipped (read_environment_image does).
std::shared_ptr<const EnvMapData> envmap_from_rgb(std::shared_ptr<const EnvImage> img);
// The three RGB basis spectra (D65 times smooth bands summing to 1) and the matrix from
// linear sRGB to their weights.
std::array<Spectrum, 3> rgb_basis_spectra();
glm::mat3 rgb_to_basis_weights();

// Direction (map frame) <-> image coordinates in [0, 1)^2.
glm::vec3 envmap_direction(const glm::vec2& uv);
glm::vec2 envmap_uv(const glm::vec3& dir);

}  // namespace limner
