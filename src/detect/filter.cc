#include "detect/filter.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "common/base64.h"

namespace kumo::detect {

int SlotTable::Intern(const std::string& key) {
  auto it = keys_.find(key);
  if (it != keys_.end()) return it->second;
  int id = static_cast<int>(keys_.size());
  keys_.emplace(key, id);
  return id;
}

enum class TKind { kNone, kToLower, kToUpper, kB64, kBasename, kLen, kJoin, kConcat, kLiteral };

struct CompiledValue {
  TKind t = TKind::kNone;
  const FieldInfo* field = nullptr;  // t == kNone
  std::string arg;
  std::string literal;  // t == kLiteral
  std::vector<CompiledValue> args;
  FieldType type = FieldType::kString;
  bool is_list = false;
  int slot = -1;

  const FieldValues& Get(EvalContext& ctx) const;
};

namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

bool IContains(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t j = 0;
    while (j < needle.size() && Lower(hay[i + j]) == Lower(needle[j])) ++j;
    if (j == needle.size()) return true;
  }
  return false;
}

}  // namespace

const FieldValues& CompiledValue::Get(EvalContext& ctx) const {
  bool fresh;
  FieldValues* out = ctx.CacheSlot(static_cast<size_t>(slot), &fresh);
  if (fresh) return *out;
  switch (t) {
    case TKind::kNone: field->extract(ctx, arg, out); break;
    case TKind::kLiteral: out->AddString(literal); break;
    case TKind::kToLower:
    case TKind::kToUpper:
    case TKind::kBasename:
    case TKind::kB64: {
      const FieldValues& in = args[0].Get(ctx);
      for (const FieldItem& it : in.items) {
        std::string* s = ctx.Scratch();
        if (t == TKind::kToLower) {
          for (char c : it.s) s->push_back(Lower(c));
        } else if (t == TKind::kToUpper) {
          for (char c : it.s) s->push_back(Upper(c));
        } else if (t == TKind::kBasename) {
          size_t slash = it.s.rfind('/');
          s->append(slash == std::string_view::npos ? it.s : it.s.substr(slash + 1));
        } else if (!Base64Decode(it.s, s)) {
          continue;  // not base64: no value
        }
        out->AddString(*s);
      }
      break;
    }
    case TKind::kLen: {
      const FieldValues& in = args[0].Get(ctx);
      if (!in.present()) break;
      if (args[0].is_list) {
        out->AddUint(in.items.size());
      } else {
        out->AddUint(args[0].type == FieldType::kString ? in.items[0].s.size() : 0);
      }
      break;
    }
    case TKind::kJoin: {
      const FieldValues& sep = args[0].Get(ctx);
      const FieldValues& in = args[1].Get(ctx);
      if (!in.present() || !sep.present()) break;
      std::string* s = ctx.Scratch();
      for (size_t i = 0; i < in.items.size(); ++i) {
        if (i) s->append(sep.items[0].s);
        s->append(in.items[i].s);
      }
      out->AddString(*s);
      break;
    }
    case TKind::kConcat: {
      std::string* s = ctx.Scratch();
      for (const CompiledValue& a : args) {
        const FieldValues& v = a.Get(ctx);
        if (!v.present()) {
          out->clear();
          return *out;
        }
        if (a.type == FieldType::kUint64) {
          s->append(std::to_string(v.items[0].u));
        } else {
          s->append(v.items[0].s);
        }
      }
      out->AddString(*s);
      break;
    }
  }
  return *out;
}

