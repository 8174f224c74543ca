// Fuzzes evaluation: the input is split into a module body and an input
// term; the module is wrapped into `package f` and, if it compiles, every
// rule is evaluated under small step/time budgets. Must never crash or hang.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "rego/rego.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16 * 1024) return 0;
  std::string all(reinterpret_cast<const char*>(data), size);
  size_t sep = all.find('\x01');
  std::string body = all.substr(0, sep);
  std::string input_text = sep == std::string::npos ? "{}" : all.substr(sep + 1);
  auto prog = kumo::rego::Compile({{"f.rego", "package f\n" + body}});
  if (!prog.ok()) return 0;
  auto input = kumo::rego::ParseTerm(input_text);
  kumo::Value in = input.ok() ? *input.value : kumo::Value();
  kumo::rego::EvalOptions opts;
  opts.max_steps = 20000;
  opts.timeout = std::chrono::milliseconds(200);
  opts.max_depth = 64;
  opts.print = [](std::string_view) {};
  for (const auto& rule : (*prog.value)->rules("data.f")) {
    auto q = (*prog.value)->Prepare("data.f." + rule);
    if (!q.ok()) continue;
    auto r = (*q.value)->Eval(in, opts);
    (void)r;
  }
  return 0;
}
