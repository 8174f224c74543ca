// `kumo store migrate|scans`: the store itself. Opening a store applies
// pending migrations anyway; `migrate` does only that and reports the
// schema version (for deployments that migrate before starting workers).
// `scans` lists recorded scans with their scope and counts.
#include <cstdio>
#include <string>

#include "cli/command.h"
#include "json/json.h"
#include "store/render.h"
#include "store/store.h"

namespace kumo::cli {
namespace {

struct StoreFlags {
  std::string store;
  std::string format = "table";
  int64_t limit = 20;
};

int Fail(const Status& s) {
  std::fprintf(stderr, "kumo store: %s\n", s.message().c_str());
  return s.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitInternal;
}

int RunMigrate(const StoreFlags& f) {
  std::string loc = store::DefaultStoreLocation(f.store);
  auto st = store::OpenStore(loc);
  if (!st.ok()) return Fail(st.status());
  auto v = (*st)->SchemaVersion();
  if (!v.ok()) return Fail(v.status());
  std::printf("%s store at schema version %d\n", std::string((*st)->backend()).c_str(), *v);
  return kExitOk;
}

int RunScans(const StoreFlags& f) {
  auto st = store::OpenStore(store::DefaultStoreLocation(f.store));
  if (!st.ok()) return Fail(st.status());
  auto scans = (*st)->ListScans(f.limit);
  if (!scans.ok()) return Fail(scans.status());
  if (f.format == "json") {
    std::vector<Value> items;
    for (const auto& s : *scans) items.push_back(store::ScanRowToValue(s));
    std::printf("%s\n", json::ToJson(Value::Array(std::move(items)), {.pretty = true}).c_str());
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : *scans) {
    const auto& m = s.summary;
    rows.push_back({std::to_string(m.scan_id), store::FormatTime(s.finished_at),
                    std::to_string(m.total), std::to_string(m.failed), std::to_string(m.muted),
                    std::to_string(m.errors), std::to_string(m.opened), std::to_string(m.resolved),
                    std::to_string(m.reopened)});
  }
  std::fputs(store::RenderTable({"SCAN", "FINISHED", "RESULTS", "FAIL", "MUTED", "ERROR", "NEW",
                                 "RESOLVED", "REOPENED"},
                                rows)
                 .c_str(),
             stdout);
  return kExitOk;
}

void Setup(CLI::App& app) {
  auto f = std::make_shared<StoreFlags>();
  CLI::App* cmd = app.add_subcommand("store", "Manage the findings store");
  cmd->require_subcommand(1);
  auto add = [&](CLI::App* c) {
    c->add_option("--store", f->store,
                  "Store: a SQLite file or postgres:// URL (default $KUMO_STORE, else kumo.db)");
  };
  CLI::App* migrate =
      cmd->add_subcommand("migrate", "Create the store or apply pending schema migrations");
  add(migrate);
  migrate->callback([f] { SetExitCode(RunMigrate(*f)); });
  CLI::App* scans = cmd->add_subcommand("scans", "List recorded scans, newest first");
  add(scans);
  scans->add_option("--format", f->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  scans->add_option("--limit", f->limit, "At most this many scans (default 20)");
  scans->callback([f] { SetExitCode(RunScans(*f)); });
}

}  // namespace

KUMO_REGISTER_COMMAND(53, Setup);

}  // namespace kumo::cli
