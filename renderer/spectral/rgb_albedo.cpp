// Linear sRGB reflectance -> smooth bounded spectrum (Jakob & Hanika 2019, "A Low-Dimensional
// Function Space for Efficient Spectral Upsampling").
//
// The spectrum is S(p(t)) with S the sigmoid of sigmoid.h, p a quadratic and t the wavelength
// mapped to [0, 1] over 360-830 nm (fitting in nm directly is badly conditioned: the columns
// l^2, l, 1 differ by five orders of magnitude). The three coefficients are fitted per call,
// at scene build time, by Levenberg-Marquardt on the CIELAB difference between the target and
// the spectrum's colour as a reflectance under D65 seen by the CIE 1931 observer; the result
// is then re-expressed in nm as RgbAlbedoSpectrum documents.
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

#include "renderer/spectral/color.h"
#include "renderer/spectral/rgb_table.h"
#include "renderer/spectral/sigmoid.h"
#include "renderer/spectral/tables.h"

namespace limner {
namespace {

constexpr int kSamples = tables::kCmfCount;  // 1 nm steps, as spectrum_to_xyz integrates
constexpr double kSpanNm = double(kLambdaMax) - double(kLambdaMin);
// Bounds the fit of unreachable targets (which would steepen the sigmoid forever) while
// leaving room for any colour the sigmoid family can actually reach.
constexpr double kMaxCoefficient = 2.0e4;

// Per-nm weights w = D65 * cmf / sum(D65 * ybar): the XYZ of a reflectance R is sum(w R),
// with the D65 white at Y = 1. This is the same quadrature as spectrum_to_xyz.
struct FitTable {
  std::array<double, kSamples> t{};
  std::array<glm::dvec3, kSamples> w{};
  glm::dvec3 white{0.0};
};

const FitTable& fit_table() {
  static const FitTable table = [] {
    FitTable f;
    const Spectrum d65 = Spectrum::named_illuminant("D65");
    double y_sum = 0.0;
    for (int i = 0; i < kSamples; ++i) {
      const float lambda = kLambdaMin + float(i);
      const float* cmf = tables::kCie1931[i];
      const double e = d65.eval(lambda);
      f.t[size_t(i)] = double(i) / double(kSamples - 1);
      f.w[size_t(i)] = e * glm::dvec3(cmf[0], cmf[1], cmf[2]);
      y_sum += e * cmf[1];
    }
    for (auto& w : f.w) {
      w /= y_sum;
      f.white += w;
    }
    return f;
  }();
  return table;
}

constexpr double kLabDelta = 6.0 / 29.0;

double lab_f(double v) {
  if (v > kLabDelta * kLabDelta * kLabDelta) return std::cbrt(v);
  return v / (3.0 * kLabDelta * kLabDelta) + 4.0 / 29.0;
}

double lab_f_derivative(double v) {
  if (v > kLabDelta * kLabDelta * kLabDelta) {
    const double c = std::cbrt(v);
    return 1.0 / (3.0 * c * c);
  }
  return 1.0 / (3.0 * kLabDelta * kLabDelta);
}

glm::dvec3 lab_of(const glm::dvec3& xyz, const glm::dvec3& white) {
  const glm::dvec3 f(lab_f(xyz.x / white.x), lab_f(xyz.y / white.y), lab_f(xyz.z / white.z));
  return {116.0 * f.y - 16.0, 500.0 * (f.x - f.y), 200.0 * (f.y - f.z)};
}

// d(L, a, b) / d(X, Y, Z) as a glm matrix (column j = derivative with respect to XYZ[j]).
glm::dmat3 lab_jacobian(const glm::dvec3& xyz, const glm::dvec3& white) {
  const double gx = lab_f_derivative(xyz.x / white.x) / white.x;
  const double gy = lab_f_derivative(xyz.y / white.y) / white.y;
  const double gz = lab_f_derivative(xyz.z / white.z) / white.z;
  return glm::dmat3(glm::dvec3(0.0, 500.0 * gx, 0.0),
                    glm::dvec3(116.0 * gy, -500.0 * gy, 200.0 * gy),
                    glm::dvec3(0.0, 0.0, -200.0 * gz));
}

struct Evaluation {
  glm::dvec3 lab{0.0};
  glm::dmat3 jacobian{0.0};  // column j: d lab / d a_j
};

// Colour of the coefficients a (for t^2, t, 1) and its derivative, analytically.
Evaluation evaluate(const glm::dvec3& a, const FitTable& f) {
  glm::dvec3 xyz(0.0), d_t2(0.0), d_t1(0.0), d_t0(0.0);
  for (size_t k = 0; k < f.t.size(); ++k) {
    const double t = f.t[k];
    const double x = (a.x * t + a.y) * t + a.z;
    const double ds = sigmoid_derivative(x);
    xyz += f.w[k] * sigmoid(x);
    d_t0 += f.w[k] * ds;
    d_t1 += f.w[k] * (ds * t);
    d_t2 += f.w[k] * (ds * t * t);
  }
  const glm::dmat3 dlab = lab_jacobian(xyz, f.white);
  return {lab_of(xyz, f.white), glm::dmat3(dlab * d_t2, dlab * d_t1, dlab * d_t0)};
}

bool acceptable(const glm::dvec3& a) {
  for (int i = 0; i < 3; ++i)
    if (!std::isfinite(a[i]) || std::fabs(a[i]) > kMaxCoefficient) return false;
  return true;
}

// Levenberg-Marquardt towards target_lab from a; returns the best coefficients found.
glm::dvec3 solve(glm::dvec3 a, const glm::dvec3& target_lab, int max_iterations) {
  const FitTable& f = fit_table();
  Evaluation e = evaluate(a, f);
  glm::dvec3 r = e.lab - target_lab;
  double err = glm::dot(r, r);
  double mu = 1e-3;
  for (int it = 0; it < max_iterations && err > 1e-14; ++it) {
    const glm::dmat3 jt = glm::transpose(e.jacobian);
    glm::dmat3 normal = jt * e.jacobian;
    // Marquardt's scaling: damp each coefficient relative to its own curvature.
    for (int i = 0; i < 3; ++i) normal[i][i] += mu * (normal[i][i] + 1e-12);
    const glm::dvec3 step = -(glm::inverse(normal) * (jt * r));
    const glm::dvec3 candidate = a + step;
    if (!acceptable(candidate)) {
      mu *= 10.0;
      continue;
    }
    const Evaluation ec = evaluate(candidate, f);
    const glm::dvec3 rc = ec.lab - target_lab;
    const double err_c = glm::dot(rc, rc);
    if (err_c < err) {
      a = candidate, e = ec, r = rc, err = err_c;
      mu = std::fmax(mu / 3.0, 1e-12);
    } else {
      mu *= 4.0;
      if (mu > 1e12) break;  // no descent direction left: a best-effort optimum
    }
  }
  return a;
}

// Inverse of the sigmoid: the constant polynomial giving a flat reflectance y.
double sigmoid_inverse(double y) {
  y = std::fmin(std::fmax(y, 1e-9), 1.0 - 1e-9);
  return (y - 0.5) / std::sqrt(y * (1.0 - y));
}

// Continuation from the grey of equal luminance (solved exactly by a flat spectrum) to the
// target: saturated targets are reached through a chain of easy problems, as in the paper.
glm::dvec3 fit_normalised(const glm::dvec3& rgb) {
  const FitTable& f = fit_table();
  const glm::dvec3 xyz = glm::dmat3(linear_srgb_to_xyz()) * rgb;
  const glm::dvec3 target = lab_of(xyz, f.white);
  const glm::dvec3 grey(target.x, 0.0, 0.0);
  glm::dvec3 a(0.0, 0.0, sigmoid_inverse(xyz.y / f.white.y));
  constexpr int kSteps = 8;
  for (int k = 1; k <= kSteps; ++k) {
    const glm::dvec3 goal = grey + (target - grey) * (double(k) / kSteps);
    a = solve(a, goal, k < kSteps ? 20 : 200);
  }
  return a;
}

// p(t) with t = (l - l0) / span  ->  c0 l^2 + c1 l + c2.
RgbAlbedoSpectrum to_nanometres(const glm::dvec3& a) {
  const double l0 = kLambdaMin, s = kSpanNm;
  RgbAlbedoSpectrum out;
  out.c0 = float(a.x / (s * s));
  out.c1 = float(a.y / s - 2.0 * a.x * l0 / (s * s));
  out.c2 = float(a.x * l0 * l0 / (s * s) - a.y * l0 / s + a.z);
  return out;
}

}  // namespace

Spectrum Spectrum::rgb_albedo(float r, float g, float b) {
  for (float c : {r, g, b}) {
    if (!(c >= 0.0f && c <= 1.0f))
      throw std::invalid_argument("rgb_albedo: components must be in [0, 1], got (" +
                                  std::to_string(r) + ", " + std::to_string(g) + ", " +
                                  std::to_string(b) + ")");
  }
  // Grey is exactly flat (no fitting noise): a constant keeps energy bookkeeping exact.
  if (r == g && g == b) return constant(r);
  const glm::dvec3 a = fit_normalised(glm::dvec3(r, g, b));
  return Spectrum(to_nanometres(a));
}

// For the texture coefficient table (renderer/spectral/rgb_table.cpp): a fit warm-started from a
// neighbouring colour's coefficients t_coeffs (t-space; updated to this fit's), or cold from grey
// when `warm` is false. rgb in [0, 1]^3, not all equal.
RgbAlbedoSpectrum rgb_albedo_fit_from(const glm::dvec3& rgb, glm::dvec3& t_coeffs, bool warm) {
  if (!warm) {
    t_coeffs = fit_normalised(rgb);
  } else {
    const glm::dvec3 xyz = glm::dmat3(linear_srgb_to_xyz()) * rgb;
    t_coeffs = solve(t_coeffs, lab_of(xyz, fit_table().white), 25);
  }
  return to_nanometres(t_coeffs);
}

}  // namespace limner
