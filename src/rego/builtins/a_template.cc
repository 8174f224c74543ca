#include "rego/builtins/a_template.h"

#include <memory>
#include <optional>
#include <vector>

namespace kumo::rego::a {
namespace {

constexpr int kMaxDepth = 64;

struct Item {
  bool action = false;
  std::string text;  // literal text, or the action's inside (trimmed)
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool Lex(std::string_view t, std::vector<Item>* items, std::string* err) {
  size_t i = 0;
  bool trim_next = false;
  while (i < t.size()) {
    size_t open = t.find("{{", i);
    std::string text(
        t.substr(i, open == std::string_view::npos ? std::string_view::npos : open - i));
    if (trim_next) {
      size_t k = 0;
      while (k < text.size() && IsSpace(text[k])) ++k;
      text.erase(0, k);
      trim_next = false;
    }
    if (open == std::string_view::npos) {
      if (!text.empty()) items->push_back({false, text});
      break;
    }
    size_t body = open + 2;
    if (body + 1 < t.size() && t[body] == '-' && IsSpace(t[body + 1])) {
      while (!text.empty() && IsSpace(text.back())) text.pop_back();
      body += 2;
    }
    if (!text.empty()) items->push_back({false, text});
    size_t close = t.find("}}", body);
    if (close == std::string_view::npos) {
      *err = "template: unclosed action";
      return false;
    }
    size_t end = close;
    if (end >= body + 2 && t[end - 1] == '-' && IsSpace(t[end - 2])) {
      trim_next = true;
      end -= 2;
    }
    std::string a(t.substr(body, end - body));
    size_t s = 0, e = a.size();
    while (s < e && IsSpace(a[s])) ++s;
    while (e > s && IsSpace(a[e - 1])) --e;
    a = a.substr(s, e - s);
    if (!(a.starts_with("/*") && a.ends_with("*/"))) items->push_back({true, a});
    i = close + 2;
  }
  return true;
}

struct Node {
  enum Kind { kText, kPrint, kIf, kRange, kWith } kind = kText;
  std::string text;              // kText: literal; others: the expression
  std::string key_var, val_var;  // range variables
  std::vector<std::unique_ptr<Node>> body, alt;
};

using NodeList = std::vector<std::unique_ptr<Node>>;

class Parser {
 public:
  Parser(const std::vector<Item>& items, std::string* err) : items_(items), err_(err) {}

  // Parses until one of {end, else}; *stop receives the stopping action.
  bool ParseList(NodeList* out, std::string* stop, int depth) {
    if (depth > kMaxDepth) return Fail("template: nesting too deep");
    while (pos_ < items_.size()) {
      const Item& it = items_[pos_++];
      if (!it.action) {
        auto n = std::make_unique<Node>();
        n->text = it.text;
        out->push_back(std::move(n));
        continue;
      }
      std::string_view a = it.text;
      if (a == "end" || a == "else" || a.starts_with("else ")) {
        *stop = std::string(a);
        return true;
      }
      auto n = std::make_unique<Node>();
      if (a.starts_with("if ")) {
        n->kind = Node::kIf;
        n->text = std::string(a.substr(3));
        if (!ParseBlock(n.get(), depth)) return false;
      } else if (a.starts_with("with ")) {
        n->kind = Node::kWith;
        n->text = std::string(a.substr(5));
        if (!ParseBlock(n.get(), depth)) return false;
      } else if (a.starts_with("range ")) {
        n->kind = Node::kRange;
        std::string_view r = a.substr(6);
        size_t assign = r.find(":=");
        if (assign != std::string_view::npos) {
          std::string vars(r.substr(0, assign));
          size_t comma = vars.find(',');
          auto trim = [](std::string s) {
            size_t b = 0, e = s.size();
            while (b < e && IsSpace(s[b])) ++b;
            while (e > b && IsSpace(s[e - 1])) --e;
            return s.substr(b, e - b);
          };
          if (comma == std::string::npos) {
            n->val_var = trim(vars);
          } else {
            n->key_var = trim(vars.substr(0, comma));
            n->val_var = trim(vars.substr(comma + 1));
          }
          r = r.substr(assign + 2);
        }
        while (!r.empty() && IsSpace(r.front())) r.remove_prefix(1);
        n->text = std::string(r);
        if (!ParseBlock(n.get(), depth)) return false;
      } else if (a.starts_with("define ") || a.starts_with("template ") ||
                 a.starts_with("block ")) {
        return Fail("template: unsupported action {{" + std::string(a) + "}}");
      } else {
        n->kind = Node::kPrint;
        n->text = std::string(a);
      }
      out->push_back(std::move(n));
    }
    *stop = "";
    return true;
  }

