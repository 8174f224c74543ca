// Evaluation semantics checked against OPA's behaviour: ref-head rules that
// overlap other rules, template strings in function arguments and with
// `with`, and `with` on experimental and/or expressions.
#include <gtest/gtest.h>

#include "rego/rego.h"

namespace kumo::rego {
namespace {

struct Outcome {
  bool compiled = false;
  bool ok = false;
  std::vector<ResultRow> rows;
  RegoErrors errors;
};

Outcome Query(const std::string& module, const std::string& query, const std::string& input = "",
              bool experimental = false) {
  Outcome out;
  CompileOptions co;
  co.experimental_keywords = experimental;
  auto p = Compile({{"m.rego", module}}, co);
  if (!p.ok()) {
    out.errors = p.errors;
    return out;
  }
  out.compiled = true;
  auto q = (*p.value)->Prepare(query);
  if (!q.ok()) {
    out.errors = q.errors;
    return out;
  }
  Value in;
  if (!input.empty()) in = *ParseTerm(input).value;
  auto r = (*q.value)->Eval(in, {});
  out.ok = r.ok();
  if (r.ok()) out.rows = *r.value;
  out.errors = r.errors;
  return out;
}

Value Term(const std::string& text) { return *ParseTerm(text).value; }

// The single binding of the single row.
Value Only(const Outcome& o) {
  EXPECT_TRUE(o.ok) << o.errors.ToString();
  if (o.rows.size() != 1 || o.rows[0].bindings.size() != 1) {
    ADD_FAILURE() << "want one row with one binding, got " << o.rows.size() << " rows";
    return Value();
  }
  return o.rows[0].bindings[0].second;
}

TEST(EvalSemantics, RefHeadSetLeafMergesWithStaticRuleBelow) {
  const char* m = R"(package m
groups[g] contains u if {
  some u, g in {"ann": "ops", "bob": "dev"}
}
groups.ops contains "root"
)";
  EXPECT_EQ(Only(Query(m, "data.m.groups = x")),
            Term(R"({"ops": {"ann", "root"}, "dev": {"bob"}})"));
  EXPECT_EQ(Only(Query(m, "data.m.groups.ops[\"root\"] = x")), Term(R"("root")"));
}

TEST(EvalSemantics, RefHeadValueOverlappingRuleBelowIsConflict) {
  // A static rule that lands inside (or beside keys of) another rule's value.
  const char* inside = R"(package m
cfg[name] := {"port": {"tcp": 80}} if name := "web"
cfg.web.port.udp := 53
)";
  auto a = Query(inside, "data.m.cfg = x");
  ASSERT_FALSE(a.ok);
  EXPECT_EQ(a.errors.errors[0].code, "eval_conflict_error");

  const char* same_key = R"(package m
limits.cpu := 2
limits[k] := 4 if k := "cpu"
)";
  auto b = Query(same_key, "data.m.limits = x");
  ASSERT_FALSE(b.ok);
  EXPECT_EQ(b.errors.errors[0].code, "eval_conflict_error");
  EXPECT_EQ(b.errors.errors[0].message, "object keys must be unique");

  // The same value from both rules is no conflict.
  const char* agree = R"(package m
limits.cpu := 2
limits[k] := 2 if k := "cpu"
)";
  EXPECT_EQ(Only(Query(agree, "data.m.limits = x")), Term(R"({"cpu": 2})"));
}

TEST(EvalSemantics, TemplateStringFunctionArgumentSeesBodyVars) {
  const char* m = R"(package m
greet($"hi {who}") := true if who := input.name
a := greet("hi eve")
b := greet("hi bob")
)";
  EXPECT_EQ(Only(Query(m, "data.m.a = x", R"({"name": "eve"})")), Value::Bool(true));
  auto b = Query(m, "data.m.b = x", R"({"name": "eve"})");
  EXPECT_TRUE(b.ok);
  EXPECT_TRUE(b.rows.empty());
}

TEST(EvalSemantics, WithInsideTemplateExpression) {
  const char* m = R"(package m
env := input.env
s := $"env={env with input as {"env": "prod"}} raw={env}"
)";
  EXPECT_EQ(Only(Query(m, "data.m.s = x", R"({"env": "dev"})")), Term(R"("env=prod raw=dev")"));
}

TEST(EvalSemantics, WithOnLogicExpressionAndParenthesisedOperand) {
  const char* whole = R"(package m
import future.keywords.or
p if {
  input.a == 1 or input.b == 1 with input as {"b": 1}
}
)";
  EXPECT_EQ(Only(Query(whole, "data.m.p = x", R"({"a": 0})", true)), Value::Bool(true));

  const char* scoped = R"(package m
import future.keywords.and
p if {
  (input.a == 1 with input.a as 1) and input.a == 0
}
)";
  EXPECT_EQ(Only(Query(scoped, "data.m.p = x", R"({"a": 0})", true)), Value::Bool(true));
}

