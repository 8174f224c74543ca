// Detection throughput on one core, against a bare simdjson pass.
//
// Usage: detect_bench FILE.jsonl [RULES.yaml...]   (default: the built-in packs)
//
// 1. Bare pass: simdjson on-demand over the same bytes (read in 16 MiB
//    chunks, iterate_many), reading only eventName, eventSource and
//    userIdentity.type. This is the floor any JSON-reading engine pays.
// 2. Detection: kumo's full path (RecordReader, source detection, DOM
//    parse, rule index, every rule's filter) with alert output discarded.
// Prints both rates and their ratio. Inputs come from bench/gen_cloudtrail.py.
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <cstring>
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
};

BareResult BarePass(const std::string& path) {
  BareResult r;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return r;
  simdjson::ondemand::parser parser;
  std::string buf;
  std::string carry;
  std::vector<char> chunk(16u << 20);
  auto start = Clock::now();
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
    if (!buf.empty()) {
      simdjson::padded_string padded(buf);
      simdjson::ondemand::document_stream docs;
      if (parser.iterate_many(padded, 1u << 20).get(docs) == simdjson::SUCCESS) {
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
    if (n == 0) break;
  }
  r.secs = std::chrono::duration<double>(Clock::now() - start).count();
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
  int rc = kumo::detect::RunDetect(o);
  double secs = std::chrono::duration<double>(Clock::now() - start).count();
  double rate = bare.docs / secs;
  double bare_rate = bare.docs / bare.secs;
  std::printf("rules files: %zu\n", o.rules.size());
  std::printf("detect:      %.0f events/s (%.3f s, exit %d)\n", rate, secs, rc);
  std::printf("bare parse:  %.0f events/s (%.3f s)\n", bare_rate, bare.secs);
  std::printf("ratio:       %.1f%% of the bare simdjson pass\n", 100.0 * rate / bare_rate);
  return rc == 0 ? 0 : 1;
}
