// Microfibre sheen: the "Charlie" distribution of Estevez & Kulla 2017 ("Production friendly
// microfacet sheen BRDF", Sony Pictures Imageworks) with its exact Smith shadowing-masking.
//
// Fibres standing out of the cloth are modelled as a microfacet surface whose normals lie
// mostly sideways: D(m) = (2 + 1/r) sin(theta_m)^(1/r) / (2 pi), normalised so that
// int D(m) cos(theta_m) dm = 1; r in (0, 1] is the roughness (small r: fibres stand straight,
// the velvet's bright rim at grazing angles; r = 1: a broad, soft felt-like haze).
// Shadowing-masking: Smith's G1(w) = mu / sigma(mu), sigma(mu) = int <w, m>+ D(m) dm the
// projected area of the microsurface (computed, not fitted: the azimuth integral is closed
// form, the polar one a 1D quadrature, tabulated per material), and the height-correlated
// G2 = 1 / (1 + Lambda_o + Lambda_i), Lambda = sigma / mu - 1. The lobe (no Fresnel: fibres
// scatter, they do not mirror) then simplifies to
//   f_sheen(wo, wi) = color D(h) / (4 (sigma_o mu_i + sigma_i mu_o - mu_i mu_o)),
// bounded at grazing angles and reciprocal. Being single scattering off a microsurface with
// Smith masking its albedo never exceeds 1 (the simpler Ashikhmin visibility
// 1 / (4 (mu_i + mu_o - mu_i mu_o)), i.e. sigma = 1, reflects up to 1.56 at grazing for r = 0.05).
// Estevez & Kulla fit a softened Lambda to the same integral; we use the integral itself.
//
// Its directional albedo A(mu) (color 1) is tabulated once per material by a deterministic
// quadrature (build_sheen_tables); the fabric layering (materials/fabric/fabric_bsdf.h)
// uses it to take from the base the energy the sheen reflects.
//
// Sampling: uniform over the hemisphere on wo's side (pdf 1 / (2 pi)). The lobe is broad and
// peaks at grazing angles, where cosine sampling would be poor; f |cos| / pdf stays bounded.
#pragma once
#include <optional>

#include "materials/bsdf/bsdf.h"

namespace limner {

// Below this r the lobe's peak is too sharp for the 32-entry albedo table and uniform
// sampling; smaller sheen_roughness values behave as this one.
constexpr float kMinSheenRoughness = 0.05f;

float clamp_sheen_roughness(float r);

// The Charlie distribution for a half vector of cosine cos_h (roughness already clamped).
float charlie_d(float cos_h, float r);
// sigma(mu) = int <w, m>+ D(m) dm for a direction of cosine mu (Smith: G1 = mu / sigma).
double charlie_projected_area(float mu, float r);
// f_sheen with color 1 for directions on the same side (0 otherwise).
float sheen_value(const SheenTables& t, const glm::vec3& wo, const glm::vec3& wi);

SampledSpectrum sheen_eval(const SheenBsdf& s, const glm::vec3& wo, const glm::vec3& wi);
float sheen_pdf(const glm::vec3& wo, const glm::vec3& wi);
// A uniform direction on wo's side (u in [0,1)^2).
glm::vec3 sheen_sample_direction(const glm::vec3& wo, const glm::vec2& u);

// Sheen albedo per wavelength: color x A(|wo.z|).
SampledSpectrum sheen_albedo(const SheenBsdf& s, float cos_o);

// For sheen_roughness r: sigma(mu) and A(mu) = int f_sheen(wo, wi) |cos theta_i| dwi (color 1)
// at the EnergyTable's cosines, with A's cosine-weighted average e_avg = 2 int A(mu) mu dmu.
SheenTables build_sheen_tables(float roughness);

}  // namespace limner
