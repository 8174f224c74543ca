// Fuzzes the Falco condition parser, list expansion and the compiler for
// every source: no input may crash, hang or exceed the depth bound.
#include <cstddef>
#include <cstdint>
#include <string>

#include "detect/condition.h"
#include "detect/filter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::pair<std::string, std::vector<std::string>>> lists = {{"my_list", {"a", "b c"}},
                                                                         {"empty", {}}};
  std::string expanded = kumo::detect::ExpandLists(text, lists, nullptr);
  auto ast = kumo::detect::ParseCondition(expanded);
  if (!ast.ok()) return 0;
  for (int s = 0; s < kumo::detect::kSourceCount; ++s) {
    kumo::detect::SlotTable slots;
    kumo::detect::CompileOptions o;
    o.source = static_cast<kumo::detect::Source>(s);
    o.slots = &slots;
    std::unique_ptr<kumo::detect::Filter> f;
    kumo::detect::CompileError err;
    if (kumo::detect::CompileFilter(**ast, o, &f, &err)) {
      simdjson::dom::parser p;
      kumo::detect::Event ev;
      ev.source = o.source;
      if (p.parse(std::string(R"({"eventName":"x","userIdentity":{"type":"Root"}})"))
              .get(ev.root) == simdjson::SUCCESS) {
        kumo::detect::EvalContext ctx;
        ctx.ResizeCache(slots.size());
        ctx.BeginEvent(&ev);
        (void)f->Eval(ctx);
      }
    }
  }
  return 0;
}
