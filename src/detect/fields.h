// Field tables: what a rule condition or output can read from an event.
//
// Each source has a static table of FieldInfo rows (name, type, argument
// kind, description, extractor function), as Falco plugins declare theirs.
// The cloudtrail and gcpaudit tables follow the Falco plugins' extraction
// rules (spec falco-rules.md §4); `azure_activity` is kumo's own (§5.3);
// the `evt.*` and `json.*` / `jevt.*` fields exist for every source.
// Adding a field means adding one row and one extractor.
#ifndef KUMO_DETECT_FIELDS_H_
#define KUMO_DETECT_FIELDS_H_

#include <span>
#include <string_view>

#include "detect/event.h"

namespace kumo::detect {

enum class FieldType : uint8_t { kString, kUint64 };
// Whether a field takes `[arg]`: none, a numeric index, or any key.
enum class ArgKind : uint8_t { kNone, kIndex, kKey };

// Extracts a field's values for the current event into `out` (left empty
// when absent). `arg` is the field argument ("" when none).
using Extractor = void (*)(EvalContext& ctx, std::string_view arg, FieldValues* out);

struct FieldInfo {
  std::string_view name;
  FieldType type;
  bool is_list;
  ArgKind arg;
  bool arg_required;
  bool hidden;
  std::string_view description;
  Extractor extract;
};

// The fields of `source` (its plugin's own table, then the common ones).
std::span<const FieldInfo> SourceFields(Source source);
// evt.*, json.* and jevt.*: available for every source.
std::span<const FieldInfo> CommonFields();
// A field of `source` by name (nullptr if unknown).
const FieldInfo* FindField(Source source, std::string_view name);
// "string" / "uint64", with "list" suffix for list fields.
std::string_view FieldTypeName(const FieldInfo& f);
// The field that names the event's operation for indexing: ct.name,
// gcp.methodName, az.operation.
std::string_view EventNameField(Source source);

}  // namespace kumo::detect

#endif  // KUMO_DETECT_FIELDS_H_
