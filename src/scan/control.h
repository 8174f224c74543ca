// Controls: loading, validating, selecting and compiling `.rego` controls.
//
// A control is a Rego module whose `# METADATA` block carries the custom
// keys of docs/controls.md (id, severity, resource_types | scope: account,
// frameworks, remediation; plus title and description). LoadControls reads
// every `.rego` file under the given directories (`*_test.rego` excluded),
// validates the metadata (every problem names the file and the key, and the
// bad control is skipped while the others load), and keeps modules without
// METADATA as helper libraries that controls may import.
//
// Selection (--controls, --provider, --framework, --severity) happens on
// the metadata, before anything is compiled, so a narrow scan compiles only
// what it runs. Compile() then builds one immutable rego::Program for all
// selected controls and their libraries (shared by all threads) and prepares
// `data.<package>.deny` once per control. A control whose module does not
// compile is dropped with a diagnostic; the rest still compile.
#ifndef KUMO_SCAN_CONTROL_H_
#define KUMO_SCAN_CONTROL_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/diagnostic.h"
#include "common/status.h"
#include "model/finding.h"
#include "model/resource.h"
#include "rego/rego.h"

namespace kumo::scan {

// One control's metadata plus, once compiled, its prepared `deny` query.
struct Control {
  std::string id;
  std::string title;
  std::string description;
  Severity5 severity = Severity5::kInfo;
  Provider provider = Provider::kUnknown;   // from the package / resource types
  std::vector<std::string> resource_types;  // empty when account_scope
  bool account_scope = false;
  // framework id -> requirement ids, e.g. "cis-aws-7.0" -> ["2.1.4"].
  std::map<std::string, std::vector<std::string>> frameworks;
  std::string remediation;  // docs/kaizen/<ID>.md
  std::string package;      // "kumo.aws.s3.block_public_access"
  std::string file;         // path it was loaded from
  bool builtin = false;     // from the built-in packs
  std::string text;         // the module source
  // Set by ControlSet::Compile.
  std::shared_ptr<const rego::PreparedQuery> deny;
  // Whether the module refers to data.kumo (then the scan builds the index).
  bool uses_data_kumo = false;

  // "framework:requirement" strings, sorted: "cis-aws-7.0:2.1.4".
  std::vector<std::string> FrameworkRefs() const;
};

// Where controls come from.
struct ControlSource {
  std::string dir;  // a directory searched recursively, or one .rego file
  bool builtin = false;
};

// Which controls to run; an empty field selects everything.
struct ControlFilter {
  std::set<std::string> ids;         // --controls (exact ids)
  std::set<Provider> providers;      // --provider
  std::set<std::string> frameworks;  // --framework: framework id or prefix ("cis-aws")
  // --severity: a minimum ("high" = high and critical).
  bool has_min_severity = false;
  Severity5 min_severity = Severity5::kInfo;

  bool Matches(const Control& c) const;
};

// Whether `type` follows its provider's naming: AWS `AWS::Svc::Kind`, GCP
// `svc.googleapis.com/Kind`, Azure lower-case `microsoft.x/y[/z]`. Sets
// *provider from the shape.
bool IsWellFormedResourceType(std::string_view type, Provider* provider);

// Parses the `# METADATA` block and package of one module. Returns false and
// adds diagnostics (code "control_metadata", naming file and key) when the
// module is not a valid control; *is_library is set when it has no METADATA
// block with a `custom.id` at all (a helper module, not an error).
bool ParseControl(const std::string& file, const std::string& text, Control* out, bool* is_library,
                  Diagnostics* diags);

// The set of loaded controls. Immutable once compiled; shared by threads.
class ControlSet {
 public:
  // Reads every .rego under `sources` (recursively, sorted, `_test.rego`
  // skipped). Invalid controls and duplicate ids are reported in `diags`
  // and skipped; a missing directory is an error diagnostic too.
  static ControlSet Load(const std::vector<ControlSource>& sources, Diagnostics* diags);
  // Builds from in-memory modules (tests): (filename, text) pairs.
  static ControlSet FromModules(const std::vector<std::pair<std::string, std::string>>& modules,
                                Diagnostics* diags);

  // Adds a control whose `deny` query is already prepared (embedders and
  // tests that bring their own query). A duplicate id is reported and skipped.
  void AddPrepared(Control c, Diagnostics* diags);

  // Keeps only the controls `filter` selects. Ids named in the filter that
  // match no loaded control are reported as errors.
  void Select(const ControlFilter& filter, Diagnostics* diags);

  // Compiles the selected controls (and all library modules) into one
  // program and prepares each control's `deny`. Controls that fail to
  // compile or prepare are removed with an error diagnostic.
  void Compile(Diagnostics* diags);

  const std::vector<Control>& controls() const { return controls_; }
  // Index by id, or nullptr.
  const Control* Find(std::string_view id) const;
  bool compiled() const { return program_ != nullptr; }
  // Modules that were compiled (controls + libraries), for diagnostics.
  size_t module_count() const { return controls_.size() + libraries_.size(); }

 private:
  void Add(Control c, Diagnostics* diags);

  std::vector<Control> controls_;  // sorted by id
  std::vector<rego::ModuleSource> libraries_;
  std::shared_ptr<const rego::Program> program_;
};

// The built-in policies directory: --policies-builtin, else $KUMO_DATA_DIR
// (+"/policies"), else the source tree's policies/ when running from a build
// tree, else the installed <prefix>/share/kumo/policies. Empty when none exists.
std::string FindBuiltinPolicies(const std::string& flag_value);

}  // namespace kumo::scan

#endif  // KUMO_SCAN_CONTROL_H_
