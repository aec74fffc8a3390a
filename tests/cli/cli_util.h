// Runs the real `limner` executable and captures its exit code and stderr.
#pragma once
#include <string>

namespace limner::test {

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

// A fresh temporary folder per call.
std::string make_temp_dir();
void write_file(const std::string& path, const std::string& text);
std::string read_file(const std::string& path);
RunResult run_limner(const std::string& args);
// A valid small scene; `extra_material` and `objects` are spliced in.
std::string small_scene(const std::string& output = "out.png",
                        const std::string& objects =
                            R"([{"sphere": {"center": [0, 0, 0], "radius": 1}, "material": "m"}])",
                        const std::string& materials =
                            R"({"m": {"type": "diffuse", "reflectance": 0.5}})");

}  // namespace limner::test
