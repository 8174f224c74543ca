// Core builtins: comparison operators, membership (`in`), print, walk,
// trace and rego.metadata.*. Those needing evaluator state (print, walk)
// are registered here for the compiler's table and run by the evaluator.
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

bool Equal(BuiltinContext&, std::span<const Value> a, Value* out) {
  *out = Value::Bool(Compare(a[0], a[1]) == 0);
  return true;
}
bool Neq(BuiltinContext&, std::span<const Value> a, Value* out) {
  *out = Value::Bool(Compare(a[0], a[1]) != 0);
  return true;
}
bool Lt(BuiltinContext&, std::span<const Value> a, Value* out) {
  *out = Value::Bool(Compare(a[0], a[1]) < 0);
  return true;
}
bool Lte(BuiltinContext&, std::span<const Value> a, Value* out) {
  *out = Value::Bool(Compare(a[0], a[1]) <= 0);
  return true;
}
bool Gt(BuiltinContext&, std::span<const Value> a, Value* out) {
  *out = Value::Bool(Compare(a[0], a[1]) > 0);
  return true;
}
bool Gte(BuiltinContext&, std::span<const Value> a, Value* out) {
  *out = Value::Bool(Compare(a[0], a[1]) >= 0);
  return true;
}

bool Member2(BuiltinContext&, std::span<const Value> a, Value* out) {
  const Value& x = a[0];
  const Value& c = a[1];
  bool found = false;
  switch (c.kind()) {
    case ValueKind::kArray:
      for (const auto& i : c.items())
        if (i == x) {
          found = true;
          break;
        }
      break;
    case ValueKind::kSet: found = c.Contains(x); break;
    case ValueKind::kObject:
      for (const auto& [k, v] : c.entries())
        if (v == x) {
          found = true;
          break;
        }
      break;
    default: break;
  }
  *out = Value::Bool(found);
  return true;
}

bool Member3(BuiltinContext&, std::span<const Value> a, Value* out) {
  const Value& k = a[0];
  const Value& x = a[1];
  const Value& c = a[2];
  bool found = false;
  switch (c.kind()) {
    case ValueKind::kArray:
      if (k.is_number() && k.is_int64() && k.as_int64() >= 0) {
        const Value* v = c.At(static_cast<size_t>(k.as_int64()));
        found = v && *v == x;
      }
      break;
    case ValueKind::kSet: found = k == x && c.Contains(x); break;
    case ValueKind::kObject: {
      const Value* v = c.Find(k);
      found = v && *v == x;
      break;
    }
    default: break;
  }
  *out = Value::Bool(found);
  return true;
}

bool Trace(BuiltinContext&, std::span<const Value>, Value* out) {
  *out = Value::Bool(true);
  return true;
}

bool MetadataRule(BuiltinContext& ctx, std::span<const Value>, Value* out) {
  const Value* m = ctx.metadata ? ctx.metadata(ctx.metadata_self, false) : nullptr;
  *out = m ? *m : Value::EmptyObject();
  return true;
}

bool MetadataChain(BuiltinContext& ctx, std::span<const Value>, Value* out) {
  const Value* m = ctx.metadata ? ctx.metadata(ctx.metadata_self, true) : nullptr;
  *out = m ? *m : Value::EmptyArray();
  return true;
}

bool Placeholder(BuiltinContext&, std::span<const Value>, Value* out) {
  *out = Value::Bool(true);
  return true;
}

}  // namespace

void RegisterCoreBuiltins(BuiltinRegistry& r) {
  r.Add({"equal", "(any, any) => boolean", 2, Equal, false, false, false, "=="});
  r.Add({"neq", "(any, any) => boolean", 2, Neq, false, false, false, "!="});
  r.Add({"lt", "(any, any) => boolean", 2, Lt, false, false, false, "<"});
  r.Add({"lte", "(any, any) => boolean", 2, Lte, false, false, false, "<="});
  r.Add({"gt", "(any, any) => boolean", 2, Gt, false, false, false, ">"});
  r.Add({"gte", "(any, any) => boolean", 2, Gte, false, false, false, ">="});
  r.Add({"internal.member_2", "(any, any) => boolean", 2, Member2, false, false, false, "in"});
  r.Add({"internal.member_3", "(any, any, any) => boolean", 3, Member3, false, false, false, ""});
  // print/walk run in the evaluator; the table entry gives arity and name.
  r.Add({"print", "(any...) => boolean", -1, Placeholder, false, false, false, ""});
  r.Add({"internal.print", "(array) => boolean", 1, Placeholder, false, false, false, ""});
  r.Add({"walk", "(any) => array", 1, Placeholder, false, false, false, ""});
  r.Add({"trace", "(string) => boolean", 1, Trace, false, false, false, ""});
  r.Add({"rego.metadata.rule", "() => any", 0, MetadataRule, false, false, false, ""});
  r.Add({"rego.metadata.chain", "() => array", 0, MetadataChain, false, false, false, ""});
}

}  // namespace kumo::rego
