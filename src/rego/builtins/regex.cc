// Regex builtins (RE2, which is Go's regexp syntax): regex.match,
// regex.is_valid, regex.find_n, regex.find_all_string_submatch_n,
// regex.replace, regex.split, regex.template_match, regex.globs_match.
// Patterns are compiled once through the shared cache (a_regex_cache.h).
#include <vector>

#include "rego/builtins/a_regex_cache.h"
#include "rego/builtins/a_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

using a::ArgString;

std::shared_ptr<const re2::RE2> Compile(BuiltinContext& ctx, std::string_view pattern) {
  std::string err;
  auto re = a::CompileRegex(pattern, &err);
  if (!re) ctx.BuiltinError(std::move(err));
  return re;
}

// Go's allMatches: successive non-overlapping matches; an empty match right
// after the previous match is skipped. Each match is its submatch spans.
void FindAll(const re2::RE2& re, std::string_view s, int64_t n,
             std::vector<std::vector<std::string_view>>* out, int groups) {
  std::vector<re2::StringPiece> sub(static_cast<size_t>(groups) + 1);
  re2::StringPiece text(s.data(), s.size());
  size_t pos = 0;
  int64_t prev_end = -1;
  while ((n < 0 || static_cast<int64_t>(out->size()) < n) && pos <= s.size()) {
    if (!re.Match(text, pos, s.size(), re2::RE2::UNANCHORED, sub.data(), groups + 1)) break;
    auto start = static_cast<size_t>(sub[0].data() - s.data());
    size_t end = start + sub[0].size();
    bool accept = true;
    if (end == start) {
      if (static_cast<int64_t>(start) == prev_end) accept = false;
      if (end < s.size()) {
        size_t k = end;
        a::DecodeRune(s, &k);
        pos = k;
      } else {
        pos = end + 1;
      }
    } else {
      pos = end;
    }
    prev_end = static_cast<int64_t>(end);
    if (accept) {
      std::vector<std::string_view> m;
      m.reserve(sub.size());
      for (const auto& p : sub) m.emplace_back(p.data(), p.size());
      out->push_back(std::move(m));
    }
  }
}

bool Match(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2)) return false;
  auto re = Compile(ctx, args[0].as_string());
  if (!re) return false;
  *out = Value::Bool(re2::RE2::PartialMatch(args[1].as_string(), *re));
  return true;
}

bool IsValid(BuiltinContext&, std::span<const Value> args, Value* out) {
  if (!args[0].is_string()) {
    *out = Value::Bool(false);
    return true;
  }
  std::string err;
  *out = Value::Bool(a::CompileRegex(args[0].as_string(), &err) != nullptr);
  return true;
}

bool FindN(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  int64_t n;
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2) ||
      !a::ArgInt(ctx, args[2], 3, &n)) {
    return false;
  }
  auto re = Compile(ctx, args[0].as_string());
  if (!re) return false;
  std::vector<std::vector<std::string_view>> ms;
  FindAll(*re, args[1].as_string(), n, &ms, 0);
  std::vector<Value> r;
  r.reserve(ms.size());
  for (const auto& m : ms) r.push_back(Value::String(m[0]));
  *out = Value::Array(std::move(r));
  return true;
}

bool FindAllSubmatch(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  int64_t n;
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2) ||
      !a::ArgInt(ctx, args[2], 3, &n)) {
    return false;
  }
  auto re = Compile(ctx, args[0].as_string());
  if (!re) return false;
  int groups = re->NumberOfCapturingGroups();
  std::vector<std::vector<std::string_view>> ms;
  FindAll(*re, args[1].as_string(), n, &ms, groups);
  std::vector<Value> r;
  for (const auto& m : ms) {
    std::vector<Value> row;
    for (const auto& g : m) row.push_back(Value::String(g.data() ? g : std::string_view()));
    r.push_back(Value::Array(std::move(row)));
  }
  *out = Value::Array(std::move(r));
  return true;
}

