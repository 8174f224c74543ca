// Operand helpers shared by the builtins-B category files (time, net,
// crypto, jwt, graph).
//
// OPA reports a wrong operand kind as an eval_type_error whose text is
// "operand N must be <type> but got <type>"; the evaluator prefixes the
// builtin's name. These helpers produce exactly that text so each body
// stays a few lines long.
#ifndef KUMO_REGO_BUILTINS_B_ARGS_H_
#define KUMO_REGO_BUILTINS_B_ARGS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "rego/builtins/builtin.h"

namespace kumo::rego::bargs {

// Records "operand <pos> must be <want> but got <kind of v>" and returns false.
inline bool OperandTypeError(BuiltinContext& ctx, int pos, const Value& v, std::string_view want) {
  std::string msg = "operand " + std::to_string(pos) + " must be " + std::string(want) +
                    " but got " + std::string(ValueKindName(v.kind()));
  return ctx.TypeError(std::move(msg));
}

// `v` as a string (operand position `pos`, 1-based).
inline bool String(BuiltinContext& ctx, const Value& v, int pos, std::string_view* out) {
  if (!v.is_string()) return OperandTypeError(ctx, pos, v, "string");
  *out = v.as_string();
  return true;
}

// `v` as an integral int64 (OPA's IntOperand).
inline bool Int(BuiltinContext& ctx, const Value& v, int pos, int64_t* out) {
  if (!v.is_number()) return OperandTypeError(ctx, pos, v, "number");
  if (!v.is_int64()) {
    return ctx.TypeError("operand " + std::to_string(pos) +
                         " must be integer number but got floating-point number");
  }
  *out = v.as_int64();
  return true;
}

}  // namespace kumo::rego::bargs

#endif  // KUMO_REGO_BUILTINS_B_ARGS_H_
