#include "materials/paint/paint_bsdf_tables.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "materials/bsdf/dielectric.h"
#include "materials/bsdf/fresnel.h"
#include "materials/bsdf/microfacet.h"
#include "materials/bsdf/sampling.h"
#include "materials/paint/km.h"

namespace limner {

namespace {

constexpr int kVndfGrid = 64;    // visible-normal quadrature of the single-scattering albedo
constexpr int kCosineGrid = 32;  // cosine-weighted quadrature of the compensation lobe

float table_cosine(int i) { return (i + 0.5f) / kFinishTableSize; }

float critical_cosine(float eta) { return std::sqrt(1.0f - 1.0f / (eta * eta)); }
// Binder cosine of a direction refracted from outside cosine mu, and back.
float inside_cosine(float mu, float eta) {
  return std::sqrt(std::max(0.0f, 1.0f - (1.0f - mu * mu) / (eta * eta)));
}
float outside_cosine(float mu_t, float eta) {
  return std::sqrt(std::max(0.0f, 1.0f - eta * eta * (1.0f - mu_t * mu_t)));
}

glm::vec3 direction_with_cosine(float mu) {
  return {std::sqrt(std::max(0.0f, 1.0f - mu * mu)), 0.0f, mu};
}

float lookup(const float* t, float cos_theta) {
  float x = std::fabs(cos_theta) * kFinishTableSize - 0.5f;
  if (!(x > 0.0f)) return t[0];  // also catches NaN
  if (x >= kFinishTableSize - 1) return t[kFinishTableSize - 1];
  int i = static_cast<int>(x);
  float f = x - static_cast<float>(i);
  return t[i] + f * (t[i + 1] - t[i]);
}

// A direction of cosine mu on the air side (z > 0) or the binder side.
glm::vec3 side_direction(float mu, bool outside) {
  glm::vec3 w = direction_with_cosine(mu);
  if (!outside) w.z = -w.z;
  return w;
}

// Single-scattering reflection albedo: the mean of F G2 / G1 over the visible normals (the
// weight visible-normal sampling gives a reflected direction).
float single_albedo(const DielectricBsdf& d, float mu, bool outside) {
  Ggx ggx{d.alpha};
  glm::vec3 wo = side_direction(mu, outside);
  float g1 = ggx.g1(wo);
  double sum = 0.0;
  for (int y = 0; y < kVndfGrid; ++y) {
    for (int x = 0; x < kVndfGrid; ++x) {
      glm::vec3 wm = ggx.sample_visible(wo, {(x + 0.5f) / kVndfGrid, (y + 0.5f) / kVndfGrid});
      glm::vec3 wi = reflect(wo, wm);
      if (wi.z * wo.z > 0.0f)
        sum += fresnel_dielectric(glm::dot(wo, wm), d.eta) * ggx.g(wo, wi) / g1;
    }
  }
  return static_cast<float>(sum / (kVndfGrid * kVndfGrid));
}

float single_reflection(const DielectricBsdf& d, const glm::vec3& wo, const glm::vec3& wi) {
  glm::vec3 wm = glm::normalize(wo + wi);
  if (wm.z < 0.0f) wm = -wm;
  Ggx ggx{d.alpha};
  return ggx.d(wm) * ggx.g(wo, wi) * fresnel_dielectric(glm::dot(wo, wm), d.eta) /
         std::fabs(4.0f * wo.z * wi.z);
}

// Albedo of the compensation lobe's reflection: what dielectric_eval adds to single
// scattering, integrated with cosine-weighted directions (the lobe is smooth; near a narrow
// single-scattering peak the difference is tiny against the peak's own rounding).
float ms_albedo(const DielectricBsdf& d, float mu, bool outside) {
  if (!d.energy_outside || !d.energy_inside) return 0.0f;
  glm::vec3 wo = side_direction(mu, outside);
  double sum = 0.0;
  for (int y = 0; y < kCosineGrid; ++y) {
    for (int x = 0; x < kCosineGrid; ++x) {
      glm::vec3 wi = sample_cosine_hemisphere({(x + 0.5f) / kCosineGrid, (y + 0.5f) / kCosineGrid});
      if (wi.z <= 0.0f) continue;
      if (!outside) wi.z = -wi.z;
      float f = dielectric_eval(d, wo, wi, TransportMode::Radiance);
      sum += std::max(0.0f, f - single_reflection(d, wo, wi)) * kPi;  // f cos / (cos / pi)
    }
  }
  return static_cast<float>(sum / (kCosineGrid * kCosineGrid));
}

}  // namespace

float PaintFinishTable::single(float cos_theta) const { return lookup(r_single, cos_theta); }
float PaintFinishTable::ms(float cos_theta) const { return lookup(r_ms, cos_theta); }
float PaintFinishTable::reflectance(float cos_theta) const {
  return smooth ? fresnel_dielectric(std::fabs(cos_theta), eta) : single(cos_theta) + ms(cos_theta);
}
float PaintFinishTable::inside_reflectance(float cos_theta) const {
  float mu = std::fabs(cos_theta);
  if (smooth) return fresnel_dielectric(-mu, eta);
  float critical = critical_cosine(eta);
  if (mu < critical) return lookup(r_inside_trapped, mu / critical);
  return lookup(r_inside_cone, outside_cosine(mu, eta));
}

PaintFinishTable build_paint_finish_table(const DielectricBsdf& finish) {
  PaintFinishTable t;
  t.smooth = is_smooth_alpha(finish.alpha);
  t.eta = finish.eta;
  t.alpha = finish.alpha;
  if (t.smooth) {
    for (int i = 0; i < kFinishTableSize; ++i)
      t.r_single[i] = fresnel_dielectric(table_cosine(i), finish.eta);
    t.k1 = static_cast<float>(external_diffuse_reflectance(finish.eta));
    t.k2 = static_cast<float>(internal_diffuse_reflectance(finish.eta));
    return t;
  }
  double k1 = 0.0;
  for (int i = 0; i < kFinishTableSize; ++i) {
    float mu = table_cosine(i);
    t.r_single[i] = single_albedo(finish, mu, /*outside=*/true);
    t.r_ms[i] = ms_albedo(finish, mu, /*outside=*/true);
    float in_cone = inside_cosine(mu, finish.eta);
    float trapped = table_cosine(i) * critical_cosine(finish.eta);
    t.r_inside_cone[i] = single_albedo(finish, in_cone, false) + ms_albedo(finish, in_cone, false);
    t.r_inside_trapped[i] =
        single_albedo(finish, trapped, false) + ms_albedo(finish, trapped, false);
    k1 += 2.0 * (t.r_single[i] + t.r_ms[i]) * mu / kFinishTableSize;  // midpoint rule
    t.ms_average += 2.0f * t.r_ms[i] * mu / kFinishTableSize;
  }
  t.k1 = static_cast<float>(k1);
  t.k2 = 1.0f - (1.0f - t.k1) / (finish.eta * finish.eta);
  return t;
}

glm::vec3 refract_into_binder(const glm::vec3& w, float eta) {
  float x = w.x / eta, y = w.y / eta;
  return {x, y, std::copysign(std::sqrt(std::max(0.0f, 1.0f - x * x - y * y)), w.z)};
}

bool refract_out_of_binder(const glm::vec3& w, float eta, glm::vec3* out) {
  float x = w.x * eta, y = w.y * eta;
  float s2 = x * x + y * y;
  if (s2 >= 1.0f) return false;
  *out = {x, y, std::copysign(std::sqrt(1.0f - s2), w.z)};
  return true;
}

float directional_escape(float alpha, const PaintFinishTable* finish, float eta) {
  if (!finish) return 1.0f;
  constexpr int kOuter = 16, kInner = 24;
  auto transmit = [&](float mu) { return 1.0f - finish->reflectance(mu); };
  Ggx ggx{alpha};
  double escaped = 0.0, total = 0.0;
  for (int o = 0; o < kOuter; ++o) {
    float mu = (o + 0.5f) / kOuter;
    float weight = transmit(mu) * mu;  // light from a diffuse sky that enters the binder
    glm::vec3 wo_t = refract_into_binder(direction_with_cosine(mu), eta);
    glm::vec3 out;
    if (is_smooth_alpha(alpha)) {
      bool ok = refract_out_of_binder({-wo_t.x, -wo_t.y, wo_t.z}, eta, &out);
      total += weight;
      if (ok) escaped += weight * transmit(out.z);
      continue;
    }
    float g1 = ggx.g1(wo_t);
    for (int y = 0; y < kInner; ++y) {
      for (int x = 0; x < kInner; ++x) {
        glm::vec3 wm = ggx.sample_visible(wo_t, {(x + 0.5f) / kInner, (y + 0.5f) / kInner});
        glm::vec3 wi_t = reflect(wo_t, wm);
        if (wi_t.z <= 0.0f) continue;
        float w = weight * ggx.g(wo_t, wi_t) / g1;
        total += w;
        if (refract_out_of_binder(wi_t, eta, &out)) escaped += w * transmit(out.z);
      }
    }
  }
  return total > 0.0 ? static_cast<float>(escaped / total) : 1.0f;
}

}  // namespace limner

