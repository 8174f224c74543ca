// Builtins kumo registers but does not run: http.send, net.lookup_ip_addr,
// providers.aws.sign_req, graphql.*, opa.runtime.
//
// They need the network, a GraphQL implementation or OPA's own runtime,
// none of which belong in an offline posture scanner. Registering them
// with their real declarations lets the compiler say "unsupported builtin"
// (instead of "undefined function"), and lets `with http.send as mock`
// style tests still type-check.
#include "rego/builtins/categories.h"

namespace kumo::rego {

void RegisterUnsupportedBuiltins(BuiltinRegistry& r) {
  struct Entry {
    const char* name;
    const char* decl;
    int arity;
    bool nondeterministic;
  };
  static const Entry kEntries[] = {
      {"http.send", "(object[string: any]) => object[any: any]", 1, true},
      {"net.lookup_ip_addr", "(string) => set[string]", 1, true},
      {"providers.aws.sign_req",
       "(object[string: any], object[string: any], number) => object[any: any]", 3, false},
      {"opa.runtime", "() => object[string: any]", 0, true},
      {"graphql.parse",
       "(any<string, object[any: any]>, any<string, object[any: any]>) => "
       "array<object[any: any], object[any: any]>",
       2, false},
      {"graphql.parse_and_verify",
       "(any<string, object[any: any]>, any<string, object[any: any]>) => "
       "array<boolean, object[any: any], object[any: any]>",
       2, false},
      {"graphql.parse_query", "(string) => object[any: any]", 1, false},
      {"graphql.parse_schema", "(string) => object[any: any]", 1, false},
      {"graphql.is_valid",
       "(any<string, object[any: any]>, any<string, object[any: any]>) => boolean", 2, false},
      {"graphql.schema_is_valid", "(any<string, object[any: any]>) => boolean", 1, false},
  };
  for (const Entry& e : kEntries) {
    r.Add({.name = e.name,
           .decl = e.decl,
           .arity = e.arity,
           .fn = nullptr,
           .nondeterministic = e.nondeterministic,
           .unsupported = true});
  }
}

}  // namespace kumo::rego
