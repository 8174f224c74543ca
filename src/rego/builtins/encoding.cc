// Encoding builtins: base64*, hex.*, urlquery.*, json.marshal(_with_options),
// json.unmarshal, json.is_valid, yaml.marshal, yaml.unmarshal, yaml.is_valid.
// json.marshal writes what Go's encoding/json writes for OPA's values:
// sorted keys, sets as arrays, exact number text, <, > and & as \u003c...
#include <algorithm>
#include <cstdio>

#include "json/json.h"
#include "json/yaml.h"
#include "rego/builtins/a_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

using a::ArgString;

// --- base64 / hex ---------------------------------------------------------------

constexpr char kStd[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kUrl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string B64Encode(std::string_view in, const char* alphabet, bool pad) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t v = (static_cast<unsigned char>(in[i]) << 16) |
                 (static_cast<unsigned char>(in[i + 1]) << 8) |
                 static_cast<unsigned char>(in[i + 2]);
    out.push_back(alphabet[(v >> 18) & 63]);
    out.push_back(alphabet[(v >> 12) & 63]);
    out.push_back(alphabet[(v >> 6) & 63]);
    out.push_back(alphabet[v & 63]);
  }
  size_t rest = in.size() - i;
  if (rest > 0) {
    uint32_t v = static_cast<unsigned char>(in[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out.push_back(alphabet[(v >> 18) & 63]);
    out.push_back(alphabet[(v >> 12) & 63]);
    if (rest == 2) {
      out.push_back(alphabet[(v >> 6) & 63]);
    } else if (pad) {
      out.push_back('=');
    }
    if (pad) out.push_back('=');
  }
  return out;
}

// Go's base64 Encoding.DecodeString with padding required; \r and \n are
// skipped. On error *err is Go's "illegal base64 data at input byte N".
bool B64Decode(std::string_view in, bool url, std::string* out, std::string* err) {
  auto val = [url](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == (url ? '-' : '+')) return 62;
    if (c == (url ? '_' : '/')) return 63;
    return -1;
  };
  std::string s;
  std::vector<size_t> pos;  // original offsets for error messages
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\r' || in[i] == '\n') continue;
    s.push_back(in[i]);
    pos.push_back(i);
  }
  auto fail = [&](size_t k) {
    *err =
        "illegal base64 data at input byte " + std::to_string(k < pos.size() ? pos[k] : in.size());
    return false;
  };
  size_t i = 0;
  while (i < s.size()) {
    int q[4];
    size_t n = 0;
    size_t start = i;
    for (; n < 4 && i < s.size(); ++n, ++i) {
      if (s[i] == '=') break;
      q[n] = val(s[i]);
      if (q[n] < 0) return fail(i);
    }
    if (n == 4) {
      uint32_t v = (q[0] << 18) | (q[1] << 12) | (q[2] << 6) | q[3];
      out->push_back(static_cast<char>(v >> 16));
      out->push_back(static_cast<char>((v >> 8) & 255));
      out->push_back(static_cast<char>(v & 255));
      continue;
    }
    // A final quantum: padding must complete it to 4 characters.
    if (n < 2) return fail(i < s.size() ? i : start + n);
    size_t pads = 4 - n;
    for (size_t k = 0; k < pads; ++k) {
      if (i >= s.size()) return fail(start);  // Go reports the quantum's start
      if (s[i] != '=') return fail(i);
      ++i;
    }
    if (i != s.size()) return fail(i);
    uint32_t v = (q[0] << 18) | (q[1] << 12) | (n == 3 ? (q[2] << 6) : 0);
    out->push_back(static_cast<char>(v >> 16));
    if (n == 3) out->push_back(static_cast<char>((v >> 8) & 255));
  }
  return true;
}

bool Base64Encode(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  *out = Value::String(B64Encode(args[0].as_string(), kStd, true));
  return true;
}

bool Base64Decode(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  std::string r, err;
  if (!B64Decode(args[0].as_string(), false, &r, &err)) return ctx.BuiltinError(std::move(err));
  *out = Value::String(std::move(r));
  return true;
}

