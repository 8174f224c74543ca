// Runs kumo's own Rego YAML cases (tests/unit/rego/cases/*.yaml) with the
// conformance case runner, so the engine's tests stand without ../shared.
#include <gtest/gtest.h>

#include <filesystem>

#include "conformance/case_runner.h"

namespace kumo::rego {
namespace {

TEST(RegoCases, AllPass) {
  namespace fs = std::filesystem;
  fs::path dir = "tests/unit/rego/cases";
  ASSERT_TRUE(fs::exists(dir)) << "run from the repo root";
  int n = 0;
  for (const auto& f : fs::directory_iterator(dir)) {
    if (f.path().extension() != ".yaml") continue;
    YAML::Node doc = YAML::LoadFile(f.path().string());
    for (const auto& c : doc["cases"]) {
      RegoVersion v = testing::Bool(c["v0"]) ? RegoVersion::kV0 : RegoVersion::kV1;
      auto r = testing::RunCase(c, v);
      EXPECT_EQ(r.outcome, testing::CaseResult::kPass) << testing::Str(c["note"]) << "\n"
                                                       << r.detail;
      ++n;
    }
  }
  EXPECT_GT(n, 10);
}

}  // namespace
}  // namespace kumo::rego
