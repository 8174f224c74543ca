// Rule bodies run single-solution expressions in a loop and switch to
// continuation passing at the first generator (see EvalBody in eval.cc).
// These cases mix the two modes and check the results, the bindings undone
// on backtracking, errors and print output are what OPA gives.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rego/rego.h"

namespace kumo::rego {
namespace {

RegoResult<std::vector<ResultRow>> EvalQuery(const std::string& module, const std::string& query,
                                             const std::string& input, EvalOptions opts = {}) {
  auto p = Compile({{"m.rego", module}});
  EXPECT_TRUE(p.ok()) << p.errors.ToString();
  auto q = (*p.value)->Prepare(query);
  EXPECT_TRUE(q.ok()) << q.errors.ToString();
  Value in = input.empty() ? Value() : *ParseTerm(input).value;
  return (*q.value)->Eval(in, opts);
}

Value One(const std::string& module, const std::string& query, const std::string& input) {
  auto r = EvalQuery(module, query, input);
  EXPECT_TRUE(r.ok()) << r.errors.ToString();
  if (!r.ok() || r.value->size() != 1) {
    ADD_FAILURE() << "want one row";
    return Value();
  }
  return (*r.value)[0].expressions[0];
}

TEST(EvalBodyModes, AssignmentsAfterAGeneratorAreRedoneForEachSolution) {
  // x and m are bound in the loop after `some v in`, once per element; a
  // binding left over from the previous element would repeat its message.
  const char* m = R"(package m
out contains msg if {
  some v in input.xs
  x := v * 10
  x > 10
  msg := sprintf("%d-%s", [x, input.tag])
}
)";
  EXPECT_EQ(One(m, "data.m.out", R"({"xs": [1, 2, 3], "tag": "t"})"),
            *ParseTerm(R"({"20-t", "30-t"})").value);
}

TEST(EvalBodyModes, UndefinedAndFalseStopTheBody) {
  const char* m = R"(package m
a if { x := input.missing; x == 1 }
b if { x := input.n; x == 2 }
c if { x := input.n; not x == 2 }
d if { input.flag }
)";
  const std::string in = R"({"n": 1, "flag": false})";
  for (const char* rule : {"a", "b", "d"}) {
    auto r = EvalQuery(m, std::string("data.m.") + rule, in);
    ASSERT_TRUE(r.ok()) << r.errors.ToString();
    EXPECT_TRUE(r.value->empty()) << rule;
  }
  EXPECT_EQ(One(m, "data.m.c", in), Value::Bool(true));
}

TEST(EvalBodyModes, ManyBindingsInOneBody) {
  // More single-solution bindings than the loop keeps at once (16): the
  // rest of the body continues in continuation-passing mode.
  std::string body;
  for (int i = 0; i < 40; ++i)
    body += "  v" + std::to_string(i) + " := input.n + " + std::to_string(i) + "\n";
  std::string m = "package m\ns := total if {\n" + body + "  total := v0 + v20 + v39\n}\n";
  EXPECT_EQ(One(m, "data.m.s", R"({"n": 1})"), Value::Int(1 + 21 + 40));
}

TEST(EvalBodyModes, UnificationOfBoundValuesAndPatterns) {
  const char* m = R"(package m
same if { x := input.a; y := input.b; x = y }
pair := [p, q] if { [p, q] = input.pair }
)";
  auto r = EvalQuery(m, "data.m.same", R"({"a": 1, "b": 2})");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value->empty());
  EXPECT_EQ(One(m, "data.m.same", R"({"a": 3, "b": 3})"), Value::Bool(true));
  EXPECT_EQ(One(m, "data.m.pair", R"({"pair": ["l", "r"]})"), *ParseTerm(R"(["l", "r"])").value);
}

TEST(EvalBodyModes, StrictBuiltinErrorInTheLoopFailsTheQuery) {
  const char* m = R"(package m
p if { x := input.s; y := to_number(x); y > 0 }
)";
  EvalOptions strict;
  strict.strict_builtin_errors = true;
  auto r = EvalQuery(m, "data.m.p", R"({"s": "not a number"})", strict);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors.errors[0].code, "eval_builtin_error");
  // Without strict errors the call is undefined and so is p.
  auto lax = EvalQuery(m, "data.m.p", R"({"s": "not a number"})");
  ASSERT_TRUE(lax.ok());
  EXPECT_TRUE(lax.value->empty());
}

