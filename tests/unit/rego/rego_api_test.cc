// The public Rego API (rego.h): compile once, prepare, evaluate many times,
// from several threads; errors with OPA's codes; limits; annotations.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "rego/rego.h"

namespace kumo::rego {
namespace {

std::shared_ptr<const Program> MustCompile(const std::string& text,
                                           RegoVersion v = RegoVersion::kV1) {
  auto p = Compile({{"test.rego", text, v}});
  EXPECT_TRUE(p.ok()) << p.errors.ToString();
  return p.ok() ? *p.value : nullptr;
}

const char* kControl = R"(# METADATA
# title: S3 buckets are encrypted
# custom:
#   id: AWS-S3-001
#   severity: high
package kumo.aws.s3.encryption

deny contains msg if {
  input.type == "AWS::S3::Bucket"
  not input.config.encryption.enabled
  msg := sprintf("bucket %s is not encrypted", [input.name])
}
)";

TEST(RegoApi, DenyContainsAndAnnotations) {
  auto prog = MustCompile(kControl);
  ASSERT_TRUE(prog);
  auto q = prog->Prepare("data.kumo.aws.s3.encryption.deny");
  ASSERT_TRUE(q.ok()) << q.errors.ToString();
  auto in = ParseTerm(R"({"type": "AWS::S3::Bucket", "name": "logs", "config": {}})");
  ASSERT_TRUE(in.ok());
  auto rows = (*q.value)->Eval(*in.value, {});
  ASSERT_TRUE(rows.ok()) << rows.errors.ToString();
  ASSERT_EQ(rows.value->size(), 1u);
  const Value& deny = (*rows.value)[0].expressions[0];
  ASSERT_TRUE(deny.is_set());
  EXPECT_TRUE(deny.Contains(Value::String("bucket logs is not encrypted")));

  ASSERT_EQ(prog->annotations().size(), 1u);
  const auto& a = prog->annotations()[0];
  EXPECT_EQ(a.scope, "package");
  EXPECT_EQ(a.path, "data.kumo.aws.s3.encryption");
  const Value* id = a.value.FindPath({"custom", "id"});
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->as_string(), "AWS-S3-001");
  EXPECT_EQ(prog->packages(), std::vector<std::string>{"data.kumo.aws.s3.encryption"});
}

TEST(RegoApi, SharedBaseDataAndConcurrentEval) {
  auto prog = MustCompile(R"(package p
deny contains id if {
  some id, r in data.kumo.resources["AWS::S3::Bucket"]
  r.public
  input.id == id
})");
  auto q = prog->Prepare("data.p.deny");
  ASSERT_TRUE(q.ok());
  auto data = ParseTerm(
      R"({"kumo": {"resources": {"AWS::S3::Bucket": {"a": {"public": true}, "b": {}}}}})");
  ASSERT_TRUE(data.ok());
  std::atomic<int> hits{0};
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; ++t) {
    ts.emplace_back([&] {
      EvalOptions o;
      o.data = &*data.value;
      for (int i = 0; i < 500; ++i) {
        Value in = Value::Object({{Value::String("id"), Value::String(i % 2 ? "a" : "b")}});
        auto rows = (*q.value)->Eval(in, o);
        if (rows.ok() && (*rows.value)[0].expressions[0].size() == 1) ++hits;
      }
    });
  }
  for (auto& t : ts) t.join();
  EXPECT_EQ(hits.load(), 4 * 250);
}

TEST(RegoApi, CompileErrorsHaveOpaCodes) {
  auto unsafe = Compile({{"a.rego", "package a\np if { x > 1 }\n"}});
  ASSERT_FALSE(unsafe.ok());
  EXPECT_EQ(unsafe.errors.errors[0].code, "rego_unsafe_var_error");
  EXPECT_EQ(unsafe.errors.errors[0].message, "var x is unsafe");
  EXPECT_EQ(unsafe.errors.errors[0].row, 2);

  auto rec = Compile({{"a.rego", "package a\np if q\nq if p\n"}});
  ASSERT_FALSE(rec.ok());
  EXPECT_EQ(rec.errors.errors[0].code, "rego_recursion_error");

  auto parse = Compile({{"a.rego", "package a\np if {\n"}});
  ASSERT_FALSE(parse.ok());
  EXPECT_EQ(parse.errors.errors[0].code, "rego_parse_error");
  EXPECT_EQ(parse.errors.errors[0].file, "a.rego");

  auto undef = Compile({{"a.rego", "package a\np if no_such_fn(1)\n"}});
  ASSERT_FALSE(undef.ok());
  EXPECT_EQ(undef.errors.errors[0].code, "rego_type_error");
}

TEST(RegoApi, LimitsFailCleanly) {
  auto prog = MustCompile(R"(package a
p := count([x | some x in input.xs; x >= 0]))");
  auto q = prog->Prepare("data.a.p");
  ASSERT_TRUE(q.ok());
  std::vector<Value> xs;
  for (int i = 0; i < 100000; ++i) xs.push_back(Value::Int(i));
  Value in = Value::Object({{Value::String("xs"), Value::Array(std::move(xs))}});
  EvalOptions o;
  o.max_steps = 10000;
  auto rows = (*q.value)->Eval(in, o);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.errors.errors[0].code, "eval_limit_error");
}

