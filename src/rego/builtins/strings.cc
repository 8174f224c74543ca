// String builtins: concat, contains, startswith, endswith, indexof(_n),
// lower, upper, replace, split, substring, trim*, sprintf, strings.*.
// The hot ones (startswith, lower, split, concat, sprintf) return their
// input unchanged when nothing changes and otherwise build one string.
#include <algorithm>

#include "rego/builtins/a_sprintf.h"
#include "rego/builtins/a_template.h"
#include "rego/builtins/a_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

using a::ArgString;
using a::OperandElementError;
using a::OperandTypeError;

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Simple case mapping for the scripts cloud names use (Latin, Greek,
// Cyrillic); other runes are unchanged.
char32_t ToLowerRune(char32_t r) {
  if (r < 0x80) return (r >= 'A' && r <= 'Z') ? r + 32 : r;
  if ((r >= 0xC0 && r <= 0xDE && r != 0xD7)) return r + 32;
  if (r >= 0x100 && r <= 0x17F) {
    if ((r >= 0x139 && r <= 0x148) || (r >= 0x179 && r <= 0x17E)) return (r % 2 == 1) ? r + 1 : r;
    if (r == 0x130) return 'i';
    if (r == 0x178) return 0xFF;
    if (r >= 0x100 && r <= 0x137 && r % 2 == 0) return r + 1;
    if (r >= 0x14A && r <= 0x177 && r % 2 == 0) return r + 1;
    return r;
  }
  if (r >= 0x391 && r <= 0x3AB && r != 0x3A2) return r + 32;
  if (r >= 0x410 && r <= 0x42F) return r + 32;
  if (r >= 0x400 && r <= 0x40F) return r + 80;
  return r;
}

char32_t ToUpperRune(char32_t r) {
  if (r < 0x80) return (r >= 'a' && r <= 'z') ? r - 32 : r;
  if (r >= 0xE0 && r <= 0xFE && r != 0xF7) return r - 32;
  if (r == 0xFF) return 0x178;
  if (r == 0xB5) return 0x39C;
  if (r >= 0x100 && r <= 0x17F) {
    if ((r >= 0x139 && r <= 0x148) || (r >= 0x179 && r <= 0x17E)) return (r % 2 == 0) ? r - 1 : r;
    if (r == 0x131) return 'I';
    if (r >= 0x100 && r <= 0x137 && r % 2 == 1) return r - 1;
    if (r >= 0x14A && r <= 0x177 && r % 2 == 1) return r - 1;
    return r;
  }
  if (r >= 0x3B1 && r <= 0x3CB && r != 0x3C2) return r - 32;
  if (r == 0x3C2) return 0x3A3;
  if (r >= 0x430 && r <= 0x44F) return r - 32;
  if (r >= 0x450 && r <= 0x45F) return r - 80;
  return r;
}

template <bool kLower>
bool ChangeCase(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  std::string_view s = args[0].as_string();
  size_t first = 0;
  bool ascii = true;
  // Find the first byte that changes; most inputs are already in case.
  for (; first < s.size(); ++first) {
    auto c = static_cast<unsigned char>(s[first]);
    if (c >= 0x80) {
      ascii = false;
      break;
    }
    if (kLower ? (c >= 'A' && c <= 'Z') : (c >= 'a' && c <= 'z')) break;
  }
  if (first == s.size()) {
    *out = args[0];
    return true;
  }
  std::string r(s.substr(0, first));
  r.reserve(s.size());
  if (ascii && IsAscii(s.substr(first))) {
    for (size_t k = first; k < s.size(); ++k) {
      char c = s[k];
      if (kLower) {
        r.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
      } else {
        r.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c);
      }
    }
  } else {
    size_t k = first;
    while (k < s.size()) {
      size_t st = k;
      char32_t c = a::DecodeRune(s, &k);
      if (c == 0xFFFD && k == st + 1) {
        r.append("\xEF\xBF\xBD");  // Go maps invalid bytes to U+FFFD
        continue;
      }
      a::AppendRune(kLower ? ToLowerRune(c) : ToUpperRune(c), &r);
    }
  }
  if (r == s) {
    *out = args[0];
    return true;
  }
  *out = Value::String(std::move(r));
  return true;
}

