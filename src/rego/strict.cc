// OPA's strict-mode checks on parsed (and, for deprecated built-ins,
// compiled) modules. See strict.h for the list and the messages.
//
// The checks before compilation work on names, as OPA's do: they run before
// the compiler gives vars their frame slots, and a nested closure that
// declares a name of its own (`:=`, `some`, `every`) shadows the outer one.
#include "rego/strict.h"

#include <cctype>
#include <functional>
#include <set>
#include <string>

#include "rego/builtins/builtin.h"
#include "rego/program.h"

namespace kumo::rego {
namespace {

using Names = std::set<std::string>;

RegoError MakeError(const char* code, std::string message, const Loc& loc) {
  RegoError e;
  e.code = code;
  e.message = std::move(message);
  e.file = loc.file ? *loc.file : "";
  e.row = loc.row;
  e.col = loc.col;
  return e;
}

// `_` and the parser's own vars (`$tpl`, ...) are never reported.
bool IsUserVar(const std::string& n) { return !n.empty() && n != "_" && n[0] != '$'; }

bool IsRootDocument(const std::string& n) { return n == "input" || n == "data"; }

// The vars a pattern declares: the lhs of `:=`, the key/value of `some .. in`
// and `every` (arrays and object values, recursively).
void PatternVars(const Term* t, std::vector<const Term*>* out) {
  if (!t) return;
  switch (t->kind) {
    case TermKind::kVar:
      if (IsUserVar(t->name)) out->push_back(t);
      return;
    case TermKind::kArray:
      for (const auto& i : t->items) PatternVars(i.get(), out);
      return;
    case TermKind::kObject:
      for (size_t i = 1; i < t->items.size(); i += 2) PatternVars(t->items[i].get(), out);
      return;
    default: return;
  }
}

void AddPatternNames(const Term* t, Names* out) {
  std::vector<const Term*> vars;
  PatternVars(t, &vars);
  for (const Term* v : vars) out->insert(v->name);
}

// OPA's declaredVars: the names a body declares with `:=` and `some`
// (not those of its closures).
Names DeclaredInBody(const Body& body) {
  Names out;
  for (const auto& e : body) {
    switch (e.kind) {
      case ExprKind::kAssign: AddPatternNames(e.a.get(), &out); break;
      case ExprKind::kSome:
        for (const auto& v : e.some_vars) AddPatternNames(v.get(), &out);
        break;
      case ExprKind::kSomeIn:
        AddPatternNames(e.a.get(), &out);
        AddPatternNames(e.b.get(), &out);
        break;
      default: break;
    }
  }
  return out;
}

// Names declared by the scope an `every` opens (its key and value).
Names EveryNames(const Expr& e) {
  Names out;
  AddPatternNames(e.a.get(), &out);
  AddPatternNames(e.b.get(), &out);
  return out;
}

// Calls on_expr for every expression and on_term for every term under a
// body or term: closures, `every`/`not`/`or` bodies and `with` values too.
struct TreeVisitor {
  std::function<void(const Expr&)> on_expr = [](const Expr&) {};
  std::function<void(const Term&)> on_term = [](const Term&) {};

  void VisitTerm(const Term* t) const {
    if (!t) return;
    on_term(*t);
    for (const auto& i : t->items) VisitTerm(i.get());
    VisitTerm(t->a.get());
    VisitTerm(t->b.get());
    if (t->body) VisitBody(*t->body);
  }

  void VisitBody(const Body& body) const {
    for (const auto& e : body) {
      on_expr(e);
      VisitTerm(e.a.get());
      VisitTerm(e.b.get());
      VisitTerm(e.c.get());
      if (e.body) VisitBody(*e.body);
      for (const auto& alt : e.alternatives)
        if (alt) VisitBody(*alt);
      for (const auto& w : e.withs) VisitTerm(w.value.get());
    }
  }

  // A rule's args, head terms, else values and bodies, each once.
  void VisitRule(const Rule& r) const {
    for (const auto& a : r.args) VisitTerm(a.get());
    for (size_t i = 1; i < r.ref.size(); ++i) VisitTerm(r.ref[i].get());
    VisitTerm(r.key.get());
    VisitTerm(r.value.get());
    for (const auto& b : r.bodies) VisitBody(b);
    for (const auto& e : r.elses) {
      VisitTerm(e.value.get());
      VisitBody(e.body);
    }
  }
};

// Visits every var term under a term, an expression or a body, keeping the
// stack of names that enclosing closures declare (innermost last).
class VarWalker {
 public:
  using Visit = std::function<void(const Term& var, const std::vector<Names>& scopes)>;
  explicit VarWalker(Visit visit) : visit_(std::move(visit)) {}

