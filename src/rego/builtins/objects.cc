// Object builtins: object.get, object.keys, object.remove, object.filter,
// object.union, object.union_n, object.subset. object.get runs on nearly
// every resource: a string key is a binary search with no allocation.
#include "rego/builtins/a_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

using a::ArgObject;

// One step of a path through a composite, as OPA's Value.Find does.
const Value* Step(const Value& v, const Value& key) {
  switch (v.kind()) {
    case ValueKind::kObject: return v.Find(key);
    case ValueKind::kArray: {
      if (!key.is_number() || key.node_identity() != nullptr) return nullptr;
      int64_t i = key.as_int64();
      if (i < 0) return nullptr;
      return v.At(static_cast<size_t>(i));
    }
    case ValueKind::kSet: {
      auto items = v.items();
      auto it = std::lower_bound(items.begin(), items.end(), key);
      return it != items.end() && *it == key ? &*it : nullptr;
    }
    default: return nullptr;
  }
}

bool Get(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& obj = args[0];
  if (!ArgObject(ctx, obj, 1)) return false;
  const Value& key = args[1];
  if (!key.is_array()) {
    const Value* v = key.is_string() ? obj.Find(key.as_string()) : obj.Find(key);
    *out = v ? *v : args[2];
    return true;
  }
  const Value* cur = &obj;
  for (const Value& k : key.items()) {
    cur = Step(*cur, k);
    if (cur == nullptr) {
      *out = args[2];
      return true;
    }
  }
  *out = *cur;
  return true;
}

bool Keys(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgObject(ctx, args[0], 1)) return false;
  std::vector<Value> keys;
  keys.reserve(args[0].size());
  for (const auto& e : args[0].entries()) keys.push_back(e.first);
  *out = Value::Set(std::move(keys));
  return true;
}

// The key collection of object.remove / object.filter as a sorted set.
bool KeySet(BuiltinContext& ctx, const Value& v, Value* keys) {
  switch (v.kind()) {
    case ValueKind::kSet: *keys = v; return true;
    case ValueKind::kArray: {
      auto its = v.items();
      *keys = Value::Set(std::vector<Value>(its.begin(), its.end()));
      return true;
    }
    case ValueKind::kObject: {
      std::vector<Value> ks;
      for (const auto& e : v.entries()) ks.push_back(e.first);
      *keys = Value::Set(std::move(ks));
      return true;
    }
    default: return a::OperandTypeError(ctx, 2, v, {"object", "set", "array"});
  }
}

template <bool kKeep>
bool RemoveOrFilter(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgObject(ctx, args[0], 1)) return false;
  Value keys;
  if (!KeySet(ctx, args[1], &keys)) return false;
  std::vector<ObjectEntry> entries;
  for (const auto& e : args[0].entries()) {
    if (keys.Contains(e.first) == kKeep) entries.push_back(e);
  }
  if (entries.size() == args[0].size()) {
    *out = args[0];
    return true;
  }
  *out = Value::Object(std::move(entries));
  return true;
}

// Keys of b overwrite a's; where both values are objects they merge.
Value MergeWithOverwrite(const Value& a, const Value& b) {
  auto ae = a.entries();
  auto be = b.entries();
  if (be.empty()) return a;
  if (ae.empty()) return b;
  std::vector<ObjectEntry> out;
  out.reserve(ae.size() + be.size());
  size_t i = 0, j = 0;
  while (i < ae.size() || j < be.size()) {
    int c = i == ae.size() ? 1 : (j == be.size() ? -1 : Compare(ae[i].first, be[j].first));
    if (c < 0) {
      out.push_back(ae[i++]);
    } else if (c > 0) {
      out.push_back(be[j++]);
    } else {
      const Value& va = ae[i].second;
      const Value& vb = be[j].second;
      if (va.is_object() && vb.is_object()) {
        out.emplace_back(ae[i].first, MergeWithOverwrite(va, vb));
      } else {
        out.push_back(be[j]);
      }
      ++i, ++j;
    }
  }
  return Value::Object(std::move(out));
}

bool Union(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgObject(ctx, args[0], 1) || !ArgObject(ctx, args[1], 2)) return false;
  if (args[0] == args[1]) {
    *out = args[0];
    return true;
  }
  *out = MergeWithOverwrite(args[0], args[1]);
  return true;
}