bool Concat(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  const Value& c = args[1];
  if (!c.is_array() && !c.is_set()) return OperandTypeError(ctx, 2, c, {"set", "array"});
  auto items = c.items();
  size_t n = 0;
  for (const Value& v : items) {
    if (!v.is_string()) return OperandElementError(ctx, 2, c, v, "string");
    n += v.size();
  }
  if (items.empty()) return *out = Value::String(""), true;
  if (items.size() == 1) return *out = items[0], true;
  std::string_view sep = args[0].as_string();
  std::string r;
  r.reserve(n + sep.size() * (items.size() - 1));
  for (size_t k = 0; k < items.size(); ++k) {
    if (k > 0) r.append(sep);
    r.append(items[k].as_string());
  }
  *out = Value::String(std::move(r));
  return true;
}

bool Contains(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2)) return false;
  *out = Value::Bool(args[0].as_string().find(args[1].as_string()) != std::string_view::npos);
  return true;
}

bool StartsWith(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2)) return false;
  *out = Value::Bool(args[0].as_string().starts_with(args[1].as_string()));
  return true;
}

bool EndsWith(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2)) return false;
  *out = Value::Bool(args[0].as_string().ends_with(args[1].as_string()));
  return true;
}

// Rune index of each match of `sub` in `s` (all of them, or just the first).
void RuneIndexes(std::string_view s, std::string_view sub, bool all, std::vector<Value>* out) {
  size_t rune = 0;
  size_t k = 0;
  while (k < s.size()) {
    if (s.compare(k, sub.size(), sub) == 0) {
      out->push_back(Value::Int(static_cast<int64_t>(rune)));
      if (!all) return;
    }
    a::DecodeRune(s, &k);
    ++rune;
  }
}

bool IndexOf(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2)) return false;
  std::string_view s = args[0].as_string();
  std::string_view sub = args[1].as_string();
  if (sub.empty()) return ctx.BuiltinError("empty search character");
  if (IsAscii(s)) {
    size_t p = s.find(sub);
    *out = Value::Int(p == std::string_view::npos ? -1 : static_cast<int64_t>(p));
    return true;
  }
  std::vector<Value> idx;
  RuneIndexes(s, sub, false, &idx);
  *out = idx.empty() ? Value::Int(-1) : idx[0];
  return true;
}

bool IndexOfN(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2)) return false;
  std::string_view sub = args[1].as_string();
  if (sub.empty()) return ctx.BuiltinError("empty search character");
  std::vector<Value> idx;
  RuneIndexes(args[0].as_string(), sub, true, &idx);
  *out = Value::Array(std::move(idx));
  return true;
}

bool Substring(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  int64_t start, length;
  if (!ArgString(ctx, args[0], 1) || !a::ArgInt(ctx, args[1], 2, &start) ||
      !a::ArgInt(ctx, args[2], 3, &length)) {
    return false;
  }
  if (start < 0) return ctx.BuiltinError("negative offset");
  std::string_view s = args[0].as_string();
  // Walk runes to the byte offsets of [start, start+length).
  size_t k = 0;
  int64_t r = 0;
  while (k < s.size() && r < start) {
    a::DecodeRune(s, &k);
    ++r;
  }
  if (k >= s.size()) return *out = Value::String(""), true;
  size_t begin = k;
  if (length < 0) {
    if (begin == 0) return *out = args[0], true;
    *out = Value::String(s.substr(begin));
    return true;
  }
  int64_t taken = 0;
  while (k < s.size() && taken < length) {
    a::DecodeRune(s, &k);
    ++taken;
  }
  if (begin == 0 && k == s.size()) return *out = args[0], true;
  *out = Value::String(s.substr(begin, k - begin));
  return true;
}

// Go's strings.Split: an empty separator splits after each UTF-8 sequence.
std::vector<Value> SplitParts(std::string_view s, std::string_view sep) {
  std::vector<Value> parts;
  if (sep.empty()) {
    size_t k = 0;
    while (k < s.size()) {
      size_t st = k;
      a::DecodeRune(s, &k);
      parts.push_back(Value::String(s.substr(st, k - st)));
    }
    return parts;
  }
  size_t start = 0;
  for (;;) {
    size_t p = s.find(sep, start);
    if (p == std::string_view::npos) break;
    parts.push_back(Value::String(s.substr(start, p - start)));
    start = p + sep.size();
  }
  parts.push_back(Value::String(s.substr(start)));
  return parts;
}

bool Split(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2)) return false;
  std::string_view s = args[0].as_string();
  std::string_view sep = args[1].as_string();
  if (s.find(sep) == std::string_view::npos) {
    *out = Value::Array({args[0]});
    return true;
  }
  *out = Value::Array(SplitParts(s, sep));
  return true;
}

