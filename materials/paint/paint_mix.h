// Mixing pigments into a paint film, inverting a measured masstone, and the measurements a
// paint maker uses to check a paint (masstone, contrast ratio). Implements mix_pigments and
// paint_from_reflectance of paint.h; every spectrum here is sampled on the pigment grid
// (360-830 nm at 10 nm) and linear in between.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

#include "materials/data/pigments_data.h"
#include "materials/paint/paint.h"

namespace limner {

// Pigment volume concentration of an acrylic film when none is given: a typical artists' and
// miniature acrylic (README.md, "Binder and pvc").
constexpr float kDefaultAcrylicPvc = 0.3f;

// A paint known only by its masstone gets the hiding of titanium white at the default pvc:
// contrast ratio kTypicalContrastRatio at kTypicalHidingUm (README.md, "Measured paints").
constexpr double kTypicalHidingUm = 30.0;
constexpr double kTypicalContrastRatio = 0.97;
// Reflectance of the white half of a hiding-power chart (the black half is taken as 0).
constexpr double kHidingChartWhite = 0.80;

struct PigmentFraction {
  const PigmentData* pigment = nullptr;
  double fraction = 0.0;  // of the pigment volume; fractions sum to 1
};

// K and S of a film with the given pigment fractions at pigment volume concentration `pvc`,
// unchecked. pvc = 0 (or no pigments) is a clear binder: K = S = 0.
PaintCoefficients mix_pigment_fractions(const std::vector<PigmentFraction>& fractions,
                                        double pvc);

// Parts by volume -> fractions; throws std::invalid_argument naming an unknown pigment, a
// negative or non-finite part, or parts summing to zero.
std::vector<PigmentFraction> normalised_parts(const std::map<std::string, float>& parts);

// Masstone (opaque film) reflectance as a d:8 instrument with the specular part included reads
// it: R_inf of K and S through the Saunderson surface. Flakes are ignored.
Spectrum masstone_reflectance(const PaintCoefficients& paint);

// Reflectance of a film of `thickness_um` over a diffuse substrate `substrate`, with the same
// Saunderson surface.
Spectrum film_reflectance(const PaintCoefficients& paint, double thickness_um, double substrate);

// Luminance factor Y (CIE 1931 2-degree, D65; perfect white = 1) of a reflectance spectrum,
// from its values on the pigment grid.
double luminance_d65(const Spectrum& reflectance);

// CIELAB (CIE 1931 2-degree observer) of a reflectance under a named CIE illuminant ("D65",
// "D50", ...), relative to that illuminant's own white.
glm::vec3 reflectance_lab(const Spectrum& reflectance, const std::string& illuminant = "D65");

// Hiding power: Y of the film over black / Y over the kHidingChartWhite white, D65.
double contrast_ratio(const PaintCoefficients& paint, double thickness_um);

}  // namespace limner
