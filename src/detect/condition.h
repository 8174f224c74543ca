// The Falco condition language: parser and AST (spec falco-rules.md §2).
//
// ParseCondition() is a depth-bounded recursive-descent parser for
//   Or := And ('or' And)*;  And := Not ('and' Not)*;  Not := 'not'* Check
//   Check := '(' Expr ')' | Value Cond | MacroName
// where Value is a field (`ct.name`, `json.value[/a/b]`) or a transformer
// (`tolower(ct.user)`), and Cond an operator with its right-hand side. The
// AST keeps names and literal text only; binding names to fields of a
// source happens in the compiler (filter.h). ExpandLists() is Falco's
// textual list pre-pass, applied before parsing.
#ifndef KUMO_DETECT_CONDITION_H_
#define KUMO_DETECT_CONDITION_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace kumo::detect {

// A field, a transformer over values, or `val(field)` on a right-hand side.
struct ValueExpr {
  enum class Kind { kField, kTransformer, kLiteral, kList };
  Kind kind = Kind::kField;
  std::string name;  // field name or transformer name
  std::string arg;   // field argument (inside [...])
  bool has_arg = false;
  std::vector<ValueExpr> args;    // transformer arguments
  std::vector<std::string> list;  // kList: literal items
  std::string literal;            // kLiteral text
  size_t pos = 0;                 // offset in the condition text
  // Canonical text, e.g. "tolower(ct.user)" or "json.value[/a]".
  std::string ToString() const;
};

struct Expr {
  enum class Kind { kAnd, kOr, kNot, kCheck, kMacro };
  Kind kind = Kind::kCheck;
  std::vector<std::unique_ptr<Expr>> children;  // and/or: 2+, not: 1
  // kMacro: the identifier. kCheck: the operator ("=", "contains", ...).
  std::string name;
  ValueExpr lhs;
  std::string modifier;  // "", "anyof", "allof", "oneof"
  enum class Rhs { kNone, kLiteral, kList, kListName, kValue };
  Rhs rhs_kind = Rhs::kNone;
  std::string literal;            // kLiteral (decoded)
  std::vector<std::string> list;  // kList (decoded)
  ValueExpr rhs;                  // kValue (val(...) or a transformer); kListName: rhs.name
  size_t pos = 0;
};

// Maximum nesting of parentheses, `not` and transformers.
inline constexpr int kMaxConditionDepth = 1000;

// Parses a whole condition. Errors carry the offset and what was expected.
Result<std::unique_ptr<Expr>> ParseCondition(std::string_view text);

// Parses a field or transformer at the start of `text` (no blanks before
// it); `consumed` receives its length. Used for output `%tokens`.
bool ParseValuePrefix(std::string_view text, ValueExpr* out, size_t* consumed);

// Falco's textual list expansion: each bounded occurrence of a list name is
// replaced by its items joined by ", " (items with blanks are quoted).
// `used` receives the names that were expanded.
std::string ExpandLists(std::string_view text,
                        const std::vector<std::pair<std::string, std::vector<std::string>>>& lists,
                        std::vector<std::string>* used);

// Names of the macros an expression references (for unused-macro checks).
void CollectMacroRefs(const Expr& e, std::vector<std::string>* out);

// Operator tables (for validation of exception comps).
bool IsKnownOperator(std::string_view op);
bool IsListOperator(std::string_view op);
bool IsModifier(std::string_view word);
bool IsTransformerName(std::string_view name);

}  // namespace kumo::detect

#endif  // KUMO_DETECT_CONDITION_H_
