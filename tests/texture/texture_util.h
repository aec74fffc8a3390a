// Texture files written in the test (with OpenImageIO) and runs of the limner executable.
#pragma once
#include <string>
#include <vector>

namespace limner::test {

std::string texture_temp_dir();
// Writes w x h x channels values (row-major, top row first) as 8-bit ("uint8"), 16-bit
// ("uint16") or float ("float"); the extension picks the format.
void write_texture(const std::string& path, int w, int h, int channels,
                   const std::vector<float>& values, const std::string& type = "uint8");
void write_text(const std::string& path, const std::string& text);

struct RunOutcome {
  int exit_code = -1;
  std::string err;
};
RunOutcome run_limner_in(const std::string& dir, const std::string& args);

}  // namespace limner::test
