// Random numbers keyed on (pixel, sample index, seed): each sample's stream depends on nothing
// else, so an image is identical for any number of threads or tile order.
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

// PCG32 (O'Neill 2014), XSH-RR output.
class Sampler {
 public:
  Sampler(uint32_t px, uint32_t py, uint32_t sample_index, uint64_t seed) {
    uint64_t key = mix64(seed ^ 0x9e3779b97f4a7c15ULL);
    key = mix64(key ^ ((uint64_t(py) << 32) | px));
    uint64_t stream = mix64(key ^ (uint64_t(sample_index) * 0xd1b54a32d192ed03ULL));
    state_ = 0;
    inc_ = (stream << 1) | 1u;
    next_u32();
    state_ += key;
    next_u32();
  }
  uint32_t next_u32() {
    uint64_t old = state_;
    state_ = old * 6364136223846793005ULL + inc_;
    uint32_t xorshifted = uint32_t(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = uint32_t(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((32 - rot) & 31));
  }
  // Uniform in [0, 1).
  float get1d() { return float(next_u32() >> 8) * 0x1p-24f; }
  glm::vec2 get2d() {
    float a = get1d();
    return {a, get1d()};
  }

 private:
  uint64_t state_ = 0, inc_ = 1;
};

}  // namespace limner
