// Loading policies and data from files and directories, the way `opa eval
// -d` and `opa test` do: *.rego files become modules, *.json / *.yaml files
// become base documents placed under the path of their directory relative
// to the argument (a file named directly goes at the root).
#ifndef KUMO_REGO_LOADER_H_
#define KUMO_REGO_LOADER_H_

#include <string>
#include <vector>

#include "rego/rego.h"
#include "value/value.h"

namespace kumo::rego {

struct LoadedFiles {
  std::vector<ModuleSource> modules;
  Value data = Value::EmptyObject();
  std::vector<std::string> errors;  // "file: reason"
};

// Loads every path (file or directory, recursively). Modules get `version`.
LoadedFiles LoadPaths(const std::vector<std::string>& paths, RegoVersion version);

// Parses a JSON or YAML document from a file (by extension; JSON otherwise).
bool LoadDocument(const std::string& path, Value* out, std::string* error);

}  // namespace kumo::rego

#endif  // KUMO_REGO_LOADER_H_
