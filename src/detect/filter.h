// Compiled filters: a condition AST bound to the fields of one source.
//
// CompileFilter() resolves macros (AST substitution), checks every field
// against the source's field table and every operator against the field's
// type (spec §2.3-2.5), parses literals by type, builds hash sets for `in`
// lists and RE2 programs for `regex`, and gives every distinct value
// expression a cache slot so each field is extracted at most once per
// event. The resulting Filter is immutable and can be shared by threads;
// Eval() needs only an EvalContext.
#ifndef KUMO_DETECT_FILTER_H_
#define KUMO_DETECT_FILTER_H_

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/status.h"
#include "detect/condition.h"
#include "detect/event.h"
#include "detect/fields.h"

namespace kumo::detect {

struct FilterNode;

// A compiled value expression (field or transformer); see filter.cc.
struct CompiledValue;

// Interns value expressions into cache slots, across all filters and
// outputs of a rule set.
class SlotTable {
 public:
  int Intern(const std::string& key);
  size_t size() const { return keys_.size(); }

 private:
  std::map<std::string, int> keys_;
};

// Resolves a macro name to its AST and the names of macros visible from it.
// Returns nullptr for an unknown macro.
using MacroResolver = std::function<const Expr*(const std::string& name, size_t* visible_limit)>;

struct CompileOptions {
  Source source = Source::kAwsCloudTrail;
  MacroResolver macros;
  size_t visible_limit = SIZE_MAX;  // macros with index < limit are visible
  SlotTable* slots = nullptr;
};

// Why a compile failed: unknown fields are distinguished so that rules with
// `skip-if-unknown-filter` can be skipped.
struct CompileError {
  std::string message;
  bool unknown_field = false;
};

class Filter {
 public:
  ~Filter();
  Filter(Filter&&) noexcept;
  Filter& operator=(Filter&&) noexcept;

  bool Eval(EvalContext& ctx) const;
  // Event names (of the source's EventNameField) the filter requires, or
  // false when it may match any event.
  bool RequiredEventNames(std::set<std::string>* out) const;

 private:
  friend class FilterCompiler;
  Filter();
  std::unique_ptr<FilterNode> root_;
};

// Compiles `expr` (already list-expanded) for `opts.source`.
bool CompileFilter(const Expr& expr, const CompileOptions& opts, std::unique_ptr<Filter>* out,
                   CompileError* err);

// A compiled value for outputs: `%field` or `%transformer(...)`.
class OutputValue {
 public:
  ~OutputValue();
  OutputValue(OutputValue&&) noexcept;
  // Appends the value (or "<NA>") to `out`; list values are joined by ",".
  void Append(EvalContext& ctx, std::string* out) const;
  // The value as text, or false when absent.
  bool Get(EvalContext& ctx, std::string* out) const;
  const std::string& key() const { return key_; }
  // True for scalar uint64 values (printed as JSON numbers).
  bool numeric() const;

 private:
  friend class FilterCompiler;
  OutputValue();
  std::string key_;
  std::unique_ptr<CompiledValue> value_;
};

// Compiles a value expression for output use.
bool CompileOutputValue(const ValueExpr& v, const CompileOptions& opts,
                        std::unique_ptr<OutputValue>* out, CompileError* err);

// Shell wildcard match (`*`, `?`, `[...]`), optionally ASCII case-insensitive.
bool GlobMatch(std::string_view pattern, std::string_view text, bool icase);

}  // namespace kumo::detect

#endif  // KUMO_DETECT_FILTER_H_
