// Fuzzes the event readers: envelope/shape detection, base64 Pub/Sub data,
// lookup-events strings and every field extractor on arbitrary records.
#include <cstddef>
#include <cstdint>
#include <string>

#include "detect/event_reader.h"
#include "detect/fields.h"
#include "detect/output.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto r = kumo::detect::EventReader::FromBuffer(
      "fuzz", std::string_view(reinterpret_cast<const char*>(data), size), {});
  if (!r.ok()) return 0;
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
  return 0;
}
