#include "rego/parser.h"

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "rego/program.h"
#include "rego/yaml_value.h"

namespace kumo::rego {
namespace {

enum class Tok {
  kEof,
  kIdent,
  kString,
  kNumber,
  kTemplate,
  kLBrace,
  kRBrace,
  kLBrack,
  kRBrack,
  kLParen,
  kRParen,
  kComma,
  kSemi,
  kDot,
  kColon,
  kAssign,
  kUnify,
  kEq,
  kNeq,
  kLt,
  kLte,
  kGt,
  kGte,
  kPlus,
  kMinus,
  kMul,
  kQuo,
  kRem,
  kAnd,
  kOr,
  kBad,
};

struct TemplatePart {
  bool expr = false;
  std::string text;
  int row = 0, col = 0;
};

struct Token {
  Tok t = Tok::kEof;
  std::string text;
  int row = 1, col = 1;
  bool nl_before = false;
  bool ws_before = false;
  std::vector<TemplatePart> parts;  // kTemplate
};

struct Comment {
  int row;
  std::string text;  // without '#'
};

class Lexer {
 public:
  Lexer(std::string_view src, int row0 = 1, int col0 = 1) : s_(src), row_(row0), col_(col0) {}

  bool Run(std::vector<Token>* out, std::vector<Comment>* comments, std::string* err, int* erow,
           int* ecol) {
    bool nl = false, ws = false;
    while (true) {
      // whitespace and comments
      while (i_ < s_.size()) {
        char c = s_[i_];
        if (c == '\n') {
          nl = true;
          ws = true;
          Adv();
        } else if (c == ' ' || c == '\t' || c == '\r') {
          ws = true;
          Adv();
        } else if (c == '#') {
          int r = row_;
          size_t st = i_ + 1;
          while (i_ < s_.size() && s_[i_] != '\n') Adv();
          if (comments) comments->push_back({r, std::string(s_.substr(st, i_ - st))});
          ws = true;
        } else {
          break;
        }
      }
      Token tk;
      tk.row = row_;
      tk.col = col_;
      tk.nl_before = nl;
      tk.ws_before = ws;
      nl = ws = false;
      if (i_ >= s_.size()) {
        tk.t = Tok::kEof;
        out->push_back(std::move(tk));
        return true;
      }
      char c = s_[i_];
      if (IsIdentStart(c)) {
        size_t st = i_;
        while (i_ < s_.size() && IsIdentChar(s_[i_])) Adv();
        tk.t = Tok::kIdent;
        tk.text = std::string(s_.substr(st, i_ - st));
      } else if (c >= '0' && c <= '9') {
        size_t st = i_;
        while (i_ < s_.size() && isdigit((unsigned char)s_[i_])) Adv();
        if (i_ + 1 < s_.size() && s_[i_] == '.' && isdigit((unsigned char)s_[i_ + 1])) {
          Adv();
          while (i_ < s_.size() && isdigit((unsigned char)s_[i_])) Adv();
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
          size_t save = i_;
          int sr = row_, sc = col_;
          Adv();
          if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) Adv();
          if (i_ < s_.size() && isdigit((unsigned char)s_[i_])) {
            while (i_ < s_.size() && isdigit((unsigned char)s_[i_])) Adv();
          } else {
            i_ = save;
            row_ = sr;
            col_ = sc;
          }
        }
        tk.t = Tok::kNumber;
        tk.text = std::string(s_.substr(st, i_ - st));
      } else if (c == '"') {
        Adv();
        if (!ReadString(&tk.text, err)) return Fail(tk, erow, ecol);
        tk.t = Tok::kString;
      } else if (c == '`') {
        Adv();
        size_t st = i_;
        while (i_ < s_.size() && s_[i_] != '`') Adv();
        if (i_ >= s_.size()) {
          *err = "non-terminated raw string";
          return Fail(tk, erow, ecol);
        }
        tk.text = std::string(s_.substr(st, i_ - st));
        Adv();
        tk.t = Tok::kString;
      } else if (c == '$' && i_ + 1 < s_.size() && (s_[i_ + 1] == '"' || s_[i_ + 1] == '`')) {
        Adv();
        bool raw = s_[i_] == '`';
        Adv();
        if (!ReadTemplate(raw, &tk.parts, err)) return Fail(tk, erow, ecol);
        tk.t = Tok::kTemplate;
      } else {
        Adv();
        char n = i_ < s_.size() ? s_[i_] : '\0';
        switch (c) {
          case '{': tk.t = Tok::kLBrace; break;
          case '}': tk.t = Tok::kRBrace; break;
          case '[': tk.t = Tok::kLBrack; break;
          case ']': tk.t = Tok::kRBrack; break;
          case '(': tk.t = Tok::kLParen; break;
          case ')': tk.t = Tok::kRParen; break;
          case ',': tk.t = Tok::kComma; break;
          case ';': tk.t = Tok::kSemi; break;
          case '.': tk.t = Tok::kDot; break;
          case ':':
            if (n == '=') {
              Adv();
              tk.t = Tok::kAssign;
            } else {
              tk.t = Tok::kColon;
            }
            break;
          case '=':
            if (n == '=') {
              Adv();
              tk.t = Tok::kEq;
            } else {
              tk.t = Tok::kUnify;
            }
            break;
          case '!':
            if (n == '=') {
              Adv();
              tk.t = Tok::kNeq;
            } else {
              tk.t = Tok::kBad;
            }
            break;
          case '<':
            if (n == '=') {
              Adv();
              tk.t = Tok::kLte;
            } else {
              tk.t = Tok::kLt;
            }
            break;
          case '>':
            if (n == '=') {
              Adv();
              tk.t = Tok::kGte;
            } else {
              tk.t = Tok::kGt;
            }
            break;
          case '+': tk.t = Tok::kPlus; break;
          case '-': tk.t = Tok::kMinus; break;
          case '*': tk.t = Tok::kMul; break;
          case '/': tk.t = Tok::kQuo; break;
          case '%': tk.t = Tok::kRem; break;
          case '&': tk.t = Tok::kAnd; break;
          case '|': tk.t = Tok::kOr; break;
          default: tk.t = Tok::kBad; break;
        }
        if (tk.t == Tok::kBad) {
          *err = std::string("illegal token '") + c + "'";
          return Fail(tk, erow, ecol);
        }
      }
      out->push_back(std::move(tk));
    }
  }

