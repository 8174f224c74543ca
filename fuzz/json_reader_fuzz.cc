// Fuzzes the JSON core: RecordReader boundary scanning (all layouts,
// envelopes, small windows), ParseJson, and the WriteJson round trip
// (writing a parsed value and parsing it again must give an equal value),
// and that the DOM fast path of ParsePaddedJson gives exactly what the
// on-demand path gives (same Value and JSON text, or the same error).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "json/json.h"
#include "json/record_reader.h"

namespace {

void RoundTrip(const kumo::Value& v) {
  for (bool pretty : {false, true}) {
    kumo::json::WriteOptions opts;
    opts.pretty = pretty;
    std::string text = kumo::json::ToJson(v, opts);
    auto again = kumo::json::ParseJson(text);
    if (!again.ok() || !(*again == v)) std::abort();
  }
}

// ParsePaddedJson (DOM fast path when it applies) against the on-demand
// path alone on the same padded text.
void SamePaths(std::string_view text, const kumo::json::JsonLimits& limits) {
  std::string padded(text);
  padded.append(kumo::json::kRecordPadding, '\0');
  std::string_view t(padded.data(), text.size());
  auto fast = kumo::json::ParsePaddedJson(t, padded.size(), limits);
  auto slow = kumo::json::ParsePaddedJsonOnDemand(t, padded.size(), limits);
  if (fast.ok() != slow.ok()) std::abort();
  if (!fast.ok()) {
    if (fast.status().message() != slow.status().message()) std::abort();
    return;
  }
  if (!(*fast == *slow) || kumo::json::ToJson(*fast) != kumo::json::ToJson(*slow)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  // 1. The whole input as one JSON value.
  auto v = kumo::json::ParseJson(bytes);
  if (v.ok()) RoundTrip(*v);
  SamePaths(bytes, {});
  SamePaths(bytes, {.max_depth = 3, .max_record_bytes = 1u << 20});

  // 2. Records, with a small window so refills and growth are exercised.
  kumo::json::RecordReaderOptions opts;
  opts.envelope_keys = {"Records", "value", "configurationItems"};
  opts.unwrap_array = size % 2 == 0;
  opts.chunk_bytes = 4096;
  opts.limits.max_record_bytes = 16 * 1024;
  opts.limits.max_depth = 64;
  auto reader =
      kumo::json::RecordReader::FromBuffer(size % 3 == 0 ? "f.jsonl" : "f.json", bytes, opts);
  if (!reader.ok()) return 0;
  kumo::json::Record rec;
  uint64_t last_index = 0;
  while ((*reader)->Next(&rec)) {
    if (rec.index <= last_index || rec.line == 0) std::abort();
    last_index = rec.index;
    // Touch the promised padding.
    volatile char pad = rec.text.data()[rec.text.size() + kumo::json::kRecordPadding - 1];
    (void)pad;
    auto r = kumo::json::ParsePaddedJson(rec.text, rec.text.size() + kumo::json::kRecordPadding,
                                         opts.limits);
    if (r.ok()) RoundTrip(*r);
  }
  if ((*reader)->bytes_read() > size) std::abort();
  return 0;
}
