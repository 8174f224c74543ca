// `kumo mute request|approve|reject|list|expire|import`: suppression as a
// workflow. A request names what to mute (control, resource glob, account,
// region, resource tags or one finding), why, who asks, until when and the ticket; another
// person approves or rejects it; an approved mute is active until its
// expiry, when `kumo mute expire` (and every scan) stops applying it. Muted
// findings stay listed as MUTED with who muted them and until when.
// `import` loads a mutelist YAML file (scan/mutelist.h) as approved mutes.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/command.h"
#include "json/json.h"
#include "scan/mutelist.h"
#include "store/render.h"
#include "store/store.h"

namespace kumo::cli {
namespace {

struct MuteFlags {
  std::string store;
  std::string format = "table";
  store::Mute mute;
  std::string expires, duration;
  int64_t id = 0;
  std::string who, note;
  std::vector<std::string> states;
  std::string file;
  std::vector<std::string> tags;  // --tag KEY=GLOB
};

std::string CurrentUser() {
  const char* u = std::getenv("USER");
  return u && *u ? u : "";
}

int Fail(const Status& s) {
  std::fprintf(stderr, "kumo mute: %s\n", s.message().c_str());
  return s.code() == StatusCode::kInvalidArgument || s.code() == StatusCode::kNotFound ||
                 s.code() == StatusCode::kParseError
             ? kExitUsage
             : kExitInternal;
}

Result<std::unique_ptr<store::Store>> Open(const MuteFlags& f) {
  return store::OpenStore(store::DefaultStoreLocation(f.store));
}

int RunRequest(MuteFlags f) {
  if (f.mute.requester.empty()) f.mute.requester = CurrentUser();
  if (!f.expires.empty() && !f.duration.empty()) {
    return Fail(InvalidArgument("give --expires or --for, not both"));
  }
  if (!f.expires.empty()) {
    auto t = store::ParseTimeArg(f.expires);
    if (!t.ok()) return Fail(InvalidArgument("--expires: " + t.status().message()));
    // A bare date is the last day the mute applies.
    f.mute.expires_at = *t + (f.expires.size() == 10 ? 86400 : 0);
  } else if (!f.duration.empty()) {
    auto d = store::ParseDurationArg(f.duration);
    if (!d.ok()) return Fail(InvalidArgument("--for: " + d.status().message()));
    f.mute.expires_at = std::time(nullptr) + *d;
  } else {
    return Fail(InvalidArgument("a mute needs an expiry: --expires YYYY-MM-DD or --for 30d"));
  }
  for (const auto& t : f.tags) {
    auto eq = t.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Fail(InvalidArgument("--tag `" + t + "`: expected KEY=VALUE (VALUE may use * and ?)"));
    }
    f.mute.tags.emplace_back(t.substr(0, eq), t.substr(eq + 1));
  }
  f.mute.source = "cli";
  auto st = Open(f);
  if (!st.ok()) return Fail(st.status());
  auto id = (*st)->RequestMute(f.mute);
  if (!id.ok()) return Fail(id.status());
  if (f.format == "json") {
    std::printf("{\"id\":%lld,\"state\":\"requested\"}\n", static_cast<long long>(*id));
  } else {
    std::printf("mute %lld requested; it applies once someone else runs `kumo mute approve %lld`\n",
                static_cast<long long>(*id), static_cast<long long>(*id));
  }
  return kExitOk;
}

int RunDecide(MuteFlags f, bool approve) {
  if (f.who.empty()) f.who = CurrentUser();
  auto st = Open(f);
  if (!st.ok()) return Fail(st.status());
  Status s =
      approve ? (*st)->ApproveMute(f.id, f.who, f.note) : (*st)->RejectMute(f.id, f.who, f.note);
  if (!s.ok()) return Fail(s);
  std::printf("mute %lld %s by %s\n", static_cast<long long>(f.id),
              approve ? "approved" : "rejected", f.who.c_str());
  return kExitOk;
}

int RunList(const MuteFlags& f) {
  auto st = Open(f);
  if (!st.ok()) return Fail(st.status());
  auto mutes = (*st)->ListMutes(f.states);
  if (!mutes.ok()) return Fail(mutes.status());
  if (f.format == "json") {
    std::vector<Value> items;
    for (const auto& m : *mutes) items.push_back(store::MuteToValue(m));
    std::printf("%s\n", json::ToJson(Value::Array(std::move(items)), {.pretty = true}).c_str());
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : *mutes) {
    std::string what;
    auto add = [&](const char* k, const std::string& v) {
      if (!v.empty()) what += (what.empty() ? "" : " ") + std::string(k) + "=" + v;
    };
    add("control", m.control_pattern);
    add("resource", m.resource_pattern);
    add("account", m.account);
    add("region", m.region);
    add("finding", m.fingerprint);
    for (const auto& [k, v] : m.tags) add(("tag:" + k).c_str(), v);
    rows.push_back({std::to_string(m.id), m.state, what, m.requester, m.approver,
                    store::FormatTime(m.expires_at).substr(0, 10), m.ticket, m.reason});
  }
  std::fputs(
      store::RenderTable(
          {"ID", "STATE", "MATCHES", "REQUESTER", "APPROVER", "EXPIRES", "TICKET", "REASON"}, rows)
          .c_str(),
      stdout);
  return kExitOk;
}

int RunExpire(const MuteFlags& f) {
  auto st = Open(f);
  if (!st.ok()) return Fail(st.status());
  auto n = (*st)->ExpireMutes();
  if (!n.ok()) return Fail(n.status());
  std::printf("%lld mute%s expired\n", static_cast<long long>(*n), *n == 1 ? "" : "s");
  return kExitOk;
}

int RunImport(const MuteFlags& f) {
  Diagnostics diags;
  auto list = scan::Mutelist::LoadFile(f.file, &diags);
  for (const auto& d : diags.items()) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  if (!list.ok()) return Fail(list.status());
  auto st = Open(f);
  if (!st.ok()) return Fail(st.status());
  int imported = 0, skipped = 0;
  std::vector<scan::MuteRule> rules = list->rules();
  rules.insert(rules.end(), list->expired().begin(), list->expired().end());
  for (const auto& r : rules) {
    store::Mute m;
    for (const auto& [k, v] : r.tags) m.tags.emplace_back(k, v);
    m.control_pattern = r.control == "*" ? "" : r.control;
    m.resource_pattern = r.resource == "*" ? "" : r.resource;
    m.account = r.account == "*" ? "" : r.account;
    m.region = r.region == "*" ? "" : r.region;
    m.reason = r.reason;
    m.requester = r.requester;
    m.approver = r.approver;
    m.ticket = r.ticket;
    m.expires_at = r.expires_unix;
    m.source = f.file;
    auto id = (*st)->ImportMute(m);
    if (!id.ok()) {
      std::fprintf(stderr, "%s:%u: %s; skipped\n", f.file.c_str(), r.line,
                   id.status().message().c_str());
      ++skipped;
      continue;
    }
    ++imported;
  }
  std::printf("imported %d mute%s from %s (%d skipped)\n", imported, imported == 1 ? "" : "s",
              f.file.c_str(), skipped);
  return skipped > 0 || diags.has_errors() ? kExitUsage : kExitOk;
}

void AddStoreFlags(CLI::App* c, MuteFlags* f) {
  c->add_option("--store", f->store,
                "Store: a SQLite file or postgres:// URL (default $KUMO_STORE, else kumo.db)");
  c->add_option("--format", f->format, "Output format: table or json")
      ->check(CLI::IsMember({"table", "json"}));
}

void Setup(CLI::App& app) {
  auto f = std::make_shared<MuteFlags>();
  CLI::App* cmd = app.add_subcommand("mute", "Request, approve and manage finding suppressions");
  cmd->require_subcommand(1);
  cmd->footer(
      "Examples:\n"
      "  kumo mute request --control AWS-S3-001 --resource 'arn:aws:s3:::logs-*' \\\n"
      "      --reason 'public by design' --expires 2026-06-30 --ticket SEC-42\n"
      "  kumo mute approve 7 --note 'reviewed'\n"
      "  kumo mute list --state requested\n"
      "  kumo mute import mutelist.yaml");

  CLI::App* req = cmd->add_subcommand("request", "Ask for a mute (it applies once approved)");
  AddStoreFlags(req, f.get());
  req->add_option("--control", f->mute.control_pattern, "Control id or glob");
  req->add_option("--resource", f->mute.resource_pattern, "Resource id glob (* and ?)");
  req->add_option("--finding", f->mute.fingerprint, "One finding, by fingerprint");
  req->add_option("--account", f->mute.account, "Account / project / subscription glob");
  req->add_option("--region", f->mute.region, "Region glob");
  req->add_option("--tag", f->tags,
                  "Resource tag KEY=VALUE (VALUE a glob; repeat: all must match)");
  req->add_option("--reason", f->mute.reason, "Why this is acceptable")->required();
  req->add_option("--requester", f->mute.requester, "Who asks (default $USER)");
  req->add_option("--expires", f->expires, "Last day it applies (YYYY-MM-DD) or an RFC 3339 time");
  req->add_option("--for", f->duration, "Or a duration from now (90d, 12w)");
  req->add_option("--ticket", f->mute.ticket, "Ticket or link for the decision");
  req->callback([f] { SetExitCode(RunRequest(*f)); });

  for (bool approve : {true, false}) {
    CLI::App* d = cmd->add_subcommand(
        approve ? "approve" : "reject",
        approve ? "Approve a requested mute (not your own)" : "Reject a requested mute");
    AddStoreFlags(d, f.get());
    d->add_option("id", f->id, "Mute id")->required();
    d->add_option("--approver", f->who, "Who decides (default $USER)");
    d->add_option("--note", f->note, "Why");
    d->callback([f, approve] { SetExitCode(RunDecide(*f, approve)); });
  }

  CLI::App* list = cmd->add_subcommand("list", "List mutes");
  AddStoreFlags(list, f.get());
  list->add_option("--state", f->states, "requested, active, rejected, expired (comma-separated)")
      ->delimiter(',');
  list->callback([f] { SetExitCode(RunList(*f)); });

  CLI::App* expire =
      cmd->add_subcommand("expire", "Expire mutes past their date and unmute their findings");
  AddStoreFlags(expire, f.get());
  expire->callback([f] { SetExitCode(RunExpire(*f)); });

  CLI::App* imp = cmd->add_subcommand("import", "Import a mutelist YAML file as approved mutes");
  AddStoreFlags(imp, f.get());
  imp->add_option("file", f->file, "mutelist.yaml")->required();
  imp->callback([f] { SetExitCode(RunImport(*f)); });
}

}  // namespace

KUMO_REGISTER_COMMAND(51, Setup);

}  // namespace kumo::cli
