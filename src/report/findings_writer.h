// Findings writers: the files `kumo scan --format ... --output-dir DIR` writes.
//
// Formats: json (one array), jsonl (one finding per line), csv (RFC 4180:
// CRLF line ends, fields quoted when they hold a comma, quote or line
// break), ocsf (an array of OCSF 1.4 Compliance Finding events, class_uid
// 2003, the way Prowler lays out its .ocsf.json), markdown (a report by
// product, then severity). Writers stream: Write() is called once per
// finding in scan order and only the markdown writer keeps findings (the
// non-PASS ones) until End(). Output is deterministic for a given input and
// context, so golden tests compare bytes.
#ifndef KUMO_REPORT_FINDINGS_WRITER_H_
#define KUMO_REPORT_FINDINGS_WRITER_H_

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/finding.h"
#include "value/value.h"

namespace kumo::report {

enum class Format { kJson, kJsonl, kCsv, kOcsf, kMarkdown };

// "json", "jsonl", "csv", "ocsf", "markdown" (also "md").
bool ParseFormat(std::string_view name, Format* out);
std::string_view FormatName(Format f);
// File name used in --output-dir: findings.json, .jsonl, .csv, .ocsf.json, report.md
std::string FormatFileName(Format f);

// A product's contacts, for the markdown report.
struct ProductInfo {
  std::string champion;
  std::string slack_channel;
  std::string jira_project;
};

// What every writer may need beyond the findings themselves.
struct ReportContext {
  std::string kumo_version;
  int64_t scan_time = 0;  // unix seconds (OCSF `time`, report header)
  std::map<std::string, ProductInfo> products;
};

class FindingsWriter {
 public:
  virtual ~FindingsWriter() = default;
  virtual void Begin() = 0;
  virtual void Write(const Finding& f) = 0;
  virtual void End() = 0;
};

// A writer for `format` onto `out` (which must outlive the writer).
std::unique_ptr<FindingsWriter> MakeWriter(Format format, std::ostream* out,
                                           const ReportContext& ctx);

// Renders all `findings` in `format` (tests, small outputs).
std::string Render(Format format, const std::vector<Finding>& findings, const ReportContext& ctx);

// The finding as kumo's JSON object (json and jsonl formats).
Value FindingToValue(const Finding& f);
// The finding as one OCSF Compliance Finding event.
Value FindingToOcsf(const Finding& f, const ReportContext& ctx);

// RFC 4180 field: quoted (with doubled quotes) when it holds , " CR or LF.
std::string CsvField(std::string_view s);

// Counts for the terminal summary: FAIL by product x severity, plus totals.
class Summary {
 public:
  void Add(const Finding& f);
  // A fixed-width table; ANSI colours when `color`.
  std::string Render(bool color) const;
  uint64_t pass() const { return pass_; }
  uint64_t fail() const { return fail_; }
  uint64_t muted() const { return muted_; }
  uint64_t error() const { return error_; }
  // Whether a FAIL of at least `min` severity was seen (--fail-on).
  bool HasFailAtLeast(Severity5 min) const;

 private:
  std::map<std::string, std::array<uint64_t, 5>> fail_by_product_;  // index = Severity5
  uint64_t pass_ = 0, fail_ = 0, muted_ = 0, error_ = 0;
  std::array<uint64_t, 5> fail_by_severity_{};
};

}  // namespace kumo::report

#endif  // KUMO_REPORT_FINDINGS_WRITER_H_
