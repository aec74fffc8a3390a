// Lambertian reflection. Two-sided: it reflects on whichever side wo lies, never transmits.
#pragma once
#include <optional>

#include "materials/bsdf/bsdf.h"

namespace limner {

SampledSpectrum diffuse_eval(const DiffuseBsdf& b, const glm::vec3& wo, const glm::vec3& wi);
float diffuse_pdf(const glm::vec3& wo, const glm::vec3& wi);
std::optional<BsdfSample> diffuse_sample(const DiffuseBsdf& b, const glm::vec3& wo,
                                         const glm::vec2& u);

}  // namespace limner
