// `kumo scan`: inventory files -> controls -> findings, summary and reports.
//
// Wires the stages together: inventory::LoadInventory reads the inputs,
// scan::ControlSet loads, selects and compiles the controls (built-in packs
// plus --policies), scan::RunScan evaluates them on all cores with the
// product mapping (kumo.yaml) and mute rules (mutelist.yaml), and the
// report writers stream the findings into --output-dir. See docs/scan.md.
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/command.h"
#include "common/build_info.h"
#include "inventory/loader.h"
#include "report/findings_writer.h"
#include "scan/control.h"
#include "scan/mutelist.h"
#include "scan/ownership.h"
#include "scan/scan.h"
#include "store/store.h"

namespace kumo::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct ScanFlags {
  std::vector<std::string> paths;
  std::vector<std::string> policies;
  std::string policies_builtin;
  bool no_builtin = false;
  std::vector<std::string> controls;
  std::vector<std::string> providers;
  std::vector<std::string> frameworks;
  std::string severity;
  std::string config;
  std::string mutelist;
  std::vector<std::string> formats;
  std::string output_dir = ".";
  std::string fail_on;
  unsigned jobs = 0;
  std::string control_timeout = "5s";
  uint64_t max_steps = 10'000'000;
  bool quiet = false;
  bool no_color = false;
  bool list_controls = false;
  bool stats = false;
  // Findings store (SQLite file or postgres:// URL); empty = do not record.
  std::string store;
  bool keep_findings = false;  // set when --store is given
};

std::vector<std::string> SplitCommas(const std::vector<std::string>& in) {
  std::vector<std::string> out;
  for (const auto& s : in) {
    std::stringstream ss(s);
    std::string part;
    while (std::getline(ss, part, ',')) {
      if (!part.empty()) out.push_back(part);
    }
  }
  return out;
}

// "5s", "500ms", "2m", or a bare number of seconds.
bool ParseDuration(const std::string& s, std::chrono::milliseconds* out) {
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == 0) return false;
  uint64_t n = std::stoull(s.substr(0, i));
  std::string unit = s.substr(i);
  if (unit.empty() || unit == "s")
    *out = std::chrono::milliseconds(n * 1000);
  else if (unit == "ms")
    *out = std::chrono::milliseconds(n);
  else if (unit == "m")
    *out = std::chrono::milliseconds(n * 60000);
  else
    return false;
  return true;
}

// Prints diagnostics to stderr, at most `limit` of them (the rest counted).
void PrintDiagnostics(const Diagnostics& d, bool include_info, size_t limit = 100) {
  size_t shown = 0, hidden = 0;
  for (const auto& item : d.items()) {
    if (item.severity == Severity::kInfo && !include_info) continue;
    if (shown >= limit) {
      ++hidden;
      continue;
    }
    std::fprintf(stderr, "%s\n", item.ToString().c_str());
    ++shown;
  }
  if (hidden) std::fprintf(stderr, "... and %zu more diagnostics\n", hidden);
}

// Hands a large object to the operating system instead of freeing it:
// `kumo scan` ends right after the command, and freeing a million resources
// node by node takes seconds (several at 1M) that the OS does at once.
// Declared after the object, so it runs first and leaves an empty shell.
template <typename T>
class AbandonAtExit {
 public:
  explicit AbandonAtExit(T* obj) : obj_(obj) {}
  AbandonAtExit(const AbandonAtExit&) = delete;
  AbandonAtExit& operator=(const AbandonAtExit&) = delete;
  ~AbandonAtExit() {
    auto* kept = new T(std::move(*obj_));
#if defined(__SANITIZE_ADDRESS__)
    __lsan_ignore_object(kept);
#endif
    (void)kept;
  }

 private:
  T* obj_;
};

