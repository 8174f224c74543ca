// Event readers: audit-log files and streams -> Events (spec §5.2).
//
// EventReader streams records with json::RecordReader (S3 `{"Records":[...]}`
// files plain or gzip, JSON Lines, arrays, `{"records":[...]}`,
// `{"value":[...]}`, lookup-events `{"Events":[...]}`, stdin), parses each
// record once into the EvalContext's simdjson parser and detects its source
// by shape: a CloudTrail record, an EventBridge envelope (`detail`), a
// lookup-events entry (`CloudTrailEvent` JSON string), a GCP LogEntry
// (`protoPayload`), a Pub/Sub push envelope (`message.data` base64 of a
// LogEntry), or an Azure activity record (export or REST shape). Records of
// unknown shape and malformed records are reported (file, record number,
// reason), counted and skipped. Memory depends on the largest record, not
// on the input size.
#ifndef KUMO_DETECT_EVENT_READER_H_
#define KUMO_DETECT_EVENT_READER_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/diagnostic.h"
#include "common/status.h"
#include "detect/event.h"
#include "json/record_reader.h"

namespace kumo::detect {

struct ReadStats {
  uint64_t records = 0;  // records delimited in the input
  uint64_t events = 0;   // records turned into events
  uint64_t per_source[kSourceCount] = {};
  uint64_t skipped = 0;  // records not turned into events
  std::map<std::string, uint64_t> skipped_by_reason;
  uint64_t time_fallback = 0;  // events whose time fell back to ingestion time
  uint64_t bytes = 0;          // input bytes (after decompression)
  void Add(const ReadStats& o);
};

struct EventReaderOptions {
  bool force_source = false;  // --source NAME
  Source source = Source::kAwsCloudTrail;
  bool json_lines = false;  // treat the input as JSON Lines
  // JSON Lines inputs (a plain `.jsonl`/`.ndjson` file, or json_lines) are
  // split at newlines and each line parsed directly; any line that is not
  // one JSON object without envelope keys goes through json::RecordReader,
  // so records, numbers and diagnostics are the same either way. Off: every
  // input goes through json::RecordReader (tests compare the two).
  bool line_fast_path = true;
  // Receives each problem as it is found (streaming runs print them).
  std::function<void(const Diagnostic&)> on_diagnostic;
};

class EventReader {
 public:
  // Opens a file ("-" is standard input).
  static Result<std::unique_ptr<EventReader>> Open(const std::string& path,
                                                   EventReaderOptions options);
  // Reads from memory (tests, fuzzing, follow mode); `name` names it in diagnostics.
  static Result<std::unique_ptr<EventReader>> FromBuffer(const std::string& name,
                                                         std::string_view bytes,
                                                         EventReaderOptions options);

  // The next event, parsed with `ctx`'s parsers (the previous event's DOM
  // is invalidated). False at the end of input.
  bool Next(EvalContext& ctx, Event* ev);

  const ReadStats& stats() const { return stats_; }
  const std::string& name() const { return name_; }
  size_t max_buffer_bytes() const;

  ~EventReader();

 private:
  class LineSource;
  EventReader(std::string name, EventReaderOptions o);
  void Skip(const json::Record& rec, const std::string& code, const std::string& reason);
  void FlushReaderDiagnostics();
  void Report(Diagnostic d);  // counts an error as a skipped record, passes it on
  bool Classify(EvalContext& ctx, simdjson::dom::element rec, Event* ev, std::string* reason);
  // One record from reader_ (numbers shifted by the offsets below).
  bool NextFromReader(EvalContext& ctx, Event* ev);
  // One record from the line fast path.
  bool NextFromLines(EvalContext& ctx, Event* ev);

  std::string name_;
  std::unique_ptr<json::RecordReader> reader_;  // general path, or one fallback line
  std::unique_ptr<LineSource> lines_;           // JSON Lines fast path
  EventReaderOptions opts_;
  ReadStats stats_;
  size_t reader_diags_seen_ = 0;
  uint64_t record_offset_ = 0;                   // added to reader_'s record numbers
  int64_t line_offset_ = 0;                      // added to reader_'s line numbers
  static constexpr size_t kFallbackPrefix = 64;  // newlines before a fallback line
  uint64_t records_seen_ = 0;                    // record numbers used so far (fast path)
  uint64_t reader_bytes_ = 0;                    // bytes of finished readers
  size_t max_window_ = 0;                        // of finished fallback readers
  std::string decoded_;                          // Pub/Sub data and lookup-events strings (padded)
};

// Expands inputs: "-" and files stay, directories are walked recursively
// (regular files, sorted by path; hidden entries skipped).
std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths, Diagnostics* diags);

// The envelope keys kumo's readers unwrap.
const std::vector<std::string>& EventEnvelopeKeys();

}  // namespace kumo::detect

#endif  // KUMO_DETECT_EVENT_READER_H_
