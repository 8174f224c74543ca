// Golden tests: every directory under tests/golden/detect/ is one case,
// run through the same code path as `kumo detect` and compared exactly.
//
// A case directory holds:
//   rules*.yaml     rules files, loaded in name order (-r)
//   events*         input files, read in name order (any shape kumo reads)
//   args            optional: one option per line: `format json`,
//                   `rule-matching all`, `min-priority X`, `source NAME`
//   expected.out    the exact alert output (stdout)
//   expected.err    optional: the exact diagnostics (stderr)
//   expected.rc     optional: the exit code (default 0)
// Adding a case is a data-only change. Set KUMO_GOLDEN_UPDATE=1 to rewrite
// the expected files from the current output (review the diff!).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "detect/runner.h"

namespace kumo::detect {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Drain(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string s;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
  return s;
}

std::vector<fs::path> Cases() {
  std::vector<fs::path> out;
  fs::path root = "tests/golden/detect";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return out;
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.is_directory()) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class Golden : public ::testing::TestWithParam<fs::path> {};

TEST_P(Golden, MatchesExpectedOutput) {
  const fs::path dir = GetParam();
  DetectOptions o;
  o.hostname = "kumo-golden";
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    std::string p = (dir / f).string();
    if (f.rfind("rules", 0) == 0) o.rules.push_back(p);
    if (f.rfind("events", 0) == 0) o.inputs.push_back(p);
  }
  ASSERT_FALSE(o.rules.empty()) << dir << " has no rules*.yaml";
  std::istringstream args(fs::exists(dir / "args") ? ReadFile(dir / "args") : "");
  std::string key, val;
  while (args >> key >> val) {
    if (key == "format") {
      o.json = val == "json";
    } else if (key == "rule-matching") {
      o.matching = val == "all" ? RuleMatching::kAll : RuleMatching::kFirst;
    } else if (key == "min-priority") {
      ASSERT_TRUE(ParsePriority(val, &o.min_priority));
    } else if (key == "source") {
      o.force_source = true;
      ASSERT_TRUE(SourceFromName(val, &o.source));
    } else {
      FAIL() << "unknown option in " << dir / "args"
             << ": " << key;
    }
  }
  if (o.inputs.empty()) o.inputs.push_back("/dev/null");
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  ASSERT_TRUE(out && err);
  o.out = out;
  o.err = err;
  int rc = RunDetect(o);
  std::string got_out = Drain(out), got_err = Drain(err);
  std::fclose(out);
  std::fclose(err);
  if (std::getenv("KUMO_GOLDEN_UPDATE")) {
    std::ofstream(dir / "expected.out", std::ios::binary) << got_out;
    if (!got_err.empty() || fs::exists(dir / "expected.err")) {
      std::ofstream(dir / "expected.err", std::ios::binary) << got_err;
    }
    if (rc != 0) std::ofstream(dir / "expected.rc") << rc << "\n";
    return;
  }
  EXPECT_EQ(got_out, ReadFile(dir / "expected.out")) << dir;
  if (fs::exists(dir / "expected.err")) {
    EXPECT_EQ(got_err, ReadFile(dir / "expected.err")) << dir;
  }
  int want_rc = fs::exists(dir / "expected.rc") ? std::stoi(ReadFile(dir / "expected.rc")) : 0;
  EXPECT_EQ(rc, want_rc) << dir << "\nstderr:\n" << got_err;
}

INSTANTIATE_TEST_SUITE_P(Detect, Golden, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<fs::path>& i) {
                           std::string n = i.param.filename().string();
                           for (char& c : n) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return n;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Golden);

}  // namespace
}  // namespace kumo::detect
