#include "materials/medium/presets.h"

#include <algorithm>
#include <cmath>
#include <glm/glm.hpp>

#include "materials/medium/skin_data.h"

namespace limner {

namespace {

// Flat extension outside the samples (piecewise spectra are zero outside their range).
Spectrum flat_ends(std::vector<float> lambda, std::vector<float> value) {
  lambda.insert(lambda.begin(), kLambdaMin - 1.0f);
  value.insert(value.begin(), value.front());
  lambda.push_back(kLambdaMax + 1.0f);
  value.push_back(value.back());
  return Spectrum::piecewise(std::move(lambda), std::move(value));
}

// RGB-style triples (as published by Jensen et al. 2001, or Limner's own estimates) placed at
// 650, 550 and 450 nm (R, G, B), linear between, held flat outside.
SubsurfacePreset triple_preset(glm::vec3 sigma_s_reduced, glm::vec3 sigma_a, float ior,
                               float roughness) {
  const std::vector<float> l = {450.0f, 550.0f, 650.0f};
  return SubsurfacePreset{flat_ends(l, {sigma_a.z, sigma_a.y, sigma_a.x}),
                          flat_ends(l, {sigma_s_reduced.z, sigma_s_reduced.y, sigma_s_reduced.x}),
                          ior, roughness};
}

// Fitzpatrick type -> (epidermal melanosome volume fraction, eumelanin share). Jacques 2013:
// light skin 1.3-6.3 %, moderately pigmented 11-16 %, dark 18-43 %.
struct SkinType {
  float melanosome_fraction, eumelanin_share;
};
constexpr SkinType kSkinTypes[6] = {{0.02f, 0.5f}, {0.04f, 0.6f}, {0.08f, 0.8f},
                                    {0.14f, 0.9f}, {0.22f, 0.95f}, {0.35f, 0.95f}};
// One homogeneous medium stands for epidermis over dermis: the melanin of a ~0.1 mm epidermis
// is spread over the ~1 mm that diffuse light samples (x 0.1); blood 1 % by volume, 75 % oxygen
// saturation (Jacques 2013's typical dermis).
constexpr float kEpidermisShare = 0.1f, kBloodFraction = 0.01f, kOxygenSaturation = 0.75f;

float table_at(const float* t, float lambda) {
  float x = std::clamp((lambda - kSkinDataLambda0) / kSkinDataStep, 0.0f,
                       float(kSkinDataSamples - 1));
  int i = std::min(int(x), kSkinDataSamples - 2);
  float f = x - float(i);
  return t[i] + f * (t[i + 1] - t[i]);
}

SubsurfacePreset skin_preset(int type) {
  std::vector<float> lambda, a, s;
  for (float l = kLambdaMin; l <= kLambdaMax; l += 5.0f) {
    lambda.push_back(l);
    a.push_back(skin_absorption_per_mm(type, l));
    s.push_back(skin_reduced_scattering_per_mm(l));
  }
  return SubsurfacePreset{Spectrum::piecewise(lambda, a), Spectrum::piecewise(lambda, s), 1.4f,
                          0.3f};
}

}  // namespace

float skin_absorption_per_mm(int type, float l) {
  const SkinType& t = kSkinTypes[std::clamp(type, 1, 6) - 1];
  float eumelanin = 6.6e10f * std::pow(l, -3.33f);     // Donner & Jensen 2006
  float pheomelanin = 2.9e14f * std::pow(l, -4.75f);   // Donner & Jensen 2006
  float baseline = 0.0244f + 8.53f * std::exp(-(l - 154.0f) / 66.2f);  // Jacques 2013
  float melanin = t.eumelanin_share * eumelanin + (1.0f - t.eumelanin_share) * pheomelanin;
  float m = kEpidermisShare * t.melanosome_fraction;
  float blood = kOxygenSaturation * table_at(kBloodHbO2PerMm, l) +
                (1.0f - kOxygenSaturation) * table_at(kBloodHbPerMm, l);
  return m * melanin + kBloodFraction * blood + (1.0f - m - kBloodFraction) * baseline;
}

float skin_reduced_scattering_per_mm(float l) {
  return 4.6f * std::pow(l / 500.0f, -1.421f);  // Jacques 2013, average skin
}

std::vector<std::string> subsurface_preset_names() {
  return {"silicone", "tpe",    "resin-clear", "resin-grey", "polymer-clay", "porcelain",
          "wax",      "marble", "skin-1",      "skin-2",     "skin-3",       "skin-4",
          "skin-5",   "skin-6"};
}

std::optional<SubsurfacePreset> find_subsurface_preset(const std::string& n) {
  // Triples are (R, G, B) = (650, 550, 450 nm); sigma_s' first, then sigma_a, per mm.
  if (n == "silicone")
    return triple_preset({2.0f, 2.3f, 2.6f}, {0.02f, 0.06f, 0.12f}, 1.413f, 0.1f);
  if (n == "tpe")
    return triple_preset({1.5f, 1.7f, 2.0f}, {0.01f, 0.015f, 0.025f}, 1.50f, 0.2f);
  if (n == "resin-clear")
    return triple_preset({0.002f, 0.002f, 0.002f}, {0.004f, 0.006f, 0.02f}, 1.563f, 0.02f);
  if (n == "resin-grey")
    return triple_preset({3.0f, 3.0f, 3.0f}, {0.25f, 0.25f, 0.25f}, 1.563f, 0.05f);
  if (n == "polymer-clay")
    return triple_preset({8.0f, 9.0f, 10.0f}, {0.08f, 0.15f, 0.3f}, 1.5f, 0.3f);
  if (n == "porcelain")
    return triple_preset({6.0f, 7.0f, 8.0f}, {0.002f, 0.003f, 0.005f}, 1.5f, 0.02f);
  if (n == "wax")
    return triple_preset({0.8f, 0.9f, 1.0f}, {0.004f, 0.008f, 0.03f}, 1.44f, 0.2f);
  if (n == "marble")  // Jensen et al. 2001, Table 2
    return triple_preset({2.19f, 2.62f, 3.00f}, {0.0021f, 0.0041f, 0.0071f}, 1.5f, 0.05f);
  for (int t = 1; t <= 6; ++t)
    if (n == "skin-" + std::to_string(t)) return skin_preset(t);
  return std::nullopt;
}

}  // namespace limner
