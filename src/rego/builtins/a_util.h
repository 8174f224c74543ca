// Helpers shared by the builtins-A bodies (numbers, strings, objects, ...):
// OPA's operand error texts, typed argument checks, UTF-8 rune handling and
// printing a Value in Rego term syntax (what sprintf's %v and error messages
// show for composites).
//
// Error texts follow OPA's topdown/builtins package: the body records
// "operand 2 must be one of {object, set, array} but got string" and the
// evaluator prefixes the builtin name ("object.remove: ...").
#ifndef KUMO_REGO_BUILTINS_A_UTIL_H_
#define KUMO_REGO_BUILTINS_A_UTIL_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "rego/builtins/builtin.h"
#include "value/value.h"

namespace kumo::rego::a {

// "operand <pos> must be <expected> but got <kind>" (one of {...} when several).
bool OperandTypeError(BuiltinContext& ctx, int pos, const Value& got,
                      std::initializer_list<std::string_view> expected);
// "operand <pos> <what>" as a type error.
bool OperandError(BuiltinContext& ctx, int pos, std::string_view what);
// "operand <pos> must be <kind> of <expected>s but got <kind> containing <elem kind>".
bool OperandElementError(BuiltinContext& ctx, int pos, const Value& composite, const Value& elem,
                         std::string_view expected);

// Typed argument checks: true when `v` has the kind, else a type error.
inline bool ArgString(BuiltinContext& ctx, const Value& v, int pos) {
  return v.is_string() || OperandTypeError(ctx, pos, v, {"string"});
}
inline bool ArgNumber(BuiltinContext& ctx, const Value& v, int pos) {
  return v.is_number() || OperandTypeError(ctx, pos, v, {"number"});
}
inline bool ArgArray(BuiltinContext& ctx, const Value& v, int pos) {
  return v.is_array() || OperandTypeError(ctx, pos, v, {"array"});
}
inline bool ArgObject(BuiltinContext& ctx, const Value& v, int pos) {
  return v.is_object() || OperandTypeError(ctx, pos, v, {"object"});
}
inline bool ArgSet(BuiltinContext& ctx, const Value& v, int pos) {
  return v.is_set() || OperandTypeError(ctx, pos, v, {"set"});
}
inline bool ArgBool(BuiltinContext& ctx, const Value& v, int pos) {
  return v.is_bool() || OperandTypeError(ctx, pos, v, {"boolean"});
}
// A number that is an integer fitting int64; OPA's IntOperand texts.
bool ArgInt(BuiltinContext& ctx, const Value& v, int pos, int64_t* out);

// --- UTF-8 -------------------------------------------------------------------
// Decodes one rune at s[*i], advancing *i; invalid bytes decode as U+FFFD
// (one byte consumed), as Go's range over a string does.
char32_t DecodeRune(std::string_view s, size_t* i);
void AppendRune(char32_t r, std::string* out);
// Number of runes (Go's utf8.RuneCountInString).
size_t RuneCount(std::string_view s);
bool IsValidUtf8(std::string_view s);

// --- Printing ----------------------------------------------------------------
// How AppendRegoTerm quotes strings: appends the literal for `s` to `out`.
using StringQuoter = void (*)(std::string_view s, std::string* out);
void AppendGoQuoted(std::string_view s, std::string* out);

// Appends `v` in Rego term syntax as OPA prints it: strings quoted (Go %q by
// default), sets as {1, 2} or set(), objects as {"a": 1}.
void AppendRegoTerm(const Value& v, std::string* out, StringQuoter quote = AppendGoQuoted);
std::string RegoTerm(const Value& v);

// A cache key for nondeterministic builtins: name plus the args' Rego text.
std::string NdKey(std::string_view name, std::span<const Value> args);

}  // namespace kumo::rego::a

#endif  // KUMO_REGO_BUILTINS_A_UTIL_H_
