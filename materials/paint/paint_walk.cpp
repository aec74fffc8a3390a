#include "materials/paint/paint_walk.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "materials/bsdf/conductor.h"
#include "materials/bsdf/dielectric.h"
#include "materials/bsdf/diffuse.h"
#include "materials/bsdf/microfacet.h"
#include "materials/bsdf/sampling.h"

namespace limner {

namespace {

constexpr int kMaxEvents = 1024;
constexpr int kRouletteAfter = 8;

// splitmix64, seeded by hashing the walk's arguments.
class WalkRng {
 public:
  explicit WalkRng(uint64_t seed) : state_(seed) {}
  float uniform() { return static_cast<float>(next() >> 40) * 0x1p-24f; }
  glm::vec2 uniform2() { return {uniform(), uniform()}; }

 private:
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t state_;
};

uint64_t hash_in(uint64_t h, float x) {
  uint32_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  h ^= bits + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  return h * 0xBF58476D1CE4E5B9ull;
}

uint64_t seed_of(const glm::vec3& a, const glm::vec3& c, float extra) {
  uint64_t h = 0x2545F4914F6CDD1Dull;
  for (float x : {a.x, a.y, a.z, c.x, c.y, c.z, extra}) h = hash_in(h, x);
  return h;
}

enum class VertexKind { Scatter, Flake, Substrate };
enum class Step { Event, Crossed, Bottom, Top };

struct Walk {
  const PaintBsdf& b;
  WalkRng rng;
  SampledSpectrum beta{1.0f};
  glm::vec3 w{0.0f};  // travel direction inside the binder
  int layer = 0;      // current slab
  float x = 0.0f;     // depth from the top of the slab, as a fraction of its thickness
  VertexKind kind = VertexKind::Scatter;
  bool delta_path = true;
  float last_pdf = 0.0f;  // the last vertex's density for the direction it sent the walk
  bool last_delta = false;

