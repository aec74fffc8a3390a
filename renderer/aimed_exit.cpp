#include "renderer/aimed_exit.h"

#include <cmath>

#include "materials/bsdf/microfacet.h"
#include "renderer/frame.h"
#include "renderer/shading_normal.h"

namespace limner {

namespace {

float squared(float a) { return a * a; }

// p_light(x -> y) |z - y|^2 / |x - y|^2, with y the light point seen from z along wi_z.
float light_pdf_from(const Scene& scene, int light, const glm::vec3& x, const glm::vec3& z,
                     const glm::vec3& wi_z, float dist) {
  const Light& l = scene.lights[light];
  float p = scene.light_sampler.prob(light);
  if (light_is_infinite(l)) return p * light_pdf(l, x, wi_z, dist);
  glm::vec3 to_y = z + wi_z * dist - x;
  float dx = glm::length(to_y);
  if (!(dx > 0.0f)) return 0.0f;
  return p * light_pdf(l, x, to_y / dx, dx) * squared(dist / dx);
}

}  // namespace

bool aims_possible(const WalkLimits& limits, const Scene& scene, const HomogeneousMedium& m) {
  return limits.aimed && !scene.lights.empty() && !is_smooth_alpha(m.boundary_alpha) &&
         aim_usable(AimLobe{m.boundary_alpha, m.boundary_ior}, glm::vec3(0.0f, 0.0f, 1.0f),
                    glm::vec3(0.0f, 0.0f, 1.0f));
}

float aimed_exit_pdf(const Scene& scene, const ExitMis& e, int light, const glm::vec3& z,
                     const glm::vec3& wi_z, float dist, bool delta) {
  if (!e.valid || !(e.reach.walk > 0.0f)) return 0.0f;
  const Light& l = scene.lights[light];
  glm::vec3 to_y = light_is_infinite(l) ? wi_z : z + wi_z * dist - e.x;
  float len = glm::length(to_y);
  if (!(len > 0.0f)) return 0.0f;
  to_y /= len;
  if (!aim_usable(e.lobe, e.normal, to_y)) return 0.0f;
  float g = e.share * aimed_pdf(e.lobe, e.normal, to_y, e.dir) * e.reach.free / e.reach.walk;
  return g * (delta ? scene.light_sampler.prob(light)
                    : light_pdf_from(scene, light, e.x, z, wi_z, dist));
}

namespace {

// A light point drawn as seen from x, and a direction aimed at it through the proxy boundary.
struct AimedDraw {
  int light = -1;
  float prob = 0.0f, u_distance = 0.0f;
  glm::vec2 u_point{0.0f};
  LightSample ls;
  glm::vec3 dir{0.0f};
};

bool draw_aimed(const Scene& scene, const glm::vec3& x, const glm::vec3& normal,
                const AimLobe& lobe, const SampledWavelengths& wl, WalkRng& rng, AimedDraw* d) {
  float u_light = rng.next();
  d->u_distance = rng.next();
  d->u_point = rng.next2();
  glm::vec2 u_dir = rng.next2();
  d->light = scene.light_sampler.sample(u_light, d->prob);
  if (d->light < 0 || d->prob <= 0.0f) return false;
  d->ls = light_sample(scene.lights[d->light], x, d->u_point, wl);
  return d->ls.pdf > 0.0f && !d->ls.L.is_black() && aim_usable(lobe, normal, d->ls.wi) &&
         sample_aimed(lobe, normal, d->ls.wi, u_dir, &d->dir);
}

// The drawn light point as seen from z instead of x (a point-like light: sampled again there,
// its radiance depends on where it is seen from).
LightSample seen_from(const Light& light, const glm::vec3& x, const glm::vec3& z,
                      const AimedDraw& d, const SampledWavelengths& wl) {
  if (d.ls.delta) return light_sample(light, z, d.u_point, wl);
  LightSample ls = d.ls;
  if (light_is_infinite(light)) return ls;
  glm::vec3 to_y = x + ls.wi * ls.distance - z;
  ls.distance = glm::length(to_y);
  ls.wi = to_y / ls.distance;
  return ls;
}

// The flight from x along the aimed direction (reaching a surface with the hero's transmittance,
// as a walk's flight), then that surface's BSDF towards the drawn light point, unoccluded.
struct ExitLink {
  SampledSpectrum value;  // f |cos| Le at the exit
  SampledSpectrum ratio;  // T_i / T_hero over the flight
  float a = 0.0f, c = 0.0f, p_light_x = 0.0f;  // pdfs for the weights (aimed_exit.h)
  float t = 0.0f;
};

bool link_exit(const Scene& scene, const MediumCoefficients& m, const glm::vec3& x,
               AimedDraw& d, const SampledWavelengths& wl, PathCounters& counters,
               std::vector<RayRecord>* log, ExitLink* e) {
  Ray ray{x, d.dir, 0.0f, std::min(flight_distance(m, d.u_distance), 1e30f)};
  RayHit hit;
  if (!trace(scene, ray, hit, counters, log)) return false;
  SurfaceHit s = scene.surface(ray, hit);
  if (s.light >= 0) return false;
  const Light& light = scene.lights[d.light];
  const bool infinite = light_is_infinite(light);
  LightSample ls = seen_from(light, x, s.p, d, wl);
  const glm::vec3 wi_z = ls.wi;
  const float dist = ls.distance;
  s.ctx.footprint_mm = 0.0f;
  apply_surface_detail(scene, s, -d.dir);
  Bsdf bsdf = material_bsdf(scene.materials[s.material], wl, s.ctx);
  Frame frame = Frame::from_z(s.ns);
  glm::vec3 wo = frame.to_local(-d.dir), wi = frame.to_local(wi_z);
  if (reflects_through_surface(s.ng, -d.dir, wi_z, wo.z, wi.z)) return false;
  e->value = bsdf_eval(bsdf, wo, wi) * std::fabs(wi.z) * ls.L;
  if (e->value.is_black()) return false;
  Ray shadow{scene.offset(s.p, s.ng, wi_z), wi_z, 0.0f,
             infinite ? 1e30f : dist * kShadowShorten};
  if (occluded(scene, shadow, counters, log)) return false;
  e->t = hit.t;
  for (int i = 0; i < kLambdas; ++i) e->ratio[i] = std::exp(-(m.sigma_t[i] - m.sigma_t[0]) * hit.t);
  e->p_light_x = ls.delta ? d.prob
                          : d.prob * d.ls.pdf * (infinite ? 1.0f : squared(dist / d.ls.distance));
  e->a = ls.delta ? d.prob : d.prob * light_pdf(light, s.p, wi_z, dist);
  e->c = ls.delta ? 0.0f : bsdf_pdf(bsdf, wo, wi);
  return true;
}

// The aimed estimate: throughput at the start times f_start (the phase function or the entry's
// BSDF) and the exit link, over the aimed pdf, weighted against the walk's own ways; the flight
// under spectral MIS as finish_flight at a surface (beta T_i / avg_j r_u_j T_j).
// free_over_walk: the walk's direction pdf relative to its reach pdf, inverted (aimed_exit.h).
SampledSpectrum weigh(const SampledSpectrum& beta, const SampledSpectrum& r_u,
                      const SampledSpectrum& f_start, float p_dir, float free_over_walk,
                      const ExitLink& e) {
  float norm = (r_u * e.ratio).average();
  if (!(norm > 0.0f) || !(p_dir > 0.0f) || !(free_over_walk >= 0.0f)) return SampledSpectrum(0.0f);
  float b = p_dir * free_over_walk * e.p_light_x;  // in the units of the pdfs at the exit
  float w = std::isfinite(b) ? squared(b) / (squared(e.a) + squared(b) + squared(e.c)) : 1.0f;
  return beta * f_start * e.ratio * e.value * (w / (norm * p_dir * e.p_light_x));
}

}  // namespace

SampledSpectrum aimed_exit(const Scene& scene, const WalkVertex& v, const SampledWavelengths& wl,
                           WalkRng& rng, PathCounters& counters, std::vector<RayRecord>* log) {
  AimedDraw d;
  ExitLink e;
  if (!draw_aimed(scene, v.x, v.guide.normal, v.lobe, wl, rng, &d) ||
      !link_exit(scene, v.m, v.x, d, wl, counters, log, &e))
    return SampledSpectrum(0.0f);
  ReachPdfs reach = reach_pdfs(v.m, v.guide, v.dir_in, d.dir, e.t, v.r_u);
  float phase = hg_phase(glm::dot(v.dir_in, d.dir), v.m.g);
  return weigh(v.beta, v.r_u, SampledSpectrum(phase),
               v.share * aimed_pdf(v.lobe, v.guide.normal, d.ls.wi, d.dir),
               reach.free / reach.walk, e);
}

SampledSpectrum aimed_entry(const Scene& scene, const AimedEntry& en, const SampledWavelengths& wl,
                            WalkRng& rng, PathCounters& counters, std::vector<RayRecord>* log) {
  AimedDraw d;
  if (!draw_aimed(scene, en.x, en.normal, en.lobe, wl, rng, &d)) return SampledSpectrum(0.0f);
  glm::vec3 wi = en.frame.to_local(d.dir);
  if (glm::dot(d.dir, en.normal) >= 0.0f ||
      reflects_through_surface(en.normal, en.frame.to_world(en.wo), d.dir, en.wo.z, wi.z))
    return SampledSpectrum(0.0f);
  SampledSpectrum f = bsdf_eval(en.bsdf, en.wo, wi) * std::fabs(wi.z);
  float pdf = bsdf_pdf(en.bsdf, en.wo, wi);
  ExitLink e;
  if (f.is_black() || !(pdf > 0.0f) || !link_exit(scene, en.m, en.x, d, wl, counters, log, &e))
    return SampledSpectrum(0.0f);
  return weigh(en.beta, en.r_u, f, kAimShareEntry * aimed_pdf(en.lobe, en.normal, d.ls.wi, d.dir),
               1.0f / pdf, e);
}

}  // namespace limner
