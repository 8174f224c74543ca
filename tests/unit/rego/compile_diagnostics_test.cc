// Compile-time diagnostics that follow OPA's wording and positions: print()
// operands that nothing binds, and unsafe vars in rules that share a line.
#include <gtest/gtest.h>

#include "rego/rego.h"

namespace kumo::rego {
namespace {

RegoErrors CompileErrors(const std::string& text, RegoVersion v = RegoVersion::kV1) {
  auto p = Compile({{"m.rego", text, v}});
  EXPECT_FALSE(p.ok()) << "compiled: " << text;
  return p.errors;
}

TEST(CompileDiagnostics, PrintOperandDeclaredButNeverBoundIsUndeclared) {
  // `some` declares without binding: the operand is reported where it is
  // written, under its own name, and not again as an unsafe var.
  auto errs = CompileErrors("package m\n\nq if {\n  some a, b\n  b == 1\n  print(b, [a])\n}\n");
  ASSERT_EQ(errs.errors.size(), 2u) << errs.ToString();
  EXPECT_EQ(errs.errors[0].code, "rego_compile_error");
  EXPECT_EQ(errs.errors[0].message, "var b is undeclared");
  EXPECT_EQ(errs.errors[0].row, 6);
  EXPECT_EQ(errs.errors[0].col, 9);
  EXPECT_EQ(errs.errors[1].message, "var a is undeclared");
  EXPECT_EQ(errs.errors[1].col, 12);
}

TEST(CompileDiagnostics, PrintOperandsSeeClosureAndEveryVars) {
  // Bound before the print, bound by the every, or a function argument: fine.
  auto ok = Compile({{"m.rego",
                      "package m\n\nf(n) if {\n  k := 2\n  every v in [1] {\n    print(n, k, v)\n  "
                      "}\n  xs := [y | some y in [1]; print(y, k)]\n  print(xs)\n}\n"}});
  EXPECT_TRUE(ok.ok()) << ok.errors.ToString();

  auto errs = CompileErrors("package m\n\nq if {\n  every v in [1] {\n    print(w, v)\n  }\n}\n");
  ASSERT_EQ(errs.errors.size(), 1u) << errs.ToString();
  EXPECT_EQ(errs.errors[0].message, "var w is undeclared");
  EXPECT_EQ(errs.errors[0].row, 5);
}

TEST(CompileDiagnostics, PrintIsNotCheckedWhenDisabled) {
  CompileOptions o;
  o.enable_print = false;
  auto p = Compile({{"m.rego", "package m\n\nq if {\n  some a\n  print(a)\n}\n"}}, o);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.errors.errors[0].code, "rego_unsafe_var_error");
}

TEST(CompileDiagnostics, UnsafeVarNamesRuleWhenLineHoldsAnotherRule) {
  auto two = CompileErrors("package m\n\nok if { true } bad if { y > 1 }\n");
  ASSERT_EQ(two.errors.size(), 1u);
  EXPECT_EQ(two.errors[0].message, "var y is unsafe in rule bad");

  auto ref_head = CompileErrors("package m\n\nx.y[\"z\"] := v if { true } w := 1\n");
  ASSERT_EQ(ref_head.errors.size(), 1u);
  EXPECT_EQ(ref_head.errors[0].message, "var v is unsafe in rule x.y.z");
  EXPECT_EQ(ref_head.errors[0].col, 13);
}

TEST(CompileDiagnostics, UnsafeVarUnnamedWhenLineHoldsOneRuleName) {
  auto own = CompileErrors("package m\n\nbad if {\n  y > 1\n}\nok if { true }\n");
  EXPECT_EQ(own.errors[0].message, "var y is unsafe");

  auto same = CompileErrors("package m\n\nr := 1 if { y > 1 } else := 2\nr := 1 if { true }\n");
  EXPECT_EQ(same.errors[0].message, "var y is unsafe");

  // v0: `if` not imported is a rule name of its own.
  auto v0 = CompileErrors("package m\n\nf(a) if {\n  a > 1\n}\n", RegoVersion::kV0);
  EXPECT_EQ(v0.errors[0].message, "var a is unsafe in rule if");
}

}  // namespace
}  // namespace kumo::rego
