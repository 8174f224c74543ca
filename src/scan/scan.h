// The posture scan: Resource[] x controls -> ScanResult (DESIGN: flow of data).
//
// A scan evaluates every selected control (see control.h) on every resource
// of the control's types (resource-scoped controls) or once per (provider,
// account) seen in the inventory (account-scoped controls), on all cores.
// Each (control, resource) pair yields exactly one Finding: PASS when `deny`
// is empty, FAIL with the joined messages when it is not, ERROR when the
// evaluation failed or ran out of its step/time budget. Findings then get
// their product (ownership.h) and mutes (mutelist.h).
//
// ScanResult is the seam with the store: the store persists a ScanResult
// as one transaction, and uses `scope` to decide which previously open
// findings a scan resolves (a finding is resolved only by a later scan whose
// scope covers it, see ScanScope::Covers).
#ifndef KUMO_SCAN_SCAN_H_
#define KUMO_SCAN_SCAN_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/diagnostic.h"
#include "common/status.h"
#include "model/finding.h"
#include "model/resource.h"

namespace kumo::scan {

class ControlSet;
class Ownership;
class Mutelist;

// What a scan looked at. Sorted and de-duplicated.
struct ScanScope {
  std::vector<std::string> providers;       // "aws", "gcp", "azure"
  std::vector<std::string> accounts;        // account / project / subscription ids seen
  std::vector<std::string> resource_types;  // resource types the scan evaluated controls on
  std::vector<std::string> controls;        // ids of the controls that ran

  // Whether a later scan with this scope re-checked `f`: same control ran and
  // the finding's account was covered (and, for resource findings, its type).
  // An open finding that a covering scan no longer reports is resolved.
  bool Covers(const Finding& f) const;
};

// Counts for the summary and the benchmark.
struct ScanStats {
  uint64_t resources = 0;    // resources in the inventory
  uint64_t controls = 0;     // controls evaluated
  uint64_t evaluations = 0;  // (control, resource|account) evaluations performed
  uint64_t pass = 0, fail = 0, muted = 0, error = 0;
  double index_seconds = 0;  // building input documents and data.kumo
  // Evaluating controls and handing the findings to the sink (the two
  // overlap: findings of a control go out as soon as it is done).
  double eval_seconds = 0;
  // Thread CPU time the workers spent evaluating controls (rego plus the
  // small per-result handling), summed over threads. What the process spends
  // beyond it is loading, indexing and emitting findings.
  double rego_cpu_seconds = 0;
  // Per control, in control-id order: evaluations and evaluation CPU time
  // (summed over threads), to find the controls that dominate a scan.
  struct PerControl {
    std::string id;
    uint64_t evaluations = 0;
    double seconds = 0;
  };
  std::vector<PerControl> per_control;
};

// The result of one scan; what `kumo scan --store` persists.
struct ScanResult {
  ScanScope scope;
  // Ids of the control set that was selected (sorted); equals scope.controls.
  std::vector<std::string> control_set;
  int64_t started_at = 0;   // unix seconds
  int64_t finished_at = 0;  // unix seconds
  // Sorted by (control id, resource id): deterministic across runs and --jobs.
  std::vector<Finding> findings;
  ScanStats stats;
};

// How to run a scan.
struct ScanOptions {
  // Worker threads; 0 = std::thread::hardware_concurrency().
  unsigned jobs = 0;
  // Budget of one control evaluation on one resource (or account). A control
  // that exceeds it yields an ERROR finding for that resource.
  uint64_t max_steps = 10'000'000;
  std::chrono::milliseconds control_timeout{5000};
  // After this many budget failures a control stops being evaluated and its
  // remaining resources get ERROR findings, so one looping control cannot
  // stall a large scan.
  uint32_t max_budget_failures_per_control = 3;
  // Resources per work item (a work item is one control on one chunk).
  size_t chunk_size = 256;
  // Optional: product mapping and mute rules (both may be null).
  const Ownership* ownership = nullptr;
  const Mutelist* mutelist = nullptr;
  // Fixed "today" for mute expiry and time.now_ns() (0 = the real clock).
  int64_t now_unix = 0;
  // Called from worker threads now and then with (work items done, total).
  std::function<void(uint64_t done, uint64_t total)> progress;
  // When set, findings are handed to `sink` one by one in their final order
  // (sorted, owned, muted) instead of being collected in
  // ScanResult::findings: a scan of millions of resources then never holds
  // millions of Finding objects at once. Called on the calling thread.
  std::function<void(const Finding&)> sink;
};

// The resource_type of a finding about an account as a whole (an
// account-scoped control whose result names no resource).
inline constexpr std::string_view kAccountResourceType = "account";

// Runs `controls` over `resources`. Evaluation problems become ERROR
// findings, never a failed Status; a Status error means kumo itself failed.
// Warnings (e.g. expired mute rules, control types no resource has) are
// added to `diags`.
Result<ScanResult> RunScan(const ControlSet& controls, const std::vector<Resource>& resources,
                           const ScanOptions& options, Diagnostics* diags);

}  // namespace kumo::scan

#endif  // KUMO_SCAN_SCAN_H_
