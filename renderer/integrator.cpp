#include "renderer/integrator.h"

#include <algorithm>
#include <cmath>

#include "renderer/frame.h"
#include "renderer/medium_walk.h"
#include "renderer/ray_cone.h"
#include "renderer/shading_normal.h"

namespace limner {

namespace {

constexpr int kRouletteDepth = 3;

// Power heuristic for a among three strategies (c: 0 when there are two).
float power_heuristic(float a, float b, float c = 0.0f) {
  float a2 = a * a, rest = b * b + c * c;
  return a2 + rest > 0.0f ? a2 / (a2 + rest) : 0.0f;
}

struct PathState {
  SampledSpectrum L{0.0f}, beta{1.0f};
  bool specular = true;  // last bounce was a delta lobe (or the camera)
  float prev_pdf = 0.0f;
  glm::vec3 prev_p{0.0f};
  glm::vec3 prev_ng{0.0f, 0.0f, 1.0f};  // geometric normal there: guides medium walks
  float eta_scale = 1.0f;
  SampledSpectrum r_u{1.0f};                  // wavelength pdf ratios of medium walks
  const HomogeneousMedium* medium = nullptr;  // the medium the path is in (null: air)
  RayCone cone;  // texture filter footprint (renderer/ray_cone.h)
  ExitMis exit;  // the walk's own exit, for weights against aimed exits (renderer/aimed_exit.h)
  float entry_pdf = 0.0f;  // where an aimed entry was tried: the BSDF pdf into the bulk
};


// Adds emission found by a BSDF-sampled (or camera) ray, weighted against light sampling.
void add_emission(const Scene& scene, PathState& st, int light, const SampledSpectrum& Le,
                  const glm::vec3& dir, float distance) {
  if (Le.is_black()) return;
  if (st.specular) {
    st.L += st.beta * Le;
    return;
  }
  float lp = scene.light_sampler.prob(light) *
             light_pdf(scene.lights[light], st.prev_p, dir, distance);
  float ap = aimed_exit_pdf(scene, st.exit, light, st.prev_p, dir, distance, false);
  st.L += st.beta * Le * power_heuristic(st.prev_pdf, lp, ap);
}

void add_escaped(const Scene& scene, PathState& st, const glm::vec3& dir,
                 const SampledWavelengths& wl) {
  for (int i : scene.infinite_lights)
    add_emission(scene, st, i, light_escaped(scene.lights[i], dir, wl), dir, 0.0f);
}

void sample_direct(const Scene& scene, PathState& st, const SurfaceHit& s, const Frame& frame,
                   const Bsdf& bsdf, const glm::vec3& wo, const SampledWavelengths& wl,
                   Sampler& sampler, PathCounters& c, std::vector<RayRecord>* log) {
  float u_light = sampler.get1d();
  glm::vec2 u = sampler.get2d();  // dimensions are consumed in a fixed order per bounce
  float prob;
  int li = scene.light_sampler.sample(u_light, prob);
  if (li < 0 || prob <= 0.0f) return;
  const Light& light = scene.lights[li];
  LightSample ls = light_sample(light, s.p, u, wl);
  if (ls.pdf <= 0.0f || ls.L.is_black()) return;
  glm::vec3 wi = frame.to_local(ls.wi);
  if (reflects_through_surface(s.ng, frame.to_world(wo), ls.wi, wo.z, wi.z)) return;  // bent ns
  SampledSpectrum f = bsdf_eval(bsdf, wo, wi) * std::fabs(wi.z);
  if (f.is_black()) return;
  Ray shadow{scene.offset(s.p, s.ng, ls.wi), ls.wi, 0.0f,
             light_is_infinite(light) ? 1e30f : ls.distance * kShadowShorten};
  if (occluded(scene, shadow, c, log)) return;
  float lp = prob * ls.pdf;
  float ap = aimed_exit_pdf(scene, st.exit, li, s.p, ls.wi, ls.distance, ls.delta);
  float w = ls.delta ? power_heuristic(lp, ap) : power_heuristic(lp, bsdf_pdf(bsdf, wo, wi), ap);
  st.L += st.beta * f * ls.L * (w / lp);
}

// Light aimed through a scattering bulk from where a path enters it (aimed_exit.h). Returns
// whether it was tried: then the walk the path may start here weighs its exits against it.
bool try_aimed_entry(const Scene& scene, PathState& st, const SurfaceHit& s, const Frame& frame,
                     const Bsdf& bsdf, const glm::vec3& wo, const glm::vec3& dir,
                     const SampledWavelengths& wl, Sampler& sampler, PathCounters& c,
                     std::vector<RayRecord>* log) {
  const HomogeneousMedium* med = interior_medium(scene.materials[s.material]);
  if (!med || st.medium || !aims_possible(scene.walk_limits, scene, *med) ||
      glm::dot(dir, s.ng) >= 0.0f || bsdf_is_delta(bsdf))
    return false;
  MediumCoefficients m = sample_medium(*med, wl);
  if (!medium_scatters(m)) return false;
  WalkRng rng = walk_rng(sampler);
  AimLobe lobe{med->boundary_alpha, med->boundary_ior};
  AimedEntry en{m, scene.offset(s.p, s.ng, -s.ng), s.ng, lobe, frame, wo, bsdf, st.beta, st.r_u};
  for (int i = 0; i < kAimedEntries; ++i) st.L += aimed_entry(scene, en, wl, rng, c, log);
  return true;
}

}  // namespace

bool trace(const Scene& scene, const Ray& ray, RayHit& hit, PathCounters& c,
           std::vector<RayRecord>* log) {
  ++c.rays;
  if (log) log->push_back({ray.origin, ray.tmin, ray.dir, ray.tmax, 0});
  return scene.rt->intersect(ray, hit);
}

bool occluded(const Scene& scene, const Ray& ray, PathCounters& c, std::vector<RayRecord>* log) {
  ++c.rays;
  if (log) log->push_back({ray.origin, ray.tmin, ray.dir, ray.tmax, 1});
  return scene.rt->occluded(ray);
}

SampledSpectrum trace_path(const Scene& scene, Ray ray, const SampledWavelengths& wl,
                           Sampler& sampler, PathCounters& c, std::vector<RayRecord>* log) {
  PathState st;
  st.cone = camera_ray_cone(scene.camera);
  for (int depth = 0;; ++depth) {
    RayHit hit;
    bool found = true;
    if (st.medium) {  // inside a subsurface object: walk to the next surface (medium_walk.h)
      bool scattered;
      WalkEnd end = walk_medium(scene, *st.medium, ray, hit, wl, sampler, st.beta, st.r_u, c,
                                log, &scattered, WalkEntry{st.prev_ng, st.entry_pdf}, st.L,
                                &st.exit, scene.walk_limits);
      if (end == WalkEnd::Absorbed) break;
      if (scattered) st.specular = true;  // no light sampling inside: full weight on emission
      found = end == WalkEnd::Surface;
    } else {
      found = trace(scene, ray, hit, c, log);
    }
    if (!found) {
      add_escaped(scene, st, ray.dir, wl);
      break;
    }
    SurfaceHit s = scene.surface(ray, hit);
    if (s.light >= 0) {
      add_emission(scene, st, s.light, light_hit(scene.lights[s.light], ray.dir, wl), ray.dir,
                   hit.t);
      break;
    }
    if (depth >= scene.film.max_depth) break;
    // A ray in air meeting a subsurface object from behind was in fact inside it (the path
    // crossed a self-intersecting part of the mesh, such as an eyelid through the eyeball, on
    // the wrong side): it has carried light through the bulk unattenuated, so it ends here.
    if (!st.medium && glm::dot(ray.dir, s.ng) > 0.0f &&
        interior_medium(scene.materials[s.material]))
      break;
    if (!st.medium) st.exit.valid = false;  // only the walk's own exit vertex and the ray after
    s.ctx.footprint_mm = st.cone.width_at(hit.t);
    apply_surface_detail(scene, s, -ray.dir);
    Bsdf bsdf = material_bsdf(scene.materials[s.material], wl, s.ctx);
    Frame frame = Frame::from_z(s.ns);
    glm::vec3 wo = frame.to_local(-ray.dir);
    if (!bsdf_is_delta(bsdf)) sample_direct(scene, st, s, frame, bsdf, wo, wl, sampler, c, log);
    bool aimed = try_aimed_entry(scene, st, s, frame, bsdf, wo, ray.dir, wl, sampler, c, log);
    float uc = sampler.get1d();
    auto bs = bsdf_sample(bsdf, wo, uc, sampler.get2d());
    if (!bs || bs->pdf <= 0.0f || bs->f.is_black()) break;
    st.beta *= bs->f * (std::fabs(bs->wi.z) / bs->pdf);
    st.specular = bs->specular;
    st.cone.bounce(hit.t, bs->specular);
    st.prev_pdf = bs->pdf;
    st.prev_p = s.p;
    st.prev_ng = s.ng;
    if (bs->transmission) st.eta_scale *= bs->eta * bs->eta;
    glm::vec3 wi = glm::normalize(frame.to_world(bs->wi));
    bool mirrored = mirror_through_surface(s.ng, -ray.dir, wo.z, bs->wi.z, wi);
    if (mirrored) st.specular = true;  // bent ns
    if (bs->transmission)  // into a closed object: its medium, if any; out of it: air
      st.medium =
          glm::dot(wi, s.ng) < 0.0f ? interior_medium(scene.materials[s.material]) : nullptr;
    st.entry_pdf = aimed && st.medium && !bs->specular && !mirrored ? bs->pdf : 0.0f;
    ray = Ray{scene.offset(s.p, s.ng, wi), wi, 0.0f, 1e30f};
    if (depth >= kRouletteDepth) {
      float q = std::max(0.05f, 1.0f - st.beta.max_value() * st.eta_scale);
      if (sampler.get1d() < q) break;
      st.beta /= 1.0f - q;
    }
  }
  return st.L;
}

}  // namespace limner
