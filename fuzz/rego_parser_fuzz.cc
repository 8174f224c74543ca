// Fuzzes the Rego lexer, parser and compiler with arbitrary module text
// (both dialects). Any input must give a module or clean errors.
#include <cstddef>
#include <cstdint>
#include <string>

#include "rego/rego.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > 64 * 1024) return 0;
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  kumo::rego::ModuleSource m{
      "fuzz.rego", text,
      (data[0] & 1) ? kumo::rego::RegoVersion::kV0 : kumo::rego::RegoVersion::kV1};
  kumo::rego::CompileOptions opts;
  opts.experimental_keywords = (data[0] & 2) != 0;
  auto prog = kumo::rego::Compile({m}, opts);
  (void)prog;
  auto term = kumo::rego::ParseTerm(text);
  (void)term;
  return 0;
}
