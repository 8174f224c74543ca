// Rego builtins: the interface between the evaluator and builtin bodies.
//
// A builtin is a table entry (name, declaration, flags) plus a short body.
// Each src/rego/builtins/<category>.cc defines
//   void Register<Category>Builtins(BuiltinRegistry& r);
// and registry.cc calls them all. Bodies see Values; typed adapters
// (ArgString, ArgNumber, ...) check an argument's kind and produce OPA's
// eval_type_error text ("operand 1 must be string but got number").
#ifndef KUMO_REGO_BUILTINS_BUILTIN_H_
#define KUMO_REGO_BUILTINS_BUILTIN_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "value/value.h"

namespace kumo::rego {

// State a builtin may read or report into during one evaluation.
struct BuiltinContext {
  bool strict_errors = false;
  // time.now_ns for this query: fixed by the caller, or read from the
  // clock at the first use and then stable for the rest of the query.
  int64_t now_ns = 0;
  int64_t NowNs() {
    if (now_ns == 0) {
      now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    }
    return now_ns;
  }
  // Set by a body on failure. Empty code = no error.
  std::string error_code;     // "eval_type_error" | "eval_builtin_error"
  std::string error_message;  // OPA's text, e.g. "operand 1 must be string but got number"
  std::function<void(std::string_view)> print;
  // Rule/package annotations for rego.metadata.*, looked up only when one
  // of those builtins runs (set by the evaluator): chain=false gives
  // rego.metadata.rule()'s object, chain=true rego.metadata.chain()'s array;
  // nullptr when the current rule has none.
  const Value* (*metadata)(const void* self, bool chain) = nullptr;
  const void* metadata_self = nullptr;
  // Per-query cache for nondeterministic builtins (rand, uuid) keyed by args.
  std::unordered_map<std::string, Value>* nd_cache = nullptr;

  // Records an error and returns false (the call is undefined unless the
  // evaluator runs with strict builtin errors, where it aborts).
  bool TypeError(std::string msg) {
    error_code = "eval_type_error";
    error_message = std::move(msg);
    return false;
  }
  bool BuiltinError(std::string msg) {
    error_code = "eval_builtin_error";
    error_message = std::move(msg);
    return false;
  }
};

// Returns true and sets *out when defined; false when undefined (with or
// without an error recorded in ctx).
using BuiltinFn = bool (*)(BuiltinContext& ctx, std::span<const Value> args, Value* out);
// The same builtin with its last operand, an array, passed as the array's
// items: `args` holds the operands before it. Lets the evaluator call it on
// a literal array operand (sprintf's) without building the array.
using BuiltinItemsFn = bool (*)(BuiltinContext& ctx, std::span<const Value> args,
                                std::span<const Value> items, Value* out);

struct BuiltinDef {
  std::string name;  // "strings.replace_n", "plus" (operator +), ...
  // OPA-style declaration used for arity and compile-time type checks,
  // e.g. "(string, string) => boolean", "(any<number, set>...) => number".
  std::string decl;
  int arity = 0;  // -1 = variadic
  BuiltinFn fn = nullptr;
  bool nondeterministic = false;
  bool deprecated = false;  // v0 only (unavailable in v1)
  // Registered but not supported (http.send, ...): compile error
  // "unsupported builtin".
  bool unsupported = false;
  std::string infix;                  // "+", "==", ... when the builtin is an operator
  BuiltinItemsFn items_fn = nullptr;  // optional, see BuiltinItemsFn
};

class BuiltinRegistry {
 public:
  // The process-wide registry with every builtin registered.
  static const BuiltinRegistry& Default();

  void Add(BuiltinDef def);
  const BuiltinDef* Find(std::string_view name) const;
  const std::vector<BuiltinDef>& all() const { return defs_; }

 private:
  std::vector<BuiltinDef> defs_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace kumo::rego

#endif  // KUMO_REGO_BUILTINS_BUILTIN_H_
