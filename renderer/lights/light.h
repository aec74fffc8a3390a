// Lights: a closed set of plain values with one dispatch per method. Each light's spectrum is
// normalised to CIE luminance Y = 1, then multiplied by `scale`:
// - environment: radiance from every direction;
// - rect, sphere: emitted radiance of the surface (rect: front side only, facing `to`);
// - spot: radiant intensity along its axis, cut off at cone_deg from the axis (a half angle),
//   with a smooth falloff over the outer 10% of the angle;
// - distant: irradiance on a surface facing it; `direction` is the direction light travels.
//   With angle_deg > 0 it is a disc of that angular diameter (the sun: 0.53).
#pragma once
#include <glm/glm.hpp>
#include <memory>
#include <variant>
#include <vector>

#include "renderer/lights/envmap.h"
#include "renderer/spectral/spectrum.h"

namespace limner {

struct LightEmission {
  Spectrum spectrum;
  float factor = 1.0f;  // scale / Y(spectrum)
  SampledSpectrum sample(const SampledWavelengths& wl) const {
    return spectrum.sample(wl) * factor;
  }
};

struct EnvironmentLight {
  LightEmission emission;
};
struct RectLight {
  LightEmission emission;
  glm::vec3 center{0.0f}, normal{0, 0, 1};
  glm::vec3 u_axis{1, 0, 0}, v_axis{0, 1, 0};  // full edge vectors
  float area = 1.0f;
};
struct SphereLight {
  LightEmission emission;
  glm::vec3 center{0.0f};
  float radius = 1.0f;
};
struct SpotLight {
  LightEmission emission;
  glm::vec3 position{0.0f}, axis{0, 0, -1};
  float cos_cone = 0.0f, cos_falloff_start = 0.0f;
};
struct DistantLight {
  LightEmission emission;   // factor already converted to radiance when cos_half_angle < 1
  glm::vec3 to_light{0, 1, 0};
  float cos_half_angle = 1.0f;  // 1: a delta direction
  float one_minus_cos = 0.0f;   // 1 - cos_half_angle, exact for tiny discs
};

// An environment image or the tabulated sky (renderer/lights/envmap.h): radiance is the map's
// value times emission.factor; emission.spectrum is the map's mean (for white balance only).
struct EnvMapLight {
  LightEmission emission;
  std::shared_ptr<const EnvMapData> data;
  float cos_rot = 1.0f, sin_rot = 0.0f;  // rotation about +y, map to world
};

using LightVariant =
    std::variant<EnvironmentLight, RectLight, SphereLight, SpotLight, DistantLight, EnvMapLight>;

struct Light {
  LightVariant v;
};

struct LightSample {
  SampledSpectrum L;
  glm::vec3 wi{0.0f};      // unit direction from the shading point toward the light
  float distance = 1e30f;  // to the sampled point (infinite lights: large)
  float pdf = 0.0f;        // solid angle (delta lights: 1)
  bool delta = false;
};

// Samples incident light at point p. Returns pdf 0 when nothing can be sampled.
LightSample light_sample(const Light& l, const glm::vec3& p, const glm::vec2& u,
                         const SampledWavelengths& wl);
// Solid-angle pdf light_sample would have for direction wi from p, where the ray leaving p along
// wi first meets the light at `distance` (ignored for infinite lights).
float light_pdf(const Light& l, const glm::vec3& p, const glm::vec3& wi, float distance);
// Radiance arriving along a ray that escapes the scene in direction wi (infinite lights only).
SampledSpectrum light_escaped(const Light& l, const glm::vec3& wi, const SampledWavelengths& wl);
// Radiance leaving an area light's surface toward -wi when a ray along wi hits it.
SampledSpectrum light_hit(const Light& l, const glm::vec3& wi, const SampledWavelengths& wl);
// Emitted power in luminance units (for power-proportional light selection).
float light_power(const Light& l, float scene_radius);
bool light_is_infinite(const Light& l);

// EnvMapLight's methods (envmap.cpp).
LightSample envmap_light_sample(const EnvMapLight& e, const glm::vec2& u,
                                const SampledWavelengths& wl);
float envmap_light_pdf(const EnvMapLight& e, const glm::vec3& wi);
SampledSpectrum envmap_light_radiance(const EnvMapLight& e, const glm::vec3& wi,
                                      const SampledWavelengths& wl);

// Chooses lights in proportion to their power.
class LightSampler {
 public:
  LightSampler() = default;
  LightSampler(const std::vector<Light>& lights, float scene_radius);
  int sample(float u, float& prob) const;  // -1 when there are no lights
  float prob(int index) const { return probs_.empty() ? 0.0f : probs_[index]; }

 private:
  std::vector<float> cdf_, probs_;
};

}  // namespace limner