// Go's Regexp.Expand template: $1, ${1}, $name, ${name}, $$.
void Expand(const re2::RE2& re, std::string_view tmpl, const std::vector<std::string_view>& sub,
            std::string* out) {
  const auto& names = re.NamedCapturingGroups();
  size_t i = 0;
  while (i < tmpl.size()) {
    char c = tmpl[i];
    if (c != '$' || i + 1 >= tmpl.size()) {
      out->push_back(c);
      ++i;
      continue;
    }
    if (tmpl[i + 1] == '$') {
      out->push_back('$');
      i += 2;
      continue;
    }
    std::string_view name;
    size_t next;
    auto is_word = [](char ch) {
      return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
             ch == '_';
    };
    if (tmpl[i + 1] == '{') {
      size_t close = tmpl.find('}', i + 2);
      if (close == std::string_view::npos) {
        out->push_back('$');
        ++i;
        continue;
      }
      name = tmpl.substr(i + 2, close - i - 2);
      bool ok = !name.empty();
      for (char ch : name) ok = ok && is_word(ch);
      if (!ok) {
        out->push_back('$');
        ++i;
        continue;
      }
      next = close + 1;
    } else {
      size_t k = i + 1;
      while (k < tmpl.size() && is_word(tmpl[k])) ++k;
      if (k == i + 1) {
        out->push_back('$');
        ++i;
        continue;
      }
      name = tmpl.substr(i + 1, k - i - 1);
      next = k;
    }
    int idx = -1;
    bool numeric = true;
    for (char ch : name) numeric = numeric && ch >= '0' && ch <= '9';
    if (numeric) {
      if (name.size() < 8) idx = std::stoi(std::string(name));
    } else {
      auto it = names.find(std::string(name));
      if (it != names.end()) idx = it->second;
    }
    if (idx >= 0 && static_cast<size_t>(idx) < sub.size() && sub[static_cast<size_t>(idx)].data()) {
      out->append(sub[static_cast<size_t>(idx)]);
    }
    i = next;
  }
}

bool Replace(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2) || !ArgString(ctx, args[2], 3)) {
    return false;
  }
  auto re = Compile(ctx, args[1].as_string());
  if (!re) return false;
  std::string_view s = args[0].as_string();
  int groups = re->NumberOfCapturingGroups();
  std::vector<std::vector<std::string_view>> ms;
  FindAll(*re, s, -1, &ms, groups);
  if (ms.empty()) {
    *out = args[0];
    return true;
  }
  std::string r;
  size_t last = 0;
  for (const auto& m : ms) {
    auto start = static_cast<size_t>(m[0].data() - s.data());
    r.append(s.substr(last, start - last));
    Expand(*re, args[2].as_string(), m, &r);
    last = start + m[0].size();
  }
  r.append(s.substr(last));
  *out = Value::String(std::move(r));
  return true;
}

bool Split(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2)) return false;
  std::string_view pat = args[0].as_string();
  std::string_view s = args[1].as_string();
  auto re = Compile(ctx, pat);
  if (!re) return false;
  if (!pat.empty() && s.empty()) {
    *out = Value::Array({Value::String("")});
    return true;
  }
  std::vector<std::vector<std::string_view>> ms;
  FindAll(*re, s, -1, &ms, 0);
  std::vector<Value> parts;
  size_t beg = 0, end = 0;
  for (const auto& m : ms) {
    end = static_cast<size_t>(m[0].data() - s.data());
    size_t mend = end + m[0].size();
    if (mend != 0) parts.push_back(Value::String(s.substr(beg, end - beg)));
    beg = mend;
  }
  if (end != s.size()) parts.push_back(Value::String(s.substr(beg)));
  *out = Value::Array(std::move(parts));
  return true;
}

