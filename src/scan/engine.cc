// RunScan: the parallel evaluation of controls over an inventory.
//
// Plan: index the resources by type (each list in resource-id order), build
// every resource's `input` Value once (in parallel, sharing the nodes of
// repeated strings), build data.kumo.resources once when some control reads
// it, then run a work queue of (control, chunk of resources) items on N
// threads. Workers record compact results (control index, resource index,
// status, and message/evidence only when not PASS) per work item; the
// calling thread turns each control's results into Findings (product,
// mutes) and hands them to the sink as soon as all its items are done, in
// (control id, resource id) order, so results never pile up for the whole
// scan.
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

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

uint64_t ThreadCpuNanos() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000u + static_cast<uint64_t>(ts.tv_nsec);
}

// Sorts on two threads (halves, then a merge) when there is enough to sort.
template <typename Less>
void ParallelSort(unsigned threads, std::vector<uint32_t>* v, Less less) {
  if (threads <= 1 || v->size() < 65536) {
    std::sort(v->begin(), v->end(), less);
    return;
  }
  auto mid = v->begin() + static_cast<std::ptrdiff_t>(v->size() / 2);
  std::thread other([&] { std::sort(v->begin(), mid, less); });
  std::sort(mid, v->end(), less);
  other.join();
  std::inplace_merge(v->begin(), mid, v->end(), less);
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
  const uint32_t n_res = static_cast<uint32_t>(resources.size());
  unsigned threads =
      options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  auto t0 = Clock::now();

  // --- Indexes ----------------------------------------------------------------
  // order: resource indices in resource-id order (ties by index); rank is its
  // inverse, so findings sort by integer compares instead of string compares.
  std::vector<uint32_t> order(n_res);
  for (uint32_t i = 0; i < n_res; ++i) order[i] = i;
  ParallelSort(threads, &order, [&](uint32_t a, uint32_t b) {
    int c = resources[a].id.compare(resources[b].id);
    return c != 0 ? c < 0 : a < b;
  });
  std::vector<uint32_t> rank(n_res);
  for (uint32_t r = 0; r < n_res; ++r) rank[order[r]] = r;

  // by_type lists are in id order: data.kumo's objects are then built
  // without sorting, and a single-type control's findings come out sorted.
  std::map<std::string_view, std::vector<uint32_t>> by_type;
  std::set<AccountKey> account_set;
  for (uint32_t i : order) {
    const Resource& r = resources[i];
    by_type[r.type].push_back(i);
    if (account_set.empty() || account_set.rbegin()->provider != r.provider ||
        account_set.rbegin()->account != r.account) {
      account_set.insert({r.provider, r.account});
    }
  }
  std::vector<AccountKey> accounts(account_set.begin(), account_set.end());
  // The first resource with a given id (what an account-scoped result names).
  auto find_by_id = [&](std::string_view id) -> const Resource* {
    auto it = std::lower_bound(order.begin(), order.end(), id,
                               [&](uint32_t a, std::string_view v) { return resources[a].id < v; });
    return it != order.end() && resources[*it].id == id ? &resources[*it] : nullptr;
  };
  auto index_of = [&](const Resource* r) { return static_cast<uint32_t>(r - resources.data()); };

  // --- Input documents ----------------------------------------------------------
  // One shared node per distinct type, account, source file and format
  // instead of a copy in each of millions of documents.
  std::map<std::string_view, Value> type_values;
  for (const auto& [t, _] : by_type) type_values.emplace(t, Value::String(t));
  std::map<std::string_view, Value> account_values;
  for (const auto& a : accounts) account_values.emplace(a.account, Value::String(a.account));
  std::vector<Value> inputs(n_res);
  // Each resource's product, matched once instead of once per finding.
  std::vector<const Product*> product_of(options.ownership ? n_res : 0, nullptr);
  ParallelFor(threads, n_res, [&](size_t b, size_t e) {
    Resource::SharedParts parts;
    const std::string* last_file = nullptr;
    const std::string* last_format = nullptr;
    for (size_t i = b; i < e; ++i) {
      const Resource& r = resources[i];
      parts.type = type_values.find(r.type)->second;
      parts.account = account_values.find(r.account)->second;
      if (last_file == nullptr || *last_file != r.source_file) {
        parts.source_file = Value::String(r.source_file);
        last_file = &r.source_file;
      }
      if (last_format == nullptr || *last_format != r.source_format) {
        parts.source_format = Value::String(r.source_format);
        last_format = &r.source_format;
      }
      inputs[i] = r.ToValue(parts);
      if (options.ownership)
        product_of[i] = options.ownership->Match(r.provider, r.account, r.tags);
    }
  });

  bool need_data = false;
  for (const auto& c : controls) need_data |= c.uses_data_kumo;
  Value data;
  if (need_data) {
    std::vector<ObjectEntry> type_entries;
    std::vector<ObjectEntry> items;
    for (const auto& [type, idx] : by_type) {
      items.clear();
      items.reserve(idx.size());
      // The id Value is the one in the input document (no second copy), and
      // idx is in id order, so the object is built without a sort.
      for (uint32_t i : idx) items.emplace_back(*inputs[i].Find("id"), inputs[i]);
      size_t before = items.size();
      Value obj = Value::Object(std::move(items));
      items = {};
      if (obj.size() != before) {
        diags->Warning("duplicate_resource_id",
                       std::to_string(before - obj.size()) + " resources of type " +
                           std::string(type) +
                           " share an id with another; data.kumo keeps one of each");
      }
      type_entries.emplace_back(type_values.find(type)->second, std::move(obj));
    }
    data = Value::Object(
        {{Value::String("kumo"),
          Value::Object({{Value::String("resources"), Value::Object(std::move(type_entries))}})}});
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
  // Items are created in control order, so each control owns one contiguous
  // range [item_begin, item_end) and controls finish roughly in order.
  std::vector<const std::vector<uint32_t>*> type_lists;  // slot -> resource indices
  std::vector<std::vector<uint32_t>> account_lists;
  account_lists.reserve(controls.size());
  std::map<std::string_view, uint32_t> type_slot;
  std::vector<WorkItem> work;
  std::vector<uint32_t> item_begin(controls.size()), item_end(controls.size());
  // Whether a control's findings come out of its items already sorted (one
  // resource type: items in id order); otherwise they are sorted when emitted.
  std::vector<char> presorted(controls.size(), 1);
  const uint32_t chunk = static_cast<uint32_t>(std::max<size_t>(1, options.chunk_size));
  std::set<std::string> scope_types;
  for (uint32_t ci = 0; ci < controls.size(); ++ci) {
    const Control& c = controls[ci];
    item_begin[ci] = static_cast<uint32_t>(work.size());
    item_end[ci] = item_begin[ci];
    if (!c.deny) continue;
    if (c.account_scope) {
      // An account-scoped control sees the whole inventory (data.kumo) and may
      // attach findings to any resource, so every type is in scope.
      for (const auto& [t, _] : by_type) scope_types.emplace(t);
      std::vector<uint32_t> mine;
      for (uint32_t a = 0; a < accounts.size(); ++a) {
        if (c.provider == Provider::kUnknown || accounts[a].provider == c.provider)
          mine.push_back(a);
      }
      // Account items index into `mine` via a dedicated slot.
      uint32_t slot = static_cast<uint32_t>(type_lists.size());
      account_lists.push_back(std::move(mine));
      type_lists.push_back(&account_lists.back());
      for (uint32_t b = 0; b < type_lists[slot]->size(); b += chunk) {
        work.push_back({ci, slot, b, std::min<uint32_t>(b + chunk, type_lists[slot]->size())});
      }
      presorted[ci] = 0;
      item_end[ci] = static_cast<uint32_t>(work.size());
      continue;
    }
    uint32_t types_with_resources = 0;
    for (const auto& t : c.resource_types) {
      auto it = by_type.find(t);
      if (it == by_type.end()) continue;
      ++types_with_resources;
      scope_types.insert(t);
      auto [slot_it, inserted] =
          type_slot.emplace(it->first, static_cast<uint32_t>(type_lists.size()));
      if (inserted) type_lists.push_back(&it->second);
      uint32_t slot = slot_it->second;
      for (uint32_t b = 0; b < type_lists[slot]->size(); b += chunk) {
        work.push_back({ci, slot, b, std::min<uint32_t>(b + chunk, type_lists[slot]->size())});
      }
    }
    presorted[ci] = types_with_resources <= 1;
    item_end[ci] = static_cast<uint32_t>(work.size());
  }
  auto t1 = Clock::now();
  result.stats.index_seconds = std::chrono::duration<double>(t1 - t0).count();

  // --- Findings (emitted on the calling thread while workers evaluate) ----------
  std::vector<std::vector<std::string>> framework_refs(controls.size());
  std::set<std::string> scope_controls;
  for (size_t i = 0; i < controls.size(); ++i) {
    framework_refs[i] = controls[i].FrameworkRefs();
    if (controls[i].deny) scope_controls.insert(controls[i].id);
  }
  static const std::map<std::string, std::string> kNoTags;
  auto rid_of = [&](const RawFinding& r) -> std::string_view {
    if (r.resource != kNoResource) return resources[r.resource].id;
    if (r.extra && !r.extra->resource_id.empty()) return r.extra->resource_id;
    return accounts[r.account].account;
  };
  auto raw_less = [&](const RawFinding& a, const RawFinding& b) {
    if (a.control != b.control) return a.control < b.control;
    if (a.resource != kNoResource && b.resource != kNoResource)
      return rank[a.resource] < rank[b.resource];
    int c = rid_of(a).compare(rid_of(b));
    if (c != 0) return c < 0;
    return a.account < b.account;
  };
  // With a sink one Finding is refilled for every result: its strings keep
  // their capacity, so millions of findings cost no allocations.
  Finding f;
  uint32_t f_control = kNoResource;
  auto emit = [&](RawFinding& r) {
    const Control& c = controls[r.control];
    if (!options.sink || f_control != r.control) {
      f.control_id = c.id;
      f.control_title = c.title;
      f.severity = c.severity;
      f.frameworks = framework_refs[r.control];
      f.remediation = c.remediation;
      f_control = options.sink ? r.control : kNoResource;
    }
    f.status = r.status;
    f.original_status = r.status;
    const std::map<std::string, std::string>* tags = &kNoTags;
    const Resource* res = nullptr;
    if (r.resource != kNoResource) {
      res = &resources[r.resource];
    } else if (r.extra && !r.extra->resource_id.empty() &&
               r.extra->resource_id != accounts[r.account].account) {
      res = find_by_id(r.extra->resource_id);
    }
    const Product* product = nullptr;
    if (res) {
      f.resource_id = res->id;
      f.resource_type = res->type;
      f.provider = res->provider;
      f.account = res->account;
      f.region = res->region;
      tags = &res->tags;
      if (options.ownership) product = product_of[index_of(res)];
    } else {
      const AccountKey& ak = accounts[r.account];
      f.resource_id = rid_of(r);
      f.resource_type = kAccountResourceType;
      f.provider = ak.provider;
      f.account = ak.account;
      f.region = "global";
      if (options.ownership) product = options.ownership->Match(f.provider, f.account, kNoTags);
    }
    if (r.extra) {
      f.message = std::move(r.extra->message);
      f.evidence = std::move(r.extra->evidence);
      r.extra.reset();
    } else {
      f.message.clear();
      f.evidence = Value();
    }
    if (product) {
      f.product = product->name;
      f.owner = product->champion;
    } else {
      f.product = "unassigned";
      f.owner.clear();
    }
    f.mute_reason.clear();
    f.muted_by.clear();
    f.mute_approver.clear();
    f.mute_ticket.clear();
    f.mute_expires.clear();
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
  };

  std::vector<std::vector<RawFinding>> item_out(work.size());
  std::vector<std::atomic<uint8_t>> item_done(work.size());
  auto emit_control = [&](uint32_t ci) {
    uint32_t b = item_begin[ci], e = item_end[ci];
    if (presorted[ci]) {
      for (uint32_t w = b; w < e; ++w) {
        for (auto& r : item_out[w]) emit(r);
        std::vector<RawFinding>().swap(item_out[w]);
      }
      return;
    }
    std::vector<RawFinding> raw;
    for (uint32_t w = b; w < e; ++w) {
      for (auto& r : item_out[w]) raw.push_back(std::move(r));
      std::vector<RawFinding>().swap(item_out[w]);
    }
    std::sort(raw.begin(), raw.end(), raw_less);
    for (auto& r : raw) emit(r);
  };
  uint32_t next_emit = 0;  // next control to emit
  uint32_t done_upto = 0;  // items [0, done_upto) are known to be done
  auto emit_ready = [&](bool all_done) {
    while (next_emit < controls.size()) {
      uint32_t e = item_end[next_emit];
      while (done_upto < e &&
             (all_done || item_done[done_upto].load(std::memory_order_acquire) != 0)) {
        ++done_upto;
      }
      if (done_upto < e) return;
      emit_control(next_emit++);
    }
  };

  // --- Evaluation ---------------------------------------------------------------
  std::vector<std::atomic<uint32_t>> budget_failures(controls.size());
  std::atomic<size_t> next{0};
  std::atomic<uint64_t> done{0};
  std::mutex progress_mu;
  struct ThreadStats {
    std::vector<uint64_t> evals;
    std::vector<uint64_t> nanos;
  };
  std::vector<ThreadStats> tstats(threads);

  rego::EvalOptions eopts;
  eopts.max_steps = options.max_steps;
  eopts.timeout = options.control_timeout;
  eopts.data = need_data ? &data : nullptr;
  eopts.now_ns = options.now_unix ? options.now_unix * 1'000'000'000 : 0;

  auto worker = [&](unsigned tid) {
    ThreadStats& ts = tstats[tid];
    ts.evals.assign(controls.size(), 0);
    ts.nanos.assign(controls.size(), 0);
    std::vector<Value> items;
    std::vector<DenyItem> parsed;
    for (;;) {
      size_t w = next.fetch_add(1, std::memory_order_relaxed);
      if (w >= work.size()) break;
      const WorkItem& item = work[w];
      const Control& c = controls[item.control];
      const auto& list = *type_lists[item.type_slot];
      std::vector<RawFinding> out;
      out.reserve(item.end - item.begin);
      // Thread CPU time (not wall time: the machine may be shared) per work
      // item, i.e. per control: two clock reads per chunk, not per evaluation.
      uint64_t cpu0 = ThreadCpuNanos();
      for (uint32_t k = item.begin; k < item.end; ++k) {
        RawFinding rf;
        rf.control = item.control;
        Value account_input;
        const Value* input;
        if (c.account_scope) {
          rf.account = list[k];
          const AccountKey& ak = accounts[rf.account];
          account_input = Value::Object(
              {{Value::String("account"), account_values.find(ak.account)->second},
               {Value::String("provider"), Value::String(ProviderName(ak.provider))}});
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
        auto rows = c.deny->Eval(*input, eopts);
        ++ts.evals[item.control];
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
      ts.nanos[item.control] += ThreadCpuNanos() - cpu0;
      item_out[w] = std::move(out);
      item_done[w].store(1, std::memory_order_release);
      uint64_t d = done.fetch_add(1, std::memory_order_relaxed) + 1;
      if (options.progress) {
        std::lock_guard<std::mutex> lock(progress_mu);
        options.progress(d, work.size());
      }
      // The calling thread hands finished controls to the sink as it goes, so
      // the results of a million-resource scan never pile up.
      if (tid == 0) emit_ready(false);
    }
  };
  {
    unsigned n = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(1, work.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(worker, t);
    worker(0);
    for (auto& th : pool) th.join();
    emit_ready(true);
  }
  auto t2 = Clock::now();
  result.stats.eval_seconds = std::chrono::duration<double>(t2 - t1).count();
  result.stats.resources = resources.size();
  result.stats.per_control.resize(controls.size());
  for (size_t ci = 0; ci < controls.size(); ++ci) {
    auto& pc = result.stats.per_control[ci];
    pc.id = controls[ci].id;
    uint64_t nanos = 0;
    for (const auto& ts : tstats) {
      if (ts.evals.empty()) continue;
      pc.evaluations += ts.evals[ci];
      nanos += ts.nanos[ci];
    }
    pc.seconds = static_cast<double>(nanos) * 1e-9;
    result.stats.evaluations += pc.evaluations;
    result.stats.rego_cpu_seconds += pc.seconds;
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
