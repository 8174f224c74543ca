// Type builtins: is_array ... is_string (false, never undefined, for other
// kinds) and type_name.
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

template <ValueKind kKind>
bool IsKind(BuiltinContext&, std::span<const Value> args, Value* out) {
  *out = Value::Bool(args[0].kind() == kKind);
  return true;
}

bool TypeName(BuiltinContext&, std::span<const Value> args, Value* out) {
  *out = Value::String(ValueKindName(args[0].kind()));
  return true;
}

}  // namespace

void RegisterTypesBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "is_number",
         .decl = "(any) => boolean",
         .arity = 1,
         .fn = IsKind<ValueKind::kNumber>});
  r.Add({.name = "is_string",
         .decl = "(any) => boolean",
         .arity = 1,
         .fn = IsKind<ValueKind::kString>});
  r.Add({.name = "is_boolean",
         .decl = "(any) => boolean",
         .arity = 1,
         .fn = IsKind<ValueKind::kBool>});
  r.Add({.name = "is_array",
         .decl = "(any) => boolean",
         .arity = 1,
         .fn = IsKind<ValueKind::kArray>});
  r.Add({.name = "is_set", .decl = "(any) => boolean", .arity = 1, .fn = IsKind<ValueKind::kSet>});
  r.Add({.name = "is_object",
         .decl = "(any) => boolean",
         .arity = 1,
         .fn = IsKind<ValueKind::kObject>});
  r.Add(
      {.name = "is_null", .decl = "(any) => boolean", .arity = 1, .fn = IsKind<ValueKind::kNull>});
  r.Add({.name = "type_name", .decl = "(any) => string", .arity = 1, .fn = TypeName});
}

}  // namespace kumo::rego
