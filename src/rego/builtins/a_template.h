// strings.render_template: the subset of Go's text/template that policies
// use to build messages: {{.a.b}}, {{$v}}, {{if}}/{{else}}/{{end}},
// {{range}} (with `$i, $v :=`), {{with}}, and `{{-`/`-}}` trimming.
// A missing key renders as "<undefined>", as OPA does.
#ifndef KUMO_REGO_BUILTINS_A_TEMPLATE_H_
#define KUMO_REGO_BUILTINS_A_TEMPLATE_H_

#include <string>
#include <string_view>

#include "value/value.h"

namespace kumo::rego::a {

// Renders `tmpl` with `vars` as the dot. False with *err on a parse or
// execution error (unknown action, bad range target, ...).
bool RenderGoTemplate(std::string_view tmpl, const Value& vars, std::string* out, std::string* err);

}  // namespace kumo::rego::a

#endif  // KUMO_REGO_BUILTINS_A_TEMPLATE_H_