TEST(EvalSemantics, MockReplacementRunsWithoutOtherMocks) {
  // `inner` is mocked by `viaLen`, which calls count: the real count, not
  // the outer mock `never` (whose comprehension would be a conflict).
  const char* m = R"(package m
never(xs) := count(xs) if {k: v | k := ["a", "a"][v]}
via_len(xs) := count(xs)
p if {
  q with count as never
}
q if {
  r with object.union_n as via_len
}
r if object.union_n([{}, {}]) == 2
)";
  EXPECT_EQ(Only(Query(m, "data.m.p = x")), Value::Bool(true));
}

TEST(EvalSemantics, ZeroArgumentHeadIsAPlainRule) {
  const char* m =
      "package m\n\none() = 1\nnow = t { t := time.now_ns() with time.now_ns as one }\n";
  auto p = Compile({{"m.rego", m, RegoVersion::kV0}});
  ASSERT_TRUE(p.ok()) << p.errors.ToString();
  auto q = (*p.value)->Prepare("data.m = x");
  ASSERT_TRUE(q.ok());
  auto rows = (*q.value)->Eval(Value(), {});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value->size(), 1u);
  EXPECT_EQ((*rows.value)[0].bindings[0].second, Term(R"({"one": 1, "now": 1})"));
}

TEST(EvalSemantics, UnsupportedBuiltinAsMockIsACompileError) {
  auto p = Compile(
      {{"m.rego", "package m\nt := x if x := time.now_ns() with time.now_ns as opa.runtime\n"}});
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.errors.errors[0].message.find("unsupported builtin: opa.runtime"), std::string::npos);
}

TEST(EvalSemantics, DocumentScopedAnnotationIsInEveryRuleChain) {
  const char* m = R"(package m

# METADATA
# scope: document
# title: Deny reasons
deny := "none" if input.off

# METADATA
# title: Second body
deny := c if c := rego.metadata.chain()
)";
  Value got = Only(Query(m, "data.m.deny = x", "{}"));
  EXPECT_EQ(got, Term(R"([
    {"path": ["m", "deny"], "annotations": {"scope": "rule", "title": "Second body"}},
    {"path": ["m", "deny"], "annotations": {"scope": "document", "title": "Deny reasons"}}])"));
}

TEST(EvalSemantics, CallArgumentRefBindsVarUsedByOtherArgument) {
  // Index and value agree only at position 1.
  const char* m = R"(package m
fixed contains i if {
  some i
  i == input.perm[i]
}
)";
  EXPECT_EQ(Only(Query(m, "data.m.fixed = x", R"({"perm": [2, 1, 0]})")), Term("{1}"));
  // In a query too, without reporting the temporary as a binding.
  auto q = Query("package m\n", "i == input.perm[i]", R"({"perm": [2, 1, 0]})");
  ASSERT_TRUE(q.ok) << q.errors.ToString();
  ASSERT_EQ(q.rows.size(), 1u);
  ASSERT_EQ(q.rows[0].bindings.size(), 1u);
  EXPECT_EQ(q.rows[0].bindings[0].first, "i");
}

TEST(EvalSemantics, DynamicDataRefIsNotRecursionThroughUnrelatedRule) {
  // data[pkg].rules.x cannot reach data.m.p, so p is not recursive.
  auto p = Compile({{"m.rego", "package m\np := data[k].rules.x if k := \"other\"\n"},
                    {"o.rego", "package other\nrules.x := 7\n"}});
  ASSERT_TRUE(p.ok()) << p.errors.ToString();
  auto q = (*p.value)->Prepare("data.m.p = x");
  ASSERT_TRUE(q.ok());
  auto rows = (*q.value)->Eval(Value(), {});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value->size(), 1u);
  EXPECT_EQ((*rows.value)[0].bindings[0].second, Value::Int(7));
}

TEST(EvalSemantics, RefHeadDocWithInputRuleBelowIsNotReusedAcrossInputs) {
  // p's own rule reads no input, the rule below it does: the folded
  // document must follow the input of each evaluation.
  auto p = Compile({{"m.rego", "package m\np[k] := 1 if k := \"a\"\np.b := input.v\n"}});
  ASSERT_TRUE(p.ok()) << p.errors.ToString();
  auto q = (*p.value)->Prepare("data.m.p = x");
  ASSERT_TRUE(q.ok());
  for (int v : {1, 2}) {
    auto rows = (*q.value)->Eval(Term("{\"v\": " + std::to_string(v) + "}"), {});
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows.value->size(), 1u);
    EXPECT_EQ((*rows.value)[0].bindings[0].second,
              Term("{\"a\": 1, \"b\": " + std::to_string(v) + "}"));
  }
}

}  // namespace
}  // namespace kumo::rego