bool Base64IsValid(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  std::string r, err;
  *out = Value::Bool(B64Decode(args[0].as_string(), false, &r, &err));
  return true;
}

bool Base64UrlEncode(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  *out = Value::String(B64Encode(args[0].as_string(), kUrl, true));
  return true;
}

bool Base64UrlEncodeNoPad(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  *out = Value::String(B64Encode(args[0].as_string(), kUrl, false));
  return true;
}

bool Base64UrlDecode(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  std::string s(args[0].as_string());
  // Encoders often drop the padding (RFC 7515 appendix C); restore it.
  if (s.empty() || s.back() != '=') {
    switch (s.size() % 4) {
      case 0: break;
      case 2: s += "=="; break;
      case 3: s += "="; break;
      default: return ctx.BuiltinError("illegal base64url string: " + s);
    }
  }
  std::string r, err;
  if (!B64Decode(s, true, &r, &err)) return ctx.BuiltinError(std::move(err));
  *out = Value::String(std::move(r));
  return true;
}

bool HexEncode(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  static const char* kHex = "0123456789abcdef";
  std::string r;
  for (char c : args[0].as_string()) {
    auto b = static_cast<unsigned char>(c);
    r.push_back(kHex[b >> 4]);
    r.push_back(kHex[b & 15]);
  }
  *out = Value::String(std::move(r));
  return true;
}

bool HexDecode(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  std::string_view s = args[0].as_string();
  auto val = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string r;
  size_t i = 0;
  for (; i + 1 < s.size(); i += 2) {
    int hi = val(s[i]), lo = val(s[i + 1]);
    if (hi < 0 || lo < 0) {
      char bad = hi < 0 ? s[i] : s[i + 1];
      char buf[64];
      std::snprintf(buf, sizeof buf, "encoding/hex: invalid byte: U+%04X '%c'",
                    static_cast<unsigned char>(bad), bad);
      return ctx.BuiltinError(buf);
    }
    r.push_back(static_cast<char>(hi * 16 + lo));
  }
  if (i < s.size()) {
    if (val(s[i]) < 0) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "encoding/hex: invalid byte: U+%04X '%c'",
                    static_cast<unsigned char>(s[i]), s[i]);
      return ctx.BuiltinError(buf);
    }
    return ctx.BuiltinError("encoding/hex: odd length hex string");
  }
  *out = Value::String(std::move(r));
  return true;
}

// --- urlquery ---------------------------------------------------------------------

void QueryEscape(std::string_view s, std::string* out) {
  static const char* kHex = "0123456789ABCDEF";
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out->push_back(c);
    } else if (c == ' ') {
      out->push_back('+');
    } else {
      out->push_back('%');
      out->push_back(kHex[b >> 4]);
      out->push_back(kHex[b & 15]);
    }
  }
}

bool QueryUnescape(std::string_view s, std::string* out, std::string* err) {
  auto val = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+') {
      out->push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= s.size() || val(s[i + 1]) < 0 || val(s[i + 2]) < 0) {
        std::string_view bad = s.substr(i, 3);
        *err = "invalid URL escape ";
        a::AppendGoQuoted(bad, err);
        return false;
      }
      out->push_back(static_cast<char>(val(s[i + 1]) * 16 + val(s[i + 2])));
      i += 2;
    } else {
      out->push_back(c);
    }
  }
  return true;
}

bool UrlEncode(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  std::string r;
  QueryEscape(args[0].as_string(), &r);
  *out = Value::String(std::move(r));
  return true;
}

bool UrlDecode(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  std::string r, err;
  if (!QueryUnescape(args[0].as_string(), &r, &err)) return ctx.BuiltinError(std::move(err));
  *out = Value::String(std::move(r));
  return true;
}

