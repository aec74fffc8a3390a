// Paints: what a painter mixes, as Kubelka-Munk coefficients of the dry film.
//
// Units: K and S per millimetre of dry film. A paint is defined by a mix of pigments from
// Limner's pigment library (by Colour Index name, parts by volume), by a measured masstone
// reflectance, or by K and S directly. Limner's starter set names ~40 paints a miniature
// painter expects, each a pigment mix.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "renderer/spectral/spectrum.h"

namespace limner {

// Metal flakes suspended in the binder (metallic paints).
struct FlakeDesc {
  std::string metal;        // a named metal of materials/material.h ("aluminium", "brass", ...)
  float coverage = 0.0f;    // fraction of the layer's area a flake covers, in (0, 1]
  float roughness = 0.3f;   // GGX alpha of the flakes' orientation spread
};

struct PaintCoefficients {
  Spectrum k_per_mm;  // KM absorption per mm of dry film
  Spectrum s_per_mm;  // KM scattering per mm of dry film
  FlakeDesc flakes;   // coverage 0: no flakes
};

// Pigment library -------------------------------------------------------------------------
bool is_known_pigment(const std::string& ci_name);  // "PW6", "PR101", ...
std::vector<std::string> pigment_names();

// Mixes pigments by parts by volume (normalised to fractions). `pvc` is the pigment volume
// concentration of the dry film (0 < pvc <= 1; default per binder); `binder` names the binder
// ("acrylic" default). Throws std::invalid_argument naming the offending pigment or value
// (unknown pigment, negative parts, parts summing to zero, pvc out of range).
PaintCoefficients mix_pigments(const std::map<std::string, float>& parts, float pvc = 0.0f,
                               const std::string& binder = "acrylic");

// A paint known by its masstone (opaque) reflectance as measured with the specular component
// included (d:8). Removes the Saunderson surface terms, derives K/S per wavelength and sets the
// absolute scale from a typical hiding power. Throws std::invalid_argument when the reflectance
// cannot be inverted (values outside (0, 1) after the Saunderson correction).
PaintCoefficients paint_from_reflectance(const Spectrum& masstone);

// Limner's starter set ---------------------------------------------------------------------
bool is_named_paint(const std::string& name);
std::vector<std::string> named_paints();
// Throws std::invalid_argument listing similar names when unknown.
PaintCoefficients named_paint(const std::string& name);

}  // namespace limner