 private:
  static bool IsIdentStart(char c) { return isalpha((unsigned char)c) || c == '_'; }
  static bool IsIdentChar(char c) { return isalnum((unsigned char)c) || c == '_'; }
  void Adv() {
    if (s_[i_] == '\n') {
      ++row_;
      col_ = 1;
    } else if ((static_cast<unsigned char>(s_[i_]) & 0xC0) != 0x80) {
      ++col_;
    }
    ++i_;
  }
  bool Fail(const Token& tk, int* erow, int* ecol) {
    *erow = tk.row;
    *ecol = tk.col;
    return false;
  }
  static void AppendUtf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  bool ReadHex4(uint32_t* cp) {
    if (i_ + 4 > s_.size()) return false;
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      char h = s_[i_];
      v <<= 4;
      if (h >= '0' && h <= '9')
        v |= h - '0';
      else if (h >= 'a' && h <= 'f')
        v |= h - 'a' + 10;
      else if (h >= 'A' && h <= 'F')
        v |= h - 'A' + 10;
      else
        return false;
      Adv();
    }
    *cp = v;
    return true;
  }
  // After the opening quote. Handles escapes, stops after the closing quote.
  // In a template, `\{` is an escaped brace and an unescaped `{` ends the
  // literal part (returns with *brace = true).
  bool ReadString(std::string* out, std::string* err, bool tmpl = false, bool* brace = nullptr) {
    while (true) {
      if (i_ >= s_.size() || s_[i_] == '\n') {
        *err = "non-terminated string";
        return false;
      }
      char c = s_[i_];
      if (c == '"') {
        Adv();
        return true;
      }
      if (tmpl && c == '{') {
        Adv();
        *brace = true;
        return true;
      }
      if (c == '\\') {
        Adv();
        if (i_ >= s_.size()) {
          *err = "non-terminated string";
          return false;
        }
        char e = s_[i_];
        Adv();
        switch (e) {
          case '"': out->push_back('"'); break;
          case '\\': out->push_back('\\'); break;
          case '/': out->push_back('/'); break;
          case 'b': out->push_back('\b'); break;
          case 'f': out->push_back('\f'); break;
          case 'n': out->push_back('\n'); break;
          case 'r': out->push_back('\r'); break;
          case 't': out->push_back('\t'); break;
          case '{':
            if (tmpl) {
              out->push_back('{');
              break;
            }
            *err = "illegal escape sequence";
            return false;
          case 'u': {
            uint32_t cp;
            if (!ReadHex4(&cp)) {
              *err = "illegal escape sequence";
              return false;
            }
            if (cp >= 0xD800 && cp < 0xDC00 && i_ + 1 < s_.size() && s_[i_] == '\\' &&
                s_[i_ + 1] == 'u') {
              size_t save = i_;
              Adv();
              Adv();
              uint32_t lo;
              if (ReadHex4(&lo) && lo >= 0xDC00 && lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
              } else {
                i_ = save;
                cp = 0xFFFD;
              }
            }
            AppendUtf8(cp, out);
            break;
          }
          default: *err = "illegal escape sequence"; return false;
        }
        continue;
      }
      out->push_back(c);
      Adv();
    }
  }
  // Skips a nested template/expression up to the matching '}', returning its text.
  bool ReadTemplateExpr(std::string* out, std::string* err) {
    int depth = 1;
    size_t st = i_;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '{') {
        ++depth;
        Adv();
      } else if (c == '}') {
        if (--depth == 0) {
          *out = std::string(s_.substr(st, i_ - st));
          Adv();
          return true;
        }
        Adv();
      } else if (c == '"') {
        Adv();
        while (i_ < s_.size() && s_[i_] != '"') {
          if (s_[i_] == '\\') Adv();
          if (i_ < s_.size()) Adv();
        }
        if (i_ < s_.size()) Adv();
      } else if (c == '`') {
        Adv();
        while (i_ < s_.size() && s_[i_] != '`') Adv();
        if (i_ < s_.size()) Adv();
      } else {
        Adv();
      }
    }
    *err = "non-terminated template string";
    return false;
  }
  bool ReadTemplate(bool raw, std::vector<TemplatePart>* parts, std::string* err) {
    while (true) {
      TemplatePart lit;
      bool brace = false;
      if (raw) {
        while (i_ < s_.size() && s_[i_] != '`' && s_[i_] != '{') {
          if (s_[i_] == '\\' && i_ + 1 < s_.size() && s_[i_ + 1] == '{') Adv();
          lit.text.push_back(s_[i_]);
          Adv();
        }
        if (i_ >= s_.size()) {
          *err = "non-terminated template string";
          return false;
        }
        brace = s_[i_] == '{';
        Adv();
      } else {
        if (!ReadString(&lit.text, err, true, &brace)) return false;
      }
      if (!lit.text.empty()) parts->push_back(std::move(lit));
      if (!brace) return true;
      TemplatePart ex;
      ex.expr = true;
      ex.row = row_;
      ex.col = col_;
      if (!ReadTemplateExpr(&ex.text, err)) return false;
      parts->push_back(std::move(ex));
    }
  }

  std::string_view s_;
  size_t i_ = 0;
  int row_, col_;
};

TermPtr MakeTerm(TermKind k, Loc loc) {
  auto t = std::make_shared<Term>();
  t->kind = k;
  t->loc = loc;
  return t;
}

TermPtr MakeScalar(Value v, Loc loc) {
  auto t = MakeTerm(TermKind::kScalar, loc);
  t->value = std::move(v);
  return t;
}

TermPtr MakeVar(std::string name, Loc loc) {
  auto t = MakeTerm(TermKind::kVar, loc);
  t->name = std::move(name);
  return t;
}

TermPtr MakeCall(const char* name, std::vector<TermPtr> args, Loc loc) {
  auto t = MakeTerm(TermKind::kCall, loc);
  t->items.push_back(MakeVar(name, loc));
  for (auto& a : args) t->items.push_back(std::move(a));
  return t;
}

class Parser {
 public:
  Parser(std::vector<Token> toks, const std::string* file, ParseOptions opts)
      : t_(std::move(toks)), file_(file), opts_(opts) {
    bool v1 = opts.version == RegoVersion::kV1 || opts.all_keywords;
    kw_in_ = kw_every_ = kw_if_ = kw_contains_ = v1;
  }

  std::vector<Comment> comments;

  bool ok() const { return err_.empty(); }
  RegoErrors Errors() const {
    RegoErrors e;
    RegoError r;
    r.code = "rego_parse_error";
    r.message = err_;
    r.file = file_ ? *file_ : "";
    r.row = erow_;
    r.col = ecol_;
    e.errors.push_back(std::move(r));
    return e;
  }

