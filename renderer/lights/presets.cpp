// The light preset table and its expansion into lights. To add a preset, add a row to
// kPresets (and a line to scenes/README.md): the rest follows from the data.
#include "renderer/lights/presets.h"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "renderer/lights/sky.h"
#include "renderer/spectral/color.h"
#include "renderer/edit_distance.h"

namespace limner {

namespace {

constexpr float kPi = 3.14159265358979323846f;

enum class Part {
  None,     // unused slot
  Ambient,  // uniform environment (room bounce, overcast sky)
  Panel,    // rect light facing the subject: a window, softbox, lamp head or tube
  Bulb,     // sphere light
  Ring,     // 16 small spheres on a ring around the camera
  Sky,      // Preetham sun and sky; elevation = the sun's, azimuth camera-relative
  Overcast, // CIE standard overcast sky over a grey ground, as an envmap
};

// One light of a preset. Directions are from the subject, relative to the camera: azimuth 0 is
// the camera's side, +90 the camera's right; elevation above the horizontal. Lengths are in
// subject radii R (ring: in camera distances).
struct PartSpec {
  Part part = Part::None;
  float share = 0.0f;  // fraction of the preset's illuminance at the subject
  float azimuth_deg = 0.0f, elevation_deg = 0.0f, distance = 0.0f;
  float width = 0.0f, height = 0.0f;  // panel size; bulb: width is the radius
  float turbidity = 3.0f;             // sky
};

struct PresetSpec {
  const char* name;
  const char* description;
  const char* spectrum;  // a named illuminant, or "model:led-5000k" (see model_spectrum)
  PartSpec parts[3];
};

// clang-format off
const PresetSpec kPresets[] = {
  {"daylight-overcast", "overcast daylight: CIE standard overcast sky, CIE D65, grey ground",
   "D65", {{Part::Overcast, 1.0f}}},
  {"north-window", "north-facing window at the camera's left, CIE D75 skylight, room fill",
   "D75",
   {{Part::Panel, 0.85f, -70.0f, 20.0f, 8.0f, 6.0f, 8.0f}, {Part::Ambient, 0.15f}}},
  {"sunny-noon", "clear sky, sun 60 deg high, front left (Preetham sun and sky, turbidity 3)",
   "sky", {{Part::Sky, 1.0f, -40.0f, 60.0f, 0, 0, 0, 3.0f}}},
  {"golden-hour", "clear sky, sun 6 deg high, left (Preetham sun and sky, turbidity 4)", "sky",
   {{Part::Sky, 1.0f, -60.0f, 6.0f, 0, 0, 0, 4.0f}}},
  {"led-desk-5000k", "5000 K high-CRI LED desk lamp (modelled phosphor LED, Ra 97), room fill",
   "model:led-5000k",
   {{Part::Panel, 0.9f, 30.0f, 45.0f, 5.0f, 2.0f, 0.6f}, {Part::Ambient, 0.1f}}},
  {"led-cheap-6500k", "cheap 6500 K LED desk lamp (CIE LED-B5), room fill", "LED-B5",
   {{Part::Panel, 0.9f, 30.0f, 45.0f, 5.0f, 2.0f, 0.6f}, {Part::Ambient, 0.1f}}},
  {"led-warm-2700k", "warm 2700 K LED bulb lamp (CIE LED-B1), room fill", "LED-B1",
   {{Part::Panel, 0.9f, 30.0f, 45.0f, 5.0f, 2.0f, 0.6f}, {Part::Ambient, 0.1f}}},
  {"tungsten", "incandescent bulb (CIE A), room fill", "A",
   {{Part::Bulb, 0.9f, 30.0f, 45.0f, 5.0f, 0.3f}, {Part::Ambient, 0.1f}}},
  {"fluorescent-cool-white", "overhead cool-white fluorescent tube (CIE F2), room fill", "F2",
   {{Part::Panel, 0.85f, 0.0f, 75.0f, 7.0f, 8.0f, 0.6f}, {Part::Ambient, 0.15f}}},
  {"fluorescent-triband", "overhead tri-band fluorescent tube (CIE F11), room fill", "F11",
   {{Part::Panel, 0.85f, 0.0f, 75.0f, 7.0f, 8.0f, 0.6f}, {Part::Ambient, 0.15f}}},
  {"ring-light", "LED ring light around the lens (the 5000 K high-CRI LED)", "model:led-5000k",
   {{Part::Ring, 1.0f, 0.0f, 0.0f, 1.0f, 0.2f, 0.025f}}},
  {"photo-studio", "three softboxes (key left, fill right, rim behind), CIE D55 strobes", "D55",
   {{Part::Panel, 0.5f, -45.0f, 35.0f, 6.0f, 4.0f, 4.0f},
    {Part::Panel, 0.3f, 55.0f, 10.0f, 7.0f, 5.0f, 5.0f},
    {Part::Panel, 0.2f, 160.0f, 55.0f, 6.0f, 2.0f, 5.0f}}},
};
// clang-format on

const PresetSpec* find_preset(const std::string& name) {
  for (const PresetSpec& p : kPresets)
    if (name == p.name) return &p;
  return nullptr;
}

const PresetSpec& preset_or_throw(const std::string& name) {
  const PresetSpec* p = find_preset(name);
  if (!p) throw std::invalid_argument(unknown_light_preset_message(name));
  return *p;
}

const PartSpec* sky_part(const PresetSpec& p) {
  for (const PartSpec& s : p.parts)
    if (s.part == Part::Sky) return &s;
  return nullptr;
}

double gaussian(double l, double peak, double fwhm) {
  double s = fwhm / 2.3548;
  return std::exp(-0.5 * (l - peak) * (l - peak) / (s * s));
}

// A phosphor-converted white LED modelled as a 450 nm blue pump (FWHM 20 nm) plus green and red
// phosphor bands (520 and 635 nm, FWHM 120 nm), weighted to sit on the Planckian locus at
// 5000 K: CCT 5000 K, Duv 0.0000, Ra 97, R9 92 (by `limner lights`). No high-CRI 5000 K LED is
// among the measured spectra in shared/data, so this stands in for the full-spectrum lamps
// painters buy.
Spectrum led_5000k_model() {
  std::vector<float> lambda, value;
  for (int l = 380; l <= 780; l += 5) {
    lambda.push_back(float(l));
    value.push_back(float(1.355 * gaussian(l, 450, 20) + gaussian(l, 520, 120) +
                          1.008 * gaussian(l, 635, 120)));
  }
  return Spectrum::piecewise(std::move(lambda), std::move(value));
}

Spectrum spec_spectrum(const PresetSpec& p) {
  std::string s = p.spectrum;
  if (s == "model:led-5000k") return led_5000k_model();
  if (s == "sky") {
    const PartSpec* sky = sky_part(p);
    SkyParams sp{sky->elevation_deg, 0.0f, sky->turbidity};
    return sky_irradiance_spectrum(sp, sky_direction(sp.sun_elevation_deg, 0.0f));
  }
  return Spectrum::named_illuminant(s);
}


// The camera-relative frame about the subject.
struct SubjectFrame {
  glm::vec3 center, up, toward_camera, right;
  float radius;      // R: half the frame height at the subject
  float cam_dist;    // |from - to|
  glm::vec3 camera;  // camera position

