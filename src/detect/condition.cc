#include "detect/condition.h"

#include <algorithm>
#include <array>

namespace kumo::detect {

namespace {

constexpr std::array<std::string_view, 7> kSymbolOps = {"==", "=", "!=", "<=", "<", ">=", ">"};
constexpr std::array<std::string_view, 14> kWordOps = {
    "exists", "contains", "icontains", "bcontains", "startswith", "bstartswith", "endswith",
    "glob",   "iglob",    "regex",     "in",        "intersects", "pmatch",      "like"};
constexpr std::array<std::string_view, 8> kTransformers = {
    "tolower", "toupper", "b64", "basename", "len", "join", "concat", "getopt"};

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\b' || c == '\r' || c == '\n'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentChar(char c) { return IsAlpha(c) || IsDigit(c) || c == '_'; }
bool IsBareChar(char c) {
  return !(c == '(' || c == ')' || c == '"' || c == '\'' || IsBlank(c) || c == '=' || c == ',');
}

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  // A value expression at the start of the text (outputs' %tokens).
  bool RunValue(ValueExpr* out, size_t* consumed) {
    if (!ParseValue(out, false)) return false;
    *consumed = pos_;
    return true;
  }

  Result<std::unique_ptr<Expr>> Run() {
    auto e = ParseOr();
    if (!ok_) return Fail();
    SkipBlanks();
    if (pos_ < s_.size()) {
      std::string_view before = s_.substr(0, pos_);
      while (!before.empty() && IsBlank(before.back())) before.remove_suffix(1);
      Error("unexpected token after '" + std::string(before) + "', expecting 'or', 'and'");
      return Fail();
    }
    return e;
  }

 private:
  Status Fail() { return ParseError(err_); }

  void Error(std::string msg) {
    if (!ok_) return;
    ok_ = false;
    err_ = msg + " (at offset " + std::to_string(pos_) + ")";
  }

  void SkipBlanks() {
    while (pos_ < s_.size() && IsBlank(s_[pos_])) ++pos_;
  }

  // A keyword at pos_ followed by a blank, '(' (when allowed) or the end.
  bool PeekWord(std::string_view w, bool allow_paren) const {
    if (s_.substr(pos_, w.size()) != w) return false;
    size_t e = pos_ + w.size();
    if (e >= s_.size()) return false;
    return IsBlank(s_[e]) || (allow_paren && s_[e] == '(');
  }

  std::unique_ptr<Expr> ParseOr() {
    if (++depth_ > kMaxConditionDepth) {
      Error("condition nested too deeply (more than " + std::to_string(kMaxConditionDepth) + ")");
      return nullptr;
    }
    auto left = ParseAnd();
    if (!ok_) return nullptr;
    std::unique_ptr<Expr> node;
    while (true) {
      SkipBlanks();
      if (!PeekWord("or", true)) break;
      pos_ += 2;
      if (!node) {
        node = std::make_unique<Expr>();
        node->kind = Expr::Kind::kOr;
        node->pos = left->pos;
        node->children.push_back(std::move(left));
      }
      auto right = ParseAnd();
      if (!ok_) return nullptr;
      node->children.push_back(std::move(right));
    }
    --depth_;
    return node ? std::move(node) : std::move(left);
  }

  std::unique_ptr<Expr> ParseAnd() {
    auto left = ParseNot();
    if (!ok_) return nullptr;
    std::unique_ptr<Expr> node;
    while (true) {
      SkipBlanks();
      if (!PeekWord("and", true)) break;
      pos_ += 3;
      if (!node) {
        node = std::make_unique<Expr>();
        node->kind = Expr::Kind::kAnd;
        node->pos = left->pos;
        node->children.push_back(std::move(left));
      }
      auto right = ParseNot();
      if (!ok_) return nullptr;
      node->children.push_back(std::move(right));
    }
    return node ? std::move(node) : std::move(left);
  }