  void WalkTerm(const Term* t) {
    if (!t) return;
    switch (t->kind) {
      case TermKind::kVar: visit_(*t, scopes_); return;
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
      case TermKind::kObjectCompr:
        scopes_.push_back(t->body ? DeclaredInBody(*t->body) : Names{});
        WalkTerm(t->a.get());
        WalkTerm(t->b.get());
        if (t->body) WalkBody(*t->body);
        scopes_.pop_back();
        return;
      default:
        for (const auto& i : t->items) WalkTerm(i.get());
        WalkTerm(t->a.get());
        WalkTerm(t->b.get());
        return;
    }
  }

  void WalkExpr(const Expr& e) {
    if (e.kind == ExprKind::kSome) {
      for (const auto& v : e.some_vars) WalkTerm(v.get());
    }
    if (e.kind == ExprKind::kEvery) {
      WalkTerm(e.c.get());  // the domain is in the enclosing scope
      Names own = EveryNames(e);
      if (e.body) {
        Names d = DeclaredInBody(*e.body);
        own.insert(d.begin(), d.end());
      }
      scopes_.push_back(std::move(own));
      WalkTerm(e.a.get());
      WalkTerm(e.b.get());
      if (e.body) WalkBody(*e.body);
      scopes_.pop_back();
    } else {
      WalkTerm(e.a.get());
      WalkTerm(e.b.get());
      WalkTerm(e.c.get());
      if (e.body) WalkNested(*e.body);
    }
    for (const auto& alt : e.alternatives)
      if (alt) WalkNested(*alt);
    for (const auto& w : e.withs) {
      WalkTerm(w.target.get());
      WalkTerm(w.value.get());
    }
  }

  void WalkBody(const Body& body) {
    for (const auto& e : body) WalkExpr(e);
  }

  void Push(Names names) { scopes_.push_back(std::move(names)); }

 private:
  void WalkNested(const Body& body) {
    scopes_.push_back(DeclaredInBody(body));
    WalkBody(body);
    scopes_.pop_back();
  }