  glm::vec3 dir(float azimuth_deg, float elevation_deg) const {
    float a = glm::radians(azimuth_deg), e = glm::radians(elevation_deg);
    return std::cos(e) * (std::cos(a) * toward_camera + std::sin(a) * right) +
           std::sin(e) * up;
  }
};

SubjectFrame subject_frame(const CameraDesc& c) {
  SubjectFrame f;
  f.center = c.to;
  f.camera = c.from;
  f.up = glm::normalize(c.up);
  glm::vec3 back = c.from - c.to;
  f.cam_dist = glm::length(back);
  f.radius = f.cam_dist * std::tan(glm::radians(0.5f * c.fov_deg));
  glm::vec3 h = back - glm::dot(back, f.up) * f.up;
  if (glm::length(h) <= 1e-6f * f.cam_dist) {  // looking along the up axis: any horizontal
    glm::vec3 ref = std::fabs(f.up.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 0, 1);
    h = ref - glm::dot(ref, f.up) * f.up;
  }
  f.toward_camera = glm::normalize(h);
  f.right = glm::normalize(glm::cross(f.up, f.toward_camera));
  return f;
}

// Irradiance on a surface at the subject centre facing a rect of radiance 1, by a midpoint rule
// over the rect (its own cosine included); exact to well under 1% at these sizes.
float panel_irradiance(float dist, float w, float h) {
  const int n = 24;
  float e = 0.0f;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      float x = ((i + 0.5f) / n - 0.5f) * w, y = ((j + 0.5f) / n - 0.5f) * h;
      float r2 = x * x + y * y + dist * dist;
      e += dist * dist / (r2 * r2);  // cos_s cos_l / r^2 with both cosines dist / r
    }
  return e * (w / n) * (h / n);
}

LightDesc base_light(const std::string& key, const Spectrum& s, LightType type) {
  LightDesc l;
  l.key = key;
  l.type = type;
  l.spectrum = s;
  return l;
}

// The CIE standard overcast sky (Moon and Spencer 1942; CIE S 011 sky type 1): luminance
// L(theta) = Lz (1 + 2 cos theta) / 3, so the zenith is three times as bright as the horizon. Its
// horizontal illuminance is Lz 7 pi / 9, so Lz = 9/7 gives pi. Below the horizon a grey ground of
// albedo 0.2 reflects it. Grey texels make the map exactly CIE D65 (envmap.h).
std::shared_ptr<const EnvImage> overcast_sky_image() {
  static const std::shared_ptr<const EnvImage> img = [] {
    auto m = std::make_shared<EnvImage>();
    m->width = 64;
    m->height = 128;
    m->rgb.resize(size_t(m->width) * size_t(m->height));
    for (int y = 0; y < m->height; ++y) {
      float theta = kPi * (float(y) + 0.5f) / float(m->height);
      float v = y < m->height / 2 ? (9.0f / 7.0f) * (1.0f + 2.0f * std::cos(theta)) / 3.0f
                                  : 0.2f;
      for (int x = 0; x < m->width; ++x) m->rgb[size_t(y) * size_t(m->width) + size_t(x)] =
          glm::vec3(v);
    }
    return m;
  }();
  return img;
}

// A panel (rect) or bulb (sphere) at its camera-relative place, facing the subject.
LightDesc placed_part(const PartSpec& p, const SubjectFrame& f, const Spectrum& s, float az,
                      float e_target, const std::string& key) {
  bool panel = p.part == Part::Panel;
  LightDesc l = base_light(key, s, panel ? LightType::Rect : LightType::Sphere);
  l.center = f.center + f.dir(az, p.elevation_deg) * (p.distance * f.radius);
  if (panel) {
    l.to = f.center;
    l.size = glm::vec2(p.width, p.height) * f.radius;
    l.scale = e_target / panel_irradiance(p.distance, p.width, p.height);
  } else {  // a sphere of radius r at distance d gives E = L pi (r / d)^2, exactly
    l.radius = p.width * f.radius;
    l.scale = e_target / (kPi * (p.width / p.distance) * (p.width / p.distance));
  }
  return l;
}

// 16 small spheres on a ring about the lens, in the plane normal to the view direction.
void add_ring(std::vector<LightDesc>& out, const PartSpec& p, const SubjectFrame& f,
              const Spectrum& s, float e_target, const std::string& key) {
  const int n = 16;
  glm::vec3 view = glm::normalize(f.center - f.camera);
  glm::vec3 ru = glm::normalize(glm::cross(view, f.up)), rv = glm::cross(ru, view);
  for (int i = 0; i < n; ++i) {
    float t = 2.0f * kPi * (float(i) + 0.5f) / float(n);
    LightDesc l = base_light(key, s, LightType::Sphere);
    l.center = f.camera + p.width * f.cam_dist * (std::cos(t) * ru + std::sin(t) * rv);
    l.radius = p.height * f.cam_dist;
    float d = glm::length(l.center - f.center);
    l.scale = e_target / float(n) / (kPi * (l.radius / d) * (l.radius / d));
    out.push_back(l);
  }
}

LightDesc sky_part_light(const PartSpec& p, const SubjectFrame& f, const LightPresetOptions& o,
                         float az, float e_target, const std::string& key) {
  LightDesc l = base_light(key, Spectrum::named_illuminant("D65"), LightType::Sky);
  l.sun_elevation_deg = std::isnan(o.sun_elevation_deg) ? p.elevation_deg : o.sun_elevation_deg;
  l.turbidity = std::isnan(o.turbidity) ? p.turbidity : o.turbidity;
  glm::vec3 d = f.dir(az, 0.0f);  // horizontal; the sky's own azimuth is world +z toward +x
  l.sun_azimuth_deg = glm::degrees(std::atan2(d.x, d.z));
  l.scale = e_target / kPi;  // the sky's scale is its horizontal illuminance / pi
  return l;
}

void add_part(std::vector<LightDesc>& out, const PartSpec& p, const SubjectFrame& f,
              const Spectrum& s, const LightPresetOptions& o, const std::string& key) {
  // Each part delivers share * pi * scale of illuminance (Y units) at the subject, on a
  // surface facing it: a white matte card facing a one-light preset reads Y = 1.
  const float e_target = p.share * kPi * o.scale;
  const float az = p.azimuth_deg + o.rotate_deg;
  if (p.part == Part::Ambient) {
    LightDesc l = base_light(key, s, LightType::Environment);
    l.scale = e_target / kPi;
    out.push_back(l);
  } else if (p.part == Part::Panel || p.part == Part::Bulb) {
    out.push_back(placed_part(p, f, s, az, e_target, key));
  } else if (p.part == Part::Ring) {
    add_ring(out, p, f, s, e_target, key);
  } else if (p.part == Part::Overcast) {
    LightDesc l = base_light(key, Spectrum::named_illuminant("D65"), LightType::Envmap);
    l.file = "(CIE standard overcast sky)";
    l.image = overcast_sky_image();
    l.scale = e_target / kPi;  // horizontal illuminance pi * share * scale
    out.push_back(l);
  } else if (p.part == Part::Sky) {
    out.push_back(sky_part_light(p, f, o, az, e_target, key));
  }
}

void check_options(const PresetSpec& p, const LightPresetOptions& o) {
  bool sky = sky_part(p) != nullptr;
  if (!(o.scale >= 0.0f) || !std::isfinite(o.scale))
    throw std::invalid_argument("scale must be a non-negative number");
  if (!std::isfinite(o.rotate_deg)) throw std::invalid_argument("rotate_deg must be finite");
  if (!sky && (!std::isnan(o.sun_elevation_deg) || !std::isnan(o.turbidity)))
    throw std::invalid_argument(std::string("preset '") + p.name +
                                "' has no sun: only sunny-noon and golden-hour take "
                                "sun_elevation_deg and turbidity");
  if (!std::isnan(o.sun_elevation_deg) && !(o.sun_elevation_deg > 0.0f))
    throw std::invalid_argument("the sun is below the horizon (sun_elevation_deg " +
                                std::to_string(o.sun_elevation_deg) +
                                "); a daylight preset needs it in (0, 90]");
  if (!std::isnan(o.sun_elevation_deg) && o.sun_elevation_deg > 90.0f)
    throw std::invalid_argument("sun_elevation_deg must be at most 90");
  if (!std::isnan(o.turbidity) && !(o.turbidity >= 1.7f && o.turbidity <= 10.0f))
    throw std::invalid_argument("turbidity must lie in [1.7, 10] (Preetham's fitted range)");
}

}  // namespace

