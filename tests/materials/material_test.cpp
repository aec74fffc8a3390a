// Material factories, the metals data and material_bsdf.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "materials/bsdf/fresnel.h"
#include "materials/data/metals.h"
#include "materials/material.h"

namespace limner {
namespace {

SampledWavelengths wavelengths(float a, float b, float c, float d) {
  SampledWavelengths wl;
  wl.lambda = {a, b, c, d};
  wl.pdf = {1.0f / 470.0f, 1.0f / 470.0f, 1.0f / 470.0f, 1.0f / 470.0f};
  return wl;
}

// Normal-incidence reflectance of a named metal at four wavelengths.
SampledSpectrum metal_f0(const std::string& name, const SampledWavelengths& wl) {
  Bsdf b = material_bsdf(make_conductor(name, 0.0f), wl);
  const auto& c = std::get<ConductorBsdf>(b);
  return fresnel_conductor(1.0f, c.eta, c.k);
}

TEST(Metals, AllNamedMetalsAreKnown) {
  for (const char* name : {"gold", "silver", "copper", "aluminium", "aluminum", "brass", "iron",
                           "chromium", "nickel", "titanium"})
    EXPECT_TRUE(is_known_metal(name)) << name;
  EXPECT_FALSE(is_known_metal("unobtainium"));
  EXPECT_FALSE(is_known_metal(""));
}

TEST(Metals, UnknownMetalThrowsListingValidNames) {
  try {
    make_conductor("mithril", 0.1f);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("mithril"), std::string::npos) << msg;
    for (const std::string& name : metal_names())
      EXPECT_NE(msg.find(name), std::string::npos) << msg;
  }
}

// The data's own check values (SOURCES.md): F0 at 550 nm is Au 0.79, Ag 0.98, Al 0.915,
// Cu 0.62.
TEST(Metals, NormalIncidenceReflectanceAt550nm) {
  SampledWavelengths wl = wavelengths(550.0f, 550.0f, 550.0f, 550.0f);
  EXPECT_NEAR(metal_f0("gold", wl)[0], 0.79, 0.01);
  EXPECT_NEAR(metal_f0("silver", wl)[0], 0.98, 0.01);
  EXPECT_NEAR(metal_f0("aluminium", wl)[0], 0.915, 0.01);
  EXPECT_NEAR(metal_f0("copper", wl)[0], 0.62, 0.01);
}

// Gold's colour: it reflects strongly in the red and weakly in the blue (about 0.95 at
// 650 nm and 0.4 at 450 nm in the published measurements).
TEST(Metals, GoldReflectsRedFarMoreThanBlue) {
  SampledSpectrum f0 = metal_f0("gold", wavelengths(450.0f, 500.0f, 600.0f, 650.0f));
  EXPECT_GT(f0[3], 0.9f);
  EXPECT_LT(f0[0], 0.5f);
  EXPECT_GT(f0[3], 2.0f * f0[0]);
  EXPECT_LT(f0[0], f0[1]);
  EXPECT_LT(f0[1], f0[2]);
  // Silver is nearly flat and bright over the visible range.
  SampledSpectrum ag = metal_f0("silver", wavelengths(450.0f, 500.0f, 600.0f, 650.0f));
  EXPECT_GT(ag[0], 0.9f);
  EXPECT_LT(ag.max_value() - ag[0], 0.06f);
}

TEST(Metals, SpectraInterpolateTheTables) {
  const MetalNk* cu = find_metal_nk("copper");
  ASSERT_NE(cu, nullptr);
  // 550 nm is sample 38; 552.5 nm lies halfway to sample 39.
  Bsdf b = material_bsdf(make_conductor("copper", 0.0f),
                         wavelengths(550.0f, 552.5f, 360.0f, 830.0f));
  const auto& c = std::get<ConductorBsdf>(b);
  EXPECT_NEAR(c.eta[0], cu->n[38], 1e-5f);
  EXPECT_NEAR(c.k[0], cu->k[38], 1e-5f);
  EXPECT_NEAR(c.eta[1], 0.5f * (cu->n[38] + cu->n[39]), 1e-5f);
  EXPECT_NEAR(c.eta[2], cu->n[0], 1e-5f);
  EXPECT_NEAR(c.k[3], cu->k[kMetalNkSamples - 1], 1e-5f);
  EXPECT_EQ(find_metal_nk("aluminum"), find_metal_nk("aluminium"));
}

TEST(Materials, FactoriesBuildTablesOnlyForRoughSurfaces) {
  auto smooth = std::get<ConductorMaterial>(make_conductor("gold", 0.0f));
  auto rough = std::get<ConductorMaterial>(make_conductor("gold", 0.4f));
  EXPECT_EQ(smooth.energy, nullptr);
  ASSERT_NE(rough.energy, nullptr);
  EXPECT_LT(rough.energy->e_avg, 1.0f);
  auto glass = std::get<DielectricMaterial>(make_dielectric(1.5f, 0.0f));
  auto frosted = std::get<DielectricMaterial>(make_dielectric(1.5f, 0.4f));
  EXPECT_EQ(glass.energy_outside, nullptr);
  EXPECT_EQ(glass.energy_inside, nullptr);
  ASSERT_NE(frosted.energy_outside, nullptr);
  ASSERT_NE(frosted.energy_inside, nullptr);
  EXPECT_FLOAT_EQ(frosted.ior, 1.5f);
  EXPECT_FLOAT_EQ(frosted.roughness, 0.4f);
}

TEST(Materials, RejectInvalidParameters) {
  EXPECT_THROW(make_conductor("gold", -0.1f), std::invalid_argument);
  EXPECT_THROW(make_dielectric(0.0f, 0.1f), std::invalid_argument);
  EXPECT_THROW(make_dielectric(1.5f, std::nanf("")), std::invalid_argument);
}

TEST(Materials, BsdfCarriesTheMaterialAtTheseWavelengths) {
  SampledWavelengths wl = wavelengths(400.0f, 500.0f, 600.0f, 700.0f);
  Bsdf d = material_bsdf(make_diffuse(Spectrum::constant(0.25f)), wl);
  ASSERT_TRUE(std::holds_alternative<DiffuseBsdf>(d));
  for (int i = 0; i < kLambdas; ++i)
    EXPECT_FLOAT_EQ(std::get<DiffuseBsdf>(d).reflectance[i], 0.25f);

  Material m = make_conductor(Spectrum::constant(0.3f), Spectrum::constant(4.0f), 0.2f);
  Bsdf c = material_bsdf(m, wl);
  const auto& cb = std::get<ConductorBsdf>(c);
  EXPECT_FLOAT_EQ(cb.eta[2], 0.3f);
  EXPECT_FLOAT_EQ(cb.k[1], 4.0f);
  EXPECT_FLOAT_EQ(cb.alpha, 0.2f);
  EXPECT_EQ(cb.energy, std::get<ConductorMaterial>(m).energy.get());

  Material g = make_dielectric(1.33f, 0.3f);
  Bsdf gbsdf = material_bsdf(g, wl);
  const auto& gb = std::get<DielectricBsdf>(gbsdf);
  EXPECT_FLOAT_EQ(gb.eta, 1.33f);
  EXPECT_FLOAT_EQ(gb.alpha, 0.3f);
  EXPECT_EQ(gb.energy_outside, std::get<DielectricMaterial>(g).energy_outside.get());
  EXPECT_EQ(gb.energy_inside, std::get<DielectricMaterial>(g).energy_inside.get());
}

}  // namespace
}  // namespace limner
