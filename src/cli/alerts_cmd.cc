// `kumo alerts list`: detection alerts persisted by `kumo detect --store`.
// Repeats of one alert within the dedup window are one row with a count.
// --format json prints one Falco-compatible JSON object per line (time,
// rule, priority, source, tags, output, output_fields, plus count,
// last_time, account, product, dedup_key).
#include <cstdio>
#include <ctime>
#include <string>

#include "cli/command.h"
#include "json/json.h"
#include "store/render.h"
#include "store/store.h"

namespace kumo::cli {
namespace {

struct AlertsFlags {
  std::string store;
  std::string format = "table";
  store::AlertFilter filter;
  std::string since;
};

int Fail(const Status& s) {
  std::fprintf(stderr, "kumo alerts: %s\n", s.message().c_str());
  return s.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitInternal;
}

int RunList(AlertsFlags f) {
  if (!f.since.empty()) {
    // A duration back from now (24h, 7d) or a date / time.
    auto d = store::ParseDurationArg(f.since);
    int64_t since = 0;
    if (d.ok()) {
      since = std::time(nullptr) - *d;
    } else {
      auto t = store::ParseTimeArg(f.since);
      if (!t.ok()) return Fail(InvalidArgument("--since: " + t.status().message()));
      since = *t;
    }
    f.filter.since_ns = since * 1'000'000'000;
  }
  auto st = store::OpenStore(store::DefaultStoreLocation(f.store));
  if (!st.ok()) return Fail(st.status());
  auto alerts = (*st)->ListAlerts(f.filter);
  if (!alerts.ok()) return Fail(alerts.status());
  if (f.format == "json") {
    std::string out;
    for (const auto& a : *alerts) {
      json::WriteJson(store::AlertToValue(a), &out);
      out.push_back('\n');
    }
    std::fputs(out.c_str(), stdout);
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : *alerts) {
    rows.push_back({store::FormatTimeNs(a.time_ns).substr(0, 19) + "Z", a.priority, a.rule,
                    std::to_string(a.count), a.account, a.product, a.output});
  }
  std::fputs(store::RenderTable(
                 {"TIME", "PRIORITY", "RULE", "COUNT", "ACCOUNT", "PRODUCT", "OUTPUT"}, rows)
                 .c_str(),
             stdout);
  std::printf("%zu alert%s\n", alerts->size(), alerts->size() == 1 ? "" : "s");
  return kExitOk;
}

void Setup(CLI::App& app) {
  auto f = std::make_shared<AlertsFlags>();
  CLI::App* cmd = app.add_subcommand("alerts", "List stored detection alerts");
  cmd->require_subcommand(1);
  CLI::App* list = cmd->add_subcommand("list", "List alerts, newest first");
  list->add_option("--store", f->store,
                   "Store: a SQLite file or postgres:// URL (default $KUMO_STORE, else kumo.db)");
  list->add_option("--format", f->format, "Output format: table or json (JSON Lines)")
      ->check(CLI::IsMember({"table", "json"}));
  list->add_option("--rule", f->filter.rule, "Rule name or glob");
  list->add_option("--account", f->filter.account, "Account, project or subscription id");
  list->add_option("--product", f->filter.product, "Product");
  list->add_option("--source", f->filter.source,
                   "Event source (aws_cloudtrail, gcp_auditlog, ...)");
  list->add_option("--since", f->since,
                   "Only alerts seen since a date/time or for a duration (24h, 7d)");
  list->add_option("--limit", f->filter.limit, "At most this many alerts");
  list->callback([f] { SetExitCode(RunList(*f)); });
}

}  // namespace

KUMO_REGISTER_COMMAND(52, Setup);

}  // namespace kumo::cli