bool SplitN(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  int64_t n;
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2) ||
      !a::ArgInt(ctx, args[2], 3, &n)) {
    return false;
  }
  std::vector<Value> parts = SplitParts(args[0].as_string(), args[1].as_string());
  if (args[0].size() == 0 && args[1].size() == 0) parts.clear();
  if (parts.empty() && args[1].size() != 0) parts.push_back(Value::String(""));
  auto total = static_cast<int64_t>(parts.size());
  if (n == 0) return *out = Value::EmptyArray(), true;
  if (n > 0) {
    if (n < total) parts.resize(static_cast<size_t>(n));
  } else {
    int64_t keep = -n;
    if (keep < total) parts.erase(parts.begin(), parts.begin() + (total - keep));
  }
  *out = Value::Array(std::move(parts));
  return true;
}

// Go's strings.NewReplacer semantics: at each position the earliest listed
// old string that matches wins; an empty old string matches between bytes
// (but not twice in a row at the same spot).
std::string ReplaceAll(std::string_view s,
                       const std::vector<std::pair<std::string_view, std::string_view>>& pairs) {
  std::string r;
  r.reserve(s.size());
  bool prev_empty = false;
  size_t i = 0;
  for (;;) {
    bool matched = false;
    for (const auto& [from, to] : pairs) {
      if (from.empty()) {
        if (prev_empty) continue;
      } else if (s.compare(i, from.size(), from) != 0) {
        continue;
      }
      r.append(to);
      i += from.size();
      prev_empty = from.empty();
      matched = true;
      break;
    }
    if (matched) {
      if (!prev_empty) continue;
      if (i >= s.size()) break;
      continue;
    }
    prev_empty = false;
    if (i >= s.size()) break;
    r.push_back(s[i]);
    ++i;
  }
  return r;
}

bool Replace(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2) || !ArgString(ctx, args[2], 3)) {
    return false;
  }
  std::string_view s = args[0].as_string();
  std::string_view from = args[1].as_string();
  if (!from.empty() && s.find(from) == std::string_view::npos) return *out = args[0], true;
  std::string r = ReplaceAll(s, {{from, args[2].as_string()}});
  if (r == s) return *out = args[0], true;
  *out = Value::String(std::move(r));
  return true;
}

bool ReplaceN(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgObject(ctx, args[0], 1)) return false;
  if (!ArgString(ctx, args[1], 2)) return false;
  std::vector<std::pair<std::string_view, std::string_view>> pairs;
  for (const auto& [k, v] : args[0].entries()) {
    if (!k.is_string()) return a::OperandError(ctx, 1, "non-string key found in pattern object");
    if (!v.is_string()) return a::OperandError(ctx, 1, "non-string value found in pattern object");
    pairs.emplace_back(k.as_string(), v.as_string());
  }
  *out = Value::String(ReplaceAll(args[1].as_string(), pairs));
  return true;
}

bool InCutset(char32_t r, std::string_view cutset) {
  size_t k = 0;
  while (k < cutset.size()) {
    if (a::DecodeRune(cutset, &k) == r) return true;
  }
  return false;
}

// Byte length of the leading runes of s[from..] that are in the cutset.
size_t TrimLeftLen(std::string_view s, std::string_view cutset) {
  size_t k = 0;
  while (k < s.size()) {
    size_t st = k;
    char32_t r = a::DecodeRune(s, &k);
    if (!InCutset(r, cutset)) return st;
  }
  return s.size();
}

// Byte offset where the trailing cutset runes start.
size_t TrimRightEnd(std::string_view s, std::string_view cutset) {
  size_t end = s.size();
  while (end > 0) {
    size_t st = end - 1;
    while (st > 0 && (static_cast<unsigned char>(s[st]) & 0xC0) == 0x80 && end - st < 4) --st;
    size_t k = st;
    char32_t r = a::DecodeRune(s, &k);
    if (k != end) {  // not one clean sequence: treat the last byte alone
      st = end - 1;
      r = 0xFFFD;
    }
    if (!InCutset(r, cutset)) break;
    end = st;
  }
  return end;
}

Value Sub(const Value& orig, size_t begin, size_t end) {
  if (begin == 0 && end == orig.size()) return orig;
  return Value::String(orig.as_string().substr(begin, end - begin));
}

enum class TrimKind { kBoth, kLeft, kRight, kPrefix, kSuffix };

