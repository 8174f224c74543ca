// OPA's strict-mode compiler checks (`opa check --strict`), run by Compile()
// when CompileOptions::strict is set.
//
// They follow OPA's compiler stages, codes, messages and locations:
//
//   unused imports         rego_compile_error  "import data.x unused"
//   input/data shadowing   rego_compile_error  "rules must not shadow input (use a different
//                                               rule name)", "args must not shadow ...",
//                                               "variables must not shadow ..."
//   unused local vars      rego_compile_error  "assigned var x unused",
//                                               "declared var x unused"
//   deprecated built-ins   rego_type_error     "deprecated built-in function calls in
//                                               expression: any"
//
// Like OPA, a stage that reports an error ends compilation: the first three
// run on the parsed modules before the rest of the compiler, the last one on
// the compiled modules (it needs calls resolved to built-ins).
#ifndef KUMO_REGO_STRICT_H_
#define KUMO_REGO_STRICT_H_

#include <memory>
#include <vector>

#include "rego/ast.h"
#include "rego/rego.h"

namespace kumo::rego {

// The checks that OPA runs before it resolves safety and types: unused
// imports, then input/data shadowing, then unused `:=` and `some` vars.
// Returns the errors of the first stage that has any.
std::vector<RegoError> CheckStrictBeforeCompile(
    const std::vector<std::unique_ptr<Module>>& modules);

// Calls of deprecated built-ins in compiled modules.
std::vector<RegoError> CheckDeprecatedBuiltins(const std::vector<std::unique_ptr<Module>>& modules);

}  // namespace kumo::rego

#endif  // KUMO_REGO_STRICT_H_
