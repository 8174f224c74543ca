// JSON text <-> Value, with exact numbers.
//
// ParseJson reads one JSON value (simdjson on-demand underneath) into a
// Value, keeping every number's exact text. WriteJson prints a Value as
// JSON: object keys in sorted order (Values keep them sorted), sets as
// arrays in Rego order, numbers with the text they were read with.
#ifndef KUMO_JSON_JSON_H_
#define KUMO_JSON_JSON_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"
#include "value/value.h"

namespace kumo::json {

// Bounds on everything an input controls.
struct JsonLimits {
  size_t max_depth = 512;                        // nesting of arrays/objects
  size_t max_record_bytes = 256u * 1024 * 1024;  // one value's text
};

// Parses exactly one JSON value (surrounding whitespace allowed). A UTF-8
// BOM is skipped. Errors name the byte offset and the reason.
Result<Value> ParseJson(std::string_view text, const JsonLimits& limits = {});
// As ParseJson, but reads `text` in place: `capacity` >= text.size() + 64
// bytes starting at text.data() must be readable (e.g. a RecordReader
// record, whose capacity is text.size() + kRecordPadding). No copy is made.
Result<Value> ParsePaddedJson(std::string_view text, size_t capacity,
                              const JsonLimits& limits = {});
// ParsePaddedJson reads records of up to 64 KiB whose numbers are all
// integers through simdjson's DOM tape (faster), and everything else
// on-demand. This is the on-demand path alone, for tests and fuzzers that
// check the two give the same Values and errors.
Result<Value> ParsePaddedJsonOnDemand(std::string_view text, size_t capacity,
                                      const JsonLimits& limits = {});

struct WriteOptions {
  bool pretty = false;  // newline + indent per level
  int indent = 2;
  // Escape '<', '>' and '&' as \u003c etc. (OPA does this; off by default).
  bool escape_html = false;
};

// Appends the JSON text of `v` to `out`.
void WriteJson(const Value& v, std::string* out, const WriteOptions& opts = {});
std::string ToJson(const Value& v, const WriteOptions& opts = {});
// Appends `s` as a JSON string literal (with quotes) to `out`.
void WriteJsonString(std::string_view s, std::string* out, bool escape_html = false);

}  // namespace kumo::json

#endif  // KUMO_JSON_JSON_H_
