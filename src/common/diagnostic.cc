#include "common/diagnostic.h"

#include <fmt/format.h>

namespace kumo {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "error";
}

std::string Diagnostic::ToString() const {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line) {
      out += fmt::format(":{}", where.line);
      if (where.column) out += fmt::format(":{}", where.column);
    }
    out += ": ";
  }
  if (where.record) out += fmt::format("record {}: ", where.record);
  out += fmt::format("{}[{}]: {}", SeverityName(severity), code, message);
  if (!where.item.empty()) out += fmt::format(" ({})", where.item);
  return out;
}

void Diagnostics::Add(Diagnostic d) {
  if (d.severity == Severity::kError) ++errors_;
  if (d.severity == Severity::kWarning) ++warnings_;
  items_.push_back(std::move(d));
}

void Diagnostics::Error(std::string code, std::string message, SourceLocation where) {
  Add({std::move(code), Severity::kError, std::move(message), std::move(where)});
}

void Diagnostics::Warning(std::string code, std::string message, SourceLocation where) {
  Add({std::move(code), Severity::kWarning, std::move(message), std::move(where)});
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const auto& d : other.items_) Add(d);
}

void Diagnostics::clear() {
  items_.clear();
  errors_ = warnings_ = 0;
}

}  // namespace kumo
