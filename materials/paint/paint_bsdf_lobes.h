// The paint fast path's lobes (the model is described in materials/paint/paint_bsdf.h).
// Internal to materials/paint: every function expects wo.z > 0 (paint_bsdf.cpp mirrors pairs
// below the surface) and wi in any direction.
#pragma once
#include <optional>

#include "materials/bsdf/bsdf.h"

namespace limner {

SampledSpectrum fast_eval(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi);
float fast_pdf(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi);
std::optional<BsdfSample> fast_sample(const PaintBsdf& b, const glm::vec3& wo, float uc,
                                      const glm::vec2& u);

// True when directional entry d's lobe, seen through the finish, is a mirror.
bool directional_is_delta(const PaintBsdf& b, const PaintDirectional& d);

// Reflectance of the finish from the air side at cos(theta) = mu (0 without a finish).
float finish_reflectance(const PaintBsdf& b, float mu);

// Albedo, from a direction of cosine mu outside, of directional entry d's multiple bounces
// under the finish (the light enters, then leaves after two or more bounces off d).
SampledSpectrum multi_bounce_escape(const PaintBsdf& b, const PaintDirectional& d, float mu);
// Albedo of d's bounces in the chain after the first (needs d.attenuation).
SampledSpectrum chain_bounce_albedo(const PaintBsdf& b, const PaintDirectional& d);

}  // namespace limner
