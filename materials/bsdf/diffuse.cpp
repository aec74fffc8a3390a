#include "materials/bsdf/diffuse.h"

#include "materials/bsdf/sampling.h"

namespace limner {

SampledSpectrum diffuse_eval(const DiffuseBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  if (!same_side(wo, wi)) return SampledSpectrum(0.0f);
  return b.reflectance * kInvPi;
}

float diffuse_pdf(const glm::vec3& wo, const glm::vec3& wi) {
  return same_side(wo, wi) ? cosine_hemisphere_pdf(wi.z) : 0.0f;
}

std::optional<BsdfSample> diffuse_sample(const DiffuseBsdf& b, const glm::vec3& wo,
                                         const glm::vec2& u) {
  if (wo.z == 0.0f) return std::nullopt;
  glm::vec3 wi = sample_cosine_hemisphere(u);
  if (wo.z < 0.0f) wi.z = -wi.z;  // mirror so the lobe sits on the viewer's side
  float pdf = cosine_hemisphere_pdf(wi.z);
  if (pdf == 0.0f) return std::nullopt;
  BsdfSample s;
  s.f = b.reflectance * kInvPi;
  s.wi = wi;
  s.pdf = pdf;
  return s;
}

}  // namespace limner
