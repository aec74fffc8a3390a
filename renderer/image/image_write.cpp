#include "renderer/image/image_write.h"

#include <OpenImageIO/imageio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>

#include "renderer/errors.h"
#include "renderer/image/icc_profile.h"

namespace limner {

namespace {

std::string lower_extension(const std::string& path) {
  size_t dot = path.find_last_of('.');
  size_t slash = path.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext;
}

std::string folder_of(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string temp_name(const std::string& path) {
  std::random_device rd;
  char buf[32];
  std::snprintf(buf, sizeof buf, ".tmp%08x", unsigned(rd()));
  // Keep the extension last so OpenImageIO picks the right writer.
  size_t slash = path.find_last_of('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  return dir + "." + base + buf + lower_extension(path);
}

// Tags the file with its colour space from the "limner:color_space" metadata: display files
// (PNG, JPEG) get an ICC profile (Display P3) or the sRGB tag; EXR files get the standard
// chromaticities attribute (primaries and white of the linear RGB data).
void tag_color_space(OIIO::ImageSpec& spec, ImageFormat format,
                     const std::map<std::string, std::string>& metadata) {
  auto it = metadata.find("limner:color_space");
  if (it == metadata.end() || it->second == "xyz") return;
  bool p3 = it->second == "display-p3";
  if (format == ImageFormat::Exr) {
    const float rec709[8] = {0.64f, 0.33f, 0.30f, 0.60f, 0.15f, 0.06f, 0.3127f, 0.3290f};
    const float p3_d65[8] = {0.680f, 0.320f, 0.265f, 0.690f, 0.150f, 0.060f, 0.3127f, 0.3290f};
    spec.attribute("chromaticities", OIIO::TypeDesc(OIIO::TypeDesc::FLOAT, 8),
                   p3 ? p3_d65 : rec709);
    return;
  }
  if (!p3) {
    spec.attribute("oiio:ColorSpace", "sRGB");
    return;
  }
  std::vector<uint8_t> icc = display_p3_icc_profile();
  spec.attribute("ICCProfile", OIIO::TypeDesc(OIIO::TypeDesc::UINT8, int(icc.size())), icc.data());
  spec.attribute("oiio:ColorSpace", "Display P3");
}

}  // namespace

ImageFormat image_format_for(const std::string& path) {
  std::string ext = lower_extension(path);
  if (ext == ".exr") return ImageFormat::Exr;
  if (ext == ".png") return ImageFormat::Png;
  if (ext == ".jpg" || ext == ".jpeg") return ImageFormat::Jpeg;
  throw InputError(path + ": unsupported output format '" + ext + "' (use .exr, .png or .jpg)");
}

void check_output_path(const std::string& path) {
  image_format_for(path);
  std::string dir = folder_of(path);
  if (access(dir.c_str(), F_OK) != 0)
    throw InputError(path + ": output folder '" + dir + "' does not exist");
  if (access(dir.c_str(), W_OK) != 0)
    throw InputError(path + ": output folder '" + dir + "' is not writable");
  struct stat st;  // the final rename cannot replace a folder: fail before rendering
  if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    throw InputError(path + ": is a folder, not an image file");
}

void write_image_atomic(const std::string& path, const Image& img, int bit_depth,
                        const std::map<std::string, std::string>& metadata) {
  ImageFormat format = image_format_for(path);
  OIIO::TypeDesc type = format == ImageFormat::Exr ? OIIO::TypeDesc::FLOAT
                        : (format == ImageFormat::Png && bit_depth == 16) ? OIIO::TypeDesc::UINT16
                                                                          : OIIO::TypeDesc::UINT8;
  OIIO::ImageSpec spec(img.width, img.height, img.channels, type);
  spec.channelnames = img.channel_names;
  for (const auto& [k, v] : metadata) spec.attribute(k, v);
  tag_color_space(spec, format, metadata);
  if (format == ImageFormat::Exr) spec.attribute("compression", "zip");
  if (format == ImageFormat::Jpeg) spec.attribute("Compression", "jpeg:95");
  std::string tmp = temp_name(path);
  auto out = OIIO::ImageOutput::create(tmp);
  if (!out) throw std::runtime_error(path + ": cannot create image writer: " + OIIO::geterror());
  bool ok = out->open(tmp, spec) && out->write_image(OIIO::TypeDesc::FLOAT, img.data.data());
  ok = out->close() && ok;
  std::string err = out->geterror();
  out.reset();
  if (!ok) {
    std::remove(tmp.c_str());
    throw std::runtime_error(path + ": cannot write image: " + err);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    throw std::runtime_error(path + ": cannot move image into place: " + why);
  }
}

Image read_image(const std::string& path) {
  auto in = OIIO::ImageInput::open(path);
  if (!in) throw InputError(path + ": cannot read image: " + OIIO::geterror());
  const OIIO::ImageSpec& spec = in->spec();
  Image img;
  img.width = spec.width;
  img.height = spec.height;
  img.channels = spec.nchannels;
  img.channel_names = spec.channelnames;
  img.data.resize(size_t(img.width) * img.height * img.channels);
  bool ok = in->read_image(0, 0, 0, img.channels, OIIO::TypeDesc::FLOAT, img.data.data());
  in->close();
  if (!ok) throw InputError(path + ": cannot read image: " + in->geterror());
  return img;
}

}  // namespace limner
