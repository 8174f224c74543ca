// Helpers for the builtins-A unit tests: a registry with the builtins-A
// categories, and one-line calls of a builtin body on JSON-written args.
#ifndef KUMO_TESTS_UNIT_REGO_BUILTINS_A_TEST_UTIL_H_
#define KUMO_TESTS_UNIT_REGO_BUILTINS_A_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "json/json.h"
#include "rego/builtins/builtin.h"
#include "rego/builtins/categories.h"

namespace kumo::rego::atest {

inline const BuiltinRegistry& Registry() {
  static const BuiltinRegistry r = [] {
    BuiltinRegistry reg;
    RegisterNumbersBuiltins(reg);
    RegisterAggregatesBuiltins(reg);
    RegisterSetsBuiltins(reg);
    RegisterArraysBuiltins(reg);
    RegisterObjectsBuiltins(reg);
    RegisterStringsBuiltins(reg);
    RegisterRegexBuiltins(reg);
    RegisterGlobBuiltins(reg);
    RegisterEncodingBuiltins(reg);
    RegisterJsonBuiltins(reg);
    RegisterTypesBuiltins(reg);
    RegisterUnitsBuiltins(reg);
    RegisterSemverBuiltins(reg);
    RegisterUuidBuiltins(reg);
    RegisterUriBuiltins(reg);
    RegisterDeprecatedBuiltins(reg);
    return reg;
  }();
  return r;
}

// The outcome of one call: defined value, or the error recorded.
struct Call {
  bool defined = false;
  Value value;
  std::string code;
  std::string message;
  // JSON text of the value ("" when undefined).
  std::string json() const { return defined ? json::ToJson(value) : ""; }
};

inline Call Invoke(std::string_view name, std::vector<Value> args,
                   std::unordered_map<std::string, Value>* nd_cache = nullptr) {
  Call c;
  const BuiltinDef* def = Registry().Find(name);
  if (def == nullptr || def->fn == nullptr) {
    ADD_FAILURE() << "builtin not registered: " << name;
    return c;
  }
  EXPECT_TRUE(def->arity < 0 || static_cast<size_t>(def->arity) == args.size()) << name;
  BuiltinContext ctx;
  ctx.strict_errors = true;
  ctx.nd_cache = nd_cache;
  c.defined = def->fn(ctx, args, &c.value);
  c.code = ctx.error_code;
  c.message = ctx.error_message;
  return c;
}

// A Value from JSON text (numbers keep their text).
inline Value J(std::string_view json_text) {
  auto r = json::ParseJson(json_text);
  EXPECT_TRUE(r.ok()) << json_text << ": " << r.status().ToString();
  return r.ok() ? *r : Value();
}
inline Value S(std::string_view s) { return Value::String(s); }
inline Value I(int64_t i) { return Value::Int(i); }
inline Value N(std::string_view text) { return Value::Number(text); }
inline Value SetOf(std::vector<Value> v) { return Value::Set(std::move(v)); }

// JSON of the result of name(args...), or "error:<code>:<message>", or
// "undefined".
inline std::string Eval(std::string_view name, std::vector<Value> args) {
  Call c = Invoke(name, std::move(args));
  if (c.defined) return c.json();
  if (!c.code.empty()) return "error:" + c.code + ":" + c.message;
  return "undefined";
}

}  // namespace kumo::rego::atest

#endif  // KUMO_TESTS_UNIT_REGO_BUILTINS_A_TEST_UTIL_H_