int RunScanCommand(const ScanFlags& flags) {
  auto t_start = Clock::now();
  Diagnostics control_diags;
  Diagnostics scan_diags;

  // --- Inputs, ownership and mutelist --------------------------------------------
  std::vector<std::string> paths = flags.paths;
  std::string first_dir;
  if (!paths.empty()) {
    std::error_code ec;
    first_dir =
        fs::is_directory(paths[0], ec) ? paths[0] : fs::path(paths[0]).parent_path().string();
  }
  std::string config_path = flags.config;
  if (config_path.empty() && !first_dir.empty()) {
    std::error_code ec;
    fs::path p = fs::path(first_dir) / "kumo.yaml";
    if (fs::exists(p, ec)) config_path = p.string();
  }
  std::unique_ptr<scan::Ownership> ownership;
  Diagnostics config_diags;
  if (!config_path.empty()) {
    auto own = scan::Ownership::LoadFile(config_path, &config_diags);
    if (!own.ok()) {
      std::fprintf(stderr, "kumo scan: %s\n", own.status().message().c_str());
      return kExitUsage;
    }
    ownership = std::make_unique<scan::Ownership>(std::move(own.value()));
    if (paths.empty()) {
      fs::path base = fs::path(config_path).parent_path();
      for (const auto& in : ownership->inputs()) paths.push_back((base / in).string());
    }
  }
  if (paths.empty()) {
    std::fprintf(
        stderr,
        "kumo scan: no inventory given: pass PATH... or a --config kumo.yaml with `inputs:`\n");
    return kExitUsage;
  }
  if (first_dir.empty()) {
    std::error_code ec;
    first_dir =
        fs::is_directory(paths[0], ec) ? paths[0] : fs::path(paths[0]).parent_path().string();
  }
  std::string mutelist_path = flags.mutelist;
  if (mutelist_path.empty() && !first_dir.empty()) {
    std::error_code ec;
    fs::path p = fs::path(first_dir) / "mutelist.yaml";
    if (fs::exists(p, ec)) mutelist_path = p.string();
  }
  std::unique_ptr<scan::Mutelist> mutelist;
  int64_t now_unix = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
  if (!mutelist_path.empty()) {
    auto ml = scan::Mutelist::LoadFile(mutelist_path, &config_diags);
    if (!ml.ok()) {
      std::fprintf(stderr, "kumo scan: %s\n", ml.status().message().c_str());
      return kExitUsage;
    }
    mutelist = std::make_unique<scan::Mutelist>(std::move(ml.value()));
    mutelist->DropExpired(now_unix, &config_diags);
  }

  // --- Controls --------------------------------------------------------------------
  std::vector<scan::ControlSource> sources;
  if (!flags.no_builtin) {
    std::string builtin = scan::FindBuiltinPolicies(flags.policies_builtin);
    if (builtin.empty()) {
      control_diags.Warning("policies_builtin_missing",
                            "no built-in policies found (set --policies-builtin or KUMO_DATA_DIR)");
    } else {
      sources.push_back({builtin, true});
    }
  }
  for (const auto& p : flags.policies) sources.push_back({p, false});
  auto t_controls = Clock::now();
  scan::ControlSet controls = scan::ControlSet::Load(sources, &control_diags);
  scan::ControlFilter filter;
  for (const auto& id : SplitCommas(flags.controls)) filter.ids.insert(id);
  for (const auto& p : SplitCommas(flags.providers)) {
    Provider pv = ParseProvider(p);
    if (pv == Provider::kUnknown) {
      std::fprintf(stderr, "kumo scan: --provider `%s` is not one of aws, gcp, azure\n", p.c_str());
      return kExitUsage;
    }
    filter.providers.insert(pv);
  }
  for (const auto& f : SplitCommas(flags.frameworks)) filter.frameworks.insert(f);
  if (!flags.severity.empty()) {
    if (!ParseSeverityLevel(flags.severity, &filter.min_severity)) {
      std::fprintf(stderr,
                   "kumo scan: --severity `%s` is not one of critical, high, medium, low, info\n",
                   flags.severity.c_str());
      return kExitUsage;
    }
    filter.has_min_severity = true;
  }
  Severity5 fail_on = Severity5::kInfo;
  if (!flags.fail_on.empty() && !ParseSeverityLevel(flags.fail_on, &fail_on)) {
    std::fprintf(stderr,
                 "kumo scan: --fail-on `%s` is not one of critical, high, medium, low, info\n",
                 flags.fail_on.c_str());
    return kExitUsage;
  }
  std::vector<report::Format> formats;
  for (const auto& f : SplitCommas(flags.formats)) {
    report::Format fmt;
    if (!report::ParseFormat(f, &fmt)) {
      std::fprintf(stderr,
                   "kumo scan: --format `%s` is not one of json, jsonl, csv, ocsf, markdown\n",
                   f.c_str());
      return kExitUsage;
    }
    formats.push_back(fmt);
  }
  std::chrono::milliseconds timeout;
  if (!ParseDuration(flags.control_timeout, &timeout)) {
    std::fprintf(stderr, "kumo scan: --control-timeout `%s` is not a duration (e.g. 5s, 500ms)\n",
                 flags.control_timeout.c_str());
    return kExitUsage;
  }
  controls.Select(filter, &control_diags);

  if (flags.list_controls) {
    PrintDiagnostics(control_diags, false);
    for (const auto& c : controls.controls()) {
      std::string types = c.account_scope ? "account" : "";
      for (const auto& t : c.resource_types) types += (types.empty() ? "" : ",") + t;
      std::printf("%-16s %-8s %-5s %s [%s]\n", c.id.c_str(),
                  std::string(SeverityLevelName(c.severity)).c_str(),
                  std::string(ProviderName(c.provider)).c_str(), c.title.c_str(), types.c_str());
    }
    return control_diags.has_errors() ? kExitUsage : kExitOk;
  }
  controls.Compile(&control_diags);
  double controls_seconds = std::chrono::duration<double>(Clock::now() - t_controls).count();

  // --- Inventory ----------------------------------------------------------------------
  auto t_load = Clock::now();
  inventory::LoadOptions lopts;
  lopts.threads =
      static_cast<int>(flags.jobs ? flags.jobs : std::max(1u, std::thread::hardware_concurrency()));
  auto inv = inventory::LoadInventory(paths, lopts);
  AbandonAtExit keep_inventory(&inv);
  if (!inv.ok()) {
    std::fprintf(stderr, "kumo scan: %s\n", inv.status().message().c_str());
    return kExitUsage;
  }
  double load_seconds = std::chrono::duration<double>(Clock::now() - t_load).count();
  uint64_t input_bytes = 0;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) {
      input_bytes += fs::file_size(p, ec);
    } else if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) input_bytes += it->file_size(ec);
      }
    }
  }

  PrintDiagnostics(config_diags, false);
  PrintDiagnostics(control_diags, false);
  PrintDiagnostics(inv->diagnostics, false);
  if (!flags.quiet) {
    for (const auto& f : inv->files) std::fprintf(stderr, "%s\n", f.ToString().c_str());
    size_t builtin = 0;
    for (const auto& c : controls.controls()) builtin += c.builtin;
    std::fprintf(stderr,
                 "kumo scan: %zu resources, %zu controls (%zu built-in, %zu from --policies)\n",
                 inv->resources.size(), controls.controls().size(), builtin,
                 controls.controls().size() - builtin);
  }

  // --- Scan -------------------------------------------------------------------------------
  bool tty_err = isatty(2) && !flags.quiet;
  bool color = isatty(1) && !flags.no_color && std::getenv("NO_COLOR") == nullptr;
  scan::ScanOptions sopts;
  sopts.jobs = flags.jobs;
  sopts.max_steps = flags.max_steps;
  sopts.control_timeout = timeout;
  sopts.ownership = ownership.get();
  sopts.mutelist = mutelist.get();
  std::atomic<int64_t> last_progress_ms{0};
  auto t_scan = Clock::now();
  if (tty_err) {
    sopts.progress = [&](uint64_t done, uint64_t total) {
      int64_t ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t_scan).count();
      if (ms < 1000 || ms - last_progress_ms.load() < 200) return;
      last_progress_ms = ms;
      std::fprintf(stderr, "\rscanning: %3d%% (%llu/%llu work items)",
                   static_cast<int>(done * 100 / total), static_cast<unsigned long long>(done),
                   static_cast<unsigned long long>(total));
      std::fflush(stderr);
    };
  }

  report::ReportContext rctx;
  rctx.kumo_version = KumoVersion();
  rctx.scan_time = now_unix;
  if (ownership) {
    for (const auto& p : ownership->products()) {
      rctx.products[p.name] = {p.champion, p.slack_channel, p.jira_project};
    }
  }
  std::vector<std::unique_ptr<std::ofstream>> files;
  std::vector<std::unique_ptr<report::FindingsWriter>> writers;
  if (!formats.empty()) {
    std::error_code ec;
    fs::create_directories(flags.output_dir, ec);
    for (auto fmt : formats) {
      std::string path = (fs::path(flags.output_dir) / report::FormatFileName(fmt)).string();
      auto out = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
      if (!*out) {
        std::fprintf(stderr, "kumo scan: cannot write %s\n", path.c_str());
        return kExitUsage;
      }
      writers.push_back(report::MakeWriter(fmt, out.get(), rctx));
      writers.back()->Begin();
      files.push_back(std::move(out));
    }
  }
  report::Summary summary;
  std::vector<Finding> kept;
  AbandonAtExit keep_kept(&kept);
  sopts.sink = [&](const Finding& f) {
    summary.Add(f);
    for (auto& w : writers) w->Write(f);
    if (flags.keep_findings || !flags.store.empty()) kept.push_back(f);
  };
  auto result = scan::RunScan(controls, inv->resources, sopts, &scan_diags);
  AbandonAtExit keep_result(&result);
  if (tty_err && last_progress_ms.load() > 0) std::fprintf(stderr, "\r%60s\r", "");
  if (!result.ok()) {
    std::fprintf(stderr, "kumo scan: internal error: %s\n", result.status().message().c_str());
    return kExitInternal;
  }
  result->findings = std::move(kept);
  for (auto& w : writers) w->End();
  for (size_t i = 0; i < files.size(); ++i) {
    files[i]->close();
    if (!*files[i]) {
      std::fprintf(stderr, "kumo scan: error writing %s output\n",
                   std::string(report::FormatName(formats[i])).c_str());
      return kExitInternal;
    }
  }
  PrintDiagnostics(scan_diags, !flags.quiet);

  if (!flags.store.empty()) {
    // kumo.yaml's products and the resources' tags go to the store with the scan.
    auto saved =
        store::PersistScan(flags.store, *result, paths, {ownership.get(), &inv->resources});
    if (!saved.ok()) {
      std::fprintf(stderr, "kumo scan: store %s: %s\n", flags.store.c_str(),
                   saved.status().message().c_str());
      return kExitInternal;
    }
    if (!flags.quiet) {
      std::fprintf(stderr,
                   "kumo scan: recorded scan %lld in %s: %lld opened, %lld resolved, "
                   "%lld reopened\n",
                   static_cast<long long>(saved->scan_id), flags.store.c_str(),
                   static_cast<long long>(saved->opened), static_cast<long long>(saved->resolved),
                   static_cast<long long>(saved->reopened));
    }
  }

  const auto& st = result->stats;
  if (!flags.quiet) {
    std::fputs(summary.Render(color).c_str(), stdout);
    if (!formats.empty()) {
      for (auto fmt : formats) {
        std::printf("wrote %s\n",
                    (fs::path(flags.output_dir) / report::FormatFileName(fmt)).string().c_str());
      }
    }
  }
  if (flags.stats || !flags.quiet) {
    double eval = st.eval_seconds > 0 ? st.eval_seconds : 1e-9;
    double total = std::chrono::duration<double>(Clock::now() - t_start).count();
    std::fprintf(
        stderr,
        "kumo scan: timing: controls %.3fs, load %.3fs, index %.3fs, eval %.3fs, total %.3fs; "
        "%llu resources (%.0f/s), %llu evaluations (%.0f/s); input %llu bytes\n",
        controls_seconds, load_seconds, st.index_seconds, st.eval_seconds, total,
        static_cast<unsigned long long>(st.resources), st.resources / eval,
        static_cast<unsigned long long>(st.evaluations), st.evaluations / eval,
        static_cast<unsigned long long>(input_bytes));
  }
  if (flags.stats) {
    // Where evaluation time goes: rego itself (summed over threads) against
    // the wall time of the evaluation phase, and the costliest controls.
    unsigned threads = flags.jobs ? flags.jobs : std::max(1u, std::thread::hardware_concurrency());
    std::fprintf(stderr,
                 "kumo scan: eval: %.3f CPU-s in control evaluation (eval phase %.3f s wall x %u "
                 "threads); %.1f us CPU per evaluation\n",
                 st.rego_cpu_seconds, st.eval_seconds, threads,
                 st.evaluations ? st.rego_cpu_seconds * 1e6 / st.evaluations : 0.0);
    std::vector<scan::ScanStats::PerControl> top = st.per_control;
    std::sort(top.begin(), top.end(),
              [](const auto& a, const auto& b) { return a.seconds > b.seconds; });
    for (size_t i = 0; i < top.size() && i < 8 && top[i].evaluations > 0; ++i) {
      std::fprintf(stderr, "kumo scan:   %-18s %9.3f CPU-s %9llu evaluations %10.1f us each\n",
                   top[i].id.c_str(), top[i].seconds,
                   static_cast<unsigned long long>(top[i].evaluations),
                   top[i].seconds * 1e6 / static_cast<double>(top[i].evaluations));
    }
  }
  std::fflush(stdout);

  bool bad_input = inv->skipped() > 0 || inv->diagnostics.has_errors() ||
                   control_diags.has_errors() || config_diags.has_errors();
  if (bad_input) return kExitUsage;
  if (!flags.fail_on.empty() && summary.HasFailAtLeast(fail_on)) return kExitThreshold;
  return kExitOk;
}

