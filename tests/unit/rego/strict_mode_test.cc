// Strict mode (CompileOptions::strict, `kumo check --strict`): OPA's extra
// compiler checks with OPA's codes, messages and positions, and the same
// policies compiling as before without the flag.
#include <gtest/gtest.h>

#include "rego/rego.h"

namespace kumo::rego {
namespace {

RegoResult<std::shared_ptr<const Program>> CompileStrict(const std::string& text,
                                                         RegoVersion v = RegoVersion::kV1) {
  CompileOptions o;
  o.strict = true;
  return Compile({{"m.rego", text, v}}, o);
}

// One strict error; the same module compiles when strict mode is off.
RegoError OnlyStrictError(const std::string& text, RegoVersion v = RegoVersion::kV1) {
  auto plain = Compile({{"m.rego", text, v}});
  EXPECT_TRUE(plain.ok()) << plain.errors.ToString();
  auto p = CompileStrict(text, v);
  EXPECT_FALSE(p.ok()) << "compiled in strict mode: " << text;
  EXPECT_EQ(p.errors.errors.size(), 1u) << p.errors.ToString();
  return p.errors.errors.empty() ? RegoError{} : p.errors.errors[0];
}

void ExpectStrictOk(const std::string& text, RegoVersion v = RegoVersion::kV1) {
  auto p = CompileStrict(text, v);
  EXPECT_TRUE(p.ok()) << text << "\n" << p.errors.ToString();
}

TEST(StrictMode, UnusedAssignedVar) {
  auto e = OnlyStrictError("package m\n\np if {\n  x := 1\n  true\n}\n");
  EXPECT_EQ(e.code, "rego_compile_error");
  EXPECT_EQ(e.message, "assigned var x unused");
  EXPECT_EQ(e.file, "m.rego");
  EXPECT_EQ(e.row, 4);
  EXPECT_EQ(e.col, 3);

  // An array pattern reports the var it leaves unused.
  auto arr = OnlyStrictError("package m\n\np if {\n  [a, b] := [1, 2]\n  a > 0\n}\n");
  EXPECT_EQ(arr.message, "assigned var b unused");
  EXPECT_EQ(arr.row, 4);
}

TEST(StrictMode, UnusedAssignedVarInComprehension) {
  auto e = OnlyStrictError("package m\n\np := s if {\n  s := {v | some v in [1, 2]; w := v}\n}\n");
  EXPECT_EQ(e.message, "assigned var w unused");
  EXPECT_EQ(e.row, 4);
  EXPECT_EQ(e.col, 31);
}

TEST(StrictMode, UsedAssignedVarsAreFine) {
  // Used in the body, in the head, in a closure, in a with, as a function
  // result; `_` and unused function arguments are not reported (OPA does not).
  ExpectStrictOk(
      "package m\n\np if {\n  x := 1\n  x > 0\n}\n\nq := y if y := 2\n\nr contains k if {\n  k := "
      "\"a\"\n}\n\ns if {\n  n := 3\n  count([i | some i in [1]; i < n]) == 1\n}\n\nt if {\n  v := "
      "{\"a\": 1}\n  input.a == 1 with input as v\n}\n\nf(a, b) := c if {\n  c := a\n}\n\nu if {\n "
      " _ "
      ":= 1\n}\n\nw := 1 if {\n  false\n} else := x if {\n  x := 2\n}\n");
}

TEST(StrictMode, UnusedSomeDeclaredVar) {
  auto e = OnlyStrictError("package m\n\np if {\n  some x\n  true\n}\n");
  EXPECT_EQ(e.code, "rego_compile_error");
  EXPECT_EQ(e.message, "declared var x unused");
  EXPECT_EQ(e.row, 4);
  EXPECT_EQ(e.col, 3);

  ExpectStrictOk("package m\n\np if {\n  some x\n  input.xs[x] == 1\n}\n");
  ExpectStrictOk("package m\n\np if {\n  some x in input.xs\n  true\n}\n");
}

TEST(StrictMode, UnusedEveryVarIsReportedAtTheFirstBodyExpression) {
  auto e = OnlyStrictError("package m\n\np if {\n  every x in [1] {\n    true\n  }\n}\n");
  EXPECT_EQ(e.message, "declared var x unused");
  EXPECT_EQ(e.row, 5);
  EXPECT_EQ(e.col, 5);

  ExpectStrictOk("package m\n\np if {\n  every k, v in [1] {\n    k >= 0\n    v > 0\n  }\n}\n");
}

TEST(StrictMode, UnusedImport) {
  auto e = OnlyStrictError("package m\n\nimport data.lib.helpers\n\np := 1\n");
  EXPECT_EQ(e.code, "rego_compile_error");
  EXPECT_EQ(e.message, "import data.lib.helpers unused");
  EXPECT_EQ(e.row, 3);
  EXPECT_EQ(e.col, 1);

  auto alias = OnlyStrictError("package m\n\nimport input.user as u\n\np := 1\n");
  EXPECT_EQ(alias.message, "import input.user as u unused");

  auto quoted = OnlyStrictError("package m\n\nimport data.lib[\"my-lib\"] as l\n\np := 1\n");
  EXPECT_EQ(quoted.message, "import data.lib[\"my-lib\"] as l unused");
}

TEST(StrictMode, UsedImportsAndKeywordImportsAreFine) {
  ExpectStrictOk(
      "package m\n\nimport rego.v1\nimport data.lib.helpers\nimport input.user as u\n\np if "
      "helpers.ok\n\nq := n if n := u.name\n");
  // A function from an imported package.
  CompileOptions o;
  o.strict = true;
  auto call = Compile({{"m.rego", "package m\n\nimport data.lib\n\np if lib.f(1)\n"},
                       {"lib.rego", "package lib\n\nf(x) if x > 0\n"}},
                      o);
  EXPECT_TRUE(call.ok()) << call.errors.ToString();
  // v0: future keywords are not reported.
  ExpectStrictOk(
      "package m\n\nimport future.keywords.in\nimport future.keywords.if\n\np if 1 in [1]\n",
      RegoVersion::kV0);
}

TEST(StrictMode, ImportShadowedByLocalIsUnused) {
  // `helpers` in the body is the local var, not the import.
  auto e = OnlyStrictError(
      "package m\n\nimport data.lib.helpers\n\np if {\n  helpers := 1\n  helpers > 0\n}\n");
  EXPECT_EQ(e.message, "import data.lib.helpers unused");
}

TEST(StrictMode, VariableShadowingInput) {
  auto e = OnlyStrictError("package m\n\np if {\n  input := 1\n  input > 0\n}\n");
  EXPECT_EQ(e.code, "rego_compile_error");
  EXPECT_EQ(e.message, "variables must not shadow input (use a different variable name)");
  EXPECT_EQ(e.row, 4);
  EXPECT_EQ(e.col, 3);
}

TEST(StrictMode, RuleShadowingData) {
  auto p = CompileStrict("package m\n\ndata := 1\n");
  ASSERT_FALSE(p.ok());
  bool found = false;
  for (const auto& e : p.errors.errors) {
    if (e.message == "rules must not shadow data (use a different rule name)") {
      found = true;
      EXPECT_EQ(e.code, "rego_compile_error");
      EXPECT_EQ(e.row, 3);
      EXPECT_EQ(e.col, 1);
    }
  }
  EXPECT_TRUE(found) << p.errors.ToString();
}

TEST(StrictMode, DeprecatedBuiltinInV0) {
  auto e = OnlyStrictError("package m\n\np {\n  any([true, false])\n}\n", RegoVersion::kV0);
  EXPECT_EQ(e.code, "rego_type_error");
  EXPECT_EQ(e.message, "deprecated built-in function calls in expression: any");
  EXPECT_EQ(e.row, 4);
  EXPECT_EQ(e.col, 3);

  auto nested =
      OnlyStrictError("package m\n\np = x {\n  x := re_match(\"a\", \"a\")\n}\n", RegoVersion::kV0);
  EXPECT_EQ(nested.message, "deprecated built-in function calls in expression: re_match");
  EXPECT_EQ(nested.col, 8);

  ExpectStrictOk("package m\n\np {\n  regex.match(\"a\", \"a\")\n}\n", RegoVersion::kV0);
}

TEST(StrictMode, AStageWithErrorsEndsCompilation) {
  // OPA reports the unused import (its first stage) and stops there.
  auto p = CompileStrict("package m\n\nimport data.x\n\np if {\n  y := 1\n  true\n}\n");
  ASSERT_EQ(p.errors.errors.size(), 1u) << p.errors.ToString();
  EXPECT_EQ(p.errors.errors[0].message, "import data.x unused");

  // Several unused vars of one scope are all reported.
  auto two = CompileStrict("package m\n\np if {\n  a := 1\n  b := 2\n  true\n}\n");
  ASSERT_EQ(two.errors.errors.size(), 2u) << two.errors.ToString();
  EXPECT_EQ(two.errors.errors[0].message, "assigned var a unused");
  EXPECT_EQ(two.errors.errors[1].message, "assigned var b unused");
}

}  // namespace
}  // namespace kumo::rego
