#include "renderer/aimed_exit.h"

#include <cmath>

#include "renderer/frame.h"
#include "renderer/shading_normal.h"

namespace limner {

namespace {

constexpr float kShadowShorten = 1.0f - 1e-4f;

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

SampledSpectrum aimed_exit(const Scene& scene, const WalkVertex& v, const SampledWavelengths& wl,
                           WalkRng& rng, PathCounters& counters, std::vector<RayRecord>* log) {
  const SampledSpectrum none(0.0f);
  float prob, u_light = rng.next(), u_distance = rng.next();
  glm::vec2 u_point = rng.next2(), u_dir = rng.next2();
  int li = scene.light_sampler.sample(u_light, prob);
  if (li < 0 || prob <= 0.0f) return none;
  const Light& light = scene.lights[li];
  LightSample ls = light_sample(light, v.x, u_point, wl);
  glm::vec3 dir;
  if (ls.pdf <= 0.0f || ls.L.is_black() || !aim_usable(v.lobe, v.guide.normal, ls.wi) ||
      !sample_aimed(v.lobe, v.guide.normal, ls.wi, u_dir, &dir))
    return none;
  // A flight along dir as the walk would fly it: it reaches a surface with probability T_hero.
  Ray ray{v.x, dir, 0.0f, std::min(flight_distance(v.m, u_distance), 1e30f)};
  RayHit hit;
  ++counters.rays;
  if (log) log->push_back({ray.origin, ray.tmin, ray.dir, ray.tmax, 0});
  if (!scene.rt->intersect(ray, hit)) return none;
  SurfaceHit s = scene.surface(ray, hit);
  if (s.light >= 0) return none;
  const bool infinite = light_is_infinite(light);
  glm::vec3 wi_z = ls.wi;
  float dist = ls.distance;
  if (!infinite && !ls.delta) {
    glm::vec3 to_y = v.x + ls.wi * ls.distance - s.p;
    dist = glm::length(to_y);
    wi_z = to_y / dist;
  }
  if (ls.delta) {  // a point-like light: its radiance depends on where it is seen from
    ls = light_sample(light, s.p, u_point, wl);
    wi_z = ls.wi;
    dist = ls.distance;
  }
  s.ctx.footprint_mm = 0.0f;
  apply_surface_detail(scene, s, -dir);
  Bsdf bsdf = material_bsdf(scene.materials[s.material], wl, s.ctx);
  Frame frame = Frame::from_z(s.ns);
  glm::vec3 wo = frame.to_local(-dir), wi = frame.to_local(wi_z);
  if (reflects_through_surface(s.ng, -dir, wi_z, wo.z, wi.z)) return none;
  SampledSpectrum f = bsdf_eval(bsdf, wo, wi) * std::fabs(wi.z);
  if (f.is_black()) return none;
  Ray shadow{scene.offset(s.p, s.ng, wi_z), wi_z, 0.0f,
             infinite ? 1e30f : dist * kShadowShorten};
  ++counters.rays;
  if (log) log->push_back({shadow.origin, shadow.tmin, shadow.dir, shadow.tmax, 1});
  if (scene.rt->occluded(shadow)) return none;
  // Spectral MIS of the flight (as finish_flight at a surface): beta T_i / avg_j(r_u_j T_j).
  ReachPdfs reach = reach_pdfs(v.m, v.guide, v.dir_in, dir, hit.t, v.r_u);
  SampledSpectrum ratio;
  for (int i = 0; i < kLambdas; ++i) ratio[i] = std::exp(-(v.m.sigma_t[i] - v.m.sigma_t[0]) * hit.t);
  float norm = (v.r_u * ratio).average();
  if (!(norm > 0.0f) || !(reach.free > 0.0f)) return none;
  float p_dir = v.share * aimed_pdf(v.lobe, v.guide.normal, ls.wi, dir);
  float p_light_x = ls.delta ? prob : prob * ls.pdf * (infinite ? 1.0f : squared(dist / ls.distance));
  float b = p_dir * reach.free / reach.walk * p_light_x;  // aimed, in units of z's pdfs
  float a = ls.delta ? prob : prob * light_pdf(light, s.p, wi_z, dist);
  float c = ls.delta ? 0.0f : bsdf_pdf(bsdf, wo, wi);
  float w = reach.walk > 0.0f ? squared(b) / (squared(a) + squared(b) + squared(c)) : 1.0f;
  float phase = hg_phase(glm::dot(v.dir_in, dir), v.m.g);
  return v.beta * ratio * (1.0f / norm) * f * ls.L * (phase * w / (p_dir * p_light_x));
}

}  // namespace limner