std::vector<std::string> light_preset_names() {
  std::vector<std::string> names;
  for (const PresetSpec& p : kPresets) names.emplace_back(p.name);
  return names;
}

bool is_light_preset(const std::string& name) { return find_preset(name) != nullptr; }

std::string light_preset_description(const std::string& name) {
  return preset_or_throw(name).description;
}

Spectrum light_preset_spectrum(const std::string& name) {
  return spec_spectrum(preset_or_throw(name));
}

std::string unknown_light_preset_message(const std::string& name) {
  std::string near, all;
  for (const PresetSpec& p : kPresets) {
    std::string n = p.name;
    all += (all.empty() ? "" : ", ") + n;
    bool close = edit_distance(name, n) <= std::max<size_t>(2, n.size() / 4) ||
                 (!name.empty() && n.find(name) != std::string::npos);
    if (close) near += (near.empty() ? "'" : ", '") + n + "'";
  }
  return "unknown light preset '" + name + "'" +
         (near.empty() ? "" : " (did you mean " + near + "?)") + "; presets: " + all;
}

std::vector<LightDesc> expand_light_preset(const std::string& name, const CameraDesc& camera,
                                           const LightPresetOptions& options,
                                           const std::string& key) {
  const PresetSpec& p = preset_or_throw(name);
  check_options(p, options);
  SubjectFrame f = subject_frame(camera);
  // Sky presets carry their own spectra; the rest share the preset's lamp spectrum.
  Spectrum s = sky_part(p) ? Spectrum::named_illuminant("D65") : spec_spectrum(p);
  std::vector<LightDesc> out;
  for (const PartSpec& part : p.parts)
    if (part.part != Part::None) add_part(out, part, f, s, options, key);
  return out;
}

std::vector<LightDesc> parse_light_preset(JsonReader r, const CameraDesc& camera) {
  std::string name = r.string("preset");
  if (!is_light_preset(name)) r.fail("preset", unknown_light_preset_message(name));
  LightPresetOptions o;
  o.scale = r.light_scale("scale");
  o.rotate_deg = r.number("rotate_deg", 0.0f);
  bool sky = sky_part(*find_preset(name)) != nullptr;
  for (const char* key : {"sun_elevation_deg", "turbidity"})
    if (r.has(key) && !sky)
      r.fail(key, "preset '" + name + "' has no sun: only sunny-noon and golden-hour take " +
                      key);
  if (r.has("sun_elevation_deg")) o.sun_elevation_deg = r.number("sun_elevation_deg");
  if (r.has("turbidity")) o.turbidity = r.number("turbidity");
  r.reject_unknown();
  try {
    return expand_light_preset(name, camera, o, r.path());
  } catch (const std::invalid_argument& e) {
    std::string what = e.what();
    r.fail(what.find("turbidity") == 0 ? "turbidity" : "sun_elevation_deg", what);
  }
}

}  // namespace limner