namespace limner {

namespace {

float sq(float x) { return x * x; }

// The chain's cosine bins in the binder (see paint_bsdf_tables.h): trapped bins first, even
// in mu_t over [0, critical), then the escape cone, even in the outside cosine.
struct ChainBins {
  float eta, critical;
  explicit ChainBins(float n) : eta(n), critical(std::sqrt(1.0f - 1.0f / (n * n))) {}
  float inside(float mu_out) const {  // binder cosine of an outside cosine
    return std::sqrt(std::max(0.0f, 1.0f - (1.0f - mu_out * mu_out) / (eta * eta)));
  }
  float outside(float mu_t) const {
    return std::sqrt(std::max(0.0f, 1.0f - eta * eta * (1.0f - mu_t * mu_t)));
  }
  float edge(int i) const {  // lower edge of bin i, in binder cosine
    if (i <= kChainTrapped) return critical * static_cast<float>(i) / kChainTrapped;
    return inside(static_cast<float>(i - kChainTrapped) / kChainEntries);
  }
  float center(int i) const {
    if (i < kChainTrapped) return critical * (i + 0.5f) / kChainTrapped;
    return inside((i - kChainTrapped + 0.5f) / kChainEntries);
  }
  int bin(float mu_t) const {
    if (mu_t < critical)
      return std::min(kChainTrapped - 1, static_cast<int>(mu_t / critical * kChainTrapped));
    int j = static_cast<int>(outside(mu_t) * kChainEntries);
    return kChainTrapped + std::clamp(j, 0, kChainEntries - 1);
  }
  // Share of a cosine-distributed lobe falling in bin i.
  float cosine_share(int i) const {
    float hi = i + 1 < kChainBins ? edge(i + 1) : 1.0f;
    return sq(hi) - sq(edge(i));
  }
};

using ChainRow = std::array<float, kChainBins>;
using ChainMatrix = std::array<ChainRow, kChainBins>;

// Adds the distribution of reflections of light arriving along wo off GGX facets (weight per
// visible normal: weight(wm, wi)), and `total` minus what they carry spread as a cosine lobe.
template <class Weight>
void reflection_row(const ChainBins& bins, float alpha, const glm::vec3& wo, float total,
                    Weight weight, float* row) {
  constexpr int kGrid = 24;
  Ggx ggx{alpha};
  float g1 = ggx.g1(wo), single = 0.0f;
  for (int y = 0; y < kGrid; ++y) {
    for (int x = 0; x < kGrid; ++x) {
      glm::vec3 wm = ggx.sample_visible(wo, {(x + 0.5f) / kGrid, (y + 0.5f) / kGrid});
      glm::vec3 wi = reflect(wo, wm);
      if (wi.z * wo.z <= 0.0f) continue;
      float w = weight(wm, wi) * ggx.g(wo, wi) / g1 / (kGrid * kGrid);
      row[bins.bin(std::fabs(wi.z))] += w;
      single += w;
    }
  }
  float rest = std::max(0.0f, total - single);
  for (int j = 0; j < kChainBins; ++j) row[j] += rest * bins.cosine_share(j);
}

// The reflector with F = 1: what single scattering misses comes back cosine-distributed, as
// the conductor's energy compensation returns it.
void lobe_row(const ChainBins& bins, float alpha, int i, float* row) {
  if (is_smooth_alpha(alpha)) {
    row[i] = 1.0f;
    return;
  }
  glm::vec3 wo = direction_with_cosine(bins.center(i));
  reflection_row(
      bins, alpha, wo, 1.0f, [](const glm::vec3&, const glm::vec3&) { return 1.0f; }, row);
}

// The finish reflecting light from below back down; rows sum to its reflectance from below.
void finish_row(const ChainBins& bins, const PaintFinishTable& f, int i, float* row) {
  float total = f.inside_reflectance(bins.center(i));
  if (f.smooth) {
    row[i] = total;
    return;
  }
  glm::vec3 wo = direction_with_cosine(bins.center(i));
  wo.z = -wo.z;
  reflection_row(
      bins, f.alpha, wo, total,
      [&](const glm::vec3& wm, const glm::vec3&) {
        return fresnel_dielectric(glm::dot(wo, wm), f.eta);
      },
      row);
}

ChainRow times(const ChainRow& v, const ChainMatrix& m) {
  ChainRow out{};
  for (int i = 0; i < kChainBins; ++i)
    if (v[i] > 0.0f)
      for (int j = 0; j < kChainBins; ++j) out[j] += v[i] * m[i][j];
  return out;
}

// What the first bounce sends back down: light in the escape cone that the single-bounce
// lobe did not take (it leaves with the mean of both directions' transmittances, see
// paint_bsdf_lobes.cpp), and what the finish reflects beyond the critical angle.
ChainRow first_return(const ChainBins& bins, const ChainRow& v, int i0, const ChainMatrix& back,
                      const ChainRow& r_in, const PaintFinishTable& f) {
  ChainRow down{};
  float t_enter = 1.0f - f.reflectance(bins.outside(bins.center(i0)));
  for (int j = 0; j < kChainBins; ++j) {
    if (!(v[j] > 0.0f) || !(r_in[j] > 0.0f)) continue;
    float stays = r_in[j];
    if (j >= kChainTrapped && t_enter > 0.0f) {
      float t_out = 1.0f - f.reflectance(bins.outside(bins.center(j)));
      float taken = 0.5f * ((1.0f - r_in[j]) + t_out * (1.0f - r_in[i0]) / t_enter);
      stays = std::max(0.0f, 1.0f - taken);
    }
    float scale = v[j] * stays / r_in[j];
    for (int k = 0; k < kChainBins; ++k) down[k] += scale * back[j][k];
  }
  return down;
}

float escaping(const ChainRow& v, const ChainRow& r_in, int from) {
  float e = 0.0f;
  for (int j = from; j < kChainBins; ++j) e += v[j] * (1.0f - r_in[j]);
  return e;
}

}  // namespace

PaintChainTable build_paint_chain_table(float alpha, float alpha_first,
                                        const PaintFinishTable& finish) {
  ChainBins bins(finish.eta);
  ChainMatrix lobe{}, back{};
  ChainRow r_in{};
  for (int i = 0; i < kChainBins; ++i) {
    lobe_row(bins, alpha, i, lobe[i].data());
    finish_row(bins, finish, i, back[i].data());
    r_in[i] = finish.inside_reflectance(bins.center(i));
  }
  PaintChainTable t;
  for (int entry = 0; entry < kChainEntries; ++entry) {
    int i0 = kChainTrapped + entry;
    // The first bounce has the single-bounce lobe's shape (widened by the finish, see
    // paint_bsdf.h) so that the two share the light consistently; later bounces are the
    // reflector's own, the finish's spreading being in its reflection from below.
    ChainRow v{};  // after the first bounce, travelling up
    lobe_row(bins, alpha_first, i0, v.data());
    float trapped_escape = 0.0f;
    for (int j = 0; j < kChainTrapped; ++j) trapped_escape += v[j] * (1.0f - r_in[j]);
    t.e[0][entry] = trapped_escape;
    v = times(first_return(bins, v, i0, back, r_in, finish), lobe);
    for (int k = 1; k < kChainTerms; ++k) {
      t.e[k][entry] = escaping(v, r_in, 0);
      v = times(times(v, back), lobe);  // down again through the finish, and another bounce
    }
    float prev = t.e[kChainTerms - 2][entry], last = t.e[kChainTerms - 1][entry];
    t.ratio[entry] = prev > 0.0f ? std::clamp(last / prev, 0.0f, 0.999f) : 0.0f;
  }
  return t;
}

float PaintChainTable::escape(float mu, float a0, float a) const {
  float x = std::clamp(mu * kChainEntries - 0.5f, 0.0f, kChainEntries - 1.0f);
  int i = std::min(static_cast<int>(x), kChainEntries - 2);
  float f = x - static_cast<float>(i);
  float sum = 0.0f, ak = a0, last_term = 0.0f;
  for (int k = 0; k < kChainTerms; ++k) {
    last_term = ak * (e[k][i] + f * (e[k][i + 1] - e[k][i]));
    sum += last_term;
    ak *= a;
    if (ak < 1e-12f) return sum;  // negligible, and before powers of a turn subnormal (slow)
  }
  // Past the table the terms fall geometrically by a r each.
  float ar = a * (ratio[i] + f * (ratio[i + 1] - ratio[i]));
  return sum + last_term * ar / (1.0f - ar);
}

}  // namespace limner
