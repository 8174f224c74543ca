// YAML -> Value for the Rego engine (METADATA blocks) and its conformance
// harness: yaml-cpp nodes converted with YAML 1.1 scalar resolution, keeping
// number text exact and quoted scalars as strings.
#ifndef KUMO_REGO_YAML_VALUE_H_
#define KUMO_REGO_YAML_VALUE_H_

#include <string>
#include <string_view>

#include "rego/rego.h"
#include "value/value.h"

namespace YAML {
class Node;
}

namespace kumo::rego {

// Converts one yaml-cpp node.
Value YamlNodeToValue(const YAML::Node& node);
// Parses one YAML document; on error returns false and sets *error.
bool ParseYamlText(std::string_view text, Value* out, std::string* error);

}  // namespace kumo::rego

#endif  // KUMO_REGO_YAML_VALUE_H_
