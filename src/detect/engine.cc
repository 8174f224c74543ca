#include "detect/engine.h"

#include <algorithm>
#include <set>

namespace kumo::detect {

Engine::Engine(std::unique_ptr<RuleSet> rules) : rules_(std::move(rules)) {
  const auto& rs = rules_->rules();
  std::vector<std::pair<std::set<std::string>, uint32_t>> named[kSourceCount];
  for (uint32_t i = 0; i < rs.size(); ++i) {
    const CompiledRule& r = rs[i];
    if (!r.enabled) continue;
    int s = static_cast<int>(r.source);
    ++enabled_[s];
    std::set<std::string> names;
    if (r.filter->RequiredEventNames(&names)) {
      ++indexed_[s];
      named[s].emplace_back(std::move(names), i);
    } else {
      index_[s].any_name.push_back(i);
    }
  }
  for (int s = 0; s < kSourceCount; ++s) {
    name_field_[s] = FindField(static_cast<Source>(s), EventNameField(static_cast<Source>(s)));
    SourceIndex& ix = index_[s];
    for (const auto& [names, idx] : named[s]) {
      for (const std::string& n : names) ix.by_name[n].push_back(idx);
    }
    // Each per-name list holds its rules plus the name-independent ones, in
    // file order, so evaluation is one linear pass.
    for (auto& [name, list] : ix.by_name) {
      list.insert(list.end(), ix.any_name.begin(), ix.any_name.end());
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
    }
  }
}

void Engine::Prepare(EvalContext* ctx) const { ctx->ResizeCache(rules_->slot_count() + 1); }

void Engine::Evaluate(EvalContext& ctx, RuleMatching matching,
                      std::vector<uint32_t>* matches) const {
  const int s = static_cast<int>(ctx.event().source);
  const SourceIndex& ix = index_[s];
  const std::vector<uint32_t>* cand = &ix.any_name;
  if (!ix.by_name.empty()) {
    // The event name is read into the last cache slot (not shared with
    // rule fields, whose slots are keyed by expression text).
    bool fresh;
    FieldValues* v = ctx.CacheSlot(rules_->slot_count(), &fresh);
    if (!fresh) name_field_[s]->extract(ctx, "", v);
    if (v->present()) {
      auto it = ix.by_name.find(v->items[0].s);
      if (it != ix.by_name.end()) cand = &it->second;
    }
  }
  const auto& rs = rules_->rules();
  for (uint32_t idx : *cand) {
    if (rs[idx].filter->Eval(ctx)) {
      matches->push_back(idx);
      if (matching == RuleMatching::kFirst) return;
    }
  }
}

}  // namespace kumo::detect
