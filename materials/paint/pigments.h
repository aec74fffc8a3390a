// Limner's pigment library: lookup by Colour Index name and the absolute scale of the data.
//
// The table (materials/data/pigments_data.h) holds relative K and S, titanium white's S = 1, as
// the Golden data does. Absolute values come from one hiding-power anchor: at the reference
// pvc, titanium white scatters kTitaniumWhiteSPerMm per millimetre of dry film (README.md,
// "Absolute scale"). Mixing is linear in pvc: K_mm = rel_K * kTitaniumWhiteSPerMm * pvc / 0.3.
#pragma once
#include <string>
#include <vector>

#include "materials/data/pigments_data.h"

namespace limner {

// S of titanium white (PW6) at kReferencePvc: a 30 um film hides black with a contrast ratio
// of ~0.97 and a 40 um film with ~0.98 (README.md explains the choice).
constexpr double kTitaniumWhiteSPerMm = 500.0;
constexpr double kReferencePvc = 0.3;

// Saunderson constants of the surface of a paint film as measured d:8 (specular included);
// those published with the Golden data, used for every masstone in Limner.
constexpr double kSaundersonK1 = 0.03;
constexpr double kSaundersonK2 = 0.65;
// The same constants for the surface Limner renders (a binder or varnish of index 1.5): k1 the
// Fresnel reflectance at 8 degrees, k2 the internal diffuse reflectance (km.h computes both).
// A paint given by a measured masstone is inverted with these, so that `limner measure` of an
// opaque coat gives the measurement back (the Golden constants would leave it ~0.04 high).
constexpr double kRenderedK1 = 0.0400;
constexpr double kRenderedK2 = 0.5963;

// The row of a pigment by Colour Index name; case and spaces are ignored ("pb 15:4" finds
// "PB15:4"). Null when unknown.
const PigmentData* find_pigment(const std::string& ci_name);

// Wavelength of sample i of every pigment spectrum (kPigmentLambda0 + i * kPigmentStep).
inline float pigment_lambda(int i) { return kPigmentLambda0 + kPigmentStep * float(i); }
std::vector<float> pigment_lambdas();

// "PW6, PBk9, ..." for error messages.
std::string joined_pigment_names();

}  // namespace limner
