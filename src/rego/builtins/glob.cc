// Glob builtins with OPA's (gobwas/glob) semantics: `*` spans anything but
// a delimiter, `**` spans anything, `?` one non-delimiter rune, `[abc]`,
// `[!a-c]`, `{a,b}` alternatives and `\` escapes. Delimiters default to
// ["."] for an empty array; null means none. A glob compiles to an RE2
// pattern once (shared cache).
#include "rego/builtins/a_regex_cache.h"
#include "rego/builtins/a_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

// Bounds recursion on hostile patterns such as "{{{{{...".
constexpr int kMaxAlternativesDepth = 32;

void AppendLiteral(char32_t r, std::string* out) {
  std::string s;
  a::AppendRune(r, &s);
  *out += re2::RE2::QuoteMeta(s);
}

// Translates the glob at g[*i..] up to an unmatched '}' or ',' when inside
// alternatives (depth > 0). False with *err on a syntax error.
bool Translate(std::string_view g, size_t* i, int depth, const std::string& not_delim,
               std::string* out, std::string* err) {
  while (*i < g.size()) {
    char c = g[*i];
    if (depth > 0 && (c == '}' || c == ',')) return true;
    if (c == '*') {
      if (*i + 1 < g.size() && g[*i + 1] == '*') {
        *out += ".*";
        *i += 2;
      } else {
        *out += not_delim.empty() ? ".*" : "[^" + not_delim + "]*";
        *i += 1;
      }
    } else if (c == '?') {
      *out += not_delim.empty() ? "." : "[^" + not_delim + "]";
      *i += 1;
    } else if (c == '\\') {
      if (*i + 1 >= g.size()) {
        *err = "unexpected end of input after escape";
        return false;
      }
      *i += 1;
      AppendLiteral(a::DecodeRune(g, i), out);
    } else if (c == '[') {
      size_t k = *i + 1;
      std::string cls = "[";
      if (k < g.size() && g[k] == '!') {
        cls += '^';
        ++k;
      }
      bool closed = false;
      while (k < g.size()) {
        if (g[k] == ']') {
          closed = true;
          ++k;
          break;
        }
        char32_t lo = a::DecodeRune(g, &k);
        std::string los;
        a::AppendRune(lo, &los);
        if (lo == '\\' || lo == '^' || lo == '-' || lo == '[' || lo == ']') los = "\\" + los;
        cls += los;
        if (k + 1 < g.size() && g[k] == '-' && g[k + 1] != ']') {
          ++k;
          char32_t hi = a::DecodeRune(g, &k);
          if (hi < lo) {
            *err = "invalid range in character class";
            return false;
          }
          std::string his;
          a::AppendRune(hi, &his);
          if (hi == '\\' || hi == '^' || hi == '-' || hi == '[' || hi == ']') his = "\\" + his;
          cls += "-" + his;
        }
      }
      if (!closed) {
        *err = "unexpected end of input: unclosed character class";
        return false;
      }
      if (cls == "[" || cls == "[^") {
        *err = "empty character class";
        return false;
      }
      *out += cls + "]";
      *i = k;
    } else if (c == '{') {
      if (depth >= kMaxAlternativesDepth) {
        *err = "alternatives nested too deeply";
        return false;
      }
      *i += 1;
      *out += "(?:";
      for (;;) {
        if (!Translate(g, i, depth + 1, not_delim, out, err)) return false;
        if (*i >= g.size()) {
          *err = "unexpected end of input: unclosed alternatives";
          return false;
        }
        char d = g[*i];
        *i += 1;
        if (d == '}') break;
        *out += "|";
      }
      *out += ")";
    } else {
      AppendLiteral(a::DecodeRune(g, i), out);
    }
  }
  return true;
}

bool Match(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgString(ctx, args[0], 1)) return false;
  const Value& delims = args[1];
  std::string not_delim;  // the delimiters inside an RE2 class
  if (delims.is_array()) {
    auto items = delims.items();
    if (items.empty()) {
      not_delim = "\\.";
    } else {
      for (const Value& d : items) {
        if (!d.is_string()) return a::OperandElementError(ctx, 2, delims, d, "string");
        std::string_view s = d.as_string();
        if (a::RuneCount(s) != 1) return a::OperandElementError(ctx, 2, delims, d, "rune");
        size_t k = 0;
        char32_t r = a::DecodeRune(s, &k);
        std::string rs;
        a::AppendRune(r, &rs);
        if (r == '\\' || r == '^' || r == '-' || r == ']' || r == '[') rs = "\\" + rs;
        not_delim += rs;
      }
    }
  } else if (!delims.is_null()) {
    return a::OperandTypeError(ctx, 2, delims, {"array", "null"});
  }
  if (!a::ArgString(ctx, args[2], 3)) return false;
  std::string_view g = args[0].as_string();
  std::string pattern = "(?s)^";
  size_t i = 0;
  std::string err;
  if (!Translate(g, &i, 0, not_delim, &pattern, &err)) return ctx.BuiltinError(std::move(err));
  pattern += "$";
  auto re = a::CompileRegex(pattern, &err);
  if (!re) return ctx.BuiltinError(std::move(err));
  *out = Value::Bool(re2::RE2::PartialMatch(args[2].as_string(), *re));
  return true;
}

bool QuoteMeta(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgString(ctx, args[0], 1)) return false;
  std::string r;
  for (char c : args[0].as_string()) {
    switch (c) {
      case '*':
      case '?':
      case '\\':
      case '[':
      case ']':
      case '{':
      case '}':
      case ',': r.push_back('\\'); break;
      default: break;
    }
    r.push_back(c);
  }
  *out = Value::String(std::move(r));
  return true;
}

}  // namespace

void RegisterGlobBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "glob.match",
         .decl = "(string, any<null, array[string]>, string) => boolean",
         .arity = 3,
         .fn = Match});
  r.Add({.name = "glob.quote_meta", .decl = "(string) => string", .arity = 1, .fn = QuoteMeta});
}

}  // namespace kumo::rego
