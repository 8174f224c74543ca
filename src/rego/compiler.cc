// The Rego compiler: parsed modules -> ProgramImpl.
//
// Steps: build the data tree of rules; resolve names in every body (local
// variables to frame slots, rule names and imports to data refs, calls to
// builtins or function groups); rewrite calls with an extra output argument
// into unifications; reorder each body for safety and report unsafe
// variables; reject recursion.
#include <algorithm>
#include <functional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "rego/builtins/builtin.h"
#include "rego/parser.h"
#include "rego/program.h"
#include "rego/strict.h"

namespace kumo::rego {

namespace {

std::string PathString(const std::vector<Value>& path, const char* root = "data") {
  std::string s = root;
  for (const auto& v : path) {
    if (v.is_string()) {
      auto str = v.as_string();
      bool ident = !str.empty() && (isalpha((unsigned char)str[0]) || str[0] == '_');
      for (char c : str)
        if (!isalnum((unsigned char)c) && c != '_') ident = false;
      if (ident) {
        s += ".";
        s += str;
        continue;
      }
    }
    s += "[" + FormatValue(v) + "]";
  }
  return s;
}

struct Scope {
  std::unordered_map<std::string, int> vars;
  Scope* parent = nullptr;
  int Lookup(const std::string& n) const {
    for (const Scope* s = this; s; s = s->parent) {
      auto it = s->vars.find(n);
      if (it != s->vars.end()) return it->second;
    }
    return -1;
  }
};

struct Frame {
  std::vector<std::string> names;
  std::vector<bool> wildcard;
  int New(const std::string& n, bool wc) {
    names.push_back(n);
    wildcard.push_back(wc);
    return static_cast<int>(names.size()) - 1;
  }
};

struct TermVars {
  std::vector<int> needed, pattern, iter;
};

class Compiler {
 public:
  Compiler(ProgramImpl* prog, const CompileOptions& opts) : prog_(prog), opts_(opts) {}

  RegoErrors errors;

  void Error(const std::string& code, const std::string& msg, const Loc& loc) {
    RegoError e;
    e.code = code;
    e.message = msg;
    e.file = loc.file ? *loc.file : "";
    e.row = loc.row;
    e.col = loc.col;
    errors.errors.push_back(std::move(e));
  }

  // rego_unsafe_var_error for `what` ("var x" or "expression"), naming the
  // rule being compiled when its line also holds a rule of another name.
  void UnsafeError(const std::string& what, const Loc& loc) {
    Error("rego_unsafe_var_error", what + " is unsafe" + unsafe_suffix_, loc);
  }

  DataNode* GetNode(const std::vector<Value>& path) {
    DataNode* n = prog_->root_.get();
    for (const auto& k : path) {
      auto it = n->children.find(k);
      if (it == n->children.end()) {
        auto c = std::make_unique<DataNode>();
        c->key = k;
        c->parent = n;
        c->path = n->path;
        c->path.push_back(k);
        c->path_str = PathString(c->path);
        c->id = prog_->node_count_++;
        it = n->children.emplace(k, std::move(c)).first;
      }
      n = it->second.get();
    }
    return n;
  }

  void BuildTree() {
    prog_->root_ = std::make_unique<DataNode>();
    prog_->root_->path_str = "data";
    prog_->root_->id = prog_->node_count_++;
    for (auto& m : prog_->modules_) {
      // packages exist (as {}) even without rules
      for (DataNode* p = GetNode(m->package); p; p = p->parent) p->rules_below = true;
      auto& names = pkg_rules_[PathString(m->package)];
      for (auto& r : m->rules) {
        names.insert(std::string(r->ref[0]->value.as_string()));
        std::vector<Value> path = m->package;
        size_t i = 0;
        for (; i < r->ref.size(); ++i) {
          const auto& t = r->ref[i];
          if (t->kind != TermKind::kScalar) break;
          path.push_back(t->value);
        }
        r->static_len = i;
        DataNode* n = GetNode(path);
        r->path_str = n->path_str;
        if (r->kind == RuleKind::kFunction) {
          if (r->is_default)
            n->default_func = r.get();
          else
            n->funcs.push_back(r.get());
        } else if (r->is_default) {
          if (n->default_rule)
            Error("rego_type_error", "multiple default rules " + n->path_str + " found", r->loc);
          n->default_rule = r.get();
        } else {
          n->rules.push_back(r.get());
        }
        // function-only nodes are not documents; their prefixes are
        for (DataNode* p = r->kind == RuleKind::kFunction ? n->parent : n; p; p = p->parent)
          p->rules_below = true;
      }
    }
  }

  // --- name resolution -----------------------------------------------------

  struct Ctx {
    Module* module = nullptr;
    Frame* frame = nullptr;
    std::unordered_map<std::string, std::vector<Value>> aliases;  // alias -> full path incl root
    const std::set<std::string>* rule_names = nullptr;
  };

  bool IsGlobal(const Ctx& c, const std::string& n) const {
    if (c.rule_names && c.rule_names->count(n)) return true;
    if (c.aliases.count(n)) return true;
    return false;
  }

  // Turns a var naming a global into a ref with a data/input head.
  void ExpandGlobal(const Ctx& c, Term* t, const std::string& n) {
    std::vector<Value> path;
    auto it = c.aliases.find(n);
    bool from_rules = c.rule_names && c.rule_names->count(n);
    if (from_rules) {
      path.push_back(Value::String("data"));
      for (auto& p : c.module->package) path.push_back(p);
      path.push_back(Value::String(n));
    } else {
      path = it->second;
    }
    Loc loc = t->loc;
    std::vector<TermPtr> items;
    auto head = std::make_shared<Term>();
    head->kind = TermKind::kVar;
    head->loc = loc;
    head->name = std::string(path[0].as_string());
    if (head->name == "input")
      head->is_input = true;
    else
      head->is_data = true;
    items.push_back(head);
    for (size_t i = 1; i < path.size(); ++i) {
      auto s = std::make_shared<Term>();
      s->kind = TermKind::kScalar;
      s->loc = loc;
      s->value = path[i];
      items.push_back(s);
    }
    t->kind = items.size() == 1 ? TermKind::kVar : TermKind::kRef;
    if (items.size() == 1) {
      t->is_input = head->is_input;
      t->is_data = head->is_data;
      t->name = head->name;
    } else {
      t->items = std::move(items);
      t->name.clear();
    }
  }

  void ResolveVar(Ctx& c, Scope* sc, Term* t) {
    if (t->name == "_") {
      t->wildcard = true;
      t->slot = c.frame->New("_", true);
      return;
    }
    int s = sc->Lookup(t->name);
    if (s >= 0) {
      t->slot = s;
      return;
    }
    if (IsGlobal(c, t->name)) {
      ExpandGlobal(c, t, t->name);
      return;
    }
    if (t->name == "input") {
      t->is_input = true;
      return;
    }
    if (t->name == "data") {
      t->is_data = true;
      return;
    }
    t->slot = c.frame->New(t->name, false);
    sc->vars[t->name] = t->slot;
  }

  // Declares the vars of a pattern (the lhs of :=, some-in vars) afresh.
  void DeclarePattern(Ctx& c, Scope* sc, Term* t) {
    switch (t->kind) {
      case TermKind::kVar:
        if (t->name == "_") return;
        sc->vars[t->name] = c.frame->New(t->name, false);
        return;
      case TermKind::kArray:
        for (auto& i : t->items) DeclarePattern(c, sc, i.get());
        return;
      case TermKind::kObject:
        for (size_t i = 1; i < t->items.size(); i += 2) DeclarePattern(c, sc, t->items[i].get());
        return;
      default: return;
    }
  }

  // Pre-declares vars appearing directly (outside closures) in a term.
  void CollectDirectVars(const Ctx& c, Scope* sc, Term* t) {
    switch (t->kind) {
      case TermKind::kVar:
        if (t->name == "_" || t->name.empty() || t->name == "input" || t->name == "data") return;
        if (sc->Lookup(t->name) >= 0 || IsGlobal(c, t->name)) return;
        sc->vars[t->name] = c.frame->New(t->name, false);
        return;
      case TermKind::kRef:
      case TermKind::kArray:
      case TermKind::kSet:
      case TermKind::kObject:
      case TermKind::kTemplate:
        for (auto& i : t->items) CollectDirectVars(c, sc, i.get());
        return;
      case TermKind::kCall:
        for (size_t i = 1; i < t->items.size(); ++i) CollectDirectVars(c, sc, t->items[i].get());
        return;
      default: return;
    }
  }

