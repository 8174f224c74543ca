// The findings store: where scans, the findings lifecycle, mutes and
// detection alerts persist (DESIGN: Storage).
//
// One interface, two backends chosen by OpenStore(): SQLite (a file path,
// the default `kumo.db`, WAL mode) and PostgreSQL (a `postgres://` or
// `postgresql://` URL, what several kumo processes share). Both apply the
// numbered SQL migrations in src/store/migrations/ when opened and run the
// same set-based SQL for the lifecycle, so the same tests hold for both.
//
// Lifecycle (RecordScan, one transaction per scan; a crash at any moment
// leaves the store as it was before the scan):
//   - a FAIL (or MUTED) finding never seen before is opened;
//   - an open or muted finding the scan no longer reports FAIL is resolved,
//     but only if the scan's scope covered it: its (provider, account) was
//     scanned, its control ran and its resource type was evaluated (findings
//     with an empty resource type are account-scoped: account + control);
//     an ERROR result for the finding never resolves it;
//   - a resolved finding that fails again is reopened;
//   - an active mute that matches a FAIL finding makes it MUTED (kept and
//     listed with who muted it and until when, never dropped).
// Every change is a finding event naming the scan that caused it.
//
// Mutes are a workflow: RequestMute -> ApproveMute | RejectMute -> active
// -> expired on its date (ExpireMutes, and every scan ignores expired
// mutes). A requester cannot approve their own request.
#ifndef KUMO_STORE_STORE_H_
#define KUMO_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "model/finding.h"
#include "value/value.h"

namespace kumo {
struct Resource;
}  // namespace kumo

namespace kumo::scan {
struct ScanResult;
class Ownership;
}  // namespace kumo::scan

