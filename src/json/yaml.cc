// YAML -> Value over yaml-cpp; scalar resolution as documented in yaml.h.
#include "json/yaml.h"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kumo::json {
namespace {

constexpr size_t kMaxYamlDepth = 512;
// Aliases can make a small document expand exponentially ("billion laughs").
constexpr size_t kMaxYamlNodes = 1'000'000;

constexpr std::string_view kTagStr = "tag:yaml.org,2002:str";
constexpr std::string_view kTagInt = "tag:yaml.org,2002:int";
constexpr std::string_view kTagFloat = "tag:yaml.org,2002:float";
constexpr std::string_view kTagBool = "tag:yaml.org,2002:bool";
constexpr std::string_view kTagNull = "tag:yaml.org,2002:null";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Where(const std::string& file, const YAML::Mark& m) {
  std::string out = file.empty() ? std::string("<yaml>") : file;
  if (!m.is_null()) {
    out += ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
  }
  return out;
}

// Bool per go-yaml v2 (YAML 1.1 plus 1.2 spellings); -1 when not a bool.
int ResolveBool(std::string_view s) {
  static constexpr std::string_view kTrue[] = {"y",    "Y",    "yes", "Yes", "YES", "true",
                                               "True", "TRUE", "on",  "On",  "ON"};
  static constexpr std::string_view kFalse[] = {"n",     "N",     "no",  "No",  "NO", "false",
                                                "False", "FALSE", "off", "Off", "OFF"};
  for (auto t : kTrue) {
    if (s == t) return 1;
  }
  for (auto f : kFalse) {
    if (s == f) return 0;
  }
  return -1;
}

bool IsNullText(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// Integer in base `base` from digits (no sign); false on overflow or bad digit.
bool ParseUnsigned(std::string_view digits, int base, uint64_t* out) {
  if (digits.empty()) return false;
  uint64_t v = 0;
  for (char c : digits) {
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      return false;
    }
    if (d >= base) return false;
    if (v > (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) return false;
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  *out = v;
  return true;
}

Value SignedFrom(bool neg, uint64_t v) {
  std::string text = (neg && v != 0 ? "-" : "") + std::to_string(v);
  return Value::Number(text);
}

// A YAML number as a Value number, or null when `s` is not a number.
Value ResolveNumber(std::string_view s) {
  std::string t;
  t.reserve(s.size());
  for (char c : s) {
    if (c != '_') t.push_back(c);
  }
  if (t.empty()) return Value();
  bool neg = false;
  std::string_view body = t;
  if (body[0] == '+' || body[0] == '-') {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body.empty()) return Value();
  uint64_t v;
  if (body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X')) {
    return ParseUnsigned(body.substr(2), 16, &v) ? SignedFrom(neg, v) : Value();
  }
  if (body.size() > 2 && body[0] == '0' && (body[1] == 'o' || body[1] == 'O')) {
    return ParseUnsigned(body.substr(2), 8, &v) ? SignedFrom(neg, v) : Value();
  }
  if (body.size() > 2 && body[0] == '0' && (body[1] == 'b' || body[1] == 'B')) {
    return ParseUnsigned(body.substr(2), 2, &v) ? SignedFrom(neg, v) : Value();
  }
  // Decimal: digits [. digits] [e[+-]digits], or .digits.
  size_t i = 0;
  size_t int_start = i;
  while (i < body.size() && IsDigit(body[i])) ++i;
  std::string_view int_part = body.substr(int_start, i - int_start);
  std::string_view frac;
  bool has_dot = false;
  if (i < body.size() && body[i] == '.') {
    has_dot = true;
    size_t f = ++i;
    while (i < body.size() && IsDigit(body[i])) ++i;
    frac = body.substr(f, i - f);
  }
  if (int_part.empty() && frac.empty()) return Value();
  std::string_view exp;
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    size_t e = i++;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
    size_t ds = i;
    while (i < body.size() && IsDigit(body[i])) ++i;
    if (i == ds) return Value();
    exp = body.substr(e, i - e);
  }
  if (i != body.size()) return Value();
  if (!has_dot && exp.empty() && int_part.size() > 1 && int_part[0] == '0' &&
      ParseUnsigned(int_part, 8, &v)) {
    return SignedFrom(neg, v);  // YAML 1.1 octal, as go-yaml v2
  }
  // Normalise to JSON number syntax, keeping the digits as written.
  std::string out;
  if (neg) out.push_back('-');
  size_t z = 0;
  while (z + 1 < int_part.size() && int_part[z] == '0') ++z;
  int_part.remove_prefix(z);
  out.append(int_part.empty() ? std::string_view("0") : int_part);
  if (has_dot && !frac.empty()) {
    out.push_back('.');
    out.append(frac);
  }
  out.append(exp);
  return Value::Number(out);
}

class Converter {
 public:
  explicit Converter(const std::string& file) : file_(file) {}

  std::string error;

  bool Convert(const YAML::Node& n, size_t depth, Value* out) {
    if (++nodes_ > kMaxYamlNodes) {
      return Fail(n, "document expands to more than " + std::to_string(kMaxYamlNodes) +
                         " nodes (alias bomb?)");
    }
    if (depth > kMaxYamlDepth) {
      return Fail(n, "nesting deeper than " + std::to_string(kMaxYamlDepth) + " levels");
    }
    switch (n.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null: *out = Value(); return true;
      case YAML::NodeType::Scalar: return Scalar(n, out);
      case YAML::NodeType::Sequence: {
        std::vector<Value> items;
        items.reserve(n.size());
        for (const auto& item : n) {
          Value v;
          if (!Convert(item, depth + 1, &v)) return false;
          items.push_back(std::move(v));
        }
        *out = items.empty() ? Value::EmptyArray() : Value::Array(std::move(items));
        return true;
      }
      case YAML::NodeType::Map: {
        std::vector<ObjectEntry> entries;
        std::vector<ObjectEntry> merged;  // from "<<", lower precedence
        entries.reserve(n.size());
        for (const auto& kv : n) {
          const YAML::Node& k = kv.first;
          if (k.Type() == YAML::NodeType::Scalar && k.Tag() == "?" && k.Scalar() == "<<") {
            if (!Merge(kv.second, depth + 1, &merged)) return false;
            continue;
          }
          std::string key;
          if (!KeyText(k, &key)) return false;
          Value v;
          if (!Convert(kv.second, depth + 1, &v)) return false;
          entries.emplace_back(Value::String(std::move(key)), std::move(v));
        }
        if (!merged.empty()) {
          // Value::Object keeps the last of equal keys: merged entries first.
          merged.insert(merged.end(), std::make_move_iterator(entries.begin()),
                        std::make_move_iterator(entries.end()));
          entries = std::move(merged);
        }
        *out = entries.empty() ? Value::EmptyObject() : Value::Object(std::move(entries));
        return true;
      }
    }
    return Fail(n, "unsupported YAML node");
  }

 private:
  bool Fail(const YAML::Node& n, const std::string& msg) {
    if (error.empty()) error = Where(file_, n.Mark()) + ": " + msg;
    return false;
  }

  bool Merge(const YAML::Node& src, size_t depth, std::vector<ObjectEntry>* merged) {
    if (src.IsSequence()) {
      // Earlier maps in the list take precedence: add them last.
      for (size_t i = src.size(); i-- > 0;) {
        if (!Merge(src[i], depth + 1, merged)) return false;
      }
      return true;
    }
    Value v;
    if (!Convert(src, depth, &v)) return false;
    if (!v.is_object()) return Fail(src, "merge key '<<' needs a map or a list of maps");
    for (const auto& e : v.entries()) merged->push_back(e);
    return true;
  }

  bool KeyText(const YAML::Node& k, std::string* key) {
    switch (k.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined: *key = "null"; return true;
      case YAML::NodeType::Scalar: {
        Value v;
        if (!Scalar(k, &v)) return false;
        if (v.is_string()) {
          *key = std::string(v.as_string());
        } else if (v.is_bool()) {
          *key = v.as_bool() ? "true" : "false";
        } else if (v.is_number()) {
          *key = v.number_text();
        } else {
          *key = "null";
        }
        return true;
      }
      default:
        return Fail(k, "map keys must be scalars (found a " +
                           std::string(k.IsMap() ? "map" : "sequence") + ")");
    }
  }

  bool Scalar(const YAML::Node& n, Value* out) {
    const std::string& s = n.Scalar();
    const std::string& tag = n.Tag();
    if (tag == "!" || tag == kTagStr) {  // quoted, or explicitly a string
      *out = Value::String(s);
      return true;
    }
    if (tag == kTagNull) {
      *out = Value();
      return true;
    }
    if (tag == kTagBool) {
      int b = ResolveBool(s);
      if (b < 0) return Fail(n, "'" + s + "' is not a boolean");
      *out = Value::Bool(b == 1);
      return true;
    }
    if (tag == kTagInt || tag == kTagFloat) {
      Value num = ResolveNumber(s);
      if (num.is_null()) return Fail(n, "'" + s + "' is not a number");
      *out = std::move(num);
      return true;
    }
    if (tag != "?") {  // an application tag: keep the text
      *out = Value::String(s);
      return true;
    }
    if (IsNullText(s)) {
      *out = Value();
      return true;
    }
    int b = ResolveBool(s);
    if (b >= 0) {
      *out = Value::Bool(b == 1);
      return true;
    }
    if (!s.empty() && (IsDigit(s[0]) || s[0] == '-' || s[0] == '+' || s[0] == '.')) {
      Value num = ResolveNumber(s);
      if (!num.is_null()) {
        *out = std::move(num);
        return true;
      }
    }
    *out = Value::String(s);
    return true;
  }

  const std::string& file_;
  size_t nodes_ = 0;
};

}  // namespace

Result<Value> YamlToValue(const YAML::Node& node, const std::string& file) {
  Converter c(file);
  Value v;
  if (!c.Convert(node, 0, &v)) return ParseError(c.error);
  return v;
}

Result<std::vector<Value>> ParseYamlDocuments(std::string_view text, const std::string& file) {
  std::vector<YAML::Node> docs;
  try {
    docs = YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& e) {
    return ParseError(Where(file, e.mark) + ": " + e.msg);
  } catch (const std::exception& e) {
    return ParseError(Where(file, YAML::Mark::null_mark()) + ": " + e.what());
  }
  std::vector<Value> out;
  out.reserve(docs.size());
  for (const auto& d : docs) {
    auto v = YamlToValue(d, file);
    if (!v.ok()) return v.status();
    out.push_back(std::move(v).value());
  }
  return out;
}

Result<Value> ParseYaml(std::string_view text, const std::string& file) {
  auto docs = ParseYamlDocuments(text, file);
  if (!docs.ok()) return docs.status();
  if (docs->empty()) return Value();
  if (docs->size() > 1) {
    return ParseError((file.empty() ? std::string("<yaml>") : file) +
                      ": expected one YAML document, found " + std::to_string(docs->size()));
  }
  return std::move((*docs)[0]);
}

uint32_t YamlLine(const YAML::Node& node) {
  YAML::Mark m = node.Mark();
  return m.is_null() ? 0 : static_cast<uint32_t>(m.line + 1);
}

uint32_t YamlColumn(const YAML::Node& node) {
  YAML::Mark m = node.Mark();
  return m.is_null() ? 0 : static_cast<uint32_t>(m.column + 1);
}

}  // namespace kumo::json
