#include "detect/runner.h"

#include "common/build_info.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "detect/event_reader.h"

namespace kumo::detect {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

void PrintDiag(std::FILE* err, const Diagnostic& d) {
  if (!err) return;
  std::string s = d.ToString();
  std::fprintf(err, "%s\n", s.c_str());
}

class Output {
 public:
  explicit Output(std::FILE* f) : f_(f) { buf_.reserve(1 << 16); }
  ~Output() { Flush(); }
  std::string* buf() { return &buf_; }
  void MaybeFlush() {
    if (buf_.size() >= (1 << 16)) Flush();
  }
  void Flush() {
    if (!buf_.empty() && f_) std::fwrite(buf_.data(), 1, buf_.size(), f_);
    buf_.clear();
    if (f_) std::fflush(f_);
  }

 private:
  std::FILE* f_;
  std::string buf_;
};

struct RunState {
  const DetectOptions* opts;
  const Engine* engine;
  EvalContext ctx;
  Output out;
  std::string hostname;
  uint64_t num = 0;
  int64_t first_time = 0;
  std::vector<uint32_t> matches;
  std::vector<uint64_t> per_rule;
  uint64_t alerts = 0;
  bool fail = false;
  std::string fields;
  explicit RunState(const DetectOptions& o, const Engine& e) : opts(&o), engine(&e), out(o.out) {}

