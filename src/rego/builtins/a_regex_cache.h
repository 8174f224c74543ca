// A process-wide cache of compiled RE2 patterns shared by regex.*, glob.*
// and the deprecated re_match: policies use a few patterns many times, so
// each is compiled once. The cache is thread-safe and bounded (it is
// cleared when it grows past kMaxEntries).
#ifndef KUMO_REGO_BUILTINS_A_REGEX_CACHE_H_
#define KUMO_REGO_BUILTINS_A_REGEX_CACHE_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>

namespace kumo::rego::a {

// The compiled pattern, or nullptr with *err set to Go's regexp error text
// ("error parsing regexp: missing closing ]: `[a`").
std::shared_ptr<const re2::RE2> CompileRegex(std::string_view pattern, std::string* err);

}  // namespace kumo::rego::a

#endif  // KUMO_REGO_BUILTINS_A_REGEX_CACHE_H_
