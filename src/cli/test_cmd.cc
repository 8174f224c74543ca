// `kumo test`: run Rego unit tests, modelled on `opa test`.
//
//   kumo test policies/ [-v] [--run REGEX] [--format json]
//
// Every `test_*` rule in every package is a test: it passes when it is
// defined and true; `todo_test_*` rules are skipped. Files and directories
// are loaded as for `kumo eval -d`. Exit 1 when any test fails or errors,
// 2 on bad input (a module that does not compile fails the whole run, as in
// `opa test`).
#include <chrono>
#include <cstdio>
#include <regex>
#include <string>
#include <vector>

#include "cli/command.h"
#include "rego/loader.h"
#include "rego/program.h"
#include "rego/rego.h"

namespace kumo::cli {
namespace {

struct TestArgs {
  std::vector<std::string> paths;
  bool verbose = false;
  std::string run;
  std::string format = "pretty";
  bool v0 = false;
  int timeout_ms = 5000;
};

struct TestCase {
  std::string file;
  int row = 0, col = 0;
  std::string package;  // data.x.y
  std::string name;
  bool todo = false;
};

struct TestResult {
  std::string status;  // PASS FAIL ERROR SKIPPED
  std::string error;
  std::vector<std::string> output;
  double micros = 0;
};

std::string Duration(double us) {
  char buf[64];
  if (us < 1000)
    snprintf(buf, sizeof buf, "%.1fµs", us);
  else if (us < 1e6)
    snprintf(buf, sizeof buf, "%.2fms", us / 1000);
  else
    snprintf(buf, sizeof buf, "%.2fs", us / 1e6);
  return buf;
}

int RunTests(const TestArgs& a) {
  auto version = a.v0 ? rego::RegoVersion::kV0 : rego::RegoVersion::kV1;
  auto loaded = rego::LoadPaths(a.paths, version);
  for (const auto& e : loaded.errors) fprintf(stderr, "kumo test: %s\n", e.c_str());
  if (!loaded.errors.empty()) return kExitUsage;
  auto prog = rego::Compile(loaded.modules);
  if (!prog.ok()) {
    for (const auto& e : prog.errors.errors) fprintf(stderr, "%s\n", e.ToString().c_str());
    fprintf(stderr, "kumo test: %zu compile error(s)\n", prog.errors.errors.size());
    return kExitUsage;
  }
  const auto* impl = static_cast<const rego::ProgramImpl*>(prog.value->get());
  std::vector<TestCase> tests;
  std::optional<std::regex> filter;
  if (!a.run.empty()) {
    try {
      filter.emplace(a.run);
    } catch (const std::regex_error& e) {
      fprintf(stderr, "kumo test: invalid --run regex: %s\n", e.what());
      return kExitUsage;
    }
  }
  for (const auto& m : impl->modules_) {
    std::string pkg = "data";
    for (const auto& p : m->package) pkg += "." + std::string(p.as_string());
    for (const auto& r : m->rules) {
      if (r->kind == rego::RuleKind::kFunction || r->ref.size() != 1) continue;
      std::string name(r->ref[0]->value.as_string());
      bool todo = name.rfind("todo_test_", 0) == 0;
      if (!todo && name.rfind("test_", 0) != 0) continue;
      bool dup = false;
      for (const auto& t : tests)
        if (t.package == pkg && t.name == name) dup = true;
      if (dup) continue;
      std::string full = pkg + "." + name;
      if (filter && !std::regex_search(full, *filter)) continue;
      tests.push_back({m->filename, r->loc.row, r->loc.col, pkg, name, todo});
    }
  }
  std::vector<TestResult> results(tests.size());
  int pass = 0, fail = 0, error = 0, skip = 0;
  for (size_t i = 0; i < tests.size(); ++i) {
    auto& t = tests[i];
    auto& res = results[i];
    if (t.todo) {
      res.status = "SKIPPED";
      ++skip;
      continue;
    }
    auto t0 = std::chrono::steady_clock::now();
    auto q = (*prog.value)->Prepare(t.package + "." + t.name);
    if (!q.ok()) {
      res.status = "ERROR";
      res.error = q.errors.ToString();
      ++error;
      continue;
    }
    rego::EvalOptions eopts;
    eopts.data = &loaded.data;
    eopts.timeout = std::chrono::milliseconds(a.timeout_ms);
    eopts.print = [&res](std::string_view line) { res.output.emplace_back(line); };
    auto rows = (*q.value)->Eval(Value(), eopts);
    res.micros =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    if (!rows.ok()) {
      res.status = "ERROR";
      res.error = rows.errors.ToString();
      ++error;
    } else if (!rows.value->empty() && !(*rows.value)[0].expressions.empty() &&
               (*rows.value)[0].expressions[0].is_true()) {
      res.status = "PASS";
      ++pass;
    } else {
      res.status = "FAIL";
      ++fail;
    }
  }
  int total = static_cast<int>(tests.size());
  if (a.format == "json") {
    std::vector<Value> arr;
    for (size_t i = 0; i < tests.size(); ++i) {
      const auto& t = tests[i];
      const auto& r = results[i];
      std::vector<ObjectEntry> es;
      es.emplace_back(Value::String("location"),
                      Value::Object({{Value::String("file"), Value::String(t.file)},
                                     {Value::String("row"), Value::Int(t.row)},
                                     {Value::String("col"), Value::Int(t.col)}}));
      es.emplace_back(Value::String("package"), Value::String(t.package));
      es.emplace_back(Value::String("name"), Value::String(t.name));
      es.emplace_back(Value::String("duration"), Value::Int(static_cast<int64_t>(r.micros * 1000)));
      if (r.status == "FAIL") es.emplace_back(Value::String("fail"), Value::Bool(true));
      if (r.status == "SKIPPED") es.emplace_back(Value::String("skip"), Value::Bool(true));
      if (r.status == "ERROR")
        es.emplace_back(Value::String("error"),
                        Value::Object({{Value::String("message"), Value::String(r.error)}}));
      if (!r.output.empty()) {
        std::string out;
        for (const auto& l : r.output) out += l + "\n";
        es.emplace_back(Value::String("output"), Value::String(out));
      }
      arr.push_back(Value::Object(std::move(es)));
    }
    printf("%s\n", rego::ValueToJson(Value::Array(std::move(arr)), true).c_str());
  } else {
    std::string last_file;
    for (size_t i = 0; i < tests.size(); ++i) {
      const auto& t = tests[i];
      const auto& r = results[i];
      bool bad = r.status == "FAIL" || r.status == "ERROR";
      if (!a.verbose && !bad) continue;
      if (a.verbose && t.file != last_file) {
        printf("%s%s:\n", last_file.empty() ? "" : "\n", t.file.c_str());
        last_file = t.file;
      }
      if (a.verbose) {
        printf("%s.%s: %s (%s)\n", t.package.c_str(), t.name.c_str(), r.status.c_str(),
               Duration(r.micros).c_str());
      } else {
        printf("%s:%d: %s.%s: %s (%s)\n", t.file.c_str(), t.row, t.package.c_str(), t.name.c_str(),
               r.status.c_str(), Duration(r.micros).c_str());
      }
      if (!r.error.empty()) printf("  %s\n", r.error.c_str());
      if (bad || a.verbose)
        for (const auto& l : r.output) printf("  %s\n", l.c_str());
    }
    printf("%s\n", std::string(80, '-').c_str());
    if (pass) printf("PASS: %d/%d\n", pass, total);
    if (fail) printf("FAIL: %d/%d\n", fail, total);
    if (skip) printf("SKIPPED: %d/%d\n", skip, total);
    if (error) printf("ERROR: %d/%d\n", error, total);
    if (total == 0) printf("no tests found\n");
  }
  return (fail || error) ? kExitThreshold : kExitOk;
}

void Setup(CLI::App& app) {
  auto a = std::make_shared<TestArgs>();
  auto* cmd = app.add_subcommand("test", "Run Rego tests (like `opa test`)");
  cmd->add_option("paths", a->paths, "Policy/test files or directories")->required();
  cmd->add_flag("-v,--verbose", a->verbose, "Print every test, with its print() output");
  cmd->add_option("-r,--run", a->run, "Only run tests whose data.pkg.name matches REGEX");
  cmd->add_option("-f,--format", a->format, "Output format: pretty, json")
      ->check(CLI::IsMember({"pretty", "json"}));
  cmd->add_flag("--v0-compatible", a->v0, "Parse modules as Rego v0");
  cmd->add_option("--timeout-ms", a->timeout_ms, "Time budget per test in milliseconds");
  cmd->callback([a]() { SetExitCode(RunTests(*a)); });
}

KUMO_REGISTER_COMMAND(41, Setup);

}  // namespace
}  // namespace kumo::cli
