// Opt-in throughput check (the full benchmark is bench/detect_bench.sh):
//   KUMO_DETECT_BENCH_FILE=bench/data/cloudtrail_1000000.jsonl
//     kumo_detect_tests --gtest_also_run_disabled_tests --gtest_filter='*Throughput*'
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>

#include <simdjson.h>
#include <sys/resource.h>

#include <cstdio>

#include "detect/runner.h"

namespace kumo::detect {
namespace {

// CPU seconds used by this process so far (the machine is shared, so wall
// time overstates the cost).
double CpuSeconds() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Bare on-demand pass reading eventName, eventSource and userIdentity.type.
uint64_t BarePass(const char* path) {
  std::FILE* f = std::fopen(path, "rb");
  if (!f) return 0;
  simdjson::ondemand::parser parser;
  std::string buf, carry;
  std::vector<char> chunk(16u << 20);
  uint64_t docs = 0, sum = 0;
  while (true) {
    size_t n = std::fread(chunk.data(), 1, chunk.size(), f);
    buf = carry;
    buf.append(chunk.data(), n);
    size_t end = n == 0 ? buf.size() : buf.rfind('\n');
    if (end == std::string::npos) {
      carry = buf;
      if (n == 0) break;
      continue;
    }
    if (n != 0) ++end;
    carry.assign(buf, end, std::string::npos);
    buf.resize(end);
    simdjson::padded_string padded(buf);
    simdjson::ondemand::document_stream stream;
    if (!buf.empty() && parser.iterate_many(padded, 1u << 20).get(stream) == simdjson::SUCCESS) {
      for (auto doc : stream) {
        simdjson::ondemand::object obj;
        if (doc.get_object().get(obj) != simdjson::SUCCESS) continue;
        std::string_view a, b, c;
        for (auto field : obj) {
          std::string_view key;
          if (field.unescaped_key().get(key) != simdjson::SUCCESS) break;
          if (key == "userIdentity") {
            simdjson::ondemand::object ui;
            if (field.value().get_object().get(ui) == simdjson::SUCCESS)
              if (ui["type"].get_string().get(c) != simdjson::SUCCESS) c = {};
          } else if (key == "eventSource") {
            if (field.value().get_string().get(b) != simdjson::SUCCESS) b = {};
          } else if (key == "eventName") {
            if (field.value().get_string().get(a) != simdjson::SUCCESS) a = {};
          }
        }
        sum += a.size() + b.size() + c.size();
        ++docs;
      }
    }
    if (n == 0) break;
  }
  std::fclose(f);
  return docs + (sum == 0 ? 0 : 0);
}

TEST(DetectThroughput, DISABLED_BuiltinRulesOnFile) {
  const char* file = std::getenv("KUMO_DETECT_BENCH_FILE");
  if (!file) GTEST_SKIP() << "set KUMO_DETECT_BENCH_FILE";
  DetectOptions o;
  o.inputs = {file};
  o.rules = BuiltinRulesFiles();
  o.quiet = true;
  o.stats = true;
  o.out = nullptr;
  BarePass(file);  // warm the page cache
  double c0 = CpuSeconds();
  uint64_t docs = BarePass(file);
  double c1 = CpuSeconds();
  EXPECT_EQ(RunDetect(o), 0);
  double c2 = CpuSeconds();
  double bare = docs / (c1 - c0), det = docs / (c2 - c1);
  std::printf(
      "bare simdjson pass: %.0f events/s (CPU time)\ndetect: %.0f events/s (CPU time)\n"
      "ratio: %.1f%%\n",
      bare, det, 100 * det / bare);
}

}  // namespace
}  // namespace kumo::detect

namespace kumo::detect {
namespace {

// Opt-in: prints the diagnostics for KUMO_RULES_FILES (':'-separated), for
// compatibility checks against published rules files kept outside the repo.
TEST(RulesCompat, DISABLED_ValidateFiles) {
  const char* files = std::getenv("KUMO_RULES_FILES");
  if (!files) GTEST_SKIP() << "set KUMO_RULES_FILES";
  std::vector<std::string> list;
  std::string s(files);
  for (size_t p = 0; p <= s.size();) {
    size_t e = s.find(':', p);
    if (e == std::string::npos) e = s.size();
    if (e > p) list.push_back(s.substr(p, e - p));
    p = e + 1;
  }
  Diagnostics d;
  auto set = LoadRules(list, {}, &d);
  for (const auto& x : d.items()) std::printf("%s\n", x.ToString().c_str());
  std::printf("%zu rules compiled, %zu errors, %zu warnings\n", set ? set->rules().size() : 0,
              d.error_count(), d.warning_count());
  EXPECT_FALSE(d.has_errors());
}

}  // namespace
}  // namespace kumo::detect