  static void VarNames(const Term* t, std::set<std::string>* out) {
    if (!t) return;
    switch (t->kind) {
      case TermKind::kVar:
        if (t->name != "_") out->insert(t->name);
        return;
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
      case TermKind::kObjectCompr: return;
      default:
        for (const auto& i : t->items) VarNames(i.get(), out);
    }
  }

  // `x == input.xs[x]`: a call argument that is a ref iterating a var the
  // call also reads elsewhere is evaluated first, as its own expression
  // (`$dyn = input.xs[x]; x == $dyn`), like OPA's rewrite of dynamic call
  // arguments: the ref binds the var the other argument needs.
  void HoistBindingRefArgs(Body& body) {
    for (size_t i = 0; i < body.size(); ++i) {
      Expr& e = body[i];
      // print() keeps its operands: an undefined one prints, it does not fail
      if (e.kind != ExprKind::kTerm || e.negated || !e.withs.empty() ||
          e.a->kind != TermKind::kCall ||
          (e.a->items[0]->kind == TermKind::kVar && e.a->items[0]->name == "print"))
        continue;
      auto& items = e.a->items;
      for (size_t j = 1; j < items.size(); ++j) {
        if (items[j]->kind != TermKind::kRef) continue;
        std::set<std::string> iterated, elsewhere;
        for (size_t k = 1; k < items[j]->items.size(); ++k)
          VarNames(items[j]->items[k].get(), &iterated);
        for (size_t k = 1; k < items.size(); ++k)
          if (k != j) VarNames(items[k].get(), &elsewhere);
        bool shared = false;
        for (const auto& n : iterated) shared = shared || elsewhere.count(n);
        if (!shared) continue;
        std::string name = "$dyn" + std::to_string(hoisted_++);  // `$` never starts a user var
        auto var = [&]() {
          auto v = std::make_shared<Term>();
          v->kind = TermKind::kVar;
          v->loc = items[j]->loc;
          v->name = name;
          return v;
        };
        Expr h;
        h.kind = ExprKind::kUnify;
        h.loc = items[j]->loc;
        h.index = e.index;
        h.a = var();
        h.b = items[j];
        items[j] = var();
        body.insert(body.begin() + static_cast<std::ptrdiff_t>(i), std::move(h));
        ++i;  // body[i] is the call again
      }
    }
  }

  // Vars bound by unification are visible to the whole body (and to
  // closures in it); `:=`, `some` and `some .. in` declare at their position.
  void PredeclareBody(Ctx& c, Scope* sc, Body& body) {
    HoistBindingRefArgs(body);
    std::set<std::string> declared_later;
    for (auto& e : body) {
      if (e.kind == ExprKind::kAssign) {
        if (!(e.a->kind == TermKind::kVar || e.a->kind == TermKind::kArray ||
              e.a->kind == TermKind::kObject)) {
          Error("rego_parse_error",
                "cannot assign to " + std::string(e.a->kind == TermKind::kRef ? "ref" : "term"),
                e.loc);
        }
      }
    }
    for (auto& e : body) {
      if (e.kind == ExprKind::kTerm || e.kind == ExprKind::kUnify) {
        if (e.negated) continue;
        if (e.a) CollectDirectVars(c, sc, e.a.get());
        if (e.b) CollectDirectVars(c, sc, e.b.get());
      }
    }
  }

  std::string CallName(const Term* op) {
    if (op->kind == TermKind::kVar) return op->name;
    if (op->kind != TermKind::kRef) return "";
    if (op->items[0]->kind != TermKind::kVar) return "";
    std::string n = op->items[0]->name;
    for (size_t i = 1; i < op->items.size(); ++i) {
      const auto& s = op->items[i];
      if (s->kind != TermKind::kScalar || !s->value.is_string()) return "";
      n += ".";
      n += s->value.as_string();
    }
    return n;
  }

  void ResolveCall(Ctx& c, Scope* sc, Term* t) {
    Term* op = t->items[0].get();
    std::string name = CallName(op);
    t->call_name = name;
    if (name.empty()) {
      Error("rego_type_error", "invalid call target", t->loc);
      return;
    }
    std::string first = name.substr(0, name.find('.'));
    std::vector<Value> path;  // below data
    bool user = false;
    if (sc->Lookup(first) >= 0) {
      Error("rego_type_error", "undefined function " + name, t->loc);
      return;
    }
    auto split = [](const std::string& s) {
      std::vector<Value> out;
      size_t st = 0;
      while (true) {
        size_t d = s.find('.', st);
        out.push_back(
            Value::String(s.substr(st, d == std::string::npos ? std::string::npos : d - st)));
        if (d == std::string::npos) break;
        st = d + 1;
      }
      return out;
    };
    auto segs = split(name);
    if (first == "data") {
      user = true;
      path.assign(segs.begin() + 1, segs.end());
    } else if (c.rule_names && c.rule_names->count(first)) {
      user = true;
      path = c.module->package;
      path.insert(path.end(), segs.begin(), segs.end());
    } else if (c.aliases.count(first)) {
      const auto& ap = c.aliases.at(first);
      if (ap[0].as_string() == "data") {
        user = true;
        path.assign(ap.begin() + 1, ap.end());
        path.insert(path.end(), segs.begin() + 1, segs.end());
      }
    }
    if (user) {
      DataNode* n = prog_->FindNode(path);
      if (!n || (n->funcs.empty() && !n->default_func)) {
        if (n && (!n->rules.empty() || n->default_rule)) {
          Error("rego_type_error", "function " + PathString(path) + " is not a function", t->loc);
        } else {
          Error("rego_type_error", "undefined function " + PathString(path), t->loc);
        }
        return;
      }
      t->func = n;
      t->call_name = n->path_str;
      return;
    }
    const BuiltinDef* b = prog_->builtins_->Find(name);
    if (!b || (b->deprecated && c.module && c.module->version == RegoVersion::kV1)) {
      Error("rego_type_error", "undefined function " + name, t->loc);
      return;
    }
    if (b->unsupported) {
      Error("rego_type_error", "unsupported builtin: " + name + " (not available in kumo)", t->loc);
      return;
    }
    t->builtin = b;
    if (name == "print" || name == "internal.print") t->special = kSpecialPrint;
    if (name == "walk") t->special = kSpecialWalk;
    if (name == "trace") t->special = kSpecialTrace;
  }

  int CallArity(const Term* t) {
    if (t->builtin) return t->builtin->arity;
    if (t->func) {
      const Rule* r = !t->func->funcs.empty() ? t->func->funcs[0] : t->func->default_func;
      return static_cast<int>(r->args.size());
    }
    return -1;
  }

  void ResolveClosureBody(Ctx& c, Scope* parent, Body& body, std::vector<TermPtr*> heads,
                          std::vector<int>* captures) {
    Scope sc;
    sc.parent = parent;
    int first_slot = static_cast<int>(c.frame->names.size());
    PredeclareBody(c, &sc, body);
    for (auto& e : body) ResolveExpr(c, &sc, e);
    for (auto* h : heads) ResolveTerm(c, &sc, *h);
    // captures: outer slots referenced inside
    std::set<int> caps;
    std::function<void(const Term*)> walk_t;
    std::function<void(const Body&)> walk_b;
    walk_t = [&](const Term* t) {
      if (!t) return;
      if (t->kind == TermKind::kVar && t->slot >= 0 && t->slot < first_slot) caps.insert(t->slot);
      for (auto& i : t->items) walk_t(i.get());
      walk_t(t->a.get());
      walk_t(t->b.get());
      if (t->body) walk_b(*t->body);
    };
    walk_b = [&](const Body& b) {
      for (auto& e : b) {
        walk_t(e.a.get());
        walk_t(e.b.get());
        walk_t(e.c.get());
        if (e.body) walk_b(*e.body);
        for (auto& alt : e.alternatives) walk_b(*alt);
        for (auto& w : e.withs) walk_t(w.value.get());
      }
    };
    walk_b(body);
    for (auto* h : heads) walk_t(h->get());
    captures->assign(caps.begin(), caps.end());
  }

