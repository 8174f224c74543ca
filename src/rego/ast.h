// The Rego abstract syntax tree, shared by the parser, the compiler and the
// evaluator.
//
// The parser produces Modules (packages, imports, rules) whose bodies are
// lists of Exprs over Terms, every node carrying its source position. The
// compiler then resolves names in place: variables get frame slots, refs to
// rules get their DataNode, calls get their builtin or function group. After
// compilation the tree is immutable and shared between threads.
#ifndef KUMO_REGO_AST_H_
#define KUMO_REGO_AST_H_

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "rego/rego.h"
#include "value/value.h"

namespace kumo::rego {

struct BuiltinDef;
struct DataNode;
struct Term;
struct Expr;
using TermPtr = std::shared_ptr<Term>;
using Body = std::vector<Expr>;

struct Loc {
  int row = 0;
  int col = 0;
  const std::string* file = nullptr;
};

enum class TermKind {
  kScalar,       // value
  kVar,          // name (resolved: slot)
  kRef,          // items[0] head, items[1..] path
  kArray,        // items
  kSet,          // items
  kObject,       // items: k0, v0, k1, v1, ...
  kArrayCompr,   // a (head), body
  kSetCompr,     // a (head), body
  kObjectCompr,  // a (key), b (value), body
  kCall,         // items[0] operator (var or ref), items[1..] args
  kTemplate,     // items: string scalars and expression terms, in order
};

// A lookup site's guess of the position of its key in the objects it reads
// (see Value::Find with a hint). Shared by the threads that run a compiled
// program; copying a term starts the copy with the same guess.
struct LookupHint {
  mutable std::atomic<uint32_t> pos{0};
  LookupHint() = default;
  LookupHint(const LookupHint& o) : pos(o.pos.load(std::memory_order_relaxed)) {}
  LookupHint& operator=(const LookupHint& o) {
    pos.store(o.pos.load(std::memory_order_relaxed), std::memory_order_relaxed);
    return *this;
  }
};

struct Term {
  TermKind kind = TermKind::kScalar;
  Loc loc;
  Value value;       // kScalar; for refs: constant path cache not used
  std::string name;  // kVar
  std::vector<TermPtr> items;
  TermPtr a, b;
  std::shared_ptr<Body> body;

  // --- Resolved by the compiler ---
  int slot = -1;          // kVar: frame slot; -1 = unresolved
  bool wildcard = false;  // kVar `_`
  bool is_input = false;  // kVar head `input`
  bool is_data = false;   // kVar head `data`
  // kCall: what is called.
  const BuiltinDef* builtin = nullptr;
  DataNode* func = nullptr;        // user function group
  std::string call_name;           // dotted name of the callee
  bool ground = false;             // contains no variables at all (constant)
  std::vector<int> captures;       // closures: outer slots used inside
  std::vector<int> pattern_slots;  // vars in pattern positions (unification)
  // One value at most once single_slots are bound (no generator such as
  // `walk` inside); single_slots: the vars outside closures. Set by the
  // compiler; false means "unknown" and is always safe.
  bool single_static = false;
  std::vector<int> single_slots;
  int special = 0;  // kCall: evaluator-handled builtin (see eval.cc)
  // kRef with a data head: the data-tree nodes named by the leading constant
  // path items (items[1], items[2], ...), down to the first node with value
  // rules; lets the evaluator skip the per-step child lookups.
  std::vector<const DataNode*> data_chain;
  // kScalar used as a key in a ref (input.config): where it was found last.
  LookupHint hint;
};

enum class ExprKind {
  kTerm,     // a term (call, ref, scalar...): true unless false/undefined
  kUnify,    // a = b
  kAssign,   // a := b
  kSome,     // `some x, y` declaration (no-op at runtime)
  kSomeIn,   // some [key,] value in collection: a = key (or null), b = value, c = collection
  kEvery,    // every [key,] value in collection { body }
  kNotBody,  // not { body } (block negation)
  kOr,       // experimental `a or b`: succeeds once if any alternative body does
  kAnd,      // experimental `a and b` / `{ body }` group: succeeds once if all do
};

struct With {
  TermPtr target;  // a ref (input..., data..., a function name)
  TermPtr value;
  Loc loc;
  // Resolved: kind of target.
  enum class Kind { kInput, kData, kFunc, kBuiltin } kind = Kind::kData;
  std::vector<Value> path;  // for input/data: the path below input/data
  DataNode* func = nullptr;
  const BuiltinDef* builtin = nullptr;
  std::string func_name;  // mocked function's dotted name
};

struct Expr {
  ExprKind kind = ExprKind::kTerm;
  bool negated = false;
  Loc loc;
  TermPtr a, b, c;
  std::shared_ptr<Body> body;                       // every / not-block
  std::vector<std::shared_ptr<Body>> alternatives;  // kOr
  std::vector<With> withs;
  std::vector<TermPtr> some_vars;  // kSome
  int index = 0;                   // position in the source body
  std::vector<int> captures;       // every / not-block / or: outer slots used inside
};

enum class RuleKind { kComplete, kMulti, kFunction };

struct ElseClause {
  TermPtr value;  // null = true
  Body body;
  Loc loc;
};

struct Rule {
  RuleKind kind = RuleKind::kComplete;
  bool is_default = false;
  bool assign = false;        // := in the head
  std::vector<TermPtr> ref;   // head ref: first is name (scalar string), then path terms
  std::vector<TermPtr> args;  // functions
  TermPtr key;                // kMulti: the member
  TermPtr value;              // null = true
  std::vector<Body> bodies;   // usually one; v0 allows `p { a } { b }`
  std::vector<ElseClause> elses;
  Loc loc;
  Value annotations;  // METADATA blocks attached to this rule (array) or null
  // --- Resolved ---
  size_t static_len = 0;  // number of leading ground ref terms after the package path
  int frame_size = 0;
  struct Module* module = nullptr;
  std::string path_str;  // data.pkg.rule... (static part)
};

struct Import {
  std::vector<Value> path;  // e.g. ["data","a","b"] or ["input","x"]
  std::string alias;        // empty when not given
  Loc loc;
};

struct Module {
  std::string filename;
  RegoVersion version = RegoVersion::kV1;
  std::vector<Value> package;  // path below data, e.g. ["a","b"]
  Loc package_loc;
  std::vector<Import> imports;
  std::vector<std::unique_ptr<Rule>> rules;
  std::vector<Annotation> annotations;
  Value package_annotations;  // array or null
  bool keywords_in = false, keywords_every = false, keywords_if = false, keywords_contains = false;
};

}  // namespace kumo::rego

#endif  // KUMO_REGO_AST_H_
