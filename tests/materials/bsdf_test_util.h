// Shared machinery for the BSDF tests: a deterministic RNG, sphere quadrature, and a Pearson
// chi-square goodness-of-fit test of bsdf_sample against bsdf_pdf (after the tests in
// Mitsuba and pbrt: histogram on a (cos theta, phi) grid, pdf integrated per cell, low
// expected cells pooled, Sidak-corrected significance).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "materials/bsdf/bsdf.h"

namespace limner::test {

// splitmix64: tiny, fast and good enough for test sampling; fixed seeds keep runs repeatable.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next();
  float uniform();  // [0, 1)
  glm::vec2 uniform2() { return {uniform(), uniform()}; }

 private:
  uint64_t state_;
};

glm::vec3 direction(float cos_theta, float phi);
float cos_of_degrees(float deg);

// Upper tail probability of the chi-square distribution, Q(dof / 2, x / 2).
double chi2_survival(double x, int dof);

// Integral over [x0,x1] x [y0,y1] by adaptive Simpson (always refined at least once so a
// narrow peak between the first nodes is not missed), to about abs_tol or 1e-4 relative.
double integrate_rect(const std::function<double(double, double)>& f, double x0, double x1,
                      double y0, double y1, double abs_tol);
// Integral over the sphere of g(w) dw on a (cos theta, phi) grid of cells, each integrated
// adaptively.
double integrate_sphere(const std::function<double(const glm::vec3&)>& g, int cos_cells,
                        int phi_cells, double abs_tol);

struct Chi2Options {
  int samples = 200000;
  int cos_bins = 40;   // over [-1, 1]
  int phi_bins = 80;
  double significance = 0.01;
  int test_count = 1;  // for the Sidak correction
  uint64_t seed = 1;
  TransportMode mode = TransportMode::Radiance;
};

struct Chi2Result {
  bool passed = false;
  double p_value = 0.0;
  double statistic = 0.0;
  int dof = 0;
  int mismatches = 0;  // samples whose f or pdf disagree with bsdf_eval / bsdf_pdf
  std::string message;
};

// A sampler returns a direction with its pdf (nothing when it fails); pdf_of evaluates the
// claimed density of any direction. chi2_test checks the first against the second.
using DirectionSampler = std::function<std::optional<BsdfSample>(float, const glm::vec2&)>;
using DirectionPdf = std::function<double(const glm::vec3&)>;
Chi2Result chi2_test(const DirectionSampler& sample, const DirectionPdf& pdf_of,
                     const Chi2Options& opt);
// bsdf_sample against bsdf_pdf; also counts samples whose f / pdf differ from bsdf_eval /
// bsdf_pdf for the sampled direction.
Chi2Result chi2_test(const Bsdf& b, const glm::vec3& wo, const Chi2Options& opt);

// Directional albedo int f |cos| dwi. Importance mode measures energy (flux) conservation:
// for transmission, Radiance mode differs by the 1/eta^2 radiance compression.
double albedo_by_sampling(const Bsdf& b, const glm::vec3& wo, TransportMode mode, int n,
                          uint64_t seed);
double albedo_by_quadrature(const Bsdf& b, const glm::vec3& wo, TransportMode mode);

}  // namespace limner::test
