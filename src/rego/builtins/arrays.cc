// Array builtins: array.concat, array.slice, array.reverse, array.flatten.
#include "rego/builtins/a_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

using a::ArgArray;

bool Concat(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgArray(ctx, args[0], 1) || !ArgArray(ctx, args[1], 2)) return false;
  auto xs = args[0].items();
  auto ys = args[1].items();
  if (ys.empty()) return *out = args[0], true;
  if (xs.empty()) return *out = args[1], true;
  std::vector<Value> v;
  v.reserve(xs.size() + ys.size());
  v.insert(v.end(), xs.begin(), xs.end());
  v.insert(v.end(), ys.begin(), ys.end());
  *out = Value::Array(std::move(v));
  return true;
}

bool Slice(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  int64_t start, stop;
  if (!ArgArray(ctx, args[0], 1) || !a::ArgInt(ctx, args[1], 2, &start) ||
      !a::ArgInt(ctx, args[2], 3, &stop)) {
    return false;
  }
  auto xs = args[0].items();
  int64_t n = static_cast<int64_t>(xs.size());
  if (start < 0) start = 0;
  if (stop > n) stop = n;
  if (start >= stop) return *out = Value::EmptyArray(), true;
  if (start == 0 && stop == n) return *out = args[0], true;
  *out = Value::Array(std::vector<Value>(xs.begin() + start, xs.begin() + stop));
  return true;
}

bool Reverse(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgArray(ctx, args[0], 1)) return false;
  auto xs = args[0].items();
  *out = Value::Array(std::vector<Value>(xs.rbegin(), xs.rend()));
  return true;
}

bool Flatten(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgArray(ctx, args[0], 1)) return false;
  std::vector<Value> v;
  for (const Value& x : args[0].items()) {
    if (x.is_array()) {
      auto in = x.items();
      v.insert(v.end(), in.begin(), in.end());
    } else {
      v.push_back(x);
    }
  }
  *out = Value::Array(std::move(v));
  return true;
}

}  // namespace

void RegisterArraysBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "array.concat",
         .decl = "(array[any], array[any]) => array[any]",
         .arity = 2,
         .fn = Concat});
  r.Add({.name = "array.slice",
         .decl = "(array[any], number, number) => array[any]",
         .arity = 3,
         .fn = Slice});
  r.Add({.name = "array.reverse", .decl = "(array[any]) => array[any]", .arity = 1, .fn = Reverse});
  r.Add({.name = "array.flatten", .decl = "(array[any]) => array[any]", .arity = 1, .fn = Flatten});
}

}  // namespace kumo::rego
