// `limner lights`: CCT and CRI of the named illuminants against CIE 15:2004's published values.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_util.h"

namespace limner::test {
namespace {

TEST(LightsCli, ListsIlluminantsWithPublishedCctAndRa) {
  RunResult r = run_limner("lights --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json rows = nlohmann::json::parse(r.out);
  std::map<std::string, nlohmann::json> by_name;
  for (const auto& row : rows) by_name[row["name"].get<std::string>()] = row;
  struct Published { const char* name; double cct, ra; };
  for (Published p : {Published{"A", 2856, 100}, Published{"D65", 6504, 100},
                      Published{"F2", 4230, 64}, Published{"F7", 6500, 90},
                      Published{"F11", 4000, 83}}) {
    ASSERT_TRUE(by_name.count(p.name)) << p.name;
    EXPECT_NEAR(by_name[p.name]["cct_k"].get<double>(), p.cct, 20.0) << p.name;
    EXPECT_NEAR(by_name[p.name]["ra"].get<double>(), p.ra, 1.0) << p.name;
  }
  EXPECT_TRUE(by_name.count("LED-B3"));
  EXPECT_FALSE(by_name.count("FL2"));  // an alias of F2, listed once
}

TEST(LightsCli, TableIsReadable) {
  RunResult r = run_limner("lights");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("F11"), std::string::npos);
  EXPECT_NE(r.out.find("CCT"), std::string::npos);
}

}  // namespace
}  // namespace limner::test
