// Random numbers keyed on (pixel, sample index, seed): each sample's numbers depend on nothing
// else, so an image is identical for any number of threads or tile order.
//
// The numbers are a padded, Owen-scrambled Sobol sequence (Burley 2020, "Practical Hash-based
// Owen Scrambling"): each 2D pair of dimensions takes the first two Sobol dimensions at a
// per-pixel, per-dimension shuffled sample index, then scrambles both coordinates. The samples
// of one pixel are stratified like a (0,2)-net in every pair, which converges far faster than
// independent numbers, and pairs stay decorrelated because every pair has its own seed.
#pragma once
#include <cstdint>
#include <glm/glm.hpp>

namespace limner {

inline uint64_t mix64(uint64_t x) {  // SplitMix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline uint32_t hash32(uint64_t a, uint64_t b) { return uint32_t(mix64(a * 0x9e3779b97f4a7c15ULL ^ b) >> 32); }

inline uint32_t reverse_bits(uint32_t x) {
  x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
  x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
  x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
  x = ((x >> 8) & 0x00ff00ffu) | ((x & 0x00ff00ffu) << 8);
  return (x >> 16) | (x << 16);
}

// Burley's improved Laine-Karras permutation: each bit is flipped depending on lower bits only.
inline uint32_t laine_karras(uint32_t x, uint32_t seed) {
  x ^= x * 0x3d20adeau;
  x += seed;
  x *= (seed >> 16) | 1u;
  x ^= x * 0x05526c56u;
  x ^= x * 0x53a22864u;
  return x;
}

// Owen scrambling of a 32-bit fraction: bit flips depend on the more significant bits.
inline uint32_t nested_uniform_scramble(uint32_t x, uint32_t seed) {
  return reverse_bits(laine_karras(reverse_bits(x), seed));
}

// The second Sobol dimension: its generator matrix has columns v_0 = 2^31,
// v_{i+1} = v_i ^ (v_i >> 1). Applied a byte at a time from tables of column XORs, since a
// scrambled index has bits set all the way up and a bit loop would take 32 steps.
struct SobolDim1Tables {
  uint32_t t[4][256];
  SobolDim1Tables() {
    uint32_t v[32];
    v[0] = 1u << 31;
    for (int i = 1; i < 32; ++i) v[i] = v[i - 1] ^ (v[i - 1] >> 1);
    for (int k = 0; k < 4; ++k)
      for (uint32_t b = 0; b < 256; ++b) {
        uint32_t x = 0;
        for (int j = 0; j < 8; ++j)
          if (b & (1u << j)) x ^= v[8 * k + j];
        t[k][b] = x;
      }
  }
};

inline uint32_t sobol_dim1(uint32_t index) {
  static const SobolDim1Tables tables;
  return tables.t[0][index & 0xff] ^ tables.t[1][(index >> 8) & 0xff] ^
         tables.t[2][(index >> 16) & 0xff] ^ tables.t[3][index >> 24];
}

class Sampler {
 public:
  Sampler(uint32_t px, uint32_t py, uint32_t sample_index, uint64_t seed)
      : index_(sample_index),
        pixel_seed_(mix64(mix64(seed ^ 0x5851f42d4c957f2dULL) ^ ((uint64_t(py) << 32) | px))) {}

  glm::vec2 get2d() {
    uint32_t s = hash32(pixel_seed_, dimension_++);
    uint32_t i = nested_uniform_scramble(index_, s);
    uint32_t x = nested_uniform_scramble(reverse_bits(i), hash32(s, 1));
    uint32_t y = nested_uniform_scramble(sobol_dim1(i), hash32(s, 2));
    return {to_float(x), to_float(y)};
  }
  float get1d() {
    uint32_t s = hash32(pixel_seed_, dimension_++);
    uint32_t i = nested_uniform_scramble(index_, s);
    return to_float(nested_uniform_scramble(reverse_bits(i), hash32(s, 1)));
  }

 private:
  static float to_float(uint32_t x) { return float(x >> 8) * 0x1p-24f; }
  uint32_t index_;
  uint64_t pixel_seed_;
  uint64_t dimension_ = 0;
};

}  // namespace limner
