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
#include <sstream>
#include <string>
#include <vector>

#include "json/json.h"
#include "rego/rego.h"

namespace {

namespace fs = std::filesystem;
using namespace kumo;

std::string Dir() {
  const char* d = std::getenv("KUMO_REGO_BENCH_DIR");
  return d ? d : "bench/data/rego";
}

std::string Read(const fs::path& p) {
  std::ifstream f(p);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
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
  std::vector<std::string> lines;
  std::ifstream f(dir / "resources.jsonl");
  for (std::string l; std::getline(f, l);) lines.push_back(std::move(l));
  Value base = Value::Object({{Value::String("kumo"), Value::EmptyObject()}});
  rego::EvalOptions opts;
  opts.data = &base;
  size_t i = 0, denied = 0;
  for (auto _ : state) {
    auto in = json::ParseJson(lines[i++ % lines.size()]);
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
  std::vector<std::string> lines;
  std::ifstream f(dir / "resources.jsonl");
  for (std::string l; std::getline(f, l);) lines.push_back(std::move(l));
  if (lines.empty()) {
    state.SkipWithError("run python3 bench/gen_rego.py first");
    return;
  }
  size_t i = 0;
  for (auto _ : state) {
    auto in = json::ParseJson(lines[i++ % lines.size()]);
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
