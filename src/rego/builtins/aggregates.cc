// Aggregates builtins: count, sum, product, max, min, sort. count runs on
// almost every resource, so it touches no allocation.
#include "rego/builtins/a_number.h"
#include "rego/builtins/a_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

using a::OperandElementError;
using a::OperandTypeError;

bool Count(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& v = args[0];
  switch (v.kind()) {
    case ValueKind::kArray:
    case ValueKind::kObject:
    case ValueKind::kSet: *out = Value::Int(static_cast<int64_t>(v.size())); return true;
    case ValueKind::kString:
      *out = Value::Int(static_cast<int64_t>(a::RuneCount(v.as_string())));
      return true;
    default: return OperandTypeError(ctx, 1, v, {"array", "object", "set", "string"});
  }
}

template <bool kProduct>
bool Fold(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& c = args[0];
  if (!c.is_array() && !c.is_set()) return OperandTypeError(ctx, 1, c, {"set", "array"});
  auto items = c.items();
  // Fast path: machine integers without overflow.
  int64_t acc = kProduct ? 1 : 0;
  bool small = true;
  for (const Value& x : items) {
    if (!x.is_number() || x.node_identity() != nullptr) {
      small = false;
      break;
    }
    bool overflow = kProduct ? __builtin_mul_overflow(acc, x.as_int64(), &acc)
                             : __builtin_add_overflow(acc, x.as_int64(), &acc);
    if (overflow) {
      small = false;
      break;
    }
  }
  if (small) {
    *out = Value::Int(acc);
    return true;
  }
  // Exact integers of any size.
  a::BigInt total(kProduct ? 1 : 0), x;
  bool exact = true;
  for (const Value& v : items) {
    if (!a::NumberToBigInt(v, &x)) {
      exact = false;
      break;
    }
    if (kProduct) {
      mpz_mul(total.get(), total.get(), x.get());
    } else {
      mpz_add(total.get(), total.get(), x.get());
    }
  }
  if (exact) {
    *out = a::BigIntToNumber(total);
    return true;
  }
  for (const Value& v : items) {
    if (!v.is_number()) return OperandElementError(ctx, 1, c, v, "number");
  }
  if (!a::FoldNumbers(items, kProduct, out)) return ctx.BuiltinError("number too large");
  return true;
}

bool Max(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& c = args[0];
  if (!c.is_array() && !c.is_set()) return OperandTypeError(ctx, 1, c, {"set", "array"});
  auto items = c.items();
  if (items.empty()) return false;
  if (c.is_set()) {
    *out = items.back();
    return true;
  }
  const Value* best = &items[0];
  for (const Value& v : items) {
    if (Compare(*best, v) <= 0) best = &v;
  }
  *out = *best;
  return true;
}

bool Min(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& c = args[0];
  if (!c.is_array() && !c.is_set()) return OperandTypeError(ctx, 1, c, {"set", "array"});
  auto items = c.items();
  if (items.empty()) return false;
  if (c.is_set()) {
    *out = items.front();
    return true;
  }
  const Value* best = &items[0];
  for (const Value& v : items) {
    if (Compare(*best, v) >= 0) best = &v;
  }
  *out = *best;
  return true;
}

bool Sort(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& c = args[0];
  if (c.is_set()) {
    auto items = c.items();
    *out = Value::Array(std::vector<Value>(items.begin(), items.end()));
    return true;
  }
  if (!c.is_array()) return OperandTypeError(ctx, 1, c, {"set", "array"});
  auto items = c.items();
  if (std::is_sorted(items.begin(), items.end())) {
    *out = c;
    return true;
  }
  std::vector<Value> v(items.begin(), items.end());
  std::stable_sort(v.begin(), v.end());
  *out = Value::Array(std::move(v));
  return true;
}

}  // namespace

void RegisterAggregatesBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "count",
         .decl = "(any<array[any], object[any: any], set[any], string>) => number",
         .arity = 1,
         .fn = Count});
  r.Add({.name = "sum",
         .decl = "(any<array[number], set[number]>) => number",
         .arity = 1,
         .fn = Fold<false>});
  r.Add({.name = "product",
         .decl = "(any<array[number], set[number]>) => number",
         .arity = 1,
         .fn = Fold<true>});
  r.Add({.name = "max", .decl = "(any<array[any], set[any]>) => any", .arity = 1, .fn = Max});
  r.Add({.name = "min", .decl = "(any<array[any], set[any]>) => any", .arity = 1, .fn = Min});
  r.Add({.name = "sort",
         .decl = "(any<array[any], set[any]>) => array[any]",
         .arity = 1,
         .fn = Sort});
}

}  // namespace kumo::rego
