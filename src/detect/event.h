// Events and per-event evaluation state for the detection engine.
//
// An Event is one audit-log record of a known source (CloudTrail,
// GCP audit log, Azure activity log), parsed once into a simdjson DOM that
// every field extractor reads. EvalContext is the small per-thread state
// that evaluation needs: the DOM parser, a per-event field-value cache and
// an arena of reusable string buffers for synthesized values. After warm-up
// nothing on the hot path allocates: buffers and vectors keep capacity.
#ifndef KUMO_DETECT_EVENT_H_
#define KUMO_DETECT_EVENT_H_

#include <simdjson.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kumo::detect {

// The event sources kumo provides fields for. Falco rules name them by
// their plugin source names (SourceName()).
enum class Source : uint8_t { kAwsCloudTrail = 0, kGcpAuditLog, kAzureActivity, kCount };
inline constexpr int kSourceCount = static_cast<int>(Source::kCount);

// "aws_cloudtrail", "gcp_auditlog", "azure_activity".
std::string_view SourceName(Source s);
// Source by its rules-file name; false when kumo does not provide it.
bool SourceFromName(std::string_view name, Source* out);

// One event as the engine sees it.
struct Event {
  Source source = Source::kAwsCloudTrail;
  simdjson::dom::element root;   // the record (after unwrapping envelopes)
  uint64_t num = 0;              // evt.num: 1-based sequence number in the run
  int64_t time_ns = 0;           // event time (ns since the epoch, UTC)
  bool time_from_record = true;  // false: fell back to ingestion time
  bool azure_rest = false;       // Azure REST EventData shape (vs diagnostic export)
  int64_t first_time_ns = 0;     // time of the run's first event (evt.reltime)
  std::string_view hostname;     // evt.hostname
};

// One extracted value: a string view or an unsigned number, by field type.
struct FieldItem {
  std::string_view s;
  uint64_t u = 0;
};

// A field's extracted values for one event. Scalar fields yield at most one
// item; list fields any number. No items means "absent".
struct FieldValues {
  std::vector<FieldItem> items;
  bool present() const { return !items.empty(); }
  void clear() { items.clear(); }
  void AddString(std::string_view s) { items.push_back(FieldItem{s, 0}); }
  void AddUint(uint64_t u) { items.push_back(FieldItem{{}, u}); }
};

// Per-thread evaluation state. Not thread-safe; one per worker.
class EvalContext {
 public:
  EvalContext();

  // Starts a new event: cached values and arena strings are released.
  void BeginEvent(const Event* ev);
  const Event& event() const { return *event_; }

  // A reusable, empty string buffer valid until the next BeginEvent().
  // Views into it stay valid as long as the caller does not grow it after
  // taking them.
  std::string* Scratch();

  // Cache slots for compiled field references (sized by the rule set).
  void ResizeCache(size_t n);
  // The cache entry for `slot`, and whether it already holds this event's value.
  FieldValues* CacheSlot(size_t slot, bool* fresh);

  simdjson::dom::parser& parser() { return *parser_; }
  // A second parser for inner documents (lookup-events strings, Pub/Sub data).
  simdjson::dom::parser& inner_parser() { return *inner_parser_; }

 private:
  struct CacheEntry {
    uint64_t gen = 0;
    FieldValues values;
  };
  const Event* event_ = nullptr;
  uint64_t gen_ = 1;
  std::vector<std::unique_ptr<std::string>> arena_;
  size_t arena_used_ = 0;
  std::vector<CacheEntry> cache_;
  std::unique_ptr<simdjson::dom::parser> parser_;
  std::unique_ptr<simdjson::dom::parser> inner_parser_;
};

// --- Helpers shared by extractors, readers and outputs ------------------

// The array/object of an element already known to be one (by value, so a
// range-for never iterates a dangling temporary).
inline simdjson::dom::array AsArray(simdjson::dom::element e) {
  simdjson::dom::array a;
  if (e.get_array().get(a) != simdjson::SUCCESS) return {};
  return a;
}
inline simdjson::dom::object AsObject(simdjson::dom::element e) {
  simdjson::dom::object o;
  if (e.get_object().get(o) != simdjson::SUCCESS) return {};
  return o;
}

// Follows object keys from `e`; false when a step is missing or not an object.
bool GetPath(simdjson::dom::element e, std::initializer_list<std::string_view> path,
             simdjson::dom::element* out);
// Appends `e` as compact JSON (keys in document order) to `out`.
void AppendCompactJson(simdjson::dom::element e, std::string* out);
// Appends `e` as indented JSON (4 spaces, like nlohmann's dump(4)) to `out`.
void AppendIndentedJson(simdjson::dom::element e, std::string* out, int indent = 0);
// Parses an RFC 3339 timestamp into ns since the epoch (UTC).
bool ParseRfc3339(std::string_view s, int64_t* ns);
// "HH:MM:SS.nnnnnnnnn", "YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ" and friends.
std::string FormatTime(int64_t ns, const char* style);

}  // namespace kumo::detect

#endif  // KUMO_DETECT_EVENT_H_