// gorilla/mux-style template: text outside the delimiters is literal,
// text inside is a regular expression; the whole value must match.
bool TemplateMatch(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  for (int i = 0; i < 4; ++i) {
    if (!ArgString(ctx, args[static_cast<size_t>(i)], i + 1)) return false;
  }
  std::string_view tmpl = args[0].as_string();
  std::string_view ds = args[2].as_string();
  std::string_view de = args[3].as_string();
  if (ds.empty() || de.empty()) return ctx.BuiltinError("delimiters must not be empty");
  std::string pattern = "^";
  size_t i = 0;
  while (i < tmpl.size()) {
    size_t open = tmpl.find(ds, i);
    if (open == std::string_view::npos) {
      pattern += re2::RE2::QuoteMeta(tmpl.substr(i));
      break;
    }
    pattern += re2::RE2::QuoteMeta(tmpl.substr(i, open - i));
    // Find the matching closing delimiter, allowing nested pairs.
    size_t k = open + ds.size();
    int level = 1;
    size_t close = std::string_view::npos;
    while (k < tmpl.size()) {
      if (tmpl.compare(k, ds.size(), ds) == 0) {
        ++level;
        k += ds.size();
      } else if (tmpl.compare(k, de.size(), de) == 0) {
        if (--level == 0) {
          close = k;
          break;
        }
        k += de.size();
      } else {
        ++k;
      }
    }
    if (close == std::string_view::npos) {
      std::string m = "unbalanced braces in template: ";
      m += tmpl;
      return ctx.BuiltinError(std::move(m));
    }
    pattern += "(";
    pattern += tmpl.substr(open + ds.size(), close - open - ds.size());
    pattern += ")";
    i = close + de.size();
  }
  pattern += "$";
  auto re = Compile(ctx, pattern);
  if (!re) return false;
  *out = Value::Bool(re2::RE2::PartialMatch(args[1].as_string(), *re));
  return true;
}

// --- regex.globs_match: do two simple patterns (literals, '.', classes,
// each with an optional * or +) accept a common string? ---------------------

struct CharSet {
  bool negated = false;
  std::vector<std::pair<char32_t, char32_t>> ranges;  // empty+negated = any
  bool Contains(char32_t c) const {
    bool in = false;
    for (auto [lo, hi] : ranges) in = in || (c >= lo && c <= hi);
    return in != negated;
  }
};

struct GlobToken {
  CharSet set;
  bool star = false;  // zero or more
};

bool Intersects(const CharSet& x, const CharSet& y) {
  // Candidate code points: every range bound and a point outside all ranges.
  std::vector<char32_t> probes = {0, 0x10FFFF};
  for (const CharSet* s : {&x, &y}) {
    for (auto [lo, hi] : s->ranges) {
      probes.push_back(lo);
      probes.push_back(hi);
      if (lo > 0) probes.push_back(lo - 1);
      if (hi < 0x10FFFF) probes.push_back(hi + 1);
    }
  }
  for (char32_t c : probes) {
    if (x.Contains(c) && y.Contains(c)) return true;
  }
  return false;
}