  Visit visit_;
  std::vector<Names> scopes_;
};

bool Shadowed(const std::string& n, const std::vector<Names>& scopes, size_t from = 0) {
  for (size_t i = from; i < scopes.size(); ++i)
    if (scopes[i].count(n)) return true;
  return false;
}

// Every var name under a term (closures included), as OPA's Term.Vars().
void AllNames(const Term* t, Names* out) {
  VarWalker w([&](const Term& v, const std::vector<Names>&) { out->insert(v.name); });
  w.WalkTerm(t);
}

// "import data.a.b" / "import data.a.b as c", as OPA prints an import.
std::string ImportText(const Import& imp) {
  std::string s = "import ";
  for (size_t i = 0; i < imp.path.size(); ++i) {
    const Value& v = imp.path[i];
    if (i == 0) {
      s += v.as_string();
      continue;
    }
    bool ident = false;
    if (v.is_string()) {
      auto str = v.as_string();
      ident = !str.empty() && (isalpha(static_cast<unsigned char>(str[0])) || str[0] == '_');
      for (char ch : str)
        if (!isalnum(static_cast<unsigned char>(ch)) && ch != '_') ident = false;
    }
    if (ident) {
      s += ".";
      s += v.as_string();
    } else {
      s += "[" + FormatValue(v) + "]";
    }
  }
  if (!imp.alias.empty()) s += " as " + imp.alias;
  return s;
}

// The name an import binds: its alias or its last path segment.
std::string ImportName(const Import& imp) {
  if (!imp.alias.empty()) return imp.alias;
  const Value& last = imp.path.back();
  return last.is_string() ? std::string(last.as_string()) : "";
}

// The bodies of a rule as OPA sees them: each body (v0 allows several) and
// each else clause is a rule of its own, with the head terms its body may use.
struct RuleBody {
  const Body* body;
  std::vector<const Term*> head;
};

std::vector<RuleBody> RuleBodies(const Rule& r) {
  std::vector<const Term*> head;
  for (size_t i = 1; i < r.ref.size(); ++i) head.push_back(r.ref[i].get());
  head.push_back(r.key.get());
  head.push_back(r.value.get());
  std::vector<RuleBody> out;
  static const Body kEmpty;
  if (r.bodies.empty()) out.push_back({&kEmpty, head});
  for (const auto& b : r.bodies) out.push_back({&b, head});
  for (const auto& e : r.elses) {
    std::vector<const Term*> else_head(head.begin(), head.end() - 1);
    else_head.push_back(e.value ? e.value.get() : r.value.get());
    out.push_back({&e.body, else_head});
  }
  return out;
}

// --- Stage 1: unused imports (OPA: resolveAllRefs with strict) ------------

void CheckUnusedImports(const Module& m, std::vector<RegoError>* errs) {
  Names imported;
  for (const auto& imp : m.imports) {
    std::string root(imp.path[0].as_string());
    if (root != "data" && root != "input") continue;  // future.*, rego.v1
    imported.insert(ImportName(imp));
  }
  Names used;
  for (const auto& r : m.rules) {
    // OPA resolves args that shadow input/data to an error of its own.
    for (const auto& a : r->args) {
      if (a->kind == TermKind::kVar && IsRootDocument(a->name)) {
        errs->push_back(MakeError(
            "rego_compile_error",
            "args must not shadow " + a->name + " (use a different variable name)", r->loc));
      }
    }
    Names args;
    for (const auto& a : r->args) AllNames(a.get(), &args);
    for (const auto& rb : RuleBodies(*r)) {
      VarWalker w([&](const Term& v, const std::vector<Names>& scopes) {
        if (imported.count(v.name) && !Shadowed(v.name, scopes)) used.insert(v.name);
      });
      w.Push(args);
      w.Push(DeclaredInBody(*rb.body));
      for (const Term* t : rb.head) w.WalkTerm(t);
      w.WalkBody(*rb.body);
    }
  }
  for (const auto& imp : m.imports) {
    std::string root(imp.path[0].as_string());
    if (root != "data" && root != "input") continue;
    if (!used.count(ImportName(imp)))
      errs->push_back(MakeError("rego_compile_error", ImportText(imp) + " unused", imp.loc));
  }
}

// --- Stage 2: input/data shadowing (OPA: checkRootDocumentOverrides) -------

void CheckRootDocumentOverrides(const Module& m, std::vector<RegoError>* errs) {
  for (const auto& r : m.rules) {
    if (!r->ref.empty() && r->ref[0]->kind == TermKind::kScalar && r->ref[0]->value.is_string()) {
      std::string name(r->ref[0]->value.as_string());
      if (IsRootDocument(name))
        errs->push_back(MakeError("rego_compile_error",
                                  "rules must not shadow " + name + " (use a different rule name)",
                                  r->loc));
    }
  }
  TreeVisitor v;
  v.on_expr = [&](const Expr& e) {
    if (e.kind == ExprKind::kAssign && e.a && e.a->kind == TermKind::kVar &&
        IsRootDocument(e.a->name)) {
      errs->push_back(MakeError(
          "rego_compile_error",
          "variables must not shadow " + e.a->name + " (use a different variable name)", e.loc));
    }
  };
  for (const auto& r : m.rules) v.VisitRule(*r);
}

// --- Stage 3: unused `:=` and `some` vars (OPA: rewriteLocalVars) ----------

// Occurrences of `name` in a body, closures included unless they declare
// the name again. With `skip_some`, `some x` declarations do not count (OPA
// drops them from the body before it looks for the declared vars).
int CountInBody(const Body& body, const std::string& name, bool skip_some) {
  int n = 0;
  VarWalker w([&](const Term& v, const std::vector<Names>& scopes) {
    if (v.name == name && !Shadowed(name, scopes)) ++n;
  });
  for (const auto& e : body) {
    if (skip_some && e.kind == ExprKind::kSome) continue;
    w.WalkExpr(e);
  }
  return n;
}

class UnusedVars {
 public:
  explicit UnusedVars(std::vector<RegoError>* out) : out_(out) {}

  void CheckRule(const Rule& r) {
    for (const auto& rb : RuleBodies(r)) {
      // Closures in the head are scopes of their own, checked first.
      std::vector<RegoError> head_errs;
      for (const Term* t : rb.head) NestedInTerm(t, &head_errs);
      out_->insert(out_->end(), head_errs.begin(), head_errs.end());
      Names used;
      for (const Term* t : rb.head) AllNames(t, &used);
      std::vector<RegoError> errs;
      CheckScope(*rb.body, used, Names{}, &errs);
      out_->insert(out_->end(), errs.begin(), errs.end());
    }
  }