bool UrlEncodeObject(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgObject(ctx, args[0], 1)) return false;
  std::vector<std::pair<std::string, std::vector<std::string_view>>> kv;
  for (const auto& [k, v] : args[0].entries()) {
    if (!k.is_string()) return a::OperandTypeError(ctx, 1, k, {"string"});
    std::vector<std::string_view> vals;
    if (v.is_string()) {
      vals.push_back(v.as_string());
    } else if (v.is_array() || v.is_set()) {
      for (const Value& e : v.items()) {
        if (!e.is_string()) return a::OperandTypeError(ctx, 1, e, {"string"});
        vals.push_back(e.as_string());
      }
    } else {
      return a::OperandTypeError(ctx, 1, v, {"string", "array", "set"});
    }
    kv.emplace_back(std::string(k.as_string()), std::move(vals));
  }
  std::string r;
  for (const auto& [k, vals] : kv) {
    for (std::string_view v : vals) {
      if (!r.empty()) r.push_back('&');
      QueryEscape(k, &r);
      r.push_back('=');
      QueryEscape(v, &r);
    }
  }
  *out = Value::String(std::move(r));
  return true;
}

bool UrlDecodeObject(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  std::string_view s = args[0].as_string();
  std::vector<std::pair<std::string, std::vector<Value>>> order;
  size_t i = 0;
  while (i <= s.size()) {
    size_t amp = s.find('&', i);
    std::string_view part =
        s.substr(i, amp == std::string_view::npos ? std::string_view::npos : amp - i);
    i = amp == std::string_view::npos ? s.size() + 1 : amp + 1;
    if (part.empty()) continue;
    if (part.find(';') != std::string_view::npos) {
      return ctx.BuiltinError("invalid semicolon separator in query");
    }
    size_t eq = part.find('=');
    std::string k, v, err;
    if (!QueryUnescape(part.substr(0, eq), &k, &err) ||
        (eq != std::string_view::npos && !QueryUnescape(part.substr(eq + 1), &v, &err))) {
      return ctx.BuiltinError(std::move(err));
    }
    auto it = std::find_if(order.begin(), order.end(), [&](const auto& e) { return e.first == k; });
    if (it == order.end()) {
      order.emplace_back(k, std::vector<Value>{Value::String(v)});
    } else {
      it->second.push_back(Value::String(v));
    }
  }
  std::vector<ObjectEntry> entries;
  for (auto& [k, vals] : order)
    entries.emplace_back(Value::String(k), Value::Array(std::move(vals)));
  *out = Value::Object(std::move(entries));
  return true;
}

// --- JSON --------------------------------------------------------------------------

// Go encoding/json string escaping (HTML-safe, invalid UTF-8 as U+FFFD).
void GoJsonString(std::string_view s, std::string* out) {
  static const char* kHex = "0123456789abcdef";
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      switch (b) {
        case '"': out->append("\\\""); break;
        case '\\': out->append("\\\\"); break;
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        case '\t': out->append("\\t"); break;
        case '<':
        case '>':
        case '&':
          out->append("\\u00");
          out->push_back(kHex[b >> 4]);
          out->push_back(kHex[b & 15]);
          break;
        default:
          if (b < 0x20) {
            out->append("\\u00");
            out->push_back(kHex[b >> 4]);
            out->push_back(kHex[b & 15]);
          } else {
            out->push_back(static_cast<char>(b));
          }
      }
      continue;
    }
    size_t st = i;
    char32_t r = a::DecodeRune(s, &i);
    if (r == 0xFFFD && i == st + 1) {
      out->append("\\ufffd");
    } else if (r == 0x2028 || r == 0x2029) {
      out->append(r == 0x2028 ? "\\u2028" : "\\u2029");
    } else {
      out->append(s.substr(st, i - st));
    }
  }
  out->push_back('"');
}

// JSON object key text for a Value key (non-strings use their JSON text).
std::string KeyText(const Value& k) {
  if (k.is_string()) return std::string(k.as_string());
  return json::ToJson(k);
}

struct MarshalOpts {
  bool pretty = false;
  std::string prefix;
  std::string indent;
};

void Newline(const MarshalOpts& o, int depth, std::string* out) {
  out->push_back('\n');
  out->append(o.prefix);
  for (int d = 0; d < depth; ++d) out->append(o.indent);
}

