#include "tests/materials/bsdf_test_util.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

#include "renderer/frame.h"

namespace limner::test {

uint64_t Rng::next() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

float Rng::uniform() { return static_cast<float>(next() >> 40) * 0x1p-24f; }

glm::vec3 direction(float cos_theta, float phi) {
  float s = std::sqrt(std::max(0.0f, 1.0f - cos_theta * cos_theta));
  return {s * std::cos(phi), s * std::sin(phi), cos_theta};
}

float cos_of_degrees(float deg) { return std::cos(deg * kPi / 180.0f); }

namespace {

// Regularised lower incomplete gamma P(a, x) by its power series (converges for x < a + 1).
double gamma_p_series(double a, double x) {
  double term = 1.0 / a, sum = term;
  for (int n = 1; n < 1000; ++n) {
    term *= x / (a + n);
    sum += term;
    if (std::fabs(term) < std::fabs(sum) * 1e-15) break;
  }
  return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// Regularised upper incomplete gamma Q(a, x) by its continued fraction (modified Lentz).
double gamma_q_fraction(double a, double x) {
  const double tiny = 1e-300;
  double b = x + 1.0 - a, c = 1.0 / tiny, d = 1.0 / b, h = d;
  for (int i = 1; i < 1000; ++i) {
    double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::fabs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) < 1e-15) break;
  }
  return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

double simpson_rect(const std::function<double(double, double)>& f, double x0, double x1,
                    double y0, double y1) {
  static const double w[3] = {1.0, 4.0, 1.0};
  double sum = 0.0;
  for (int j = 0; j < 3; ++j)
    for (int i = 0; i < 3; ++i)
      sum += w[i] * w[j] * f(x0 + 0.5 * i * (x1 - x0), y0 + 0.5 * j * (y1 - y0));
  return sum * (x1 - x0) * (y1 - y0) / 36.0;
}

// Stops when the refined estimate agrees with the coarse one to the absolute tolerance or to
// 1e-4 relative: a relative error of 1e-4 in a cell expecting N samples shifts the chi-square
// statistic by 1e-8 N, negligible for any sample count used here.
double adaptive(const std::function<double(double, double)>& f, double x0, double x1,
                double y0, double y1, double whole, double tol, int depth, int min_depth) {
  double xm = 0.5 * (x0 + x1), ym = 0.5 * (y0 + y1);
  double q[4] = {simpson_rect(f, x0, xm, y0, ym), simpson_rect(f, xm, x1, y0, ym),
                 simpson_rect(f, x0, xm, ym, y1), simpson_rect(f, xm, x1, ym, y1)};
  double sum = q[0] + q[1] + q[2] + q[3];
  double err = std::fabs(sum - whole);
  if (min_depth <= 0 && (depth <= 0 || err <= 15.0 * std::max(tol, 1e-4 * std::fabs(sum))))
    return sum + (sum - whole) / 15.0;
  double xs[3] = {x0, xm, x1}, ys[3] = {y0, ym, y1};
  double total = 0.0;
  for (int k = 0; k < 4; ++k) {
    int i = k % 2, j = k / 2;
    total += adaptive(f, xs[i], xs[i + 1], ys[j], ys[j + 1], q[k], 0.25 * tol, depth - 1,
                      min_depth - 1);
  }
  return total;
}

}  // namespace

double chi2_survival(double x, int dof) {
  if (x <= 0.0) return 1.0;
  double a = 0.5 * dof, hx = 0.5 * x;
  return hx < a + 1.0 ? 1.0 - gamma_p_series(a, hx) : gamma_q_fraction(a, hx);
}

double integrate_rect(const std::function<double(double, double)>& f, double x0, double x1,
                      double y0, double y1, double abs_tol) {
  return adaptive(f, x0, x1, y0, y1, simpson_rect(f, x0, x1, y0, y1), abs_tol, 7, 1);
}

double integrate_sphere(const std::function<double(const glm::vec3&)>& g, int cos_cells,
                        int phi_cells, double abs_tol) {
  auto f = [&](double c, double p) {
    return g(direction(static_cast<float>(c), static_cast<float>(p)));
  };
  double total = 0.0, dc = 2.0 / cos_cells, dp = 2.0 * kPi / phi_cells;
  double cell_tol = abs_tol / (cos_cells * phi_cells);
  for (int i = 0; i < cos_cells; ++i)
    for (int j = 0; j < phi_cells; ++j)
      total += integrate_rect(f, -1.0 + i * dc, -1.0 + (i + 1) * dc, j * dp, (j + 1) * dp,
                              cell_tol);
  return total;
}

namespace {

int cell_of(const glm::vec3& w, const Chi2Options& opt) {
  float c = std::clamp(w.z, -1.0f, 1.0f);
  float phi = std::atan2(w.y, w.x);
  if (phi < 0.0f) phi += 2.0f * kPi;
  int i = std::min(opt.cos_bins - 1, static_cast<int>((c + 1.0f) * 0.5f * opt.cos_bins));
  int j = std::min(opt.phi_bins - 1, static_cast<int>(phi / (2.0f * kPi) * opt.phi_bins));
  return i * opt.phi_bins + j;
}

bool close(float a, float b) {
  return std::fabs(a - b) <= 2e-3f * std::max(std::fabs(a), std::fabs(b)) + 1e-6f;
}

// Draws the samples into a histogram.
std::vector<double> observed_counts(const DirectionSampler& sample, const Chi2Options& opt,
                                    Chi2Result* r) {
  std::vector<double> obs(opt.cos_bins * opt.phi_bins, 0.0);
  Rng rng(opt.seed);
  for (int n = 0; n < opt.samples; ++n) {
    float uc = rng.uniform();
    glm::vec2 u = rng.uniform2();
    auto s = sample(uc, u);
    if (!s) continue;
    if (!(s->pdf > 0.0f) || !s->f.is_finite()) {
      ++r->mismatches;
      continue;
    }
    obs[cell_of(s->wi, opt)] += 1.0;
  }
  return obs;
}

std::vector<double> expected_counts(const DirectionPdf& pdf_of, const Chi2Options& opt) {
  auto pdf = [&](double c, double p) {
    return pdf_of(direction(static_cast<float>(c), static_cast<float>(p)));
  };
  std::vector<double> exp(opt.cos_bins * opt.phi_bins, 0.0);
  double dc = 2.0 / opt.cos_bins, dp = 2.0 * kPi / opt.phi_bins;
  const double tol = 1e-7;  // per cell: far below one expected sample
  for (int i = 0; i < opt.cos_bins; ++i)
    for (int j = 0; j < opt.phi_bins; ++j)
      exp[i * opt.phi_bins + j] = opt.samples * integrate_rect(pdf, -1.0 + i * dc,
                                                               -1.0 + (i + 1) * dc, j * dp,
                                                               (j + 1) * dp, tol);
  return exp;
}

// Pearson's statistic over the cells, visited from the least to the most expected; cells
// expecting fewer than 5 samples are pooled until the pool reaches 5 (the chi-square
// approximation needs it). Returns false when a sample fell where the pdf is zero.
bool pooled_statistic(const std::vector<double>& obs, const std::vector<double>& exp,
                      double* chi2, int* cells, std::string* why) {
  std::vector<size_t> order(exp.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t c) { return exp[a] < exp[c]; });
  double pool_obs = 0.0, pool_exp = 0.0;
  auto add = [&](double o, double e) {
    *chi2 += (o - e) * (o - e) / e;
    ++*cells;
  };
  for (size_t idx : order) {
    if (exp[idx] <= 0.0 && obs[idx] > 0.0) {
      *why = "sampled " + std::to_string(obs[idx]) + " directions in cell " +
             std::to_string(idx) + " where the pdf is 0";
      return false;
    }
    if (exp[idx] >= 5.0) {
      add(obs[idx], exp[idx]);
      continue;
    }
    pool_obs += obs[idx];
    pool_exp += exp[idx];
    if (pool_exp >= 5.0) {
      add(pool_obs, pool_exp);
      pool_obs = pool_exp = 0.0;
    }
  }
  if (pool_exp > 0.0) add(pool_obs, pool_exp);  // a remainder below 5 still counts once
  return true;
}

}  // namespace

