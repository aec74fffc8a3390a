// Subcommands of the `limner` executable. Each returns the process exit code.
#pragma once
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace limner {

struct RenderArgs {
  std::string scene, output, size, stats;
  int spp = -1, threads = 0;  // -1: not given
  long long seed = -1;
  std::vector<std::string> sets;
  bool quiet = false;
};

void add_render_command(CLI::App& app, RenderArgs& args);
int run_render(const RenderArgs& args);

struct BenchArgs {
  int threads = 0, spp = 8, size = 384;
  std::string mesh, stats;
  bool subsurface = false;  // only the subsurface-vs-diffuse section (tools/bench_sss.cpp)
};

void add_bench_command(CLI::App& app, BenchArgs& args);
int run_bench(const BenchArgs& args);

struct MeasureArgs {
  std::string scene, material, geometry = "d:8", illuminant = "D50";
  int observer = 2;
  std::vector<std::string> sets;
  double thickness_mm = 0.0;
  bool thickness_given = false;  // else a subsurface sheet is semi-infinite
};

void add_measure_command(CLI::App& app, MeasureArgs& args);
int run_measure(const MeasureArgs& args);

struct LightsArgs {
  bool json = false;
  bool bench_envmap = false;
};

void add_lights_command(CLI::App& app, LightsArgs& args);
int run_lights(const LightsArgs& args);

struct CompareArgs {
  std::string scene, lights, output, white_balance = "none", size;
  int spp = -1, threads = 0;
  long long seed = -1;
  std::vector<std::string> sets;
  bool quiet = false;
};

void add_compare_command(CLI::App& app, CompareArgs& args);
int run_compare(const CompareArgs& args);

struct PaletteArgs {
  std::string paints, lights, output, scene, report, white_balance = "auto", size;
  int spp = -1, threads = 0;
  long long seed = -1;
  std::vector<std::string> sets;
  bool quiet = false;
};

void add_palette_command(CLI::App& app, PaletteArgs& args);
int run_palette(const PaletteArgs& args);

// Prints "limner: error: <message>" as one line on stderr.
void print_error(const std::string& message);

}  // namespace limner
