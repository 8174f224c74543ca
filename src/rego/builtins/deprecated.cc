// Deprecated builtins, available in Rego v0 only: any, all, re_match,
// set_diff, net.cidr_overlap and cast_*. They behave as their modern
// equivalents (regex.match, minus on sets, net.cidr_contains).
#include "rego/builtins/a_regex_cache.h"
#include "rego/builtins/a_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

bool Any(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& c = args[0];
  if (!c.is_array() && !c.is_set()) return a::OperandTypeError(ctx, 1, c, {"array", "set"});
  bool r = false;
  for (const Value& v : c.items()) r = r || v.is_true();
  *out = Value::Bool(r);
  return true;
}

bool All(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& c = args[0];
  if (!c.is_array() && !c.is_set()) return a::OperandTypeError(ctx, 1, c, {"array", "set"});
  bool r = true;
  for (const Value& v : c.items()) r = r && v.is_true();
  *out = Value::Bool(r);
  return true;
}

bool ReMatch(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgString(ctx, args[0], 1) || !a::ArgString(ctx, args[1], 2)) return false;
  std::string err;
  auto re = a::CompileRegex(args[0].as_string(), &err);
  if (!re) return ctx.BuiltinError(std::move(err));
  *out = Value::Bool(re2::RE2::PartialMatch(args[1].as_string(), *re));
  return true;
}

bool SetDiff(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgSet(ctx, args[0], 1) || !a::ArgSet(ctx, args[1], 2)) return false;
  std::vector<Value> r;
  for (const Value& v : args[0].items()) {
    if (!args[1].Contains(v)) r.push_back(v);
  }
  *out = Value::Set(std::move(r));
  return true;
}

// net.cidr_overlap was renamed net.cidr_contains; reuse builtins-B's body.
bool CidrOverlap(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const BuiltinDef* def = BuiltinRegistry::Default().Find("net.cidr_contains");
  if (def == nullptr || def->fn == nullptr)
    return ctx.BuiltinError("net.cidr_contains is unavailable");
  return def->fn(ctx, args, out);
}

bool CastArray(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& v = args[0];
  if (v.is_array()) return *out = v, true;
  if (v.is_set()) {
    auto items = v.items();
    *out = Value::Array(std::vector<Value>(items.begin(), items.end()));
    return true;
  }
  return a::OperandTypeError(ctx, 1, v, {"array", "set"});
}

bool CastSet(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& v = args[0];
  if (v.is_set()) return *out = v, true;
  if (v.is_array()) {
    auto items = v.items();
    *out = Value::Set(std::vector<Value>(items.begin(), items.end()));
    return true;
  }
  return a::OperandTypeError(ctx, 1, v, {"array", "set"});
}

template <ValueKind kKind>
bool CastSame(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (args[0].kind() != kKind) return a::OperandTypeError(ctx, 1, args[0], {ValueKindName(kKind)});
  *out = args[0];
  return true;
}

}  // namespace

void RegisterDeprecatedBuiltins(BuiltinRegistry& r) {
  auto add = [&r](std::string name, std::string decl, int arity, BuiltinFn fn) {
    r.Add({.name = std::move(name),
           .decl = std::move(decl),
           .arity = arity,
           .fn = fn,
           .deprecated = true});
  };
  add("any", "(any<array[any], set[any]>) => boolean", 1, Any);
  add("all", "(any<array[any], set[any]>) => boolean", 1, All);
  add("re_match", "(string, string) => boolean", 2, ReMatch);
  add("set_diff", "(set[any], set[any]) => set[any]", 2, SetDiff);
  add("net.cidr_overlap", "(string, string) => boolean", 2, CidrOverlap);
  add("cast_array", "(any) => array[any]", 1, CastArray);
  add("cast_set", "(any) => set[any]", 1, CastSet);
  add("cast_string", "(any) => string", 1, CastSame<ValueKind::kString>);
  add("cast_boolean", "(any) => boolean", 1, CastSame<ValueKind::kBool>);
  add("cast_null", "(any) => null", 1, CastSame<ValueKind::kNull>);
  add("cast_object", "(any) => object[any: any]", 1, CastSame<ValueKind::kObject>);
}

}  // namespace kumo::rego
