// `limner measure`'s sheet simulation (renderer/measure_slab.h, the renderer's walk code)
// against an independent reference written here: a plain analog Monte Carlo of a plane-parallel
// slab in double precision with its own Fresnel, Henyey-Greenstein and random numbers. Also:
// Beer-Lambert in closed form when nothing scatters, the albedo inversion round trip, and
// Russian roulette / the event bound not darkening long walks.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "materials/medium/random_walk.h"
#include "medium/medium_util.h"
#include "renderer/measure_slab.h"

namespace limner::test {
namespace {

constexpr double kPi = 3.14159265358979323846;

struct Ref {
  double r = 0.0, t = 0.0;
};

// Unpolarised Fresnel reflectance from a medium of index n1 into n2 at incidence cos_i.
double fresnel(double cos_i, double n1, double n2) {
  double sin_t = n1 / n2 * std::sqrt(std::max(0.0, 1.0 - cos_i * cos_i));
  if (sin_t >= 1.0) return 1.0;
  double cos_t = std::sqrt(1.0 - sin_t * sin_t);
  double rs = (n1 * cos_i - n2 * cos_t) / (n1 * cos_i + n2 * cos_t);
  double rp = (n2 * cos_i - n1 * cos_t) / (n2 * cos_i + n1 * cos_t);
  return 0.5 * (rs * rs + rp * rp);
}

// Cosine of the scattering angle from HG by inversion (its own derivation, in double).
double hg_cos(double g, double u) {
  if (std::fabs(g) < 1e-6) return 1.0 - 2.0 * u;
  double s = (1.0 - g * g) / (1.0 + g - 2.0 * g * u);
  return (1.0 + g * g - s * s) / (2.0 * g);
}

// Only mu = cos(theta) to the +z axis matters in a slab; azimuths are uniform.
double rotate_mu(double mu, double cos_s, double u) {
  double phi = 2.0 * kPi * u;
  double sin_s = std::sqrt(std::max(0.0, 1.0 - cos_s * cos_s));
  double sin_m = std::sqrt(std::max(0.0, 1.0 - mu * mu));
  return mu * cos_s + sin_m * sin_s * std::cos(phi);
}

// Slab 0 > z > -d (d <= 0: semi-infinite), index n inside, 1 outside, smooth faces. The
// photon enters with mu_in < 0 (downwards); photons are counted, not weighted.
Ref reference(double sa, double ss, double g, double n, double d, double mu_in, int photons) {
  std::mt19937_64 rng(12345);
  std::uniform_real_distribution<double> U(0.0, 1.0);
  const double st = sa + ss;
  Ref out;
  for (int p = 0; p < photons; ++p) {
    double mu = mu_in;
    if (U(rng) < fresnel(-mu, 1.0, n)) {
      out.r += 1.0;
      continue;
    }
    mu = -std::sqrt(1.0 - (1.0 - mu * mu) / (n * n));  // refracted, still downwards
    double z = 0.0;
    for (int steps = 0; steps < 1000000; ++steps) {
      double s = -std::log(1.0 - U(rng)) / st;
      double znew = z + s * mu;
      bool out_top = znew >= 0.0, out_bottom = d > 0.0 && znew <= -d;
      if (out_top || out_bottom) {
        z = out_top ? 0.0 : -d;
        if (U(rng) < fresnel(std::fabs(mu), n, 1.0)) {
          mu = -mu;  // internal reflection
          continue;
        }
        (out_top ? out.r : out.t) += 1.0;
        break;
      }
      z = znew;
      if (U(rng) >= ss / st) break;  // absorbed
      mu = rotate_mu(mu, hg_cos(g, U(rng)), U(rng));
    }
  }
  out.r /= photons;
  out.t /= photons;
  return out;
}

SlabResult ours(const Material& m, const std::string& geometry, float d, int paths,
                WalkLimits limits = WalkLimits{}) {
  SlabOptions o;
  o.geometry = geometry;
  o.thickness_mm = d;
  o.paths = paths;
  o.limits = limits;
  return measure_slab(m, wavelengths(500, 510, 520, 530), o);
}

TEST(Slab, MatchesIndependentMonteCarloIndexMatched) {
  SlabResult s = ours(subsurface(0.2f, 1.0f, 0.6f, 1.0f), "0:d", 1.0f, 40000);
  Ref r = reference(0.2, 1.0, 0.6, 1.0, 1.0, -1.0, 200000);
  EXPECT_NEAR(s.reflectance[0], r.r, 0.008);
  EXPECT_NEAR(s.transmittance[0], r.t, 0.008);
}

TEST(Slab, MatchesIndependentMonteCarloWithFresnelBoundary) {
  SlabResult s = ours(subsurface(0.1f, 2.0f, 0.0f, 1.4f), "d:8", 0.5f, 40000);
  Ref r = reference(0.1, 2.0, 0.0, 1.4, 0.5, -std::cos(8.0 * kPi / 180.0), 200000);
  EXPECT_NEAR(s.reflectance[0], r.r, 0.008);
  EXPECT_NEAR(s.transmittance[0], r.t, 0.008);
}

TEST(Slab, SemiInfiniteMatchesIndependentMonteCarlo) {
  SlabResult s = ours(subsurface(0.05f, 1.0f, 0.3f, 1.4f), "0:d", 0.0f, 40000);
  Ref r = reference(0.05, 1.0, 0.3, 1.4, 0.0, -1.0, 100000);
  EXPECT_NEAR(s.reflectance[0], r.r, 0.01);
  EXPECT_EQ(s.transmittance[0], 0.0f);
}

// Zero scattering: T = exp(-sigma_a d) through an index-matched sheet (no sampling at all),
// and with Fresnel faces the geometric series of internal reflections:
//   T = (1 - F)^2 e / (1 - F^2 e^2),  R = F + (1 - F)^2 F e^2 / (1 - F^2 e^2),  e = exp(-tau).
TEST(Slab, ThinSheetWithoutScatteringFollowsBeerLambert) {
  const float d = 0.1f, sa = 5.0f;
  SlabResult matched = ours(subsurface(sa, 0.0f, 0.0f, 1.0f), "0:d", d, 64);
  EXPECT_NEAR(matched.transmittance[0], std::exp(-sa * d), 1e-5);
  EXPECT_EQ(matched.reflectance[0], 0.0f);
  SlabResult glass = ours(subsurface(sa, 0.0f, 0.0f, 1.5f), "0:d", d, 40000);
  double f = 0.04, e = std::exp(-double(sa) * d);
  EXPECT_NEAR(glass.transmittance[0], (1 - f) * (1 - f) * e / (1 - f * f * e * e), 0.004);
  EXPECT_NEAR(glass.reflectance[0], f + (1 - f) * (1 - f) * f * e * e / (1 - f * f * e * e),
              0.004);
}

// color -> single-scattering albedo (van de Hulst / Christensen-Burley) and back: a
// semi-infinite, index-matched medium under diffuse light reflects the colour asked for.
TEST(Slab, AlbedoInversionRoundTrip) {
  for (float a : {0.1f, 0.3f, 0.6f, 0.9f}) {
    float sa, ss;
    coefficients_from_albedo(a, 1.0f, 0.0f, &sa, &ss);
    SlabResult s = ours(subsurface(sa, ss, 0.0f, 1.0f), "d:d", 0.0f, 20000);
    EXPECT_NEAR(s.reflectance[0], a, 0.02) << "albedo " << a;
  }
  EXPECT_NEAR(invert_albedo(0.0f), 0.0f, 1e-5f);
  EXPECT_NEAR(invert_albedo(1.0f), 1.0f, 1e-5f);
}

// A thick, nearly lossless sheet needs walks of thousands of events. The default bounds
// (roulette, capped survival, event limit) must give the same answer as practically unbounded
// walks; a hard cut without reweighting would darken (checked too, so the test can fail).
TEST(Slab, WalkBoundsDoNotDarken) {
  Material m = subsurface(0.002f, 10.0f, 0.0f, 1.0f);
  WalkLimits unbounded{1 << 30, 1.0f, 1 << 30, 1.0f, 1 << 30};
  SlabResult a = ours(m, "0:d", 4.0f, 8000);
  SlabResult b = ours(m, "0:d", 4.0f, 8000, unbounded);
  EXPECT_NEAR(a.reflectance[0] + a.transmittance[0], b.reflectance[0] + b.transmittance[0],
              0.015);
  EXPECT_NEAR(a.transmittance[0], b.transmittance[0], 0.015);
  WalkLimits truncated{1 << 30, 1.0f, 1 << 30, 1.0f, 200};
  SlabResult c = ours(m, "0:d", 4.0f, 8000, truncated);
  EXPECT_LT(c.reflectance[0] + c.transmittance[0], b.reflectance[0] + b.transmittance[0] - 0.05);
}

// The four wavelengths take turns as the hero; a chromatic medium's spectral MIS result for
// each wavelength equals that wavelength measured alone.
TEST(Slab, SpectralMisEqualsSingleWavelengthMeasurements) {
  HomogeneousMedium med{Spectrum::piecewise({400, 500, 600, 700}, {0.02f, 0.3f, 1.0f, 0.05f}),
                        Spectrum::piecewise({400, 500, 600, 700}, {6.0f, 0.5f, 2.0f, 0.2f}),
                        0.0f};
  Material m = make_subsurface_material(med, 1.4f, 0.0f);
  SlabOptions o;
  o.thickness_mm = 1.0f;
  o.paths = 40000;
  SlabResult mis = measure_slab(m, wavelengths(400, 500, 600, 700), o);
  const float l[4] = {400, 500, 600, 700};
  for (int i = 0; i < 4; ++i) {
    SlabResult one = measure_slab(m, wavelengths(l[i], l[i], l[i], l[i]), o);
    EXPECT_NEAR(mis.reflectance[i], one.reflectance[0], 0.01) << l[i];
    EXPECT_NEAR(mis.transmittance[i], one.transmittance[0], 0.01) << l[i];
  }
}

// Dwivedi-guided flights (FlightGuide) change only how walks are sampled: guided and classic
// walks give the same R and T, for isotropic and forward scattering, thin and thick sheets,
// and a chromatic medium (each wavelength with its own v0). Both are also compared with the
// independent Monte Carlo above (guiding is on by default).
TEST(Slab, GuidedWalksMatchClassicWalks) {
  struct Case {
    float sa, ss, g, ior, d;
  };
  for (Case c : {Case{0.02f, 2.0f, 0.0f, 1.4f, 0.0f}, Case{0.02f, 2.0f, 0.0f, 1.4f, 1.5f},
                 Case{0.05f, 5.0f, 0.6f, 1.0f, 1.0f}}) {
    WalkLimits classic;
    classic.guided = false;
    SlabResult g = ours(subsurface(c.sa, c.ss, c.g, c.ior), "d:8", c.d, 40000);
    SlabResult u = ours(subsurface(c.sa, c.ss, c.g, c.ior), "d:8", c.d, 40000, classic);
    EXPECT_NEAR(g.reflectance[0], u.reflectance[0], 0.01) << c.ss << " " << c.d;
    EXPECT_NEAR(g.transmittance[0], u.transmittance[0], 0.01) << c.ss << " " << c.d;
  }
  SlabResult r = ours(subsurface(0.01f, 3.0f, 0.0f, 1.0f), "0:d", 1.0f, 40000);
  Ref ref = reference(0.01, 3.0, 0.0, 1.0, 1.0, -1.0, 200000);
  EXPECT_NEAR(r.reflectance[0], ref.r, 0.01);
  EXPECT_NEAR(r.transmittance[0], ref.t, 0.01);
}

}  // namespace
}  // namespace limner::test