  void ResolveTerm(Ctx& c, Scope* sc, TermPtr& tp) {
    Term* t = tp.get();
    switch (t->kind) {
      case TermKind::kScalar: t->ground = true; return;
      case TermKind::kVar: ResolveVar(c, sc, t); return;
      case TermKind::kRef: {
        Term* head = t->items[0].get();
        if (head->kind == TermKind::kVar) {
          ResolveVar(c, sc, head);
          if (head->kind == TermKind::kRef) {
            // flatten: global expanded into a ref
            std::vector<TermPtr> items = head->items;
            items.insert(items.end(), t->items.begin() + 1, t->items.end());
            t->items = std::move(items);
          }
        } else {
          ResolveTerm(c, sc, t->items[0]);
        }
        for (size_t i = 1; i < t->items.size(); ++i) ResolveTerm(c, sc, t->items[i]);
        return;
      }
      case TermKind::kArray:
      case TermKind::kSet:
      case TermKind::kObject:
      case TermKind::kTemplate: {
        bool g = true;
        for (auto& i : t->items) {
          ResolveTerm(c, sc, i);
          g = g && i->ground;
        }
        t->ground = g && t->kind != TermKind::kTemplate;
        if (t->ground) {
          // Constant composites are built once, here, not per evaluation.
          std::vector<Value> vals;
          for (auto& i : t->items) vals.push_back(i->value);
          if (t->kind == TermKind::kArray) {
            t->value = Value::Array(std::move(vals));
          } else if (t->kind == TermKind::kSet) {
            t->value = Value::Set(std::move(vals));
          } else {
            std::vector<ObjectEntry> es;
            for (size_t i = 0; i + 1 < vals.size(); i += 2) es.emplace_back(vals[i], vals[i + 1]);
            t->value = Value::Object(std::move(es));
          }
        }
        if (t->kind == TermKind::kTemplate) {
          // each expression part is a closure over the enclosing scope
          for (auto& i : t->items) {
            (void)i;
          }
        }
        return;
      }
      case TermKind::kCall:
        ResolveCall(c, sc, t);
        for (size_t i = 1; i < t->items.size(); ++i) ResolveTerm(c, sc, t->items[i]);
        if (t->special == kSpecialPrint) {
          // print's operands may be undefined: each is a set comprehension.
          for (size_t i = 1; i < t->items.size(); ++i) {
            (void)i;
          }
        }
        return;
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr: ResolveClosureBody(c, sc, *t->body, {&t->a}, &t->captures); return;
      case TermKind::kObjectCompr:
        ResolveClosureBody(c, sc, *t->body, {&t->a, &t->b}, &t->captures);
        return;
    }
  }

  void ResolveExpr(Ctx& c, Scope* sc, Expr& e) {
    switch (e.kind) {
      case ExprKind::kSome:
        for (auto& v : e.some_vars) {
          if (v->name == "_") {
            v->wildcard = true;
            v->slot = c.frame->New("_", true);
          } else {
            v->slot = c.frame->New(v->name, false);
            sc->vars[v->name] = v->slot;
          }
        }
        break;
      case ExprKind::kAssign:
        ResolveTerm(c, sc, e.b);
        DeclarePattern(c, sc, e.a.get());
        ResolveTerm(c, sc, e.a);
        break;
      case ExprKind::kSomeIn:
        ResolveTerm(c, sc, e.c);
        if (e.a) DeclarePattern(c, sc, e.a.get());
        DeclarePattern(c, sc, e.b.get());
        if (e.a) ResolveTerm(c, sc, e.a);
        ResolveTerm(c, sc, e.b);
        break;
      case ExprKind::kEvery: {
        ResolveTerm(c, sc, e.c);
        Scope inner;
        inner.parent = sc;
        if (e.a) DeclarePattern(c, &inner, e.a.get());
        DeclarePattern(c, &inner, e.b.get());
        if (e.a) ResolveTerm(c, &inner, e.a);
        ResolveTerm(c, &inner, e.b);
        ResolveClosureBody(c, &inner, *e.body, {}, &e.captures);
        // captures relative to the every's own vars: drop key/value slots
        std::vector<int> caps;
        for (int s : e.captures)
          if (!(e.a && e.a->slot == s) && e.b->slot != s) caps.push_back(s);
        e.captures = caps;
        break;
      }
      case ExprKind::kNotBody: ResolveClosureBody(c, sc, *e.body, {}, &e.captures); break;
      case ExprKind::kOr:
      case ExprKind::kAnd: {
        std::vector<int> all;
        for (auto& alt : e.alternatives) {
          std::vector<int> caps;
          ResolveClosureBody(c, sc, *alt, {}, &caps);
          all.insert(all.end(), caps.begin(), caps.end());
        }
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        e.captures = all;
        break;
      }
      default:
        if (e.a) ResolveTerm(c, sc, e.a);
        if (e.b) ResolveTerm(c, sc, e.b);
        if (e.c) ResolveTerm(c, sc, e.c);
        break;
    }
    // f(x, out): the extra argument is an output.
    if (e.kind == ExprKind::kTerm && e.a->kind == TermKind::kCall) {
      int ar = CallArity(e.a.get());
      int nargs = static_cast<int>(e.a->items.size()) - 1;
      if (ar >= 0 && nargs == ar + 1) {
        e.b = e.a->items.back();
        e.a->items.pop_back();
        e.kind = ExprKind::kUnify;
      }
    }
    CheckArity(e.a.get());
    CheckArity(e.b.get());
    CheckArity(e.c.get());
    for (auto& w : e.withs) ResolveWith(c, sc, w);
  }

  void CheckArity(Term* t) {
    if (!t) return;
    if (t->kind == TermKind::kCall && (t->builtin || t->func)) {
      int ar = CallArity(t);
      int nargs = static_cast<int>(t->items.size()) - 1;
      if (ar >= 0 && nargs != ar) {
        Error("rego_type_error",
              t->call_name + ": arity mismatch\n\thave: " + std::to_string(nargs) +
                  " argument(s)\n\twant: " + std::to_string(ar) + " argument(s)",
              t->loc);
        t->builtin = nullptr;
        t->func = nullptr;
      }
    }
    for (auto& i : t->items) CheckArity(i.get());
    CheckArity(t->a.get());
    CheckArity(t->b.get());
    if (t->body)
      for (auto& e : *t->body) {
        (void)e;  // checked when resolved
      }
  }

  void ResolveWith(Ctx& c, Scope* sc, With& w) {
    // A bare name of a builtin or function as the value is a replacement
    // function, not a variable.
    bool value_is_fn = false;
    {
      Term* v = w.value.get();
      std::string vn = CallName(v);
      if (!vn.empty() && sc->Lookup(vn.substr(0, vn.find('.'))) < 0) {
        std::string vfirst = vn.substr(0, vn.find('.'));
        bool global = IsGlobal(c, vfirst) || vfirst == "data";
        if (!global && vfirst != "input" && prog_->builtins_->Find(vn)) value_is_fn = true;
      }
    }
    if (!value_is_fn) ResolveTerm(c, sc, w.value);
    Term* tg = w.target.get();
    std::string name = CallName(tg);
    std::string first = name.substr(0, name.find('.'));
    // input / data targets
    std::vector<Value> full;
    if (tg->kind == TermKind::kVar || tg->kind == TermKind::kRef) {
      Term* head = tg->kind == TermKind::kVar ? tg : tg->items[0].get();
      if (head->kind == TermKind::kVar) {
        std::string hn = head->name;
        if (c.aliases.count(hn)) {
          full = c.aliases.at(hn);
        } else if (hn == "input" || hn == "data") {
          full.push_back(Value::String(hn));
        } else if (c.rule_names && c.rule_names->count(hn)) {
          full.push_back(Value::String("data"));
          for (auto& p : c.module->package) full.push_back(p);
          full.push_back(Value::String(hn));
        }
        if (!full.empty() && tg->kind == TermKind::kRef) {
          for (size_t i = 1; i < tg->items.size(); ++i) {
            if (tg->items[i]->kind != TermKind::kScalar) {
              Error("rego_type_error", "with keyword target must be a ground ref", w.loc);
              return;
            }
            full.push_back(tg->items[i]->value);
          }
        }
      }
    }
    if (!full.empty()) {
      if (full[0].as_string() == "input") {
        w.kind = With::Kind::kInput;
        w.path.assign(full.begin() + 1, full.end());
        return;
      }
      std::vector<Value> below(full.begin() + 1, full.end());
      DataNode* n = prog_->FindNode(below);
      if (n && (!n->funcs.empty() || n->default_func)) {
        w.kind = With::Kind::kFunc;
        w.func = n;
        w.func_name = n->path_str;
        ResolveMockValue(c, sc, w);
        return;
      }
      w.kind = With::Kind::kData;
      w.path = std::move(below);
      return;
    }
    // a builtin
    const BuiltinDef* b = name.empty() ? nullptr : prog_->builtins_->Find(name);
    if (!b) {
      Error("rego_type_error",
            "with keyword target must reference existing input, data, or a function", w.loc);
      return;
    }
    w.kind = With::Kind::kBuiltin;
    w.builtin = b;
    w.func_name = name;
    ResolveMockValue(c, sc, w);
  }