void GoJson(const Value& v, const MarshalOpts& o, int depth, std::string* out) {
  switch (v.kind()) {
    case ValueKind::kNull: out->append("null"); return;
    case ValueKind::kBool: out->append(v.as_bool() ? "true" : "false"); return;
    case ValueKind::kNumber: out->append(v.number_text()); return;
    case ValueKind::kString: GoJsonString(v.as_string(), out); return;
    case ValueKind::kArray:
    case ValueKind::kSet: {
      auto items = v.items();
      if (items.empty()) {
        out->append("[]");
        return;
      }
      out->push_back('[');
      for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out->push_back(',');
        if (o.pretty) Newline(o, depth + 1, out);
        GoJson(items[i], o, depth + 1, out);
      }
      if (o.pretty) Newline(o, depth, out);
      out->push_back(']');
      return;
    }
    case ValueKind::kObject: {
      auto es = v.entries();
      if (es.empty()) {
        out->append("{}");
        return;
      }
      out->push_back('{');
      // String keys are already in Go's (bytewise) order; other keys are
      // printed as their JSON text and need sorting.
      bool all_strings = true;
      for (const auto& e : es) all_strings = all_strings && e.first.is_string();
      auto member = [&](size_t i, std::string_view key, const Value& val) {
        if (i > 0) out->push_back(',');
        if (o.pretty) Newline(o, depth + 1, out);
        GoJsonString(key, out);
        out->append(o.pretty ? ": " : ":");
        GoJson(val, o, depth + 1, out);
      };
      if (all_strings) {
        for (size_t i = 0; i < es.size(); ++i) member(i, es[i].first.as_string(), es[i].second);
      } else {
        std::vector<std::pair<std::string, const Value*>> kv;
        kv.reserve(es.size());
        for (const auto& [k, val] : es) kv.emplace_back(KeyText(k), &val);
        std::stable_sort(kv.begin(), kv.end(),
                         [](const auto& x, const auto& y) { return x.first < y.first; });
        for (size_t i = 0; i < kv.size(); ++i) member(i, kv[i].first, *kv[i].second);
      }
      if (o.pretty) Newline(o, depth, out);
      out->push_back('}');
      return;
    }
  }
}

bool JsonMarshal(BuiltinContext&, std::span<const Value> args, Value* out) {
  std::string r;
  GoJson(args[0], MarshalOpts{}, 0, &r);
  *out = Value::String(std::move(r));
  return true;
}

bool JsonMarshalWithOptions(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgObject(ctx, args[1], 2)) return false;
  MarshalOpts o;
  o.indent = "\t";
  bool pretty_set = false, pretty = false, layout = false;
  for (const auto& [k, v] : args[1].entries()) {
    std::string_view key = k.as_string();
    if (k.is_string() && key == "pretty") {
      if (!v.is_bool()) return a::OperandError(ctx, 2, "pretty must be a boolean");
      pretty_set = true;
      pretty = v.as_bool();
    } else if (k.is_string() && key == "indent") {
      if (!v.is_string()) return a::OperandError(ctx, 2, "indent must be a string");
      o.indent = std::string(v.as_string());
      layout = true;
    } else if (k.is_string() && key == "prefix") {
      if (!v.is_string()) return a::OperandError(ctx, 2, "prefix must be a string");
      o.prefix = std::string(v.as_string());
      layout = true;
    } else {
      return a::OperandError(ctx, 2, "object contained unknown key " + a::RegoTerm(k));
    }
  }
  o.pretty = pretty_set ? pretty : layout;
  std::string r;
  if (o.pretty) r = o.prefix;
  GoJson(args[0], o, 0, &r);
  *out = Value::String(std::move(r));
  return true;
}

bool JsonUnmarshal(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  auto r = json::ParseJson(args[0].as_string());
  if (!r.ok()) return ctx.BuiltinError(r.status().message());
  *out = std::move(r).value();
  return true;
}

bool JsonIsValid(BuiltinContext&, std::span<const Value> args, Value* out) {
  *out = Value::Bool(args[0].is_string() && json::ParseJson(args[0].as_string()).ok());
  return true;
}

