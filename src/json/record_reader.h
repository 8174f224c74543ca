// RecordReader: streams JSON records out of files of any common layout.
//
// Inputs come as one JSON document, JSON Lines, a top-level array, several
// concatenated values, or an envelope object that wraps the records in an
// array under a known key ({"Records": [...]}, {"value": [...]}, ...). The
// reader finds record boundaries with a byte-level scanner (strings,
// escapes and nesting tracked) over a fixed-size window, so memory depends
// on the largest record, never on the file's size: a 5 GB file streams.
//
// `.gz` files are decompressed on the fly (zlib). A UTF-8 BOM is skipped.
// UTF-16 input (BOM or NUL-interleaved ASCII) is rejected with a clear
// error. A malformed record is reported as a Diagnostic (file, record
// number, line, reason) and skipped; reading goes on with the next one.
//
// Each record's text is followed in memory by at least kRecordPadding
// readable bytes, so it can be handed to simdjson without a copy
// (simdjson::padded_string_view(rec.text.data(), rec.text.size(),
//  rec.text.size() + kRecordPadding)).
#ifndef KUMO_JSON_RECORD_READER_H_
#define KUMO_JSON_RECORD_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostic.h"
#include "common/status.h"
#include "json/json.h"

namespace kumo::json {

inline constexpr size_t kRecordPadding = 64;

// How the file's top level was laid out (reported in run summaries).
enum class Layout {
  kUnknown,
  kSingle,        // exactly one value that is not an array/envelope
  kLines,         // JSON Lines (one value per line)
  kConcatenated,  // several values not one per line
  kArray,         // a top-level array whose elements are the records
  kEnvelope,      // an object with the records in an array under a key
};
std::string_view LayoutName(Layout l);

struct RecordReaderOptions {
  JsonLimits limits;
  // A top-level array yields its elements as records (otherwise the array
  // is one record).
  bool unwrap_array = true;
  // A top-level object whose member with one of these names is an array
  // yields that array's elements as records (Record::envelope_key says
  // which key). Other members of the envelope are skipped. Only top-level
  // objects (one per line in JSON Lines) are looked at.
  std::vector<std::string> envelope_keys;
  // Treat the input as JSON Lines from its first line, so a malformed first
  // line cannot swallow the next ones. Implied by names ending in .jsonl or
  // .ndjson (optionally .gz); otherwise JSON Lines is recognised when the
  // first value fits on one line and the second starts on a later line.
  bool json_lines = false;
  // Read window; grows up to limits.max_record_bytes for one large record.
  size_t chunk_bytes = 1u << 20;
};

struct Record {
  std::string_view text;          // the record's JSON text (padded, see above)
  uint64_t index = 0;             // 1-based record number in the file
  uint64_t line = 0;              // 1-based line where the record starts
  std::string_view envelope_key;  // which envelope key it came from, if any
};

class RecordReader {
 public:
  // Opens `path` ("-" is standard input). Fails when the file cannot be
  // opened or is UTF-16.
  static Result<std::unique_ptr<RecordReader>> Open(const std::string& path,
                                                    RecordReaderOptions options = {});
  // Reads from memory (tests, fuzzing, HTTP bodies). `name` is used in
  // diagnostics. The bytes are copied.
  static Result<std::unique_ptr<RecordReader>> FromBuffer(std::string name, std::string_view bytes,
                                                          RecordReaderOptions options = {});
  virtual ~RecordReader() = default;

  // The next record, or false at the end of input. Records that cannot be
  // delimited (unterminated, too deep, too large) become diagnostics and
  // are skipped. The record's text stays valid until the next call.
  virtual bool Next(Record* out) = 0;

  // Problems found so far (each names file, record and reason).
  virtual const Diagnostics& diagnostics() const = 0;
  virtual Layout layout() const = 0;
  virtual const std::string& name() const = 0;
  // Bytes of JSON text read so far (after decompression).
  virtual uint64_t bytes_read() const = 0;
  // Largest size the read window has reached (memory bound checks).
  virtual size_t max_buffer_bytes() const = 0;
};

// Reads every record of `path` and parses it into a Value; malformed
// records are added to `diags` and skipped. For small files and tests.
Result<std::vector<Value>> ReadAllRecords(const std::string& path, Diagnostics* diags,
                                          RecordReaderOptions options = {});

}  // namespace kumo::json

#endif  // KUMO_JSON_RECORD_READER_H_
