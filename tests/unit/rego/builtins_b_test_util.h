// Helpers for the builtins-B unit tests: call one builtin body directly.
#ifndef KUMO_TESTS_UNIT_REGO_BUILTINS_B_TEST_UTIL_H_
#define KUMO_TESTS_UNIT_REGO_BUILTINS_B_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "json/json.h"
#include "rego/builtins/builtin.h"

namespace kumo {
// gtest prints Values as JSON in failure messages.
inline void PrintTo(const Value& v, std::ostream* os) { *os << json::ToJson(v); }
}  // namespace kumo

namespace kumo::rego::btest {

// The outcome of one call: defined value, or the error recorded.
struct Call {
  bool defined = false;
  Value value;
  std::string code;
  std::string message;
};

inline Call Invoke(const BuiltinRegistry& r, std::string_view name, std::vector<Value> args,
                   int64_t now_ns = 0) {
  Call c;
  const BuiltinDef* def = r.Find(name);
  if (def == nullptr || def->fn == nullptr) {
    ADD_FAILURE() << "builtin not registered: " << name;
    return c;
  }
  EXPECT_TRUE(def->arity < 0 || static_cast<size_t>(def->arity) == args.size()) << name;
  BuiltinContext ctx;
  ctx.strict_errors = true;
  ctx.now_ns = now_ns;
  c.defined = def->fn(ctx, args, &c.value);
  c.code = ctx.error_code;
  c.message = ctx.error_message;
  return c;
}

inline Value S(std::string_view s) { return Value::String(s); }
inline Value I(int64_t i) { return Value::Int(i); }
inline Value N(std::string_view text) { return Value::Number(text); }

}  // namespace kumo::rego::btest

#endif  // KUMO_TESTS_UNIT_REGO_BUILTINS_B_TEST_UTIL_H_
