// One-line entry points for the commands that write to the store
// (`kumo scan --store`, `kumo detect --store`), and the ScanResult seam.
#include <algorithm>
#include <unordered_map>

#include "model/resource.h"
#include "scan/ownership.h"
#include "scan/scan.h"
#include "store/store.h"

namespace kumo::store {

ScanInput ScanInputFromResult(const scan::ScanResult& result, std::vector<std::string> inputs) {
  ScanInput in;
  in.started_at = result.started_at;
  in.finished_at = result.finished_at;
  // The scan reports providers and accounts separately; account ids do not
  // repeat across providers in practice, and pairs that were not scanned
  // hold no findings to resolve.
  for (const auto& p : result.scope.providers) {
    for (const auto& a : result.scope.accounts) in.scope.accounts.emplace_back(p, a);
  }
  in.scope.resource_types = result.scope.resource_types;
  in.scope.controls = result.scope.controls;
  in.inputs = std::move(inputs);
  in.control_set = result.control_set;
  in.findings = std::span<const Finding>(result.findings);
  return in;
}

std::vector<ProductRecord> ProductsFromOwnership(const scan::Ownership& ownership) {
  std::vector<ProductRecord> out;
  for (const scan::Product& p : ownership.products()) {
    ProductRecord r;
    r.name = p.name;
    if (!p.champion.empty()) r.champions.push_back(p.champion);
    r.slack_channel = p.slack_channel;
    r.jira_project = p.jira_project;
    for (const auto& a : p.accounts) r.rules.emplace_back("account", a);
    for (const auto& s : p.subscriptions) r.rules.emplace_back("subscription", s);
    for (const auto& g : p.projects) r.rules.emplace_back("project", g);
    for (const auto& [k, v] : p.tags) r.rules.emplace_back("tag", k + "=" + v);
    out.push_back(std::move(r));
  }
  return out;
}

Result<ScanSummary> PersistScan(std::string_view store_location, const scan::ScanResult& result,
                                const std::vector<std::string>& inputs,
                                const PersistContext& context) {
  auto store = OpenStore(DefaultStoreLocation(store_location));
  if (!store.ok()) return store.status();
  if (context.ownership) {
    KUMO_RETURN_IF_ERROR((*store)->ReplaceProducts(ProductsFromOwnership(*context.ownership)));
  }
  ScanInput in = ScanInputFromResult(result, inputs);
  std::unordered_map<std::string_view, const std::map<std::string, std::string>*> tags;
  if (context.resources) {
    for (const Resource& r : *context.resources) {
      if (!r.tags.empty()) tags.emplace(r.id, &r.tags);
    }
  }
  if (!tags.empty()) {
    in.tags_of = [&tags](const Finding& f) -> const std::map<std::string, std::string>* {
      auto it = tags.find(f.resource_id);
      return it == tags.end() ? nullptr : it->second;
    };
  }
  return (*store)->RecordScan(in);
}

Result<AlertBatchSummary> PersistAlerts(std::string_view store_location,
                                        std::span<const AlertRecord> alerts,
                                        int64_t window_seconds) {
  auto store = OpenStore(DefaultStoreLocation(store_location));
  if (!store.ok()) return store.status();
  return (*store)->RecordAlerts(alerts, window_seconds);
}

}  // namespace kumo::store
