// kumo: the one binary. Subcommands register themselves (see command.h).
#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "common/build_info.h"

namespace kumo::cli {
namespace {

std::vector<std::pair<int, CommandSetup>>& Registry() {
  static std::vector<std::pair<int, CommandSetup>> r;
  return r;
}
int g_exit_code = kExitOk;

}  // namespace

bool RegisterCommand(int order, CommandSetup setup) {
  Registry().emplace_back(order, std::move(setup));
  return true;
}
void SetExitCode(int code) { g_exit_code = code; }
int ExitCode() { return g_exit_code; }

}  // namespace kumo::cli

int main(int argc, char** argv) {
  using namespace kumo::cli;
  CLI::App app{
      "kumo: multi-cloud security guardrails.\n"
      "Posture checks (Rego controls) over AWS, Google Cloud and Azure inventories,\n"
      "threat detection (Falco rules) over their audit logs, and the findings loop."};
  app.set_version_flag("--version", std::string("kumo ") + kumo::KumoVersion());
  app.require_subcommand(1);
  app.footer(
      "Exit codes:\n"
      "  0  success\n"
      "  1  a threshold was crossed (e.g. scan --fail-on high, a failing test)\n"
      "  2  usage error or bad input (the run went on; see the diagnostics on stderr)\n"
      "  3  internal error\n"
      "\nRun `kumo COMMAND --help` for a command's options and examples.");
  auto& reg = kumo::cli::Registry();
  std::stable_sort(reg.begin(), reg.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, setup] : reg) setup(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kExitUsage;
  }
  return ExitCode();
}
