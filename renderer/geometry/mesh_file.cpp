#include "renderer/geometry/mesh_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "renderer/errors.h"

namespace limner {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

InputError os_error(const std::string& path, const char* action, int err) {
  return input_error(path, "", std::string(action) + ": " + std::strerror(err));
}

}  // namespace

std::string read_mesh_file(const std::string& path) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) throw os_error(path, "cannot open mesh", errno);
  struct stat info {};
  if (fstat(fileno(file.get()), &info) != 0) throw os_error(path, "cannot read mesh", errno);
  if (S_ISDIR(info.st_mode)) throw os_error(path, "cannot read mesh", EISDIR);
  std::string bytes;
  // The size is only a hint: special files report 0, so read until end of file regardless.
  if (S_ISREG(info.st_mode) && info.st_size > 0) bytes.reserve(static_cast<size_t>(info.st_size));
  char chunk[1 << 16];
  for (;;) {
    size_t n = std::fread(chunk, 1, sizeof(chunk), file.get());
    bytes.append(chunk, n);
    if (n < sizeof(chunk)) break;
  }
  if (std::ferror(file.get())) throw os_error(path, "cannot read mesh", errno);
  return bytes;
}

std::string lowercase_extension(const std::string& path) {
  size_t slash = path.find_last_of("/\\");
  size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot);
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext;
}

}  // namespace limner