  bool ParseModuleBody(Module* m) {
    module_ = m;
    // package
    if (!IsIdent("package") || Peek().t != Tok::kIdent) {
      Error(Cur(), "package expected");
      return false;
    }
    m->package_loc = LocOf(Cur());
    int pkg_row = Cur().row;
    Next();
    auto pref = ParseRefPath();
    if (!ok()) return false;
    for (auto& s : pref) {
      if (s->kind != TermKind::kScalar || !s->value.is_string()) {
        Error(Cur(), "package path must be a ground ref of strings");
        return false;
      }
      m->package.push_back(s->value);
    }
    m->package_annotations = TakeAnnotations(pkg_row, true);
    if (!EndOfStatement()) return false;
    // imports
    while (IsIdent("import") && Peek().t == Tok::kIdent) {
      Import imp;
      imp.loc = LocOf(Cur());
      Next();
      auto path = ParseRefPath();
      if (!ok()) return false;
      for (auto& s : path) {
        if (s->kind != TermKind::kScalar) {
          Error(Cur(), "import path must be ground");
          return false;
        }
        imp.path.push_back(s->value);
      }
      if (IsIdent("as")) {
        Next();
        if (Cur().t != Tok::kIdent) {
          Error(Cur(), "import alias expected");
          return false;
        }
        imp.alias = Cur().text;
        Next();
      }
      std::string root = imp.path.empty() ? "" : std::string(imp.path[0].as_string());
      if (root == "future" && imp.path.size() >= 2 && imp.path[1].as_string() == "keywords") {
        if (imp.path.size() == 2) {
          kw_in_ = kw_every_ = kw_if_ = kw_contains_ = true;
        } else {
          auto kw = imp.path[2].as_string();
          if (kw == "in")
            kw_in_ = true;
          else if (kw == "every")
            kw_every_ = kw_in_ = true;
          else if (kw == "if")
            kw_if_ = true;
          else if (kw == "contains")
            kw_contains_ = true;
          else if (kw == "not")
            kw_not_ = true;
          else if (kw == "and" || kw == "or") {
            if (!opts_.experimental_keywords) {
              Error(Cur(), "unexpected keyword, must be one of [contains every if in]");
              return false;
            }
          } else {
            Error(Cur(), "unexpected keyword, must be one of [contains every if in]");
            return false;
          }
        }
      } else if (root == "rego" && imp.path.size() == 2 && imp.path[1].as_string() == "v1") {
        kw_in_ = kw_every_ = kw_if_ = kw_contains_ = true;
      } else if (root != "data" && root != "input" && root != "future" && root != "rego") {
        Error(Cur(), "invalid import, must begin with input or data");
        return false;
      }
      m->imports.push_back(std::move(imp));
      if (!EndOfStatement()) return false;
    }
    m->keywords_in = kw_in_;
    m->keywords_every = kw_every_;
    m->keywords_if = kw_if_;
    m->keywords_contains = kw_contains_;
    while (Cur().t != Tok::kEof) {
      if (IsIdent("package") && Peek().t == Tok::kIdent) {
        Error(Cur(), "unexpected package");
        return false;
      }
      if (IsIdent("import") && Peek().t == Tok::kIdent) {
        Error(Cur(), "unexpected import");
        return false;
      }
      auto r = ParseRule();
      if (!ok()) return false;
      r->module = m;
      m->rules.push_back(std::move(r));
      if (Cur().t == Tok::kSemi) Next();
    }
    return true;
  }

  bool ParseQueryBody(Body* out) {
    while (Cur().t == Tok::kSemi) Next();
    while (Cur().t != Tok::kEof) {
      Expr e;
      if (!ParseLiteral(&e)) return false;
      e.index = static_cast<int>(out->size());
      out->push_back(std::move(e));
      if (Cur().t == Tok::kSemi) {
        Next();
      } else if (Cur().t != Tok::kEof && !Cur().nl_before) {
        Error(Cur(), "unexpected " + Describe(Cur()));
        return false;
      }
    }
    if (out->empty()) {
      Error(Cur(), "empty query");
      return false;
    }
    return true;
  }

  TermPtr ParseOneTerm() {
    auto t = ParseTermIn(false);
    if (!t) return nullptr;
    if (Cur().t != Tok::kEof) {
      Error(Cur(), "unexpected " + Describe(Cur()));
      return nullptr;
    }
    return t;
  }

  // A template string expression: a term, optionally with `with` modifiers.
  // With modifiers it becomes `{$tpl | $tpl = term with ...}`, marked so the
  // evaluator renders its members rather than the set.
  TermPtr ParseTemplateExpr() {
    auto t = ParseTermIn(false);
    if (!t) return nullptr;
    if (IsIdent("with")) {
      Expr e;
      e.kind = ExprKind::kUnify;
      e.loc = t->loc;
      auto var = [&]() {
        auto v = MakeTerm(TermKind::kVar, t->loc);
        v->name = "$tpl";  // `$` cannot start a Rego identifier
        return v;
      };
      e.a = var();
      e.b = t;
      if (!ParseWiths(&e)) return nullptr;
      auto c = MakeTerm(TermKind::kSetCompr, t->loc);
      c->a = var();
      c->body = std::make_shared<Body>();
      c->body->push_back(std::move(e));
      c->special = kSpecialTemplateCapture;
      t = c;
    }
    if (Cur().t != Tok::kEof) {
      Error(Cur(), "unexpected " + Describe(Cur()));
      return nullptr;
    }
    return t;
  }

 private:
  const Token& Cur() const { return t_[p_]; }
  const Token& Peek(size_t k = 1) const { return t_[std::min(p_ + k, t_.size() - 1)]; }
  void Next() {
    if (p_ + 1 < t_.size()) ++p_;
  }
  bool IsIdent(const char* s) const { return Cur().t == Tok::kIdent && Cur().text == s; }
  Loc LocOf(const Token& t) const { return Loc{t.row, t.col, file_}; }
  void Error(const Token& t, std::string msg) {
    if (!err_.empty()) return;
    err_ = std::move(msg);
    erow_ = t.row;
    ecol_ = t.col;
  }
  static std::string Describe(const Token& t) {
    switch (t.t) {
      case Tok::kEof: return "eof token";
      case Tok::kIdent: return "ident token";
      case Tok::kString: return "string token";
      case Tok::kNumber: return "number token";
      case Tok::kRBrace: return "} token";
      case Tok::kRBrack: return "] token";
      case Tok::kRParen: return ") token";
      case Tok::kLBrace: return "{ token";
      case Tok::kComma: return ", token";
      case Tok::kAssign: return "assign token";
      case Tok::kUnify: return "= token";
      default: return "token";
    }
  }
  bool EndOfStatement() {
    if (Cur().t == Tok::kSemi) {
      Next();
      return true;
    }
    if (Cur().t == Tok::kEof || Cur().nl_before) return true;
    Error(Cur(), "unexpected " + Describe(Cur()));
    return false;
  }

