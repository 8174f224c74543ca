// libFuzzer target: arbitrary bytes through the inventory loaders (format
// detection, every converter, the merge pass). The first byte picks the file
// name (and so the JSON Lines / CSV / gzip handling) and a forced format.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "inventory/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* kNames[] = {"in.json", "in.jsonl", "in.csv", "in.json.gz"};
  static const char* kFormats[] = {
      "",          "", "", "", "aws-config", "gcp-cai", "azure-arg", "aws-iam-credential-report",
      "kumo-jsonl"};
  uint8_t sel = data[0];
  kumo::inventory::LoadOptions opts;
  opts.threads = 1;
  opts.limits.max_depth = 64;
  opts.limits.max_record_bytes = 1 << 20;
  opts.format = kFormats[(sel >> 2) % (sizeof(kFormats) / sizeof(kFormats[0]))];
  opts.merge = (sel & 0x80) == 0;
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  auto inv = kumo::inventory::LoadInventoryBuffer(kNames[sel & 3], bytes, opts);
  if (inv.ok()) {
    for (const auto& r : inv->resources) {
      std::string line = kumo::inventory::ResourceToJsonLine(r);
      if (line.empty()) __builtin_trap();
    }
  }
  return 0;
}