  std::unique_ptr<Expr> ParseNot() {
    SkipBlanks();
    size_t start = pos_;
    int nots = 0;
    while (PeekWord("not", true)) {
      pos_ += 3;
      ++nots;
      SkipBlanks();
    }
    auto inner = ParseCheck();
    if (!ok_) return nullptr;
    // Each 'not' toggles; an even count cancels out.
    if (nots % 2 == 0) return inner;
    auto n = std::make_unique<Expr>();
    n->kind = Expr::Kind::kNot;
    n->pos = start;
    n->children.push_back(std::move(inner));
    return n;
  }

  std::string ReadIdent() {
    size_t b = pos_;
    while (pos_ < s_.size() && IsIdentChar(s_[pos_])) ++pos_;
    return std::string(s_.substr(b, pos_ - b));
  }

  // FieldName: ident ('.' ident)+ ; returns "" with pos_ unchanged if no dot.
  bool ReadFieldOrIdent(std::string* name, bool* is_field) {
    size_t b = pos_;
    if (pos_ >= s_.size() || !IsAlpha(s_[pos_])) return false;
    ReadIdent();
    *is_field = false;
    while (pos_ + 1 < s_.size() && s_[pos_] == '.' && IsAlpha(s_[pos_ + 1])) {
      ++pos_;
      ReadIdent();
      *is_field = true;
    }
    *name = std::string(s_.substr(b, pos_ - b));
    return true;
  }

  bool ReadQuoted(std::string* out) {
    char q = s_[pos_];
    size_t start = pos_;
    ++pos_;
    std::string v;
    while (pos_ < s_.size() && s_[pos_] != q) {
      char c = s_[pos_];
      if (c == '\\') {
        if (pos_ + 1 >= s_.size()) break;
        char n = s_[pos_ + 1];
        pos_ += 2;
        switch (n) {
          case 'b': v.push_back('\b'); break;
          case 'f': v.push_back('\f'); break;
          case 'n': v.push_back('\n'); break;
          case 'r': v.push_back('\r'); break;
          case 't': v.push_back('\t'); break;
          case '\\': v.push_back('\\'); break;
          case '/': v.push_back('/'); break;
          case ' ': v.push_back('\\'); break;  // legacy: "\ " is a backslash
          case 'x': {
            auto hex = [](char h) -> int {
              if (h >= '0' && h <= '9') return h - '0';
              if (h >= 'a' && h <= 'f') return h - 'a' + 10;
              if (h >= 'A' && h <= 'F') return h - 'A' + 10;
              return -1;
            };
            if (pos_ + 1 >= s_.size() || hex(s_[pos_]) < 0 || hex(s_[pos_ + 1]) < 0) {
              Error("invalid \\x escape in string");
              return false;
            }
            v.push_back(static_cast<char>(hex(s_[pos_]) * 16 + hex(s_[pos_ + 1])));
            pos_ += 2;
            break;
          }
          default:
            if (n == q) {
              v.push_back(q);
            } else {
              pos_ -= 1;
              Error(std::string("invalid escape sequence '\\") + n + "' in string");
              return false;
            }
        }
        continue;
      }
      v.push_back(c);
      ++pos_;
    }
    if (pos_ >= s_.size()) {
      pos_ = start;
      Error("unterminated string");
      return false;
    }
    ++pos_;
    *out = std::move(v);
    return true;
  }

  // A quoted string or a bare word [^()"'\s=,]+.
  bool ReadString(std::string* out) {
    if (pos_ < s_.size() && (s_[pos_] == '"' || s_[pos_] == '\'')) return ReadQuoted(out);
    size_t b = pos_;
    while (pos_ < s_.size() && IsBareChar(s_[pos_])) ++pos_;
    if (pos_ == b) {
      Error("expected a string value");
      return false;
    }
    *out = std::string(s_.substr(b, pos_ - b));
    return true;
  }