  Value TakeAnnotations(int row, bool is_package) {
    // METADATA blocks: runs of comment lines starting with "# METADATA".
    std::vector<Value> blocks;
    while (comment_pos_ < comments.size() && comments[comment_pos_].row < row) {
      const Comment& c = comments[comment_pos_];
      std::string_view txt = c.text;
      while (!txt.empty() && txt[0] == ' ') txt.remove_prefix(1);
      if (txt.rfind("METADATA", 0) == 0 &&
          txt.substr(8).find_first_not_of(" \t\r") == std::string_view::npos) {
        int r = c.row;
        ++comment_pos_;
        std::string yaml;
        while (comment_pos_ < comments.size() && comments[comment_pos_].row == r + 1 &&
               comments[comment_pos_].row < row) {
          std::string_view l = comments[comment_pos_].text;
          if (!l.empty() && l[0] == ' ') l.remove_prefix(1);
          yaml.append(l);
          yaml.push_back('\n');
          r = comments[comment_pos_].row;
          ++comment_pos_;
        }
        Value v;
        std::string err;
        if (!ParseYamlText(yaml, &v, &err)) {
          Error(Token{Tok::kEof, "", c.row, 1}, "invalid METADATA block: " + err);
          return Value();
        }
        if (v.is_null()) v = Value::EmptyObject();
        blocks.push_back(v);
        continue;
      }
      ++comment_pos_;
    }
    (void)is_package;
    if (blocks.empty()) return Value();
    return Value::Array(std::move(blocks));
  }

  // ref path used by package/import: ident {. ident | [string]}
  std::vector<TermPtr> ParseRefPath() {
    std::vector<TermPtr> out;
    if (Cur().t != Tok::kIdent) {
      Error(Cur(), "unexpected " + Describe(Cur()) + ", expected ref");
      return out;
    }
    out.push_back(MakeScalar(Value::String(Cur().text), LocOf(Cur())));
    Next();
    while (true) {
      if (Cur().t == Tok::kDot && !Cur().ws_before) {
        Next();
        if (Cur().t != Tok::kIdent) {
          Error(Cur(), "unexpected " + Describe(Cur()));
          return out;
        }
        out.push_back(MakeScalar(Value::String(Cur().text), LocOf(Cur())));
        Next();
      } else if (Cur().t == Tok::kLBrack && !Cur().ws_before) {
        Next();
        auto t = ParseTermIn(false);
        if (!t) return out;
        out.push_back(t);
        if (!Expect(Tok::kRBrack, "]")) return out;
      } else {
        break;
      }
    }
    return out;
  }

  bool Expect(Tok t, const char* what) {
    if (Cur().t != t) {
      Error(Cur(), std::string("unexpected ") + Describe(Cur()) + ", expected " + what);
      return false;
    }
    Next();
    return true;
  }

  std::unique_ptr<Rule> ParseRule() {
    auto r = std::make_unique<Rule>();
    r->loc = LocOf(Cur());
    int row = Cur().row;
    if (IsIdent("default") && Peek().t == Tok::kIdent) {
      r->is_default = true;
      Next();
    }
    r->annotations = TakeAnnotations(row, false);
    if (Cur().t != Tok::kIdent) {
      Error(Cur(), "unexpected " + Describe(Cur()) + ", expected rule");
      return r;
    }
    r->ref.push_back(MakeScalar(Value::String(Cur().text), LocOf(Cur())));
    Next();
    bool last_bracket = false;
    while (true) {
      if (Cur().t == Tok::kDot && !Cur().ws_before) {
        Next();
        if (Cur().t != Tok::kIdent) {
          Error(Cur(), "unexpected " + Describe(Cur()));
          return r;
        }
        r->ref.push_back(MakeScalar(Value::String(Cur().text), LocOf(Cur())));
        Next();
        last_bracket = false;
      } else if (Cur().t == Tok::kLBrack && !Cur().nl_before) {
        Next();
        auto t = ParseTermIn(false);
        if (!t) return r;
        r->ref.push_back(t);
        if (!Expect(Tok::kRBrack, "]")) return r;
        last_bracket = true;
      } else {
        break;
      }
    }
    if (Cur().t == Tok::kLParen && !Cur().ws_before) {
      r->kind = RuleKind::kFunction;
      Next();
      while (Cur().t != Tok::kRParen) {
        auto a = ParseTermIn(false);
        if (!a) return r;
        r->args.push_back(a);
        if (Cur().t == Tok::kComma) {
          Next();
        } else if (Cur().t != Tok::kRParen) {
          Error(Cur(), "unexpected " + Describe(Cur()) + ", expected )");
          return r;
        }
      }
      Next();
      // As in OPA, a head with no arguments (`f() = 1`) is a plain rule.
      if (r->args.empty()) r->kind = RuleKind::kComplete;
    }
    if (kw_contains_ && IsIdent("contains") && !KeywordRef() && r->kind != RuleKind::kFunction) {
      Next();
      r->kind = RuleKind::kMulti;
      r->key = ParseTermIn(false);
      if (!r->key) return r;
    } else if (Cur().t == Tok::kAssign || Cur().t == Tok::kUnify) {
      r->assign = Cur().t == Tok::kAssign;
      Next();
      r->value = ParseTermIn(false);
      if (!r->value) return r;
    } else if (r->kind != RuleKind::kFunction && last_bracket &&
               opts_.version == RegoVersion::kV0 && r->ref.size() >= 2) {
      // v0 `p[x] { ... }`: a partial set.
      r->kind = RuleKind::kMulti;
      r->key = r->ref.back();
      r->ref.pop_back();
    }
    if (r->is_default) {
      if (!r->value) {
        Error(Cur(), "default rule must have a value");
      }
      return r;
    }
    // bodies
    bool have_body = false;
    if (kw_if_ && IsIdent("if") && !KeywordRef()) {
      Next();
      Body b;
      if (!ParseRuleBodyAfterIf(&b)) return r;
      r->bodies.push_back(std::move(b));
      have_body = true;
    } else if (Cur().t == Tok::kLBrace && !Cur().nl_before) {
      if (opts_.version == RegoVersion::kV1) {
        Error(Cur(), "`if` keyword is required before rule body");
        return r;
      }
      Body b;
      if (!ParseBraceBody(&b)) return r;
      r->bodies.push_back(std::move(b));
      have_body = true;
    }
    // v0 extra bodies `{ } { }`
    while (have_body && Cur().t == Tok::kLBrace && !Cur().nl_before &&
           opts_.version == RegoVersion::kV0) {
      Body b;
      if (!ParseBraceBody(&b)) return r;
      r->bodies.push_back(std::move(b));
    }
    if (!have_body) {
      if (!r->value && r->kind == RuleKind::kComplete && opts_.version == RegoVersion::kV1 &&
          r->ref.size() == 1) {
        // `p` alone is not a rule in v1... OPA accepts `p.q` style refs only
        // with values; treat a bare name as `p := true`.
      }
      r->bodies.push_back(Body{});
    }
    while (have_body && IsIdent("else") && Peek().t != Tok::kDot && Peek().t != Tok::kLBrack) {
      ElseClause ec;
      ec.loc = LocOf(Cur());
      Next();
      if (Cur().t == Tok::kAssign || Cur().t == Tok::kUnify) {
        Next();
        ec.value = ParseTermIn(false);
        if (!ec.value) return r;
      }
      if (kw_if_ && IsIdent("if") && !KeywordRef()) {
        Next();
        if (!ParseRuleBodyAfterIf(&ec.body)) return r;
      } else if (Cur().t == Tok::kLBrace) {
        if (!ParseBraceBody(&ec.body)) return r;
      }
      r->elses.push_back(std::move(ec));
    }
    return r;
  }