 private:
  bool ParseBlock(Node* n, int depth) {
    std::string stop;
    if (!ParseList(&n->body, &stop, depth + 1)) return false;
    if (stop == "else") {
      if (!ParseList(&n->alt, &stop, depth + 1)) return false;
    } else if (stop.starts_with("else if ")) {
      // {{else if x}} is an if nested in the else branch sharing the {{end}}.
      auto inner = std::make_unique<Node>();
      inner->kind = Node::kIf;
      inner->text = stop.substr(8);
      if (!ParseBlock(inner.get(), depth + 1)) return false;
      n->alt.push_back(std::move(inner));
      return true;
    }
    if (stop != "end") return Fail("template: unexpected EOF");
    return true;
  }

  bool Fail(std::string m) {
    *err_ = std::move(m);
    return false;
  }

  const std::vector<Item>& items_;
  std::string* err_;
  size_t pos_ = 0;
};

void PrintGo(const Value& v, std::string* out) {
  switch (v.kind()) {
    case ValueKind::kNull: out->append("<nil>"); return;
    case ValueKind::kBool: out->append(v.as_bool() ? "true" : "false"); return;
    case ValueKind::kNumber: out->append(v.number_text()); return;
    case ValueKind::kString: out->append(v.as_string()); return;
    case ValueKind::kArray:
    case ValueKind::kSet: {
      out->push_back('[');
      bool first = true;
      for (const Value& e : v.items()) {
        if (!first) out->push_back(' ');
        first = false;
        PrintGo(e, out);
      }
      out->push_back(']');
      return;
    }
    case ValueKind::kObject: {
      out->append("map[");
      bool first = true;
      for (const auto& [k, e] : v.entries()) {
        if (!first) out->push_back(' ');
        first = false;
        PrintGo(k, out);
        out->push_back(':');
        PrintGo(e, out);
      }
      out->push_back(']');
      return;
    }
  }
}

bool Truthy(const std::optional<Value>& v) {
  if (!v) return false;
  switch (v->kind()) {
    case ValueKind::kNull: return false;
    case ValueKind::kBool: return v->as_bool();
    case ValueKind::kNumber: return v->as_double() != 0;
    default: return v->size() > 0;
  }
}

class Exec {
 public:
  Exec(const Value& root, std::string* out, std::string* err) : root_(root), out_(out), err_(err) {
    vars_.emplace_back("$", root);
  }

  bool Run(const NodeList& list, const Value& dot) {
    for (const auto& n : list) {
      if (!RunNode(*n, dot)) return false;
    }
    return true;
  }

