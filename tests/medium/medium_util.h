// Helpers for the subsurface tests: scenes from JSON, orthographic radiance estimates with the
// renderer's own trace_path, and materials made directly from coefficients.
#pragma once
#include <memory>
#include <string>

#include "materials/material.h"
#include "renderer/integrator.h"
#include "renderer/scene.h"

namespace limner::test {

std::unique_ptr<Scene> scene_from_json(const std::string& json);

// A scene with one sphere (centre 0, radius `radius` mm) of material `material` (JSON) inside a
// uniform environment of radiance spectrum 1.
std::string sphere_in_environment(const std::string& material, float radius);

// Mean radiance along `n` parallel rays (direction -z) aimed uniformly over the square
// [-half, half]^2 at z = 100, for fixed wavelengths.
SampledSpectrum mean_radiance(const Scene& scene, const SampledWavelengths& wl, float half,
                              int n, uint64_t seed = 1);

SampledWavelengths wavelengths(float l0, float l1, float l2, float l3);

// A closed box mesh (half extents half x half x half_thickness, thin along z) written to a
// temporary OBJ file for a scene to load; returns its path (the caller removes it).
std::string box_obj(float half, float half_thickness);

// A subsurface material from constant coefficients.
Material subsurface(float sigma_a, float sigma_s, float g, float ior, float roughness = 0.0f);

}  // namespace limner::test
