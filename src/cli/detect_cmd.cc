// `kumo detect`: audit logs -> alerts with Falco rules. See docs/detect.md.
#include <string>
#include <vector>

#include "cli/command.h"
#include "detect/runner.h"
#include "store/store.h"

namespace kumo::cli {
namespace {

struct DetectFlags {
  std::vector<std::string> inputs;
  std::vector<std::string> rules;
  std::string format = "text";
  std::string matching = "first";
  std::string min_priority = "debug";
  std::string fail_on;
  std::string source;
  bool stats = false;
  bool follow = false;
  double follow_idle_exit = 0;
  std::string store;           // findings store to persist alerts into
  int64_t dedup_window = 300;  // seconds
};

void Setup(CLI::App& app) {
  auto flags = std::make_shared<DetectFlags>();
  CLI::App* cmd = app.add_subcommand(
      "detect",
      "Evaluate Falco rules over CloudTrail, GCP audit and Azure activity logs; print alerts.");
  cmd->footer(
      "Inputs: files (plain or .gz), directories (recursive) or '-' for stdin (the default).\n"
      "Shapes are detected per record: CloudTrail S3 files, JSON Lines, arrays, EventBridge,\n"
      "lookup-events output, GCP LogEntries and Pub/Sub push envelopes, Azure records/value.\n"
      "Examples:\n"
      "  kumo detect trail.json.gz\n"
      "  kumo detect -r my_rules.yaml --format json --rule-matching all logs/\n"
      "  tail -f events.jsonl | kumo detect -");
  cmd->add_option("inputs", flags->inputs, "Log files, directories, or - for stdin");
  cmd->add_option("-r,--rules", flags->rules,
                  "Rules file (repeatable, loaded in order); default: the built-in packs");
  cmd->add_option("--format", flags->format, "Alert format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--rule-matching", flags->matching,
                  "first: stop at the first matching rule per event (Falco's default); all")
      ->check(CLI::IsMember({"first", "all"}));
  cmd->add_option("--min-priority", flags->min_priority,
                  "Drop rules less severe than this priority (default debug)");
  cmd->add_option("--fail-on", flags->fail_on,
                  "Exit 1 when an alert of at least this priority fires");
  cmd->add_option("--source", flags->source,
                  "Force the event source: aws_cloudtrail, gcp_auditlog or azure_activity");
  cmd->add_flag("--stats", flags->stats,
                "Print counts per source, skipped records, matches per rule and throughput");
  cmd->add_flag("-f,--follow", flags->follow, "Keep reading files as they grow (JSON Lines)");
  cmd->add_option("--follow-idle-exit", flags->follow_idle_exit,
                  "With --follow: stop after this many seconds without new data");
  cmd->add_option("--store", flags->store,
                  "Also record alerts in the findings store (SQLite file or postgres:// URL); "
                  "identical alerts within --dedup-window are stored once with a count");
  cmd->add_option("--dedup-window", flags->dedup_window,
                  "With --store: seconds within which identical alerts are deduplicated")
      ->check(CLI::NonNegativeNumber);
  cmd->callback([flags]() {
    detect::DetectOptions o;
    o.inputs = flags->inputs;
    o.rules = flags->rules;
    o.json = flags->format == "json";
    o.matching =
        flags->matching == "all" ? detect::RuleMatching::kAll : detect::RuleMatching::kFirst;
    if (!detect::ParsePriority(flags->min_priority, &o.min_priority)) {
      std::fprintf(stderr, "kumo detect: invalid --min-priority '%s'\n",
                   flags->min_priority.c_str());
      SetExitCode(kExitUsage);
      return;
    }
    if (!flags->fail_on.empty()) {
      o.has_fail_on = true;
      if (!detect::ParsePriority(flags->fail_on, &o.fail_on)) {
        std::fprintf(stderr, "kumo detect: invalid --fail-on '%s'\n", flags->fail_on.c_str());
        SetExitCode(kExitUsage);
        return;
      }
    }
    if (!flags->source.empty()) {
      o.force_source = true;
      if (!detect::SourceFromName(flags->source, &o.source)) {
        std::fprintf(stderr, "kumo detect: unknown --source '%s'\n", flags->source.c_str());
        SetExitCode(kExitUsage);
        return;
      }
    }
    o.stats = flags->stats;
    o.follow = flags->follow;
    o.follow_idle_exit_s = flags->follow_idle_exit;
    std::vector<store::AlertRecord> records;
    if (!flags->store.empty()) {
      o.on_alert = [&records](const detect::Alert& a) {
        store::AlertRecord rec;
        rec.rule = std::string(a.rule);
        rec.priority = std::string(detect::PriorityName(a.priority));
        rec.source = std::string(a.source);
        rec.time_ns = a.time_ns;
        rec.output = a.output;
        rec.output_fields_json = "{" + a.output_fields_json + "}";
        if (a.tags) rec.tags = *a.tags;
        records.push_back(std::move(rec));
      };
    }
    int rc = detect::RunDetect(o);
    if (!flags->store.empty()) {
      auto saved = store::PersistAlerts(flags->store, records, flags->dedup_window);
      if (!saved.ok()) {
        std::fprintf(stderr, "kumo detect: store %s: %s\n", flags->store.c_str(),
                     saved.status().message().c_str());
        rc = kExitInternal;
      }
    }
    SetExitCode(rc);
  });
}

KUMO_REGISTER_COMMAND(40, Setup);

}  // namespace
}  // namespace kumo::cli