void Setup(CLI::App& app) {
  auto flags = std::make_shared<ScanFlags>();
  CLI::App* cmd = app.add_subcommand("scan", "Check cloud inventories against posture controls");
  cmd->footer(
      "Examples:\n"
      "  kumo scan examples/\n"
      "  kumo scan inventory/ --format json,ocsf,markdown --output-dir out/ --fail-on high\n"
      "  kumo scan aws-config.json.gz --provider aws --framework cis-aws --severity high\n"
      "  kumo scan inventory/ --policies team-policies/ --controls AWS-S3-001,TEAM-001\n"
      "  kumo scan --config kumo.yaml --mutelist mutelist.yaml --jobs 2\n"
      "\n"
      "kumo.yaml (ownership) and mutelist.yaml are read from the first PATH directory\n"
      "when present. Exit codes: 0 ok, 1 a FAIL at or above --fail-on, 2 an input was\n"
      "skipped or a control failed to load, 3 internal error. See docs/scan.md.");
  cmd->add_option("PATH", flags->paths, "Inventory files or directories (JSON, JSONL, CSV, .gz)");
  cmd->add_option("--policies", flags->policies,
                  "Directory of additional .rego controls (repeatable)");
  cmd->add_option(
      "--policies-builtin", flags->policies_builtin,
      "Directory of the built-in controls (default: $KUMO_DATA_DIR/policies or the install)");
  cmd->add_flag("--no-builtin", flags->no_builtin, "Run only the controls from --policies");
  cmd->add_option("--controls", flags->controls, "Only these control ids (comma-separated)");
  cmd->add_option("--provider", flags->providers,
                  "Only controls for aws, gcp or azure (comma-separated)");
  cmd->add_option("--framework", flags->frameworks,
                  "Only controls mapped to a framework, e.g. cis-aws-7.0, cis-aws, owasp-llm-2025");
  cmd->add_option("--severity", flags->severity, "Only controls of at least this severity");
  cmd->add_option("--config", flags->config,
                  "Ownership config (default: PATH/kumo.yaml when present)");
  cmd->add_option("--mutelist", flags->mutelist,
                  "Mute rules (default: PATH/mutelist.yaml when present)");
  cmd->add_option("--format", flags->formats, "Report formats: json,jsonl,csv,ocsf,markdown");
  cmd->add_option("--output-dir", flags->output_dir, "Where report files go (default: .)");
  cmd->add_option("--fail-on", flags->fail_on,
                  "Exit 1 when a finding of this severity or higher FAILs");
  cmd->add_option("--jobs", flags->jobs, "Worker threads (default: all cores)");
  cmd->add_option("--control-timeout", flags->control_timeout,
                  "Time budget of one control on one resource (default 5s)");
  cmd->add_option("--max-steps", flags->max_steps, "Step budget of one control on one resource");
  cmd->add_flag("--quiet,-q", flags->quiet, "Print only problems");
  cmd->add_flag("--no-color", flags->no_color, "No ANSI colours in the summary");
  cmd->add_flag("--list-controls", flags->list_controls, "List the selected controls and exit");
  cmd->add_flag("--stats", flags->stats, "Print timing and throughput even with --quiet");
  cmd->add_option("--store", flags->store,
                  "Record the scan in the findings store: a SQLite file (e.g. kumo.db) or a "
                  "postgres:// URL; findings then persist across scans (see `kumo findings`)");
  cmd->callback([flags] { SetExitCode(RunScanCommand(*flags)); });
}

}  // namespace

KUMO_REGISTER_COMMAND(10, Setup);

}  // namespace kumo::cli
