#include "texture/texture_util.h"

#include <OpenImageIO/imageio.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace limner::test {

std::string texture_temp_dir() {
  char tmpl[] = "/tmp/limner_tex_XXXXXX";
  if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
  return tmpl;
}

void write_texture(const std::string& path, int w, int h, int channels,
                   const std::vector<float>& values, const std::string& type) {
  namespace OIIO = OIIO_NAMESPACE;
  auto out = OIIO::ImageOutput::create(path);
  if (!out) throw std::runtime_error("no writer for " + path);
  OIIO::ImageSpec spec(w, h, channels, OIIO::TypeDesc(type.c_str()));
  if (!out->open(path, spec) ||
      !out->write_image(OIIO::TypeDesc::FLOAT, values.data()) || !out->close())
    throw std::runtime_error("cannot write " + path);
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

RunOutcome run_limner_in(const std::string& dir, const std::string& args) {
  std::string cmd = "cd " + dir + " && " + std::string(LIMNER_EXE) + " " + args +
                    " >/dev/null 2>err.txt </dev/null";
  int status = std::system(cmd.c_str());
  RunOutcome r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(dir + "/err.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  return r;
}

}  // namespace limner::test
