// limner: a spectral path tracer for painted miniatures. Thin over the libraries.
#include <CLI/CLI.hpp>

#include <iostream>

#include "renderer/errors.h"
#include "tools/commands.h"

namespace limner {

void print_error(const std::string& message) {
  std::string line = message;
  for (char& ch : line)
    if (ch == '\n' || ch == '\r') ch = ' ';
  std::cerr << "limner: error: " << line << std::endl;
}

}  // namespace limner

int main(int argc, char** argv) {
  CLI::App app{"limner: a physically based spectral path tracer for painted miniatures"};
  app.set_version_flag("--version", std::string("limner ") + LIMNER_VERSION);
  app.require_subcommand(0, 1);
  limner::RenderArgs render_args;
  limner::BenchArgs bench_args;
  limner::MeasureArgs measure_args;
  limner::LightsArgs lights_args;
  limner::CompareArgs compare_args;
  limner::PaletteArgs palette_args;
  limner::add_render_command(app, render_args);
  limner::add_bench_command(app, bench_args);
  limner::add_measure_command(app, measure_args);
  limner::add_lights_command(app, lights_args);
  limner::add_compare_command(app, compare_args);
  limner::add_palette_command(app, palette_args);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion&) {
    std::cout << "limner " << LIMNER_VERSION << std::endl;
    return 0;
  } catch (const CLI::ParseError& e) {
    limner::print_error(e.what());
    return 2;
  }
  try {
    if (app.got_subcommand("render")) return limner::run_render(render_args);
    if (app.got_subcommand("bench")) return limner::run_bench(bench_args);
    if (app.got_subcommand("measure")) return limner::run_measure(measure_args);
    if (app.got_subcommand("lights")) return limner::run_lights(lights_args);
    if (app.got_subcommand("compare")) return limner::run_compare(compare_args);
    if (app.got_subcommand("palette")) return limner::run_palette(palette_args);
    std::cout << app.help() << std::flush;
    return 2;
  } catch (const limner::InputError& e) {
    limner::print_error(e.what());
    return 2;
  } catch (const std::exception& e) {
    limner::print_error(e.what());
    return 1;
  }
}
