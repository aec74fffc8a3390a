#include "materials/bsdf/dielectric.h"

#include <algorithm>
#include <cmath>

#include "materials/bsdf/fresnel.h"
#include "materials/bsdf/microfacet.h"
#include "materials/bsdf/sampling.h"

namespace limner {

namespace {

// Average missing energy below which a side's compensation is treated as absent (avoids
// dividing by a vanishing a_avg or b_avg; the energy left out is at most this much).
constexpr float kMinMissing = 1e-4f;

// n(wi side) / n(wo side) for a pair on opposite sides.
float relative_eta(const DielectricBsdf& b, const glm::vec3& wo) {
  return wo.z > 0.0f ? b.eta : 1.0f / b.eta;
}

// The facet normal that scatters wo into wi (Walter et al. 2007's generalised half vector),
// oriented to z > 0, or nothing when no facet can (grazing, or a facet seen from behind).
struct HalfVector {
  glm::vec3 wm;
  float etap;  // 1 for reflection
  bool reflection;
};

std::optional<HalfVector> half_vector(const DielectricBsdf& b, const glm::vec3& wo,
                                      const glm::vec3& wi) {
  if (wo.z == 0.0f || wi.z == 0.0f) return std::nullopt;
  HalfVector h;
  h.reflection = same_side(wo, wi);
  h.etap = h.reflection ? 1.0f : relative_eta(b, wo);
  glm::vec3 wm = wi * h.etap + wo;
  float len2 = glm::dot(wm, wm);
  if (!(len2 > 0.0f)) return std::nullopt;
  wm /= std::sqrt(len2);
  if (wm.z < 0.0f) wm = -wm;
  // Both directions must see the facet from the side of the macro surface they lie on.
  if (glm::dot(wm, wi) * wi.z < 0.0f || glm::dot(wm, wo) * wo.z < 0.0f) return std::nullopt;
  h.wm = wm;
  return h;
}

float single_eval(const DielectricBsdf& b, const glm::vec3& wo, const glm::vec3& wi,
                  TransportMode mode) {
  auto h = half_vector(b, wo, wi);
  if (!h) return 0.0f;
  Ggx ggx{b.alpha};
  float fr = fresnel_dielectric(glm::dot(wo, h->wm), b.eta);
  float dg = ggx.d(h->wm) * ggx.g(wo, wi);
  if (h->reflection) return dg * fr / std::fabs(4.0f * wo.z * wi.z);
  float dot_i = glm::dot(wi, h->wm), dot_o = glm::dot(wo, h->wm);
  float denom = dot_i + dot_o / h->etap;
  float ft = dg * (1.0f - fr) * std::fabs(dot_i * dot_o / (denom * denom * wi.z * wo.z));
  // Radiance is compressed into the smaller solid angle of the denser side.
  if (mode == TransportMode::Radiance) ft /= h->etap * h->etap;
  return ft;
}

float single_pdf(const DielectricBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  auto h = half_vector(b, wo, wi);
  if (!h) return 0.0f;
  float fr = fresnel_dielectric(glm::dot(wo, h->wm), b.eta);
  float vndf = Ggx{b.alpha}.d_visible(wo, h->wm);
  float dot_o = glm::dot(wo, h->wm);
  if (h->reflection) return vndf / (4.0f * std::fabs(dot_o)) * fr;
  float dot_i = glm::dot(wi, h->wm);
  float denom = dot_i + dot_o / h->etap;
  return vndf * std::fabs(dot_i) / (denom * denom) * (1.0f - fr);
}

std::optional<glm::vec3> sample_single(const DielectricBsdf& b, const glm::vec3& wo, float uc,
                                       const glm::vec2& u) {
  glm::vec3 wm = Ggx{b.alpha}.sample_visible(wo, u);
  float fr = fresnel_dielectric(glm::dot(wo, wm), b.eta);
  glm::vec3 wi;
  if (uc < fr) {
    wi = reflect(wo, wm);
    if (!same_side(wo, wi)) return std::nullopt;  // masked: reflected through the surface
    return wi;
  }
  float etap;
  if (!refract(wo, wm, b.eta, &wi, &etap) || wi.z * wo.z >= 0.0f) return std::nullopt;
  return wi;
}

// Coefficients of the compensation lobes (see dielectric.h).
struct Compensation {
  bool active = false;
  float c_aa = 0.0f, c_bb = 0.0f, c_t = 0.0f;
  float a_avg = 0.0f, b_avg = 0.0f;
};

Compensation compensation(const DielectricBsdf& b) {
  Compensation c;
  if (!b.energy_outside || !b.energy_inside) return c;
  float a = std::max(0.0f, 1.0f - b.energy_outside->e_avg);
  float bb = std::max(0.0f, 1.0f - b.energy_inside->e_avg);
  bool has_a = a > kMinMissing, has_b = bb > kMinMissing;
  if (!has_a && !has_b) return c;
  float eta2 = b.eta * b.eta;
  // Preferred transmitted share 1 - F_avg, seen from the lower-index side (where F is smooth
  // and the share is large); then capped so neither side transmits more than it lost.
  float ct = 0.0f;
  if (b.eta >= 1.0f && has_b) ct = (1.0f - fresnel_dielectric_average(b.eta)) / (eta2 * bb);
  if (b.eta < 1.0f && has_a) ct = (1.0f - fresnel_dielectric_average(1.0f / b.eta)) / a;
  if (has_b) ct = std::min(ct, 1.0f / (eta2 * bb));
  if (has_a) ct = std::min(ct, 1.0f / a);
  c.active = true;
  c.c_t = ct;
  c.c_aa = has_a ? (1.0f - ct * eta2 * bb) / a : 0.0f;
  c.c_bb = has_b ? (1.0f - ct * a) / bb : 0.0f;
  c.a_avg = a;
  c.b_avg = bb;
  return c;
}

float missing_energy(const DielectricBsdf& b, const glm::vec3& w) {
  const EnergyTable* t = w.z > 0.0f ? b.energy_outside : b.energy_inside;
  return std::clamp(1.0f - t->lookup(w.z), 0.0f, 1.0f);
}

// Probabilities of the compensation lobe reflecting / transmitting wo's missing energy.
void lobe_shares(const DielectricBsdf& b, const Compensation& c, const glm::vec3& wo,
                 float* reflect_share, float* transmit_share) {
  bool outside = wo.z > 0.0f;
  *reflect_share = outside ? c.c_aa * c.a_avg : c.c_bb * c.b_avg;
  *transmit_share = c.c_t * (outside ? b.eta * b.eta * c.b_avg : c.a_avg);
}

float ms_eval(const DielectricBsdf& b, const Compensation& c, const glm::vec3& wo,
              const glm::vec3& wi, TransportMode mode) {
  if (!c.active || wo.z == 0.0f || wi.z == 0.0f) return 0.0f;
  float lobe = missing_energy(b, wo) * missing_energy(b, wi) * kInvPi;
  if (same_side(wo, wi)) return lobe * (wo.z > 0.0f ? c.c_aa : c.c_bb);
  // The Importance-mode lobe carries n^2 of wi's side, the Radiance-mode lobe n^2 of wo's
  // side (indices relative to side A, so only the inside contributes eta^2).
  const glm::vec3& scaled_side = mode == TransportMode::Importance ? wi : wo;
  return lobe * c.c_t * (scaled_side.z < 0.0f ? b.eta * b.eta : 1.0f);
}

float ms_probability(const DielectricBsdf& b, const Compensation& c, const glm::vec3& wo) {
  return c.active ? missing_energy(b, wo) : 0.0f;
}

float ms_pdf(const DielectricBsdf& b, const Compensation& c, const glm::vec3& wo,
             const glm::vec3& wi) {
  float r, t;
  lobe_shares(b, c, wo, &r, &t);
  if (!(r + t > 0.0f)) return 0.0f;
  return (same_side(wo, wi) ? r : t) / (r + t) * cosine_hemisphere_pdf(wi.z);
}

glm::vec3 sample_ms(const DielectricBsdf& b, const Compensation& c, const glm::vec3& wo,
                    float uc, const glm::vec2& u) {
  float r, t;
  lobe_shares(b, c, wo, &r, &t);
  glm::vec3 wi = sample_cosine_hemisphere(u);
  bool transmit = uc * (r + t) >= r;
  if ((wo.z < 0.0f) != transmit) wi.z = -wi.z;
  return wi;
}

float mixture_pdf(const DielectricBsdf& b, const Compensation& c, const glm::vec3& wo,
                  const glm::vec3& wi) {
  float p_ms = ms_probability(b, c, wo);
  float p = (1.0f - p_ms) * single_pdf(b, wo, wi);
  if (p_ms > 0.0f) p += p_ms * ms_pdf(b, c, wo, wi);
  return p;
}

std::optional<BsdfSample> sample_smooth(const DielectricBsdf& b, const glm::vec3& wo,
                                        float uc, TransportMode mode) {
  float fr = fresnel_dielectric(wo.z, b.eta);
  BsdfSample s;
  s.specular = true;
  if (uc < fr) {
    s.wi = {-wo.x, -wo.y, wo.z};
    s.pdf = fr;
    s.f = SampledSpectrum(fr / std::fabs(wo.z));
    return s;
  }
  float etap;
  if (!refract(wo, glm::vec3(0.0f, 0.0f, 1.0f), b.eta, &s.wi, &etap)) return std::nullopt;
  float ft = (1.0f - fr) / std::fabs(s.wi.z);
  if (mode == TransportMode::Radiance) ft /= etap * etap;
  s.f = SampledSpectrum(ft);
  s.pdf = 1.0f - fr;
  s.transmission = true;
  s.eta = etap;
  return s;
}

}  // namespace

bool dielectric_is_delta(const DielectricBsdf& b) {
  return is_smooth_alpha(b.alpha) || b.eta == 1.0f;
}

float dielectric_eval(const DielectricBsdf& b, const glm::vec3& wo, const glm::vec3& wi,
                      TransportMode mode) {
  if (dielectric_is_delta(b)) return 0.0f;
  return single_eval(b, wo, wi, mode) + ms_eval(b, compensation(b), wo, wi, mode);
}

float dielectric_pdf(const DielectricBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  if (dielectric_is_delta(b)) return 0.0f;
  return mixture_pdf(b, compensation(b), wo, wi);
}

std::optional<BsdfSample> dielectric_sample(const DielectricBsdf& b, const glm::vec3& wo,
                                            float uc, const glm::vec2& u, TransportMode mode) {
  if (wo.z == 0.0f) return std::nullopt;
  if (dielectric_is_delta(b)) return sample_smooth(b, wo, uc, mode);
  Compensation c = compensation(b);
  float p_ms = ms_probability(b, c, wo);
  glm::vec3 wi;
  if (uc < p_ms) {
    wi = sample_ms(b, c, wo, uc / p_ms, u);
  } else {
    auto w = sample_single(b, wo, (uc - p_ms) / (1.0f - p_ms), u);
    if (!w) return std::nullopt;
    wi = *w;
  }
  BsdfSample s;
  s.pdf = mixture_pdf(b, c, wo, wi);
  if (!(s.pdf > 0.0f)) return std::nullopt;
  s.wi = wi;
  s.f = SampledSpectrum(single_eval(b, wo, wi, mode) + ms_eval(b, c, wo, wi, mode));
  s.transmission = !same_side(wo, wi);
  s.eta = s.transmission ? relative_eta(b, wo) : 1.0f;
  return s;
}

}  // namespace limner
