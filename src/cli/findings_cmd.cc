// `kumo findings list|show|diff`: the findings store, read side.
//
// Findings persist across scans (`kumo scan --store`); these commands list
// them with filters, show one finding's history, and diff what a scan (or
// everything since a scan or a date) opened, resolved and reopened.
// --format table (default) or json; --store FILE|postgres://... (default
// $KUMO_STORE, else kumo.db in the current directory).
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"
#include "json/json.h"
#include "store/render.h"
#include "store/store.h"

namespace kumo::cli {
namespace {

using store::StoredFinding;

struct FindingsFlags {
  std::string store;
  std::string format = "table";
  std::vector<std::string> status;
  std::string product, severity, control, provider, account, age;
  int64_t limit = 0;
  std::string fingerprint;
  std::string since;
};

void AddStoreFlags(CLI::App* c, FindingsFlags* f) {
  c->add_option("--store", f->store,
                "Store: a SQLite file or postgres:// URL (default $KUMO_STORE, else kumo.db)");
  c->add_option("--format", f->format, "Output format: table or json")
      ->check(CLI::IsMember({"table", "json"}));
}

// Opens the store; on failure prints why and sets the exit code.
std::unique_ptr<store::Store> Open(const FindingsFlags& f) {
  auto s = store::OpenStore(store::DefaultStoreLocation(f.store));
  if (!s.ok()) {
    std::fprintf(stderr, "kumo findings: %s\n", s.status().message().c_str());
    SetExitCode(kExitInternal);
    return nullptr;
  }
  return std::move(s).value();
}

int Fail(const Status& s) {
  std::fprintf(stderr, "kumo findings: %s\n", s.message().c_str());
  return s.code() == StatusCode::kInvalidArgument || s.code() == StatusCode::kNotFound
             ? kExitUsage
             : kExitInternal;
}

std::string Day(int64_t t) { return store::FormatTime(t).substr(0, 10); }

std::vector<std::string> FindingRow(const StoredFinding& s) {
  const Finding& f = s.finding;
  std::string status = s.state;
  if (s.state == store::kStateMuted) {
    status += " (by " + f.muted_by + " until " + Day(s.mute_expires_at) + ")";
  }
  return {s.fingerprint, std::string(SeverityLevelName(f.severity)),
          status,        f.control_id,
          f.resource_id, std::string(ProviderName(f.provider)) + ":" + f.account,
          f.product,     Day(f.first_seen)};
}

const std::vector<std::string> kFindingHeader = {
    "FINGERPRINT", "SEVERITY", "STATUS", "CONTROL", "RESOURCE", "ACCOUNT", "PRODUCT", "FIRST SEEN"};

Value FindingArray(const std::vector<StoredFinding>& v) {
  std::vector<Value> items;
  items.reserve(v.size());
  for (const auto& f : v) items.push_back(store::StoredFindingToValue(f));
  return Value::Array(std::move(items));
}

int RunList(const FindingsFlags& fl) {
  store::FindingFilter filter;
  for (const auto& s : fl.status) {
    if (s == "all") {
      filter.states.clear();
      break;
    }
    if (s != "open" && s != "resolved" && s != "muted") {
      return Fail(InvalidArgument("--status " + s + ": use open, resolved, muted or all"));
    }
    filter.states.push_back(s);
  }
  if (fl.status.empty()) filter.states = {"open", "muted"};
  filter.product = fl.product;
  if (!fl.severity.empty()) {
    filter.has_min_severity = true;
    if (!ParseSeverityLevel(fl.severity, &filter.min_severity)) {
      return Fail(InvalidArgument("--severity " + fl.severity +
                                  ": use critical, high, medium, low or info"));
    }
  }
  filter.control = fl.control;
  filter.provider = fl.provider;
  filter.account = fl.account;
  if (!fl.age.empty()) {
    auto age = store::ParseDurationArg(fl.age);
    if (!age.ok()) return Fail(InvalidArgument("--age: " + age.status().message()));
    filter.min_age_seconds = *age;
  }
  filter.limit = fl.limit;
  auto st = Open(fl);
  if (!st) return ExitCode();
  auto list = st->ListFindings(filter);
  if (!list.ok()) return Fail(list.status());
  if (fl.format == "json") {
    std::string out = json::ToJson(FindingArray(*list), {.pretty = true});
    std::printf("%s\n", out.c_str());
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& f : *list) rows.push_back(FindingRow(f));
  std::fputs(store::RenderTable(kFindingHeader, rows).c_str(), stdout);
  std::printf("%zu finding%s\n", list->size(), list->size() == 1 ? "" : "s");
  return kExitOk;
}

int RunShow(const FindingsFlags& fl) {
  auto st = Open(fl);
  if (!st) return ExitCode();
  auto r = st->ShowFinding(fl.fingerprint);
  if (!r.ok()) return Fail(r.status());
  const auto& [f, events] = *r;
  if (fl.format == "json") {
    std::vector<Value> hist;
    for (const auto& e : events) hist.push_back(store::FindingEventToValue(e));
    Value v = Value::Object({{Value::String("finding"), store::StoredFindingToValue(f)},
                             {Value::String("history"), Value::Array(std::move(hist))}});
    std::printf("%s\n", json::ToJson(v, {.pretty = true}).c_str());
    return kExitOk;
  }
  const Finding& x = f.finding;
  std::vector<std::vector<std::string>> kv = {
      {"fingerprint", f.fingerprint},
      {"status", f.state},
      {"control", x.control_id + (x.control_title.empty() ? "" : " (" + x.control_title + ")")},
      {"resource", x.resource_id},
      {"type", x.resource_type},
      {"account", std::string(ProviderName(x.provider)) + ":" + x.account + " " + x.region},
      {"severity", std::string(SeverityLevelName(x.severity))},
      {"product", x.product + (x.owner.empty() ? "" : " (" + x.owner + ")")},
      {"message", x.message},
      {"first seen", store::FormatTime(x.first_seen)},
      {"last seen", store::FormatTime(x.last_seen)},
  };
  if (x.resolved_at) kv.push_back({"resolved at", store::FormatTime(x.resolved_at)});
  if (!x.ticket_key.empty()) kv.push_back({"ticket", x.ticket_key});
  if (f.state == store::kStateMuted) {
    kv.push_back({"muted by", x.muted_by + ", approved by " + x.mute_approver});
    kv.push_back({"muted until", store::FormatTime(f.mute_expires_at)});
    kv.push_back(
        {"mute reason", x.mute_reason + (x.mute_ticket.empty() ? "" : " (" + x.mute_ticket + ")")});
  }
  if (!x.remediation.empty()) kv.push_back({"remediation", x.remediation});
  for (const auto& row : kv) std::printf("%-12s %s\n", (row[0] + ":").c_str(), row[1].c_str());
  std::printf("\nhistory:\n");
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : events) {
    rows.push_back({store::FormatTime(e.at), e.kind,
                    e.scan_id ? "scan " + std::to_string(e.scan_id) : "-", e.detail});
  }
  std::fputs(store::RenderTable({"TIME", "EVENT", "CAUSE", "DETAIL"}, rows).c_str(), stdout);
  return kExitOk;
}

int RunDiff(const FindingsFlags& fl) {
  int64_t since_scan = 0, since_time = 0;
  if (!fl.since.empty()) {
    bool digits = fl.since.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
      since_scan = std::stoll(fl.since);
    } else {
      auto t = store::ParseTimeArg(fl.since);
      if (!t.ok()) return Fail(InvalidArgument("--since: " + t.status().message()));
      since_time = *t;
    }
  }
  auto st = Open(fl);
  if (!st) return ExitCode();
  auto d = st->DiffFindings(since_scan, since_time);
  if (!d.ok()) return Fail(d.status());
  if (fl.format == "json") {
    Value v = Value::Object({
        {Value::String("since_scan"), d->since_scan ? Value::Int(d->since_scan) : Value::Null()},
        {Value::String("since"),
         d->since_time ? Value::String(store::FormatTime(d->since_time)) : Value::Null()},
        {Value::String("opened"), FindingArray(d->opened)},
        {Value::String("resolved"), FindingArray(d->resolved)},
        {Value::String("reopened"), FindingArray(d->reopened)},
    });
    std::printf("%s\n", json::ToJson(v, {.pretty = true}).c_str());
    return kExitOk;
  }
  for (auto [name, list] : {std::pair{"new", &d->opened}, std::pair{"resolved", &d->resolved},
                            std::pair{"reopened", &d->reopened}}) {
    std::printf("%s: %zu\n", name, list->size());
    if (list->empty()) continue;
    std::vector<std::vector<std::string>> rows;
    for (const auto& f : *list) rows.push_back(FindingRow(f));
    std::fputs(store::RenderTable(kFindingHeader, rows).c_str(), stdout);
    std::printf("\n");
  }
  return kExitOk;
}

