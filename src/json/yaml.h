// YAML -> Value, keeping line numbers for diagnostics (yaml-cpp underneath).
//
// Scalar resolution follows what OPA does (sigs.k8s.io/yaml over go-yaml
// v2), so that a policy sees the same data under kumo as under OPA:
//  - plain null, Null, NULL, ~ and empty are null;
//  - plain true/True/TRUE/false/False/FALSE and the YAML 1.1 booleans
//    y/Y/yes/Yes/YES/n/N/no/No/NO/on/On/ON/off/Off/OFF are booleans
//    (quote them to keep a string);
//  - plain integers (decimal, 0x hex, 0o or leading-zero octal, with '_'
//    separators) and floats are numbers; decimal text is kept exactly
//    (only '+', '_' and leading zeros are normalised away), hex and octal
//    become their decimal value;
//  - .inf/.nan stay strings (JSON has no such numbers);
//  - timestamps stay strings; quoted scalars are always strings;
//  - explicit !!str, !!int, !!float, !!bool, !!null tags are honoured;
//    other tags (e.g. CloudFormation !Ref) are ignored and the content kept;
//  - non-string map keys become their text ("1", "true"); "<<" merge keys
//    are expanded, explicit keys winning.
#ifndef KUMO_JSON_YAML_H_
#define KUMO_JSON_YAML_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "value/value.h"

namespace YAML {
class Node;
}  // namespace YAML

namespace kumo::json {

// Parses all documents of a YAML stream. Scalars become strings, numbers,
// booleans or null by YAML 1.1/1.2 core-schema resolution (quoted scalars
// stay strings; number text is kept exactly). Errors carry "file:line:col".
Result<std::vector<Value>> ParseYamlDocuments(std::string_view text, const std::string& file = "");
// Exactly one document (an empty stream is null).
Result<Value> ParseYaml(std::string_view text, const std::string& file = "");

// Converts a node that a caller loaded with yaml-cpp itself (same rules as
// above). Errors carry "file:line:col".
Result<Value> YamlToValue(const YAML::Node& node, const std::string& file = "");
// 1-based line and column of a node (0 when unknown), for diagnostics of
// loaders that walk YAML::Node directly (e.g. Falco rules).
uint32_t YamlLine(const YAML::Node& node);
uint32_t YamlColumn(const YAML::Node& node);

}  // namespace kumo::json

#endif  // KUMO_JSON_YAML_H_
