// The random walk inside a subsurface object, as the integrator sees it: from a ray that has
// just been refracted into the medium, free flights and Henyey-Greenstein scattering until the
// walk reaches a surface (the object's own boundary, a thin feature's far side, or any other
// object touching or inside it), which is handed back as an ordinary surface hit.
//
// Any surface ends a flight: the medium is assumed to fill the space between the entry and the
// next surface hit, whatever that surface is. A transmission through that surface (outwards)
// leaves the medium; a reflection stays in it (see the integrator). There is no next-event
// estimation at scattering events inside: lights are outside the dielectric boundary, which a
// shadow ray cannot cross (refraction). With a rough boundary the integrator's usual light
// sampling at the exit vertex (the boundary hit from inside, a non-delta BSDF) covers direct
// light through the boundary, MIS-weighted against BSDF sampling as for any surface.
#pragma once
#include <vector>

#include "materials/medium/random_walk.h"
#include "renderer/aimed_exit.h"
#include "renderer/integrator.h"

namespace limner {

// A walk's own generator, seeded from two of the path's sampler dimensions (drawn in a fixed
// order: the operands of one expression would be unsequenced).
inline WalkRng walk_rng(Sampler& sampler) {
  uint64_t hi = uint64_t(sampler.get1d() * 16777216.0f);
  uint64_t lo = uint64_t(sampler.get1d() * 16777216.0f);
  return WalkRng((hi << 24) ^ lo);
}

enum class WalkEnd { Surface, Escaped, Absorbed };

// `ray` starts inside the medium; on return it is the last flight's ray, with `hit` filled when
// the walk ends at a Surface. Escaped: the last flight found no surface (an open mesh).
// beta and r_u: the path's MIS-weighted throughput and wavelength pdf ratios (random_walk.h).
// entry.normal: outward normal of the surface the walk starts at, towards which flights are
// guided (FlightGuide; any fixed direction keeps the walk unbiased). entry.bsdf_pdf: where an
// aimed entry was tried (aimed_exit.h), the pdf with which the BSDF there chose the walk's
// first direction; 0 otherwise.
// L: the aimed exits' estimates are added to it. exit: for the weights at the walk's own exit.
struct WalkEntry {
  glm::vec3 normal{0.0f, 0.0f, 1.0f};
  float bsdf_pdf = 0.0f;
};
WalkEnd walk_medium(const Scene& scene, const HomogeneousMedium& medium, Ray& ray, RayHit& hit,
                    const SampledWavelengths& wl, Sampler& sampler, SampledSpectrum& beta,
                    SampledSpectrum& r_u, PathCounters& counters, std::vector<RayRecord>* log,
                    bool* scattered, const WalkEntry& entry, SampledSpectrum& L, ExitMis* exit,
                    const WalkLimits& limits = WalkLimits{});

}  // namespace limner
