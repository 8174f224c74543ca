// Fuzzes the event readers: envelope/shape detection, base64 Pub/Sub data,
// lookup-events strings and every field extractor on arbitrary records.
// It also reads the input as JSON Lines twice, with and without the line
// fast path, and traps when the two disagree on events or diagnostics.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "detect/event_reader.h"
#include "detect/fields.h"
#include "detect/output.h"

namespace {

// Events and diagnostics of one read, as comparable text.
std::vector<std::string> Trace(std::string_view bytes, bool fast) {
  std::vector<std::string> out;
  kumo::detect::EventReaderOptions o;
  o.line_fast_path = fast;
  o.on_diagnostic = [&](const kumo::Diagnostic& d) {
    out.push_back(d.code + ":" + std::to_string(d.where.line) + ":" +
                  std::to_string(d.where.record) + ":" + d.message);
  };
  auto r = kumo::detect::EventReader::FromBuffer("fuzz.jsonl", bytes, o);
  if (!r.ok()) return {"open failed"};
  kumo::detect::EvalContext ctx;
  kumo::detect::Event ev;
  while ((*r)->Next(ctx, &ev)) {
    out.push_back("event:" + std::to_string(static_cast<int>(ev.source)) + ":" +
                  (ev.time_from_record ? std::to_string(ev.time_ns) : "now"));
  }
  out.push_back("records:" + std::to_string((*r)->stats().records));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto r = kumo::detect::EventReader::FromBuffer("fuzz", bytes, {});
  if (r.ok()) {
    kumo::detect::EvalContext ctx;
    ctx.ResizeCache(1);
    kumo::detect::Event ev;
    kumo::detect::FieldValues v;
    int n = 0;
    while ((*r)->Next(ctx, &ev) && n++ < 64) {
      ctx.BeginEvent(&ev);
      for (const auto& f : kumo::detect::SourceFields(ev.source)) {
        v.clear();
        f.extract(ctx, f.arg == kumo::detect::ArgKind::kIndex ? "1" : "", &v);
      }
      for (const auto& f : kumo::detect::CommonFields()) {
        v.clear();
        f.extract(ctx, f.arg == kumo::detect::ArgKind::kKey ? "/a/0" : "", &v);
      }
    }
  }
  if (Trace(bytes, true) != Trace(bytes, false)) std::abort();
  return 0;
}
