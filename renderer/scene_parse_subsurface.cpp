// The `subsurface` material (contract section 4): parsing and building. Exactly one of three
// forms describes the medium: a preset, color + mfp_mm, or sigma_a_per_mm + sigma_s_per_mm.
#include <cmath>
#include <stdexcept>

#include "materials/medium/presets.h"
#include "renderer/geometry/mesh_holes.h"
#include "renderer/scene_build_parts.h"
#include "renderer/scene_parse.h"

namespace limner {

namespace {

// Denser media than this cannot be walked in single precision (flights shorter than a position's
// rounding: walks stand still and render black); 1e6 per mm is a 1 nm mean free path.
constexpr float kMaxCoefficient = 1e6f;

std::string preset_list() {
  std::string s;
  for (const std::string& n : subsurface_preset_names()) s += (s.empty() ? "" : ", ") + n;
  return s;
}

// Which forms the material uses; both keys of a pair are required once either is given.
int count_forms(JsonReader& r, SubsurfaceDesc& s) {
  bool preset = r.has("preset");
  bool albedo = r.has("color") || r.has("mfp_mm");
  bool coeffs = r.has("sigma_a_per_mm") || r.has("sigma_s_per_mm");
  int n = int(preset) + int(albedo) + int(coeffs);
  if (n == 0)
    r.fail_here("a subsurface material needs one of 'preset', 'color' + 'mfp_mm', or "
                "'sigma_a_per_mm' + 'sigma_s_per_mm'");
  if (n > 1) {
    const char* second = coeffs ? (r.has("sigma_a_per_mm") ? "sigma_a_per_mm" : "sigma_s_per_mm")
                                : (r.has("color") ? "color" : "mfp_mm");
    r.fail(second, "give only one of 'preset', 'color' + 'mfp_mm', or 'sigma_a_per_mm' + "
                   "'sigma_s_per_mm'");
  }
  if (albedo && !r.has("color")) r.fail("color", "'mfp_mm' needs 'color' as well");
  if (albedo && !r.has("mfp_mm")) r.fail("mfp_mm", "'color' needs 'mfp_mm' as well");
  if (coeffs && !r.has("sigma_a_per_mm"))
    r.fail("sigma_a_per_mm", "'sigma_s_per_mm' needs 'sigma_a_per_mm' as well");
  if (coeffs && !r.has("sigma_s_per_mm"))
    r.fail("sigma_s_per_mm", "'sigma_a_per_mm' needs 'sigma_s_per_mm' as well");
  s.form = preset ? SubsurfaceForm::Preset
                  : (albedo ? SubsurfaceForm::Albedo : SubsurfaceForm::Coefficients);
  return n;
}

Spectrum non_negative(JsonReader& r, const std::string& key, const std::string& folder) {
  return parse_spectrum(r.get(key), r.file(), r.child_path(key), folder,
                        SpectrumRole::NonNegative);
}

void parse_form(JsonReader& r, SubsurfaceDesc& s, const std::string& folder) {
  if (s.form == SubsurfaceForm::Preset) {
    s.preset = r.string("preset");
    if (!find_subsurface_preset(s.preset))
      r.fail("preset", "unknown preset '" + s.preset + "' (" + preset_list() + ")");
  } else if (s.form == SubsurfaceForm::Albedo) {
    s.color = non_negative(r, "color", folder);
    if (s.color.max_value() > 1.0f)
      r.fail("color", "an albedo above 1 is impossible (color must lie in [0, 1])");
    s.mfp_mm = non_negative(r, "mfp_mm", folder);
    if (!(s.mfp_mm.min_value() > 0.0f)) r.fail("mfp_mm", "must be greater than 0 everywhere");
    if (s.mfp_mm.min_value() < 1.0f / kMaxCoefficient)
      r.fail("mfp_mm", "must be at least 1e-6 mm everywhere");
  } else {
    s.sigma_a = non_negative(r, "sigma_a_per_mm", folder);
    s.sigma_s = non_negative(r, "sigma_s_per_mm", folder);
    const char* too_dense = "must be at most 1e6 per mm (a mean free path of 1 nm)";
    if (s.sigma_a.max_value() > kMaxCoefficient) r.fail("sigma_a_per_mm", too_dense);
    if (s.sigma_s.max_value() > kMaxCoefficient) r.fail("sigma_s_per_mm", too_dense);
  }
}

}  // namespace

void parse_subsurface_material(JsonReader& r, MaterialDesc& m, const std::string& folder) {
  m.type = MaterialType::Subsurface;
  SubsurfaceDesc& s = m.subsurface;
  count_forms(r, s);
  parse_form(r, s, folder);
  if ((s.has_g = r.has("g"))) {
    s.g = r.number("g");
    if (!(s.g > -1.0f && s.g < 1.0f)) r.fail("g", "must lie in (-1, 1)");
  }
  if ((s.has_ior = r.has("ior"))) {
    s.ior = r.positive("ior");
    if (s.ior > 4.0f) r.fail("ior", "must lie in (0, 4]");
  }
  if ((s.has_roughness = r.has("roughness"))) {
    s.roughness = r.non_negative("roughness", 0.0f);
    if (s.roughness > 1.0f) r.fail("roughness", "must lie in [0, 1]");
  }
}

namespace {

// color + mfp per wavelength (every 5 nm unless both are constant).
HomogeneousMedium albedo_medium(const SubsurfaceDesc& s) {
  const auto* c = std::get_if<ConstantSpectrum>(&s.color.variant());
  const auto* d = std::get_if<ConstantSpectrum>(&s.mfp_mm.variant());
  float a, b;
  if (c && d) {
    coefficients_from_albedo(c->value, d->value, s.g, &a, &b);
    return {Spectrum::constant(a), Spectrum::constant(b), s.g};
  }
  std::vector<float> lambda, sa, ss;
  for (float l = kLambdaMin; l <= kLambdaMax; l += 5.0f) {
    coefficients_from_albedo(s.color.eval(l), s.mfp_mm.eval(l), s.g, &a, &b);
    lambda.push_back(l);
    sa.push_back(a);
    ss.push_back(b);
  }
  return {Spectrum::piecewise(lambda, sa), Spectrum::piecewise(lambda, ss), s.g};
}

// sigma_s = sigma_s' / (1 - g), every 5 nm (a preset's sigma_s' is piecewise already).
Spectrum scale_spectrum(const Spectrum& sp, float k) {
  if (k == 1.0f) return sp;
  std::vector<float> lambda, v;
  for (float l = kLambdaMin; l <= kLambdaMax; l += 5.0f) {
    lambda.push_back(l);
    v.push_back(sp.eval(l) * k);
  }
  return Spectrum::piecewise(lambda, v);
}

}  // namespace

Material build_subsurface(const MaterialDesc& d, const std::string& file) {
  const SubsurfaceDesc& s = d.subsurface;
  HomogeneousMedium medium;
  float ior = s.ior, roughness = s.roughness;
  if (s.form == SubsurfaceForm::Preset) {
    SubsurfacePreset p = *find_subsurface_preset(s.preset);
    medium = {p.sigma_a, scale_spectrum(p.sigma_s_reduced, 1.0f / (1.0f - s.g)), s.g};
    if (!s.has_ior) ior = p.ior;
    if (!s.has_roughness) roughness = p.roughness;
  } else if (s.form == SubsurfaceForm::Albedo) {
    medium = albedo_medium(s);
  } else {
    medium = {s.sigma_a, s.sigma_s, s.g};
  }
  try {
    return make_subsurface_material(std::move(medium), ior, roughness);
  } catch (const std::invalid_argument& e) {
    throw input_error(file, d.key, e.what());
  }
}

}  // namespace limner

namespace limner {

void warn_open_subsurface_mesh(Scene& s, const SceneDesc& d, const ObjectDesc& o) {
  const TriangleMesh& m = s.meshes.back();
  std::string material;
  for (uint32_t t : m.triangle_material)
    if (interior_medium(s.materials[t])) {
      material = s.material_names[t];
      break;
    }
  if (material.empty()) return;
  MeshHoles h = find_mesh_holes(m.positions, m.triangles);
  if (h.boundary_edges == 0) return;
  std::string mesh = o.mesh_path.substr(o.mesh_path.find_last_of('/') + 1);
  s.warnings.push_back(d.file + ": " + o.key + ".mesh: mesh '" + mesh + "' is not closed: " +
                       std::to_string(h.holes) + " hole(s) (boundary edge loops; " +
                       std::to_string(h.boundary_edges) + " boundary edges); its subsurface "
                       "material '" + material + "' needs a closed mesh, light may leak");
}

}  // namespace limner