  bool ParseRuleBodyAfterIf(Body* b) {
    if (Cur().t == Tok::kLBrace) {
      // `if { body }`, or a single expression that starts with a brace:
      // `if {k: v | ...}`, `if {1, 2}[x]`.
      size_t save = p_;
      bool empty_braces = Peek().t == Tok::kRBrace;  // `if {}`: an empty body
      if (ParseBraceBody(b) || empty_braces) return err_.empty();
      std::string body_err = std::move(err_);
      int body_row = erow_, body_col = ecol_;
      err_.clear();
      p_ = save;
      b->clear();
      Expr e;
      if (!ParseLiteral(&e)) {
        // not an expression either: report the body's error
        err_ = std::move(body_err);
        erow_ = body_row;
        ecol_ = body_col;
        return false;
      }
      b->push_back(std::move(e));
      return true;
    }
    Expr e;
    if (!ParseLiteral(&e)) return false;
    b->push_back(std::move(e));
    return true;
  }

  bool ParseBraceBody(Body* b) {
    if (!Expect(Tok::kLBrace, "{")) return false;
    if (!ParseBodyUntil(Tok::kRBrace, b)) return false;
    if (b->empty()) {
      Error(Cur(), "found empty body");
      return false;
    }
    return Expect(Tok::kRBrace, "}");
  }

  bool ParseBodyUntil(Tok end, Body* b) {
    while (Cur().t == Tok::kSemi) Next();
    while (Cur().t != end && Cur().t != Tok::kEof) {
      Expr e;
      if (!ParseLiteral(&e)) return false;
      e.index = static_cast<int>(b->size());
      b->push_back(std::move(e));
      if (Cur().t == Tok::kSemi) {
        Next();
        while (Cur().t == Tok::kSemi) Next();
      } else if (Cur().t != end && !Cur().nl_before) {
        Error(Cur(), "unexpected " + Describe(Cur()));
        return false;
      }
    }
    if (Cur().t != end) {
      Error(Cur(), "unexpected eof token");
      return false;
    }
    return true;
  }

  bool ParseLiteral(Expr* e) {
    // nested bodies (comprehensions, every) parse their own `with`s
    bool save = operand_withs_off_;
    operand_withs_off_ = false;
    bool ok = opts_.experimental_keywords ? ParseLogicExpr(e) : ParseLiteralPlain(e);
    operand_withs_off_ = save;
    return ok;
  }

  // `a and b or c with ...`: the `with`s modify the whole expression; an
  // operand takes its own only inside parentheses, `(a with ...) and b`.
  bool ParseLogicExpr(Expr* e) {
    if (!ParseLogicOr(e)) return false;
    bool save = operand_withs_off_;
    operand_withs_off_ = false;
    bool ok = ParseWiths(e);
    operand_withs_off_ = save;
    return ok;
  }

  static std::shared_ptr<Body> AsOperand(Expr&& e) {
    if (e.kind == ExprKind::kAnd && e.alternatives.size() == 1 && !e.negated && e.withs.empty())
      return e.alternatives[0];
    auto b = std::make_shared<Body>();
    b->push_back(std::move(e));
    return b;
  }

  bool ParseLogicOr(Expr* e) {
    Expr first;
    if (!ParseLogicAnd(&first)) return false;
    if (!IsIdent("or")) {
      *e = std::move(first);
      return true;
    }
    Expr out;
    out.loc = first.loc;
    out.kind = ExprKind::kOr;
    out.alternatives.push_back(AsOperand(std::move(first)));
    while (IsIdent("or")) {
      Next();
      Expr nx;
      bool save_in = in_logic_;
      in_logic_ = true;
      bool ok = ParseLogicAnd(&nx);
      in_logic_ = save_in;
      if (!ok) return false;
      out.alternatives.push_back(AsOperand(std::move(nx)));
    }
    *e = std::move(out);
    return true;
  }

  bool ParseLogicAnd(Expr* e) {
    Expr first;
    if (!ParseLogicAtom(&first)) return false;
    if (!IsIdent("and")) {
      *e = std::move(first);
      return true;
    }
    Expr out;
    out.loc = first.loc;
    out.kind = ExprKind::kAnd;
    out.alternatives.push_back(AsOperand(std::move(first)));
    while (IsIdent("and")) {
      Next();
      Expr nx;
      bool save_in = in_logic_;
      in_logic_ = true;
      bool ok = ParseLogicAtom(&nx);
      in_logic_ = save_in;
      if (!ok) return false;
      out.alternatives.push_back(AsOperand(std::move(nx)));
    }
    *e = std::move(out);
    return true;
  }

  bool ParseLogicAtom(Expr* e) {
    Loc loc = LocOf(Cur());
    bool negated = false;
    size_t save0 = p_;
    if (IsIdent("not") && (Peek().t == Tok::kLParen || Peek().t == Tok::kLBrace)) {
      Next();
      negated = true;
    }
    if (Cur().t == Tok::kLParen) {
      size_t save = p_;
      Next();
      Expr inner;
      if (ParseLogicExpr(&inner) && Cur().t == Tok::kRParen &&
          (inner.kind == ExprKind::kOr || inner.kind == ExprKind::kAnd || !inner.withs.empty())) {
        Next();
        if (negated || (inner.kind != ExprKind::kOr && inner.kind != ExprKind::kAnd)) {
          Expr g;
          g.loc = loc;
          g.kind = ExprKind::kAnd;
          g.negated = negated;
          g.alternatives.push_back(AsOperand(std::move(inner)));
          *e = std::move(g);
        } else {
          *e = std::move(inner);
        }
        return true;
      }
      err_.clear();
      p_ = save;
    } else if (Cur().t == Tok::kLBrace) {
      size_t save = p_;
      auto body = std::make_shared<Body>();
      if (ParseBraceBody(body.get()) && (negated || IsIdent("and") || IsIdent("or") || in_logic_)) {
        Expr g;
        g.loc = loc;
        g.kind = ExprKind::kAnd;
        g.negated = negated;
        g.alternatives.push_back(body);
        *e = std::move(g);
        return true;
      }
      err_.clear();
      p_ = save;
    }
    p_ = save0;
    bool save_in = in_logic_;
    bool save_withs = operand_withs_off_;
    in_logic_ = false;
    operand_withs_off_ = true;
    bool ok = ParseLiteralPlain(e);
    in_logic_ = save_in;
    operand_withs_off_ = save_withs;
    return ok;
  }