  // `with f as g`: when the value names a function or builtin, it replaces
  // the call; otherwise the value is the result.
  void ResolveMockValue(Ctx& c, Scope* sc, With& w) {
    Term* v = w.value.get();
    if (v->kind != TermKind::kVar && v->kind != TermKind::kRef) return;
    // A resolved var that is local stays a value.
    if (v->kind == TermKind::kVar && v->slot >= 0) return;
    {
      std::string vn = CallName(v);
      const BuiltinDef* vb = vn.empty() ? nullptr : prog_->builtins_->Find(vn);
      if (vb && vb->unsupported) {
        // kumo cannot run it: say so rather than leave the call undefined
        Error("rego_type_error", "unsupported builtin: " + vn + " (not available in kumo)", v->loc);
        return;
      }
      if (vb && !(v->kind == TermKind::kRef && v->items[0]->is_data)) {
        auto call = std::make_shared<Term>();
        call->kind = TermKind::kCall;
        call->loc = v->loc;
        call->builtin = vb;
        call->call_name = vn;
        w.value = call;
        return;
      }
    }
    std::string name;
    std::vector<Value> path;
    if (v->kind == TermKind::kRef && v->items[0]->is_data) {
      for (size_t i = 1; i < v->items.size(); ++i) {
        if (v->items[i]->kind != TermKind::kScalar) return;
        path.push_back(v->items[i]->value);
      }
      DataNode* n = prog_->FindNode(path);
      if (n && (!n->funcs.empty() || n->default_func)) {
        auto call = std::make_shared<Term>();
        call->kind = TermKind::kCall;
        call->loc = v->loc;
        call->func = n;
        call->call_name = n->path_str;
        w.value = call;
      }
      return;
    }
    // an unresolved var or ref naming a builtin (e.g. `with count as mock_count` where
    // mock_count was a local function is handled above)
    Term tmp = *v;
    std::string bn;
    if (v->kind == TermKind::kVar) bn = v->name;
    if (!bn.empty()) {
      const BuiltinDef* b = prog_->builtins_->Find(bn);
      if (b) {
        auto call = std::make_shared<Term>();
        call->kind = TermKind::kCall;
        call->loc = v->loc;
        call->builtin = b;
        call->call_name = bn;
        w.value = call;
      }
    }
  }

  // --- safety --------------------------------------------------------------

  void Analyze(const Term* t, bool pat, TermVars& tv) {
    switch (t->kind) {
      case TermKind::kScalar: return;
      case TermKind::kVar:
        if (t->slot < 0) return;
        (pat ? tv.pattern : tv.needed).push_back(t->slot);
        return;
      case TermKind::kRef: {
        const Term* h = t->items[0].get();
        if (h->kind == TermKind::kVar) {
          if (h->slot >= 0) tv.needed.push_back(h->slot);
        } else {
          Analyze(h, false, tv);
        }
        for (size_t i = 1; i < t->items.size(); ++i) {
          TermVars sub;
          Analyze(t->items[i].get(), true, sub);
          tv.needed.insert(tv.needed.end(), sub.needed.begin(), sub.needed.end());
          tv.iter.insert(tv.iter.end(), sub.pattern.begin(), sub.pattern.end());
          tv.iter.insert(tv.iter.end(), sub.iter.begin(), sub.iter.end());
        }
        return;
      }
      case TermKind::kArray:
        for (auto& i : t->items) Analyze(i.get(), pat, tv);
        return;
      case TermKind::kObject:
        for (size_t i = 0; i + 1 < t->items.size(); i += 2) {
          Analyze(t->items[i].get(), false, tv);
          Analyze(t->items[i + 1].get(), pat, tv);
        }
        return;
      case TermKind::kSet:
      case TermKind::kTemplate:
        for (auto& i : t->items) Analyze(i.get(), false, tv);
        return;
      case TermKind::kCall:
        for (size_t i = 1; i < t->items.size(); ++i) Analyze(t->items[i].get(), false, tv);
        return;
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
      case TermKind::kObjectCompr:
        tv.needed.insert(tv.needed.end(), t->captures.begin(), t->captures.end());
        return;
    }
  }

  static bool AllBound(const std::vector<int>& v, const std::vector<bool>& bound) {
    for (int s : v)
      if (!bound[s]) return false;
    return true;
  }

  bool UnifyOK(const Term* a, const Term* b, std::vector<bool>& bound) {
    TermVars A, B;
    Analyze(a, true, A);
    Analyze(b, true, B);
    if (!AllBound(A.needed, bound) || !AllBound(B.needed, bound)) return false;
    if (AllBound(A.pattern, bound) || AllBound(B.pattern, bound)) {
      for (auto* v : {&A.pattern, &A.iter, &B.pattern, &B.iter})
        for (int s : *v) bound[s] = true;
      return true;
    }
    if (a->kind == TermKind::kArray && b->kind == TermKind::kArray &&
        a->items.size() == b->items.size()) {
      std::vector<bool> tmp = bound;
      for (size_t i = 0; i < a->items.size(); ++i)
        if (!UnifyOK(a->items[i].get(), b->items[i].get(), tmp)) return false;
      bound = tmp;
      return true;
    }
    if (a->kind == TermKind::kObject && b->kind == TermKind::kObject &&
        a->items.size() == b->items.size()) {
      std::vector<bool> tmp = bound;
      for (size_t i = 0; i + 1 < a->items.size(); i += 2) {
        const Term* match = nullptr;
        for (size_t j = 0; j + 1 < b->items.size(); j += 2) {
          if (a->items[i]->kind == TermKind::kScalar && b->items[j]->kind == TermKind::kScalar &&
              a->items[i]->value == b->items[j]->value)
            match = b->items[j + 1].get();
        }
        if (!match || !UnifyOK(a->items[i + 1].get(), match, tmp)) return false;
      }
      bound = tmp;
      return true;
    }
    return false;
  }

  // Can `e` run with `bound`? If so, adds its outputs to bound.
  bool Schedule(const Expr& e, std::vector<bool>& bound, const Frame& f) {
    for (auto& w : e.withs) {
      TermVars tv;
      Analyze(w.value.get(), false, tv);
      if (!AllBound(tv.needed, bound)) return false;
    }
    switch (e.kind) {
      case ExprKind::kSome: return true;
      case ExprKind::kTerm: {
        TermVars tv;
        Analyze(e.a.get(), false, tv);
        if (!AllBound(tv.needed, bound)) return false;
        if (e.negated) {
          for (int s : tv.iter)
            if (!bound[s] && !f.wildcard[s]) return false;
          return true;
        }
        for (int s : tv.iter) bound[s] = true;
        return true;
      }
      case ExprKind::kUnify:
      case ExprKind::kAssign: {
        if (e.negated) {
          TermVars A;
          Analyze(e.a.get(), false, A);
          Analyze(e.b.get(), false, A);
          for (auto* v : {&A.needed, &A.iter})
            for (int s : *v)
              if (!bound[s] && !f.wildcard[s]) return false;
          return true;
        }
        std::vector<bool> tmp = bound;
        if (!UnifyOK(e.a.get(), e.b.get(), tmp)) return false;
        bound = tmp;
        return true;
      }
      case ExprKind::kSomeIn: {
        TermVars tv;
        Analyze(e.c.get(), false, tv);
        TermVars pa;
        if (e.a) Analyze(e.a.get(), true, pa);
        Analyze(e.b.get(), true, pa);
        if (!AllBound(tv.needed, bound) || !AllBound(pa.needed, bound)) return false;
        for (auto* v : {&tv.iter, &pa.pattern, &pa.iter})
          for (int s : *v) bound[s] = true;
        return true;
      }
      case ExprKind::kEvery: {
        TermVars tv;
        Analyze(e.c.get(), false, tv);
        if (!AllBound(tv.needed, bound) || !AllBound(e.captures, bound)) return false;
        for (int s : tv.iter) bound[s] = true;
        return true;
      }
      case ExprKind::kNotBody:
      case ExprKind::kOr:
      case ExprKind::kAnd: return AllBound(e.captures, bound);
    }
    return false;
  }

