// Linear sRGB reflectance -> Jakob-Hanika sigmoid coefficients by table lookup, for textures:
// Spectrum::rgb_albedo fits per call (milliseconds), far too slow per texel. As pbrt-v4's
// RGBToSpectrumTable: for each choice of the largest component m (r, g or b), a grid over
// z = rgb[m] (nodes denser near 0 and 1) and x = rgb[m+1] / z, y = rgb[m+2] / z, each node
// holding the fitted coefficients (c0, c1, c2 in nm, as RgbAlbedoSpectrum), interpolated
// trilinearly. Grey input is exact (a flat spectrum), as Spectrum::rgb_albedo. The nodes are
// fitted along z from a cold fit at z = 0.2, each warm-started from its neighbour (as pbrt's
// rgb2spec_opt), which is several times faster than a cold fit per node.
#pragma once
#include <glm/glm.hpp>
#include <vector>

#include "renderer/spectral/spectrum.h"

namespace limner {

class RgbSpectrumTable {
 public:
  // Fits every node (resolution^3 * 3 fits, spread over `threads` threads).
  RgbSpectrumTable(int resolution, int threads);
  // rgb is clamped to [0, 1].
  RgbAlbedoSpectrum lookup(glm::vec3 rgb) const;
  int resolution() const { return res_; }
  double build_seconds() const { return build_seconds_; }

  // The process-wide table (resolution kDefaultResolution), built on first use (thread-safe).
  static const RgbSpectrumTable& shared();
  static constexpr int kDefaultResolution = 24;

 private:
  float z_node(int i) const { return z_nodes_[size_t(i)]; }
  const glm::vec3& at(int m, int zi, int yi, int xi) const {
    return coeffs_[((size_t(m) * res_ + size_t(zi)) * res_ + size_t(yi)) * res_ + size_t(xi)];
  }
  int res_;
  std::vector<float> z_nodes_;
  std::vector<glm::vec3> coeffs_;
  double build_seconds_ = 0.0;
};

// Defined in rgb_albedo.cpp: the Jakob-Hanika fit of rgb (not grey), warm-started from the
// t-space coefficients of a nearby colour (updated to this fit's), or cold when !warm.
RgbAlbedoSpectrum rgb_albedo_fit_from(const glm::dvec3& rgb, glm::dvec3& t_coeffs, bool warm);

// sigmoid(c0 l^2 + c1 l + c2) at the path's wavelengths.
SampledSpectrum sample_rgb_albedo(const RgbAlbedoSpectrum& s, const SampledWavelengths& wl);

}  // namespace limner