  bool ParseLiteralPlain(Expr* e) {
    e->loc = LocOf(Cur());
    if (IsIdent("some") && SomeFollows()) {
      Next();
      std::vector<TermPtr> terms;
      while (true) {
        auto t = ParseTermRelation(false);
        if (!t) return false;
        terms.push_back(t);
        if (Cur().t == Tok::kComma) {
          Next();
          continue;
        }
        break;
      }
      if (IsIdent("in")) {
        Next();
        if (terms.size() > 2) {
          Error(Cur(), "unexpected , token");
          return false;
        }
        e->kind = ExprKind::kSomeIn;
        if (terms.size() == 2) {
          e->a = terms[0];
          e->b = terms[1];
        } else {
          e->b = terms[0];
        }
        e->c = ParseTermRelation(false);
        if (!e->c) return false;
      } else {
        e->kind = ExprKind::kSome;
        for (auto& t : terms) {
          if (t->kind != TermKind::kVar) {
            Error(Cur(), "expected var");
            return false;
          }
        }
        e->some_vars = std::move(terms);
      }
      return ParseWiths(e);
    }
    if (kw_every_ && IsIdent("every") && Peek().t == Tok::kIdent) {
      Next();
      e->kind = ExprKind::kEvery;
      auto t1 = ParseTermRelation(false);
      if (!t1) return false;
      if (Cur().t == Tok::kComma) {
        Next();
        e->a = t1;
        e->b = ParseTermRelation(false);
        if (!e->b) return false;
      } else {
        e->b = t1;
      }
      if (!IsIdent("in")) {
        Error(Cur(), "unexpected " + Describe(Cur()) + ", expected in");
        return false;
      }
      Next();
      e->c = ParseTermRelation(false);
      if (!e->c) return false;
      e->body = std::make_shared<Body>();
      if (!ParseBraceBody(e->body.get())) return false;
      return ParseWiths(e);
    }
    if (IsIdent("not") && !(Peek().t == Tok::kDot || Peek().t == Tok::kLBrack)) {
      Next();
      if (Cur().t == Tok::kLBrace) {
        // `not { body }`
        size_t save = p_;
        e->kind = ExprKind::kNotBody;
        e->negated = false;
        e->body = std::make_shared<Body>();
        if (ParseBraceBody(e->body.get())) return ParseWiths(e);
        // fall back to a term
        err_.clear();
        p_ = save;
        e->body.reset();
        e->kind = ExprKind::kTerm;
      }
      e->negated = true;
    }
    auto lhs = ParseTermInComma();
    if (!lhs) return false;
    if (Cur().t == Tok::kAssign || Cur().t == Tok::kUnify) {
      e->kind = Cur().t == Tok::kAssign ? ExprKind::kAssign : ExprKind::kUnify;
      Next();
      e->a = lhs;
      e->b = ParseTermIn(false);
      if (!e->b) return false;
    } else {
      e->kind = ExprKind::kTerm;
      e->a = lhs;
    }
    return ParseWiths(e);
  }

  // A keyword directly followed by `.` or `[` is a ref (`if.foo`, `in[x]`).
  bool KeywordRef() const {
    return (Peek().t == Tok::kDot || Peek().t == Tok::kLBrack) && !Peek().ws_before;
  }

  bool SomeFollows() const {
    switch (Peek().t) {
      case Tok::kIdent:
      case Tok::kString:
      case Tok::kNumber:
      case Tok::kLBrace:
      case Tok::kTemplate: return true;
      case Tok::kLBrack: return Peek().ws_before;
      default: return false;
    }
  }

  // `k, v in coll` (member_3) where a comma may start it; then `in` chains.
  TermPtr ParseTermInComma() {
    auto lhs = ParseTermIn(false);
    if (!lhs) return nullptr;
    if (!(kw_in_ && Cur().t == Tok::kComma)) return lhs;
    size_t save = p_;
    Next();
    auto v = ParseTermRelation(false);
    if (!v || !IsIdent("in")) {
      err_.clear();
      p_ = save;
      return lhs;
    }
    Loc l = LocOf(Cur());
    Next();
    auto coll = ParseTermRelation(false);
    if (!coll) return nullptr;
    TermPtr t = MakeCall("internal.member_3", {lhs, v, coll}, l);
    while (IsIdent("in")) {
      Loc l2 = LocOf(Cur());
      Next();
      auto rhs = ParseTermRelation(false);
      if (!rhs) return nullptr;
      t = MakeCall("internal.member_2", {t, rhs}, l2);
    }
    return t;
  }

  bool ParseWiths(Expr* e) {
    if (operand_withs_off_) return true;
    while (IsIdent("with") && Peek().t != Tok::kDot && Peek().t != Tok::kLBrack) {
      With w;
      w.loc = LocOf(Cur());
      Next();
      w.target = ParseTermPrimary();
      if (!w.target) return false;
      if (!IsIdent("as")) {
        Error(Cur(), "unexpected " + Describe(Cur()) + ", expected as");
        return false;
      }
      Next();
      w.value = ParseTermIn(false);
      if (!w.value) return false;
      e->withs.push_back(std::move(w));
    }
    return true;
  }

  TermPtr ParseTermIn(bool no_or) {
    auto t = ParseTermRelation(no_or);
    if (!t) return nullptr;
    while (kw_in_ && IsIdent("in") && !KeywordRef() && !Cur().nl_before) {
      Loc l = LocOf(Cur());
      Next();
      auto rhs = ParseTermRelation(no_or);
      if (!rhs) return nullptr;
      t = MakeCall("internal.member_2", {t, rhs}, l);
    }
    return t;
  }

  TermPtr ParseTermRelation(bool no_or) {
    auto t = ParseTermOr(no_or);
    if (!t) return nullptr;
    while (true) {
      const char* op = nullptr;
      switch (Cur().t) {
        case Tok::kEq: op = "equal"; break;
        case Tok::kNeq: op = "neq"; break;
        case Tok::kLt: op = "lt"; break;
        case Tok::kLte: op = "lte"; break;
        case Tok::kGt: op = "gt"; break;
        case Tok::kGte: op = "gte"; break;
        default: break;
      }
      if (!op) return t;
      Loc l = LocOf(Cur());
      Next();
      auto rhs = ParseTermOr(no_or);
      if (!rhs) return nullptr;
      t = MakeCall(op, {t, rhs}, l);
    }
  }

