// One registration function per builtin category file
// (src/rego/builtins/<category>.cc); BuiltinRegistry::Default() calls
// them all. A new category is a new file plus one line here and there.
#ifndef KUMO_REGO_BUILTINS_CATEGORIES_H_
#define KUMO_REGO_BUILTINS_CATEGORIES_H_

#include "rego/builtins/builtin.h"

#define KUMO_BUILTIN_CATEGORY(name) void Register##name##Builtins(BuiltinRegistry& r)

namespace kumo::rego {

// Evaluator-bound builtins (operators, internal.*, print, rego.metadata.*, walk).
KUMO_BUILTIN_CATEGORY(Core);
// builtins-A
KUMO_BUILTIN_CATEGORY(Numbers);     // plus minus mul div rem abs round ceil floor numbers.* bits.*
                                    // to_number format_int rand.intn
KUMO_BUILTIN_CATEGORY(Aggregates);  // count sum product max min sort
KUMO_BUILTIN_CATEGORY(Sets);        // and or intersection union
KUMO_BUILTIN_CATEGORY(Arrays);      // array.*
KUMO_BUILTIN_CATEGORY(Objects);     // object.*
KUMO_BUILTIN_CATEGORY(Strings);     // concat contains ... strings.* sprintf
KUMO_BUILTIN_CATEGORY(Regex);       // regex.*
KUMO_BUILTIN_CATEGORY(Glob);        // glob.*
KUMO_BUILTIN_CATEGORY(Encoding);    // base64* hex.* urlquery.* json.marshal/unmarshal yaml.*
KUMO_BUILTIN_CATEGORY(Json);        // json.filter remove patch match_schema verify_schema
KUMO_BUILTIN_CATEGORY(Types);       // is_* type_name
KUMO_BUILTIN_CATEGORY(Units);       // units.*
KUMO_BUILTIN_CATEGORY(Semver);      // semver.*
KUMO_BUILTIN_CATEGORY(Uuid);        // uuid.*
KUMO_BUILTIN_CATEGORY(Uri);         // uri.*
KUMO_BUILTIN_CATEGORY(Deprecated);  // v0-only: any all re_match set_diff cast_* net.cidr_overlap
// builtins-B
KUMO_BUILTIN_CATEGORY(Time);    // time.*
KUMO_BUILTIN_CATEGORY(Net);     // net.cidr_*
KUMO_BUILTIN_CATEGORY(Crypto);  // crypto.* (hashes, hmac, x509, keys)
KUMO_BUILTIN_CATEGORY(Jwt);     // io.jwt.*
KUMO_BUILTIN_CATEGORY(Graph);   // graph.reachable, graph.reachable_paths
KUMO_BUILTIN_CATEGORY(
    Unsupported);  // http.send net.lookup_ip_addr providers.aws.sign_req graphql.* opa.runtime

}  // namespace kumo::rego

#endif  // KUMO_REGO_BUILTINS_CATEGORIES_H_
