#include "materials/detail/noise.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace limner {

namespace {

constexpr float kPiF = 3.14159265358979323846f;

struct KindName {
  NoiseKind kind;
  const char* name;
};
constexpr KindName kKindNames[] = {{NoiseKind::Pores, "pores"},
                                   {NoiseKind::Weave, "weave"},
                                   {NoiseKind::Brush, "brush"},
                                   {NoiseKind::Hammered, "hammered"}};

// Chris Wellons' "lowbias32" integer finaliser: every input bit affects every output bit.
uint32_t mix32(uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  x ^= x >> 16;
  return x;
}

float unit_float(uint32_t h) { return float(h >> 8) * (1.0f / 16777216.0f); }  // [0, 1)

// Perlin's twelve cube-edge gradients (improved noise, 2002).
constexpr float kGrad[12][3] = {{1, 1, 0}, {-1, 1, 0}, {1, -1, 0}, {-1, -1, 0},
                                {1, 0, 1}, {-1, 0, 1}, {1, 0, -1}, {-1, 0, -1},
                                {0, 1, 1}, {0, -1, 1}, {0, 1, -1}, {0, -1, -1}};

float fade(float t) { return t * t * t * (t * (t * 6.0f - 15.0f) + 10.0f); }
float fade_d(float t) { return 30.0f * t * t * (t * (t - 2.0f) + 1.0f); }

// Clamped so that far-away points (beyond 1e9 cells, where float has no fraction left anyway)
// never overflow the conversion to int.
glm::ivec3 cell_of(const glm::vec3& p) {
  glm::vec3 c = glm::clamp(glm::floor(p), glm::vec3(-1e9f), glm::vec3(1e9f));
  return glm::ivec3(int(c.x), int(c.y), int(c.z));
}

// The feature point of a cell (uniform in the cell) and a second hash for its attributes.
glm::vec3 feature_point(const glm::ivec3& c, uint32_t seed, uint32_t& extra) {
  uint32_t h = noise_hash(c.x, c.y, c.z, seed);
  uint32_t h2 = mix32(h ^ 0x9e3779b9u);
  extra = mix32(h2 + 0x632be5abu);
  return glm::vec3(c) + glm::vec3(float(h & 0x7ffu), float((h >> 11) & 0x7ffu),
                                  float(h2 & 0x7ffu)) * (1.0f / 2048.0f);
}

// Pits of radius 0.2-0.4 cells and depth 0.5-1 around one feature point per cell, with the
// C1 profile (1 - s)^2, s = (distance / radius)^2. Radii stay below half a cell, so only the
// two cells nearest along each axis can reach p: 8 cells, not 27.
NoiseValue pores(const glm::vec3& q) {
  glm::ivec3 c = cell_of(q);
  glm::vec3 f = q - glm::vec3(c);
  glm::ivec3 lo(f.x < 0.5f ? -1 : 0, f.y < 0.5f ? -1 : 0, f.z < 0.5f ? -1 : 0);
  NoiseValue out;
  for (int i = 0; i < 8; ++i) {
    glm::ivec3 cell = c + lo + glm::ivec3(i & 1, (i >> 1) & 1, (i >> 2) & 1);
    uint32_t extra;
    glm::vec3 d = q - feature_point(cell, 0x51u, extra);
    float r = 0.2f + 0.2f * unit_float(extra);
    float depth = 0.5f + 0.5f * unit_float(mix32(extra));
    float s = glm::dot(d, d) / (r * r);
    if (s >= 1.0f) continue;
    float v = -depth * (1.0f - s) * (1.0f - s);
    if (v < out.value) {  // where pits overlap the deeper one wins: continuous, within [-1, 0]
      out.value = v;
      out.grad = depth * 4.0f * (1.0f - s) / (r * r) * d;
    }
  }
  return out;
}

// Overlapping hammer blows: each leaves a paraboloid dent, and the surface is the lowest of
// them (F1^2 of a cellular field), up to the undisturbed level. Ridges form where dents meet.
NoiseValue hammered(const glm::vec3& q) {
  glm::ivec3 c = cell_of(q);
  float best = 1.0f;
  glm::vec3 best_d(0.0f);
  for (int z = -1; z <= 1; ++z)
    for (int y = -1; y <= 1; ++y)
      for (int x = -1; x <= 1; ++x) {
        uint32_t extra;
        glm::vec3 d = q - feature_point(c + glm::ivec3(x, y, z), 0x4a3u, extra);
        float d2 = glm::dot(d, d);
        if (d2 < best) {
          best = d2;
          best_d = d;
        }
      }
  NoiseValue out;
  out.value = best - 1.0f;
  out.grad = best < 1.0f ? 2.0f * best_d : glm::vec3(0.0f);
  return out;
}

// Fixed generic rotations (and offsets) per octave, so no octave's lattice lines up with the
// object's axes or with another octave's lattice (a slice through lattice points would have
// less variance).
struct Octave {
  glm::mat3 rot;
  glm::vec3 offset;
  float freq, amp;
};

glm::mat3 rotation_about(glm::vec3 axis, float angle) {
  axis = glm::normalize(axis);
  float c = std::cos(angle), s = std::sin(angle);
  glm::mat3 k(0, axis.z, -axis.y, -axis.z, 0, axis.x, axis.y, -axis.x, 0);  // column-major
  return glm::mat3(1.0f) + s * k + (1.0f - c) * k * k;
}

const Octave* brush_octaves() {
  static const Octave kOctaves[3] = {
      {rotation_about({0.3f, 0.8f, 0.5f}, 0.71f), {17.31f, 5.77f, 11.13f}, 1.0f, 1.0f},
      {rotation_about({-0.6f, 0.2f, 0.7f}, 1.37f), {3.19f, 29.41f, 7.83f}, 2.13f, 0.5f},
      {rotation_about({0.5f, -0.7f, 0.2f}, 2.11f), {41.7f, 13.9f, 23.3f}, 4.41f, 0.25f}};
  return kOctaves;
}

// Brush ridges: gradient noise in coordinates already stretched along the stroke (make_noise_
// pattern): three octaves, the finer ones the ridges the bristles leave inside a stroke.
NoiseValue brush_raw(const glm::vec3& q) {
  NoiseValue out;
  const Octave* oct = brush_octaves();
  for (int i = 0; i < 3; ++i) {
    NoiseValue n = gradient_noise(oct[i].rot * (q * oct[i].freq) + oct[i].offset);
    out.value += oct[i].amp * n.value;
    out.grad += (oct[i].amp * oct[i].freq) * (glm::transpose(oct[i].rot) * n.grad);
  }
  return out;
}

// Plain weave in thread coordinates: warp threads run along u (thread j covers v in
// [j, j+1)), weft along v. A thread's top is half its rounded cross-section and half its
// undulation over and under the crossing threads; warp is up where i + j is even. The visible
// surface is the higher of the two. Returns value in [0, 1] and (d/du, d/dv).
glm::vec3 weave2d(float u, float v) {
  float i = std::floor(u), j = std::floor(v);
  float fu = u - i, fv = v - j;
  float au = kPiF * (u - 0.5f - j), av = kPiF * (v - 0.5f - i);
  float warp = 0.25f * (1.0f + std::cos(au)) + 0.5f * (1.0f - (2.0f * fv - 1.0f) * (2.0f * fv - 1.0f));
  float weft = 0.25f * (1.0f - std::cos(av)) + 0.5f * (1.0f - (2.0f * fu - 1.0f) * (2.0f * fu - 1.0f));
  if (warp >= weft) return {warp, -0.25f * kPiF * std::sin(au), -2.0f * (2.0f * fv - 1.0f)};
  return {weft, -2.0f * (2.0f * fu - 1.0f), 0.25f * kPiF * std::sin(av)};
}

// Triplanar: one weave per plane of the pattern frame (a = e1, b = e2, t = d), blended by the
// normal's components to the 8th power, so each face sees one weave except in narrow bands.
// Warp follows d in the two planes that contain it, and e1 on the plane facing d.
NoiseValue weave(const glm::vec3& q, const glm::vec3& n_frame) {
  glm::vec3 w = glm::abs(n_frame);
  w *= w;
  w *= w;
  w *= w;
  float sum = w.x + w.y + w.z;
  w = sum > 0.0f ? w / sum : glm::vec3(0.0f, 0.0f, 1.0f);
  // Planes with less than 2% weight are dropped (the weights shift by at most that, and stay
  // continuous in the normal): most hits then evaluate one weave, not three.
  w = glm::max(w - 0.02f, glm::vec3(0.0f));
  w /= w.x + w.y + w.z;
  NoiseValue out;
  if (w.x > 0.0f) {  // plane facing e1: warp along t, weft along b
    glm::vec3 h = weave2d(q.z, q.y);
    out.value += w.x * h.x;
    out.grad += w.x * glm::vec3(0.0f, h.z, h.y);
  }
  if (w.y > 0.0f) {  // plane facing e2: warp along t, weft along a
    glm::vec3 h = weave2d(q.z, q.x);
    out.value += w.y * h.x;
    out.grad += w.y * glm::vec3(h.z, 0.0f, h.y);
  }
  if (w.z > 0.0f) {  // plane facing d: warp along a, weft along b
    glm::vec3 h = weave2d(q.x, q.y);
    out.value += w.z * h.x;
    out.grad += w.z * glm::vec3(h.y, h.z, 0.0f);
  }
  return out;
}

// Brush strokes are this many times longer than they are wide.
constexpr float kBrushElongation = 8.0f;

// Mean and RMS deviation of each pattern's relief (measured over 4 million points of a large
// volume; tests/detail/noise_test.cpp checks them on planes). Brush: RMS of brush_raw.
constexpr float kBrushRawRms = 0.3095f;
struct Stats {
  float mean, rms;
};
Stats relief_stats(NoiseKind k) {
  switch (k) {
    case NoiseKind::Pores:
      return {-0.0214f, 0.0876f};
    case NoiseKind::Weave:
      return {0.7558f, 0.1537f};
    case NoiseKind::Brush:
      return {0.0f, 0.25f};
    case NoiseKind::Hammered:
      return {-0.6996f, 0.1814f};
  }
  return {0.0f, 1.0f};
}

}  // namespace

