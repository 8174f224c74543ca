// `kumo check`: parse and compile Rego modules (like `opa check`).
//
//   kumo check policies/ [--strict] [--v0-compatible] [--format json]
//
// Exit 0 when everything compiles, 2 with the errors (file:row:col: code:
// message, or OPA's JSON error shape) otherwise.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"
#include "rego/loader.h"
#include "rego/program.h"
#include "rego/rego.h"

namespace kumo::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> paths;
  bool strict = false;
  bool v0 = false;
  std::string format = "pretty";
};

int RunCheck(const CheckArgs& a) {
  auto loaded = rego::LoadPaths(a.paths, a.v0 ? rego::RegoVersion::kV0 : rego::RegoVersion::kV1);
  for (const auto& e : loaded.errors) fprintf(stderr, "kumo check: %s\n", e.c_str());
  if (!loaded.errors.empty()) return kExitUsage;
  rego::CompileOptions copts;
  copts.strict = a.strict;
  auto prog = rego::Compile(loaded.modules, copts);
  if (prog.ok()) return kExitOk;
  if (a.format == "json") {
    std::vector<Value> arr;
    for (const auto& e : prog.errors.errors) {
      arr.push_back(Value::Object({{Value::String("code"), Value::String(e.code)},
                                   {Value::String("message"), Value::String(e.message)},
                                   {Value::String("location"),
                                    Value::Object({{Value::String("file"), Value::String(e.file)},
                                                   {Value::String("row"), Value::Int(e.row)},
                                                   {Value::String("col"), Value::Int(e.col)}})}}));
    }
    printf("%s\n",
           rego::ValueToJson(
               Value::Object({{Value::String("errors"), Value::Array(std::move(arr))}}), true)
               .c_str());
  } else {
    for (const auto& e : prog.errors.errors) fprintf(stderr, "%s\n", e.ToString().c_str());
    fprintf(stderr, "%zu error(s)\n", prog.errors.errors.size());
  }
  return kExitUsage;
}

void Setup(CLI::App& app) {
  auto a = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand("check", "Parse and compile Rego modules (like `opa check`)");
  cmd->add_option("paths", a->paths, "Policy files or directories")->required();
  cmd->add_flag("--strict", a->strict, "Enable strict compiler checks");
  cmd->add_flag("--v0-compatible", a->v0, "Parse modules as Rego v0");
  cmd->add_option("-f,--format", a->format, "Output format: pretty, json")
      ->check(CLI::IsMember({"pretty", "json"}));
  cmd->callback([a]() { SetExitCode(RunCheck(*a)); });
}

KUMO_REGISTER_COMMAND(42, Setup);

}  // namespace
}  // namespace kumo::cli