  bool ReadNumber(std::string* out) {
    size_t b = pos_;
    if (s_.substr(pos_, 2) == "0x" || s_.substr(pos_, 2) == "0X") {
      pos_ += 2;
      size_t h = pos_;
      while (pos_ < s_.size() && std::isxdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      if (pos_ == h) {
        Error("expected a number");
        return false;
      }
    } else {
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      size_t d = pos_;
      while (pos_ < s_.size() && IsDigit(s_[pos_])) ++pos_;
      if (pos_ == d) {
        pos_ = b;
        Error("expected a number");
        return false;
      }
      if (pos_ + 1 < s_.size() && s_[pos_] == '.' && IsDigit(s_[pos_ + 1])) {
        ++pos_;
        while (pos_ < s_.size() && IsDigit(s_[pos_])) ++pos_;
      }
      if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
        size_t save = pos_;
        ++pos_;
        if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
        if (pos_ < s_.size() && IsDigit(s_[pos_])) {
          while (pos_ < s_.size() && IsDigit(s_[pos_])) ++pos_;
        } else {
          pos_ = save;
        }
      }
    }
    *out = std::string(s_.substr(b, pos_ - b));
    return true;
  }

  // At pos_: `name(` where name is a transformer or `val`.
  bool PeekCall(bool allow_val) const {
    size_t p = pos_;
    while (p < s_.size() && IsIdentChar(s_[p])) ++p;
    if (p >= s_.size() || s_[p] != '(') return false;
    std::string_view w = s_.substr(pos_, p - pos_);
    return IsTransformerName(w) || (allow_val && w == "val");
  }

  // A field (with optional [arg]) or a transformer call.
  bool ParseValue(ValueExpr* out, bool allow_val) {
    if (++depth_ > kMaxConditionDepth) {
      Error("condition nested too deeply");
      return false;
    }
    out->pos = pos_;
    if (PeekCall(allow_val)) {
      out->kind = ValueExpr::Kind::kTransformer;
      out->name = ReadIdent();
      ++pos_;  // '('
      SkipBlanks();
      bool first = true;
      while (pos_ < s_.size() && s_[pos_] != ')') {
        if (!first) {
          if (s_[pos_] != ',') {
            Error("expected ',' or ')' in the arguments of " + out->name + "()");
            return false;
          }
          ++pos_;
          SkipBlanks();
        }
        first = false;
        ValueExpr a;
        a.pos = pos_;
        char c = pos_ < s_.size() ? s_[pos_] : '\0';
        if (c == '"' || c == '\'') {
          a.kind = ValueExpr::Kind::kLiteral;
          if (!ReadQuoted(&a.literal)) return false;
        } else if (IsDigit(c) || c == '-' || c == '+') {
          a.kind = ValueExpr::Kind::kLiteral;
          if (!ReadNumber(&a.literal)) return false;
        } else if (c == '(') {
          a.kind = ValueExpr::Kind::kList;
          if (!ReadList(&a.list)) return false;
        } else if (!ParseValue(&a, false)) {
          return false;
        }
        out->args.push_back(std::move(a));
        SkipBlanks();
      }
      if (pos_ >= s_.size()) {
        Error("expected ')' after the arguments of " + out->name + "()");
        return false;
      }
      ++pos_;
      if (out->args.empty()) {
        Error(out->name + "() needs an argument");
        return false;
      }
    } else {
      bool is_field = false;
      if (!ReadFieldOrIdent(&out->name, &is_field) || !is_field) {
        Error("expected a field name");
        return false;
      }
      out->kind = ValueExpr::Kind::kField;
      if (!ReadFieldArg(out)) return false;
    }
    --depth_;
    return true;
  }

  bool ReadFieldArg(ValueExpr* out) {
    if (pos_ >= s_.size() || s_[pos_] != '[') return true;
    ++pos_;
    out->has_arg = true;
    if (pos_ < s_.size() && (s_[pos_] == '"' || s_[pos_] == '\'')) {
      if (!ReadQuoted(&out->arg)) return false;
    } else {
      size_t b = pos_;
      while (pos_ < s_.size() && s_[pos_] != '[' && s_[pos_] != ']' && s_[pos_] != '"' &&
             s_[pos_] != '\'' && !IsBlank(s_[pos_])) {
        ++pos_;
      }
      out->arg = std::string(s_.substr(b, pos_ - b));
    }
    if (pos_ >= s_.size() || s_[pos_] != ']') {
      Error("expected ']' after the field argument");
      return false;
    }
    ++pos_;
    return true;
  }

