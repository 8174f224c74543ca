// Rego engine benchmarks. Inputs: python3 bench/gen_rego.py (writes
// bench/data/rego; override with KUMO_REGO_BENCH_DIR).
//
//   (a) BM_ParseCompile300   parse + compile 300 control modules
//   (b) BM_ControlEval       one prepared control over 100,000 distinct
//                            resources, JSON -> Value conversion included
//   (c) BM_TrivialQuery      `data.t.allow` with a constant rule
// and, to read (b): BM_ControlEvalOnly (inputs converted up front) and
// BM_ControlInputOnly (conversion alone).
// items_per_second is evaluations per second on one core.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "json/json.h"
#include "json/record_reader.h"
#include "rego/rego.h"

namespace {

namespace fs = std::filesystem;
using namespace kumo;

std::string Dir() {
  const char* d = std::getenv("KUMO_REGO_BENCH_DIR");
  return d ? d : "bench/data/rego";
}

std::string Read(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::string s(fs::file_size(p), '\0');
  f.read(s.data(), static_cast<std::streamsize>(s.size()));
  s.resize(static_cast<size_t>(f.gcount()));
  return s;
}

void BM_ParseCompile300(benchmark::State& state) {
  std::vector<rego::ModuleSource> mods;
  fs::path dir = fs::path(Dir()) / "controls";
  if (!fs::exists(dir)) {
    state.SkipWithError("run python3 bench/gen_rego.py first");
    return;
  }
  for (const auto& e : fs::directory_iterator(dir))
    mods.push_back({e.path().string(), Read(e.path())});
  for (auto _ : state) {
    auto p = rego::Compile(mods);
    if (!p.ok()) {
      state.SkipWithError(p.errors.ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(p.value);
  }
  state.counters["modules"] = static_cast<double>(mods.size());
}
BENCHMARK(BM_ParseCompile300)->Unit(benchmark::kMillisecond);

// The resource records of resources.jsonl, read into one buffer and
// parsed in place as kumo's record reader hands them to the JSON reader:
// each record is followed in memory by at least kRecordPadding readable
// bytes (the next records, then zeros), so no record is copied.
struct Records {
  std::string buf;
  std::vector<std::string_view> lines;

  explicit Records(const fs::path& file) {
    std::ifstream f(file, std::ios::binary);
    size_t size = fs::file_size(file);
    buf.assign(size + json::kRecordPadding, '\0');
    f.read(buf.data(), static_cast<std::streamsize>(size));
    size = static_cast<size_t>(f.gcount());
    for (size_t start = 0; start < size;) {
      size_t end = buf.find('\n', start);
      if (end == std::string::npos || end > size) end = size;
      if (end > start) lines.emplace_back(buf.data() + start, end - start);
      start = end + 1;
    }
  }
  Result<Value> Parse(size_t i) const {
    std::string_view l = lines[i];
    size_t capacity = static_cast<size_t>(buf.data() + buf.size() - l.data());
    return json::ParsePaddedJson(l, capacity);
  }
};

void BM_ControlEval(benchmark::State& state) {
  fs::path dir = Dir();
  if (!fs::exists(dir / "control.rego")) {
    state.SkipWithError("run python3 bench/gen_rego.py first");
    return;
  }
  auto prog = rego::Compile({{"control.rego", Read(dir / "control.rego")}});
  if (!prog.ok()) {
    state.SkipWithError(prog.errors.ToString().c_str());
    return;
  }
  auto q = (*prog.value)->Prepare("data.kumo.bench.c000.deny");
  Records recs(dir / "resources.jsonl");
  Value base = Value::Object({{Value::String("kumo"), Value::EmptyObject()}});
  rego::EvalOptions opts;
  opts.data = &base;
  size_t i = 0, denied = 0;
  for (auto _ : state) {
    auto in = recs.Parse(i++ % recs.lines.size());
    auto rows = (*q.value)->Eval(*in, opts);
    if (rows.ok() && !rows.value->empty()) denied += (*rows.value)[0].expressions[0].size() > 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["denied_frac"] =
      static_cast<double>(denied) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ControlEval)->Unit(benchmark::kMicrosecond)->Iterations(100000);

// (b) without input conversion: the same control over 10,000 resources
// converted up front (the evaluator's share of (b)). Those inputs do not fit
// in the CPU caches; KUMO_REGO_BENCH_INPUTS=16 measures with hot inputs.
size_t EvalOnlyInputs() {
  const char* n = std::getenv("KUMO_REGO_BENCH_INPUTS");
  size_t v = n ? std::strtoul(n, nullptr, 10) : 0;
  return v > 0 ? v : 10000;
}

void BM_ControlEvalOnly(benchmark::State& state) {
  fs::path dir = Dir();
  if (!fs::exists(dir / "control.rego")) {
    state.SkipWithError("run python3 bench/gen_rego.py first");
    return;
  }
  auto prog = rego::Compile({{"control.rego", Read(dir / "control.rego")}});
  auto q = (*prog.value)->Prepare("data.kumo.bench.c000.deny");
  std::vector<Value> inputs;
  std::ifstream f(dir / "resources.jsonl");
  for (std::string l; inputs.size() < EvalOnlyInputs() && std::getline(f, l);)
    inputs.push_back(*json::ParseJson(l));
  Value base = Value::Object({{Value::String("kumo"), Value::EmptyObject()}});
  rego::EvalOptions opts;
  opts.data = &base;
  size_t i = 0;
  for (auto _ : state) {
    auto rows = (*q.value)->Eval(inputs[i++ % inputs.size()], opts);
    benchmark::DoNotOptimize(rows);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ControlEvalOnly)->Unit(benchmark::kMicrosecond);

// The input-conversion share of (b): the same 100,000 resources parsed into
// Values with no evaluation (baseline for reading (b)).
void BM_ControlInputOnly(benchmark::State& state) {
  fs::path dir = Dir();
  if (!fs::exists(dir / "resources.jsonl")) {
    state.SkipWithError("run python3 bench/gen_rego.py first");
    return;
  }
  Records recs(dir / "resources.jsonl");
  size_t i = 0;
  for (auto _ : state) {
    auto in = recs.Parse(i++ % recs.lines.size());
    benchmark::DoNotOptimize(in);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ControlInputOnly)->Unit(benchmark::kMicrosecond);

void BM_TrivialQuery(benchmark::State& state) {
  auto prog = rego::Compile({{"t.rego", "package t\nallow := true\n"}});
  auto q = (*prog.value)->Prepare("data.t.allow");
  rego::EvalOptions opts;
  Value in;
  for (auto _ : state) {
    auto rows = (*q.value)->Eval(in, opts);
    benchmark::DoNotOptimize(rows);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_TrivialQuery)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
