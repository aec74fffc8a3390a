#include "materials/paint/km.h"

#include <algorithm>
#include <cmath>

namespace limner {

double km_r_infinity(double k, double s) {
  if (!(s > 0.0)) return 0.0;
  double q = std::max(k, 0.0) / s;
  // 1 + q - sqrt(q^2 + 2q) = 1 / (1 + q + sqrt(q^2 + 2q)), without cancellation for large q.
  return 1.0 / (1.0 + q + std::sqrt(q * q + 2.0 * q));
}

double km_k_over_s(double r) {
  r = std::clamp(r, 1e-9, 1.0);
  return (1.0 - r) * (1.0 - r) / (2.0 * r);
}

KmLayer km_layer(double k, double s, double d) {
  k = std::max(k, 0.0);
  s = std::max(s, 0.0);
  d = std::max(d, 0.0);
  KmLayer out;
  if (d == 0.0) return out;
  if (s * d < 1e-12) {  // no scattering: the two-flux solution tends to T = exp(-K d)
    out.t = std::exp(-k * d);
    return out;
  }
  double a = 1.0 + k / s;
  double b = std::sqrt(std::max(a * a - 1.0, 0.0));
  double x = b * s * d;
  if (b < 1e-9) {  // K = 0: R = Sd / (1 + Sd), T = 1 / (1 + Sd)
    out.r = s * d / (1.0 + s * d);
    out.t = 1.0 / (1.0 + s * d);
    return out;
  }
  // sinh/cosh scaled by e^-x so thick layers do not overflow.
  double e = std::exp(-2.0 * x);
  double sh = 0.5 * (1.0 - e), ch = 0.5 * (1.0 + e);
  double denom = a * sh + b * ch;
  out.r = sh / denom;
  out.t = b * std::exp(-x) / denom;
  return out;
}

double km_over_substrate(const KmLayer& l, double rg) {
  return l.r + l.t * l.t * rg / (1.0 - l.r * rg);
}

KmLayer km_stack(const KmLayer& top, const KmLayer& bottom) {
  double denom = 1.0 - top.r * bottom.r;
  KmLayer out;
  out.r = top.r + top.t * top.t * bottom.r / denom;
  out.t = top.t * bottom.t / denom;
  return out;
}

double saunderson(double r, double k1, double k2) {
  return k1 + (1.0 - k1) * (1.0 - k2) * r / (1.0 - k2 * r);
}

double saunderson_inverse(double rm, double k1, double k2) {
  return (rm - k1) / (1.0 - k1 - k2 + k2 * rm);
}

namespace {

double fresnel_unpolarised(double cos_i, double eta) {  // eta = n_t / n_i
  double sin2_t = (1.0 - cos_i * cos_i) / (eta * eta);
  if (sin2_t >= 1.0) return 1.0;
  double cos_t = std::sqrt(1.0 - sin2_t);
  double rs = (cos_i - eta * cos_t) / (cos_i + eta * cos_t);
  double rp = (eta * cos_i - cos_t) / (eta * cos_i + cos_t);
  return 0.5 * (rs * rs + rp * rp);
}

// 2 * integral_0^1 F(mu) mu dmu by composite Simpson on 2048 intervals.
double diffuse_fresnel(double eta) {
  const int n = 2048;
  double sum = 0.0;
  for (int i = 0; i <= n; ++i) {
    double mu = double(i) / n;
    double w = (i == 0 || i == n) ? 1.0 : (i % 2 ? 4.0 : 2.0);
    sum += w * fresnel_unpolarised(std::max(mu, 1e-12), eta) * mu;
  }
  return 2.0 * sum / (3.0 * n);
}

}  // namespace

double internal_diffuse_reflectance(double n) { return diffuse_fresnel(1.0 / n); }
double external_diffuse_reflectance(double n) { return diffuse_fresnel(n); }

}  // namespace limner