 private:
  // One scope: its nested scopes first, then its own `:=` vars, then its
  // `some` (and `every` key/value) vars; like OPA, a scope reports nothing
  // once an error has been found in the rule.
  void CheckScope(const Body& body, const Names& used, const Names& declared_by_every,
                  std::vector<RegoError>* errs) {
    for (const auto& e : body) NestedInExpr(e, errs);
    if (!errs->empty()) return;
    for (const auto& e : body) {
      if (e.kind != ExprKind::kAssign) continue;
      std::vector<const Term*> vars;
      PatternVars(e.a.get(), &vars);
      for (const Term* v : vars) {
        if (used.count(v->name)) continue;
        if (CountInBody(body, v->name, false) <= 1)
          errs->push_back(
              MakeError("rego_compile_error", "assigned var " + v->name + " unused", e.loc));
      }
    }
    if (!errs->empty()) return;
    for (const auto& name : declared_by_every) {
      if (used.count(name) || CountInBody(body, name, true) > 0) continue;
      Loc loc = body.empty() ? Loc{} : body[0].loc;
      errs->push_back(MakeError("rego_compile_error", "declared var " + name + " unused", loc));
    }
    for (const auto& e : body) {
      if (e.kind != ExprKind::kSome) continue;
      for (const auto& v : e.some_vars) {
        if (!IsUserVar(v->name) || used.count(v->name)) continue;
        if (CountInBody(body, v->name, true) == 0)
          errs->push_back(
              MakeError("rego_compile_error", "declared var " + v->name + " unused", e.loc));
      }
    }
  }

  void NestedInTerm(const Term* t, std::vector<RegoError>* errs) {
    if (!t) return;
    switch (t->kind) {
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
      case TermKind::kObjectCompr: {
        Names used;
        AllNames(t->a.get(), &used);
        AllNames(t->b.get(), &used);
        if (t->body) CheckScope(*t->body, used, Names{}, errs);
        return;
      }
      default:
        for (const auto& i : t->items) NestedInTerm(i.get(), errs);
        NestedInTerm(t->a.get(), errs);
        NestedInTerm(t->b.get(), errs);
    }
  }

  void NestedInExpr(const Expr& e, std::vector<RegoError>* errs) {
    NestedInTerm(e.a.get(), errs);
    NestedInTerm(e.b.get(), errs);
    NestedInTerm(e.c.get(), errs);
    for (const auto& w : e.withs) NestedInTerm(w.value.get(), errs);
    if (e.body) {
      Names own = e.kind == ExprKind::kEvery ? EveryNames(e) : Names{};
      CheckScope(*e.body, Names{}, own, errs);
    }
    for (const auto& alt : e.alternatives)
      if (alt) CheckScope(*alt, Names{}, Names{}, errs);
  }

  std::vector<RegoError>* out_;
};

}  // namespace

std::vector<RegoError> CheckStrictBeforeCompile(
    const std::vector<std::unique_ptr<Module>>& modules) {
  std::vector<RegoError> errs;
  for (const auto& m : modules) CheckUnusedImports(*m, &errs);
  if (!errs.empty()) return errs;
  for (const auto& m : modules) CheckRootDocumentOverrides(*m, &errs);
  if (!errs.empty()) return errs;
  UnusedVars unused(&errs);
  for (const auto& m : modules)
    for (const auto& r : m->rules) unused.CheckRule(*r);
  return errs;
}

// Stage 4: deprecated built-ins (OPA: checkDeprecatedBuiltins).
std::vector<RegoError> CheckDeprecatedBuiltins(
    const std::vector<std::unique_ptr<Module>>& modules) {
  std::vector<RegoError> errs;
  TreeVisitor v;
  v.on_term = [&](const Term& t) {
    if (t.kind == TermKind::kCall && t.builtin && t.builtin->deprecated) {
      errs.push_back(
          MakeError("rego_type_error",
                    "deprecated built-in function calls in expression: " + t.builtin->name, t.loc));
    }
  };
  for (const auto& m : modules)
    for (const auto& r : m->rules) v.VisitRule(*r);
  return errs;
}

}  // namespace kumo::rego
