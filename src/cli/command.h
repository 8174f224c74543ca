// How a `kumo` subcommand plugs into the command line.
//
// Each subcommand lives in its own src/cli/<name>_cmd.cc and registers
// itself with a static KUMO_REGISTER_COMMAND(order, setup): `setup`
// receives the top-level CLI11 app, adds its subcommand with options and
// a callback, and the callback returns kumo's exit code through
// SetExitCode(). main.cc knows no command by name.
#ifndef KUMO_CLI_COMMAND_H_
#define KUMO_CLI_COMMAND_H_

#include <CLI/CLI.hpp>

#include <functional>

namespace kumo::cli {

// Exit codes, documented in `kumo --help`.
inline constexpr int kExitOk = 0;         // success, nothing over threshold
inline constexpr int kExitThreshold = 1;  // findings/alerts/test failures over threshold
inline constexpr int kExitUsage = 2;      // bad usage or bad input (some input skipped)
inline constexpr int kExitInternal = 3;   // kumo itself failed

using CommandSetup = std::function<void(CLI::App& app)>;

// Registers a subcommand; `order` sorts `kumo --help`.
bool RegisterCommand(int order, CommandSetup setup);

// Sets the process exit code from a subcommand callback.
void SetExitCode(int code);
int ExitCode();

}  // namespace kumo::cli

#define KUMO_CLI_CONCAT2(a, b) a##b
#define KUMO_CLI_CONCAT(a, b) KUMO_CLI_CONCAT2(a, b)
#define KUMO_REGISTER_COMMAND(order, setup) \
  static const bool KUMO_CLI_CONCAT(kumo_cmd_registered_, __LINE__) = ::kumo::cli::RegisterCommand(order, setup)

#endif  // KUMO_CLI_COMMAND_H_
