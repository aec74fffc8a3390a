// `limner lights`: every light preset and named illuminant with its correlated colour
// temperature, Duv and colour rendering index, so a painter sees why a lamp misleads.
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "renderer/lights/presets.h"
#include "renderer/spectral/cct.h"
#include "renderer/spectral/color.h"
#include "renderer/spectral/cri.h"
#include "tools/bench_lights.h"
#include "tools/commands.h"

namespace limner {

void add_lights_command(CLI::App& app, LightsArgs& a) {
  CLI::App* l = app.add_subcommand(
      "lights",
      "List the light presets and named illuminants with their CCT, Duv and colour rendering "
      "index");
  l->add_flag("--json", a.json, "Print JSON instead of a table");
  l->add_flag("--bench-envmap", a.bench_envmap,
              "Only time building a 4096x2048 envmap's sampling tables (also in `limner bench`)");
}

namespace {

struct LightRow {
  std::string name, kind = "illuminant", description;
  double cct = 0.0, duv = 0.0, ra = NAN;
  bool ra_valid = false;  // CIE 13.3: meaningful only within Duv 0.0054 of the Planckian locus
};

LightRow describe(const std::string& name, const Spectrum& s) {
  LightRow row{name};
  CctResult c = cct_ohno2013(glm::dvec3(spectrum_to_xyz(s)));
  row.cct = c.cct_k;
  row.duv = c.duv;
  try {
    row.ra = color_rendering_index(s).ra;
    row.ra_valid = std::fabs(c.duv) <= 0.0054;
  } catch (const std::invalid_argument&) {
    row.ra = NAN;  // CCT outside the range CIE 13.3 has references for
  }
  return row;
}

}  // namespace

// FL1..FL12 are the same tables as F1..F12 (the names the scene format documents).
bool is_alias(const std::string& name) {
  return name.size() >= 3 && name.size() <= 4 && name.compare(0, 2, "FL") == 0 &&
         name.find('.') == std::string::npos;
}

int run_lights(const LightsArgs& a) {
  if (a.bench_envmap) {
    std::printf("envmap tables 4096x2048: %.3f s (best of 3; target < 0.5)\n",
                envmap_table_seconds());
    return 0;
  }
  std::vector<LightRow> rows;
  for (const std::string& name : light_preset_names()) {
    rows.push_back(describe(name, light_preset_spectrum(name)));
    rows.back().kind = "preset";
    rows.back().description = light_preset_description(name);
  }
  for (const std::string& name : Spectrum::illuminant_names())
    if (!is_alias(name)) rows.push_back(describe(name, Spectrum::named_illuminant(name)));
  if (a.json) {
    nlohmann::json j = nlohmann::json::array();
    for (const LightRow& r : rows)
      j.push_back({{"name", r.name}, {"kind", r.kind}, {"cct_k", r.cct}, {"duv", r.duv},
                   {"ra", std::isnan(r.ra) ? nlohmann::json() : nlohmann::json(r.ra)},
                   {"ra_valid", r.ra_valid}, {"description", r.description}});
    std::cout << j.dump(2) << std::endl;
    return 0;
  }
  std::printf("%-22s %-10s %8s %8s %6s  %s\n", "light", "kind", "CCT K", "Duv", "Ra",
              "description");
  for (const LightRow& r : rows) {
    char ra[16] = "-";
    if (!std::isnan(r.ra)) std::snprintf(ra, sizeof ra, "%.0f%s", r.ra, r.ra_valid ? "" : "*");
    std::printf("%-22s %-10s %8.0f %8.4f %6s  %s\n", r.name.c_str(), r.kind.c_str(), r.cct,
                r.duv, ra, r.description.c_str());
  }
  std::printf("* Duv beyond 0.0054: CIE 13.3 calls the index not meaningful for this light\n");
  return 0;
}

}  // namespace limner