bool noise_kind_from_name(const std::string& name, NoiseKind& kind) {
  for (const KindName& k : kKindNames)
    if (name == k.name) {
      kind = k.kind;
      return true;
    }
  return false;
}

const char* noise_kind_name(NoiseKind kind) {
  for (const KindName& k : kKindNames)
    if (k.kind == kind) return k.name;
  return "?";
}

const char* noise_kind_names() { return "pores, weave, brush, hammered"; }

uint32_t noise_hash(int x, int y, int z, uint32_t seed) {
  // Odd multipliers spread neighbouring cells apart; one finaliser mixes them.
  return mix32(uint32_t(x) * 0x8da6b343u ^ uint32_t(y) * 0xd8163841u ^
               uint32_t(z) * 0xcb1ab31fu ^ seed * 0x9e3779b1u);
}

NoiseValue gradient_noise(const glm::vec3& p) {
  glm::ivec3 c = cell_of(p);
  glm::vec3 f = p - glm::vec3(c);
  glm::vec3 u(fade(f.x), fade(f.y), fade(f.z));
  glm::vec3 du(fade_d(f.x), fade_d(f.y), fade_d(f.z));
  NoiseValue out;
  for (int i = 0; i < 8; ++i) {
    glm::ivec3 o(i & 1, (i >> 1) & 1, (i >> 2) & 1);
    const float* g = kGrad[noise_hash(c.x + o.x, c.y + o.y, c.z + o.z, 0x2du) % 12u];
    glm::vec3 grad(g[0], g[1], g[2]);
    glm::vec3 d = f - glm::vec3(o);
    float v = glm::dot(grad, d);
    // Trilinear weights in the faded coordinates, and their derivatives.
    glm::vec3 w(o.x ? u.x : 1.0f - u.x, o.y ? u.y : 1.0f - u.y, o.z ? u.z : 1.0f - u.z);
    glm::vec3 dw(o.x ? du.x : -du.x, o.y ? du.y : -du.y, o.z ? du.z : -du.z);
    float weight = w.x * w.y * w.z;
    out.value += weight * v;
    out.grad += weight * grad + v * glm::vec3(dw.x * w.y * w.z, w.x * dw.y * w.z, w.x * w.y * dw.z);
  }
  return out;
}

