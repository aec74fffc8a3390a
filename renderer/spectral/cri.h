// CIE colour rendering index, CIE 13.3-1995 ("Method of measuring and specifying colour
// rendering properties of light sources").
#pragma once
#include <array>

#include "renderer/spectral/spectrum.h"

namespace limner {

struct CriResult {
  double ra;                  // general index: mean of R1..R8
  std::array<double, 14> ri;  // special indices R1..R14 (ri[0] is R1), one per TCS01..TCS14
  double cct_k;               // CCT of the light (Ohno 2013), which picks the reference
};

// Ra and R1..R14 of a light. The reference is a Planckian radiator below 5000 K and CIE
// daylight at or above, at the light's CCT; colours are compared in CIE 1964 U*V*W* after a
// von Kries adaptation in CIE 1960 (c, d) space. Sums run over 380-780 nm at 5 nm, the
// procedure's own sampling, so spectral lines narrower than 5 nm are point sampled.
// CIE 13.3 asks for Duv within 5.4e-3 of the locus for the index to be meaningful; that is
// left to the caller (see cct_ohno2013). Throws std::invalid_argument for a black light or a
// CCT outside 1000-25000 K (the range of the CIE daylight formula's reference).
CriResult color_rendering_index(const Spectrum& light);

}  // namespace limner