  void UnboundVars(const Expr& e, const std::vector<bool>& bound, const Frame& f,
                   std::vector<int>* out) {
    TermVars tv;
    for (const Term* t : {e.a.get(), e.b.get(), e.c.get()})
      if (t) Analyze(t, false, tv);
    for (auto& w : e.withs) Analyze(w.value.get(), false, tv);
    for (int s : e.captures) tv.needed.push_back(s);
    for (int s : tv.needed)
      if (!bound[s] && !f.wildcard[s]) out->push_back(s);
  }

  void ReorderClosures(Term* t, const std::vector<bool>& bound, const Frame& f) {
    if (!t) return;
    if (t->kind == TermKind::kArrayCompr || t->kind == TermKind::kSetCompr ||
        t->kind == TermKind::kObjectCompr) {
      std::vector<bool> b = bound;
      ReorderBody(*t->body, b, f);
      std::vector<int> heads;
      TermVars tv;
      Analyze(t->a.get(), false, tv);
      if (t->b) Analyze(t->b.get(), false, tv);
      for (int s : tv.needed)
        if (!b[s] && !f.wildcard[s]) {
          UnsafeError("var " + f.names[s], t->loc);
          break;
        }
      ReorderClosures(t->a.get(), b, f);
      ReorderClosures(t->b.get(), b, f);
      return;
    }
    for (auto& i : t->items) ReorderClosures(i.get(), bound, f);
  }

  void ReorderBody(Body& body, std::vector<bool>& bound, const Frame& f) {
    std::vector<Expr> pending(std::make_move_iterator(body.begin()),
                              std::make_move_iterator(body.end()));
    body.clear();
    while (!pending.empty()) {
      bool progress = false;
      for (size_t i = 0; i < pending.size(); ++i) {
        std::vector<bool> before = bound;
        if (Schedule(pending[i], bound, f)) {
          Expr e = std::move(pending[i]);
          pending.erase(pending.begin() + i);
          // nested bodies see what was bound before this expression, plus
          // what it binds itself for `every`.
          ReorderClosures(e.a.get(), before, f);
          ReorderClosures(e.b.get(), before, f);
          ReorderClosures(e.c.get(), before, f);
          for (auto& w : e.withs) ReorderClosures(w.value.get(), before, f);
          if (e.kind == ExprKind::kEvery) {
            std::vector<bool> b = before;
            TermVars pv;
            if (e.a) Analyze(e.a.get(), true, pv);
            Analyze(e.b.get(), true, pv);
            for (int s : pv.pattern) b[s] = true;
            ReorderBody(*e.body, b, f);
          } else if (e.kind == ExprKind::kNotBody) {
            std::vector<bool> b = before;
            ReorderBody(*e.body, b, f);
          } else if (e.kind == ExprKind::kOr || e.kind == ExprKind::kAnd) {
            for (auto& alt : e.alternatives) {
              std::vector<bool> b = before;
              ReorderBody(*alt, b, f);
            }
          }
          body.push_back(std::move(e));
          progress = true;
          break;
        }
      }
      if (!progress) {
        std::set<int> reported;
        for (auto& e : pending) {
          std::vector<int> vs;
          UnboundVars(e, bound, f, &vs);
          for (int s : vs) {
            if (reported.insert(s).second) {
              UnsafeError("var " + f.names[s], e.loc);
            }
          }
        }
        if (reported.empty() && !pending.empty()) UnsafeError("expression", pending[0].loc);
        for (auto& e : pending) body.push_back(std::move(e));
        return;
      }
    }
  }

  // --- print operands ------------------------------------------------------

  // Vars an operand reads, outside closures (which capture on their own).
  static void OperandVars(const Term* t, std::vector<int>* out) {
    if (!t) return;
    switch (t->kind) {
      case TermKind::kVar:
        if (t->slot >= 0) out->push_back(t->slot);
        return;
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
      case TermKind::kObjectCompr: return;
      case TermKind::kCall:
        for (size_t i = 1; i < t->items.size(); ++i) OperandVars(t->items[i].get(), out);
        return;
      default:
        for (const auto& i : t->items) OperandVars(i.get(), out);
        return;
    }
  }

  // Like OPA, print() operands are checked in source order before the safety
  // pass: an operand var that no earlier expression of its body (or of an
  // enclosing one) binds is "undeclared". print captures each operand in a
  // comprehension, where such a var would otherwise just be unbound.
  void CheckPrintOperands(const Body& body, std::vector<bool> bound, const Frame& f) {
    for (const auto& e : body) {
      for (const Term* t : {e.a.get(), e.b.get(), e.c.get()}) CheckPrintClosures(t, bound, f);
      for (const auto& w : e.withs) CheckPrintClosures(w.value.get(), bound, f);
      if (e.body) {
        std::vector<bool> b = bound;
        if (e.kind == ExprKind::kEvery) {
          TermVars kv;
          if (e.a) Analyze(e.a.get(), true, kv);
          Analyze(e.b.get(), true, kv);
          for (int s : kv.pattern) b[s] = true;
        }
        CheckPrintOperands(*e.body, std::move(b), f);
      }
      for (const auto& alt : e.alternatives) CheckPrintOperands(*alt, bound, f);
      if (e.kind == ExprKind::kTerm && e.a->kind == TermKind::kCall &&
          e.a->special == kSpecialPrint) {
        for (size_t i = 1; i < e.a->items.size(); ++i) {
          const Term* op = e.a->items[i].get();
          std::vector<int> vs;
          OperandVars(op, &vs);
          std::set<std::string> undeclared;
          for (int s : vs)
            if (!bound[s] && !f.wildcard[s]) undeclared.insert(f.names[s]);
          for (const auto& n : undeclared)
            Error("rego_compile_error", "var " + n + " is undeclared", op->loc);
          print_errors_ += undeclared.size();
        }
      }
      Schedule(e, bound, f);
    }
  }

  void CheckPrintClosures(const Term* t, const std::vector<bool>& bound, const Frame& f) {
    if (!t) return;
    if (t->body) {
      CheckPrintOperands(*t->body, bound, f);
      return;
    }
    for (const auto& i : t->items) CheckPrintClosures(i.get(), bound, f);
  }

  // Whether t has one value at most once the vars it collects into
  // *slots are bound (see Term::single_static).
  static bool CollectSingle(const Term* t, std::vector<int>* slots) {
    switch (t->kind) {
      case TermKind::kScalar: return true;
      case TermKind::kVar:
        if (t->slot >= 0) slots->push_back(t->slot);
        return true;
      case TermKind::kRef:
        for (const auto& i : t->items)
          if (!CollectSingle(i.get(), slots)) return false;
        return true;
      case TermKind::kCall:
        if (t->special == kSpecialWalk) return false;
        for (size_t i = 1; i < t->items.size(); ++i)
          if (!CollectSingle(t->items[i].get(), slots)) return false;
        return true;
      case TermKind::kArray:
      case TermKind::kSet:
      case TermKind::kObject:
      case TermKind::kTemplate:
        for (const auto& i : t->items)
          if (!CollectSingle(i.get(), slots)) return false;
        return true;
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
      case TermKind::kObjectCompr: return true;
    }
    return false;
  }

  void ComputePatternSlots(Term* t) {
    if (!t) return;
    TermVars tv;
    Analyze(t, true, tv);
    t->pattern_slots = tv.pattern;
    t->single_slots.clear();
    t->single_static = CollectSingle(t, &t->single_slots);
    std::sort(t->single_slots.begin(), t->single_slots.end());
    t->single_slots.erase(std::unique(t->single_slots.begin(), t->single_slots.end()),
                          t->single_slots.end());
    for (auto& i : t->items) ComputePatternSlots(i.get());
    ComputePatternSlots(t->a.get());
    ComputePatternSlots(t->b.get());
    if (t->body) ComputePatternSlotsBody(*t->body);
  }
  void ComputePatternSlotsBody(Body& b) {
    for (auto& e : b) {
      ComputePatternSlots(e.a.get());
      ComputePatternSlots(e.b.get());
      ComputePatternSlots(e.c.get());
      if (e.body) ComputePatternSlotsBody(*e.body);
      for (auto& alt : e.alternatives) ComputePatternSlotsBody(*alt);
      for (auto& w : e.withs) ComputePatternSlots(w.value.get());
    }
  }

  Ctx MakeCtx(Module* m, Frame* f) {
    Ctx c;
    c.module = m;
    c.frame = f;
    if (m) {
      c.rule_names = &pkg_rules_[PathString(m->package)];
      for (auto& imp : m->imports) {
        std::string root(imp.path[0].as_string());
        if (root != "data" && root != "input") continue;
        std::string alias = imp.alias;
        if (alias.empty()) {
          const Value& last = imp.path.back();
          alias = last.is_string() ? std::string(last.as_string()) : "";
        }
        if (alias.empty()) continue;
        if (imp.path.size() == 1 && (alias == "input" || alias == "data")) continue;
        if (c.aliases.count(alias)) {
          Error("rego_compile_error", "import must not shadow import " + alias, imp.loc);
        }
        c.aliases[alias] = imp.path;
      }
    }
    return c;
  }