template <TrimKind kKind>
bool Trim(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2)) return false;
  std::string_view s = args[0].as_string();
  std::string_view c = args[1].as_string();
  switch (kKind) {
    case TrimKind::kBoth: {
      size_t b = TrimLeftLen(s, c);
      size_t e = b == s.size() ? b : TrimRightEnd(s, c);
      *out = Sub(args[0], b, std::max(b, e));
      return true;
    }
    case TrimKind::kLeft: *out = Sub(args[0], TrimLeftLen(s, c), s.size()); return true;
    case TrimKind::kRight: *out = Sub(args[0], 0, TrimRightEnd(s, c)); return true;
    case TrimKind::kPrefix:
      *out = s.starts_with(c) ? Sub(args[0], c.size(), s.size()) : args[0];
      return true;
    case TrimKind::kSuffix:
      *out = s.ends_with(c) ? Sub(args[0], 0, s.size() - c.size()) : args[0];
      return true;
  }
  return false;
}

bool IsSpaceRune(char32_t r) {
  switch (r) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000: return true;
    default: return r >= 0x2000 && r <= 0x200A;
  }
}

bool TrimSpace(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  std::string_view s = args[0].as_string();
  size_t b = 0;
  while (b < s.size()) {
    size_t k = b;
    if (!IsSpaceRune(a::DecodeRune(s, &k))) break;
    b = k;
  }
  size_t e = s.size();
  while (e > b) {
    size_t st = e - 1;
    while (st > b && (static_cast<unsigned char>(s[st]) & 0xC0) == 0x80) --st;
    size_t k = st;
    if (!IsSpaceRune(a::DecodeRune(s, &k))) break;
    e = st;
  }
  *out = Sub(args[0], b, e);
  return true;
}

// sprintf with the items of its array operand.
bool SprintfItems(BuiltinContext& ctx, std::span<const Value> args, std::span<const Value> items,
                  Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  std::string_view f = args[0].as_string();
  // sprintf("%d", [n]) and ("%s", [s]) as to_string are the common cases.
  if (items.size() == 1) {
    if (f == "%d" && items[0].is_number() && items[0].node_identity() == nullptr) {
      *out = Value::String(std::to_string(items[0].as_int64()));
      return true;
    }
    if ((f == "%s" || f == "%v") && items[0].is_string()) {
      *out = items[0];
      return true;
    }
  }
  // Formatted into a per-thread buffer: the only allocation is the result.
  thread_local std::string buf;
  buf.clear();
  a::GoSprintfTo(f, items, &buf);
  *out = Value::String(std::string_view(buf));
  return true;
}

bool Sprintf(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  if (!args[1].is_array()) return OperandTypeError(ctx, 2, args[1], {"array"});
  return SprintfItems(ctx, args.first(1), args[1].items(), out);
}

// The strings of a string/array/set operand (any_prefix_match & co).
bool StringList(BuiltinContext& ctx, const Value& v, int pos, std::vector<std::string_view>* out) {
  if (v.is_string()) {
    out->push_back(v.as_string());
    return true;
  }
  if (!v.is_array() && !v.is_set())
    return OperandTypeError(ctx, pos, v, {"string", "set", "array"});
  for (const Value& e : v.items()) {
    if (!e.is_string()) return OperandElementError(ctx, pos, v, e, "string");
    out->push_back(e.as_string());
  }
  return true;
}

template <bool kSuffix>
bool AnyMatch(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::vector<std::string_view> strs, fixes;
  if (!StringList(ctx, args[0], 1, &strs) || !StringList(ctx, args[1], 2, &fixes)) return false;
  for (std::string_view s : strs) {
    for (std::string_view f : fixes) {
      if (kSuffix ? s.ends_with(f) : s.starts_with(f)) {
        *out = Value::Bool(true);
        return true;
      }
    }
  }
  *out = Value::Bool(false);
  return true;
}

bool Count(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2)) return false;
  std::string_view s = args[0].as_string();
  std::string_view sub = args[1].as_string();
  if (sub.empty()) {
    *out = Value::Int(static_cast<int64_t>(a::RuneCount(s) + 1));
    return true;
  }
  int64_t n = 0;
  size_t p = 0;
  while ((p = s.find(sub, p)) != std::string_view::npos) {
    ++n;
    p += sub.size();
  }
  *out = Value::Int(n);
  return true;
}

