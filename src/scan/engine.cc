// RunScan: the parallel evaluation of controls over an inventory.
//
// Plan: build every resource's `input` Value once (in parallel), index the
// resources by type, build data.kumo.resources once when some control reads
// it, then run a work queue of (control, chunk of resources) items on N
// threads. Workers record compact results (control index, resource index,
// status, and message/evidence only when not PASS); at the end the results
// are sorted by (control id, resource id) and turned into Findings with
// their product and mutes.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "json/json.h"
#include "scan/control.h"
#include "scan/mutelist.h"
#include "scan/ownership.h"
#include "scan/scan.h"

namespace kumo::scan {
namespace {

using Clock = std::chrono::steady_clock;

constexpr uint32_t kNoResource = UINT32_MAX;

struct Extra {
  std::string message;
  Value evidence;           // array of evidence values (null when none)
  std::string resource_id;  // account-scoped results: the id they name
};

// One (control, resource|account) outcome, kept small: PASS carries nothing else.
struct RawFinding {
  uint32_t control = 0;
  uint32_t resource = kNoResource;  // index into resources
  uint32_t account = 0;             // index into accounts (account-scoped)
  FindingStatus status = FindingStatus::kPass;
  std::unique_ptr<Extra> extra;
};

struct AccountKey {
  Provider provider;
  std::string account;
  bool operator<(const AccountKey& o) const {
    return provider != o.provider ? provider < o.provider : account < o.account;
  }
};

struct WorkItem {
  uint32_t control;
  // Resource-scoped: indices [begin, end) into by_type[type_slot].
  // Account-scoped: account indices [begin, end).
  uint32_t type_slot;
  uint32_t begin, end;
};

bool IsBudgetError(const rego::RegoErrors& errs) {
  for (const auto& e : errs.errors) {
    if (e.code.find("limit") != std::string::npos || e.code.find("timeout") != std::string::npos ||
        e.code.find("cancel") != std::string::npos ||
        e.message.find("timed out") != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::string ValueText(const Value& v) {
  if (v.is_string()) return std::string(v.as_string());
  return json::ToJson(v);
}

// A deny result item: a message string, or {msg, evidence?, resource_id?}.
struct DenyItem {
  std::string msg;
  Value evidence;
  std::string resource_id;
};

DenyItem ParseDenyItem(const Value& item) {
  DenyItem d;
  if (item.is_object()) {
    if (const Value* m = item.Find("msg"))
      d.msg = ValueText(*m);
    else
      d.msg = json::ToJson(item);
    if (const Value* e = item.Find("evidence")) d.evidence = *e;
    if (const Value* r = item.Find("resource_id"); r && r->is_string()) {
      d.resource_id = std::string(r->as_string());
    }
  } else {
    d.msg = ValueText(item);
  }
  return d;
}

// The items of the `deny` document: rows -> the set in the first expression.
bool DenyItems(const std::vector<rego::ResultRow>& rows, std::vector<Value>* out,
               std::string* err) {
  for (const auto& row : rows) {
    const Value* v = nullptr;
    if (!row.expressions.empty())
      v = &row.expressions[0];
    else if (!row.bindings.empty())
      v = &row.bindings[0].second;
    if (!v || v->is_null()) continue;
    if (!v->is_set() && !v->is_array()) {
      *err = std::string("`deny` must be a set of messages or objects, got ") +
             std::string(ValueKindName(v->kind()));
      return false;
    }
    for (const auto& it : v->items()) out->push_back(it);
  }
  return true;
}

void JoinInto(std::vector<DenyItem>& items, Extra* extra) {
  std::vector<Value> evidence;
  for (auto& d : items) {
    if (!extra->message.empty()) extra->message += "; ";
    extra->message += d.msg;
    if (!d.evidence.is_null()) evidence.push_back(d.evidence);
  }
  if (!evidence.empty()) extra->evidence = Value::Array(std::move(evidence));
}

int64_t NowUnix() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

template <typename Fn>
void ParallelFor(unsigned threads, size_t n, Fn fn) {
  if (threads <= 1 || n < 1024) {
    fn(0, n);
    return;
  }
  std::vector<std::thread> pool;
  size_t per = (n + threads - 1) / threads;
  for (unsigned t = 0; t < threads; ++t) {
    size_t b = t * per, e = std::min(n, b + per);
    if (b >= e) break;
    pool.emplace_back([&fn, b, e] { fn(b, e); });
  }
  for (auto& th : pool) th.join();
}

}  // namespace

bool ScanScope::Covers(const Finding& f) const {
  if (!std::binary_search(controls.begin(), controls.end(), f.control_id)) return false;
  if (!std::binary_search(accounts.begin(), accounts.end(), f.account)) return false;
  if (f.resource_type.empty() || f.resource_type == kAccountResourceType) return true;
  return std::binary_search(resource_types.begin(), resource_types.end(), f.resource_type);
}

Result<ScanResult> RunScan(const ControlSet& control_set, const std::vector<Resource>& resources,
                           const ScanOptions& options, Diagnostics* diags) {
  ScanResult result;
  result.started_at = options.now_unix ? options.now_unix : NowUnix();
  const auto& controls = control_set.controls();
  if (resources.size() >= kNoResource) return InvalidArgument("too many resources for one scan");
  unsigned threads =
      options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  auto t0 = Clock::now();

  // --- Inputs and indexes ---------------------------------------------------
  std::vector<Value> inputs(resources.size());
  ParallelFor(threads, resources.size(), [&](size_t b, size_t e) {
    for (size_t i = b; i < e; ++i) inputs[i] = resources[i].ToValue();
  });

  std::map<std::string, std::vector<uint32_t>> by_type;
  std::set<AccountKey> account_set;
  for (uint32_t i = 0; i < resources.size(); ++i) {
    by_type[resources[i].type].push_back(i);
    account_set.insert({resources[i].provider, resources[i].account});
  }
  std::vector<AccountKey> accounts(account_set.begin(), account_set.end());

  // rank[i]: position of resource i in resource-id order, so findings sort
  // by integer compares instead of string compares.
  std::vector<uint32_t> rank(resources.size());
  {
    std::vector<uint32_t> order(resources.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      int c = resources[a].id.compare(resources[b].id);
      return c != 0 ? c < 0 : a < b;
    });
    for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  }

  bool need_data = false;
  bool any_account_control = false;
  for (const auto& c : controls) {
    need_data |= c.uses_data_kumo;
    any_account_control |= c.account_scope;
  }
  Value data;
  if (need_data) {
    std::vector<ObjectEntry> type_entries;
    for (const auto& [type, idx] : by_type) {
      std::vector<ObjectEntry> items;
      items.reserve(idx.size());
      for (uint32_t i : idx) items.emplace_back(Value::String(resources[i].id), inputs[i]);
      size_t before = items.size();
      Value obj = Value::Object(std::move(items));
      if (obj.size() != before) {
        diags->Warning("duplicate_resource_id",
                       std::to_string(before - obj.size()) + " resources of type " + type +
                           " share an id with another; data.kumo keeps one of each");
      }
      type_entries.emplace_back(Value::String(type), std::move(obj));
    }
    data = Value::Object(
        {{Value::String("kumo"),
          Value::Object({{Value::String("resources"), Value::Object(std::move(type_entries))}})}});
  }
  std::unordered_map<std::string_view, uint32_t> by_id;
  if (any_account_control) {
    by_id.reserve(resources.size());
    for (uint32_t i = 0; i < resources.size(); ++i) by_id.emplace(resources[i].id, i);
  }

  // Typo guard: control types no loaded resource has.
  {
    std::set<std::string> unseen;
    for (const auto& c : controls) {
      for (const auto& t : c.resource_types) {
        if (!by_type.count(t)) unseen.insert(t);
      }
    }
    if (!unseen.empty() && !resources.empty()) {
      // Name a few; the full list is in --list-controls, and a long line here
      // would bury the summary on every scan of a partial inventory.
      constexpr size_t kShown = 8;
      std::string list;
      size_t shown = 0;
      for (const auto& t : unseen) {
        if (shown++ == kShown) break;
        list += (list.empty() ? "" : ", ") + t;
      }
      if (unseen.size() > kShown)
        list += ", ... and " + std::to_string(unseen.size() - kShown) + " more";
      diags->Add({"control_type_unseen",
                  Severity::kInfo,
                  std::to_string(unseen.size()) +
                      " resource type(s) named by controls appear in no loaded resource (not in "
                      "this inventory, or a typo): " +
                      list,
                  {}});
    }
  }

  // --- Work items -------------------------------------------------------------
  std::vector<std::vector<uint32_t>> type_lists;  // slot -> resource indices
  std::map<std::string, uint32_t> type_slot;
  std::vector<WorkItem> work;
  const uint32_t chunk = static_cast<uint32_t>(std::max<size_t>(1, options.chunk_size));
  std::set<std::string> scope_types;
  for (uint32_t ci = 0; ci < controls.size(); ++ci) {
    const Control& c = controls[ci];
    if (!c.deny) continue;
    if (c.account_scope) {
      // An account-scoped control sees the whole inventory (data.kumo) and may
      // attach findings to any resource, so every type is in scope.
      for (const auto& [t, _] : by_type) scope_types.insert(t);
      std::vector<uint32_t> mine;
      for (uint32_t a = 0; a < accounts.size(); ++a) {
        if (c.provider == Provider::kUnknown || accounts[a].provider == c.provider)
          mine.push_back(a);
      }
      // Account items index into `mine` via a dedicated slot.
      uint32_t slot = static_cast<uint32_t>(type_lists.size());
      type_lists.push_back(std::move(mine));
      for (uint32_t b = 0; b < type_lists[slot].size(); b += chunk) {
        work.push_back({ci, slot, b, std::min<uint32_t>(b + chunk, type_lists[slot].size())});
      }
      continue;
    }
    for (const auto& t : c.resource_types) {
      auto it = by_type.find(t);
      if (it == by_type.end()) continue;
      scope_types.insert(t);
      auto [slot_it, inserted] = type_slot.emplace(t, static_cast<uint32_t>(type_lists.size()));
      if (inserted) type_lists.push_back(it->second);
      uint32_t slot = slot_it->second;
      for (uint32_t b = 0; b < type_lists[slot].size(); b += chunk) {
        work.push_back({ci, slot, b, std::min<uint32_t>(b + chunk, type_lists[slot].size())});
      }
    }
  }
  auto t1 = Clock::now();
  result.stats.index_seconds = std::chrono::duration<double>(t1 - t0).count();

  // --- Evaluation ---------------------------------------------------------------
  std::vector<std::atomic<uint32_t>> budget_failures(controls.size());
  std::atomic<size_t> next{0};
  std::atomic<uint64_t> done{0};
  std::atomic<uint64_t> evaluations{0};
  std::vector<std::vector<RawFinding>> per_thread(threads);
  std::mutex progress_mu;

  rego::EvalOptions eopts;
  eopts.max_steps = options.max_steps;
  eopts.timeout = options.control_timeout;
  eopts.data = need_data ? &data : nullptr;
  eopts.now_ns = options.now_unix ? options.now_unix * 1'000'000'000 : 0;

  auto worker = [&](unsigned tid) {
    auto& out = per_thread[tid];
    std::vector<Value> items;
    std::vector<DenyItem> parsed;
    uint64_t local_evals = 0;
    for (;;) {
      size_t w = next.fetch_add(1, std::memory_order_relaxed);
      if (w >= work.size()) break;
      const WorkItem& item = work[w];
      const Control& c = controls[item.control];
      const auto& list = type_lists[item.type_slot];
      for (uint32_t k = item.begin; k < item.end; ++k) {
        RawFinding rf;
        rf.control = item.control;
        Value account_input;
        const Value* input;
        if (c.account_scope) {
          rf.account = list[k];
          const AccountKey& ak = accounts[rf.account];
          account_input =
              Value::Object({{Value::String("provider"), Value::String(ProviderName(ak.provider))},
                             {Value::String("account"), Value::String(ak.account)}});
          input = &account_input;
        } else {
          rf.resource = list[k];
          input = &inputs[rf.resource];
        }
        if (budget_failures[item.control].load(std::memory_order_relaxed) >=
            options.max_budget_failures_per_control) {
          rf.status = FindingStatus::kError;
          rf.extra = std::make_unique<Extra>();
          rf.extra->message = "control not evaluated: it exceeded its step/time budget on " +
                              std::to_string(options.max_budget_failures_per_control) +
                              " resources in this scan";
          out.push_back(std::move(rf));
          continue;
        }
        ++local_evals;
        auto rows = c.deny->Eval(*input, eopts);
        items.clear();
        std::string err;
        if (!rows.ok() || !DenyItems(*rows.value, &items, &err)) {
          if (!rows.ok() && IsBudgetError(rows.errors)) {
            budget_failures[item.control].fetch_add(1, std::memory_order_relaxed);
          }
          rf.status = FindingStatus::kError;
          rf.extra = std::make_unique<Extra>();
          rf.extra->message = rows.ok() ? err : rows.errors.ToString();
          out.push_back(std::move(rf));
          continue;
        }
        if (items.empty()) {
          out.push_back(std::move(rf));
          continue;
        }
        parsed.clear();
        for (const auto& v : items) parsed.push_back(ParseDenyItem(v));
        if (!c.account_scope) {
          rf.status = FindingStatus::kFail;
          rf.extra = std::make_unique<Extra>();
          JoinInto(parsed, rf.extra.get());
          out.push_back(std::move(rf));
          continue;
        }
        // Account-scoped: one finding per named resource (default: the account).
        std::map<std::string, std::vector<DenyItem>> groups;
        for (auto& d : parsed) {
          std::string key = d.resource_id.empty() ? accounts[rf.account].account : d.resource_id;
          groups[key].push_back(std::move(d));
        }
        for (auto& [rid, ds] : groups) {
          RawFinding g;
          g.control = rf.control;
          g.account = rf.account;
          g.status = FindingStatus::kFail;
          g.extra = std::make_unique<Extra>();
          g.extra->resource_id = rid;
          JoinInto(ds, g.extra.get());
          out.push_back(std::move(g));
        }
      }
      uint64_t d = done.fetch_add(1, std::memory_order_relaxed) + 1;
      if (options.progress) {
        std::lock_guard<std::mutex> lock(progress_mu);
        options.progress(d, work.size());
      }
    }
    evaluations.fetch_add(local_evals, std::memory_order_relaxed);
  };
  {
    unsigned n = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(1, work.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(worker, t);
    worker(0);
    for (auto& th : pool) th.join();
  }
  auto t2 = Clock::now();
  result.stats.eval_seconds = std::chrono::duration<double>(t2 - t1).count();
  result.stats.evaluations = evaluations.load();
  result.stats.resources = resources.size();

  // --- Order ---------------------------------------------------------------------
  std::vector<RawFinding> raw;
  {
    size_t total = 0;
    for (auto& v : per_thread) total += v.size();
    raw.reserve(total);
    for (auto& v : per_thread) {
      for (auto& r : v) raw.push_back(std::move(r));
      std::vector<RawFinding>().swap(v);
    }
  }
  auto rid_of = [&](const RawFinding& r) -> std::string_view {
    if (r.resource != kNoResource) return resources[r.resource].id;
    if (r.extra && !r.extra->resource_id.empty()) return r.extra->resource_id;
    return accounts[r.account].account;
  };
  std::sort(raw.begin(), raw.end(), [&](const RawFinding& a, const RawFinding& b) {
    if (a.control != b.control) return a.control < b.control;
    if (a.resource != kNoResource && b.resource != kNoResource)
      return rank[a.resource] < rank[b.resource];
    int c = rid_of(a).compare(rid_of(b));
    if (c != 0) return c < 0;
    return a.account < b.account;
  });

  // --- Findings ------------------------------------------------------------------
  std::vector<std::vector<std::string>> framework_refs(controls.size());
  std::set<std::string> scope_controls;
  for (size_t i = 0; i < controls.size(); ++i) {
    framework_refs[i] = controls[i].FrameworkRefs();
    if (controls[i].deny) scope_controls.insert(controls[i].id);
  }
  static const std::map<std::string, std::string> kNoTags;
  if (!options.sink) result.findings.reserve(raw.size());
  for (auto& r : raw) {
    const Control& c = controls[r.control];
    Finding f;
    f.control_id = c.id;
    f.control_title = c.title;
    f.severity = c.severity;
    f.frameworks = framework_refs[r.control];
    f.remediation = c.remediation;
    f.status = r.status;
    f.original_status = r.status;
    const std::map<std::string, std::string>* tags = &kNoTags;
    const Resource* res = nullptr;
    if (r.resource != kNoResource) {
      res = &resources[r.resource];
    } else if (r.extra && !r.extra->resource_id.empty() &&
               r.extra->resource_id != accounts[r.account].account) {
      auto it = by_id.find(r.extra->resource_id);
      if (it != by_id.end()) res = &resources[it->second];
    }
    if (res) {
      f.resource_id = res->id;
      f.resource_type = res->type;
      f.provider = res->provider;
      f.account = res->account;
      f.region = res->region;
      tags = &res->tags;
    } else {
      const AccountKey& ak = accounts[r.account];
      f.resource_id = std::string(rid_of(r));
      f.resource_type = std::string(kAccountResourceType);
      f.provider = ak.provider;
      f.account = ak.account;
      f.region = "global";
    }
    if (r.extra) {
      f.message = std::move(r.extra->message);
      f.evidence = std::move(r.extra->evidence);
      r.extra.reset();
    }
    if (options.ownership) {
      if (const Product* p = options.ownership->Match(f.provider, f.account, *tags)) {
        f.product = p->name;
        f.owner = p->champion;
      }
    }
    if (options.mutelist) {
      if (const MuteRule* m = options.mutelist->Match(f, *tags)) Mutelist::Apply(*m, &f);
    }
    switch (f.status) {
      case FindingStatus::kPass: ++result.stats.pass; break;
      case FindingStatus::kFail: ++result.stats.fail; break;
      case FindingStatus::kMuted: ++result.stats.muted; break;
      case FindingStatus::kError: ++result.stats.error; break;
    }
    if (options.sink)
      options.sink(f);
    else
      result.findings.push_back(std::move(f));
  }

  // --- Scope ---------------------------------------------------------------------
  std::set<std::string> providers;
  std::set<std::string> account_ids;
  for (const auto& a : accounts) {
    providers.insert(std::string(ProviderName(a.provider)));
    account_ids.insert(a.account);
  }
  result.scope.providers.assign(providers.begin(), providers.end());
  result.scope.accounts.assign(account_ids.begin(), account_ids.end());
  result.scope.resource_types.assign(scope_types.begin(), scope_types.end());
  result.scope.controls.assign(scope_controls.begin(), scope_controls.end());
  result.control_set = result.scope.controls;
  result.stats.controls = scope_controls.size();
  result.finished_at = options.now_unix ? options.now_unix : NowUnix();
  return result;
}

}  // namespace kumo::scan
