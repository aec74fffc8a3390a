// `limner measure`: a virtual spectrophotometer over a scene's material.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "renderer/errors.h"
#include "renderer/measure.h"
#include "renderer/scene.h"
#include "renderer/scene_detail.h"
#include "renderer/spectral/spectrum.h"
#include "renderer/scene_textures.h"
#include "tools/commands.h"
#include "tools/output_util.h"

namespace limner {

void add_measure_command(CLI::App& app, MeasureArgs& a) {
  CLI::App* m = app.add_subcommand("measure", "Measure a material's reflectance and colour");
  m->add_option("scene", a.scene, "Scene file (JSON) that defines the material")->required();
  m->add_option("--material", a.material, "Material name")->required();
  m->add_option("--geometry", a.geometry,
                "d:8 (specular included), 45:0, 0:d (normal incidence) or d:d (diffuse)");
  m->add_option("--illuminant", a.illuminant, "CIE illuminant for XYZ and Lab (default D50)");
  m->add_option("--observer", a.observer, "2 (CIE 1931) or 10 (CIE 1964) degree observer");
  m->add_option("--thickness-mm", a.thickness_mm,
                "Subsurface materials: thickness of the measured sheet (default: semi-infinite)")
      ->each([&a](const std::string&) { a.thickness_given = true; });
  m->add_option("--set", a.sets, "Override a scene value: KEY.PATH=VALUE (JSON or string)");
}

namespace {

void check_options(const MeasureArgs& a) {
  if (a.geometry != "d:8" && a.geometry != "45:0" && a.geometry != "0:d" && a.geometry != "d:d")
    throw InputError("--geometry '" + a.geometry + "': expected d:8, 45:0, 0:d or d:d");
  if (a.thickness_given && !(a.thickness_mm > 0.0 && a.thickness_mm < 1e6))
    throw InputError("--thickness-mm " + CLI::detail::to_string(a.thickness_mm) +
                     ": expected a thickness in millimetres greater than 0 and below 1e6 "
                     "(leave it out for a semi-infinite sheet)");
  if (!Spectrum::is_named_illuminant(a.illuminant))
    throw InputError("--illuminant '" + a.illuminant + "': unknown illuminant (D50, D65, A, ...)");
  if (a.observer != 2 && a.observer != 10)
    throw InputError("--observer " + std::to_string(a.observer) + ": expected 2 or 10");
}

}  // namespace

int run_measure(const MeasureArgs& a) {
  check_options(a);
  SceneDesc desc = load_scene_desc(a.scene, a.sets);
  std::vector<std::string> names;
  std::vector<Material> materials;
  build_materials(desc, names, materials);
  for (Material& m : materials) remove_layer_variation(m);  // renderer/scene_detail.h
  auto it = std::find(names.begin(), names.end(), a.material);
  if (it == names.end())
    throw InputError(a.scene + ": materials." + a.material + ": no such material");
  const std::string textured = material_texture_key(desc, a.material);  // renderer/scene_textures.h
  if (!textured.empty())
    throw InputError(a.scene + ": " + textured + ": limner measure needs a material without image "
                     "textures (give a constant value to measure)");
  MeasureOptions opts;
  opts.geometry = a.geometry;
  opts.illuminant = a.illuminant;
  opts.observer = a.observer;
  const Material& material = materials[size_t(it - names.begin())];
  if (a.thickness_given) {
    if (!interior_medium(material))
      throw InputError("--thickness-mm: material '" + a.material +
                       "' is not a subsurface material (a sheet needs a medium)");
    opts.thickness_mm = float(a.thickness_mm);
  }
  Measurement m = measure_material(material, opts);
  nlohmann::json j;
  j["material"] = a.material;
  j["geometry"] = a.geometry;
  j["illuminant"] = a.illuminant;
  j["observer"] = a.observer;
  j["wavelength_nm"] = m.wavelength_nm;
  j["reflectance"] = m.reflectance;
  if (!m.transmittance.empty()) {
    j["transmittance"] = m.transmittance;
    if (a.thickness_given) j["thickness_mm"] = a.thickness_mm;
    else j["thickness_mm"] = "semi-infinite";
  }
  j["XYZ"] = {m.xyz.x, m.xyz.y, m.xyz.z};
  j["Lab"] = {m.lab.x, m.lab.y, m.lab.z};
  std::cout << j.dump(2) << std::endl;
  return 0;
}

}  // namespace limner
