// `kumo rules`: validate and list Falco rules files, print the field tables.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"
#include "detect/fields.h"
#include "detect/runner.h"

namespace kumo::cli {
namespace {

struct RulesFlags {
  std::vector<std::string> files;
  std::string source;
};

void Setup(CLI::App& app) {
  auto flags = std::make_shared<RulesFlags>();
  CLI::App* cmd = app.add_subcommand("rules", "Validate and list Falco rules; show event fields.");
  cmd->require_subcommand(1);

  CLI::App* validate = cmd->add_subcommand(
      "validate", "Load rules files in order and report errors and warnings (exit 2 on errors).");
  validate->add_option("files", flags->files, "Rules files, loaded in order")->required();
  validate->callback([flags]() {
    Diagnostics diags;
    auto set = detect::LoadRules(flags->files, {}, &diags);
    for (const Diagnostic& d : diags.items()) std::fprintf(stderr, "%s\n", d.ToString().c_str());
    size_t rules = set ? set->rules().size() : 0;
    std::printf("%s: %zu rule(s) compiled, %zu error(s), %zu warning(s)\n",
                diags.has_errors() ? "FAILED" : "OK", rules, diags.error_count(),
                diags.warning_count());
    SetExitCode(diags.has_errors() ? kExitUsage : kExitOk);
  });

  CLI::App* list =
      cmd->add_subcommand("list", "List the rules (built-in packs unless -r is given).");
  list->add_option("-r,--rules", flags->files, "Rules files, loaded in order");
  list->callback([flags]() {
    std::vector<std::string> files =
        flags->files.empty() ? detect::BuiltinRulesFiles() : flags->files;
    Diagnostics diags;
    auto set = detect::LoadRules(files, {}, &diags);
    for (const Diagnostic& d : diags.items()) std::fprintf(stderr, "%s\n", d.ToString().c_str());
    if (!set) {
      SetExitCode(kExitUsage);
      return;
    }
    std::printf("%-56s %-16s %-10s %-8s %s\n", "RULE", "SOURCE", "PRIORITY", "ENABLED", "TAGS");
    for (const auto& r : set->rules()) {
      std::string tags;
      for (const auto& t : r.tags) tags += (tags.empty() ? "" : ",") + t;
      std::printf("%-56s %-16s %-10s %-8s %s\n", r.name.c_str(),
                  std::string(detect::SourceName(r.source)).c_str(),
                  std::string(detect::PriorityName(r.priority)).c_str(), r.enabled ? "yes" : "no",
                  tags.c_str());
    }
  });

  CLI::App* fields = cmd->add_subcommand("fields", "Print the fields rules can use, per source.");
  fields->add_option("--source", flags->source,
                     "aws_cloudtrail, gcp_auditlog or azure_activity (default: all)");
  fields->callback([flags]() {
    auto print = [](const detect::FieldInfo& f) {
      std::string name(f.name);
      if (f.arg == detect::ArgKind::kIndex) name += f.arg_required ? "[index]" : "[index?]";
      if (f.arg == detect::ArgKind::kKey) name += f.arg_required ? "[key]" : "[key?]";
      std::printf("  %-44s %-14s %s\n", name.c_str(), std::string(detect::FieldTypeName(f)).c_str(),
                  std::string(f.description).c_str());
    };
    for (int s = 0; s < detect::kSourceCount; ++s) {
      auto src = static_cast<detect::Source>(s);
      if (!flags->source.empty() && flags->source != detect::SourceName(src)) continue;
      std::printf("source %s (%zu fields)\n", std::string(detect::SourceName(src)).c_str(),
                  detect::SourceFields(src).size());
      for (const auto& f : detect::SourceFields(src)) print(f);
    }
    if (flags->source.empty() || flags->source == "common") {
      std::printf("every source (%zu fields)\n", detect::CommonFields().size());
      for (const auto& f : detect::CommonFields()) print(f);
    }
    detect::Source tmp;
    if (!flags->source.empty() && flags->source != "common" &&
        !detect::SourceFromName(flags->source, &tmp)) {
      std::fprintf(stderr, "kumo rules fields: unknown source '%s'\n", flags->source.c_str());
      SetExitCode(kExitUsage);
    }
  });
}

KUMO_REGISTER_COMMAND(45, Setup);

}  // namespace
}  // namespace kumo::cli
