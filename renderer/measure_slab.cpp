#include "renderer/measure_slab.h"

#include <algorithm>
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
  bool tail = false;  // stopped after kTailEvents inside, at depth -z: see diffusion_tail
  float z = 0.0f;
};

// A walk in a (nearly) non-absorbing bulk can scatter for ever: the number of events before it
// leaves is heavy-tailed (P(N > n) ~ n^-1/2 in a semi-infinite sheet), so any cut-off or
// survival roulette on long walks either loses light or has unbounded variance (a white
// semi-infinite sheet measured 0.92 instead of 1). Deep in the bulk, after this many events,
// diffusion theory is accurate: the walk's weight is split between the faces by the escape
// probabilities of a planar source at its depth (extrapolated boundaries, Fresnel via F_dr).
constexpr int kTailEvents = 512;

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
      if (++events >= kTailEvents) {
        Exit tail{beta, dir, false, true};
        tail.tail = true;
        tail.z = z;
        return tail;
      }
      if (!walk_survives(events, entry_max, sampler.get1d(), s.o.limits, beta)) return Exit{};
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

// sinh(a) / sinh(b) for 0 <= a <= b without overflow.
double sinh_ratio(double a, double b) {
  return std::exp(a - b) * (-std::expm1(-2.0 * a)) / (-std::expm1(-2.0 * b));
}

// Splits a stopped walk's weight between the top (reflectance) and the bottom (transmittance):
// 1D diffusion from a planar source at depth d, zero fluence at the extrapolated boundaries
// z_b = 2 A D outside each face, A = (1 + F_dr) / (1 - F_dr) (Groenhuis' F_dr fit for the bulk's
// relative index eta).
void diffusion_tail(const Exit& e, const MediumCoefficients& mc, float thickness, float eta,
                    SampledSpectrum& top, SampledSpectrum& bottom) {
  const double f_dr = -1.440 / (eta * eta) + 0.710 / eta + 0.668 + 0.0636 * eta;
  const double a_fresnel = (1.0 + f_dr) / (1.0 - f_dr);
  for (int k = 0; k < kLambdas; ++k) {
    const double sa = mc.sigma_a[k], st = sa + mc.sigma_s[k] * (1.0 - mc.g);
    if (!(st > 0.0)) continue;
    const double d = 1.0 / (3.0 * st), zb = 2.0 * a_fresnel * d;
    const double str = std::sqrt(sa / d), x = -double(e.z) + zb;
    double p_top, p_bottom = 0.0;
    if (std::isinf(thickness)) {
      p_top = std::exp(-str * x);
    } else {
      const double l = double(thickness) + 2.0 * zb, xc = std::clamp(x, 0.0, l);
      p_top = str * l < 1e-6 ? (l - xc) / l : sinh_ratio(str * (l - xc), str * l);
      p_bottom = str * l < 1e-6 ? xc / l : sinh_ratio(str * xc, str * l);
    }
    // Inside the bulk, weights carry radiance compressed by 1 / eta^2; leaving undoes it.
    top[k] += e.beta[k] * float(eta * eta * p_top);
    bottom[k] += e.beta[k] * float(eta * eta * p_bottom);
  }
}

// The index of the bulk under any paint or sheen (as interior_medium finds the medium).
float bulk_eta(const Material& m) {
  if (const auto* s = std::get_if<SubsurfaceMaterial>(&m)) return s->ior;
  if (const auto* p = std::get_if<PaintMaterial>(&m); p && p->substrate)
    return bulk_eta(*p->substrate);
  if (const auto* f = std::get_if<FabricMaterial>(&m); f && f->base) return bulk_eta(*f->base);
  return 1.41f;
}

}  // namespace

SlabResult measure_slab(const Material& m, const SampledWavelengths& wl, const SlabOptions& o) {
  const HomogeneousMedium* medium = interior_medium(m);
  if (!medium) throw std::invalid_argument("the material has no interior medium");
  const float thickness = o.thickness_mm > 0.0f ? o.thickness_mm : kInf;
  const float cone_cos = std::cos(glm::radians(kViewConeDeg));
  const bool view_cone = o.geometry == "45:0";
  const float cone_s = std::sin(glm::radians(kViewConeDeg));
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
      if (e.tail) {  // leaves diffusely: its share of a view cone is the cone's sin^2
        SampledSpectrum top(0.0f);
        diffusion_tail(e, mc, thickness, bulk_eta(m), top, sum_t);
        sum_r += view_cone ? top * (cone_s * cone_s) : top;
      } else if (e.bottom)
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
