// Detection throughput on one core, against a bare simdjson pass.
//
// Usage: detect_bench FILE.jsonl [RULES.yaml...]   (default: the built-in packs)
//
// 1. Bare pass: simdjson on-demand over the same bytes (read in 16 MiB
//    chunks into one reused padded window, iterate_many in place), reading
//    only eventName, eventSource and userIdentity.type. This is the floor
//    any JSON-reading engine pays.
// 2. Detection: kumo's full path (EventReader with its JSON Lines fast
//    path, source detection, DOM parse, rule index, every rule's filter)
//    with alert output discarded.
// Prints both rates and their ratio. Inputs come from bench/gen_cloudtrail.py.
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "detect/runner.h"

namespace {

using Clock = std::chrono::steady_clock;

struct BareResult {
  uint64_t docs = 0;
  uint64_t checksum = 0;
  double secs = 0;
  double cpu_secs = 0;
};

// CPU time (user + system) of this process, in seconds: on a shared
// machine the wall-clock rate depends on other load, the CPU rate much less.
double CpuSecs() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

BareResult BarePass(const std::string& path) {
  BareResult r;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return r;
  simdjson::ondemand::parser parser;
  // One reusable, padded window: whole lines are parsed in place, the
  // partial last line is moved to the front for the next read. No copies
  // or allocations per chunk, so this is the floor a reader can reach.
  const size_t kChunk = 16u << 20;
  std::vector<char> buf(2 * kChunk + simdjson::SIMDJSON_PADDING);
  size_t have = 0;
  auto start = Clock::now();
  double cpu_start = CpuSecs();
  while (true) {
    if (buf.size() - simdjson::SIMDJSON_PADDING - have < kChunk) {
      buf.resize(have + kChunk + simdjson::SIMDJSON_PADDING);  // a line longer than a chunk
    }
    size_t n = std::fread(buf.data() + have, 1, kChunk, f);
    have += n;
    size_t end = have;
    if (n != 0) {
      while (end > 0 && buf[end - 1] != '\n') --end;
      if (end == 0) continue;  // no complete line yet
    }
    if (end > 0) {
      // buf has at least SIMDJSON_PADDING readable bytes after `end`.
      simdjson::ondemand::document_stream docs;
      if (parser.iterate_many(buf.data(), end, 1u << 20).get(docs) == simdjson::SUCCESS) {
        for (auto doc : docs) {
          std::string_view name, source, type;
          simdjson::ondemand::object obj;
          if (doc.get_object().get(obj) != simdjson::SUCCESS) continue;
          // Fields in document order: userIdentity comes first in CloudTrail.
          for (auto field : obj) {
            std::string_view key;
            if (field.unescaped_key().get(key) != simdjson::SUCCESS) break;
            if (key == "userIdentity") {
              simdjson::ondemand::object ui;
              if (field.value().get_object().get(ui) == simdjson::SUCCESS) {
                if (ui["type"].get_string().get(type) != simdjson::SUCCESS) type = {};
              }
            } else if (key == "eventSource") {
              if (field.value().get_string().get(source) != simdjson::SUCCESS) source = {};
            } else if (key == "eventName") {
              if (field.value().get_string().get(name) != simdjson::SUCCESS) name = {};
            }
          }
          r.checksum += name.size() + source.size() + type.size();
          ++r.docs;
        }
      }
    }
    std::memmove(buf.data(), buf.data() + end, have - end);
    have -= end;
    if (n == 0) break;
  }
  r.secs = std::chrono::duration<double>(Clock::now() - start).count();
  r.cpu_secs = CpuSecs() - cpu_start;
  std::fclose(f);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE.jsonl [RULES.yaml...]\n", argv[0]);
    return 2;
  }
  std::string path = argv[1];
  kumo::detect::DetectOptions o;
  o.inputs = {path};
  for (int i = 2; i < argc; ++i) o.rules.push_back(argv[i]);
  if (o.rules.empty()) o.rules = kumo::detect::BuiltinRulesFiles();
  o.quiet = true;
  o.stats = true;
  o.out = nullptr;
  o.matching = kumo::detect::RuleMatching::kFirst;

  // Warm the page cache so both passes read from memory.
  BareResult warm = BarePass(path);
  BareResult bare = BarePass(path);
  std::fprintf(stderr, "bare simdjson pass: %llu docs in %.3f s = %.0f docs/s (checksum %llu)\n",
               static_cast<unsigned long long>(bare.docs), bare.secs, bare.docs / bare.secs,
               static_cast<unsigned long long>(warm.checksum));
  auto start = Clock::now();
  double cpu_start = CpuSecs();
  int rc = kumo::detect::RunDetect(o);
  double secs = std::chrono::duration<double>(Clock::now() - start).count();
  double cpu_secs = CpuSecs() - cpu_start;
  double rate = bare.docs / secs;
  double bare_rate = bare.docs / bare.secs;
  double cpu_rate = bare.docs / cpu_secs;
  double bare_cpu_rate = bare.docs / bare.cpu_secs;
  std::printf("rules files: %zu\n", o.rules.size());
  std::printf("detect:      %.0f events/s (%.3f s wall, exit %d); per CPU second: %.0f events/s\n",
              rate, secs, rc, cpu_rate);
  std::printf("bare parse:  %.0f events/s (%.3f s wall); per CPU second: %.0f events/s\n",
              bare_rate, bare.secs, bare_cpu_rate);
  std::printf("ratio:       %.1f%% of the bare simdjson pass (wall); %.1f%% per CPU second\n",
              100.0 * rate / bare_rate, 100.0 * cpu_rate / bare_cpu_rate);
  return rc == 0 ? 0 : 1;
}
