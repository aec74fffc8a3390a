// Kubelka-Munk two-flux theory for paint layers, and the Saunderson correction at a paint's
// surface. K and S are the KM absorption and scattering coefficients per unit length (Limner
// uses per millimetre of dry film); d is the thickness in the same unit. All reflectances and
// transmittances here are hemispherical (diffuse light in, all light out).
//
// References: Kubelka & Munk 1931; Kubelka 1948 (hyperbolic solution); Saunderson 1942;
// Judd & Wyszecki, "Color in Business, Science and Industry", ch. on KM theory.
#pragma once

namespace limner {

// Reflectance of an opaque (infinitely thick) layer: R_inf = 1 + K/S - sqrt((K/S)^2 + 2 K/S).
// S = 0 gives 0 (no scattering, nothing comes back); K = 0 gives 1.
double km_r_infinity(double k, double s);

// K/S from an opaque layer's reflectance (the inverse of km_r_infinity): (1 - R)^2 / (2 R).
double km_k_over_s(double r_infinity);

struct KmLayer {
  double r = 0.0;  // reflectance over a black (non-reflecting) background
  double t = 1.0;  // diffuse transmittance
};

// A layer of thickness d with coefficients K and S (Kubelka 1948 hyperbolic solution,
// evaluated without overflow for thick layers; the S -> 0 limit is T = exp(-K d), R = 0).
KmLayer km_layer(double k, double s, double d);

// A layer over a substrate of diffuse reflectance rg (the adding formula for symmetric layers):
// R = R0 + T^2 rg / (1 - R0 rg).
double km_over_substrate(const KmLayer& layer, double rg);

// Two layers stacked: `top` over `bottom` (both symmetric), as one layer.
KmLayer km_stack(const KmLayer& top, const KmLayer& bottom);

// Saunderson (1942): the reflectance seen through the paint's surface, from the KM body
// reflectance R. k1: external (specular) reflectance of the surface for the incident light;
// k2: internal reflectance for diffuse light inside. Includes the specular part k1.
double saunderson(double r_km, double k1, double k2);
// Its inverse: the KM body reflectance from a measured one.
double saunderson_inverse(double r_measured, double k1, double k2);

// Internal diffuse reflectance of a smooth interface from inside a medium of index n to air
// (hemispherical average of Fresnel over cosine-weighted directions inside), e.g. ~0.60 for 1.5.
double internal_diffuse_reflectance(double n);
// External diffuse reflectance (cosine-weighted hemispherical Fresnel average) from air.
double external_diffuse_reflectance(double n);

}  // namespace limner