namespace kumo::store {

// What a scan looked at: a finding is resolved only by a scan covering it.
struct StoreScope {
  std::vector<std::pair<std::string, std::string>> accounts;  // (provider, account)
  std::vector<std::string> resource_types;                    // "*" covers every type
  std::vector<std::string> controls;                          // "*" covers every control
};

// One scan to persist. `findings` holds every result (PASS, FAIL, MUTED,
// ERROR); only FAIL and MUTED become stored findings, PASS is implied by
// absence, ERROR protects a finding from being resolved.
struct ScanInput {
  int64_t started_at = 0;   // unix seconds
  int64_t finished_at = 0;  // unix seconds; also the time findings are seen at (0 = now)
  StoreScope scope;
  std::vector<std::string> inputs;       // inventory files the scan read
  std::vector<std::string> control_set;  // ids of the controls selected
  std::span<const Finding> findings;
  // The tags of a finding's resource (AWS tags, GCP labels, Azure tags), or
  // null when it has none; store mutes with tag conditions match them. Unset
  // = no finding has tags.
  std::function<const std::map<std::string, std::string>*(const Finding&)> tags_of;
};

// What RecordScan did.
struct ScanSummary {
  int64_t scan_id = 0;
  int64_t total = 0, passed = 0, failed = 0, muted = 0, errors = 0;
  int64_t opened = 0, resolved = 0, reopened = 0;
};

// Lifecycle states of a stored finding.
inline constexpr std::string_view kStateOpen = "open";
inline constexpr std::string_view kStateResolved = "resolved";
inline constexpr std::string_view kStateMuted = "muted";

// A stored finding: the Finding fields plus its lifecycle state.
struct StoredFinding {
  std::string fingerprint;
  std::string state;  // open | resolved | muted
  Finding finding;    // first_seen, last_seen, resolved_at, ticket_key, mute fields filled
  int64_t mute_id = 0;
  int64_t mute_expires_at = 0;  // unix seconds, 0 when not muted
  int64_t first_scan_id = 0;
  int64_t last_scan_id = 0;
};

// One change in a finding's history.
struct FindingEvent {
  int64_t id = 0;
  std::string fingerprint;
  int64_t scan_id = 0;  // 0: caused by a mute decision or expiry, not a scan
  std::string kind;     // opened resolved reopened muted unmuted severity_changed
  int64_t at = 0;
  std::string detail;
};

// Filters of ListFindings; empty / zero fields select everything.
struct FindingFilter {
  std::vector<std::string> states;  // open, resolved, muted
  std::string product;
  bool has_min_severity = false;
  Severity5 min_severity = Severity5::kInfo;
  std::string control;  // glob (* and ?)
  std::string provider;
  std::string account;
  int64_t min_age_seconds = 0;  // first seen at least this long ago
  int64_t limit = 0;            // 0 = no limit
};

// Result of DiffFindings: what changed since a scan or a time.
struct FindingDiff {
  int64_t since_scan = 0;  // exclusive; 0 when a time was given
  int64_t since_time = 0;
  std::vector<StoredFinding> opened, resolved, reopened;
};

inline constexpr std::string_view kMuteRequested = "requested";
inline constexpr std::string_view kMuteActive = "active";
inline constexpr std::string_view kMuteRejected = "rejected";
inline constexpr std::string_view kMuteExpired = "expired";

// A suppression. Patterns are globs (* and ?) and empty matches everything;
// at least one of control_pattern, resource_pattern, account, fingerprint
// and tags is set. Tags match as in mutelist files (scan/mutelist.h): the
// resource must carry every listed key with a value the glob matches (an
// empty glob matches only an empty value); the tags are those the latest
// scan reported for the resource.
struct Mute {
  int64_t id = 0;
  std::string state;  // requested | active | rejected | expired
  std::string control_pattern;
  std::string resource_pattern;
  std::string fingerprint;
  std::string account;                                    // glob
  std::string region;                                     // glob
  std::vector<std::pair<std::string, std::string>> tags;  // (key, value glob), all must match
  std::string reason;
  std::string requester;
  int64_t requested_at = 0;
  int64_t expires_at = 0;  // unix seconds; the mute stops applying at this instant
  std::string ticket;
  std::string approver;
  int64_t decided_at = 0;
  std::string decision_note;
  std::string source;  // "cli", or the mutelist file it was imported from
};

// A detection alert as `kumo detect` produces it (Falco-compatible fields).
struct AlertRecord {
  int64_t id = 0;  // set by the store
  std::string rule;
  std::string priority;  // Falco priority name, e.g. "Critical"
  std::string source;    // "aws_cloudtrail", "gcp_auditlog", "azure_activity", ...
  int64_t time_ns = 0;   // event time, unix nanoseconds
  std::string output;
  Value output_fields;  // object
  // The output_fields object as JSON text (what detect's formatter renders);
  // used when output_fields is null.
  std::string output_fields_json;
  std::vector<std::string> tags;
  std::string account;
  std::string product;
  // Identical alerts (same rule and dedup key) within the window are one
  // stored alert whose count grows. Empty: derived from rule, account and
  // output_fields.
  std::string dedup_key;
  std::string raw_event;  // the event's JSON text, or a reference to it
  // Filled by the store when reading.
  int64_t last_time_ns = 0;
  int64_t count = 1;
};

struct AlertBatchSummary {
  int64_t inserted = 0;      // new stored alerts
  int64_t deduplicated = 0;  // alerts folded into an existing one (its count grew)
};

// Filters of ListAlerts; empty / zero fields select everything.
struct AlertFilter {
  std::string rule;  // glob
  std::string account;
  std::string product;
  std::string source;
  int64_t since_ns = 0;
  int64_t limit = 0;
};

// A product of kumo.yaml and the rules that map resources to it.
struct ProductRecord {
  std::string name;
  std::vector<std::string> champions;
  std::string slack_channel;
  std::string jira_project;
  // (kind, pattern): kind is account, subscription, project or tag.
  std::vector<std::pair<std::string, std::string>> rules;
};

// A recorded scan (history).
struct ScanRow {
  ScanSummary summary;
  int64_t started_at = 0, finished_at = 0, recorded_at = 0;
  std::string scope_json, inputs_json, control_set_json;
};

class Store {
 public:
  virtual ~Store() = default;

  // "sqlite" or "postgres".
  virtual std::string_view backend() const = 0;
  // The schema version after migrations.
  virtual Result<int> SchemaVersion() = 0;
  // Applies pending migrations (OpenStore already does); returns how many ran.
  virtual Result<int> Migrate() = 0;

  // Persists one scan and advances the lifecycle, as one transaction.
  virtual Result<ScanSummary> RecordScan(const ScanInput& scan) = 0;
  virtual Result<std::vector<ScanRow>> ListScans(int64_t limit) = 0;