  Walk(const PaintBsdf& bsdf, uint64_t seed) : b(bsdf), rng(seed) {}
  int top() const { return b.slab_count - 1; }
};

SampledSpectrum extinction(const PaintSlab& s) { return s.kd + s.sd + SampledSpectrum(s.flake_d); }

// Unscattered transmittance from the walk's depth up to the finish.
SampledSpectrum transmittance_to_top(const Walk& k) {
  SampledSpectrum od(0.0f);
  for (int l = k.layer + 1; l < k.b.slab_count; ++l) od += extinction(k.b.slabs[l]);
  if (k.b.slab_count > 0) od += extinction(k.b.slabs[k.layer]) * k.x;
  SampledSpectrum t;
  for (int i = 0; i < kLambdas; ++i) t[i] = std::exp(-od[i]);
  return t;
}

// Leaves the current slab through the side the walk travels to.
Step cross(Walk& k) {
  if (k.w.z < 0.0f) {
    if (k.layer == 0) return Step::Bottom;
    --k.layer;
    k.x = 0.0f;
  } else {
    if (k.layer == k.top()) return Step::Top;
    ++k.layer;
    k.x = 1.0f;
  }
  return Step::Crossed;
}

// Free flight in depth. Events (scattering S, flakes phi) are sampled by one-sample MIS over
// the four wavelengths' rates (balance heuristic); absorption K only weights.
Step fly(Walk& k) {
  if (k.b.slab_count == 0) return k.w.z < 0.0f ? Step::Bottom : Step::Top;
  const PaintSlab& s = k.b.slabs[k.layer];
  bool down = k.w.z < 0.0f;
  float remaining = down ? 1.0f - k.x : k.x;
  SampledSpectrum rate = s.sd + SampledSpectrum(s.flake_d), ext = extinction(s);
  int j = std::min(kLambdas - 1, static_cast<int>(k.rng.uniform() * kLambdas));
  float u = k.rng.uniform();
  float t = rate[j] > 0.0f ? -std::log1p(-u) / rate[j] : std::numeric_limits<float>::infinity();
  if (t >= remaining) {
    float p = 0.0f;
    for (int i = 0; i < kLambdas; ++i) p += std::exp(-rate[i] * remaining) / kLambdas;
    for (int i = 0; i < kLambdas; ++i)
      k.beta[i] *= p > 0.0f ? std::exp(-ext[i] * remaining) / p : 0.0f;
    return cross(k);
  }
  float p = 0.0f;
  for (int i = 0; i < kLambdas; ++i) p += rate[i] * std::exp(-rate[i] * t) / kLambdas;
  float scatter = s.sd.average(), p_scatter = scatter / (scatter + s.flake_d);
  k.kind = k.rng.uniform() < p_scatter ? VertexKind::Scatter : VertexKind::Flake;
  for (int i = 0; i < kLambdas; ++i) {
    float event =
        k.kind == VertexKind::Scatter ? s.sd[i] / p_scatter : s.flake_d / (1.0f - p_scatter);
    k.beta[i] *= std::exp(-ext[i] * t) * event / p;
  }
  k.x += down ? t : -t;
  return Step::Event;
}

const ConductorBsdf& flakes_of(const Walk& k) {
  return k.b.directional[k.b.slabs[k.layer].flake].flakes;
}

SampledSpectrum vertex_f(const Walk& k, const glm::vec3& wo, const glm::vec3& wi) {
  switch (k.kind) {
    case VertexKind::Scatter:
      return SampledSpectrum(same_side(wo, wi) ? kInvPi : 0.0f);
    case VertexKind::Flake:
      return conductor_eval(flakes_of(k), wo, wi);
    case VertexKind::Substrate:
      break;
  }
  if (auto* d = std::get_if<DiffuseBsdf>(&k.b.substrate)) return diffuse_eval(*d, wo, wi);
  if (auto* c = std::get_if<ConductorBsdf>(&k.b.substrate)) return conductor_eval(*c, wo, wi);
  return SampledSpectrum(
      dielectric_eval(std::get<DielectricBsdf>(k.b.substrate), wo, wi, TransportMode::Radiance));
}

float vertex_pdf(const Walk& k, const glm::vec3& wo, const glm::vec3& wi) {
  switch (k.kind) {
    case VertexKind::Scatter:
      return same_side(wo, wi) ? cosine_hemisphere_pdf(wi.z) : 0.0f;
    case VertexKind::Flake:
      return conductor_pdf(flakes_of(k), wo, wi);
    case VertexKind::Substrate:
      break;
  }
  if (std::holds_alternative<DiffuseBsdf>(k.b.substrate)) return diffuse_pdf(wo, wi);
  if (auto* c = std::get_if<ConductorBsdf>(&k.b.substrate)) return conductor_pdf(*c, wo, wi);
  return dielectric_pdf(std::get<DielectricBsdf>(k.b.substrate), wo, wi);
}

std::optional<BsdfSample> vertex_sample(Walk& k, const glm::vec3& wo) {
  float uc = k.rng.uniform();
  glm::vec2 u = k.rng.uniform2();
  switch (k.kind) {
    case VertexKind::Scatter: {
      BsdfSample s;
      s.wi = sample_cosine_hemisphere(u);
      if (wo.z < 0.0f) s.wi.z = -s.wi.z;
      s.pdf = cosine_hemisphere_pdf(s.wi.z);
      s.f = SampledSpectrum(kInvPi);
      return s;
    }
    case VertexKind::Flake:
      return conductor_sample(flakes_of(k), wo, uc, u);
    case VertexKind::Substrate:
      break;
  }
  if (auto* d = std::get_if<DiffuseBsdf>(&k.b.substrate)) return diffuse_sample(*d, wo, u);
  if (auto* c = std::get_if<ConductorBsdf>(&k.b.substrate)) return conductor_sample(*c, wo, uc, u);
  return dielectric_sample(std::get<DielectricBsdf>(k.b.substrate), wo, uc, u,
                           TransportMode::Radiance);
}

// Scatters at the current vertex; false when the walk ends there (absorbed, or transmitted
// into a dielectric substrate).
bool scatter(Walk& k) {
  glm::vec3 wo = -k.w;
  auto s = vertex_sample(k, wo);
  if (!s || !(s->pdf > 0.0f) || !same_side(wo, s->wi)) return false;
  k.beta *= s->f * (std::fabs(s->wi.z) / s->pdf);
  k.w = s->wi;
  k.last_pdf = s->pdf;
  k.last_delta = s->specular;
  k.delta_path = k.delta_path && s->specular;
  return !k.beta.is_black();
}

// Inside the binder Radiance-mode throughput carries the 1 / n^2 of entering: roulette looks
// at the energy (beta n^2), or every walk would be cut as if it had lost most of its light.
bool survives_roulette(Walk& k, int events) {
  if (events < kRouletteAfter) return true;
  float n2 = k.b.has_finish ? k.b.finish.eta * k.b.finish.eta : 1.0f;
  float q = std::max(0.0f, 1.0f - k.beta.max_value() * n2);
  if (k.rng.uniform() < q) return false;
  k.beta /= 1.0f - q;
  return true;
}

// Enters through the finish from wo; false when the light is reflected (or nothing sampled).
// With `reflected`, a reflection is returned there instead.
bool enter(Walk& k, const glm::vec3& wo, float uc, const glm::vec2& u,
           std::optional<PaintWalkExit>* reflected) {
  k.layer = k.top();
  k.x = 0.0f;
  if (!k.b.has_finish) {
    k.w = -wo;
    return true;
  }
  auto s = dielectric_sample(k.b.finish, wo, uc, u, TransportMode::Radiance);
  if (!s || !(s->pdf > 0.0f)) return false;
  SampledSpectrum weight = s->f * (std::fabs(s->wi.z) / s->pdf);
  if (s->wi.z > 0.0f) {
    if (reflected) *reflected = PaintWalkExit{s->wi, weight, s->specular};
    return false;
  }
  k.beta = weight;
  k.w = s->wi;
  k.delta_path = s->specular;
  return true;
}

// At the finish from below: true when the walk leaves (direction in *out), false when it is
// reflected back down (the walk continues, or *dead when nothing was sampled).
bool leave(Walk& k, glm::vec3* out, bool* dead) {
  if (!k.b.has_finish) {
    *out = k.w;
    return true;
  }
  auto s = dielectric_sample(k.b.finish, -k.w, k.rng.uniform(), k.rng.uniform2(),
                             TransportMode::Radiance);
  if (!s || !(s->pdf > 0.0f)) {
    *dead = true;
    return false;
  }
  k.beta *= s->f * (std::fabs(s->wi.z) / s->pdf);
  k.delta_path = k.delta_path && s->specular;
  k.w = s->wi;
  k.layer = k.top();
  k.x = 0.0f;
  *out = s->wi;
  return s->wi.z > 0.0f;
}

// Next-event estimation at the current vertex towards the light from wi, through the finish.
void connect(Walk& k, const glm::vec3& wi, SampledSpectrum* sum) {
  glm::vec3 wo = -k.w;
  if (wo.z <= 0.0f) return;  // vertices only send light back the way it came
  glm::vec3 up = wi;
  float through = 1.0f, p_finish = 0.0f;
  bool mis = false;
  if (k.b.has_finish) {
    auto t = dielectric_sample(k.b.finish, wi, k.rng.uniform(), k.rng.uniform2(),
                               TransportMode::Importance);
    if (!t || t->wi.z >= 0.0f || !(t->pdf > 0.0f)) return;
    up = -t->wi;
    through = t->f[0] * std::fabs(t->wi.z) / t->pdf;
    p_finish = t->pdf;
    mis = !t->specular;
  }
  SampledSpectrum f = vertex_f(k, wo, up);
  if (f.is_black()) return;
  float weight = 1.0f;
  if (mis) {
    float p_vertex = vertex_pdf(k, wo, up);
    weight = p_finish * p_finish / (p_finish * p_finish + p_vertex * p_vertex);
  }
  *sum += k.beta * f * transmittance_to_top(k) * (through * weight);
}

// The walk reached the finish from below: the light from wi transmitted to it (MIS against
// next-event estimation from the last vertex).
void hit_finish(Walk& k, const glm::vec3& wi, SampledSpectrum* sum) {
  if (!k.b.has_finish || dielectric_is_delta(k.b.finish)) return;
  float f = dielectric_eval(k.b.finish, -k.w, wi, TransportMode::Radiance);
  if (!(f > 0.0f)) return;
  float weight = 1.0f;
  if (!k.last_delta) {
    float p_finish = dielectric_pdf(k.b.finish, wi, -k.w);
    weight = k.last_pdf * k.last_pdf / (k.last_pdf * k.last_pdf + p_finish * p_finish);
  }
  *sum += k.beta * (f * weight);
}

// Moves to the next vertex (kind and depth set), to the finish from below, or to the end of
// the walk (absorbed).
enum class Next { Vertex, Top, End };
Next advance(Walk& k) {
  for (int crossings = 0; crossings <= 2 * kMaxPaintLayers; ++crossings) {
    Step step = fly(k);
    if (k.beta.is_black()) return Next::End;
    if (step == Step::Event) return Next::Vertex;
    if (step == Step::Top) return Next::Top;
    if (step == Step::Bottom) {
      k.kind = VertexKind::Substrate;
      k.layer = 0;
      k.x = 1.0f;
      return Next::Vertex;
    }
  }
  return Next::End;
}

SampledSpectrum one_eval_walk(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi,
                              int index) {
  Walk k(b, seed_of(wo, wi, static_cast<float>(index)));
  SampledSpectrum sum(0.0f);
  if (!enter(k, wo, k.rng.uniform(), k.rng.uniform2(), nullptr)) return sum;
  for (int events = 0; events < kMaxEvents; ++events) {
    Next next = advance(k);
    if (next == Next::End) break;
    if (next == Next::Vertex) {
      connect(k, wi, &sum);
      if (!scatter(k)) break;
    } else {
      hit_finish(k, wi, &sum);
      glm::vec3 out;
      bool dead = false;
      if (leave(k, &out, &dead) || dead) break;
    }
    if (!survives_roulette(k, events)) break;
  }
  return sum;
}

}  // namespace

std::optional<PaintWalkExit> paint_walk_sample(const PaintBsdf& b, const glm::vec3& wo, float uc,
                                               const glm::vec2& u) {
  Walk k(b, seed_of(wo, glm::vec3(u, uc), 0.5f));
  std::optional<PaintWalkExit> reflected;
  if (!enter(k, wo, uc, u, &reflected)) return reflected;
  for (int events = 0; events < kMaxEvents; ++events) {
    Next next = advance(k);
    if (next == Next::End) break;
    if (next == Next::Vertex) {
      if (!scatter(k)) break;
    } else {
      glm::vec3 out;
      bool dead = false;
      if (leave(k, &out, &dead)) return PaintWalkExit{out, k.beta, k.delta_path};
      if (dead) break;
    }
    if (!survives_roulette(k, events)) break;
  }
  return std::nullopt;
}

SampledSpectrum paint_walk_eval(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi) {
  SampledSpectrum f(0.0f);
  if (b.has_finish && !dielectric_is_delta(b.finish))
    f += SampledSpectrum(dielectric_eval(b.finish, wo, wi, TransportMode::Radiance));
  SampledSpectrum walks(0.0f);
  for (int n = 0; n < kEvalWalks; ++n) walks += one_eval_walk(b, wo, wi, n);
  return f + walks / static_cast<float>(kEvalWalks);
}

}  // namespace limner
