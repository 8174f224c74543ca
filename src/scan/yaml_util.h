// Small helpers for reading kumo's own YAML files (kumo.yaml, mutelists)
// with yaml-cpp: a safe Load that never throws, and 1-based line numbers.
#ifndef KUMO_SCAN_YAML_UTIL_H_
#define KUMO_SCAN_YAML_UTIL_H_

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

#include "common/diagnostic.h"

namespace kumo::scan::yaml_util {

// Parses `text`; on a syntax error adds a diagnostic with `code` naming the
// file and line and returns false.
inline bool Load(std::string_view text, const std::string& file, const std::string& code,
                 YAML::Node* out, Diagnostics* diags) {
  try {
    *out = YAML::Load(std::string(text));
    return true;
  } catch (const YAML::Exception& e) {
    SourceLocation where;
    where.file = file;
    where.line = e.mark.line >= 0 ? static_cast<uint32_t>(e.mark.line) + 1 : 0;
    where.column = e.mark.column >= 0 ? static_cast<uint32_t>(e.mark.column) + 1 : 0;
    diags->Error(code, "not valid YAML: " + e.msg, where);
    return false;
  }
}

// 1-based line of `n` (0 when unknown).
inline uint32_t Line(const YAML::Node& n) {
  return n && n.Mark().line >= 0 ? static_cast<uint32_t>(n.Mark().line) + 1 : 0;
}

inline SourceLocation At(const std::string& file, const YAML::Node& n, std::string item = "") {
  SourceLocation where;
  where.file = file;
  where.line = Line(n);
  where.item = std::move(item);
  return where;
}

}  // namespace kumo::scan::yaml_util

#endif  // KUMO_SCAN_YAML_UTIL_H_