  virtual Result<std::vector<StoredFinding>> ListFindings(const FindingFilter& filter) = 0;
  // A finding and its history (oldest event first); NotFound when unknown.
  virtual Result<std::pair<StoredFinding, std::vector<FindingEvent>>> ShowFinding(
      std::string_view fingerprint) = 0;
  // Opened / resolved / reopened since scan `since_scan` (exclusive), or
  // since unix time `since_time` when since_scan is 0; both 0 = the changes
  // of the latest scan.
  virtual Result<FindingDiff> DiffFindings(int64_t since_scan, int64_t since_time) = 0;
  // Sets the ticket key of a finding (Jira idempotency).
  virtual Status SetTicketKey(std::string_view fingerprint, std::string_view ticket_key) = 0;

  // Files a mute request (state "requested"); returns its id.
  virtual Result<int64_t> RequestMute(const Mute& request) = 0;
  // Approves a requested mute: it becomes active and mutes matching open findings now.
  virtual Status ApproveMute(int64_t id, std::string_view approver, std::string_view note) = 0;
  virtual Status RejectMute(int64_t id, std::string_view approver, std::string_view note) = 0;
  // Marks active mutes past their expiry as expired and unmutes their
  // findings; returns how many mutes expired.
  virtual Result<int64_t> ExpireMutes() = 0;
  // Mutes in the given states (all when empty), newest first.
  virtual Result<std::vector<Mute>> ListMutes(const std::vector<std::string>& states) = 0;
  // Adds an already approved mute (a mutelist file entry); skips one that is
  // already stored (same patterns, requester and expiry). Returns its id.
  virtual Result<int64_t> ImportMute(const Mute& approved) = 0;

  // Persists detection alerts in one transaction, folding repeats of the
  // same (rule, dedup key) within `window_seconds` of the first into one.
  virtual Result<AlertBatchSummary> RecordAlerts(std::span<const AlertRecord> alerts,
                                                 int64_t window_seconds) = 0;
  virtual Result<std::vector<AlertRecord>> ListAlerts(const AlertFilter& filter) = 0;

  // Replaces the products and their mapping rules (from kumo.yaml).
  virtual Status ReplaceProducts(const std::vector<ProductRecord>& products) = 0;
  virtual Result<std::vector<ProductRecord>> ListProducts() = 0;

  // Replaces the clock (unix seconds) used for "now"; for tests.
  virtual void SetClock(std::function<int64_t()> clock) = 0;
};

// Opens (creating if needed) the store at `url_or_path`: a postgres:// or
// postgresql:// URL selects PostgreSQL, anything else is a SQLite file
// path. Pending migrations are applied.
Result<std::unique_ptr<Store>> OpenStore(std::string_view url_or_path);

// The store location from a --store flag: the flag, else $KUMO_STORE, else "kumo.db".
std::string DefaultStoreLocation(std::string_view flag_value);

// Builds a ScanInput from the scan stage's result. The scope's (provider,
// account) pairs are the scanned providers x accounts.
ScanInput ScanInputFromResult(const scan::ScanResult& result, std::vector<std::string> inputs);

// The product catalogue of kumo.yaml as the store keeps it: the champion,
// Slack channel and Jira project of each product and its match rules
// (account, subscription, project, tag "key=value"), in file order.
std::vector<ProductRecord> ProductsFromOwnership(const scan::Ownership& ownership);

// What `kumo scan` knows besides the ScanResult.
struct PersistContext {
  // kumo.yaml; when set its products replace the store's product catalogue.
  const scan::Ownership* ownership = nullptr;
  // The scanned inventory; when set the tags of the resources findings name
  // are recorded (store mutes with tag conditions match them).
  const std::vector<Resource>* resources = nullptr;
};

// One call for `kumo scan --store`: opens the store at `store_location`
// (see DefaultStoreLocation), writes the product catalogue (when
// context.ownership is set) and records `result`.
Result<ScanSummary> PersistScan(std::string_view store_location, const scan::ScanResult& result,
                                const std::vector<std::string>& inputs,
                                const PersistContext& context = {});

// One call for `kumo detect --store`: opens the store and records `alerts`.
Result<AlertBatchSummary> PersistAlerts(std::string_view store_location,
                                        std::span<const AlertRecord> alerts,
                                        int64_t window_seconds = 300);

// Converts a glob (* and ?) to a LIKE pattern with '\' as the escape; "" -> "%".
std::string GlobToLike(std::string_view glob);

// The dedup key RecordAlerts derives when an alert has none.
std::string DefaultAlertDedupKey(const AlertRecord& alert);

}  // namespace kumo::store

#endif  // KUMO_STORE_STORE_H_
