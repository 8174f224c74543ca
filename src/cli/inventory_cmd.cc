// `kumo inventory export PATH...`: loads inventory files of any supported
// format and prints every Resource as kumo JSON Lines on stdout, with the
// per-file summary and diagnostics on stderr. `kumo inventory formats`
// lists the formats the loaders detect.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "inventory/loader.h"

namespace kumo::cli {
namespace {

struct ExportArgs {
  std::vector<std::string> paths;
  std::string format = "jsonl";
  std::string input_format;
  int threads = 2;
  bool no_merge = false;
  bool quiet = false;
};

int RunExport(const ExportArgs& args) {
  bool print = args.format == "jsonl";
  if (!print && args.format != "none") {
    std::fprintf(stderr, "kumo inventory export: unknown --format '%s' (supported: jsonl, none)\n",
                 args.format.c_str());
    return kExitUsage;
  }
  inventory::LoadOptions opts;
  opts.threads = args.threads < 1 ? 1 : args.threads;
  opts.format = args.input_format;
  opts.merge = !args.no_merge;
  Result<inventory::Inventory> loaded = inventory::LoadInventory(args.paths, opts);
  if (!loaded.ok()) {
    std::fprintf(stderr, "kumo inventory export: %s\n", loaded.status().message().c_str());
    return kExitUsage;
  }
  const inventory::Inventory& inv = loaded.value();
  std::string buf;
  buf.reserve(1 << 20);
  for (const Resource& r : inv.resources) {
    if (!print) break;
    buf += inventory::ResourceToJsonLine(r);
    buf += '\n';
    if (buf.size() >= (1 << 20)) {
      std::fwrite(buf.data(), 1, buf.size(), stdout);
      buf.clear();
    }
  }
  std::fwrite(buf.data(), 1, buf.size(), stdout);
  std::fflush(stdout);
  if (std::ferror(stdout)) {
    std::fprintf(stderr, "kumo inventory export: error writing standard output\n");
    return kExitInternal;
  }
  for (const Diagnostic& d : inv.diagnostics.items()) {
    std::fprintf(stderr, "%s\n", d.ToString().c_str());
  }
  if (!args.quiet) {
    for (const inventory::FileSummary& f : inv.files) {
      std::fprintf(stderr, "%s\n", f.ToString().c_str());
    }
    std::fprintf(stderr, "total: %zu files, %zu resources, %llu records skipped\n",
                 inv.files.size(), inv.resources.size(),
                 static_cast<unsigned long long>(inv.skipped()));
  }
  return inv.skipped() > 0 ? kExitUsage : kExitOk;
}

void Setup(CLI::App& app) {
  CLI::App* inv = app.add_subcommand(
      "inventory", "Read cloud inventory exports (AWS Config, GCP CAI, Azure Resource Graph, ...)");
  inv->require_subcommand(1);

  auto args = std::make_shared<ExportArgs>();
  CLI::App* exp = inv->add_subcommand(
      "export", "Print every resource of the inputs as kumo JSON Lines (summary on stderr)");
  exp->add_option("paths", args->paths,
                  "Files, directories (read recursively: *.json, *.jsonl, *.ndjson, *.csv, "
                  "optionally .gz) or - for standard input")
      ->required();
  exp->add_option("--format", args->format,
                  "Output format: jsonl, or none (only the summary on stderr)")
      ->capture_default_str();
  exp->add_option("--input-format", args->input_format,
                  "Read every input as this format instead of detecting it (see `kumo "
                  "inventory formats`)");
  exp->add_option("--threads", args->threads, "Parser threads")->capture_default_str();
  exp->add_flag("--no-merge", args->no_merge,
                "Keep every record as its own resource (no merging of GCP policy lines, "
                "AWS Config history or credential-report rows)");
  exp->add_flag("-q,--quiet", args->quiet, "Print only diagnostics on stderr, not the summary");
  exp->footer(
      "Examples:\n"
      "  kumo inventory export examples/ > org.jsonl\n"
      "  kumo inventory export snapshot.json.gz cai-export.jsonl arg.json\n"
      "  gcloud asset search-all-resources --format=json | kumo inventory export -\n"
      "Exit code 2 when any record was skipped (see the diagnostics on stderr).");
  exp->callback([args] { SetExitCode(RunExport(*args)); });

  CLI::App* fmts = inv->add_subcommand("formats", "List the inventory formats kumo detects");
  fmts->callback([] {
    for (const std::string& n : inventory::FormatNames()) std::printf("%s\n", n.c_str());
    SetExitCode(kExitOk);
  });
}

KUMO_REGISTER_COMMAND(20, Setup);

}  // namespace
}  // namespace kumo::cli
