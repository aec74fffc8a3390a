#include "renderer/measure.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "materials/bsdf/sampling.h"
#include "renderer/measure_slab.h"
#include "renderer/sampler.h"
#include "renderer/spectral/color.h"

namespace limner {

namespace {

constexpr float kPiF = 3.14159265358979323846f;
constexpr int kStepNm = 5;  // reflectance is evaluated every 5 nm, colorimetry sums every 1 nm

glm::vec3 direction_at(float degrees) {
  float t = glm::radians(degrees);
  return {std::sin(t), 0.0f, std::cos(t)};
}

// Directional-hemispherical reflectance by importance sampling the BSDF with a stratified,
// scrambled Sobol sequence (deterministic: the same material always measures the same).
// With diffuse = true, wo is itself drawn cosine-weighted per sample (d:d).
SampledSpectrum hemispherical(const Bsdf& b, glm::vec3 wo, int samples, bool diffuse = false) {
  SampledSpectrum sum(0.0f);
  for (int i = 0; i < samples; ++i) {
    Sampler s(0, 0, uint32_t(i), 0x6d656173ULL);
    if (diffuse) wo = sample_cosine_hemisphere(s.get2d());
    float uc = s.get1d();
    auto bs = bsdf_sample(b, wo, uc, s.get2d());
    if (!bs || bs->pdf <= 0.0f || bs->wi.z <= 0.0f) continue;  // reflection only
    sum += bs->f * (bs->wi.z / bs->pdf);
  }
  return sum / float(samples);
}


SlabOptions slab_options(const MeasureOptions& opts) {
  SlabOptions o;
  o.geometry = opts.geometry;
  o.thickness_mm = opts.thickness_mm;
  o.paths = opts.slab_paths;
  return o;
}

}  // namespace

SampledSpectrum measure_reflectance(const Material& m, const SampledWavelengths& wl,
                                    const MeasureOptions& opts) {
  if (interior_medium(m)) return measure_slab(m, wl, slab_options(opts)).reflectance;
  Bsdf b = material_bsdf(m, wl);
  if (opts.geometry == "0:d") return hemispherical(b, glm::vec3(0, 0, 1), opts.samples);
  if (opts.geometry == "d:d") return hemispherical(b, glm::vec3(0, 0, 1), opts.samples, true);
  if (opts.geometry == "d:8") return hemispherical(b, direction_at(8.0f), opts.samples);
  if (opts.geometry == "45:0")
    return bsdf_eval(b, glm::vec3(0, 0, 1), direction_at(45.0f)) * kPiF;  // pi f
  throw std::invalid_argument("unknown geometry '" + opts.geometry + "' (d:8, 45:0, 0:d, d:d)");
}

namespace {

glm::vec3 observer_cmf(int observer, float lambda) {
  return observer == 10 ? cie_xyz_bar_10(lambda) : cie_xyz_bar(lambda);
}

// Reflectance every kStepNm over 360-830 nm, four wavelengths per BSDF evaluation.
// Transmittance goes to *t (left empty) unless the material has an interior medium.
std::vector<float> reflectance_grid(const Material& m, const MeasureOptions& opts,
                                    std::vector<float>* t) {
  const int n = int(kLambdaMax - kLambdaMin) / kStepNm + 1;
  std::vector<float> r(size_t(n), 0.0f);
  const bool slab = interior_medium(m) != nullptr;
  if (slab) t->assign(size_t(n), 0.0f);
  for (int i = 0; i < n; i += kLambdas) {
    SampledWavelengths wl;
    for (int k = 0; k < kLambdas; ++k) {
      wl.lambda[size_t(k)] = kLambdaMin + float(std::min(i + k, n - 1) * kStepNm);
      wl.pdf[size_t(k)] = 1.0f;
    }
    if (slab) {
      SlabResult v = measure_slab(m, wl, slab_options(opts));
      for (int k = 0; k < kLambdas && i + k < n; ++k) {
        r[size_t(i + k)] = v.reflectance[k];
        (*t)[size_t(i + k)] = v.transmittance[k];
      }
      continue;
    }
    SampledSpectrum v = measure_reflectance(m, wl, opts);
    for (int k = 0; k < kLambdas && i + k < n; ++k) r[size_t(i + k)] = v[k];
  }
  return r;
}

float grid_at(const std::vector<float>& r, float lambda) {
  float x = (lambda - kLambdaMin) / float(kStepNm);
  size_t i = std::min(size_t(x), r.size() - 2);
  float t = x - float(i);
  return r[i] + t * (r[i + 1] - r[i]);
}

}  // namespace

Measurement measure_material(const Material& m, const MeasureOptions& opts) {
  if (opts.observer != 2 && opts.observer != 10)
    throw std::invalid_argument("unknown observer '" + std::to_string(opts.observer) + "' (2, 10)");
  Spectrum light = Spectrum::named_illuminant(opts.illuminant);
  std::vector<float> t_grid;
  std::vector<float> grid = reflectance_grid(m, opts, &t_grid);
  Measurement out;
  for (int l = 380; l <= 780; l += 10) {
    out.wavelength_nm.push_back(float(l));
    out.reflectance.push_back(grid_at(grid, float(l)));
    if (!t_grid.empty()) out.transmittance.push_back(grid_at(t_grid, float(l)));
  }
  glm::dvec3 sum(0.0), white(0.0);
  for (int l = int(kLambdaMin); l <= int(kLambdaMax); ++l) {
    glm::dvec3 w = glm::dvec3(observer_cmf(opts.observer, float(l))) * double(light.eval(float(l)));
    sum += w * double(grid_at(grid, float(l)));
    white += w;
  }
  out.xyz = sum * (100.0 / white.y);
  glm::dvec3 white_xyz = white * (100.0 / white.y);
  out.lab = glm::dvec3(xyz_to_lab(glm::vec3(out.xyz), glm::vec3(white_xyz)));
  return out;
}

}  // namespace limner