  // OPA moves a function argument that needs evaluation (a ref, call,
  // comprehension or template string) into the body, as `arg = term` after
  // the other expressions: it may read vars the body binds, as in
  // `f($"{x}") if x := "a"`. The argument itself becomes a plain var.
  static void MoveEvaluatedArgsToBody(Rule* r) {
    for (size_t i = 0; i < r->args.size(); ++i) {
      TermPtr& a = r->args[i];
      switch (a->kind) {
        case TermKind::kRef:
        case TermKind::kCall:
        case TermKind::kArrayCompr:
        case TermKind::kSetCompr:
        case TermKind::kObjectCompr:
        case TermKind::kTemplate: break;
        default: continue;
      }
      // `$` cannot start a Rego identifier, so the name is never the user's.
      std::string name = "$arg" + std::to_string(i);
      auto make_var = [&]() {
        auto v = std::make_shared<Term>();
        v->kind = TermKind::kVar;
        v->loc = a->loc;
        v->name = name;
        return v;
      };
      auto append = [&](Body& body) {
        Expr e;
        e.kind = ExprKind::kUnify;
        e.loc = a->loc;
        e.a = make_var();
        e.b = a;
        e.index = static_cast<int>(body.size());
        body.push_back(std::move(e));
      };
      for (auto& body : r->bodies) append(body);
      for (auto& ec : r->elses) append(ec.body);
      a = make_var();
    }
  }

  void CompileRule(Module* m, Rule* r) {
    if (r->kind == RuleKind::kFunction) MoveEvaluatedArgsToBody(r);
    Frame f;
    Ctx c = MakeCtx(m, &f);
    Scope args;
    for (auto& a : r->args) {
      DeclarePattern(c, &args, a.get());
      ResolveTerm(c, &args, a);
    }
    std::vector<bool> arg_bound;
    auto bound_init = [&]() {
      std::vector<bool> b(f.names.size() + 1, false);
      for (auto& a : r->args) {
        TermVars tv;
        Analyze(a.get(), true, tv);
        for (int s : tv.pattern) b[s] = true;
      }
      return b;
    };
    Scope main;
    main.parent = &args;
    for (auto& body : r->bodies) {
      PredeclareBody(c, &main, body);
    }
    for (auto& body : r->bodies)
      for (auto& e : body) ResolveExpr(c, &main, e);
    for (size_t i = r->static_len; i < r->ref.size(); ++i) ResolveTerm(c, &main, r->ref[i]);
    if (r->key) ResolveTerm(c, &main, r->key);
    if (r->value) ResolveTerm(c, &main, r->value);
    std::vector<std::unique_ptr<Scope>> else_scopes;
    for (auto& ec : r->elses) {
      auto sc = std::make_unique<Scope>();
      sc->parent = &args;
      PredeclareBody(c, sc.get(), ec.body);
      for (auto& e : ec.body) ResolveExpr(c, sc.get(), e);
      if (ec.value) ResolveTerm(c, sc.get(), ec.value);
      else_scopes.push_back(std::move(sc));
    }
    if (opts_.enable_print) {
      for (const auto& body : r->bodies) CheckPrintOperands(body, ResizedBound(bound_init(), f), f);
      for (const auto& ec : r->elses) CheckPrintOperands(ec.body, ResizedBound(bound_init(), f), f);
    }
    // safety
    unsafe_suffix_.clear();
    auto names = rule_names_by_row_.find({m, r->loc.row});
    if (names != rule_names_by_row_.end() && names->second.size() > 1)
      unsafe_suffix_ = " in rule " + RuleName(*r);
    size_t nerr = errors.errors.size();
    auto check_head = [&](Term* t, const std::vector<bool>& b) {
      if (!t) return;
      TermVars tv;
      Analyze(t, false, tv);
      for (int s : tv.needed)
        if (!b[s] && !f.wildcard[s]) {
          UnsafeError("var " + f.names[s], t->loc);
          return;
        }
      ReorderClosures(t, b, f);
    };
    for (auto& body : r->bodies) {
      std::vector<bool> b = bound_init();
      b.resize(f.names.size() + 1, false);
      ReorderBody(body, b, f);
      if (errors.errors.size() == nerr) {
        for (size_t i = r->static_len; i < r->ref.size(); ++i) check_head(r->ref[i].get(), b);
        check_head(r->key.get(), b);
        check_head(r->value.get(), b);
      }
    }
    for (auto& ec : r->elses) {
      std::vector<bool> b = bound_init();
      b.resize(f.names.size() + 1, false);
      ReorderBody(ec.body, b, f);
      if (errors.errors.size() == nerr) check_head(ec.value.get(), b);
    }
    for (auto& a : r->args) ComputePatternSlots(a.get());
    for (auto& body : r->bodies) ComputePatternSlotsBody(body);
    for (auto& ec : r->elses) {
      ComputePatternSlotsBody(ec.body);
      ComputePatternSlots(ec.value.get());
    }
    for (auto& t : r->ref) ComputePatternSlots(t.get());
    ComputePatternSlots(r->key.get());
    ComputePatternSlots(r->value.get());
    r->frame_size = static_cast<int>(f.names.size());
  }

  // --- recursion -----------------------------------------------------------

  void DepsOfTerm(const Term* t, std::set<DataNode*>& deps) {
    if (!t) return;
    if (t->kind == TermKind::kCall && t->func) deps.insert(t->func);
    if (t->kind == TermKind::kRef && t->items[0]->is_data) {
      LinkDataChain(const_cast<Term*>(t));
      DataRefDeps(prog_->root_.get(), t, 1, deps);
    } else if (t->kind == TermKind::kVar && t->is_data) {
      AllRuleNodes(prog_->root_.get(), deps, false);
    }
    for (size_t i = 0; i < t->items.size(); ++i) {
      if (i == 0 && t->kind == TermKind::kRef && t->items[0]->kind == TermKind::kVar) continue;
      DepsOfTerm(t->items[i].get(), deps);
    }
    DepsOfTerm(t->a.get(), deps);
    DepsOfTerm(t->b.get(), deps);
    if (t->body) DepsOfBody(*t->body, deps);
  }
  // The rule nodes a data ref may read from `n` on (its item `i` onwards):
  // a constant key selects one child, any other key every child, so
  // `data[x].allow` does not depend on `data.test.p`. The first node with
  // rules is read whole, with everything below it.
  void DataRefDeps(DataNode* n, const Term* ref, size_t i, std::set<DataNode*>& deps) {
    if (i == ref->items.size() || !n->rules.empty() || n->default_rule) {
      AllRuleNodes(n, deps, false);
      return;
    }
    const Term* k = ref->items[i].get();
    if (k->kind == TermKind::kScalar) {
      auto it = n->children.find(k->value);
      if (it != n->children.end()) DataRefDeps(it->second.get(), ref, i + 1, deps);
      return;
    }
    for (auto& [ck, c] : n->children) DataRefDeps(c.get(), ref, i + 1, deps);
  }

  // Records the data-tree nodes a data ref's constant prefix names (see
  // Term::data_chain). Runs once the tree is complete.
  void LinkDataChain(Term* t) {
    t->data_chain.clear();
    const DataNode* n = prog_->root_.get();
    for (size_t i = 1; i < t->items.size(); ++i) {
      const Term* k = t->items[i].get();
      if (k->kind != TermKind::kScalar) break;
      auto it = n->children.find(k->value);
      if (it == n->children.end()) break;
      n = it->second.get();
      t->data_chain.push_back(n);
      if (!n->rules.empty() || n->default_rule) break;
    }
  }

  void AllRuleNodes(DataNode* n, std::set<DataNode*>& deps, bool self_only) {
    if (!n->rules.empty() || n->default_rule) deps.insert(n);
    if (self_only && !n->rules.empty()) {
      // rules at a node with suffixes may still have children with rules
    }
    for (auto& [k, c] : n->children) AllRuleNodes(c.get(), deps, false);
  }
  void DepsOfBody(const Body& b, std::set<DataNode*>& deps) {
    for (auto& e : b) {
      DepsOfTerm(e.a.get(), deps);
      DepsOfTerm(e.b.get(), deps);
      DepsOfTerm(e.c.get(), deps);
      if (e.body) DepsOfBody(*e.body, deps);
      for (auto& alt : e.alternatives) DepsOfBody(*alt, deps);
      for (auto& w : e.withs) DepsOfTerm(w.value.get(), deps);
    }
  }

