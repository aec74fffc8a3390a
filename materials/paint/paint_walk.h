// The paint's stochastic reference: a position-free random walk through the finish, the N
// slabs and the substrate (model and estimators: materials/paint/paint_bsdf.h). Deterministic:
// every walk seeds its own generator from its arguments. Expects wo.z > 0 (and wi.z > 0).
#pragma once
#include <optional>

#include "materials/bsdf/bsdf.h"

namespace limner {

// Walks averaged by one paint_walk_eval.
constexpr int kEvalWalks = 4;

struct PaintWalkExit {
  glm::vec3 wi{0.0f};
  SampledSpectrum weight;  // path throughput: an unbiased estimate of f |cos| / p(wi)
  bool specular = false;   // every event on the path was a delta (mirror direction)
};

// One walk from wo until the light leaves the paint (nothing when it is absorbed or lost
// into a dielectric substrate). uc and u drive the first event, at the finish.
std::optional<PaintWalkExit> paint_walk_sample(const PaintBsdf& b, const glm::vec3& wo, float uc,
                                               const glm::vec2& u);

// Unbiased estimate of the non-delta part of f(wo, wi): the finish's reflection exactly plus
// kEvalWalks walks with next-event estimation through the finish.
SampledSpectrum paint_walk_eval(const PaintBsdf& b, const glm::vec3& wo, const glm::vec3& wi);

}  // namespace limner
