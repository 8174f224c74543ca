// The case runner shared by kumo_rego_conformance and the rego unit tests:
// runs one YAML case in OPA's conformance format (query, modules, data,
// input / input_term, want_result / want_error_code / want_error,
// sort_bindings, strict_error, ignore_generated_vars,
// experimental_keywords) in process and says whether it passed.
#ifndef KUMO_TESTS_CONFORMANCE_CASE_RUNNER_H_
#define KUMO_TESTS_CONFORMANCE_CASE_RUNNER_H_

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "rego/program.h"
#include "rego/rego.h"
#include "rego/yaml_value.h"

namespace kumo::rego::testing {

// The five builtins kumo does not provide; cases calling them are skipped.
inline const char* const kUnsupported[] = {"http.send", "net.lookup_ip_addr",
                                           "providers.aws.sign_req", "graphql.", "opa.runtime"};

inline std::string Str(const YAML::Node& n) { return n && n.IsScalar() ? n.Scalar() : ""; }
inline bool Bool(const YAML::Node& n) { return n && n.IsScalar() && (n.Scalar() == "true"); }

inline Value Canon(const Value& v, bool sort_arrays) {
  Value j = ToJsonCompatible(v);
  if (sort_arrays && j.is_array()) {
    std::vector<Value> items(j.items().begin(), j.items().end());
    std::sort(items.begin(), items.end());
    return Value::Array(std::move(items));
  }
  return j;
}

struct CaseResult {
  enum { kPass, kFail, kSkip } outcome = kFail;
  std::string detail;
};

inline std::string UnsupportedIn(const YAML::Node& c) {
  std::string text = Str(c["query"]);
  if (c["modules"])
    for (const auto& m : c["modules"]) text += "\n" + Str(m);
  for (const char* u : kUnsupported)
    if (text.find(u) != std::string::npos) return u;
  return "";
}

inline CaseResult RunCase(const YAML::Node& c, RegoVersion version) {
  CaseResult res;
  std::string unsupported = UnsupportedIn(c);
  std::vector<ModuleSource> mods;
  if (c["modules"]) {
    int i = 0;
    for (const auto& m : c["modules"]) {
      ModuleSource ms;
      ms.filename = "test-" + std::to_string(i++) + ".rego";
      ms.text = Str(m);
      ms.version = version;
      mods.push_back(std::move(ms));
    }
  }
  CompileOptions copts;
  copts.experimental_keywords = Bool(c["experimental_keywords"]);
  std::string want_code = Str(c["want_error_code"]);
  std::string want_err = Str(c["want_error"]);
  bool want_error = !want_code.empty() || !want_err.empty();

  auto error_matches = [&](const RegoErrors& errs) {
    for (const auto& e : errs.errors) {
      if (!want_code.empty() && e.code != want_code) continue;
      std::string located = e.file + ":" + std::to_string(e.row) + ": " + e.code + ": " + e.message;
      if (!want_err.empty() && e.message.find(want_err) == std::string::npos &&
          located.find(want_err) == std::string::npos)
        continue;
      return true;
    }
    return false;
  };
  auto finish_error = [&](const RegoErrors& errs, const char* stage) {
    std::string msg = errs.ToString();
    if (!unsupported.empty() || msg.find("unsupported builtin") != std::string::npos) {
      res.outcome = CaseResult::kSkip;
      res.detail = "calls unsupported builtin " + (unsupported.empty() ? msg : unsupported);
      return res;
    }
    if (want_error && error_matches(errs)) {
      res.outcome = CaseResult::kPass;
      return res;
    }
    res.outcome = CaseResult::kFail;
    res.detail = std::string(stage) + " error: " + msg;
    if (want_error) res.detail += "\n    want error: code=" + want_code + " msg~=" + want_err;
    return res;
  };

  auto prog = Compile(mods, copts);
  if (!prog.ok()) return finish_error(prog.errors, "compile");
  auto q = (*prog.value)->Prepare(Str(c["query"]));
  if (!q.ok()) return finish_error(q.errors, "query compile");

  EvalOptions eopts;
  eopts.strict_builtin_errors = Bool(c["strict_error"]);
  eopts.timeout = std::chrono::milliseconds(5000);
  eopts.print = [](std::string_view) {};
  Value data = c["data"] ? YamlNodeToValue(c["data"]) : Value::EmptyObject();
  if (!data.is_object()) data = Value::EmptyObject();
  eopts.data = &data;
  Value input;
  bool has_input = false;
  if (c["input_term"]) {
    auto t = ParseTerm(Str(c["input_term"]));
    if (!t.ok()) return finish_error(t.errors, "input_term");
    input = *t.value;
    has_input = true;
  } else if (c["input"]) {
    input = YamlNodeToValue(c["input"]);
    has_input = true;
  }
  (void)has_input;
  auto rows = (*q.value)->Eval(input, eopts);
  if (!rows.ok()) return finish_error(rows.errors, "eval");
  if (want_error) {
    res.outcome = CaseResult::kFail;
    res.detail = "want error code=" + want_code + " msg~=" + want_err + ", got result";
    return res;
  }
  bool sort_b = Bool(c["sort_bindings"]);
  bool ignore_gen = Bool(c["ignore_generated_vars"]);
  std::vector<Value> got;
  for (const auto& r : *rows.value) {
    std::vector<kumo::ObjectEntry> es;
    for (const auto& [name, v] : r.bindings) {
      if (ignore_gen && name.rfind("__localq", 0) == 0) continue;
      es.emplace_back(Value::String(name), Canon(v, sort_b));
    }
    got.push_back(Value::Object(std::move(es)));
  }
  std::vector<Value> want;
  if (c["want_result"]) {
    for (const auto& w : c["want_result"]) {
      Value wv = YamlNodeToValue(w);
      std::vector<kumo::ObjectEntry> es;
      for (const auto& [k, v] : wv.entries()) es.emplace_back(k, Canon(v, sort_b));
      want.push_back(Value::Object(std::move(es)));
    }
  }
  auto norm = [](std::vector<Value>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  norm(got);
  norm(want);
  if (got == want) {
    res.outcome = CaseResult::kPass;
    return res;
  }
  res.outcome = CaseResult::kFail;
  res.detail =
      "want " + ValueToJson(Value::Array(want)) + "\n    got  " + ValueToJson(Value::Array(got));
  return res;
}

// Compile-diagnostics cases: every wanted error must be reported.
inline CaseResult RunCompileCase(const YAML::Node& c, RegoVersion version) {
  CaseResult res;
  std::vector<ModuleSource> mods;
  int i = 0;
  std::string rv = Str(c["rego_version"]);
  if (rv == "0" || rv == "v0") version = RegoVersion::kV0;
  for (const auto& m : c["modules"]) {
    ModuleSource ms;
    ms.filename = "test-" + std::to_string(i++) + ".rego";
    ms.text = Str(m);
    ms.version = version;
    mods.push_back(std::move(ms));
  }
  CompileOptions copts;
  copts.strict = Bool(c["strict"]);
  copts.enable_print = !c["print_statements"] || Bool(c["print_statements"]);
  auto prog = Compile(mods, copts);
  std::vector<RegoError> got = prog.errors.errors;
  std::string missing;
  size_t want_n = 0;
  for (const auto& w : c["want_errors"]) {
    ++want_n;
    std::string code = Str(w["code"]);
    int row = w["row"] ? w["row"].as<int>() : 0;
    int col = w["col"] ? w["col"].as<int>() : 0;
    std::string msg = Str(w["message"]);
    bool found = false;
    for (const auto& g : got) {
      if (g.code != code) continue;
      if (row && g.row != row) continue;
      if (col && g.col != col) continue;
      if (!msg.empty() && g.message.find(msg) == std::string::npos) continue;
      found = true;
    }
    if (!found)
      missing += "\n    missing " + code + " " + std::to_string(row) + ":" + std::to_string(col) +
                 " " + msg;
  }
  if (missing.empty() && Bool(c["exhaustive"]) && got.size() != want_n)
    missing = "\n    exhaustive: want " + std::to_string(want_n) + " errors";
  if (missing.empty()) {
    res.outcome = CaseResult::kPass;
    return res;
  }
  res.outcome = CaseResult::kFail;
  res.detail = missing + "\n    got: " + prog.errors.ToString();
  return res;
}

}  // namespace kumo::rego::testing

#endif  // KUMO_TESTS_CONFORMANCE_CASE_RUNNER_H_
