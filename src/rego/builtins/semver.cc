// Semver builtins: semver.is_valid and semver.compare (SemVer 2.0.0
// precedence; build metadata is ignored).
#include "rego/builtins/a_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

struct Version {
  std::string_view major, minor, patch;
  std::vector<std::string_view> pre;
};

bool IsNumeric(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool ValidNumber(std::string_view s) { return IsNumeric(s) && (s.size() == 1 || s[0] != '0'); }

bool ValidIdent(std::string_view s, bool prerelease) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok =
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    if (!ok) return false;
  }
  if (prerelease && IsNumeric(s) && s.size() > 1 && s[0] == '0') return false;
  return true;
}

std::vector<std::string_view> SplitDots(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    size_t d = s.find('.', start);
    parts.push_back(
        s.substr(start, d == std::string_view::npos ? std::string_view::npos : d - start));
    if (d == std::string_view::npos) break;
    start = d + 1;
  }
  return parts;
}

bool Parse(std::string_view s, Version* v) {
  size_t plus = s.find('+');
  if (plus != std::string_view::npos) {
    for (auto id : SplitDots(s.substr(plus + 1))) {
      if (!ValidIdent(id, false)) return false;
    }
    s = s.substr(0, plus);
  }
  size_t dash = s.find('-');
  if (dash != std::string_view::npos) {
    v->pre = SplitDots(s.substr(dash + 1));
    for (auto id : v->pre) {
      if (!ValidIdent(id, true)) return false;
    }
    s = s.substr(0, dash);
  }
  auto core = SplitDots(s);
  if (core.size() != 3) return false;
  for (auto c : core) {
    if (!ValidNumber(c)) return false;
  }
  v->major = core[0];
  v->minor = core[1];
  v->patch = core[2];
  return true;
}

int CompareNumeric(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int CompareVersions(const Version& x, const Version& y) {
  for (auto [a, b] : {std::pair{x.major, y.major}, {x.minor, y.minor}, {x.patch, y.patch}}) {
    if (int c = CompareNumeric(a, b)) return c;
  }
  if (x.pre.empty() || y.pre.empty()) {
    if (x.pre.empty() && y.pre.empty()) return 0;
    return x.pre.empty() ? 1 : -1;
  }
  for (size_t i = 0; i < x.pre.size() && i < y.pre.size(); ++i) {
    bool an = IsNumeric(x.pre[i]), bn = IsNumeric(y.pre[i]);
    int c;
    if (an && bn) {
      c = CompareNumeric(x.pre[i], y.pre[i]);
    } else if (an != bn) {
      c = an ? -1 : 1;
    } else {
      int k = x.pre[i].compare(y.pre[i]);
      c = k < 0 ? -1 : (k > 0 ? 1 : 0);
    }
    if (c) return c;
  }
  if (x.pre.size() == y.pre.size()) return 0;
  return x.pre.size() < y.pre.size() ? -1 : 1;
}

bool IsValid(BuiltinContext&, std::span<const Value> args, Value* out) {
  Version v;
  *out = Value::Bool(args[0].is_string() && Parse(args[0].as_string(), &v));
  return true;
}

bool CompareBuiltin(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgString(ctx, args[0], 1) || !a::ArgString(ctx, args[1], 2)) return false;
  Version x, y;
  for (int i = 0; i < 2; ++i) {
    std::string_view s = args[static_cast<size_t>(i)].as_string();
    if (!Parse(s, i == 0 ? &x : &y)) {
      std::string msg = "operand " + std::to_string(i + 1) + ": string ";
      a::AppendGoQuoted(s, &msg);
      msg += " is not a valid SemVer";
      return ctx.BuiltinError(std::move(msg));
    }
  }
  *out = Value::Int(CompareVersions(x, y));
  return true;
}

}  // namespace

void RegisterSemverBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "semver.is_valid", .decl = "(any) => boolean", .arity = 1, .fn = IsValid});
  r.Add({.name = "semver.compare",
         .decl = "(string, string) => number",
         .arity = 2,
         .fn = CompareBuiltin});
}

}  // namespace kumo::rego
