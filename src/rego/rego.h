// kumo's Rego engine: the public API.
//
// Compile a set of modules once into an immutable Program (safe to share
// between threads), prepare a query once, then evaluate it many times with
// small per-call state:
//
//   rego::CompileOptions copts;            // dialect, strict, ...
//   auto prog = rego::Compile({{"policy.rego", text}}, copts);
//   auto q = (*prog)->Prepare("data.kumo.aws.s3.public.deny");
//   rego::EvalOptions eopts;               // budgets, strict builtin errors
//   auto rows = (*q)->Eval(input, eopts);  // rows of variable bindings
//
// Errors use OPA's codes (rego_parse_error, rego_compile_error,
// rego_type_error, rego_unsafe_var_error, rego_recursion_error,
// eval_conflict_error, eval_builtin_error, eval_type_error, ...) and carry
// file/row/col when known, so `kumo eval` can print OPA's JSON error shape.
#ifndef KUMO_REGO_REGO_H_
#define KUMO_REGO_REGO_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "value/value.h"

namespace kumo::rego {

enum class RegoVersion { kV1, kV0 };

struct ModuleSource {
  std::string filename;  // used in errors and in test reports
  std::string text;
  // Dialect of this module (OPA's --v0-compatible selects v0 per module).
  RegoVersion version = RegoVersion::kV1;
};

// One error in OPA's shape.
struct RegoError {
  std::string code;     // e.g. "rego_unsafe_var_error"
  std::string message;  // e.g. "var x is unsafe"
  std::string file;
  int row = 0;
  int col = 0;
  std::string ToString() const;  // "file:row:col: code: message"
};

// A failure of compile or eval: one or more RegoErrors.
struct RegoErrors {
  std::vector<RegoError> errors;
  std::string ToString() const;
};

template <typename T>
struct RegoResult {
  std::optional<T> value;
  RegoErrors errors;
  bool ok() const { return value.has_value(); }
};

struct CompileOptions {
  bool strict = false;                 // OPA's `--strict` compiler checks
  bool experimental_keywords = false;  // `and` / `or` (future.keywords.and|or)
  bool enable_print = true;            // keep print() calls (else stripped)
};

// Counters of one evaluation (EvalOptions::stats adds to them).
struct EvalStats {
  uint64_t steps = 0;
  // Rule documents taken from the evaluator's cache of input-independent
  // rules (rules whose value depends only on the program and `data`), kept
  // per thread across evaluations of one program with the same data.
  uint64_t reused_rule_docs = 0;
};

// Per-evaluation budgets and switches. Every limit fails with a clear
// RegoError ("eval_limit_error"-style code) instead of hanging.
struct EvalOptions {
  bool strict_builtin_errors = false;
  uint64_t max_steps = 10'000'000;  // evaluation steps per query
  std::chrono::milliseconds timeout{5000};
  uint32_t max_depth = 1000;  // rule/function call depth
  // Base document `data` (merged under the rule tree); may be null.
  const Value* data = nullptr;
  // Fixed `time.now_ns()` for this evaluation (0 = real clock).
  int64_t now_ns = 0;
  // Where print() output goes (default: stderr).
  std::function<void(std::string_view line)> print;
  // Where to add this evaluation's counters (may be null).
  EvalStats* stats = nullptr;
};

// One result row: query variable name -> value (OPA's "bindings"), plus
// the values of the query's expressions in order (OPA's "expressions").
struct ResultRow {
  std::vector<std::pair<std::string, Value>> bindings;
  std::vector<Value> expressions;
};

// A METADATA annotation block attached to a package or rule.
struct Annotation {
  std::string scope;  // package | rule | document | subpackages
  std::string path;   // e.g. "data.kumo.aws.s3.public" or the rule path
  Value value;        // the YAML block as an object: title, description, custom, ...
};

class PreparedQuery {
 public:
  virtual ~PreparedQuery() = default;
  // Evaluates with `input` (null Value = no input document). The result is
  // empty when the query is undefined.
  virtual RegoResult<std::vector<ResultRow>> Eval(const Value& input,
                                                  const EvalOptions& opts) const = 0;
};

class Program {
 public:
  virtual ~Program() = default;
  // Parses and compiles a query body against this program, e.g.
  // "data.test.p = x" or "data.kumo.x.deny".
  virtual RegoResult<std::shared_ptr<const PreparedQuery>> Prepare(
      std::string_view query) const = 0;
  // Every METADATA annotation in the program's modules.
  virtual const std::vector<Annotation>& annotations() const = 0;
  // Package paths of all modules, e.g. "data.kumo.aws.s3.public".
  virtual std::vector<std::string> packages() const = 0;
  // Names of all rules in `package_path` (e.g. test_* rules for `kumo test`).
  virtual std::vector<std::string> rules(std::string_view package_path) const = 0;
};

// Parses and compiles modules. Compile errors are returned, never thrown.
RegoResult<std::shared_ptr<const Program>> Compile(std::vector<ModuleSource> modules,
                                                   const CompileOptions& opts = {});

// Parses a Rego term (e.g. an `input_term` such as "{1, 2}") into a Value.
RegoResult<Value> ParseTerm(std::string_view text);

}  // namespace kumo::rego

#endif  // KUMO_REGO_REGO_H_
