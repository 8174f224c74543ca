#include "rego/builtins/a_regex_cache.h"

#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace kumo::rego::a {
namespace {

constexpr size_t kMaxEntries = 4096;

std::string_view GoErrorText(re2::RE2::ErrorCode code) {
  switch (code) {
    case re2::RE2::ErrorMissingBracket: return "missing closing ]";
    case re2::RE2::ErrorMissingParen: return "missing closing )";
    case re2::RE2::ErrorUnexpectedParen: return "unexpected )";
    case re2::RE2::ErrorBadEscape: return "invalid escape sequence";
    case re2::RE2::ErrorBadCharClass: return "invalid character class";
    case re2::RE2::ErrorBadCharRange: return "invalid character class range";
    case re2::RE2::ErrorRepeatArgument: return "missing argument to repetition operator";
    case re2::RE2::ErrorRepeatSize: return "invalid repeat count";
    case re2::RE2::ErrorRepeatOp: return "invalid nested repetition operator";
    case re2::RE2::ErrorBadPerlOp: return "invalid or unsupported Perl syntax";
    case re2::RE2::ErrorBadUTF8: return "invalid UTF-8";
    case re2::RE2::ErrorBadNamedCapture: return "invalid named capture";
    case re2::RE2::ErrorPatternTooLarge: return "expression too large";
    default: return "invalid regular expression";
  }
}

struct Cache {
  std::shared_mutex mu;
  std::unordered_map<std::string, std::shared_ptr<const re2::RE2>> map;
};

Cache& TheCache() {
  static Cache* c = new Cache();  // never destroyed: used from any thread at exit
  return *c;
}

}  // namespace

std::shared_ptr<const re2::RE2> CompileRegex(std::string_view pattern, std::string* err) {
  Cache& c = TheCache();
  std::string key(pattern);
  {
    std::shared_lock lock(c.mu);
    auto it = c.map.find(key);
    if (it != c.map.end()) return it->second;
  }
  re2::RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(8 << 20);  // bounds the cost of hostile patterns
  auto re = std::make_shared<const re2::RE2>(key, opts);
  if (!re->ok()) {
    *err = "error parsing regexp: " + std::string(GoErrorText(re->error_code())) + ": `" +
           re->error_arg() + "`";
    return nullptr;
  }
  std::unique_lock lock(c.mu);
  if (c.map.size() >= kMaxEntries) c.map.clear();
  c.map.emplace(std::move(key), re);
  return re;
}

}  // namespace kumo::rego::a