TEST(EvalBodyModes, PrintRunsOncePerSolution) {
  const char* m = R"(package m
p if {
  some v in input.xs
  print("v", v)
  x := v
  print("x", x)
}
)";
  std::vector<std::string> lines;
  EvalOptions o;
  o.print = [&](std::string_view l) { lines.emplace_back(l); };
  auto r = EvalQuery(m, "data.m.p", R"({"xs": [1, 2]})", o);
  ASSERT_TRUE(r.ok()) << r.errors.ToString();
  EXPECT_EQ(lines, (std::vector<std::string>{"v 1", "x 1", "v 2", "x 2"}));
}

TEST(EvalBodyModes, WalkIsAGenerator) {
  const char* m = R"(package m
leaves contains v if {
  walk(input, [_, v])
  is_number(v)
}
)";
  EXPECT_EQ(One(m, "data.m.leaves", R"({"a": 1, "b": {"c": 2}})"), *ParseTerm("{1, 2}").value);
}

TEST(EvalBodyModes, BorrowedBindingsOutliveTheirUses) {
  // Variables borrow the values they are bound to (see Slot in eval.cc):
  // parts of input, members being iterated, function results, values
  // computed for the binding alone. Each is used after later generators
  // and calls have run; under AddressSanitizer a binding that outlived its
  // value would be reported here.
  const char* m = R"(package m
suffix(x) := concat("-", [x, "a suffix longer than fourteen bytes"])
out contains msg if {
  cfg := input.config
  some item in cfg.items
  name := suffix(item.name)
  copy := name
  some other in [name, upper(copy)]
  tags := {t | some t in item.tags}
  count(tags) > 0
  msg := sprintf("%s|%s|%d", [copy, other, count(tags)])
}
)";
  const std::string in =
      R"({"config": {"items": [{"name": "first-resource-name", "tags": ["a", "b"]},
                               {"name": "second", "tags": ["c"]}]}})";
  EXPECT_EQ(One(m, "data.m.out", in), *ParseTerm(R"({
      "first-resource-name-a suffix longer than fourteen bytes|first-resource-name-a suffix longer than fourteen bytes|2",
      "first-resource-name-a suffix longer than fourteen bytes|FIRST-RESOURCE-NAME-A SUFFIX LONGER THAN FOURTEEN BYTES|2",
      "second-a suffix longer than fourteen bytes|second-a suffix longer than fourteen bytes|1",
      "second-a suffix longer than fourteen bytes|SECOND-A SUFFIX LONGER THAN FOURTEEN BYTES|1"})")
                                           .value);
}

TEST(EvalBodyModes, LookupHintsFollowEachObjectsOwnLayout) {
  // A ref site remembers where it found its key; objects of other shapes
  // must still be searched (the hint is only a first guess).
  const char* m = R"(package m
out contains v if {
  some r in input.rs
  v := r.config.name
}
)";
  const std::string in = R"({"rs": [
      {"config": {"name": "n1", "z": 1}},
      {"config": {"a": 1, "b": 2, "name": "n2"}},
      {"config": {"name": "n3"}},
      {"config": {"other": 1}},
      {"config": {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "name": "n4"}},
      {"config": {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9}}]})";
  EXPECT_EQ(One(m, "data.m.out", in), *ParseTerm(R"({"n1", "n2", "n3", "n4"})").value);
}

TEST(EvalBodyModes, SprintfOnALiteralArrayMatchesSprintfOnAValue) {
  // sprintf's literal array operand is formatted from its items without
  // building the array; the result and the errors must not change.
  const char* m = R"(package m
lit := sprintf("%s=%d %v", [input.k, input.n, input.o])
val := sprintf("%s=%d %v", arr) if arr := [input.k, input.n, input.o]
bad := sprintf(input.n, [input.k])
)";
  const std::string in = R"({"k": "key", "n": 7, "o": {"x": [1, "y"]}})";
  Value lit = One(m, "data.m.lit", in);
  EXPECT_EQ(lit, Value::String(R"(key=7 {"x": [1, "y"]})"));
  EXPECT_EQ(One(m, "data.m.val", in), lit);
  EvalOptions strict;
  strict.strict_builtin_errors = true;
  auto r = EvalQuery(m, "data.m.bad", in, strict);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors.errors[0].code, "eval_type_error") << r.errors.ToString();
}

}  // namespace
}  // namespace kumo::rego