// --- YAML --------------------------------------------------------------------------

bool NeedsYamlQuotes(std::string_view s) {
  if (s.empty()) return true;
  static constexpr std::string_view kSpecial[] = {
      "y",  "Y",    "yes",  "Yes",  "YES",   "n",     "N",     "no", "No",
      "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On",
      "ON", "off",  "Off",  "OFF",  "null",  "Null",  "NULL",  "~"};
  for (auto k : kSpecial) {
    if (s == k) return true;
  }
  if (IsValidNumberText(s) ||
      s.find_first_of(":#{}[],&*!|>'\"%@`\n\t\\") != std::string_view::npos) {
    return true;
  }
  char c = s[0];
  if (c == '-' || c == '?' || c == ' ' || s.back() == ' ' || c == '.' || c == '+') return true;
  bool numeric_like = true;
  for (char ch : s)
    numeric_like = numeric_like && ((ch >= '0' && ch <= '9') || ch == '.' || ch == 'e' ||
                                    ch == 'E' || ch == '-' || ch == '+' || ch == '_');
  return numeric_like;
}

void YamlScalar(const Value& v, std::string* out) {
  switch (v.kind()) {
    case ValueKind::kNull: out->append("null"); return;
    case ValueKind::kBool: out->append(v.as_bool() ? "true" : "false"); return;
    case ValueKind::kNumber: out->append(v.number_text()); return;
    case ValueKind::kString: {
      std::string_view s = v.as_string();
      if (NeedsYamlQuotes(s)) {
        // A JSON string is a valid YAML double-quoted scalar.
        json::WriteJsonString(s, out);
      } else {
        out->append(s);
      }
      return;
    }
    default: return;
  }
}

bool IsEmptyCollection(const Value& v) { return v.is_collection() && v.size() == 0; }

void YamlNode(const Value& v, int indent, std::string* out);

void YamlBlock(const Value& v, int indent, std::string* out) {
  std::string pad(static_cast<size_t>(indent), ' ');
  if (v.is_object()) {
    std::vector<std::pair<std::string, const Value*>> kv;
    for (const auto& [k, val] : v.entries()) kv.emplace_back(KeyText(k), &val);
    std::stable_sort(kv.begin(), kv.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (const auto& [k, val] : kv) {
      out->append(pad);
      YamlScalar(Value::String(k), out);
      out->push_back(':');
      if (val->is_object() && !IsEmptyCollection(*val)) {
        out->push_back('\n');
        YamlBlock(*val, indent + 2, out);
      } else if ((val->is_array() || val->is_set()) && !IsEmptyCollection(*val)) {
        out->push_back('\n');
        YamlBlock(*val, indent, out);
      } else {
        out->push_back(' ');
        YamlNode(*val, indent, out);
        out->push_back('\n');
      }
    }
    return;
  }
  for (const Value& e : v.items()) {
    out->append(pad);
    out->append("- ");
    if (e.is_collection() && !IsEmptyCollection(e)) {
      std::string inner;
      YamlBlock(e, indent + 2, &inner);
      // The first line continues after "- ".
      out->append(inner.substr(static_cast<size_t>(indent + 2)));
    } else {
      YamlNode(e, indent, out);
      out->push_back('\n');
    }
  }
}

void YamlNode(const Value& v, int indent, std::string* out) {
  if (v.is_object()) {
    if (v.size() == 0) {
      out->append("{}");
      return;
    }
    YamlBlock(v, indent, out);
    return;
  }
  if (v.is_array() || v.is_set()) {
    if (v.size() == 0) {
      out->append("[]");
      return;
    }
    YamlBlock(v, indent, out);
    return;
  }
  YamlScalar(v, out);
}

bool YamlMarshal(BuiltinContext&, std::span<const Value> args, Value* out) {
  std::string r;
  const Value& v = args[0];
  if (v.is_collection() && !IsEmptyCollection(v)) {
    YamlBlock(v, 0, &r);
  } else {
    YamlNode(v, 0, &r);
    r.push_back('\n');
  }
  *out = Value::String(std::move(r));
  return true;
}

// "yaml: line N: <reason>" from kumo's "<file>:line:col: reason" text.
std::string YamlError(const std::string& msg) {
  size_t a = msg.find(':');
  if (a != std::string::npos) {
    size_t b = msg.find(':', a + 1);
    size_t c = b == std::string::npos ? std::string::npos : msg.find(':', b + 1);
    if (c != std::string::npos) {
      std::string line = msg.substr(a + 1, b - a - 1);
      std::string reason = msg.substr(c + 1);
      while (!reason.empty() && reason[0] == ' ') reason.erase(0, 1);
      if (reason.find("end of") != std::string::npos || reason.find("flow") != std::string::npos) {
        reason = "did not find expected node content (" + reason + ")";
      }
      return "yaml: line " + line + ": " + reason;
    }
  }
  return "yaml: " + msg;
}

bool YamlUnmarshal(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  auto r = json::ParseYaml(args[0].as_string());
  if (!r.ok()) return ctx.BuiltinError(YamlError(r.status().message()));
  *out = std::move(r).value();
  return true;
}

bool YamlIsValid(BuiltinContext&, std::span<const Value> args, Value* out) {
  *out = Value::Bool(args[0].is_string() && json::ParseYaml(args[0].as_string()).ok());
  return true;
}

}  // namespace

void RegisterEncodingBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "base64.encode", .decl = "(string) => string", .arity = 1, .fn = Base64Encode});
  r.Add({.name = "base64.decode", .decl = "(string) => string", .arity = 1, .fn = Base64Decode});
  r.Add(
      {.name = "base64.is_valid", .decl = "(string) => boolean", .arity = 1, .fn = Base64IsValid});
  r.Add({.name = "base64url.encode",
         .decl = "(string) => string",
         .arity = 1,
         .fn = Base64UrlEncode});
  r.Add({.name = "base64url.encode_no_pad",
         .decl = "(string) => string",
         .arity = 1,
         .fn = Base64UrlEncodeNoPad});
  r.Add({.name = "base64url.decode",
         .decl = "(string) => string",
         .arity = 1,
         .fn = Base64UrlDecode});
  r.Add({.name = "hex.encode", .decl = "(string) => string", .arity = 1, .fn = HexEncode});
  r.Add({.name = "hex.decode", .decl = "(string) => string", .arity = 1, .fn = HexDecode});
  r.Add({.name = "urlquery.encode", .decl = "(string) => string", .arity = 1, .fn = UrlEncode});
  r.Add({.name = "urlquery.decode", .decl = "(string) => string", .arity = 1, .fn = UrlDecode});
  r.Add({.name = "urlquery.encode_object",
         .decl = "(object[string: any<string, array[string], set[string]>]) => string",
         .arity = 1,
         .fn = UrlEncodeObject});
  r.Add({.name = "urlquery.decode_object",
         .decl = "(string) => object[string: array[string]]",
         .arity = 1,
         .fn = UrlDecodeObject});
  r.Add({.name = "json.marshal", .decl = "(any) => string", .arity = 1, .fn = JsonMarshal});
  r.Add({.name = "json.marshal_with_options",
         .decl = "(any, object[string: any<boolean, string>]) => string",
         .arity = 2,
         .fn = JsonMarshalWithOptions});
  r.Add({.name = "json.unmarshal", .decl = "(string) => any", .arity = 1, .fn = JsonUnmarshal});
  r.Add({.name = "json.is_valid", .decl = "(string) => boolean", .arity = 1, .fn = JsonIsValid});
  r.Add({.name = "yaml.marshal", .decl = "(any) => string", .arity = 1, .fn = YamlMarshal});
  r.Add({.name = "yaml.unmarshal", .decl = "(string) => any", .arity = 1, .fn = YamlUnmarshal});
  r.Add({.name = "yaml.is_valid", .decl = "(string) => boolean", .arity = 1, .fn = YamlIsValid});
}

}  // namespace kumo::rego