  void CheckRecursion() {
    std::map<DataNode*, std::set<DataNode*>> graph;
    std::map<DataNode*, Rule*> first_rule;
    for (auto& m : prog_->modules_) {
      for (auto& r : m->rules) {
        DataNode* n = prog_->FindNode(NodePathOf(m.get(), r.get()));
        if (!n) continue;
        if (!first_rule.count(n)) first_rule[n] = r.get();
        auto& deps = graph[n];
        for (auto& b : r->bodies) DepsOfBody(b, deps);
        for (auto& ec : r->elses) {
          DepsOfBody(ec.body, deps);
          DepsOfTerm(ec.value.get(), deps);
        }
        DepsOfTerm(r->value.get(), deps);
        DepsOfTerm(r->key.get(), deps);
        for (auto& t : r->ref) DepsOfTerm(t.get(), deps);
      }
    }
    MarkInputIndependent(graph);
    std::map<DataNode*, int> state;
    std::vector<DataNode*> stack;
    std::set<DataNode*> reported;
    std::function<void(DataNode*)> dfs = [&](DataNode* n) {
      state[n] = 1;
      stack.push_back(n);
      for (DataNode* d : graph[n]) {
        if (state[d] == 1) {
          auto it = std::find(stack.begin(), stack.end(), d);
          if (!reported.count(d)) {
            std::string chain;
            for (auto j = it; j != stack.end(); ++j) chain += (*j)->path_str + " -> ";
            chain += d->path_str;
            Rule* r = first_rule[d];
            Error("rego_recursion_error", "rule " + d->path_str + " is recursive: " + chain,
                  r ? r->loc : Loc{});
            reported.insert(d);
          }
        } else if (state[d] == 0) {
          dfs(d);
        }
      }
      stack.pop_back();
      state[n] = 2;
    };
    for (auto& [n, deps] : graph)
      if (state[n] == 0) dfs(n);
  }

  // --- input independence (see DataNode::input_independent) ----------------

  static bool TermDynamic(const Term* t) {
    if (!t) return false;
    if (t->is_input) return true;
    if (t->kind == TermKind::kCall) {
      if (t->special == kSpecialPrint || t->special == kSpecialTrace) return true;
      if (t->builtin && t->builtin->nondeterministic) return true;
    }
    for (const auto& i : t->items)
      if (TermDynamic(i.get())) return true;
    if (TermDynamic(t->a.get()) || TermDynamic(t->b.get())) return true;
    return t->body && BodyDynamic(*t->body);
  }
  static bool BodyDynamic(const Body& b) {
    for (const auto& e : b) {
      if (!e.withs.empty()) return true;
      if (TermDynamic(e.a.get()) || TermDynamic(e.b.get()) || TermDynamic(e.c.get())) return true;
      if (e.body && BodyDynamic(*e.body)) return true;
      for (const auto& alt : e.alternatives)
        if (BodyDynamic(*alt)) return true;
    }
    return false;
  }
  static bool RuleDynamic(const Rule* r) {
    for (const auto& b : r->bodies)
      if (BodyDynamic(b)) return true;
    for (const auto& ec : r->elses)
      if (BodyDynamic(ec.body) || TermDynamic(ec.value.get())) return true;
    for (const auto& t : r->ref)
      if (TermDynamic(t.get())) return true;
    for (const auto& t : r->args)
      if (TermDynamic(t.get())) return true;
    return TermDynamic(r->key.get()) || TermDynamic(r->value.get());
  }

  void MarkInputIndependent(const std::map<DataNode*, std::set<DataNode*>>& graph) {
    std::set<DataNode*> dynamic;
    for (auto& m : prog_->modules_) {
      for (auto& r : m->rules) {
        if (!RuleDynamic(r.get())) continue;
        if (DataNode* n = prog_->FindNode(NodePathOf(m.get(), r.get()))) dynamic.insert(n);
      }
    }
    // A node whose rules have dynamic ref heads also holds the documents of
    // the rules below it (eval.cc folds them into one tree).
    std::map<DataNode*, std::set<DataNode*>> with_below = graph;
    for (auto& [n, deps] : with_below) {
      bool dyn_head = false;
      for (const Rule* r : n->rules)
        if (r->static_len < r->ref.size()) dyn_head = true;
      if (dyn_head)
        for (auto& [k, c] : n->children) AllRuleNodes(c.get(), deps, false);
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (const auto& [n, deps] : with_below) {
        if (dynamic.count(n)) continue;
        for (DataNode* d : deps) {
          if (dynamic.count(d)) {
            dynamic.insert(n);
            changed = true;
            break;
          }
        }
      }
    }
    for (const auto& [n, deps] : graph) n->input_independent = !dynamic.count(n);
  }

  std::vector<Value> NodePathOf(Module* m, Rule* r) {
    std::vector<Value> p = m->package;
    for (size_t i = 0; i < r->static_len; ++i) p.push_back(r->ref[i]->value);
    return p;
  }

  static std::vector<bool> ResizedBound(std::vector<bool> b, const Frame& f) {
    b.resize(f.names.size() + 1, false);
    return b;
  }

  // The rule's head ref as written: `p`, `a.b.c`, `a.b[x]`.
  static std::string RuleName(const Rule& r) {
    std::string s(r.ref[0]->value.as_string());
    for (size_t i = 1; i < r.ref.size(); ++i) {
      const Term* t = r.ref[i].get();
      if (t->kind == TermKind::kScalar) {
        s += PathString({t->value}, "");
      } else if (t->kind == TermKind::kVar) {
        s += "[" + t->name + "]";
      } else {
        s += "[...]";
      }
    }
    return s;
  }

  void CompileAll() {
    BuildTree();
    // Rule names per source line: safety errors name their rule when the
    // line it starts on holds rules of more than one name.
    for (auto& m : prog_->modules_)
      for (auto& r : m->rules) rule_names_by_row_[{m.get(), r->loc.row}].insert(RuleName(*r));
    for (auto& m : prog_->modules_) {
      for (auto& r : m->rules) CompileRule(m.get(), r.get());
    }
    // OPA rewrites print calls before its safety pass and stops there when
    // an operand is undeclared: the same vars are not reported again.
    if (print_errors_ > 0)
      std::erase_if(errors.errors,
                    [](const RegoError& e) { return e.code == "rego_unsafe_var_error"; });
    if (errors.errors.empty()) CheckRecursion();
    CheckConflicts();
  }

  void CheckConflicts() {
    // A function and a value rule with the same path.
    std::function<void(DataNode*)> walk = [&](DataNode* n) {
      if (!n->funcs.empty() && (!n->rules.empty() || n->default_rule)) {
        Error("rego_type_error", "conflicting rules " + n->path_str + " found", n->funcs[0]->loc);
      }
      for (auto& [k, c] : n->children) walk(c.get());
    };
    walk(prog_->root_.get());
  }

  // Query compilation.
  void CompileQueryBody(QueryPlan* plan) {
    Frame f;
    Ctx c = MakeCtx(nullptr, &f);
    Scope sc;
    PredeclareBody(c, &sc, plan->body);
    for (auto& e : plan->body) ResolveExpr(c, &sc, e);
    std::vector<bool> b(f.names.size() + 1, false);
    if (opts_.enable_print) CheckPrintOperands(plan->body, b, f);
    if (print_errors_ > 0) return;
    ReorderBody(plan->body, b, f);
    ComputePatternSlotsBody(plan->body);
    std::set<DataNode*> unused;
    DepsOfBody(plan->body, unused);  // links the query's data refs
    plan->frame_size = static_cast<int>(f.names.size());
    std::vector<std::pair<std::string, int>> outs;
    for (auto& [n, s] : sc.vars) {
      if (n.empty() || n == "_" || n[0] == '$') continue;  // `$`: compiler temporaries
      outs.emplace_back(n, s);
    }
    std::sort(outs.begin(), outs.end());
    plan->output_vars = std::move(outs);
  }

