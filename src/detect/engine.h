// The detection engine: evaluates a compiled RuleSet over events.
//
// Rules are indexed by source and by the event names their condition
// requires (`ct.name = X`, `ct.name in (...)`, `gcp.methodName = ...`,
// `az.operation = ...`, through and/or/macros), so an event only meets the
// rules that can match it; the candidate lists keep file order. Rules whose
// condition does not pin an event name are evaluated for every event of
// their source. Evaluation allocates nothing once an EvalContext is warm.
#ifndef KUMO_DETECT_ENGINE_H_
#define KUMO_DETECT_ENGINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detect/event.h"
#include "detect/rules.h"

namespace kumo::detect {

// Falco's rule_matching: stop at the first matching rule, or report all.
enum class RuleMatching { kFirst, kAll };

class Engine {
 public:
  explicit Engine(std::unique_ptr<RuleSet> rules);

  // Sizes the context's field cache for this rule set.
  void Prepare(EvalContext* ctx) const;

  // Evaluates `ev` (already BeginEvent()-ed into `ctx`); appends the
  // indexes (into rules().rules()) of matching rules in evaluation order.
  void Evaluate(EvalContext& ctx, RuleMatching matching, std::vector<uint32_t>* matches) const;

  const RuleSet& rules() const { return *rules_; }
  // Enabled rules per source, and how many of them are indexed by name.
  size_t enabled_rules(Source s) const { return enabled_[static_cast<int>(s)]; }
  size_t indexed_rules(Source s) const { return indexed_[static_cast<int>(s)]; }

 private:
  struct SvHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct SourceIndex {
    std::vector<uint32_t> any_name;  // rules to run for every event name
    std::unordered_map<std::string, std::vector<uint32_t>, SvHash, std::equal_to<>> by_name;
  };
  std::unique_ptr<RuleSet> rules_;
  SourceIndex index_[kSourceCount];
  size_t enabled_[kSourceCount] = {};
  size_t indexed_[kSourceCount] = {};
  const FieldInfo* name_field_[kSourceCount] = {};
};

}  // namespace kumo::detect

#endif  // KUMO_DETECT_ENGINE_H_
