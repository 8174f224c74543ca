// Falco rules files: reader -> collector -> compiler (spec falco-rules.md §1).
//
// RulesLoader reads YAML rules files in order (AddFile / AddText): each
// item is classified (required_engine_version, required_plugin_versions,
// list, macro, rule), checked, and collected with Falco's merge rules
// (redefinition in place, `append`, `override: {key: append|replace}`,
// enable toggles, exception merging). Compile() then expands lists, parses
// macros and rule conditions, joins exceptions, binds fields of each rule's
// source and compiles outputs. Problems are collected as Diagnostics
// (Falco's LOAD_* codes, file, line, item), never thrown; loading of one
// file stops at its first error, as in Falco.
//
// The resulting RuleSet is immutable and shareable between threads.
#ifndef KUMO_DETECT_RULES_H_
#define KUMO_DETECT_RULES_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostic.h"
#include "detect/filter.h"
#include "detect/output.h"

namespace kumo::detect {

// Versions kumo declares itself compatible with (spec: Falco engine
// 0.63.0, cloudtrail 0.17.1, gcpaudit 0.8.1, json 0.7).
inline constexpr std::string_view kEngineVersion = "0.63.0";
struct PluginVersion {
  std::string_view name;
  std::string_view version;
};
inline constexpr PluginVersion kPluginVersions[] = {
    {"cloudtrail", "0.17.1"}, {"gcpaudit", "0.8.1"}, {"json", "0.7.0"}};

struct LoadOptions {
  // Rules less severe than this are dropped (Falco's `priority:` setting).
  Priority min_priority = Priority::kDebug;
};

struct CompiledRule {
  std::string name;
  std::string desc;
  std::string condition;  // final text: exceptions joined, before list expansion
  std::string output;
  Priority priority = Priority::kDebug;
  Source source = Source::kAwsCloudTrail;
  bool enabled = true;
  std::vector<std::string> tags;  // sorted, unique
  std::string file;
  uint32_t line = 0;
  std::unique_ptr<Filter> filter;
  OutputTemplate output_template;
};

class RuleSet {
 public:
  // Every compiled rule in evaluation order (disabled ones included).
  const std::vector<CompiledRule>& rules() const { return rules_; }
  // Number of field-cache slots an EvalContext needs.
  size_t slot_count() const { return slot_count_; }

 private:
  friend class RulesLoader;
  std::vector<CompiledRule> rules_;
  size_t slot_count_ = 0;
};

// Semver "a.b.c" compatibility: same major and at least `required`.
bool SemverCompatible(std::string_view have, std::string_view required);

class RulesLoader {
 public:
  explicit RulesLoader(LoadOptions options = {});
  ~RulesLoader();

  // Reads and collects one rules file. Errors become diagnostics.
  void AddFile(const std::string& path);
  // Collects rules from memory; `name` is used as the file name.
  void AddText(const std::string& name, std::string_view text);
  // Compiles everything collected. Returns nullptr when there are errors
  // (see diagnostics()).
  std::unique_ptr<RuleSet> Compile();

  const Diagnostics& diagnostics() const { return diags_; }

  struct State;  // collected items (rules.cc)

 private:
  LoadOptions options_;
  Diagnostics diags_;
  std::unique_ptr<State> state_;
};

}  // namespace kumo::detect

#endif  // KUMO_DETECT_RULES_H_
