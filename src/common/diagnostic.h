// Diagnostics: what loaders and compilers report about their input.
//
// A loader does not stop at the first problem: it collects Diagnostics
// (code, severity, message and where: file, line, column, record number,
// item) and goes on with the rest of the input. The CLI prints them to
// stderr and counts them in its summary; tests assert on them.
#ifndef KUMO_COMMON_DIAGNOSTIC_H_
#define KUMO_COMMON_DIAGNOSTIC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kumo {

enum class Severity { kError, kWarning, kInfo };

std::string_view SeverityName(Severity s);

// Where in the input something happened. Zero means "not known".
struct SourceLocation {
  std::string file;
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based
  uint64_t record = 0;  // 1-based record number within the file
  std::string item;     // e.g. rule or control name, resource id
};

struct Diagnostic {
  std::string code;  // stable machine-readable code, e.g. "json_parse_error"
  Severity severity = Severity::kError;
  std::string message;
  SourceLocation where;

  // "file:line:col: record N: error[code]: message (item)"
  std::string ToString() const;
};

// A collected list of diagnostics with counts by severity.
class Diagnostics {
 public:
  void Add(Diagnostic d);
  void Error(std::string code, std::string message, SourceLocation where = {});
  void Warning(std::string code, std::string message, SourceLocation where = {});
  void Append(const Diagnostics& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  size_t error_count() const { return errors_; }
  size_t warning_count() const { return warnings_; }
  bool has_errors() const { return errors_ > 0; }
  bool empty() const { return items_.empty(); }
  void clear();

 private:
  std::vector<Diagnostic> items_;
  size_t errors_ = 0;
  size_t warnings_ = 0;
};

}  // namespace kumo

#endif  // KUMO_COMMON_DIAGNOSTIC_H_
