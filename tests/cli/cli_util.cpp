#include "cli/cli_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace limner::test {

std::string make_temp_dir() {
  char tmpl[] = "/tmp/limner_cli_XXXXXX";
  if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
  return tmpl;
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

RunResult run_limner(const std::string& args) {
  std::string dir = make_temp_dir();
  std::string cmd = std::string(LIMNER_EXE) + " " + args + " >" + dir + "/out.txt 2>" + dir +
                    "/err.txt </dev/null";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(dir + "/out.txt");
  r.err = read_file(dir + "/err.txt");
  std::system(("rm -rf " + dir).c_str());
  return r;
}

std::string small_scene(const std::string& output, const std::string& objects,
                        const std::string& materials) {
  return R"({"camera": {"from": [0, 0, 5], "to": [0, 0, 0], "fov_deg": 30},
  "film": {"width": 16, "height": 12, "spp": 4, "output": ")" + output + R"("},
  "lights": [{"type": "environment", "spectrum": "D65", "scale": 1}],
  "materials": )" + materials + R"(,
  "objects": )" + objects + "}";
}

}  // namespace limner::test