  void Process(Event& ev) {
    ev.num = ++num;
    if (num == 1) first_time = ev.time_ns;
    ev.first_time_ns = first_time;
    ev.hostname = hostname;
    ctx.BeginEvent(&ev);
    matches.clear();
    engine->Evaluate(ctx, opts->matching, &matches);
    for (uint32_t idx : matches) {
      const CompiledRule& r = engine->rules().rules()[idx];
      ++per_rule[idx];
      ++alerts;
      if (opts->has_fail_on && static_cast<int>(r.priority) <= static_cast<int>(opts->fail_on)) {
        fail = true;
      }
      if (opts->quiet && !opts->on_alert) continue;
      Alert a;
      a.time_ns = ev.time_ns;
      a.rule = r.name;
      a.priority = r.priority;
      a.source = SourceName(r.source);
      a.tags = &r.tags;
      a.hostname = hostname;
      r.output_template.Render(ctx, &a.output);
      if (opts->json || opts->on_alert)
        r.output_template.RenderFieldsJson(ctx, &a.output_fields_json);
      if (!opts->quiet) {
        if (opts->json) {
          FormatAlertJson(a, out.buf());
        } else {
          FormatAlertText(a, out.buf());
        }
        out.MaybeFlush();
      }
      if (opts->on_alert) opts->on_alert(a);
    }
  }
};

// Follow mode: reads whole lines appended to `path` as JSON Lines.
void Follow(RunState& st, const std::string& path, EventReaderOptions ropts, ReadStats* total) {
  ropts.json_lines = true;
  uint64_t offset = 0;
  std::string pending;
  auto last_data = Clock::now();
  std::vector<char> chunk(1 << 20);
  while (true) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    bool got = false;
    if (f) {
      if (std::fseek(f, static_cast<long>(offset), SEEK_SET) == 0) {
        size_t n;
        while ((n = std::fread(chunk.data(), 1, chunk.size(), f)) > 0) {
          pending.append(chunk.data(), n);
          offset += n;
          got = true;
          size_t nl = pending.rfind('\n');
          if (nl == std::string::npos) continue;
          auto r =
              EventReader::FromBuffer(path, std::string_view(pending).substr(0, nl + 1), ropts);
          pending.erase(0, nl + 1);
          if (!r.ok()) continue;
          Event ev;
          while ((*r)->Next(st.ctx, &ev)) st.Process(ev);
          total->Add((*r)->stats());
        }
      }
      std::fclose(f);
    }
    st.out.Flush();
    if (got) last_data = Clock::now();
    if (st.opts->follow_idle_exit_s > 0 &&
        std::chrono::duration<double>(Clock::now() - last_data).count() >=
            st.opts->follow_idle_exit_s) {
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace

std::vector<std::string> BuiltinRulesFiles() {
  std::vector<fs::path> dirs;
  if (const char* d = std::getenv("KUMO_RULES_DIR")) {
    dirs.emplace_back(d);
  } else {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) dirs.push_back(exe.parent_path().parent_path() / "share" / "kumo" / "rules");
    dirs.emplace_back(KumoInstalledDataDir() + "/rules");
    if (!KumoSourceDir().empty()) dirs.emplace_back(KumoSourceDir() + "/rules");
  }
  for (const fs::path& d : dirs) {
    std::error_code ec;
    if (!fs::is_directory(d, ec)) continue;
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(d, ec)) {
      std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml"))
        files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    if (!files.empty()) return files;
  }
  return {};
}

std::unique_ptr<RuleSet> LoadRules(const std::vector<std::string>& files, LoadOptions opts,
                                   Diagnostics* diags) {
  RulesLoader loader(opts);
  for (const std::string& f : files) loader.AddFile(f);
  auto set = loader.Compile();
  diags->Append(loader.diagnostics());
  return set;
}

int RunDetect(const DetectOptions& o) {
  std::vector<std::string> rule_files = o.rules.empty() ? BuiltinRulesFiles() : o.rules;
  if (rule_files.empty()) {
    std::fprintf(o.err,
                 "kumo detect: no rules: pass -r RULES.yaml or install the built-in packs "
                 "(or set KUMO_RULES_DIR)\n");
    return 2;
  }
  Diagnostics rdiags;
  LoadOptions lo;
  lo.min_priority = o.min_priority;
  auto set = LoadRules(rule_files, lo, &rdiags);
  for (const Diagnostic& d : rdiags.items()) PrintDiag(o.err, d);
  if (!set) {
    std::fprintf(o.err, "kumo detect: the rules have %zu error(s); nothing was evaluated\n",
                 rdiags.error_count());
    return 2;
  }
  Engine engine(std::move(set));
  RunState st(o, engine);
  engine.Prepare(&st.ctx);
  st.per_rule.assign(engine.rules().rules().size(), 0);
  char host[256] = {0};
  if (!o.hostname.empty()) {
    st.hostname = o.hostname;
  } else if (gethostname(host, sizeof host - 1) == 0) {
    st.hostname = host;
  }

  EventReaderOptions ropts;
  ropts.force_source = o.force_source;
  ropts.source = o.source;
  ropts.on_diagnostic = [&](const Diagnostic& d) { PrintDiag(o.err, d); };

  Diagnostics idiags;
  std::vector<std::string> inputs =
      ExpandInputs(o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs, &idiags);
  for (const Diagnostic& d : idiags.items()) PrintDiag(o.err, d);
  bool bad_input = idiags.has_errors();

  ReadStats total;
  size_t max_window = 0;
  auto start = Clock::now();
  for (const std::string& in : inputs) {
    if (o.follow && in != "-") {
      Follow(st, in, ropts, &total);
      continue;
    }
    auto r = EventReader::Open(in, ropts);
    if (!r.ok()) {
      std::fprintf(o.err, "%s: error[io_error]: %s\n", in.c_str(), r.status().message().c_str());
      bad_input = true;
      continue;
    }
    Event ev;
    while ((*r)->Next(st.ctx, &ev)) st.Process(ev);
    total.Add((*r)->stats());
    max_window = std::max(max_window, (*r)->max_buffer_bytes());
  }
  st.out.Flush();
  double secs = std::chrono::duration<double>(Clock::now() - start).count();
  if (total.skipped > 0) bad_input = true;

  if (o.stats) {
    std::FILE* e = o.err;
    std::fprintf(e, "kumo detect: stats\n");
    std::fprintf(e, "  records read:   %llu\n", static_cast<unsigned long long>(total.records));
    std::fprintf(e, "  events:         %llu\n", static_cast<unsigned long long>(total.events));
    for (int s = 0; s < kSourceCount; ++s) {
      std::fprintf(e, "    %-16s %llu (rules: %zu enabled, %zu indexed by event name)\n",
                   std::string(SourceName(static_cast<Source>(s))).c_str(),
                   static_cast<unsigned long long>(total.per_source[s]),
                   engine.enabled_rules(static_cast<Source>(s)),
                   engine.indexed_rules(static_cast<Source>(s)));
    }
    std::fprintf(e, "  skipped:        %llu\n", static_cast<unsigned long long>(total.skipped));
    for (const auto& [reason, n] : total.skipped_by_reason) {
      std::fprintf(e, "    %-24s %llu\n", reason.c_str(), static_cast<unsigned long long>(n));
    }
    std::fprintf(e, "  time fallback:  %llu (no valid event time; ingestion time used)\n",
                 static_cast<unsigned long long>(total.time_fallback));
    std::fprintf(e, "  alerts:         %llu\n", static_cast<unsigned long long>(st.alerts));
    const auto& rs = engine.rules().rules();
    for (size_t i = 0; i < rs.size(); ++i) {
      if (st.per_rule[i] == 0) continue;
      std::fprintf(e, "    %-48s %llu\n", rs[i].name.c_str(),
                   static_cast<unsigned long long>(st.per_rule[i]));
    }
    double eps = secs > 0 ? static_cast<double>(total.events) / secs : 0;
    double mbps = secs > 0 ? static_cast<double>(total.bytes) / secs / 1e6 : 0;
    std::fprintf(e, "  elapsed:        %.3f s (%.0f events/s, %.1f MB/s)\n", secs, eps, mbps);
    std::fprintf(e, "  read window:    %zu bytes max\n", max_window);
  }
  if (bad_input) return 2;
  if (st.fail) return 1;
  return 0;
}

}  // namespace kumo::detect
