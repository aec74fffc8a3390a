#include "materials/paint/paint_mix.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <variant>

#include "materials/paint/km.h"
#include "materials/paint/pigments.h"
#include "renderer/spectral/color.h"

namespace limner {
namespace {

using Samples = std::array<double, kPigmentSamples>;

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

Spectrum to_spectrum(const Samples& v) {
  return Spectrum::piecewise(pigment_lambdas(), std::vector<float>(v.begin(), v.end()));
}

// Values of a spectrum on the pigment grid. A tabulated spectrum (a measurement, often only
// 380-730 nm) holds its end values beyond its range instead of dropping to zero there.
Samples sample(const Spectrum& s) {
  float lo = 0.0f, hi = 1e9f;
  if (const auto* p = std::get_if<PiecewiseSpectrum>(&s.variant()); p && !p->lambda.empty()) {
    lo = p->lambda.front();
    hi = p->lambda.back();
  }
  Samples out;
  for (int i = 0; i < kPigmentSamples; ++i)
    out[size_t(i)] = s.eval(std::clamp(pigment_lambda(i), lo, hi));
  return out;
}

// Weights w_i with Y = sum_i w_i R_i for a reflectance linear between the grid samples:
// integral of D65 * ybar * hat_i over 360-830 nm (1 nm steps), normalised so that R = 1 has
// Y = 1. Exact for the piecewise-linear spectra this file builds.
const Samples& luminance_weights() {
  static const Samples w = [] {
    const Spectrum d65 = Spectrum::named_illuminant("D65");
    Samples acc{};
    double total = 0.0;
    for (int nm = 360; nm <= 830; ++nm) {
      const double e = double(d65.eval(float(nm))) * double(cie_xyz_bar(float(nm)).y);
      const double x = (nm - double(kPigmentLambda0)) / double(kPigmentStep);
      const int i = std::min(int(x), kPigmentSamples - 2);
      const double t = x - i;
      acc[size_t(i)] += e * (1.0 - t);
      acc[size_t(i) + 1] += e * t;
      total += e;
    }
    for (double& v : acc) v /= total;
    return acc;
  }();
  return w;
}

double luminance(const Samples& r) {
  double y = 0.0;
  for (int i = 0; i < kPigmentSamples; ++i) y += luminance_weights()[size_t(i)] * r[size_t(i)];
  return y;
}

double film_over(double k, double s, double thickness_um, double substrate) {
  const double body = km_over_substrate(km_layer(k, s, thickness_um * 1e-3), substrate);
  return saunderson(body, kSaundersonK1, kSaundersonK2);
}

double contrast_ratio(const Samples& k, const Samples& s, double thickness_um) {
  Samples black, white;
  for (size_t i = 0; i < k.size(); ++i) {
    black[i] = film_over(k[i], s[i], thickness_um, 0.0);
    white[i] = film_over(k[i], s[i], thickness_um, kHidingChartWhite);
  }
  return luminance(black) / luminance(white);
}

// K/S of the body behind a measured masstone; throws where it cannot be inverted.
Samples k_over_s_of_masstone(const Spectrum& masstone) {
  const Samples measured = sample(masstone);
  Samples q;
  for (int i = 0; i < kPigmentSamples; ++i) {
    const double rm = measured[size_t(i)];
    const double body = saunderson_inverse(rm, kRenderedK1, kRenderedK2);
    if (!(body > 0.0 && body < 1.0))
      throw std::invalid_argument(
          "masstone reflectance " + number(rm) + " at " + number(pigment_lambda(i)) +
          " nm cannot be inverted: without the surface reflection (Saunderson k1 = " +
          number(kRenderedK1) + ", k2 = " + number(kRenderedK2) + ") it is " +
          number(body) + ", outside (0, 1)");
    q[size_t(i)] = km_k_over_s(body);
  }
  return q;
}

// The S (the same at every wavelength) that gives K = q S the typical hiding. The contrast
// ratio grows monotonically with S at fixed K/S (the film gets optically thicker), so bisect
// on log S.
double s_for_typical_hiding(const Samples& q) {
  double lo = std::log(1e-4), hi = std::log(1e7);
  for (int it = 0; it < 80; ++it) {
    const double mid = 0.5 * (lo + hi), s = std::exp(mid);
    Samples k, sv;
    for (size_t i = 0; i < q.size(); ++i) k[i] = q[i] * s, sv[i] = s;
    (contrast_ratio(k, sv, kTypicalHidingUm) < kTypicalContrastRatio ? lo : hi) = mid;
  }
  return std::exp(0.5 * (lo + hi));
}

}  // namespace

PaintCoefficients mix_pigment_fractions(const std::vector<PigmentFraction>& fractions,
                                        double pvc) {
  // Kubelka-Munk mixing (Duncan 1940): K and S add by volume concentration.
  const double scale = kTitaniumWhiteSPerMm * pvc / kReferencePvc;
  Samples k{}, s{};
  for (const PigmentFraction& f : fractions) {
    for (size_t i = 0; i < k.size(); ++i) {
      k[i] += scale * f.fraction * double(f.pigment->k[i]);
      s[i] += scale * f.fraction * double(f.pigment->s[i]);
    }
  }
  PaintCoefficients out;
  out.k_per_mm = to_spectrum(k);
  out.s_per_mm = to_spectrum(s);
  return out;
}

std::vector<PigmentFraction> normalised_parts(const std::map<std::string, float>& parts) {
  if (parts.empty()) throw std::invalid_argument("pigments: no pigment given");
  std::vector<PigmentFraction> out;
  double sum = 0.0;
  for (const auto& [name, part] : parts) {
    const PigmentData* p = find_pigment(name);
    if (!p)
      throw std::invalid_argument("unknown pigment '" + name +
                                  "'; known pigments: " + joined_pigment_names());
    if (!(std::isfinite(part) && part >= 0.0f))
      throw std::invalid_argument("pigment '" + name +
                                  "': parts must be a finite number >= 0, got " + number(part));
    out.push_back({p, double(part)});
    sum += part;
  }
  if (!(sum > 0.0)) {
    std::string names;
    for (const auto& entry : parts) names += (names.empty() ? "" : ", ") + entry.first;
    throw std::invalid_argument("pigment parts sum to zero (" + names + ")");
  }
  for (PigmentFraction& f : out) f.fraction /= sum;
  return out;
}

PaintCoefficients mix_pigments(const std::map<std::string, float>& parts, float pvc,
                               const std::string& binder) {
  // The measured data are acrylic colourants; another binder would need its own data (an oil
  // film has other K and S for the same pigment), so none is accepted rather than faked.
  if (binder != "acrylic")
    throw std::invalid_argument("unknown binder '" + binder + "'; known binders: acrylic");
  if (pvc == 0.0f) pvc = kDefaultAcrylicPvc;
  if (!(pvc > 0.0f && pvc <= 1.0f))
    throw std::invalid_argument("pvc (pigment volume concentration) must be in (0, 1], got " +
                                number(pvc));
  return mix_pigment_fractions(normalised_parts(parts), pvc);
}

PaintCoefficients paint_from_reflectance(const Spectrum& masstone) {
  const Samples q = k_over_s_of_masstone(masstone);
  const double s = s_for_typical_hiding(q);
  Samples k, sv;
  for (size_t i = 0; i < q.size(); ++i) k[i] = q[i] * s, sv[i] = s;
  PaintCoefficients out;
  out.k_per_mm = to_spectrum(k);
  out.s_per_mm = to_spectrum(sv);
  return out;
}

Spectrum masstone_reflectance(const PaintCoefficients& paint) {
  const Samples k = sample(paint.k_per_mm), s = sample(paint.s_per_mm);
  Samples r;
  for (size_t i = 0; i < r.size(); ++i)
    r[i] = saunderson(km_r_infinity(k[i], s[i]), kSaundersonK1, kSaundersonK2);
  return to_spectrum(r);
}

Spectrum film_reflectance(const PaintCoefficients& paint, double thickness_um,
                          double substrate) {
  const Samples k = sample(paint.k_per_mm), s = sample(paint.s_per_mm);
  Samples r;
  for (size_t i = 0; i < r.size(); ++i) r[i] = film_over(k[i], s[i], thickness_um, substrate);
  return to_spectrum(r);
}

double luminance_d65(const Spectrum& reflectance) { return luminance(sample(reflectance)); }

glm::vec3 reflectance_lab(const Spectrum& reflectance, const std::string& illuminant) {
  const Spectrum light = Spectrum::named_illuminant(illuminant);
  std::vector<float> lambda, lit;
  for (int nm = 360; nm <= 830; ++nm) {  // the 1 nm grid spectrum_to_xyz integrates on
    lambda.push_back(float(nm));
    lit.push_back(reflectance.eval(float(nm)) * light.eval(float(nm)));
  }
  const glm::vec3 white = spectrum_to_xyz(light);
  return xyz_to_lab(spectrum_to_xyz(Spectrum::piecewise(std::move(lambda), std::move(lit))), white);
}

double contrast_ratio(const PaintCoefficients& paint, double thickness_um) {
  return contrast_ratio(sample(paint.k_per_mm), sample(paint.s_per_mm), thickness_um);
}

}  // namespace limner