 private:
  bool RunNode(const Node& n, const Value& dot) {
    switch (n.kind) {
      case Node::kText: out_->append(n.text); return true;
      case Node::kPrint: {
        std::optional<Value> v;
        if (!Eval(n.text, dot, &v)) return false;
        if (v) {
          PrintGo(*v, out_);
        } else {
          out_->append("<undefined>");
        }
        return true;
      }
      case Node::kIf: {
        std::optional<Value> v;
        if (!Eval(n.text, dot, &v)) return false;
        return Run(Truthy(v) ? n.body : n.alt, dot);
      }
      case Node::kWith: {
        std::optional<Value> v;
        if (!Eval(n.text, dot, &v)) return false;
        if (Truthy(v)) return Run(n.body, *v);
        return Run(n.alt, dot);
      }
      case Node::kRange: {
        std::optional<Value> v;
        if (!Eval(n.text, dot, &v)) return false;
        if (!Truthy(v)) return Run(n.alt, dot);
        size_t mark = vars_.size();
        auto iterate = [&](const Value& k, const Value& e) {
          vars_.resize(mark);
          if (!n.key_var.empty()) vars_.emplace_back(n.key_var, k);
          if (!n.val_var.empty()) vars_.emplace_back(n.val_var, e);
          return Run(n.body, e);
        };
        bool ok = true;
        if (v->is_array() || v->is_set()) {
          int64_t i = 0;
          for (const Value& e : v->items()) {
            if (!(ok = iterate(Value::Int(i++), e))) break;
          }
        } else if (v->is_object()) {
          for (const auto& [k, e] : v->entries()) {
            if (!(ok = iterate(k, e))) break;
          }
        } else if (v->is_number() && v->node_identity() == nullptr) {
          for (int64_t i = 0; i < v->as_int64() && i < 1000000; ++i) {
            if (!(ok = iterate(Value::Int(i), Value::Int(i)))) break;
          }
        } else {
          *err_ = "template: range can't iterate over " + std::string(ValueKindName(v->kind()));
          ok = false;
        }
        vars_.resize(mark);
        return ok;
      }
    }
    return true;
  }

  // Evaluates one operand: ".", ".a.b", "$x.a", a string or number literal.
  bool Eval(std::string_view e, const Value& dot, std::optional<Value>* out) {
    if (e.starts_with("(") && e.ends_with(")")) e = e.substr(1, e.size() - 2);
    if (e.find(' ') != std::string_view::npos) {
      if (e.starts_with("\"") && e.ends_with("\"")) {
        *out = Value::String(e.substr(1, e.size() - 2));
        return true;
      }
      *err_ = "template: unsupported pipeline \"" + std::string(e) + "\"";
      return false;
    }
    if (e.size() >= 2 && e.front() == '"' && e.back() == '"') {
      *out = Value::String(e.substr(1, e.size() - 2));
      return true;
    }
    if (e == "true" || e == "false") return *out = Value::Bool(e == "true"), true;
    if (e == "nil") return *out = Value::Null(), true;
    Value num = Value::Number(e);
    if (num.is_number()) return *out = num, true;
    std::optional<Value> cur;
    std::string_view path;
    if (e.starts_with("$")) {
      size_t dotp = e.find('.');
      std::string_view name = e.substr(0, dotp);
      bool found = false;
      for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
        if (it->first == name) {
          cur = it->second;
          found = true;
          break;
        }
      }
      if (!found) {
        *err_ = "template: undefined variable \"" + std::string(name) + "\"";
        return false;
      }
      path = dotp == std::string_view::npos ? std::string_view() : e.substr(dotp);
    } else if (e.starts_with(".")) {
      cur = dot;
      path = e == "." ? std::string_view() : e;
    } else {
      *err_ = "template: function \"" + std::string(e) + "\" not defined";
      return false;
    }
    while (!path.empty() && cur) {
      path.remove_prefix(1);  // '.'
      size_t next = path.find('.');
      std::string_view field = path.substr(0, next);
      path = next == std::string_view::npos ? std::string_view() : path.substr(next);
      if (!cur->is_object()) {
        *err_ = "template: can't evaluate field " + std::string(field) + " in type " +
                std::string(ValueKindName(cur->kind()));
        return false;
      }
      const Value* f = cur->Find(field);
      if (f) {
        cur = *f;
      } else {
        cur.reset();
      }
    }
    *out = std::move(cur);
    return true;
  }

  const Value& root_;
  std::string* out_;
  std::string* err_;
  std::vector<std::pair<std::string, Value>> vars_;
};

}  // namespace

bool RenderGoTemplate(std::string_view tmpl, const Value& vars, std::string* out,
                      std::string* err) {
  std::vector<Item> items;
  if (!Lex(tmpl, &items, err)) return false;
  Parser p(items, err);
  NodeList root;
  std::string stop;
  if (!p.ParseList(&root, &stop, 0)) return false;
  if (!stop.empty()) {
    *err = "template: unexpected {{" + stop + "}}";
    return false;
  }
  Exec ex(vars, out, err);
  return ex.Run(root, vars);
}

}  // namespace kumo::rego::a
