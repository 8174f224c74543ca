// Fuzzes the rules loader (YAML reader, collector, compiler): any bytes
// must yield diagnostics, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "detect/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kumo::detect::RulesLoader loader;
  loader.AddText("fuzz.yaml", std::string_view(reinterpret_cast<const char*>(data), size));
  (void)loader.Compile();
  return 0;
}