  bool ReadList(std::vector<std::string>* items) {
    ++pos_;  // '('
    SkipBlanks();
    if (pos_ < s_.size() && s_[pos_] == ')') {
      ++pos_;
      return true;
    }
    while (true) {
      SkipBlanks();
      std::string v;
      if (!ReadString(&v)) return false;
      items->push_back(std::move(v));
      SkipBlanks();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ')') {
        ++pos_;
        return true;
      }
      Error("expected ',' or ')' in list");
      return false;
    }
  }

  // Reads an operator at pos_ ("" if none).
  std::string ReadOperator() {
    for (std::string_view op : kSymbolOps) {
      if (s_.substr(pos_, op.size()) == op) {
        pos_ += op.size();
        return std::string(op);
      }
    }
    size_t p = pos_;
    while (p < s_.size() && IsIdentChar(s_[p])) ++p;
    std::string_view w = s_.substr(pos_, p - pos_);
    for (std::string_view op : kWordOps) {
      if (w != op || op == "like") continue;
      bool paren_ok = op == "in" || op == "intersects" || op == "pmatch" || op == "exists";
      if (p < s_.size() && !IsBlank(s_[p]) && !(paren_ok && s_[p] == '(') &&
          !(op == "exists" && s_[p] == ')')) {
        return "";
      }
      pos_ = p;
      return std::string(op);
    }
    return "";
  }

  std::unique_ptr<Expr> ParseCheck() {
    SkipBlanks();
    auto e = std::make_unique<Expr>();
    e->pos = pos_;
    if (pos_ >= s_.size()) {
      Error("unexpected end of condition");
      return nullptr;
    }
    if (s_[pos_] == '(') {
      ++pos_;
      auto inner = ParseOr();
      if (!ok_) return nullptr;
      SkipBlanks();
      if (pos_ >= s_.size() || s_[pos_] != ')') {
        Error("expected ')'");
        return nullptr;
      }
      ++pos_;
      return inner;
    }
    if (!PeekCall(false)) {
      size_t save = pos_;
      std::string name;
      bool is_field = false;
      if (!ReadFieldOrIdent(&name, &is_field)) {
        Error("expected a field, a macro name, 'not' or '('");
        return nullptr;
      }
      if (!is_field && (pos_ >= s_.size() || s_[pos_] != '[')) {
        e->kind = Expr::Kind::kMacro;
        e->name = std::move(name);
        return e;
      }
      pos_ = save;
    }
    if (!ParseValue(&e->lhs, false)) return nullptr;
    SkipBlanks();
    std::string op = ReadOperator();
    if (op.empty()) {
      Error("expected an operator after '" + e->lhs.ToString() + "'");
      return nullptr;
    }
    e->kind = Expr::Kind::kCheck;
    e->name = op;
    if (op == "exists") return e;
    SkipBlanks();
    bool num_op = op == "<" || op == "<=" || op == ">" || op == ">=";
    bool list_op = IsListOperator(op);
    if (!num_op && !list_op) {
      // A modifier turns a string operator into a list operator.
      for (std::string_view m : {"anyof", "allof", "oneof"}) {
        if (PeekWord(m, true)) {
          pos_ += m.size();
          e->modifier = std::string(m);
          SkipBlanks();
          break;
        }
      }
    }
    if (PeekCall(true)) {
      e->rhs_kind = Expr::Rhs::kValue;
      if (!ParseValue(&e->rhs, true)) return nullptr;
      return e;
    }
    if (list_op || !e->modifier.empty()) {
      if (pos_ < s_.size() && s_[pos_] == '(') {
        e->rhs_kind = Expr::Rhs::kList;
        if (!ReadList(&e->list)) return nullptr;
        return e;
      }
      if (pos_ < s_.size() && IsAlpha(s_[pos_])) {
        e->rhs_kind = Expr::Rhs::kListName;
        e->rhs.pos = pos_;
        e->rhs.name = ReadIdent();
        return e;
      }
      Error("expected a list after '" + op + "'");
      return nullptr;
    }
    e->rhs_kind = Expr::Rhs::kLiteral;
    if (num_op) {
      if (!ReadNumber(&e->literal)) return nullptr;
    } else if (!ReadString(&e->literal)) {
      return nullptr;
    }
    return e;
  }

