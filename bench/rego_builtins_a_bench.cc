// Cost of one call of the builtins-A bodies that policies run on every
// resource (count, object.get, sprintf, startswith, lower, split, concat)
// plus arithmetic, regex/glob (cached patterns) and JSON. Inputs are built
// in code: small values shaped like cloud resource fields.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "rego/builtins/builtin.h"
#include "rego/builtins/categories.h"

namespace {

using kumo::Value;
using kumo::rego::BuiltinContext;
using kumo::rego::BuiltinRegistry;

const BuiltinRegistry& Registry() {
  static const BuiltinRegistry r = [] {
    BuiltinRegistry reg;
    kumo::rego::RegisterNumbersBuiltins(reg);
    kumo::rego::RegisterAggregatesBuiltins(reg);
    kumo::rego::RegisterObjectsBuiltins(reg);
    kumo::rego::RegisterStringsBuiltins(reg);
    kumo::rego::RegisterRegexBuiltins(reg);
    kumo::rego::RegisterGlobBuiltins(reg);
    kumo::rego::RegisterEncodingBuiltins(reg);
    return reg;
  }();
  return r;
}

Value Tags() {
  std::vector<kumo::ObjectEntry> e;
  for (int i = 0; i < 16; ++i) {
    e.emplace_back(Value::String("tag-key-" + std::to_string(i)),
                   Value::String("value-" + std::to_string(i)));
  }
  return Value::Object(std::move(e));
}

void Run(benchmark::State& state, const char* name, std::vector<Value> args) {
  const auto* def = Registry().Find(name);
  BuiltinContext ctx;
  Value out;
  for (auto _ : state) {
    bool ok = def->fn(ctx, args, &out);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(out);
  }
}

void BM_Count(benchmark::State& s) { Run(s, "count", {Tags()}); }
void BM_ObjectGet(benchmark::State& s) {
  Run(s, "object.get", {Tags(), Value::String("tag-key-9"), Value::Null()});
}
void BM_ObjectGetPath(benchmark::State& s) {
  Value doc = Value::Object({{Value::String("config"), Tags()}});
  Run(s, "object.get",
      {doc, Value::Array({Value::String("config"), Value::String("tag-key-3")}), Value::Null()});
}
void BM_SprintfSimple(benchmark::State& s) {
  Run(s, "sprintf",
      {Value::String("bucket %s has public ACL %v"),
       Value::Array({Value::String("my-bucket"), Value::Bool(true)})});
}
void BM_StartsWith(benchmark::State& s) {
  Run(s, "startswith", {Value::String("arn:aws:s3:::my-bucket"), Value::String("arn:aws:s3")});
}
void BM_LowerUnchanged(benchmark::State& s) {
  Run(s, "lower", {Value::String("microsoft.storage/storageaccounts")});
}
void BM_LowerChanged(benchmark::State& s) {
  Run(s, "lower", {Value::String("Microsoft.Storage/storageAccounts")});
}
void BM_Split(benchmark::State& s) {
  Run(s, "split", {Value::String("arn:aws:iam::123456789012:role/admin"), Value::String(":")});
}
void BM_Concat(benchmark::State& s) {
  Run(s, "concat",
      {Value::String("/"),
       Value::Array({Value::String("projects"), Value::String("p1"), Value::String("x")})});
}
void BM_PlusInt(benchmark::State& s) { Run(s, "plus", {Value::Int(40), Value::Int(2)}); }
void BM_PlusBig(benchmark::State& s) {
  Run(s, "plus", {Value::Number("18446744073709551617"), Value::Int(1)});
}
void BM_DivDecimal(benchmark::State& s) { Run(s, "div", {Value::Int(1), Value::Int(3)}); }
void BM_RegexMatch(benchmark::State& s) {
  Run(s, "regex.match",
      {Value::String("^arn:aws:s3:::[a-z0-9.-]+$"), Value::String("arn:aws:s3:::my-bucket")});
}
void BM_GlobMatch(benchmark::State& s) {
  Run(s, "glob.match",
      {Value::String("*.github.com"), Value::Array({Value::String(".")}),
       Value::String("api.github.com")});
}
void BM_JsonUnmarshal(benchmark::State& s) {
  Run(s, "json.unmarshal",
      {Value::String(
          R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
          R"("Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]})")});
}
void BM_JsonMarshal(benchmark::State& s) { Run(s, "json.marshal", {Tags()}); }

BENCHMARK(BM_Count);
BENCHMARK(BM_ObjectGet);
BENCHMARK(BM_ObjectGetPath);
BENCHMARK(BM_SprintfSimple);
BENCHMARK(BM_StartsWith);
BENCHMARK(BM_LowerUnchanged);
BENCHMARK(BM_LowerChanged);
BENCHMARK(BM_Split);
BENCHMARK(BM_Concat);
BENCHMARK(BM_PlusInt);
BENCHMARK(BM_PlusBig);
BENCHMARK(BM_DivDecimal);
BENCHMARK(BM_RegexMatch);
BENCHMARK(BM_GlobMatch);
BENCHMARK(BM_JsonUnmarshal);
BENCHMARK(BM_JsonMarshal);

}  // namespace

BENCHMARK_MAIN();
