// Spectrum: a closed set of spectral distributions, evaluated at the path's wavelengths.
// All wavelengths are in nanometres. Spectra are immutable once built (owned by the scene).
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "renderer/spectral/sampled.h"

namespace limner {

struct ConstantSpectrum {
  float value = 0.0f;
};

// Piecewise linear through (lambda, value) pairs, lambda strictly increasing; zero outside.
struct PiecewiseSpectrum {
  std::vector<float> lambda;
  std::vector<float> value;
  float inv_step = 0.0f;  // 1 / spacing when the samples are evenly spaced (O(1) lookup), else 0
};

// Planck's law, scaled so that its maximum over 360-830 nm is 1.
// normalization is an extra factor on that max-1 curve (1 from Spectrum::blackbody); the
// max-1 scaling itself is computed in eval, where it cannot overflow for cold bodies.
struct BlackbodySpectrum {
  float kelvin = 6500.0f;
  float normalization = 1.0f;
};

// Jakob & Hanika 2019: sigmoid(c0 l^2 + c1 l + c2), l in nm. Smooth, bounded in (0, 1),
// exactly flat for grey input (c0 = c1 = 0).
struct RgbAlbedoSpectrum {
  float c0 = 0.0f, c1 = 0.0f, c2 = 0.0f;
};

using SpectrumVariant =
    std::variant<ConstantSpectrum, PiecewiseSpectrum, BlackbodySpectrum, RgbAlbedoSpectrum>;

class Spectrum {
 public:
  Spectrum() : v_(ConstantSpectrum{0.0f}) {}
  explicit Spectrum(SpectrumVariant v) : v_(std::move(v)) {}

  static Spectrum constant(float c);
  static Spectrum piecewise(std::vector<float> lambda, std::vector<float> value);
  static Spectrum blackbody(float kelvin);
  // CIE D-series daylight at a correlated colour temperature (4000-25000 K), from S0/S1/S2.
  static Spectrum daylight(float cct_kelvin);
  // Linear sRGB reflectance in [0,1]^3 to a smooth bounded spectrum (Jakob & Hanika 2019).
  static Spectrum rgb_albedo(float r, float g, float b);
  // A named CIE illuminant ("D65", "A", "F2", "LED-B3", ...); throws std::invalid_argument
  // naming the valid names when unknown. Values are as the CIE tabulates them (A and the D
  // series are 100 at 560 nm), zero outside the table; divide by spectrum_luminance for Y = 1.
  static Spectrum named_illuminant(const std::string& name);
  static bool is_named_illuminant(const std::string& name);
  static std::vector<std::string> illuminant_names();

  float eval(float lambda) const;
  SampledSpectrum sample(const SampledWavelengths& wl) const;
  float max_value() const;  // over 360-830 nm
  float min_value() const;  // over 360-830 nm
  const SpectrumVariant& variant() const { return v_; }

 private:
  SpectrumVariant v_;
};

}  // namespace limner