void Setup(CLI::App& app) {
  auto flags = std::make_shared<FindingsFlags>();
  CLI::App* cmd = app.add_subcommand("findings", "List, show and diff stored findings");
  cmd->require_subcommand(1);
  cmd->footer(
      "Examples:\n"
      "  kumo findings list --severity high --product payments\n"
      "  kumo findings list --status all --account 123456789012 --format json\n"
      "  kumo findings show 3f2a...e1\n"
      "  kumo findings diff --since 2026-01-01");

  CLI::App* list = cmd->add_subcommand("list", "List findings (default: open and muted)");
  AddStoreFlags(list, flags.get());
  list->add_option("--status", flags->status,
                   "open, resolved, muted or all (repeatable, comma-separated)")
      ->delimiter(',');
  list->add_option("--product", flags->product, "Only this product");
  list->add_option("--severity", flags->severity,
                   "Minimum severity: critical, high, medium, low, info");
  list->add_option("--control", flags->control, "Control id or glob (AWS-S3-*)");
  list->add_option("--provider", flags->provider, "aws, gcp or azure");
  list->add_option("--account", flags->account, "Account, project or subscription id");
  list->add_option("--age", flags->age,
                   "Only findings first seen at least this long ago (30d, 12h)");
  list->add_option("--limit", flags->limit, "At most this many findings");
  list->callback([flags] { SetExitCode(RunList(*flags)); });

  CLI::App* show = cmd->add_subcommand("show", "Show one finding and its history");
  AddStoreFlags(show, flags.get());
  show->add_option("fingerprint", flags->fingerprint, "The finding's fingerprint")->required();
  show->callback([flags] { SetExitCode(RunShow(*flags)); });

  CLI::App* diff = cmd->add_subcommand(
      "diff", "New, resolved and reopened findings (default: the latest scan's changes)");
  AddStoreFlags(diff, flags.get());
  diff->add_option("--since", flags->since,
                   "A scan id (changes by later scans) or a date/time (YYYY-MM-DD, RFC 3339)");
  diff->callback([flags] { SetExitCode(RunDiff(*flags)); });
}

}  // namespace

KUMO_REGISTER_COMMAND(50, Setup);

}  // namespace kumo::cli
