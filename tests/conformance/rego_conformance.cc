// kumo_rego_conformance: runs OPA's conformance cases (both dialects) and
// the compile-diagnostics cases against kumo's Rego engine, in process.
//
//   kumo_rego_conformance [--root DIR] [--dialect v0|v1] [--group NAME]
//                         [--note SUBSTR] [-v] [--no-compile]
//
// DIR defaults to ../shared/conformance (relative to the working
// directory). Prints a per-group table, one summary line per suite and a
// final "N passed, N failed, N skipped" line. Exits 77 when DIR is absent
// (CTest SKIP_RETURN_CODE), 1 when a pass rate is under its threshold
// (v1 98%, v0 95% of the cases that ran).
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "case_runner.h"
#include "rego/program.h"
#include "rego/rego.h"
#include "rego/yaml_value.h"

namespace fs = std::filesystem;
using kumo::Value;
using namespace kumo::rego;
using namespace kumo::rego::testing;

namespace {

struct Counts {
  int pass = 0, fail = 0, skip = 0;
};

struct Options {
  std::string root = "../shared/conformance";
  std::string dialect;
  std::string group;
  std::string note;
  bool verbose = false;
  bool compile_cases = true;
};

std::vector<fs::path> YamlFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && (e.path().extension() == ".yaml" || e.path().extension() == ".yml"))
      out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Suite {
  std::string name;
  std::map<std::string, Counts> groups;
  Counts total;
  std::vector<std::string> skips;
};

void PrintSuite(const Suite& s) {
  printf("\n== %s ==\n%-40s %7s %7s %7s\n", s.name.c_str(), "group", "passed", "failed", "skipped");
  for (const auto& [g, c] : s.groups)
    printf("%-40s %7d %7d %7d\n", g.c_str(), c.pass, c.fail, c.skip);
  for (const auto& sk : s.skips) printf("  skipped: %s\n", sk.c_str());
  int run = s.total.pass + s.total.fail;
  printf("%s: %d passed, %d failed, %d skipped (%.2f%% of %d run)\n", s.name.c_str(), s.total.pass,
         s.total.fail, s.total.skip, run ? 100.0 * s.total.pass / run : 100.0, run);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        fprintf(stderr, "missing value for %s\n", a.c_str());
        exit(2);
      }
      return argv[++i];
    };
    if (a == "--root")
      o.root = next();
    else if (a == "--dialect")
      o.dialect = next();
    else if (a == "--group")
      o.group = next();
    else if (a == "--note")
      o.note = next();
    else if (a == "-v" || a == "--verbose")
      o.verbose = true;
    else if (a == "--no-compile")
      o.compile_cases = false;
    else {
      fprintf(stderr,
              "usage: kumo_rego_conformance [--root DIR] [--dialect v0|v1] [--group NAME] [--note "
              "SUBSTR] [-v]\n");
      return 2;
    }
  }
  if (!fs::exists(fs::path(o.root) / "opa")) {
    printf(
        "SKIP: conformance data not found at %s/opa (run from the repo root with ../shared "
        "present)\n",
        o.root.c_str());
    return 77;
  }
  auto t0 = std::chrono::steady_clock::now();
  std::vector<Suite> suites;
  Counts grand;
  bool below = false;
  for (const char* d : {"v1", "v0"}) {
    if (!o.dialect.empty() && o.dialect != d) continue;
    Suite s;
    s.name = d;
    RegoVersion ver = std::string(d) == "v0" ? RegoVersion::kV0 : RegoVersion::kV1;
    fs::path dir = fs::path(o.root) / "opa" / d;
    for (const auto& f : YamlFiles(dir)) {
      std::string group = fs::relative(f, dir).begin()->string();
      if (!o.group.empty() && group != o.group) continue;
      YAML::Node doc;
      try {
        doc = YAML::LoadFile(f.string());
      } catch (const std::exception& e) {
        printf("%s: cannot read: %s\n", f.string().c_str(), e.what());
        s.groups[group].fail++;
        s.total.fail++;
        continue;
      }
      for (const auto& c : doc["cases"]) {
        std::string note = Str(c["note"]);
        if (!o.note.empty() && note.find(o.note) == std::string::npos) continue;
        CaseResult r;
        try {
          r = RunCase(c, ver);
        } catch (const std::exception& e) {
          r.outcome = CaseResult::kFail;
          r.detail = std::string("exception: ") + e.what();
        }
        auto& g = s.groups[group];
        if (r.outcome == CaseResult::kPass) {
          g.pass++;
          s.total.pass++;
        } else if (r.outcome == CaseResult::kSkip) {
          g.skip++;
          s.total.skip++;
          s.skips.push_back(note + " (" + r.detail + ")");
        } else {
          g.fail++;
          s.total.fail++;
          if (o.verbose)
            printf("FAIL %s [%s]\n    %s\n", note.c_str(), f.string().c_str(), r.detail.c_str());
        }
      }
    }
    if (!o.verbose) {
      // keep the skip list short in the table
    }
    PrintSuite(s);
    int run = s.total.pass + s.total.fail;
    double rate = run ? 100.0 * s.total.pass / run : 100.0;
    double threshold = ver == RegoVersion::kV1 ? 98.0 : 95.0;
    if (o.group.empty() && o.note.empty() && rate < threshold) below = true;
    grand.pass += s.total.pass;
    grand.fail += s.total.fail;
    grand.skip += s.total.skip;
    suites.push_back(std::move(s));
  }
  if (o.compile_cases && o.group.empty()) {
    Suite s;
    s.name = "compile";
    for (const char* d : {"v1", "v0"}) {
      if (!o.dialect.empty() && o.dialect != d) continue;
      RegoVersion ver = std::string(d) == "v0" ? RegoVersion::kV0 : RegoVersion::kV1;
      fs::path dir = fs::path(o.root) / "opa-compile" / d;
      for (const auto& f : YamlFiles(dir)) {
        std::string group = std::string(d) + "/" + fs::relative(f, dir).begin()->string();
        YAML::Node doc = YAML::LoadFile(f.string());
        for (const auto& c : doc["cases"]) {
          std::string note = Str(c["note"]);
          if (!o.note.empty() && note.find(o.note) == std::string::npos) continue;
          CaseResult r = RunCompileCase(c, ver);
          auto& g = s.groups[group];
          if (r.outcome == CaseResult::kPass) {
            g.pass++;
            s.total.pass++;
          } else {
            g.fail++;
            s.total.fail++;
            if (o.verbose)
              printf("FAIL %s [%s]%s\n", note.c_str(), f.string().c_str(), r.detail.c_str());
          }
        }
      }
    }
    PrintSuite(s);
    grand.pass += s.total.pass;
    grand.fail += s.total.fail;
    grand.skip += s.total.skip;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  printf("\ntime: %.1fs\n", secs);
  printf("%d passed, %d failed, %d skipped\n", grand.pass, grand.fail, grand.skip);
  return below ? 1 : 0;
}