  TermPtr ParseTermOr(bool no_or) {
    auto t = ParseTermAnd();
    if (!t) return nullptr;
    while (!no_or && Cur().t == Tok::kOr) {
      Loc l = LocOf(Cur());
      Next();
      auto rhs = ParseTermAnd();
      if (!rhs) return nullptr;
      t = MakeCall("or", {t, rhs}, l);
    }
    return t;
  }

  TermPtr ParseTermAnd() {
    auto t = ParseTermArith();
    if (!t) return nullptr;
    while (Cur().t == Tok::kAnd) {
      Loc l = LocOf(Cur());
      Next();
      auto rhs = ParseTermArith();
      if (!rhs) return nullptr;
      t = MakeCall("and", {t, rhs}, l);
    }
    return t;
  }

  TermPtr ParseTermArith() {
    auto t = ParseTermFactor();
    if (!t) return nullptr;
    while (Cur().t == Tok::kPlus || Cur().t == Tok::kMinus) {
      // `x -1` on a new line is a new expression, not a subtraction.
      if (Cur().nl_before) break;
      const char* op = Cur().t == Tok::kPlus ? "plus" : "minus";
      Loc l = LocOf(Cur());
      Next();
      auto rhs = ParseTermFactor();
      if (!rhs) return nullptr;
      t = MakeCall(op, {t, rhs}, l);
    }
    return t;
  }

  TermPtr ParseTermFactor() {
    auto t = ParseTermPrimary();
    if (!t) return nullptr;
    while (Cur().t == Tok::kMul || Cur().t == Tok::kQuo || Cur().t == Tok::kRem) {
      if (Cur().nl_before) break;
      const char* op = Cur().t == Tok::kMul ? "mul" : Cur().t == Tok::kQuo ? "div" : "rem";
      Loc l = LocOf(Cur());
      Next();
      auto rhs = ParseTermPrimary();
      if (!rhs) return nullptr;
      t = MakeCall(op, {t, rhs}, l);
    }
    return t;
  }

  TermPtr ParseTermPrimary() {
    if (++depth_ > 500) {
      Error(Cur(), "nesting too deep");
      return nullptr;
    }
    auto t = ParseOperand();
    --depth_;
    if (!t) return nullptr;
    return ParsePostfix(t);
  }

  TermPtr ParsePostfix(TermPtr t) {
    while (true) {
      const Token& c = Cur();
      if (c.t == Tok::kDot && !c.ws_before) {
        Next();
        if (Cur().t != Tok::kIdent) {
          Error(Cur(), "unexpected " + Describe(Cur()) + ", expected ident");
          return nullptr;
        }
        auto key = MakeScalar(Value::String(Cur().text), LocOf(Cur()));
        Next();
        t = AppendRef(t, key);
      } else if (c.t == Tok::kLBrack && !c.ws_before) {
        Next();
        auto key = ParseTermIn(false);
        if (!key) return nullptr;
        if (!Expect(Tok::kRBrack, "]")) return nullptr;
        t = AppendRef(t, key);
      } else if (c.t == Tok::kLParen && !c.ws_before &&
                 (t->kind == TermKind::kVar || t->kind == TermKind::kRef)) {
        Loc l = t->loc;
        Next();
        auto call = MakeTerm(TermKind::kCall, l);
        call->items.push_back(t);
        while (Cur().t != Tok::kRParen) {
          auto a = ParseTermIn(false);
          if (!a) return nullptr;
          call->items.push_back(a);
          if (Cur().t == Tok::kComma) {
            Next();
          } else if (Cur().t != Tok::kRParen) {
            Error(Cur(), "unexpected " + Describe(Cur()) + ", expected )");
            return nullptr;
          }
        }
        Next();
        t = call;
      } else {
        return t;
      }
    }
  }

  static TermPtr AppendRef(TermPtr t, TermPtr key) {
    if (t->kind == TermKind::kRef) {
      // copy-on-append: refs are built left to right, so t is fresh.
      t->items.push_back(key);
      return t;
    }
    auto r = MakeTerm(TermKind::kRef, t->loc);
    r->items.push_back(t);
    r->items.push_back(key);
    return r;
  }

  TermPtr ParseOperand() {
    const Token& c = Cur();
    Loc l = LocOf(c);
    switch (c.t) {
      case Tok::kNumber: {
        auto v = Value::Number(c.text);
        Next();
        return MakeScalar(v, l);
      }
      case Tok::kString: {
        auto v = Value::String(c.text);
        Next();
        return MakeScalar(v, l);
      }
      case Tok::kTemplate: return ParseTemplate();
      case Tok::kMinus: {
        Next();
        if (Cur().t == Tok::kNumber && !Cur().ws_before) {
          auto v = Value::Number("-" + Cur().text);
          Next();
          return MakeScalar(v, l);
        }
        auto operand = ParseTermPrimary();
        if (!operand) return nullptr;
        return MakeCall("minus", {MakeScalar(Value::Int(0), l), operand}, l);
      }
      case Tok::kIdent: {
        std::string name = c.text;
        Next();
        bool refnext = (Cur().t == Tok::kDot || Cur().t == Tok::kLBrack) && !Cur().ws_before;
        if (name == "null" && !refnext) return MakeScalar(Value::Null(), l);
        if (name == "true" && !refnext) return MakeScalar(Value::Bool(true), l);
        if (name == "false" && !refnext) return MakeScalar(Value::Bool(false), l);
        if (name == "set" && Cur().t == Tok::kLParen && !Cur().ws_before &&
            Peek().t == Tok::kRParen) {
          Next();
          Next();
          return MakeTerm(TermKind::kSet, l);
        }
        return MakeVar(std::move(name), l);
      }
      case Tok::kLParen: {
        Next();
        auto t = ParseTermInComma();
        if (!t) return nullptr;
        if (!Expect(Tok::kRParen, ")")) return nullptr;
        return t;
      }
      case Tok::kLBrack: return ParseArray();
      case Tok::kLBrace: return ParseBraced();
      default: Error(c, "unexpected " + Describe(c)); return nullptr;
    }
  }

