// One-line entry points for the commands that write to the store
// (`kumo scan --store`, `kumo detect --store`), and the ScanResult seam.
#include <algorithm>

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

Result<ScanSummary> PersistScan(std::string_view store_location, const scan::ScanResult& result,
                                const std::vector<std::string>& inputs) {
  auto store = OpenStore(DefaultStoreLocation(store_location));
  if (!store.ok()) return store.status();
  return (*store)->RecordScan(ScanInputFromResult(result, inputs));
}

Result<AlertBatchSummary> PersistAlerts(std::string_view store_location,
                                        std::span<const AlertRecord> alerts,
                                        int64_t window_seconds) {
  auto store = OpenStore(DefaultStoreLocation(store_location));
  if (!store.ok()) return store.status();
  return (*store)->RecordAlerts(alerts, window_seconds);
}

}  // namespace kumo::store