 private:
  ProgramImpl* prog_;
  CompileOptions opts_;
  std::map<std::string, std::set<std::string>> pkg_rules_;
  std::map<std::pair<const Module*, int>, std::set<std::string>> rule_names_by_row_;
  std::string unsafe_suffix_;  // see UnsafeError
  int hoisted_ = 0;            // see HoistBindingRefArgs
  size_t print_errors_ = 0;
};

// OPA normalises METADATA: authors/organizations strings become objects
// ({name, email}), and each block records its scope.
Value NormaliseAnnotation(const Value& a, const char* default_scope) {
  std::vector<ObjectEntry> es;
  bool has_scope = false;
  for (const auto& [k, v] : a.entries()) {
    if (k.is_string() && k.as_string() == "scope") has_scope = true;
    if (k.is_string() && k.as_string() == "authors" && v.is_array()) {
      std::vector<Value> authors;
      for (const auto& au : v.items()) {
        if (!au.is_string()) {
          authors.push_back(au);
          continue;
        }
        std::string s(au.as_string());
        std::vector<ObjectEntry> o;
        size_t lt = s.find('<');
        if (lt != std::string::npos && s.back() == '>') {
          std::string name = s.substr(0, lt);
          while (!name.empty() && name.back() == ' ') name.pop_back();
          std::string email = s.substr(lt + 1, s.size() - lt - 2);
          if (!email.empty()) o.emplace_back(Value::String("email"), Value::String(email));
          if (!name.empty()) o.emplace_back(Value::String("name"), Value::String(name));
        } else {
          o.emplace_back(Value::String("name"), Value::String(s));
        }
        authors.push_back(Value::Object(std::move(o)));
      }
      es.emplace_back(k, Value::Array(std::move(authors)));
      continue;
    }
    es.emplace_back(k, v);
  }
  if (!has_scope) es.emplace_back(Value::String("scope"), Value::String(default_scope));
  return Value::Object(std::move(es));
}

void CollectAnnotations(ProgramImpl* prog) {
  // package path -> package-scoped annotations (from any module)
  std::map<std::string, std::vector<Value>> pkg_anns;
  auto scope_of = [](const Value& a, const char* def) {
    const Value* sc = a.Find("scope");
    return sc && sc->is_string() ? std::string(sc->as_string()) : std::string(def);
  };
  for (auto& m : prog->modules_) {
    std::string pkg = "data";
    for (auto& p : m->package) pkg += "." + std::string(p.as_string());
    if (m->package_annotations.is_array()) {
      for (const auto& raw : m->package_annotations.items()) {
        Value a = NormaliseAnnotation(raw, "package");
        Annotation an;
        an.scope = scope_of(a, "package");
        an.path = pkg;
        an.value = a;
        prog->annotations_.push_back(an);
        pkg_anns[pkg].push_back(a);
      }
    }
  }
  auto path_value = [](const std::vector<Value>& segs) { return Value::Array(segs); };
  auto entry = [](const Value& path, const Value& ann) {
    std::vector<ObjectEntry> e;
    e.emplace_back(Value::String("path"), path);
    if (!ann.is_null()) e.emplace_back(Value::String("annotations"), ann);
    return Value::Object(std::move(e));
  };
  // `scope: document` annotations belong to every rule of their document,
  // whichever of its rules they are written on.
  std::map<std::string, std::vector<Value>> doc_anns_by_path;
  for (auto& m : prog->modules_)
    for (auto& r : m->rules) {
      if (!r->annotations.is_array()) continue;
      for (const auto& raw : r->annotations.items()) {
        Value a = NormaliseAnnotation(raw, "rule");
        if (scope_of(a, "rule") == "document") doc_anns_by_path[r->path_str].push_back(a);
      }
    }
  for (auto& m : prog->modules_) {
    std::string pkg = "data";
    for (auto& p : m->package) pkg += "." + std::string(p.as_string());
    for (auto& r : m->rules) {
      std::vector<Value> rule_anns;
      const std::vector<Value> no_doc_anns;
      auto doc_it = doc_anns_by_path.find(r->path_str);
      const std::vector<Value>& doc_anns =
          doc_it != doc_anns_by_path.end() ? doc_it->second : no_doc_anns;
      if (r->annotations.is_array()) {
        for (const auto& raw : r->annotations.items()) {
          Value a = NormaliseAnnotation(raw, "rule");
          Annotation an;
          an.scope = scope_of(a, "rule");
          an.path = an.scope == "package" || an.scope == "subpackages" ? pkg : r->path_str;
          an.value = a;
          prog->annotations_.push_back(an);
          if (an.scope == "rule")
            rule_anns.push_back(a);
          else if (an.scope != "document")
            pkg_anns[pkg].push_back(a);
        }
      }
      prog->rule_metadata_[r.get()] = rule_anns.empty() ? Value::EmptyObject() : rule_anns.back();
      std::vector<Value> rpath = m->package;
      for (size_t i = 0; i < r->static_len; ++i) rpath.push_back(r->ref[i]->value);
      std::vector<Value> chain;
      if (rule_anns.empty()) chain.push_back(entry(path_value(rpath), Value()));
      for (const auto& a : rule_anns) chain.push_back(entry(path_value(rpath), a));
      for (const auto& a : doc_anns) chain.push_back(entry(path_value(rpath), a));
      // this package, then enclosing packages (their subpackages scope)
      std::vector<Value> ppath = m->package;
      while (true) {
        std::string ps = "data";
        for (auto& p : ppath) ps += "." + std::string(p.as_string());
        auto it = pkg_anns.find(ps);
        if (it != pkg_anns.end())
          for (const auto& a : it->second) chain.push_back(entry(path_value(ppath), a));
        if (ppath.empty()) break;
        ppath.pop_back();
      }
      prog->rule_chain_[r.get()] = Value::Array(chain);
    }
  }
}

}  // namespace

DataNode* ProgramImpl::FindNode(const std::vector<Value>& path) const {
  DataNode* n = root_.get();
  for (const auto& k : path) {
    auto it = n->children.find(k);
    if (it == n->children.end()) return nullptr;
    n = it->second.get();
  }
  return n;
}

std::vector<std::string> ProgramImpl::packages() const {
  std::vector<std::string> out;
  for (auto& m : modules_) {
    std::string p = PathString(m->package);
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  }
  return out;
}

std::vector<std::string> ProgramImpl::rules(std::string_view package_path) const {
  std::vector<std::string> out;
  for (auto& m : modules_) {
    if (PathString(m->package) != package_path) continue;
    for (auto& r : m->rules) {
      std::string n(r->ref[0]->value.as_string());
      if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    }
  }
  return out;
}

RegoResult<std::shared_ptr<const Program>> Compile(std::vector<ModuleSource> modules,
                                                   const CompileOptions& opts) {
  RegoResult<std::shared_ptr<const Program>> res;
  auto prog = std::make_shared<ProgramImpl>();
  prog->opts_ = opts;
  prog->builtins_ = &BuiltinRegistry::Default();
  for (auto& ms : modules) {
    ParseOptions po;
    po.version = ms.version;
    po.experimental_keywords = opts.experimental_keywords;
    auto m = ParseModule(ms.filename, ms.text, po);
    if (!m.ok()) {
      for (auto& e : m.errors.errors) res.errors.errors.push_back(e);
      continue;
    }
    prog->modules_.push_back(std::move(*m.value));
  }
  if (!res.errors.errors.empty()) return res;
  if (opts.strict) {
    res.errors.errors = CheckStrictBeforeCompile(prog->modules_);
    if (!res.errors.errors.empty()) return res;
  }
  Compiler c(prog.get(), opts);
  c.CompileAll();
  if (c.errors.errors.empty() && opts.strict)
    c.errors.errors = CheckDeprecatedBuiltins(prog->modules_);
  if (!c.errors.errors.empty()) {
    res.errors = std::move(c.errors);
    return res;
  }
  CollectAnnotations(prog.get());
  res.value = prog;
  return res;
}

RegoResult<std::shared_ptr<QueryPlan>> CompileQuery(const ProgramImpl& prog,
                                                    std::string_view text) {
  RegoResult<std::shared_ptr<QueryPlan>> res;
  auto plan = std::make_shared<QueryPlan>();
  plan->text = std::string(text);
  plan->program = &prog;
  ParseOptions po;
  po.all_keywords = true;
  po.experimental_keywords = prog.opts_.experimental_keywords;
  auto body = ParseQuery(plan->text, &plan->file, po);
  if (!body.ok()) {
    res.errors = body.errors;
    return res;
  }
  plan->body = std::move(*body.value);
  Compiler c(const_cast<ProgramImpl*>(&prog), prog.opts_);
  c.CompileQueryBody(plan.get());
  if (!c.errors.errors.empty()) {
    res.errors = std::move(c.errors);
    return res;
  }
  res.value = plan;
  return res;
}

}  // namespace kumo::rego
