// The inventory format table and what each format's converter works with.
//
// A format is one row of Formats(): a name, a Detect function that scores
// how well a file's first record (or first bytes) fits, and a converter
// that turns one parsed record into zero or more Resources. Adding a format
// is adding a row; the driver (loader.cc) does the reading, threading,
// counting and merging. Internal to src/inventory/.
#ifndef KUMO_INVENTORY_FORMAT_H_
#define KUMO_INVENTORY_FORMAT_H_

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostic.h"
#include "json/json.h"
#include "json/record_reader.h"
#include "model/resource.h"
#include "value/value.h"

namespace kumo::inventory {

// How the merge pass treats a converted resource (see loader.h).
enum class MergeRole : uint8_t {
  kReplace,           // a later record with the same (type, id) replaces it
  kAwsConfigItem,     // latest configurationItemCaptureTime wins
  kAwsConfigDeleted,  // as above; a deleted latest item drops the resource
  kGcpAsset,          // lines with the same name are combined
  kCredentialReport,  // merged into the matching AWS::IAM::User
};

// What the merge pass needs to know about a converted resource. Kept beside
// the resources (not in them) so the resources themselves can become the
// inventory without being copied.
struct StageMeta {
  int64_t order = 0;  // AWS Config capture time (ms since epoch), for "latest wins"
  MergeRole role = MergeRole::kReplace;
  bool has_config = true;  // GCP: the line carried `resource` (not only a policy)
  uint32_t file = 0;       // index of the FileSummary it came from
};

// A converted resource plus its merge facts: what a converter hands to
// RecordContext::Add.
struct Staged {
  Resource resource;
  int64_t order = 0;
  MergeRole role = MergeRole::kReplace;
  bool has_config = true;
};

// What a detector sees of a file.
struct Probe {
  std::string_view file_name;
  // The file's first bytes (decompressed, BOM removed); may be cut short.
  std::string_view head;
  // The first record that parsed, or nullptr (not JSON, or nothing parsed).
  const Value* first = nullptr;
  // The envelope key the first record came from ("configurationItems", ...).
  std::string_view envelope_key;
  json::Layout layout = json::Layout::kUnknown;
};

// Receives what a converter produces from one record; one per worker batch.
class RecordContext {
 public:
  RecordContext(std::string_view file, uint32_t file_index, const json::JsonLimits& limits)
      : file_(file), file_index_(file_index), limits_(limits) {}

  void SetRecord(uint64_t index, uint64_t line) {
    record_ = index;
    line_ = line;
  }
  uint64_t record() const { return record_; }
  std::string_view file() const { return file_; }
  const json::JsonLimits& limits() const { return limits_; }

  // Adds a converted resource (source file/record are filled in here).
  void Add(Staged s);
  // Drops the current record as broken: a diagnostic plus a skip count.
  void Skip(std::string_view reason, std::string message);
  // Counts a record deliberately not turned into a resource (deleted, ...).
  void Note(std::string_view what) { ++notes_[std::string(what)]; }
  // A warning that does not drop the record.
  void Warn(std::string_view code, std::string message);

  // What Add() collected: resources[i] goes with metas[i].
  std::vector<Resource>& resources() { return resources_; }
  std::vector<StageMeta>& metas() { return metas_; }
  Diagnostics& diagnostics() { return diags_; }
  std::map<std::string, uint64_t>& skipped_by_reason() { return skipped_; }
  std::map<std::string, uint64_t>& notes() { return notes_; }

 private:
  std::string_view file_;
  uint32_t file_index_;
  const json::JsonLimits& limits_;
  uint64_t record_ = 0;
  uint64_t line_ = 0;
  std::vector<Resource> resources_;
  std::vector<StageMeta> metas_;
  Diagnostics diags_;
  std::map<std::string, uint64_t> skipped_;
  std::map<std::string, uint64_t> notes_;
};

struct Format {
  std::string_view name;
  std::string_view description;
  // 0 = not this format; higher = more certain (the best score wins).
  int (*detect)(const Probe& probe);
  // Converts one parsed JSON record (JSON formats).
  void (*convert)(const Value& record, RecordContext& ctx);
  // Converts the whole file's text (non-JSON formats such as CSV); may be null.
  void (*convert_text)(std::string_view text, RecordContext& ctx);
};

// The detection table, in priority order for equal scores.
std::span<const Format> Formats();
const Format* FindFormat(std::string_view name);

// Envelope keys every reader is opened with (the union over all formats).
const std::vector<std::string>& EnvelopeKeys();

// --- Rows of the table (one .cc file each) -------------------------------
int DetectAwsConfig(const Probe& p);
void ConvertAwsConfig(const Value& record, RecordContext& ctx);
int DetectGcpCai(const Probe& p);
void ConvertGcpCai(const Value& record, RecordContext& ctx);
int DetectAzureArg(const Probe& p);
void ConvertAzureArg(const Value& record, RecordContext& ctx);
int DetectCredentialReport(const Probe& p);
void ConvertCredentialReport(const Value& record, RecordContext& ctx);
void ConvertCredentialReportText(std::string_view text, RecordContext& ctx);
int DetectKumoJsonl(const Probe& p);
void ConvertKumoJsonl(const Value& record, RecordContext& ctx);

}  // namespace kumo::inventory

#endif  // KUMO_INVENTORY_FORMAT_H_
