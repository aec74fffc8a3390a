// Regression tests for defects found by black-box checks of the contract (sections 1-5)
// through the real executable.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>

#include "cli/cli_util.h"

namespace limner::test {
namespace {

void expect_one_line_error(const RunResult& r, const std::string& needle) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err.rfind("limner: error: ", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
}

// An output, stats or report path that is a folder is bad usage (exit 2), found before any
// rendering, and no other output is written (before: exit 1 after rendering, and palette had
// already replaced its sheet when the report failed).
TEST(AuditCli, AFolderAsAnOutputFileIsBadUsage) {
  std::string dir = make_temp_dir();
  write_file(dir + "/scene.json", small_scene());
  mkdir((dir + "/img.png").c_str(), 0755);
  mkdir((dir + "/stats.json").c_str(), 0755);
  write_file(dir + "/sheet.png", "ORIGINAL");
  const std::string scene = dir + "/scene.json";
  expect_one_line_error(run_limner("render " + scene + " -o " + dir + "/img.png"), "img.png");
  expect_one_line_error(
      run_limner("render " + scene + " -o " + dir + "/o.png --stats " + dir + "/stats.json"),
      "stats.json");
  expect_one_line_error(
      run_limner("compare " + scene + " --lights A -o " + dir + "/img.png --spp 1"), "img.png");
  expect_one_line_error(run_limner("palette --paints 'red glaze' --lights A --size 4x4 --spp 1 -o " +
                                   dir + "/sheet.png --report " + dir + "/stats.json"),
                        "stats.json");
  EXPECT_EQ(read_file(dir + "/sheet.png"), "ORIGINAL");
  std::system(("rm -rf " + dir).c_str());
}

}  // namespace
}  // namespace limner::test