bool GlobMatch(std::string_view p, std::string_view t, bool icase) {
  size_t pi = 0, ti = 0, star_p = std::string_view::npos, star_t = 0;
  auto eq = [&](char a, char b) { return icase ? Lower(a) == Lower(b) : a == b; };
  // Matches a [...] class at p[pi]; sets *len to the class length.
  auto cls = [&](size_t at, char c, size_t* len) -> int {
    size_t i = at + 1;
    bool neg = false;
    if (i < p.size() && (p[i] == '!' || p[i] == '^')) {
      neg = true;
      ++i;
    }
    bool matched = false;
    bool first = true;
    while (i < p.size() && (p[i] != ']' || first)) {
      first = false;
      char lo = p[i];
      if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
        char hi = p[i + 2];
        char cc = icase ? Lower(c) : c;
        if ((cc >= (icase ? Lower(lo) : lo) && cc <= (icase ? Lower(hi) : hi))) matched = true;
        i += 3;
      } else {
        if (eq(lo, c)) matched = true;
        ++i;
      }
    }
    if (i >= p.size()) return -1;  // unterminated: treat '[' literally
    *len = i - at + 1;
    return matched != neg ? 1 : 0;
  };
  while (ti < t.size()) {
    if (pi < p.size()) {
      char pc = p[pi];
      if (pc == '*') {
        star_p = pi++;
        star_t = ti;
        continue;
      }
      if (pc == '?') {
        ++pi;
        ++ti;
        continue;
      }
      if (pc == '[') {
        size_t len = 0;
        int r = cls(pi, t[ti], &len);
        if (r == 1) {
          pi += len;
          ++ti;
          continue;
        }
        if (r == -1 && t[ti] == '[') {
          ++pi;
          ++ti;
          continue;
        }
      } else if (pc == '\\' && pi + 1 < p.size() && eq(p[pi + 1], t[ti])) {
        pi += 2;
        ++ti;
        continue;
      } else if (eq(pc, t[ti])) {
        ++pi;
        ++ti;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    pi = star_p + 1;
    ti = ++star_t;
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

enum class Op {
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kContains,
  kIContains,
  kStartsWith,
  kEndsWith,
  kGlob,
  kIGlob,
  kRegex,
  kIn,
  kIntersects,
  kPmatch,
  kExists,
  kBContains,
  kBStartsWith
};
enum class Mod { kNone, kAnyOf, kAllOf, kOneOf };

struct FilterNode {
  enum class Kind { kAnd, kOr, kNot, kCheck };
  Kind kind = Kind::kCheck;
  std::vector<std::unique_ptr<FilterNode>> children;
  CompiledValue lhs;
  Op op = Op::kEq;
  Mod mod = Mod::kNone;
  std::string lit;
  uint64_t num = 0;
  std::vector<std::string> strs;  // list literals (modifier, in, pmatch)
  std::vector<uint64_t> nums;
  std::unordered_set<std::string_view> set;
  std::unordered_set<uint64_t> num_set;
  std::unique_ptr<RE2> re;                // regex with one pattern
  std::vector<std::unique_ptr<RE2>> res;  // regex anyof/allof/oneof
  std::unique_ptr<CompiledValue> rhs;     // val(...) / transformer
  bool is_event_name = false;             // lhs is the source's event-name field

  bool Eval(EvalContext& ctx) const;
  bool CmpStr(std::string_view v, std::string_view l, const RE2* r) const;
  bool CmpNum(uint64_t v, uint64_t l) const;
};

bool FilterNode::CmpStr(std::string_view v, std::string_view l, const RE2* r) const {
  switch (op) {
    case Op::kEq: return v == l;
    case Op::kNe: return v != l;
    case Op::kLt: return v.compare(l) < 0;
    case Op::kLe: return v.compare(l) <= 0;
    case Op::kGt: return v.compare(l) > 0;
    case Op::kGe: return v.compare(l) >= 0;
    case Op::kContains: return v.find(l) != std::string_view::npos;
    case Op::kIContains: return IContains(v, l);
    case Op::kStartsWith: return v.substr(0, l.size()) == l;
    case Op::kEndsWith: return v.size() >= l.size() && v.substr(v.size() - l.size()) == l;
    case Op::kGlob: return GlobMatch(l, v, false);
    case Op::kIGlob: return GlobMatch(l, v, true);
    case Op::kRegex: return r != nullptr && RE2::FullMatch(v, *r);
    default: return false;
  }
}

bool FilterNode::CmpNum(uint64_t v, uint64_t l) const {
  switch (op) {
    case Op::kEq: return v == l;
    case Op::kNe: return v != l;
    case Op::kLt: return v < l;
    case Op::kLe: return v <= l;
    case Op::kGt: return v > l;
    case Op::kGe: return v >= l;
    default: return false;
  }
}

namespace {

bool PathUnder(std::string_view path, std::string_view dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.remove_suffix(1);
  if (path.substr(0, dir.size()) != dir) return false;
  return path.size() == dir.size() || path[dir.size()] == '/' || dir == "/";
}

}  // namespace

bool FilterNode::Eval(EvalContext& ctx) const {
  switch (kind) {
    case Kind::kAnd:
      for (const auto& c : children) {
        if (!c->Eval(ctx)) return false;
      }
      return true;
    case Kind::kOr:
      for (const auto& c : children) {
        if (c->Eval(ctx)) return true;
      }
      return false;
    case Kind::kNot: return !children[0]->Eval(ctx);
    case Kind::kCheck: break;
  }
  const FieldValues& l = lhs.Get(ctx);
  // Every comparison on an absent value is false (spec §2.3).
  if (!l.present()) return false;
  if (op == Op::kExists) return true;
  const bool numeric = lhs.type == FieldType::kUint64;
  if (rhs) {
    const FieldValues& r = rhs->Get(ctx);
    if (!r.present()) return false;
    if (op == Op::kIn || op == Op::kIntersects) {
      auto in_r = [&](const FieldItem& it) {
        for (const FieldItem& x : r.items) {
          if (numeric ? x.u == it.u : x.s == it.s) return true;
        }
        return false;
      };
      if (op == Op::kIn) {
        return std::all_of(l.items.begin(), l.items.end(), in_r);
      }
      return std::any_of(l.items.begin(), l.items.end(), in_r);
    }
    return numeric ? CmpNum(l.items[0].u, r.items[0].u)
                   : CmpStr(l.items[0].s, r.items[0].s, nullptr);
  }
  switch (op) {
    case Op::kIn:
      if (numeric) {
        return std::all_of(l.items.begin(), l.items.end(),
                           [&](const FieldItem& it) { return num_set.count(it.u) > 0; });
      }
      return std::all_of(l.items.begin(), l.items.end(),
                         [&](const FieldItem& it) { return set.count(it.s) > 0; });
    case Op::kIntersects:
      if (numeric) {
        return std::any_of(l.items.begin(), l.items.end(),
                           [&](const FieldItem& it) { return num_set.count(it.u) > 0; });
      }
      return std::any_of(l.items.begin(), l.items.end(),
                         [&](const FieldItem& it) { return set.count(it.s) > 0; });
    case Op::kPmatch:
      for (const std::string& d : strs) {
        if (PathUnder(l.items[0].s, d)) return true;
      }
      return false;
    default: break;
  }
  if (mod != Mod::kNone) {
    size_t n = numeric ? nums.size() : strs.size();
    size_t hits = 0;
    for (size_t i = 0; i < n; ++i) {
      bool m = numeric ? CmpNum(l.items[0].u, nums[i])
                       : CmpStr(l.items[0].s, strs[i], op == Op::kRegex ? res[i].get() : nullptr);
      if (m) {
        ++hits;
        if (mod == Mod::kAnyOf) return true;
        if (mod == Mod::kOneOf && hits > 1) return false;
      } else if (mod == Mod::kAllOf) {
        return false;
      }
    }
    if (mod == Mod::kAnyOf) return false;
    if (mod == Mod::kAllOf) return true;
    return hits == 1;
  }
  return numeric ? CmpNum(l.items[0].u, num) : CmpStr(l.items[0].s, lit, re.get());
}

Filter::Filter() = default;
Filter::~Filter() = default;
Filter::Filter(Filter&&) noexcept = default;
Filter& Filter::operator=(Filter&&) noexcept = default;

bool Filter::Eval(EvalContext& ctx) const { return root_->Eval(ctx); }

namespace {

// Event names a node requires; false when it can match any name.
bool Required(const FilterNode& n, std::set<std::string>* out) {
  switch (n.kind) {
    case FilterNode::Kind::kCheck:
      if (!n.is_event_name || n.rhs || n.mod != Mod::kNone) return false;
      if (n.op == Op::kEq) {
        out->insert(n.lit);
        return true;
      }
      if (n.op == Op::kIn || n.op == Op::kIntersects) {
        out->insert(n.strs.begin(), n.strs.end());
        return true;
      }
      return false;
    case FilterNode::Kind::kNot: return false;
    case FilterNode::Kind::kOr: {
      std::set<std::string> acc;
      for (const auto& c : n.children) {
        std::set<std::string> s;
        if (!Required(*c, &s)) return false;
        acc.insert(s.begin(), s.end());
      }
      *out = std::move(acc);
      return true;
    }
    case FilterNode::Kind::kAnd: {
      bool any = false;
      std::set<std::string> acc;
      for (const auto& c : n.children) {
        std::set<std::string> s;
        if (!Required(*c, &s)) continue;
        if (!any) {
          acc = std::move(s);
          any = true;
        } else {
          std::set<std::string> both;
          std::set_intersection(acc.begin(), acc.end(), s.begin(), s.end(),
                                std::inserter(both, both.begin()));
          acc = std::move(both);
        }
      }
      if (any) *out = std::move(acc);
      return any;
    }
  }
  return false;
}

}  // namespace

bool Filter::RequiredEventNames(std::set<std::string>* out) const { return Required(*root_, out); }

class FilterCompiler {
 public:
  FilterCompiler(const CompileOptions& opts, CompileError* err) : opts_(opts), err_(err) {}

  bool Fail(std::string msg, bool unknown_field = false) {
    err_->message = std::move(msg);
    err_->unknown_field = unknown_field;
    return false;
  }

  bool CompileValue(const ValueExpr& v, CompiledValue* out, int depth = 0) {
    if (depth > kMaxConditionDepth) return Fail("value expression nested too deeply");
    switch (v.kind) {
      case ValueExpr::Kind::kLiteral:
        out->t = TKind::kLiteral;
        out->literal = v.literal;
        out->type = FieldType::kString;
        break;
      case ValueExpr::Kind::kList: return Fail("a list is not allowed here");
      case ValueExpr::Kind::kField: {
        const FieldInfo* f = FindField(opts_.source, v.name);
        if (!f) {
          return Fail("filter_check called with nonexistent field " + v.name, true);
        }
        if (v.has_arg && f->arg == ArgKind::kNone) {
          return Fail("field '" + v.name + "' does not accept an argument");
        }
        if (!v.has_arg && f->arg_required) {
          return Fail("field '" + v.name + "' requires an argument");
        }
        if (v.has_arg && f->arg == ArgKind::kIndex) {
          bool digits = !v.arg.empty() && std::all_of(v.arg.begin(), v.arg.end(),
                                                      [](char c) { return c >= '0' && c <= '9'; });
          if (!digits || (v.arg.size() > 1 && v.arg[0] == '0')) {
            return Fail("field '" + v.name + "' needs a numeric index argument, got '" + v.arg +
                        "'");
          }
        }
        out->t = TKind::kNone;
        out->field = f;
        out->arg = v.arg;
        out->type = f->type;
        // An indexed list field yields a single value.
        out->is_list = f->is_list && !v.has_arg;
        break;
      }
      case ValueExpr::Kind::kTransformer: {
        const std::string& n = v.name;
        for (const ValueExpr& a : v.args) {
          out->args.emplace_back();
          if (!CompileValue(a, &out->args.back(), depth + 1)) return false;
        }
        if (n == "val") return Fail("val() is only allowed on the right-hand side");
        if (n == "getopt") return Fail("transformer 'getopt' is not supported by kumo");
        if (n == "concat") {
          if (v.args.size() < 2) return Fail("concat() needs at least two arguments");
          out->t = TKind::kConcat;
          out->type = FieldType::kString;
          for (const auto& a : out->args) {
            if (a.is_list) return Fail("concat() does not accept list fields");
          }
          break;
        }
        if (n == "join") {
          if (v.args.size() != 2 || out->args[0].t != TKind::kLiteral) {
            return Fail("join() takes a separator string and a list field");
          }
          if (out->args[1].type != FieldType::kString) return Fail("join() needs a string list");
          out->t = TKind::kJoin;
          out->type = FieldType::kString;
          break;
        }
        if (v.args.size() != 1) return Fail(n + "() takes exactly one argument");
        const CompiledValue& a = out->args[0];
        if (a.t == TKind::kLiteral) return Fail(n + "() needs a field argument");
        if (n == "len") {
          if (a.type != FieldType::kString && !a.is_list) {
            return Fail("transformer 'len' is not supported on type uint64");
          }
          out->t = TKind::kLen;
          out->type = FieldType::kUint64;
          break;
        }
        if (a.type != FieldType::kString) {
          return Fail("transformer '" + n + "' is not supported on type uint64");
        }
        out->type = FieldType::kString;
        out->is_list = a.is_list;
        out->t = n == "tolower"   ? TKind::kToLower
                 : n == "toupper" ? TKind::kToUpper
                 : n == "b64"     ? TKind::kB64
                                  : TKind::kBasename;
        break;
      }
    }
    out->slot = opts_.slots->Intern(std::string(SourceName(opts_.source)) + "|" + v.ToString());
    return true;
  }

  bool ParseUint(const std::string& text, uint64_t* out) {
    if (text.empty()) return false;
    char* end = nullptr;
    errno = 0;
    int base = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') ? 16 : 10;
    if (text[0] == '-' || text[0] == '+') return false;
    unsigned long long v = std::strtoull(text.c_str(), &end, base);
    if (errno != 0 || *end != '\0') return false;
    *out = v;
    return true;
  }

  std::unique_ptr<FilterNode> Compile(const Expr& e, size_t limit, int depth) {
    if (depth > kMaxConditionDepth) {
      Fail("condition nested too deeply");
      return nullptr;
    }
    auto n = std::make_unique<FilterNode>();
    switch (e.kind) {
      case Expr::Kind::kAnd:
      case Expr::Kind::kOr:
      case Expr::Kind::kNot:
        n->kind = e.kind == Expr::Kind::kAnd  ? FilterNode::Kind::kAnd
                  : e.kind == Expr::Kind::kOr ? FilterNode::Kind::kOr
                                              : FilterNode::Kind::kNot;
        for (const auto& c : e.children) {
          auto cn = Compile(*c, limit, depth + 1);
          if (!cn) return nullptr;
          n->children.push_back(std::move(cn));
        }
        return n;
      case Expr::Kind::kMacro: {
        size_t idx = 0;
        const Expr* m = opts_.macros ? opts_.macros(e.name, &idx) : nullptr;
        if (!m || idx >= limit) {
          Fail("Undefined macro '" + e.name + "' used in filter.");
          return nullptr;
        }
        return Compile(*m, idx, depth + 1);
      }
      case Expr::Kind::kCheck: break;
    }
    if (!CompileValue(e.lhs, &n->lhs)) return nullptr;
    static const std::pair<std::string_view, Op> kOps[] = {{"=", Op::kEq},
                                                           {"==", Op::kEq},
                                                           {"!=", Op::kNe},
                                                           {"<", Op::kLt},
                                                           {"<=", Op::kLe},
                                                           {">", Op::kGt},
                                                           {">=", Op::kGe},
                                                           {"contains", Op::kContains},
                                                           {"icontains", Op::kIContains},
                                                           {"startswith", Op::kStartsWith},
                                                           {"endswith", Op::kEndsWith},
                                                           {"glob", Op::kGlob},
                                                           {"iglob", Op::kIGlob},
                                                           {"regex", Op::kRegex},
                                                           {"in", Op::kIn},
                                                           {"intersects", Op::kIntersects},
                                                           {"pmatch", Op::kPmatch},
                                                           {"exists", Op::kExists},
                                                           {"bcontains", Op::kBContains},
                                                           {"bstartswith", Op::kBStartsWith}};
    bool found = false;
    for (const auto& [name, op] : kOps) {
      if (name == e.name) {
        n->op = op;
        found = true;
      }
    }
    if (!found) {
      Fail("unknown operator '" + e.name + "'");
      return nullptr;
    }
    n->mod = e.modifier == "anyof"   ? Mod::kAnyOf
             : e.modifier == "allof" ? Mod::kAllOf
             : e.modifier == "oneof" ? Mod::kOneOf
                                     : Mod::kNone;
    const std::string lhs_text = e.lhs.ToString();
    const bool num = n->lhs.type == FieldType::kUint64;
    const Op op = n->op;
    if (op == Op::kBContains || op == Op::kBStartsWith) {
      Fail("'" + e.name + "' not supported for string filters (field " + lhs_text + ")");
      return nullptr;
    }
    if (n->lhs.is_list && op != Op::kIn && op != Op::kIntersects && op != Op::kExists) {
      Fail("operator '" + e.name + "' is not supported on list field " + lhs_text);
      return nullptr;
    }
    if (num &&
        !(op == Op::kEq || op == Op::kNe || op == Op::kLt || op == Op::kLe || op == Op::kGt ||
          op == Op::kGe || op == Op::kIn || op == Op::kIntersects || op == Op::kExists)) {
      Fail("operator '" + e.name + "' is not supported on type uint64 (field " + lhs_text + ")");
      return nullptr;
    }
    if (n->mod != Mod::kNone &&
        (op == Op::kLt || op == Op::kLe || op == Op::kGt || op == Op::kGe || op == Op::kPmatch ||
         op == Op::kIn || op == Op::kIntersects || op == Op::kExists)) {
      Fail("modifier '" + e.modifier + "' cannot follow operator '" + e.name + "'");
      return nullptr;
    }
    n->is_event_name =
        n->lhs.t == TKind::kNone && n->lhs.field->name == EventNameField(opts_.source);
    switch (e.rhs_kind) {
      case Expr::Rhs::kNone: return n;
      case Expr::Rhs::kValue: {
        if (op == Op::kRegex || op == Op::kPmatch) {
          Fail("operator '" + e.name +
               "' cannot take a field or transformer on its right-hand side");
          return nullptr;
        }
        if (n->mod != Mod::kNone) {
          Fail("modifier '" + e.modifier + "' needs a list of values");
          return nullptr;
        }
        n->rhs = std::make_unique<CompiledValue>();
        const ValueExpr* rv = &e.rhs;
        ValueExpr unwrapped;
        if (rv->kind == ValueExpr::Kind::kTransformer && rv->name == "val") {
          if (rv->args.size() != 1 || rv->args[0].kind != ValueExpr::Kind::kField) {
            Fail("val() takes exactly one field");
            return nullptr;
          }
          rv = &rv->args[0];
        }
        if (!CompileValue(*rv, n->rhs.get())) return nullptr;
        if (n->rhs->type != n->lhs.type || n->rhs->is_list != n->lhs.is_list) {
          Fail("the two sides of '" + e.name + "' must have the same type (" + lhs_text + " vs " +
               rv->ToString() + ")");
          return nullptr;
        }
        return n;
      }
      case Expr::Rhs::kListName:
        Fail("Undefined list '" + e.rhs.name + "' used in filter.");
        return nullptr;
      case Expr::Rhs::kList:
        n->strs = e.list;
        if (num) {
          for (const std::string& s : n->strs) {
            uint64_t v;
            if (!ParseUint(s, &v)) {
              Fail("'" + s + "' is not a valid number for field " + lhs_text);
              return nullptr;
            }
            n->nums.push_back(v);
            n->num_set.insert(v);
          }
        } else {
          for (const std::string& s : n->strs) n->set.insert(s);
        }
        if (op == Op::kRegex) {
          for (const std::string& s : n->strs) {
            auto re = MakeRegex(s);
            if (!re) return nullptr;
            n->res.push_back(std::move(re));
          }
        }
        if (!(op == Op::kIn || op == Op::kIntersects || op == Op::kPmatch) &&
            n->mod == Mod::kNone) {
          Fail("operator '" + e.name + "' does not take a list");
          return nullptr;
        }
        return n;
      case Expr::Rhs::kLiteral:
        if (op == Op::kIn || op == Op::kIntersects || op == Op::kPmatch) {
          Fail("operator '" + e.name + "' needs a list");
          return nullptr;
        }
        n->lit = e.literal;
        if (num && !ParseUint(e.literal, &n->num)) {
          Fail("'" + e.literal + "' is not a valid number for field " + lhs_text);
          return nullptr;
        }
        if (op == Op::kRegex) {
          n->re = MakeRegex(e.literal);
          if (!n->re) return nullptr;
        }
        return n;
    }
    return n;
  }

  std::unique_ptr<RE2> MakeRegex(const std::string& pattern) {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(8 << 20);  // bound the cost of input-controlled patterns
    auto re = std::make_unique<RE2>(pattern, o);
    if (!re->ok()) {
      Fail("invalid regular expression '" + pattern + "': " + re->error());
      return nullptr;
    }
    return re;
  }

  bool Build(const Expr& expr, std::unique_ptr<Filter>* out) {
    auto root = Compile(expr, opts_.visible_limit, 0);
    if (!root) return false;
    out->reset(new Filter());
    (*out)->root_ = std::move(root);
    return true;
  }

  bool BuildOutput(const ValueExpr& v, std::unique_ptr<OutputValue>* out) {
    auto cv = std::make_unique<CompiledValue>();
    if (v.kind == ValueExpr::Kind::kTransformer && v.name == "val") {
      return Fail("val() is not allowed in outputs");
    }
    if (!CompileValue(v, cv.get())) return false;
    out->reset(new OutputValue());
    (*out)->key_ = v.ToString();
    (*out)->value_ = std::move(cv);
    return true;
  }

 private:
  const CompileOptions& opts_;
  CompileError* err_;
};

bool CompileFilter(const Expr& expr, const CompileOptions& opts, std::unique_ptr<Filter>* out,
                   CompileError* err) {
  FilterCompiler c(opts, err);
  return c.Build(expr, out);
}

OutputValue::OutputValue() = default;
OutputValue::~OutputValue() = default;
OutputValue::OutputValue(OutputValue&&) noexcept = default;

bool OutputValue::Get(EvalContext& ctx, std::string* out) const {
  const FieldValues& v = value_->Get(ctx);
  if (!v.present()) return false;
  auto one = [&](const FieldItem& it) {
    if (value_->type == FieldType::kUint64) {
      out->append(std::to_string(it.u));
    } else {
      out->append(it.s);
    }
  };
  if (value_->is_list) {
    out->push_back('(');
    for (size_t i = 0; i < v.items.size(); ++i) {
      if (i) out->push_back(',');
      one(v.items[i]);
    }
    out->push_back(')');
  } else {
    one(v.items[0]);
  }
  return true;
}

bool OutputValue::numeric() const { return value_->type == FieldType::kUint64 && !value_->is_list; }

void OutputValue::Append(EvalContext& ctx, std::string* out) const {
  if (!Get(ctx, out)) out->append("<NA>");
}

bool CompileOutputValue(const ValueExpr& v, const CompileOptions& opts,
                        std::unique_ptr<OutputValue>* out, CompileError* err) {
  FilterCompiler c(opts, err);
  return c.BuildOutput(v, out);
}

}  // namespace kumo::detect