bool ParseGlobPattern(std::string_view g, std::vector<GlobToken>* out, std::string* err) {
  auto fail = [&](size_t pos, std::string_view what) {
    *err = "input:" + std::string(g) + ", pos:" + std::to_string(pos + 1) + ", " +
           std::string(what) + ": the input provided is invalid";
    return false;
  };
  size_t i = 0;
  while (i < g.size()) {
    GlobToken t;
    char c = g[i];
    if (c == '*' || c == '+') return fail(i, "quantifier with no preceding symbol");
    if (c == ']') return fail(i, "set-close ']' with no preceding '['");
    if (c == '.') {
      t.set.negated = true;
      ++i;
    } else if (c == '\\') {
      if (i + 1 >= g.size()) return fail(i, "escape at end of input");
      ++i;
      char32_t r = a::DecodeRune(g, &i);
      t.set.ranges.push_back({r, r});
    } else if (c == '[') {
      size_t k = i + 1;
      if (k < g.size() && g[k] == '^') {
        t.set.negated = true;
        ++k;
      }
      bool closed = false;
      while (k < g.size()) {
        if (g[k] == ']') {
          closed = true;
          ++k;
          break;
        }
        char32_t lo;
        if (g[k] == '\\' && k + 1 < g.size()) ++k;
        lo = a::DecodeRune(g, &k);
        char32_t hi = lo;
        if (k + 1 < g.size() && g[k] == '-' && g[k + 1] != ']') {
          ++k;
          if (g[k] == '\\' && k + 1 < g.size()) ++k;
          hi = a::DecodeRune(g, &k);
          if (hi < lo) return fail(k - 1, "invalid range in set");
        }
        t.set.ranges.push_back({lo, hi});
      }
      if (!closed) return fail(i, "set-open '[' with no succeeding ']'");
      i = k;
    } else {
      char32_t r = a::DecodeRune(g, &i);
      t.set.ranges.push_back({r, r});
    }
    if (i < g.size() && (g[i] == '*' || g[i] == '+')) {
      if (g[i] == '+') out->push_back(t);
      t.star = true;
      ++i;
    }
    out->push_back(std::move(t));
  }
  return true;
}

bool GlobsIntersect(const std::vector<GlobToken>& x, const std::vector<GlobToken>& y) {
  size_t n = x.size() + 1, m = y.size() + 1;
  std::vector<char> seen(n * m, 0);
  std::vector<std::pair<size_t, size_t>> stack = {{0, 0}};
  seen[0] = 1;
  auto push = [&](size_t i, size_t j) {
    if (!seen[i * m + j]) {
      seen[i * m + j] = 1;
      stack.emplace_back(i, j);
    }
  };
  while (!stack.empty()) {
    auto [i, j] = stack.back();
    stack.pop_back();
    if (i == x.size() && j == y.size()) return true;
    if (i < x.size() && x[i].star) push(i + 1, j);
    if (j < y.size() && y[j].star) push(i, j + 1);
    if (i < x.size() && j < y.size() && Intersects(x[i].set, y[j].set)) {
      push(x[i].star ? i : i + 1, y[j].star ? j : j + 1);
    }
  }
  return false;
}

bool GlobsMatch(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgString(ctx, args[0], 1) || !ArgString(ctx, args[1], 2)) return false;
  std::vector<GlobToken> x, y;
  std::string err;
  if (!ParseGlobPattern(args[0].as_string(), &x, &err) ||
      !ParseGlobPattern(args[1].as_string(), &y, &err)) {
    return ctx.BuiltinError(std::move(err));
  }
  *out = Value::Bool(GlobsIntersect(x, y));
  return true;
}

}  // namespace

void RegisterRegexBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "regex.match", .decl = "(string, string) => boolean", .arity = 2, .fn = Match});
  r.Add({.name = "regex.is_valid", .decl = "(any) => boolean", .arity = 1, .fn = IsValid});
  r.Add({.name = "regex.find_n",
         .decl = "(string, string, number) => array[string]",
         .arity = 3,
         .fn = FindN});
  r.Add({.name = "regex.find_all_string_submatch_n",
         .decl = "(string, string, number) => array[array[string]]",
         .arity = 3,
         .fn = FindAllSubmatch});
  r.Add({.name = "regex.replace",
         .decl = "(string, string, string) => string",
         .arity = 3,
         .fn = Replace});
  r.Add({.name = "regex.split",
         .decl = "(string, string) => array[string]",
         .arity = 2,
         .fn = Split});
  r.Add({.name = "regex.template_match",
         .decl = "(string, string, string, string) => boolean",
         .arity = 4,
         .fn = TemplateMatch});
  r.Add({.name = "regex.globs_match",
         .decl = "(string, string) => boolean",
         .arity = 2,
         .fn = GlobsMatch});
}

}  // namespace kumo::rego
