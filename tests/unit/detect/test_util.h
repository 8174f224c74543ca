// Helpers for detection tests: compile a condition for a source and
// evaluate it on a JSON event.
#ifndef KUMO_TESTS_UNIT_DETECT_TEST_UTIL_H_
#define KUMO_TESTS_UNIT_DETECT_TEST_UTIL_H_

#include <memory>
#include <string>

#include "detect/event.h"
#include "detect/fields.h"
#include "detect/filter.h"
#include "detect/output.h"

namespace kumo::detect::testing {

// One parsed event plus the context to evaluate against it.
class TestEvent {
 public:
  TestEvent(Source src, const std::string& json, bool azure_rest = false) {
    text_ = json;
    auto err = parser_.parse(text_).get(ev_.root);
    ok_ = err == simdjson::SUCCESS;
    ev_.source = src;
    ev_.azure_rest = azure_rest;
    ev_.num = 7;
    ParseRfc3339("2025-01-02T03:04:05.123456789Z", &ev_.time_ns);
    ev_.first_time_ns = ev_.time_ns - 1500000000;
    ev_.hostname = "host1";
    ctx_.ResizeCache(1024);
    ctx_.BeginEvent(&ev_);
  }
  bool ok() const { return ok_; }
  EvalContext& ctx() {
    ctx_.BeginEvent(&ev_);
    return ctx_;
  }
  const Event& event() const { return ev_; }

 private:
  std::string text_;
  simdjson::dom::parser parser_;
  Event ev_;
  EvalContext ctx_;
  bool ok_ = false;
};

// Compiles `cond` for `src` (no macros). Returns the error message or "".
inline std::string Compile(Source src, const std::string& cond, std::unique_ptr<Filter>* out,
                           SlotTable* slots) {
  auto ast = ParseCondition(cond);
  if (!ast.ok()) return "parse: " + ast.status().message();
  CompileOptions o;
  o.source = src;
  o.slots = slots;
  CompileError err;
  if (!CompileFilter(**ast, o, out, &err)) return err.message;
  return "";
}

// Evaluates `cond` on `ev`: "true", "false" or "error: ...".
inline std::string Eval(TestEvent& ev, const std::string& cond) {
  SlotTable slots;
  std::unique_ptr<Filter> f;
  std::string e = Compile(ev.event().source, cond, &f, &slots);
  if (!e.empty()) return "error: " + e;
  return f->Eval(ev.ctx()) ? "true" : "false";
}

// The value of one field as output text ("<NA>" when absent).
inline std::string Field(TestEvent& ev, const std::string& tmpl) {
  SlotTable slots;
  CompileOptions o;
  o.source = ev.event().source;
  o.slots = &slots;
  OutputTemplate t;
  CompileError err;
  if (!OutputTemplate::Compile(tmpl, o, &t, &err)) return "error: " + err.message;
  std::string out;
  t.Render(ev.ctx(), &out);
  return out;
}

}  // namespace kumo::detect::testing

#endif  // KUMO_TESTS_UNIT_DETECT_TEST_UTIL_H_
