#include "renderer/measure_slab.h"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "materials/bsdf/sampling.h"
#include "renderer/sampler.h"

namespace limner {

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

// The local frame of each face: z is the face's outward normal (+z on top, -z at the bottom).
glm::vec3 to_face(const glm::vec3& w, bool bottom) {
  return bottom ? glm::vec3(w.x, w.y, -w.z) : w;
}

struct SlabPath {
  const Bsdf& bsdf;
  const MediumCoefficients& medium;
  float thickness;  // kInf: semi-infinite
  const SlabOptions& o;
};

struct Exit {
  SampledSpectrum beta{0.0f};
  glm::vec3 dir{0.0f};
  bool bottom = false, entered = false;
};

// Distance along dir from depth z (z <= 0) to the face it is heading for.
float distance_to_face(float z, const glm::vec3& dir, float thickness) {
  if (dir.z > 0.0f) return -z / dir.z;
  if (dir.z < 0.0f) return (z + thickness) / -dir.z;
  return kInf;
}

// Inside the sheet from the top face, heading `dir`: walk until light leaves through a face.
Exit walk_inside(const SlabPath& s, glm::vec3 dir, SampledSpectrum beta, Sampler& sampler) {
  SampledSpectrum r_u(1.0f);
  float z = 0.0f, entry_max = beta.max_value();
  int events = 0;
  FlightGuide guide = make_flight_guide(s.medium, {0.0f, 0.0f, 1.0f}, s.o.limits.guided);
  set_opposite_distance(guide, s.thickness);
  for (int faces = 0; faces < 256; ++faces) {
    float t;
    for (bool first = true;; first = false) {  // flights until a face is reached
      float u_strategy = sampler.get1d(), u_distance = sampler.get1d();
      WalkStep step = sample_step(s.medium, guide, dir, first, u_strategy, u_distance,
                                  sampler.get2d());
      dir = step.dir;
      float t_face = distance_to_face(z, dir, s.thickness);
      FlightEnd e = finish_step(s.medium, guide, step, t_face, beta, r_u, &t);
      if (beta.is_black() || !std::isfinite(t)) return Exit{};
      if (e == FlightEnd::Surface) break;
      z += t * dir.z;
      if (!walk_survives(++events, entry_max, sampler.get1d(), s.o.limits, beta)) return Exit{};
    }
    bool bottom = dir.z < 0.0f;
    z = bottom ? -s.thickness : 0.0f;
    float uc = sampler.get1d();
    auto bs = bsdf_sample(s.bsdf, to_face(-dir, bottom), uc, sampler.get2d());
    if (!bs || !(bs->pdf > 0.0f)) return Exit{};
    beta *= bs->f * (std::fabs(bs->wi.z) / bs->pdf);
    glm::vec3 wi = to_face(bs->wi, bottom);
    if (bs->wi.z > 0.0f) return Exit{beta, wi, bottom, true};  // left through this face
    dir = wi;
  }
  return Exit{};
}

Exit trace_slab(const SlabPath& s, const glm::vec3& incident, Sampler& sampler) {
  float uc = sampler.get1d();
  auto bs = bsdf_sample(s.bsdf, -incident, uc, sampler.get2d());
  if (!bs || !(bs->pdf > 0.0f)) return Exit{};
  SampledSpectrum beta = bs->f * (std::fabs(bs->wi.z) / bs->pdf);
  if (bs->wi.z > 0.0f) return Exit{beta, bs->wi, false, false};  // first-surface reflection
  return walk_inside(s, bs->wi, beta, sampler);
}

glm::vec3 incident_direction(const std::string& geometry, Sampler& sampler) {
  auto from = [](float deg) {
    float t = glm::radians(deg);
    return glm::vec3(-std::sin(t), 0.0f, -std::cos(t));
  };
  if (geometry == "d:8") return from(8.0f);
  if (geometry == "0:d") return from(0.0f);
  if (geometry == "45:0") return from(45.0f);
  if (geometry == "d:d") return -sample_cosine_hemisphere(sampler.get2d());
  throw std::invalid_argument("unknown geometry '" + geometry + "' (d:8, 45:0, 0:d, d:d)");
}

SampledWavelengths rotated(const SampledWavelengths& wl, int h) {
  SampledWavelengths r;
  for (int k = 0; k < kLambdas; ++k) {
    r.lambda[size_t(k)] = wl.lambda[size_t((k + h) % kLambdas)];
    r.pdf[size_t(k)] = wl.pdf[size_t((k + h) % kLambdas)];
  }
  return r;
}

}  // namespace

SlabResult measure_slab(const Material& m, const SampledWavelengths& wl, const SlabOptions& o) {
  const HomogeneousMedium* medium = interior_medium(m);
  if (!medium) throw std::invalid_argument("the material has no interior medium");
  const float thickness = o.thickness_mm > 0.0f ? o.thickness_mm : kInf;
  const float cone_cos = std::cos(glm::radians(kViewConeDeg));
  const bool view_cone = o.geometry == "45:0";
  SlabResult r;
  for (int h = 0; h < kLambdas; ++h) {  // each wavelength is the hero for a quarter of the paths
    SampledWavelengths wlh = rotated(wl, h);
    Bsdf bsdf = material_bsdf(m, wlh);
    MediumCoefficients mc = sample_medium(*medium, wlh);
    SlabPath path{bsdf, mc, thickness, o};
    SampledSpectrum sum_r(0.0f), sum_t(0.0f);
    for (int i = h; i < o.paths; i += kLambdas) {
      Sampler sampler(0, 0, uint32_t(i), o.seed);
      Exit e = trace_slab(path, incident_direction(o.geometry, sampler), sampler);
      if (e.bottom)
        sum_t += e.beta;  // transmittance is always hemispherical
      else if (!view_cone || (e.entered && e.dir.z >= cone_cos))
        sum_r += e.beta;
    }
    for (int k = 0; k < kLambdas; ++k) {  // back to the caller's wavelength order
      r.reflectance[(k + h) % kLambdas] += sum_r[k];
      r.transmittance[(k + h) % kLambdas] += sum_t[k];
    }
  }
  float norm = 1.0f / float(o.paths), s = std::sin(glm::radians(kViewConeDeg));
  r.reflectance *= view_cone ? norm / (s * s) : norm;
  r.transmittance *= norm;
  return r;
}

}  // namespace limner
