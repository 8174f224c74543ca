// Encoding builtins (see categories.h for the list this file owns).
#include "rego/builtins/categories.h"

namespace kumo::rego {

void RegisterEncodingBuiltins(BuiltinRegistry& r) {
  (void)r;  // not written yet
}

}  // namespace kumo::rego
