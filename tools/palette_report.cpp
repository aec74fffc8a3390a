#include "tools/palette_report.h"

#include <algorithm>

#include "renderer/measure.h"
#include "renderer/spectral/cat16.h"
#include "renderer/spectral/ciede2000.h"
#include "renderer/spectral/color.h"

namespace limner {

namespace {

constexpr int kStepNm = 5;

float reflectance_at(const std::vector<float>& r, float lambda) {
  float x = (lambda - kLambdaMin) / float(kStepNm);
  size_t i = std::min(size_t(std::max(x, 0.0f)), r.size() - 2);
  float t = x - float(i);
  return r[i] + t * (r[i + 1] - r[i]);
}

// XYZ of a reflectance (nullptr: the perfect white) under a light, the light's white Y = 100.
glm::dvec3 xyz_under(const std::vector<float>* r, const Spectrum& light) {
  glm::dvec3 sum(0.0), white(0.0);
  for (int l = int(kLambdaMin); l <= int(kLambdaMax); ++l) {
    glm::dvec3 w = glm::dvec3(cie_xyz_bar(float(l))) * double(light.eval(float(l)));
    sum += w * (r ? double(reflectance_at(*r, float(l))) : 1.0);
    white += w;
  }
  return sum * (100.0 / white.y);
}

const glm::dvec3& d65_white_100() {
  static const glm::dvec3 w = xyz_under(nullptr, Spectrum::named_illuminant("D65"));
  return w;
}

nlohmann::json vec(const glm::dvec3& v) { return {v.x, v.y, v.z}; }

nlohmann::json light_json(const SheetLight& l) {
  return {{"name", l.name},
          {"kind", l.kind},
          {"cct_k", l.cct_k},
          {"duv", l.duv},
          {"ra", l.ra >= 0.0 ? nlohmann::json(l.ra) : nlohmann::json()},
          {"white_XYZ", vec(xyz_under(nullptr, l.spectrum))}};
}

// Pairs that match (ΔE00 < kMatchBelow) under some light and differ (> kDifferAbove) under
// another.
nlohmann::json metameric_pairs(const std::vector<std::string>& paints,
                               const std::vector<std::vector<glm::dvec3>>& lab,
                               const std::vector<SheetLight>& lights) {
  nlohmann::json pairs = nlohmann::json::array();
  for (size_t i = 0; i < paints.size(); ++i)
    for (size_t j = i + 1; j < paints.size(); ++j) {
      nlohmann::json match = nlohmann::json::array(), differ = nlohmann::json::array();
      nlohmann::json de = nlohmann::json::object();
      for (size_t k = 0; k < lights.size(); ++k) {
        double d = ciede2000(lab[i][k], lab[j][k]);
        de[lights[k].name] = d;
        if (d < kMatchBelow) match.push_back(lights[k].name);
        if (d > kDifferAbove) differ.push_back(lights[k].name);
      }
      if (!match.empty() && !differ.empty())
        pairs.push_back({{"paints", {paints[i], paints[j]}},
                         {"match_under", match},
                         {"differ_under", differ},
                         {"delta_e00", de}});
    }
  return pairs;
}

}  // namespace

std::vector<float> measure_swatch(const Material& m, int samples) {
  MeasureOptions opts;
  opts.geometry = "d:8";
  opts.samples = samples;
  const int n = int(kLambdaMax - kLambdaMin) / kStepNm + 1;
  std::vector<float> r(size_t(n), 0.0f);
  for (int i = 0; i < n; i += kLambdas) {
    SampledWavelengths wl;
    for (int k = 0; k < kLambdas; ++k) {
      wl.lambda[size_t(k)] = kLambdaMin + float(std::min(i + k, n - 1) * kStepNm);
      wl.pdf[size_t(k)] = 1.0f;
    }
    SampledSpectrum v = measure_reflectance(m, wl, opts);
    for (int k = 0; k < kLambdas && i + k < n; ++k) r[size_t(i + k)] = v[k];
  }
  return r;
}

glm::dvec3 adapted_lab(const std::vector<float>& reflectance, const Spectrum& light,
                       glm::dvec3* xyz) {
  glm::dvec3 c = xyz_under(&reflectance, light);
  if (xyz) *xyz = c;
  glm::dvec3 white = xyz_under(nullptr, light);
  glm::dmat3 cat(cat16_adaptation(glm::vec3(white), glm::vec3(d65_white_100())));
  return glm::dvec3(xyz_to_lab(glm::vec3(cat * c), glm::vec3(d65_white_100())));
}

nlohmann::json palette_report(const std::vector<std::string>& paints,
                              const std::vector<std::vector<float>>& reflectances,
                              const std::vector<SheetLight>& lights, int samples) {
  nlohmann::json j;
  j["geometry"] = "d:8";
  j["observer"] = 2;
  j["measure_samples"] = samples;
  j["adaptation"] = "CAT16, complete (D = 1), from the light's white to D65";
  j["lab_white"] = "D65, Y = 100";
  j["match_below_delta_e00"] = kMatchBelow;
  j["differ_above_delta_e00"] = kDifferAbove;
  j["lights"] = nlohmann::json::array();
  for (const SheetLight& l : lights) j["lights"].push_back(light_json(l));
  std::vector<std::vector<glm::dvec3>> lab(paints.size());
  j["paints"] = nlohmann::json::array();
  for (size_t i = 0; i < paints.size(); ++i) {
    nlohmann::json per_light = nlohmann::json::array();
    for (const SheetLight& l : lights) {
      glm::dvec3 xyz;
      lab[i].push_back(adapted_lab(reflectances[i], l.spectrum, &xyz));
      per_light.push_back({{"light", l.name},
                           {"XYZ", vec(xyz)},
                           {"Lab", vec(lab[i].back())},
                           {"delta_e00", ciede2000(lab[i].front(), lab[i].back())}});
    }
    std::vector<float> r10;
    for (int nm = 380; nm <= 780; nm += 10) r10.push_back(reflectance_at(reflectances[i], nm));
    j["paints"].push_back(
        {{"name", paints[i]}, {"reflectance_380_780_10nm", r10}, {"lights", per_light}});
  }
  j["metameric_pairs"] = metameric_pairs(paints, lab, lights);
  return j;
}

}  // namespace limner
