// Store throughput: persisting a scan of 1,000,000 findings into an empty
// store, and a follow-up scan of the same million that changes 1% of them
// (store/synthetic.h, generated in memory: no input files), on SQLite and on
// PostgreSQL ($KUMO_TEST_PG_URL, skipped when unset; see
// scripts/pg-test-server.sh). Each benchmark is one timed scan; the counter
// findings_per_s, the wall time, the CPU time (kumo's) and, on PostgreSQL,
// server_cpu_s (the server's CPU during the scan) are the figures to report.
//
//   build/<dir>/bench/store_bench --benchmark_counters_tabular=true
//   KUMO_STORE_BENCH_FINDINGS=100000 ... (smaller runs)
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "store/sql.h"
#include "store/store.h"
#include "store/synthetic.h"

namespace {

using kumo::store::MakeSyntheticScan;
using kumo::store::SyntheticScanOptions;

size_t FindingCount() {
  const char* n = std::getenv("KUMO_STORE_BENCH_FINDINGS");
  return n && *n ? std::strtoull(n, nullptr, 10) : 1'000'000;
}

// A fresh, empty store location for `backend`; "" (and state.SkipWithError)
// when unavailable.
std::string FreshStore(benchmark::State& state, const std::string& backend) {
  static int counter = 0;
  std::string tag = std::to_string(getpid()) + "_" + std::to_string(counter++);
  if (backend == "sqlite") {
    auto path = std::filesystem::temp_directory_path() / ("kumo_store_bench_" + tag + ".db");
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + s);
    return path.string();
  }
  const char* base = std::getenv("KUMO_TEST_PG_URL");
  if (!base || !*base) {
    state.SkipWithError(
        "KUMO_TEST_PG_URL is not set (eval \"$(bash scripts/pg-test-server.sh start)\")");
    return "";
  }
  auto admin = kumo::store::OpenPostgres(base);
  if (!admin.ok()) {
    state.SkipWithError(admin.status().ToString().c_str());
    return "";
  }
  std::string schema = "bench_" + tag;
  (void)(*admin)->Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
  std::string b = base;
  return b + (b.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
}

void Cleanup(const std::string& backend, const std::string& location) {
  if (backend == "sqlite") {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(location + s);
    return;
  }
  auto admin = kumo::store::OpenPostgres(std::getenv("KUMO_TEST_PG_URL"));
  auto pos = location.find("search_path%3D");
  if (admin.ok() && pos != std::string::npos) {
    (void)(*admin)->Exec("DROP SCHEMA IF EXISTS " + location.substr(pos + 14) + " CASCADE");
  }
}

// Fields 14..17 of /proc/PID/stat (utime, stime, cutime, cstime) in seconds;
// false when unreadable.
bool ProcStat(const std::string& pid, int* ppid, double* self, double* children) {
  std::ifstream in("/proc/" + pid + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto close = stat.rfind(')');
  if (close == std::string::npos) return false;
  std::istringstream fields(stat.substr(close + 2));
  std::string f;
  double v[18] = {};
  for (int i = 3; i <= 17 && fields >> f; ++i) {
    if (i == 4 || i >= 14) v[i] = std::strtod(f.c_str(), nullptr);
  }
  const double hz = static_cast<double>(sysconf(_SC_CLK_TCK));
  *ppid = static_cast<int>(v[4]);
  *self = (v[14] + v[15]) / hz;
  *children = (v[16] + v[17]) / hz;
  return true;
}

// CPU seconds used so far by the whole PostgreSQL server at
// $KUMO_TEST_PG_URL: the postmaster, its live processes (backends, WAL
// writer, checkpointer, ...) and those already exited. -1 when the server
// does not run on this machine (its processes are not readable).
double PostgresServerCpuSeconds() {
  static int postmaster = [] {
    auto admin = kumo::store::OpenPostgres(std::getenv("KUMO_TEST_PG_URL"));
    if (!admin.ok()) return 0;
    auto dir = (*admin)->Query("SELECT current_setting('data_directory')");
    if (!dir.ok() || dir->rows.empty()) return 0;
    std::ifstream pidfile(dir->Text(0, 0) + "/postmaster.pid");
    int pid = 0;
    pidfile >> pid;
    return pid;
  }();
  int ppid = 0;
  double self = 0, children = 0;
  if (postmaster <= 0 || !ProcStat(std::to_string(postmaster), &ppid, &self, &children)) return -1;
  double total = self + children;
  for (const auto& e : std::filesystem::directory_iterator("/proc")) {
    const std::string name = e.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    if (ProcStat(name, &ppid, &self, &children) && ppid == postmaster) total += self;
  }
  return total;
}

// followup = false: the first scan into an empty store; true: generation 1
// over a store holding generation 0 (1% of the findings resolve).
void BM_PersistScan(benchmark::State& state, std::string backend, bool followup) {
  const size_t n = FindingCount();
  SyntheticScanOptions opt;
  opt.findings = n;
  auto first = MakeSyntheticScan(opt);
  kumo::store::SyntheticScan second;
  if (followup) {
    opt.generation = 1;
    second = MakeSyntheticScan(opt);
  }
  for (auto _ : state) {
    state.PauseTiming();
    std::string loc = FreshStore(state, backend);
    if (loc.empty()) return;
    auto store = kumo::store::OpenStore(loc);
    if (!store.ok()) {
      state.SkipWithError(store.status().ToString().c_str());
      return;
    }
    if (followup) {
      auto r = (*store)->RecordScan(first.Input(1'750'000'000));
      if (!r.ok()) {
        state.SkipWithError(r.status().ToString().c_str());
        return;
      }
    }
    const double server_cpu = backend == "postgres" ? PostgresServerCpuSeconds() : -1;
    state.ResumeTiming();
    auto r = (*store)->RecordScan((followup ? second : first).Input(1'750'003'600));
    state.PauseTiming();
    // The CPU column is kumo's (the client's); on PostgreSQL the server's
    // CPU for the scan is added as server_cpu_s when the server is local.
    if (server_cpu >= 0) {
      state.counters["server_cpu_s"] = PostgresServerCpuSeconds() - server_cpu;
    }
    if (!r.ok()) {
      state.SkipWithError(r.status().ToString().c_str());
      return;
    }
    state.counters["opened"] = static_cast<double>(r->opened);
    state.counters["resolved"] = static_cast<double>(r->resolved);
    store->reset();
    Cleanup(backend, loc);
    state.ResumeTiming();
  }
  state.counters["findings_per_s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
}

BENCHMARK_CAPTURE(BM_PersistScan, sqlite_first_scan, std::string("sqlite"), false)
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_PersistScan, sqlite_followup_1pct, std::string("sqlite"), true)
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_PersistScan, postgres_first_scan, std::string("postgres"), false)
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_PersistScan, postgres_followup_1pct, std::string("postgres"), true)
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
