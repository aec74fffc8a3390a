// Homogeneous scattering media inside closed objects (the `subsurface` material).
//
// Coefficients are per millimetre (scene lengths are millimetres). A medium is described by its
// absorption and scattering spectra and a Henyey-Greenstein asymmetry g; the `color` + `mfp_mm`
// form is turned into coefficients per wavelength when the material is made (albedo inversion,
// see invert_albedo below).
#pragma once
#include <memory>
#include <string>

#include "materials/bsdf/bsdf.h"
#include "renderer/spectral/spectrum.h"

namespace limner {

struct HomogeneousMedium {
  Spectrum sigma_a, sigma_s;  // per mm
  float g = 0.0f;             // Henyey-Greenstein asymmetry, in (-1, 1)
  // The boundary that light-aimed walk steps assume (aimed_step.h): only a sampling hint, any
  // value keeps walks unbiased; set from the material's ior and roughness.
  float boundary_ior = 1.0f, boundary_alpha = 0.0f;
};

// The medium at the path's four wavelengths.
struct MediumCoefficients {
  SampledSpectrum sigma_a, sigma_s, sigma_t;
  float g = 0.0f;
};

MediumCoefficients sample_medium(const HomogeneousMedium& m, const SampledWavelengths& wl);

// A closed object filled with a medium behind a (rough) dielectric boundary. The boundary is
// the plain dielectric BSDF; the medium is entered by any transmission into the object.
struct SubsurfaceMaterial {
  HomogeneousMedium medium;
  float ior = 1.41f;
  float roughness = 0.05f;  // GGX alpha of the boundary
  std::shared_ptr<const EnergyTable> energy_outside, energy_inside;
};

// Multiple-scattering albedo A of a semi-infinite, index-matched medium -> single-scattering
// albedo alpha, van de Hulst's approximation in the form Christensen & Burley (2015) fit:
//   alpha = 1 - (4.09712 + 4.20863 A - sqrt(9.59217 + 41.6808 A + 17.7126 A^2))^2.
// Input is clamped to [0, 1]. tests/medium checks the round trip against the slab walk.
float invert_albedo(float multiple_scattering_albedo);

// Coefficients from the albedo-style inputs at one wavelength: sigma_t' = 1 / mfp (mfp is the
// transport mean free path), alpha' = invert_albedo(color); then sigma_a = (1 - alpha') sigma_t'
// and sigma_s = alpha' sigma_t' / (1 - g), so the reduced scattering sigma_s (1 - g) is what
// the colour asks for whatever g is (similarity relation).
void coefficients_from_albedo(float color, float mfp_mm, float g, float* sigma_a,
                              float* sigma_s);

// Builds the material; throws std::invalid_argument (message without key) for impossible
// values: negative coefficients, g outside (-1, 1), ior <= 0, roughness < 0.
SubsurfaceMaterial make_subsurface_material(HomogeneousMedium medium, float ior,
                                            float roughness);

}  // namespace limner
