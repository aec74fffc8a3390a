// Procedural surface detail by name: skin pores, cloth weave, brush ridges and hammered dents.
//
// Every pattern is a height field over 3D object space in millimetres (solid noise: no UVs, no
// seams, the same on any mesh), evaluated with its exact gradient so bump mapping needs one
// evaluation per hit. The lattice primitives are hash based: no tables, no allocation, the same
// result for the same point on every thread and every run.
//
// Pattern coordinates are the object-space point in units of `scale_mm`, expressed in a frame
// built from `direction` (d): brush ridges run along d, weave warp threads run along d.
#pragma once
#include <cstdint>
#include <glm/glm.hpp>
#include <string>

namespace limner {

enum class NoiseKind : uint8_t { Pores, Weave, Brush, Hammered };

// "pores", "weave", "brush", "hammered"; false for anything else.
bool noise_kind_from_name(const std::string& name, NoiseKind& kind);
const char* noise_kind_name(NoiseKind kind);
// For error messages: "pores, weave, brush, hammered".
const char* noise_kind_names();

// A height value and its gradient (per unit of the input coordinates).
struct NoiseValue {
  float value = 0.0f;
  glm::vec3 grad{0.0f};
};

// Lattice primitives (unit cells).
uint32_t noise_hash(int x, int y, int z, uint32_t seed);
// Perlin gradient noise (quintic fade) with its analytic gradient; 0 at lattice points,
// within about [-1, 1].
NoiseValue gradient_noise(const glm::vec3& p);

struct NoisePattern {
  NoiseKind kind = NoiseKind::Pores;
  float scale_mm = 1.0f;
  glm::mat3 to_frame{1.0f};  // object space -> pattern frame (rows e1, e2, d), / scale_mm
};

// Pattern sizes: a micrometre (finer is far below any pixel) to a metre.
constexpr float kMinScaleMm = 0.001f, kMaxScaleMm = 1000.0f;

// Throws std::invalid_argument for scale_mm not in [kMinScaleMm, kMaxScaleMm] or a
// zero/non-finite direction.
NoisePattern make_noise_pattern(NoiseKind kind, float scale_mm, const glm::vec3& direction);

// The relief at object-space point p (mm) with unit object-space normal n (weave blends its
// three planes by n; the other patterns ignore it). value is in units of the pattern's
// relief: pores and hammered lie in [-1, 0] (0: the undisturbed surface, -1: the deepest pit
// or dent), weave in [0, 1] (1: a thread's crown), brush has zero mean and RMS 1/4 (so its
// valley-to-crest relief is about 1). grad is per millimetre.
NoiseValue noise_relief(const NoisePattern& pattern, const glm::vec3& p, const glm::vec3& n);

// The same field standardised: zero mean and unit RMS over large areas (constants measured
// once per pattern, see noise.cpp). For thickness variation of paint layers.
NoiseValue noise_standard(const NoisePattern& pattern, const glm::vec3& p, const glm::vec3& n);

}  // namespace limner
