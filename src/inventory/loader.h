// Inventory loaders: cloud inventory exports in, normalized Resources out.
//
// LoadInventory() takes files, directories (walked recursively) and `.gz`
// files, detects each file's format from its first record (and, for CSV,
// its first bytes), and converts every record into kumo Resources that keep
// the provider's native body (see docs/inventory.md for each format's
// normalisation):
//
//   aws-config            AWS Config snapshot/history files, API responses
//                         (BatchGetResourceConfig, GetResourceConfigHistory),
//                         change notifications, advanced-query `Results`
//   gcp-cai               Cloud Asset Inventory export lines (snake_case) and
//                         REST/gcloud output (camelCase), search-all-resources
//                         and search-all-iam-policies results
//   azure-arg             Resource Graph results (objectArray and table form,
//                         `az graph query` and REST), ARM `value` lists and
//                         `az ... list` arrays (ARM raw and CLI-flattened)
//   aws-iam-credential-report   the CSV, or get-credential-report's JSON
//   kumo-jsonl            kumo's own normalized JSON Lines
//
// Records stream through json::RecordReader, so a large export never sits in
// memory as text; parsing and conversion run on `threads` workers. A broken
// record is reported (file, record, line, reason), counted in its file's
// summary and skipped; the rest of the run goes on.
//
// After all files are read, records that describe the same resource are
// combined: GCP resource and IAM-policy lines by name, AWS Config items by
// ARN (the latest capture wins, a deleted latest item drops the resource),
// credential-report rows into the IAM users they describe.
#ifndef KUMO_INVENTORY_LOADER_H_
#define KUMO_INVENTORY_LOADER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostic.h"
#include "common/status.h"
#include "json/json.h"
#include "model/resource.h"

namespace kumo::inventory {

struct LoadOptions {
  // Worker threads that parse and convert records (1 = all on the caller's
  // thread). Files are read in order by the calling thread.
  int threads = 2;
  // Use this format for every file instead of detecting it (a name from
  // FormatNames()); empty = detect per file.
  std::string format;
  // Bounds on each record (nesting depth, bytes).
  json::JsonLimits limits;
  // Combine records of the same resource across files (see above). Off
  // keeps every record as its own Resource, in input order.
  bool merge = true;
};

// What happened to one input file: the line it gets in the run summary.
struct FileSummary {
  std::string path;
  std::string format;      // detected (or forced) format, "unknown" when none fit
  std::string layout;      // json::LayoutName of the file, or "csv"
  uint64_t records = 0;    // records read
  uint64_t resources = 0;  // resources produced (before merging)
  std::map<std::string, uint64_t> resources_by_type;
  uint64_t skipped = 0;  // records dropped because they were broken
  std::map<std::string, uint64_t> skipped_by_reason;
  // Records deliberately not turned into resources (deleted or
  // not-recorded items, superseded AWS Config items, merged lines).
  std::map<std::string, uint64_t> notes;

  // One line: "path: format (layout), N records, M resources
  // [type=count ...], K skipped [reason=count ...]".
  std::string ToString() const;
};

struct Inventory {
  std::vector<Resource> resources;
  std::vector<FileSummary> files;
  Diagnostics diagnostics;

  // Records skipped across all files (the CLI exits 2 when non-zero).
  uint64_t skipped() const;
};

// Loads every path (file, directory, `.gz`, or "-" for standard input).
// Fails only on unusable options (e.g. an unknown forced format); problems
// with the inputs themselves are diagnostics and summary entries.
[[nodiscard]] Result<Inventory> LoadInventory(const std::vector<std::string>& paths,
                                              const LoadOptions& options = {});

// Loads one in-memory file (tests, fuzzing, HTTP uploads); `name` stands for
// the file name in summaries and diagnostics (a `.gz` name means gzip).
[[nodiscard]] Result<Inventory> LoadInventoryBuffer(std::string name, std::string_view bytes,
                                                    const LoadOptions& options = {});

// Names of the supported formats, in detection-table order.
std::vector<std::string> FormatNames();

// The kumo JSONL line of a Resource (Resource::ToValue(), compact, no newline).
std::string ResourceToJsonLine(const Resource& r);
// Reads a Resource back from its ToValue() form. Errors name the bad key.
[[nodiscard]] Result<Resource> ResourceFromValue(const Value& v);

}  // namespace kumo::inventory

#endif  // KUMO_INVENTORY_LOADER_H_
