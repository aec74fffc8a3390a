#include "renderer/image/icc_profile.h"

#include <algorithm>
#include <cmath>

#include "renderer/spectral/color.h"

namespace limner {

namespace {

class Bytes {
 public:
  std::vector<uint8_t> data;
  void u8(uint8_t v) { data.push_back(v); }
  void u16(uint32_t v) {
    u8(uint8_t(v >> 8));
    u8(uint8_t(v));
  }
  void u32(uint32_t v) {
    u16(v >> 16);
    u16(v & 0xffff);
  }
  void sig(const char* s) {
    for (int i = 0; i < 4; ++i) u8(uint8_t(s[i]));
  }
  void s15f16(double v) { u32(uint32_t(int32_t(std::lround(v * 65536.0)))); }
  void zeros(size_t n) { data.insert(data.end(), n, 0); }
  void align4() {
    while (data.size() % 4) u8(0);
  }
  void put_u32(size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) data[at + size_t(i)] = uint8_t(v >> (24 - 8 * i));
  }
};

Bytes xyz_tag(const glm::dvec3& v) {
  Bytes b;
  b.sig("XYZ ");
  b.zeros(4);
  b.s15f16(v.x);
  b.s15f16(v.y);
  b.s15f16(v.z);
  return b;
}

Bytes desc_tag(const std::string& text) {  // textDescriptionType (ICC v2)
  Bytes b;
  b.sig("desc");
  b.zeros(4);
  b.u32(uint32_t(text.size() + 1));
  for (char c : text) b.u8(uint8_t(c));
  b.u8(0);
  b.zeros(4 + 4 + 2 + 1 + 67);  // no Unicode, no ScriptCode description
  return b;
}

Bytes text_tag(const std::string& text) {
  Bytes b;
  b.sig("text");
  b.zeros(4);
  for (char c : text) b.u8(uint8_t(c));
  b.u8(0);
  return b;
}

Bytes srgb_curve_tag() {  // the IEC 61966-2-1 decoding curve, 1024 samples
  Bytes b;
  b.sig("curv");
  b.zeros(4);
  const int n = 1024;
  b.u32(n);
  for (int i = 0; i < n; ++i) {
    double v = srgb_decode(float(i) / float(n - 1));
    b.u16(uint32_t(std::lround(std::clamp(v, 0.0, 1.0) * 65535.0)));
  }
  return b;
}

const glm::dvec3 kD50(0.9642, 1.0, 0.8249);  // the ICC connection space white

std::vector<uint8_t> profile(const std::string& name, const glm::vec2& r, const glm::vec2& g,
                             const glm::vec2& b) {
  glm::mat3 to_xyz = rgb_to_xyz_matrix(r, g, b, srgb_white_xyz());
  glm::dmat3 m = glm::dmat3(bradford_adaptation(srgb_white_xyz(), glm::vec3(kD50)) * to_xyz);
  Bytes curve = srgb_curve_tag();
  struct Tag {
    const char* sig;
    Bytes body;
  };
  std::vector<Tag> tags = {
      {"desc", desc_tag(name)}, {"cprt", text_tag("No copyright, use freely (Limner)")},
      {"wtpt", xyz_tag(kD50)},  {"rXYZ", xyz_tag(m[0])},
      {"gXYZ", xyz_tag(m[1])},  {"bXYZ", xyz_tag(m[2])},
      {"rTRC", curve}};
  Bytes out;
  out.zeros(128);
  out.u32(uint32_t(tags.size() + 2));  // gTRC and bTRC share rTRC's data
  size_t table = out.data.size();
  out.zeros(12 * (tags.size() + 2));
  size_t curve_at = 0, curve_size = 0;
  for (size_t i = 0; i < tags.size(); ++i) {
    out.align4();
    size_t at = out.data.size(), entry = table + 12 * i;
    out.data.insert(out.data.end(), tags[i].body.data.begin(), tags[i].body.data.end());
    for (int k = 0; k < 4; ++k) out.data[entry + size_t(k)] = uint8_t(tags[i].sig[k]);
    out.put_u32(entry + 4, uint32_t(at));
    out.put_u32(entry + 8, uint32_t(tags[i].body.data.size()));
    curve_at = at;
    curve_size = tags[i].body.data.size();
  }
  for (size_t i = 0; i < 2; ++i) {
    size_t entry = table + 12 * (tags.size() + i);
    const char* sig = i == 0 ? "gTRC" : "bTRC";
    for (int k = 0; k < 4; ++k) out.data[entry + size_t(k)] = uint8_t(sig[k]);
    out.put_u32(entry + 4, uint32_t(curve_at));
    out.put_u32(entry + 8, uint32_t(curve_size));
  }
  out.align4();
  Bytes head;
  head.u32(uint32_t(out.data.size()));
  head.zeros(4);         // preferred CMM
  head.u32(0x02100000);  // version 2.1
  head.sig("mntr");
  head.sig("RGB ");
  head.sig("XYZ ");
  for (uint32_t v : {2026u, 1u, 1u, 0u, 0u, 0u}) head.u16(v);
  head.sig("acsp");
  head.zeros(4 + 4 + 4 + 4 + 8 + 4);  // platform, flags, maker, model, attributes, intent
  head.s15f16(kD50.x);
  head.s15f16(kD50.y);
  head.s15f16(kD50.z);
  head.zeros(4 + 16 + 28);  // creator, profile id, reserved
  std::copy(head.data.begin(), head.data.end(), out.data.begin());
  return out.data;
}

}  // namespace

std::vector<uint8_t> display_p3_icc_profile() {
  return profile("Display P3 (Limner)", {0.680f, 0.320f}, {0.265f, 0.690f}, {0.150f, 0.060f});
}

std::vector<uint8_t> srgb_icc_profile() {
  return profile("sRGB (Limner)", {0.64f, 0.33f}, {0.30f, 0.60f}, {0.15f, 0.06f});
}

}  // namespace limner