bool Reverse(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1)) return false;
  std::string_view s = args[0].as_string();
  std::string r(s.size(), '\0');
  size_t k = 0;
  while (k < s.size()) {
    size_t st = k;
    char32_t c = a::DecodeRune(s, &k);
    std::string enc;
    if (c == 0xFFFD && k == st + 1) {
      enc = "\xEF\xBF\xBD";
    } else {
      enc = std::string(s.substr(st, k - st));
    }
    // Go writes each rune at the mirrored byte position.
    size_t at = s.size() - k;
    for (size_t j = 0; j < enc.size() && at + j < r.size(); ++j) r[at + j] = enc[j];
  }
  *out = Value::String(std::move(r));
  return true;
}

bool RenderTemplate(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1) || !a::ArgObject(ctx, args[1], 2)) return false;
  std::string result, err;
  if (!a::RenderGoTemplate(args[0].as_string(), args[1], &result, &err)) {
    return ctx.BuiltinError(std::move(err));
  }
  *out = Value::String(std::move(result));
  return true;
}

}  // namespace

void RegisterStringsBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "concat",
         .decl = "(string, any<array[string], set[string]>) => string",
         .arity = 2,
         .fn = Concat});
  r.Add({.name = "contains", .decl = "(string, string) => boolean", .arity = 2, .fn = Contains});
  r.Add(
      {.name = "startswith", .decl = "(string, string) => boolean", .arity = 2, .fn = StartsWith});
  r.Add({.name = "endswith", .decl = "(string, string) => boolean", .arity = 2, .fn = EndsWith});
  r.Add({.name = "indexof", .decl = "(string, string) => number", .arity = 2, .fn = IndexOf});
  r.Add({.name = "indexof_n",
         .decl = "(string, string) => array[number]",
         .arity = 2,
         .fn = IndexOfN});
  r.Add({.name = "lower", .decl = "(string) => string", .arity = 1, .fn = ChangeCase<true>});
  r.Add({.name = "upper", .decl = "(string) => string", .arity = 1, .fn = ChangeCase<false>});
  r.Add(
      {.name = "replace", .decl = "(string, string, string) => string", .arity = 3, .fn = Replace});
  r.Add({.name = "strings.replace_n",
         .decl = "(object[string: string], string) => string",
         .arity = 2,
         .fn = ReplaceN});
  r.Add({.name = "split", .decl = "(string, string) => array[string]", .arity = 2, .fn = Split});
  r.Add({.name = "strings.split_n",
         .decl = "(string, string, number) => array[string]",
         .arity = 3,
         .fn = SplitN});
  r.Add({.name = "substring",
         .decl = "(string, number, number) => string",
         .arity = 3,
         .fn = Substring});
  r.Add({.name = "trim",
         .decl = "(string, string) => string",
         .arity = 2,
         .fn = Trim<TrimKind::kBoth>});
  r.Add({.name = "trim_left",
         .decl = "(string, string) => string",
         .arity = 2,
         .fn = Trim<TrimKind::kLeft>});
  r.Add({.name = "trim_right",
         .decl = "(string, string) => string",
         .arity = 2,
         .fn = Trim<TrimKind::kRight>});
  r.Add({.name = "trim_prefix",
         .decl = "(string, string) => string",
         .arity = 2,
         .fn = Trim<TrimKind::kPrefix>});
  r.Add({.name = "trim_suffix",
         .decl = "(string, string) => string",
         .arity = 2,
         .fn = Trim<TrimKind::kSuffix>});
  r.Add({.name = "trim_space", .decl = "(string) => string", .arity = 1, .fn = TrimSpace});
  r.Add({.name = "sprintf",
         .decl = "(string, array[any]) => string",
         .arity = 2,
         .fn = Sprintf,
         .items_fn = SprintfItems});
  r.Add({.name = "strings.any_prefix_match",
         .decl = "(any<string, array[string], set[string]>, any<string, array[string], "
                 "set[string]>) => boolean",
         .arity = 2,
         .fn = AnyMatch<false>});
  r.Add({.name = "strings.any_suffix_match",
         .decl = "(any<string, array[string], set[string]>, any<string, array[string], "
                 "set[string]>) => boolean",
         .arity = 2,
         .fn = AnyMatch<true>});
  r.Add({.name = "strings.count", .decl = "(string, string) => number", .arity = 2, .fn = Count});
  r.Add({.name = "strings.reverse", .decl = "(string) => string", .arity = 1, .fn = Reverse});
  r.Add({.name = "strings.render_template",
         .decl = "(string, object[string: any]) => string",
         .arity = 2,
         .fn = RenderTemplate});
}

}  // namespace kumo::rego
