// sprintf for Rego: Go's fmt verbs as OPA feeds them (numbers become Go
// int, *big.Int or float64; strings stay strings; every other value is
// passed as its Rego text), so `%v`, `%d`, `%s`, `%q`, `%x`, `%f`, `%T`,
// widths, precision and Go's `%!d(string=x)` / `%!v(MISSING)` markers all
// read as OPA prints them.
#ifndef KUMO_REGO_BUILTINS_A_SPRINTF_H_
#define KUMO_REGO_BUILTINS_A_SPRINTF_H_

#include <span>
#include <string>
#include <string_view>

#include "value/value.h"

namespace kumo::rego::a {

// Formats `args` (the elements of sprintf's array operand) with `format`,
// appending to *out.
void GoSprintfTo(std::string_view format, std::span<const Value> args, std::string* out);

// Go's strconv.FormatFloat(d, 'g', -1, 64), i.e. fmt's %v of a float64:
// shortest round-trip digits, exponent form when the decimal exponent is
// below -4 or at least 6 ("1e+06", "1.5e-05").
std::string GoFormatFloatG(double d);

}  // namespace kumo::rego::a

#endif  // KUMO_REGO_BUILTINS_A_SPRINTF_H_
