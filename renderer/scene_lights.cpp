// LightDesc -> Light: luminance normalisation, geometry of area lights.
#include <cmath>

#include "renderer/scene_build_parts.h"
#include "renderer/spectral/color.h"

namespace limner {

namespace {

// Emission is sampled at every light sample, so any form (blackbody needs exp per wavelength)
// is tabulated once at 1 nm, which evaluates in constant time.
Spectrum dense(const Spectrum& s) {
  std::vector<float> lambda, value;
  for (int l = int(kLambdaMin); l <= int(kLambdaMax); ++l) {
    lambda.push_back(float(l));
    value.push_back(s.eval(float(l)));
  }
  return Spectrum::piecewise(std::move(lambda), std::move(value));
}

LightEmission emission(const LightDesc& d, const std::string& file) {
  Spectrum s = std::holds_alternative<ConstantSpectrum>(d.spectrum.variant()) ? d.spectrum
                                                                              : dense(d.spectrum);
  float y = spectrum_luminance(s);
  if (!(y > 0.0f)) throw input_error(file, d.key + ".spectrum", "spectrum has zero luminance");
  return LightEmission{s, d.scale / y};
}

}  // namespace

// The rect's in-plane axes: w runs along +x projected onto the plane (+z when the normal is
// along x); (u, v, normal) is right-handed.
void rect_axes(const glm::vec3& n, glm::vec3& u, glm::vec3& v) {
  glm::vec3 ref = std::fabs(n.x) > 0.999f ? glm::vec3(0, 0, 1) : glm::vec3(1, 0, 0);
  u = glm::normalize(ref - glm::dot(ref, n) * n);
  v = glm::cross(n, u);
}

Light build_light(const LightDesc& d, const std::string& file) {
  LightEmission e = emission(d, file);
  switch (d.type) {
    case LightType::Environment:
      return Light{EnvironmentLight{e}};
    case LightType::Rect: {
      RectLight r{e};
      r.center = d.center;
      r.normal = glm::normalize(d.to - d.center);
      glm::vec3 u, v;
      rect_axes(r.normal, u, v);
      r.u_axis = u * d.size.x;
      r.v_axis = v * d.size.y;
      r.area = d.size.x * d.size.y;
      return Light{r};
    }
    case LightType::Sphere:
      return Light{SphereLight{e, d.center, d.radius}};
    case LightType::Spot: {
      SpotLight s{e};
      s.position = d.position;
      s.axis = glm::normalize(d.to - d.position);
      s.cos_cone = std::cos(glm::radians(d.cone_deg));
      s.cos_falloff_start = std::cos(glm::radians(0.9f * d.cone_deg));
      return Light{s};
    }
    case LightType::Distant: {
      DistantLight l{e};
      l.to_light = -d.direction;
      if (d.angle_deg > 0.0f) {
        float half = glm::radians(0.5f * d.angle_deg);
        float s = std::sin(0.5f * half);
        l.one_minus_cos = 2.0f * s * s;
        l.cos_half_angle = std::cos(half);
        // Irradiance -> radiance of the disc: E = L pi sin^2 = L pi x (2 - x), x = 1 - cos.
        l.emission.factor /= kPiF * l.one_minus_cos * (2.0f - l.one_minus_cos);
      }
      return Light{l};
    }
    case LightType::Sky:
    case LightType::Envmap:
      break;  // more than one light each: add_map_lights
  }
  return Light{EnvironmentLight{e}};
}

}  // namespace limner
