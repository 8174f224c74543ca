// YAML -> Value, keeping line numbers for diagnostics (yaml-cpp underneath).
#ifndef KUMO_JSON_YAML_H_
#define KUMO_JSON_YAML_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "value/value.h"

namespace kumo::json {

// Parses all documents of a YAML stream. Scalars become strings, numbers,
// booleans or null by YAML 1.1/1.2 core-schema resolution (quoted scalars
// stay strings; number text is kept exactly). Errors carry "file:line:col".
Result<std::vector<Value>> ParseYamlDocuments(std::string_view text, const std::string& file = "");
// Exactly one document (an empty stream is null).
Result<Value> ParseYaml(std::string_view text, const std::string& file = "");

}  // namespace kumo::json

#endif  // KUMO_JSON_YAML_H_
