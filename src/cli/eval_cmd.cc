// `kumo eval`: evaluate a Rego query, modelled on `opa eval`.
//
//   kumo eval -d policies/ -i input.json 'data.kumo.aws.s3.deny'
//
// Output has `opa eval --format json`'s shape: {"result": [{"expressions":
// [{"value": ..., "text": ...}], "bindings": {...}}]}; `{}` when undefined.
// Errors print as {"errors": [{"code": ..., "message": ..., "location":
// {...}}]} and exit 2.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"
#include "rego/loader.h"
#include "rego/program.h"
#include "rego/rego.h"

namespace kumo::cli {
namespace {

struct EvalArgs {
  std::vector<std::string> data;
  std::string input;
  std::string query;
  std::string format = "json";
  bool v0 = false;
  bool strict = false;
  bool strict_builtin_errors = false;
  bool experimental = false;
  uint64_t max_steps = 10'000'000;
  int timeout_ms = 5000;
};

std::string ErrorsJson(const rego::RegoErrors& errs, bool pretty) {
  std::vector<Value> arr;
  for (const auto& e : errs.errors) {
    std::vector<ObjectEntry> es;
    es.emplace_back(Value::String("code"), Value::String(e.code));
    es.emplace_back(Value::String("message"), Value::String(e.message));
    if (!e.file.empty() || e.row) {
      std::vector<ObjectEntry> loc;
      loc.emplace_back(Value::String("file"), Value::String(e.file));
      loc.emplace_back(Value::String("row"), Value::Int(e.row));
      loc.emplace_back(Value::String("col"), Value::Int(e.col));
      es.emplace_back(Value::String("location"), Value::Object(std::move(loc)));
    }
    arr.push_back(Value::Object(std::move(es)));
  }
  return rego::ValueToJson(Value::Object({{Value::String("errors"), Value::Array(std::move(arr))}}),
                           pretty);
}

int RunEval(const EvalArgs& a) {
  bool pretty = a.format == "pretty";
  auto version = a.v0 ? rego::RegoVersion::kV0 : rego::RegoVersion::kV1;
  auto loaded = rego::LoadPaths(a.data, version);
  for (const auto& e : loaded.errors) fprintf(stderr, "kumo eval: %s\n", e.c_str());
  if (!loaded.errors.empty()) return kExitUsage;
  Value input;
  bool has_input = false;
  if (!a.input.empty()) {
    std::string err;
    if (!rego::LoadDocument(a.input, &input, &err)) {
      fprintf(stderr, "kumo eval: %s: %s\n", a.input.c_str(), err.c_str());
      return kExitUsage;
    }
    has_input = true;
  }
  rego::CompileOptions copts;
  copts.strict = a.strict;
  copts.experimental_keywords = a.experimental;
  auto prog = rego::Compile(loaded.modules, copts);
  if (!prog.ok()) {
    printf("%s\n", ErrorsJson(prog.errors, pretty).c_str());
    return kExitUsage;
  }
  auto q = (*prog.value)->Prepare(a.query);
  if (!q.ok()) {
    printf("%s\n", ErrorsJson(q.errors, pretty).c_str());
    return kExitUsage;
  }
  rego::EvalOptions eopts;
  eopts.strict_builtin_errors = a.strict_builtin_errors;
  eopts.data = &loaded.data;
  eopts.max_steps = a.max_steps;
  eopts.timeout = std::chrono::milliseconds(a.timeout_ms);
  eopts.print = [](std::string_view line) {
    fprintf(stderr, "%.*s\n", (int)line.size(), line.data());
  };
  if (!has_input) input = Value();
  auto rows = (*q.value)->Eval(input, eopts);
  if (!rows.ok()) {
    printf("%s\n", ErrorsJson(rows.errors, pretty).c_str());
    return kExitUsage;
  }
  if (a.format == "raw") {
    for (const auto& r : *rows.value) {
      for (const auto& e : r.expressions) {
        if (e.is_string())
          printf("%.*s\n", (int)e.as_string().size(), e.as_string().data());
        else
          printf("%s\n", rego::ValueToJson(rego::ToJsonCompatible(e)).c_str());
      }
    }
    return kExitOk;
  }
  std::vector<Value> results;
  for (const auto& r : *rows.value) {
    std::vector<Value> exprs;
    for (const auto& e : r.expressions) {
      std::vector<ObjectEntry> es;
      es.emplace_back(Value::String("value"), rego::ToJsonCompatible(e));
      if (r.expressions.size() == 1) es.emplace_back(Value::String("text"), Value::String(a.query));
      exprs.push_back(Value::Object(std::move(es)));
    }
    std::vector<ObjectEntry> row;
    row.emplace_back(Value::String("expressions"), Value::Array(std::move(exprs)));
    if (!r.bindings.empty()) {
      std::vector<ObjectEntry> b;
      for (const auto& [n, v] : r.bindings)
        b.emplace_back(Value::String(n), rego::ToJsonCompatible(v));
      row.emplace_back(Value::String("bindings"), Value::Object(std::move(b)));
    }
    results.push_back(Value::Object(std::move(row)));
  }
  Value out = results.empty()
                  ? Value::EmptyObject()
                  : Value::Object({{Value::String("result"), Value::Array(std::move(results))}});
  printf("%s\n", rego::ValueToJson(out, pretty).c_str());
  return kExitOk;
}

void Setup(CLI::App& app) {
  auto a = std::make_shared<EvalArgs>();
  auto* cmd = app.add_subcommand("eval", "Evaluate a Rego query (like `opa eval`)");
  cmd->add_option("query", a->query, "Query, e.g. data.kumo.aws.s3.deny")->required();
  cmd->add_option("-d,--data", a->data, "Policy/data files or directories (.rego, .json, .yaml)");
  cmd->add_option("-i,--input", a->input, "Input document (JSON or YAML)");
  cmd->add_option("-f,--format", a->format, "Output format: json, pretty, raw")
      ->check(CLI::IsMember({"json", "pretty", "raw"}));
  cmd->add_flag("--v0-compatible", a->v0, "Parse modules as Rego v0");
  cmd->add_flag("--strict", a->strict, "Enable strict compiler checks");
  cmd->add_flag("--strict-builtin-errors", a->strict_builtin_errors,
                "Treat builtin errors as fatal");
  cmd->add_flag("--experimental-keywords", a->experimental,
                "Allow experimental `and`/`or` keywords");
  cmd->add_option("--max-steps", a->max_steps, "Evaluation step budget");
  cmd->add_option("--timeout-ms", a->timeout_ms, "Evaluation time budget in milliseconds");
  cmd->callback([a]() { SetExitCode(RunEval(*a)); });
}

KUMO_REGISTER_COMMAND(40, Setup);

}  // namespace
}  // namespace kumo::cli