Chi2Result chi2_test(const DirectionSampler& sample, const DirectionPdf& pdf_of,
                     const Chi2Options& opt) {
  Chi2Result r;
  std::vector<double> obs = observed_counts(sample, opt, &r);
  std::vector<double> exp = expected_counts(pdf_of, opt);
  int cells = 0;
  if (!pooled_statistic(obs, exp, &r.statistic, &cells, &r.message)) return r;
  r.dof = std::max(1, cells - 1);
  r.p_value = chi2_survival(r.statistic, r.dof);
  double alpha = 1.0 - std::pow(1.0 - opt.significance, 1.0 / opt.test_count);
  r.passed = r.p_value > alpha && r.mismatches == 0;
  std::ostringstream msg;
  msg << "chi2 = " << r.statistic << ", dof = " << r.dof << ", p = " << r.p_value
      << " (threshold " << alpha << "), mismatches = " << r.mismatches;
  r.message = msg.str();
  return r;
}

Chi2Result chi2_test(const Bsdf& b, const glm::vec3& wo, const Chi2Options& opt) {
  int mismatches = 0, count = 0;
  auto sample = [&](float uc, const glm::vec2& u) {
    auto s = bsdf_sample(b, wo, uc, u, opt.mode);
    if (s && (count++ % 4) == 0) {  // consistency with eval / pdf on a quarter of the samples
      SampledSpectrum f = bsdf_eval(b, wo, s->wi, opt.mode);
      bool same = close(s->pdf, bsdf_pdf(b, wo, s->wi, opt.mode));
      for (int i = 0; i < kLambdas; ++i) same = same && close(s->f[i], f[i]);
      if (!same) ++mismatches;
    }
    return s;
  };
  auto pdf = [&](const glm::vec3& wi) { return double(bsdf_pdf(b, wo, wi, opt.mode)); };
  Chi2Result r = chi2_test(sample, pdf, opt);
  if (mismatches > 0) {
    r.mismatches += mismatches;
    r.passed = false;
    r.message += "; " + std::to_string(mismatches) + " samples disagree with eval/pdf";
  }
  return r;
}

double albedo_by_sampling(const Bsdf& b, const glm::vec3& wo, TransportMode mode, int n,
                          uint64_t seed) {
  Rng rng(seed);
  double sum = 0.0;
  for (int i = 0; i < n; ++i) {
    float uc = rng.uniform();
    glm::vec2 u = rng.uniform2();
    auto s = bsdf_sample(b, wo, uc, u, mode);
    if (s && s->pdf > 0.0f) sum += s->f.average() * std::fabs(s->wi.z) / s->pdf;
  }
  return sum / n;
}

double albedo_by_quadrature(const Bsdf& b, const glm::vec3& wo, TransportMode mode) {
  return integrate_sphere(
      [&](const glm::vec3& wi) {
        return static_cast<double>(bsdf_eval(b, wo, wi, mode).average() * std::fabs(wi.z));
      },
      24, 48, 1e-5);
}

}  // namespace limner::test
