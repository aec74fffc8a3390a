#include "renderer/image/env_load.h"

#include <OpenImageIO/imageio.h>

#include <cmath>
#include <map>
#include <memory>

#include "renderer/errors.h"

namespace limner {

namespace {

bool is_float_format(const OIIO::TypeDesc& t) {
  return t.basetype == OIIO::TypeDesc::FLOAT || t.basetype == OIIO::TypeDesc::HALF ||
         t.basetype == OIIO::TypeDesc::DOUBLE;
}

std::string first_line(std::string s) {
  size_t nl = s.find('\n');
  return nl == std::string::npos ? s : s.substr(0, nl);
}

}  // namespace

EnvImage read_environment_image(const std::string& path, const std::string& scene_file,
                                const std::string& key) {
  auto fail = [&](const std::string& what) { return input_error(scene_file, key, what); };
  auto in = OIIO::ImageInput::open(path);
  if (!in) throw fail("cannot read environment image '" + path + "': " +
                      first_line(OIIO::geterror()));
  const OIIO::ImageSpec& spec = in->spec();
  if (!is_float_format(spec.format))
    throw fail("'" + path + "' is not an HDR image (" + std::string(in->format_name()) + ", " +
               spec.format.c_str() + " channels); an envmap needs linear radiance: .exr or .hdr");
  if (spec.width < 2 || spec.height < 1 || spec.nchannels < 1 ||
      double(spec.width) * spec.height > 32.0 * 1024 * 1024)
    throw fail("'" + path + "' has an unusable size " + std::to_string(spec.width) + "x" +
               std::to_string(spec.height) + " (at most 32 M pixels, e.g. 8192x4096)");
  int nc = spec.nchannels >= 3 ? 3 : 1;
  std::vector<float> px(size_t(spec.width) * size_t(spec.height) * size_t(nc));
  bool ok = in->read_image(0, 0, 0, nc, OIIO::TypeDesc::FLOAT, px.data());
  std::string err = ok ? "" : first_line(in->geterror());
  in->close();
  if (!ok) throw fail("cannot read environment image '" + path + "': " + err);
  EnvImage img;
  img.width = spec.width;
  img.height = spec.height;
  img.rgb.resize(size_t(img.width) * size_t(img.height));
  for (size_t i = 0; i < img.rgb.size(); ++i) {
    glm::vec3 c = nc == 3 ? glm::vec3(px[3 * i], px[3 * i + 1], px[3 * i + 2]) : glm::vec3(px[i]);
    if (!std::isfinite(c.x) || !std::isfinite(c.y) || !std::isfinite(c.z))
      throw fail("'" + path + "' holds a non-finite value at pixel (" +
                 std::to_string(i % size_t(img.width)) + ", " +
                 std::to_string(i / size_t(img.width)) + ")");
    img.rgb[i] = glm::max(c, glm::vec3(0.0f));  // negative radiance is clipped
  }
  return img;
}

void load_environment_images(SceneDesc& desc) {
  std::map<std::string, std::shared_ptr<const EnvImage>> cache;
  for (LightDesc& l : desc.lights) {
    if (l.type != LightType::Envmap || l.image) continue;
    auto& slot = cache[l.file];
    if (!slot)
      slot = std::make_shared<EnvImage>(read_environment_image(l.file, desc.file, l.key + ".file"));
    l.image = slot;
  }
}

}  // namespace limner
