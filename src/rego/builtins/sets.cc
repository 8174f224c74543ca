// Sets builtins: the & and | operators (and, or) and intersection/union of
// a set of sets. Members are kept sorted, so each is a linear merge.
#include <algorithm>
#include <iterator>

#include "rego/builtins/a_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

using a::ArgSet;

Value Intersect(const Value& x, const Value& y) {
  auto xs = x.items();
  auto ys = y.items();
  std::vector<Value> out;
  std::set_intersection(xs.begin(), xs.end(), ys.begin(), ys.end(), std::back_inserter(out));
  if (out.size() == xs.size()) return x;
  return Value::Set(std::move(out));
}

Value Unite(const Value& x, const Value& y) {
  auto xs = x.items();
  auto ys = y.items();
  if (ys.empty()) return x;
  if (xs.empty()) return y;
  std::vector<Value> out;
  out.reserve(xs.size() + ys.size());
  std::set_union(xs.begin(), xs.end(), ys.begin(), ys.end(), std::back_inserter(out));
  if (out.size() == xs.size()) return x;
  return Value::Set(std::move(out));
}

bool And(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgSet(ctx, args[0], 1) || !ArgSet(ctx, args[1], 2)) return false;
  *out = Intersect(args[0], args[1]);
  return true;
}

bool Or(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgSet(ctx, args[0], 1) || !ArgSet(ctx, args[1], 2)) return false;
  *out = Unite(args[0], args[1]);
  return true;
}

bool CheckSetOfSets(BuiltinContext& ctx, const Value& s) {
  if (!ArgSet(ctx, s, 1)) return false;
  for (const Value& m : s.items()) {
    if (!m.is_set()) return a::OperandElementError(ctx, 1, s, m, "set");
  }
  return true;
}

bool Intersection(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& s = args[0];
  if (!CheckSetOfSets(ctx, s)) return false;
  auto sets = s.items();
  if (sets.empty()) {
    *out = Value::EmptySet();
    return true;
  }
  Value acc = sets[0];
  for (size_t i = 1; i < sets.size() && acc.size() > 0; ++i) acc = Intersect(acc, sets[i]);
  *out = std::move(acc);
  return true;
}

bool Union(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& s = args[0];
  if (!CheckSetOfSets(ctx, s)) return false;
  std::vector<Value> all;
  for (const Value& m : s.items()) {
    auto its = m.items();
    all.insert(all.end(), its.begin(), its.end());
  }
  *out = Value::Set(std::move(all));
  return true;
}

}  // namespace

void RegisterSetsBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "and",
         .decl = "(set[any], set[any]) => set[any]",
         .arity = 2,
         .fn = And,
         .infix = "&"});
  r.Add({.name = "or",
         .decl = "(set[any], set[any]) => set[any]",
         .arity = 2,
         .fn = Or,
         .infix = "|"});
  r.Add({.name = "intersection",
         .decl = "(set[set[any]]) => set[any]",
         .arity = 1,
         .fn = Intersection});
  r.Add({.name = "union", .decl = "(set[set[any]]) => set[any]", .arity = 1, .fn = Union});
}

}  // namespace kumo::rego
