#include "renderer/lights/light.h"

#include <algorithm>
#include <cmath>

#include "renderer/frame.h"

namespace limner {

namespace {

constexpr float kInfinity = 1e30f;

glm::vec3 uniform_sphere(const glm::vec2& u) {
  float z = 1.0f - 2.0f * u.x;
  float r = std::sqrt(std::max(0.0f, 1.0f - z * z));
  float phi = 2.0f * kPi * u.y;
  return {r * std::cos(phi), r * std::sin(phi), z};
}

// Uniform direction inside a cone around +z whose half-angle has 1 - cos = one_minus_cos. Cones
// are described by 1 - cos, not cos, so that tiny ones (a point-like sphere light, the sun) keep
// their exact solid angle 2 pi (1 - cos) in float.
glm::vec3 uniform_cone(const glm::vec2& u, float one_minus_cos) {
  float om = u.x * one_minus_cos;
  float cos_t = 1.0f - om;
  float sin_t = std::sqrt(std::max(0.0f, om * (2.0f - om)));
  float phi = 2.0f * kPi * u.y;
  return {sin_t * std::cos(phi), sin_t * std::sin(phi), cos_t};
}

float cone_pdf(float one_minus_cos) { return 1.0f / (2.0f * kPi * one_minus_cos); }

// 1 - cos of the half-angle the sphere subtends from p; false if p is inside or on it.
bool sphere_cone(const SphereLight& s, const glm::vec3& p, float& one_minus_cos, float& dist_c) {
  dist_c = glm::length(s.center - p);
  if (dist_c <= s.radius * 1.0001f) return false;
  float sin2 = (s.radius * s.radius) / (dist_c * dist_c);
  one_minus_cos = sin2 / (1.0f + std::sqrt(std::max(0.0f, 1.0f - sin2)));
  return one_minus_cos > 0.0f;
}

float sphere_hit_distance(const SphereLight& s, const glm::vec3& p, const glm::vec3& w) {
  glm::vec3 oc = p - s.center;
  float b = glm::dot(oc, w);
  glm::vec3 perp = oc - b * w;
  float h2 = s.radius * s.radius - glm::dot(perp, perp);
  if (h2 < 0.0f) return glm::length(oc) - s.radius;  // grazing: closest approach
  float t = -b - std::sqrt(h2);
  return std::max(t, 0.0f);
}

LightSample sample_sphere(const SphereLight& s, const glm::vec3& p, const glm::vec2& u,
                          const SampledWavelengths& wl) {
  LightSample ls;
  float one_minus_cos, dist_c;
  if (!sphere_cone(s, p, one_minus_cos, dist_c)) return ls;
  Frame f = Frame::from_z((s.center - p) / dist_c);
  ls.wi = f.to_world(uniform_cone(u, one_minus_cos));
  ls.distance = sphere_hit_distance(s, p, ls.wi);
  ls.pdf = cone_pdf(one_minus_cos);
  ls.L = s.emission.sample(wl);
  return ls;
}

LightSample sample_rect(const RectLight& r, const glm::vec3& p, const glm::vec2& u,
                        const SampledWavelengths& wl) {
  LightSample ls;
  glm::vec3 q = r.center + (u.x - 0.5f) * r.u_axis + (u.y - 0.5f) * r.v_axis;
  glm::vec3 d = q - p;
  float dist2 = glm::dot(d, d);
  if (dist2 <= 0.0f) return ls;
  float dist = std::sqrt(dist2);
  ls.wi = d / dist;
  float cos_l = -glm::dot(ls.wi, r.normal);
  if (cos_l <= 0.0f) return ls;
  ls.distance = dist;
  ls.pdf = dist2 / (cos_l * r.area);
  ls.L = r.emission.sample(wl);
  return ls;
}

LightSample sample_spot(const SpotLight& s, const glm::vec3& p, const SampledWavelengths& wl) {
  LightSample ls;
  glm::vec3 d = s.position - p;
  float dist2 = glm::dot(d, d);
  if (dist2 <= 0.0f) return ls;
  float dist = std::sqrt(dist2);
  ls.wi = d / dist;
  float cos_t = glm::dot(-ls.wi, s.axis);
  if (cos_t <= s.cos_cone) return ls;
  float t = std::clamp((cos_t - s.cos_cone) / (s.cos_falloff_start - s.cos_cone), 0.0f, 1.0f);
  float falloff = t * t * (3.0f - 2.0f * t);
  ls.distance = dist;
  ls.pdf = 1.0f;
  ls.delta = true;
  ls.L = s.emission.sample(wl) * (falloff / dist2);
  return ls;
}

LightSample sample_distant(const DistantLight& d, const glm::vec2& u,
                           const SampledWavelengths& wl) {
  LightSample ls;
  ls.distance = kInfinity;
  ls.L = d.emission.sample(wl);
  if (d.one_minus_cos <= 0.0f) {
    ls.wi = d.to_light;
    ls.pdf = 1.0f;
    ls.delta = true;
    return ls;
  }
  ls.wi = Frame::from_z(d.to_light).to_world(uniform_cone(u, d.one_minus_cos));
  ls.pdf = cone_pdf(d.one_minus_cos);
  return ls;
}

}  // namespace

LightSample light_sample(const Light& l, const glm::vec3& p, const glm::vec2& u,
                         const SampledWavelengths& wl) {
  return std::visit(
      [&](const auto& x) -> LightSample {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, EnvironmentLight>) {
          LightSample ls;
          ls.wi = uniform_sphere(u);
          ls.pdf = 1.0f / (4.0f * kPi);
          ls.L = x.emission.sample(wl);
          return ls;
        } else if constexpr (std::is_same_v<T, RectLight>) {
          return sample_rect(x, p, u, wl);
        } else if constexpr (std::is_same_v<T, SphereLight>) {
          return sample_sphere(x, p, u, wl);
        } else if constexpr (std::is_same_v<T, SpotLight>) {
          return sample_spot(x, p, wl);
        } else if constexpr (std::is_same_v<T, EnvMapLight>) {
          return envmap_light_sample(x, u, wl);
        } else {
          return sample_distant(x, u, wl);
        }
      },
      l.v);
}

