// Correlated colour temperature and distance from the Planckian locus (Duv).
#pragma once
#include <glm/glm.hpp>

namespace limner {

struct CctResult {
  double cct_k;  // correlated colour temperature, kelvin
  double duv;    // signed distance from the Planckian locus in CIE 1960 uv; > 0 above (greener)
};

// CIE 1960 UCS chromaticity (u, v) of an XYZ triple; (0, 0) for black.
glm::dvec2 xyz_to_uv_1960(const glm::dvec3& xyz);

// (u, v) of a Planckian radiator at kelvin, integrated with the CIE 1931 2-degree CMFs
// (360-830 nm at 1 nm) and c2 = 1.4388e-2 m K, the value CIE 015 prescribes.
glm::dvec2 planckian_uv_1960(double kelvin);

// Ohno 2013, "Practical use and calculation of CCT and Duv" (LEUKOS 10(1)): nearest point on
// the Planckian locus by a cascade of ever finer locus tables, then the triangular solution
// (parabolic when |Duv| >= 0.002). Valid for 1000-100000 K; a colour whose solution falls
// outside that range gets the nearer end (cct_k = 1000 or 100000) and its distance from that
// end point as |duv|. Throws std::invalid_argument for black or non-finite input.
CctResult cct_ohno2013(const glm::dvec3& xyz);

}  // namespace limner