  std::string_view s_;
  size_t pos_ = 0;
  int depth_ = 0;
  bool ok_ = true;
  std::string err_;
};

}  // namespace

std::string ValueExpr::ToString() const {
  switch (kind) {
    case Kind::kField: return has_arg ? name + "[" + arg + "]" : name;
    case Kind::kLiteral: return literal;
    case Kind::kList: {
      std::string s = "(";
      for (size_t i = 0; i < list.size(); ++i) s += (i ? ", " : "") + list[i];
      return s + ")";
    }
    case Kind::kTransformer: {
      std::string s = name + "(";
      for (size_t i = 0; i < args.size(); ++i) s += (i ? ", " : "") + args[i].ToString();
      return s + ")";
    }
  }
  return name;
}

Result<std::unique_ptr<Expr>> ParseCondition(std::string_view text) {
  Parser p(text);
  return p.Run();
}

bool ParseValuePrefix(std::string_view text, ValueExpr* out, size_t* consumed) {
  Parser p(text);
  return p.RunValue(out, consumed);
}

std::string ExpandLists(std::string_view text,
                        const std::vector<std::pair<std::string, std::vector<std::string>>>& lists,
                        std::vector<std::string>* used) {
  static constexpr std::string_view kBlanks = " \t\n\r";
  static constexpr std::string_view kDelims = " \t\n\r(),=";
  std::string cnd(text);
  for (const auto& [name, items] : lists) {
    if (name.empty()) continue;
    size_t start = 0;
    while ((start = cnd.find(name, start)) != std::string::npos) {
      size_t end = start + name.size();
      bool left_ok = start == 0 || kDelims.find(cnd[start - 1]) != std::string_view::npos;
      bool right_ok = end >= cnd.size() || kDelims.find(cnd[end]) != std::string_view::npos;
      if (!left_ok || !right_ok) {
        start = end;
        continue;
      }
      if (used) used->push_back(name);
      while (start > 0 && kBlanks.find(cnd[start - 1]) != std::string_view::npos) --start;
      while (end < cnd.size() && kBlanks.find(cnd[end]) != std::string_view::npos) ++end;
      std::string sub;
      for (const std::string& v : items) {
        if (!sub.empty()) sub += ", ";
        bool quote = v.find(' ') != std::string::npos && !v.empty() && v[0] != '"' && v[0] != '\'';
        sub += quote ? "\"" + v + "\"" : v;
      }
      if (sub.empty()) {
        // An empty list takes an adjacent comma with it.
        if (start > 0 && cnd[start - 1] == ',') {
          --start;
        } else if (end < cnd.size() && cnd[end] == ',') {
          ++end;
        }
      }
      cnd = cnd.substr(0, start) + " " + sub + " " + cnd.substr(end);
      start += sub.size() + 2;
    }
  }
  return cnd;
}

void CollectMacroRefs(const Expr& e, std::vector<std::string>* out) {
  if (e.kind == Expr::Kind::kMacro) out->push_back(e.name);
  for (const auto& c : e.children) CollectMacroRefs(*c, out);
}

bool IsKnownOperator(std::string_view op) {
  for (std::string_view o : kSymbolOps) {
    if (o == op) return true;
  }
  for (std::string_view o : kWordOps) {
    if (o == op && o != "like") return true;
  }
  return false;
}

bool IsListOperator(std::string_view op) {
  return op == "in" || op == "intersects" || op == "pmatch";
}

bool IsModifier(std::string_view word) {
  return word == "anyof" || word == "allof" || word == "oneof";
}

bool IsTransformerName(std::string_view name) {
  return std::find(kTransformers.begin(), kTransformers.end(), name) != kTransformers.end();
}

}  // namespace kumo::detect
