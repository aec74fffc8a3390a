// A minimal ICC v2 display profile (matrix/TRC: three colorants and the sRGB tone curve), so
// that PNG and JPEG files in Display P3 carry their colour space and colour-managed viewers show
// them right. Built from the primaries, not copied from any vendor profile.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace limner {

// Display P3: SMPTE EG 432-1 primaries, D65 white, the sRGB transfer curve (IEC 61966-2-1).
// The colorants are Bradford-adapted to the ICC's D50 connection space, as ICC requires.
std::vector<uint8_t> display_p3_icc_profile();

// The same structure for sRGB (used by tests to compare against the known sRGB colorants).
std::vector<uint8_t> srgb_icc_profile();

}  // namespace limner