float light_pdf(const Light& l, const glm::vec3& p, const glm::vec3& wi, float distance) {
  return std::visit(
      [&](const auto& x) -> float {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, EnvironmentLight>) {
          return 1.0f / (4.0f * kPi);
        } else if constexpr (std::is_same_v<T, RectLight>) {
          float cos_l = -glm::dot(wi, x.normal);
          return cos_l > 0.0f ? distance * distance / (cos_l * x.area) : 0.0f;
        } else if constexpr (std::is_same_v<T, SphereLight>) {
          float one_minus_cos, dist_c;
          return sphere_cone(x, p, one_minus_cos, dist_c) ? cone_pdf(one_minus_cos) : 0.0f;
        } else if constexpr (std::is_same_v<T, SpotLight>) {
          return 0.0f;
        } else if constexpr (std::is_same_v<T, EnvMapLight>) {
          return envmap_light_pdf(x, wi);
        } else {
          if (x.one_minus_cos <= 0.0f) return 0.0f;
          return glm::dot(wi, x.to_light) >= x.cos_half_angle ? cone_pdf(x.one_minus_cos) : 0.0f;
        }
      },
      l.v);
}

SampledSpectrum light_escaped(const Light& l, const glm::vec3& wi, const SampledWavelengths& wl) {
  if (auto* e = std::get_if<EnvironmentLight>(&l.v)) return e->emission.sample(wl);
  if (auto* m = std::get_if<EnvMapLight>(&l.v)) return envmap_light_radiance(*m, wi, wl);
  if (auto* d = std::get_if<DistantLight>(&l.v)) {
    if (d->one_minus_cos > 0.0f && glm::dot(wi, d->to_light) >= d->cos_half_angle)
      return d->emission.sample(wl);
  }
  return SampledSpectrum(0.0f);
}

SampledSpectrum light_hit(const Light& l, const glm::vec3& wi, const SampledWavelengths& wl) {
  if (auto* r = std::get_if<RectLight>(&l.v))
    return glm::dot(wi, r->normal) < 0.0f ? r->emission.sample(wl) : SampledSpectrum(0.0f);
  if (auto* s = std::get_if<SphereLight>(&l.v)) return s->emission.sample(wl);
  return SampledSpectrum(0.0f);
}

float light_power(const Light& l, float scene_radius) {
  float disc = kPi * scene_radius * scene_radius;
  return std::visit(
      [&](const auto& x) -> float {
        using T = std::decay_t<decltype(x)>;
        float f = x.emission.factor;
        if constexpr (std::is_same_v<T, EnvironmentLight>) {
          return f * kPi * 4.0f * disc;
        } else if constexpr (std::is_same_v<T, RectLight>) {
          return f * kPi * x.area;
        } else if constexpr (std::is_same_v<T, SphereLight>) {
          return f * kPi * 4.0f * kPi * x.radius * x.radius;
        } else if constexpr (std::is_same_v<T, SpotLight>) {
          return f * 2.0f * kPi * (1.0f - 0.5f * (x.cos_cone + x.cos_falloff_start));
        } else if constexpr (std::is_same_v<T, EnvMapLight>) {
          return f * x.data->mean_y * kPi * 4.0f * disc;
        } else {
          float irradiance = x.one_minus_cos <= 0.0f
                                 ? f
                                 : f * kPi * x.one_minus_cos * (2.0f - x.one_minus_cos);
          return irradiance * disc;
        }
      },
      l.v);
}

bool light_is_infinite(const Light& l) {
  return std::holds_alternative<EnvironmentLight>(l.v) ||
         std::holds_alternative<DistantLight>(l.v) || std::holds_alternative<EnvMapLight>(l.v);
}

LightSampler::LightSampler(const std::vector<Light>& lights, float scene_radius) {
  double total = 0.0;
  std::vector<double> power;
  for (const Light& l : lights) {
    power.push_back(std::max(0.0, double(light_power(l, scene_radius))));
    total += power.back();
  }
  if (lights.empty()) return;
  double acc = 0.0;
  for (double p : power) {
    float pr = total > 0.0 ? float(p / total) : 1.0f / float(lights.size());
    probs_.push_back(pr);
    acc += total > 0.0 ? p / total : 1.0 / double(lights.size());
    cdf_.push_back(float(acc));
  }
  cdf_.back() = 1.0f;
}

int LightSampler::sample(float u, float& prob) const {
  if (cdf_.empty()) {
    prob = 0.0f;
    return -1;
  }
  int i = int(std::upper_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
  i = std::min(i, int(cdf_.size()) - 1);
  while (probs_[i] == 0.0f && i > 0) --i;
  prob = probs_[i];
  return i;
}

}  // namespace limner