NoisePattern make_noise_pattern(NoiseKind kind, float scale_mm, const glm::vec3& direction) {
  if (!(scale_mm >= kMinScaleMm && scale_mm <= kMaxScaleMm))
    throw std::invalid_argument("scale_mm must lie in [0.001, 1000] mm, got " +
                                std::to_string(scale_mm));
  float len = glm::length(direction);
  if (!(len > 0.0f) || !std::isfinite(len))
    throw std::invalid_argument("direction must be a finite, non-zero vector");
  glm::vec3 d = direction / len;
  // The helper axis is the object axis least aligned with d (first of x, y, z on ties), so
  // direction [1, 0, 0] gives the frame (y, z, x).
  glm::vec3 a = glm::abs(d);
  glm::vec3 helper = a.x <= a.y && a.x <= a.z ? glm::vec3(1, 0, 0)
                     : a.y <= a.z             ? glm::vec3(0, 1, 0)
                                              : glm::vec3(0, 0, 1);
  glm::vec3 e1 = glm::normalize(helper - glm::dot(helper, d) * d);
  glm::vec3 e2 = glm::cross(d, e1);
  NoisePattern p;
  p.kind = kind;
  p.scale_mm = scale_mm;
  float along = kind == NoiseKind::Brush ? 1.0f / kBrushElongation : 1.0f;
  // Rows e1, e2, d (glm is column-major: build the transpose).
  p.to_frame = glm::transpose(glm::mat3(e1, e2, d * along)) * (1.0f / scale_mm);
  // A jittered grid is not quite stationary (feature points are spread differently at cell
  // faces than at cell centres), so a flat face lying on a lattice plane would see other
  // statistics. A generic rotation puts the cellular lattices askew to every axis.
  if (kind == NoiseKind::Pores || kind == NoiseKind::Hammered)
    p.to_frame = rotation_about({0.41f, -0.23f, 0.88f}, 0.93f) * p.to_frame;
  return p;
}

NoiseValue noise_relief(const NoisePattern& pattern, const glm::vec3& p, const glm::vec3& n) {
  glm::vec3 q = pattern.to_frame * p;
  NoiseValue v;
  switch (pattern.kind) {
    case NoiseKind::Pores:
      v = pores(q);
      break;
    case NoiseKind::Hammered:
      v = hammered(q);
      break;
    case NoiseKind::Brush:
      v = brush_raw(q);
      v.value *= 0.25f / kBrushRawRms;
      v.grad *= 0.25f / kBrushRawRms;
      break;
    case NoiseKind::Weave:
      v = weave(q, pattern.to_frame * n);  // uniform scale: direction unchanged
      break;
  }
  v.grad = glm::transpose(pattern.to_frame) * v.grad;  // d/dq -> d/dp (per mm)
  return v;
}

NoiseValue noise_standard(const NoisePattern& pattern, const glm::vec3& p, const glm::vec3& n) {
  NoiseValue v = noise_relief(pattern, p, n);
  Stats s = relief_stats(pattern.kind);
  v.value = (v.value - s.mean) / s.rms;
  v.grad /= s.rms;
  return v;
}

}  // namespace limner