  TermPtr ParseArray() {
    Loc l = LocOf(Cur());
    Next();
    auto arr = MakeTerm(TermKind::kArray, l);
    if (Cur().t == Tok::kRBrack) {
      Next();
      return arr;
    }
    auto first = ParseTermIn(true);
    if (!first) return nullptr;
    if (Cur().t == Tok::kOr) {
      Next();
      auto c = MakeTerm(TermKind::kArrayCompr, l);
      c->a = first;
      c->body = std::make_shared<Body>();
      if (!ParseBodyUntil(Tok::kRBrack, c->body.get())) return nullptr;
      Next();
      return c;
    }
    arr->items.push_back(first);
    while (Cur().t == Tok::kComma) {
      Next();
      if (Cur().t == Tok::kRBrack) break;
      auto t = ParseTermIn(false);
      if (!t) return nullptr;
      arr->items.push_back(t);
    }
    if (!Expect(Tok::kRBrack, "]")) return nullptr;
    return arr;
  }

  TermPtr ParseBraced() {
    Loc l = LocOf(Cur());
    Next();
    if (Cur().t == Tok::kRBrace) {
      Next();
      return MakeTerm(TermKind::kObject, l);
    }
    auto first = ParseTermIn(true);
    if (!first) return nullptr;
    if (Cur().t == Tok::kColon) {
      Next();
      auto v = ParseTermIn(true);
      if (!v) return nullptr;
      if (Cur().t == Tok::kOr) {
        Next();
        auto c = MakeTerm(TermKind::kObjectCompr, l);
        c->a = first;
        c->b = v;
        c->body = std::make_shared<Body>();
        if (!ParseBodyUntil(Tok::kRBrace, c->body.get())) return nullptr;
        Next();
        return c;
      }
      auto obj = MakeTerm(TermKind::kObject, l);
      obj->items.push_back(first);
      obj->items.push_back(v);
      while (Cur().t == Tok::kComma) {
        Next();
        if (Cur().t == Tok::kRBrace) break;
        auto k = ParseTermIn(false);
        if (!k) return nullptr;
        if (!Expect(Tok::kColon, ":")) return nullptr;
        auto vv = ParseTermIn(false);
        if (!vv) return nullptr;
        obj->items.push_back(k);
        obj->items.push_back(vv);
      }
      if (!Expect(Tok::kRBrace, "}")) return nullptr;
      return obj;
    }
    if (Cur().t == Tok::kOr) {
      Next();
      auto c = MakeTerm(TermKind::kSetCompr, l);
      c->a = first;
      c->body = std::make_shared<Body>();
      if (!ParseBodyUntil(Tok::kRBrace, c->body.get())) return nullptr;
      Next();
      return c;
    }
    auto set = MakeTerm(TermKind::kSet, l);
    set->items.push_back(first);
    while (Cur().t == Tok::kComma) {
      Next();
      if (Cur().t == Tok::kRBrace) break;
      auto t = ParseTermIn(false);
      if (!t) return nullptr;
      set->items.push_back(t);
    }
    if (!Expect(Tok::kRBrace, "}")) return nullptr;
    return set;
  }

  TermPtr ParseTemplate() {
    const Token& c = Cur();
    Loc l = LocOf(c);
    auto t = MakeTerm(TermKind::kTemplate, l);
    for (const auto& part : c.parts) {
      if (!part.expr) {
        t->items.push_back(MakeScalar(Value::String(part.text), l));
        continue;
      }
      std::vector<Token> toks;
      std::string err;
      int er = 0, ec = 0;
      Lexer lx(part.text, part.row, part.col);
      if (!lx.Run(&toks, nullptr, &err, &er, &ec)) {
        Error(Token{Tok::kEof, "", er, ec}, err);
        return nullptr;
      }
      Parser sub(std::move(toks), file_, opts_);
      sub.kw_in_ = kw_in_;
      sub.kw_every_ = kw_every_;
      auto e = sub.ParseTemplateExpr();
      if (!e) {
        err_ = sub.err_;
        erow_ = sub.erow_;
        ecol_ = sub.ecol_;
        return nullptr;
      }
      t->items.push_back(e);
    }
    Next();
    return t;
  }

  std::vector<Token> t_;
  size_t p_ = 0;
  const std::string* file_;
  ParseOptions opts_;
  Module* module_ = nullptr;
  bool kw_in_, kw_every_, kw_if_, kw_contains_;
  bool kw_not_ = false;
  bool in_logic_ = false;
  bool operand_withs_off_ = false;  // see ParseLogicExpr
  std::string err_;
  int erow_ = 0, ecol_ = 0;
  size_t comment_pos_ = 0;
  int depth_ = 0;
};

RegoErrors LexError(const std::string* file, const std::string& msg, int row, int col) {
  RegoErrors e;
  RegoError r;
  r.code = "rego_parse_error";
  r.message = msg;
  r.file = file ? *file : "";
  r.row = row;
  r.col = col;
  e.errors.push_back(r);
  return e;
}

}  // namespace

RegoResult<std::unique_ptr<Module>> ParseModule(const std::string& filename, std::string_view text,
                                                const ParseOptions& opts) {
  RegoResult<std::unique_ptr<Module>> res;
  auto m = std::make_unique<Module>();
  m->filename = filename;
  m->version = opts.version;
  std::vector<Token> toks;
  std::vector<Comment> comments;
  std::string err;
  int er = 0, ec = 0;
  Lexer lx(text);
  if (!lx.Run(&toks, &comments, &err, &er, &ec)) {
    res.errors = LexError(&m->filename, err, er, ec);
    return res;
  }
  Parser p(std::move(toks), &m->filename, opts);
  p.comments = std::move(comments);
  bool ok = p.ParseModuleBody(m.get());
  if (!p.ok() || !ok) {
    res.errors = p.Errors();
    return res;
  }
  res.value = std::move(m);
  return res;
}

RegoResult<Body> ParseQuery(std::string_view text, const std::string* file,
                            const ParseOptions& opts) {
  RegoResult<Body> res;
  std::vector<Token> toks;
  std::string err;
  int er = 0, ec = 0;
  Lexer lx(text);
  if (!lx.Run(&toks, nullptr, &err, &er, &ec)) {
    res.errors = LexError(file, err, er, ec);
    return res;
  }
  Parser p(std::move(toks), file, opts);
  Body b;
  if (!p.ParseQueryBody(&b)) {
    res.errors = p.Errors();
    return res;
  }
  res.value = std::move(b);
  return res;
}

RegoResult<TermPtr> ParseSingleTerm(std::string_view text, const std::string* file) {
  RegoResult<TermPtr> res;
  std::vector<Token> toks;
  std::string err;
  int er = 0, ec = 0;
  Lexer lx(text);
  if (!lx.Run(&toks, nullptr, &err, &er, &ec)) {
    res.errors = LexError(file, err, er, ec);
    return res;
  }
  ParseOptions o;
  o.all_keywords = true;
  Parser p(std::move(toks), file, o);
  auto t = p.ParseOneTerm();
  if (!t) {
    res.errors = p.Errors();
    return res;
  }
  res.value = t;
  return res;
}

}  // namespace kumo::rego
