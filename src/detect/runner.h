// One `kumo detect` run: rules + inputs -> alerts on a stream.
//
// RunDetect loads the rules files (or the built-in packs), reads every
// input in order with EventReader, evaluates the engine single-threaded and
// prints alerts as text lines or Falco-compatible JSON. Diagnostics go to
// the error stream as they are found; --stats prints counts per source,
// skipped records by reason, matches per rule and throughput. The CLI and
// the benchmark both call it.
#ifndef KUMO_DETECT_RUNNER_H_
#define KUMO_DETECT_RUNNER_H_

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "detect/engine.h"
#include "detect/output.h"
#include "detect/rules.h"

namespace kumo::detect {

struct DetectOptions {
  std::vector<std::string> inputs;  // files, directories, "-" (default: "-")
  std::vector<std::string> rules;   // rules files; empty: the built-in packs
  bool json = false;                // --format json
  RuleMatching matching = RuleMatching::kFirst;
  Priority min_priority = Priority::kDebug;
  bool has_fail_on = false;  // exit 1 when an alert is at least this severe
  Priority fail_on = Priority::kEmergency;
  bool stats = false;
  bool follow = false;            // keep reading a growing file
  double follow_idle_exit_s = 0;  // follow: stop after this long without data (0: never)
  bool force_source = false;
  Source source = Source::kAwsCloudTrail;
  bool quiet = false;    // no alerts printed (benchmarks)
  std::string hostname;  // evt.hostname / JSON hostname (default: gethostname)
  std::FILE* out = stdout;
  std::FILE* err = stderr;
  // Called for every alert (after printing), e.g. to persist it; the alert's
  // output_fields_json is always rendered when this is set.
  std::function<void(const Alert&)> on_alert;
};

// Runs detection; returns kumo's exit code (0 ok, 1 --fail-on crossed,
// 2 bad usage or bad input, 3 internal).
int RunDetect(const DetectOptions& options);

// The built-in rules files (rules/*.yaml of the installed data dir, or
// $KUMO_RULES_DIR), sorted.
std::vector<std::string> BuiltinRulesFiles();

// Loads rules files (printing diagnostics to `err` when not null).
std::unique_ptr<RuleSet> LoadRules(const std::vector<std::string>& files, LoadOptions opts,
                                   Diagnostics* diags);

}  // namespace kumo::detect

#endif  // KUMO_DETECT_RUNNER_H_