TEST(RegoApi, TimeBudgetFailsCleanly) {
  // About 4 million steps: far more than 1 ms of work, far less than the
  // default step budget, so only the time budget can stop it.
  auto prog = MustCompile(R"(package a
p := count([1 | some x in numbers.range(1, 2000); some y in numbers.range(1, 2000); x != y]))");
  auto q = prog->Prepare("data.a.p");
  ASSERT_TRUE(q.ok());
  EvalOptions o;
  o.timeout = std::chrono::milliseconds(1);
  auto rows = (*q.value)->Eval(Value(), o);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.errors.errors[0].code, "eval_limit_error");
  EXPECT_NE(rows.errors.errors[0].message.find("time budget of 1ms"), std::string::npos)
      << rows.errors.errors[0].message;
}

TEST(RegoApi, PrintGoesToHook) {
  auto prog = MustCompile("package a\np if { print(\"hello\", input.nope) }\n");
  auto q = prog->Prepare("data.a.p");
  ASSERT_TRUE(q.ok());
  std::vector<std::string> lines;
  EvalOptions o;
  o.print = [&](std::string_view l) { lines.emplace_back(l); };
  auto rows = (*q.value)->Eval(Value(), o);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "hello <undefined>");
}

TEST(RegoApi, ParseTermKeepsSetsAndNumbers) {
  auto t = ParseTerm("{1, 2, 2, 100000000000000000000000}");
  ASSERT_TRUE(t.ok());
  EXPECT_TRUE(t.value->is_set());
  EXPECT_EQ(t.value->size(), 3u);
  EXPECT_FALSE(ParseTerm("[1,").ok());
}

// Rules that depend only on data (a table built from all resources) are
// computed once per thread and reused by later evaluations of the same
// program with the same data; rules that read input, call nondeterministic
// builtins or run under `with` are not.
const char* kJoin = R"(package j
logged := {b.name | some b in data.kumo.buckets; b.logging}
deny contains input.name if {
  not logged[input.name]
}
now_bucket := sprintf("%d", [time.now_ns()])
per_input := input.name
)";

Value In(const char* name) { return Value::Object({{Value::String("name"), Value::String(name)}}); }

TEST(RegoApi, InputIndependentRulesAreReusedAcrossEvaluations) {
  auto prog = MustCompile(kJoin);
  ASSERT_TRUE(prog);
  auto q = prog->Prepare("data.j.deny");
  ASSERT_TRUE(q.ok()) << q.errors.ToString();
  auto data =
      ParseTerm(R"({"kumo": {"buckets": [{"name": "a", "logging": true}, {"name": "b"}]}})");
  ASSERT_TRUE(data.ok());
  EvalOptions o;
  o.data = &*data.value;
  EvalStats first, second;
  o.stats = &first;
  auto r1 = (*q.value)->Eval(In("a"), o);
  o.stats = &second;
  auto r2 = (*q.value)->Eval(In("b"), o);
  ASSERT_TRUE(r1.ok() && r2.ok());
  EXPECT_EQ((*r1.value)[0].expressions[0].size(), 0u);  // a is logged
  EXPECT_TRUE((*r2.value)[0].expressions[0].Contains(Value::String("b")));
  EXPECT_EQ(first.reused_rule_docs, 0u);
  EXPECT_EQ(second.reused_rule_docs, 1u);
  EXPECT_LT(second.steps, first.steps);

  // Different data: recomputed, never stale.
  auto other = ParseTerm(R"({"kumo": {"buckets": [{"name": "b", "logging": true}]}})");
  ASSERT_TRUE(other.ok());
  EvalStats third;
  o.data = &*other.value;
  o.stats = &third;
  auto r3 = (*q.value)->Eval(In("b"), o);
  ASSERT_TRUE(r3.ok());
  EXPECT_EQ((*r3.value)[0].expressions[0].size(), 0u);
  EXPECT_EQ(third.reused_rule_docs, 0u);

  // `with data` replaces what the cached rule read: not reused.
  auto qw = prog->Prepare(R"(x := data.j.deny with data.kumo.buckets as [])");
  ASSERT_TRUE(qw.ok()) << qw.errors.ToString();
  EvalStats fourth;
  o.stats = &fourth;
  auto r4 = (*qw.value)->Eval(In("b"), o);
  ASSERT_TRUE(r4.ok()) << r4.errors.ToString();
  ASSERT_EQ(r4.value->size(), 1u);
  EXPECT_TRUE((*r4.value)[0].bindings[0].second.Contains(Value::String("b")));
  EXPECT_EQ(fourth.reused_rule_docs, 0u);
}

TEST(RegoApi, InputAndClockDependentRulesAreNotReused) {
  auto prog = MustCompile(kJoin);
  ASSERT_TRUE(prog);
  auto qi = prog->Prepare("data.j.per_input");
  auto qt = prog->Prepare("data.j.now_bucket");
  ASSERT_TRUE(qi.ok() && qt.ok());
  EvalOptions o;
  EvalStats st;
  o.stats = &st;
  auto a = (*qi.value)->Eval(In("a"), o);
  auto b = (*qi.value)->Eval(In("b"), o);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a.value)[0].expressions[0].as_string(), "a");
  EXPECT_EQ((*b.value)[0].expressions[0].as_string(), "b");
  o.now_ns = 1;
  auto t1 = (*qt.value)->Eval(In("a"), o);
  o.now_ns = 2;
  auto t2 = (*qt.value)->Eval(In("a"), o);
  ASSERT_TRUE(t1.ok() && t2.ok());
  EXPECT_EQ((*t1.value)[0].expressions[0].as_string(), "1");
  EXPECT_EQ((*t2.value)[0].expressions[0].as_string(), "2");
  EXPECT_EQ(st.reused_rule_docs, 0u);
}

}  // namespace
}  // namespace kumo::rego