bool UnionN(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& arr = args[0];
  if (!a::ArgArray(ctx, arr, 1)) return false;
  for (const Value& o : arr.items()) {
    if (!o.is_object()) return a::OperandElementError(ctx, 1, arr, o, "object");
  }
  Value acc = Value::EmptyObject();
  for (const Value& o : arr.items()) acc = MergeWithOverwrite(acc, o);
  *out = std::move(acc);
  return true;
}

bool SubsetOf(const Value& super, const Value& sub);

bool SetSubset(const Value& super, const Value& sub) {
  for (const Value& m : sub.items()) {
    if (!super.Contains(m)) return false;
  }
  return true;
}

// OPA's contiguous-run search (without backtracking, as OPA does).
bool ArraySubset(const Value& super, const Value& sub) {
  auto sp = super.items();
  auto sb = sub.items();
  if (sb.size() > sp.size()) return false;
  if (super == sub) return true;
  size_t super_cursor = 0, sub_cursor = 0;
  for (;;) {
    if (sub_cursor == sb.size()) return true;
    if (super_cursor + sub_cursor == sp.size()) return false;
    if (sp[super_cursor + sub_cursor] == sb[sub_cursor]) {
      ++sub_cursor;
    } else {
      ++super_cursor;
      sub_cursor = 0;
    }
  }
}

bool ObjectSubset(const Value& super, const Value& sub) {
  for (const auto& [k, sv] : sub.entries()) {
    const Value* pv = super.Find(k);
    if (pv == nullptr) return false;
    if (*pv == sv) continue;
    if (pv->kind() != sv.kind()) return false;
    if (sv.is_object() || sv.is_set() || sv.is_array()) {
      if (!SubsetOf(*pv, sv)) return false;
      continue;
    }
    return false;
  }
  return true;
}

bool ArraySetSubset(const Value& super, const Value& sub) {
  // Mirrors OPA: counts matches while scanning, so an empty array is never
  // a superset.
  size_t unmatched = sub.size();
  for (const Value& t : super.items()) {
    if (sub.Contains(t)) --unmatched;
    if (unmatched == 0) return true;
  }
  return false;
}

bool SubsetOf(const Value& super, const Value& sub) {
  if (super.is_object() && sub.is_object()) return ObjectSubset(super, sub);
  if (super.is_set() && sub.is_set()) return SetSubset(super, sub);
  if (super.is_array() && sub.is_array()) return ArraySubset(super, sub);
  return false;
}

bool Subset(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& super = args[0];
  const Value& sub = args[1];
  if ((super.is_object() && sub.is_object()) || (super.is_set() && sub.is_set()) ||
      (super.is_array() && sub.is_array())) {
    *out = Value::Bool(SubsetOf(super, sub));
    return true;
  }
  if (super.is_array() && sub.is_set()) {
    *out = Value::Bool(ArraySetSubset(super, sub));
    return true;
  }
  return ctx.TypeError("both arguments object.subset must be of the same type or array and set");
}

}  // namespace

void RegisterObjectsBuiltins(BuiltinRegistry& r) {
  r.Add(
      {.name = "object.get", .decl = "(object[any: any], any, any) => any", .arity = 3, .fn = Get});
  r.Add({.name = "object.keys", .decl = "(object[any: any]) => set[any]", .arity = 1, .fn = Keys});
  r.Add({.name = "object.remove",
         .decl = "(object[any: any], any<array[any], object[any: any], set[any]>) => "
                 "object[any: any]",
         .arity = 2,
         .fn = RemoveOrFilter<false>});
  r.Add({.name = "object.filter",
         .decl = "(object[any: any], any<array[any], object[any: any], set[any]>) => "
                 "object[any: any]",
         .arity = 2,
         .fn = RemoveOrFilter<true>});
  r.Add({.name = "object.union",
         .decl = "(object[any: any], object[any: any]) => any",
         .arity = 2,
         .fn = Union});
  r.Add({.name = "object.union_n",
         .decl = "(array[object[any: any]]) => any",
         .arity = 1,
         .fn = UnionN});
  r.Add({.name = "object.subset",
         .decl = "(any<array[any], object[any: any], set[any]>, any<array[any], object[any: any], "
                 "set[any]>) => any",
         .arity = 2,
         .fn = Subset});
}

}  // namespace kumo::rego
