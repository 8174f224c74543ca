// Rule outputs: `%field` templates and alert formatting (spec §3).
//
// An OutputTemplate is compiled once per rule: literal text plus `%tokens`
// (a field with optional argument, or a transformer, with an optional
// leading width). It is rendered only for matching events, with "<NA>" for
// absent values. FormatAlertText / FormatAlertJson print an alert the way
// Falco does: `HH:MM:SS.nnnnnnnnn: Priority output` or a JSON object with
// Falco's keys (time, rule, priority, source, tags, hostname, output,
// output_fields).
#ifndef KUMO_DETECT_OUTPUT_H_
#define KUMO_DETECT_OUTPUT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detect/filter.h"

namespace kumo::detect {

// Rule priorities, most severe first (Falco order).
enum class Priority : uint8_t {
  kEmergency = 0,
  kAlert,
  kCritical,
  kError,
  kWarning,
  kNotice,
  kInformational,
  kDebug
};
// Case-insensitive; accepts "info" for informational.
bool ParsePriority(std::string_view s, Priority* out);
// "Emergency", ..., "Warning", "Notice", "Info", "Debug" (Falco's short print form).
std::string_view PriorityName(Priority p);

class OutputTemplate {
 public:
  OutputTemplate() = default;
  OutputTemplate(OutputTemplate&&) noexcept = default;
  OutputTemplate& operator=(OutputTemplate&&) noexcept = default;

  // Compiles `text` for `opts.source`. Errors name the token.
  static bool Compile(std::string_view text, const CompileOptions& opts, OutputTemplate* out,
                      CompileError* err);
  // Renders the template for the current event of `ctx`.
  void Render(EvalContext& ctx, std::string* out) const;
  // The %fields as JSON members `"name":value` (null when absent, numbers
  // for uint64 fields), in template order without duplicates.
  void RenderFieldsJson(EvalContext& ctx, std::string* out) const;

 private:
  struct Piece {
    std::string literal;
    std::unique_ptr<OutputValue> value;
    size_t width = 0;
  };
  std::vector<Piece> pieces_;
};

// One match, ready to print.
struct Alert {
  int64_t time_ns = 0;
  std::string_view rule;
  Priority priority = Priority::kDebug;
  std::string_view source;
  const std::vector<std::string>* tags = nullptr;
  std::string_view hostname;
  std::string output;
  std::string output_fields_json;  // members of the output_fields object
};

// "HH:MM:SS.nnnnnnnnn: Priority output\n"
void FormatAlertText(const Alert& a, std::string* out);
// One JSON object and a newline.
void FormatAlertJson(const Alert& a, std::string* out);

}  // namespace kumo::detect

#endif  // KUMO_DETECT_OUTPUT_H_
