// graph.reachable / graph.reachable_paths, and the registration of the
// builtins kumo deliberately does not run.
#include <gtest/gtest.h>

#include "builtins_b_test_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

using btest::Invoke;
using btest::S;

Value Set(std::vector<std::string> v) {
  std::vector<Value> out;
  for (auto& s : v) out.push_back(S(s));
  return Value::Set(out);
}
Value Path(std::vector<std::string> v) {
  std::vector<Value> out;
  for (auto& s : v) out.push_back(S(s));
  return Value::Array(out);
}

class GraphBuiltinsTest : public ::testing::Test {
 protected:
  void SetUp() override { RegisterGraphBuiltins(r_); }
  Value Call(std::string_view name, std::vector<Value> args) {
    auto c = Invoke(r_, name, std::move(args));
    EXPECT_TRUE(c.defined) << name << ": " << c.message;
    return c.value;
  }
  BuiltinRegistry r_;
};

TEST_F(GraphBuiltinsTest, Reachable) {
  Value g = Value::Object({{S("a"), Set({"b", "c"})},
                           {S("b"), Set({"d"})},
                           {S("c"), Set({"d"})},
                           {S("d"), Value::EmptySet()},
                           {S("e"), Set({"f"})},
                           {S("f"), Set({"e"})},
                           {S("x"), Set({"x"})}});
  EXPECT_EQ(Call("graph.reachable", {g, Set({"b", "e"})}), Set({"b", "d", "e", "f"}));
  EXPECT_EQ(Call("graph.reachable", {g, Path({"a"})}), Set({"a", "b", "c", "d"}));
  // Unknown vertices are not reached; null edges count as none.
  EXPECT_EQ(Call("graph.reachable", {g, Set({"zz"})}), Value::EmptySet());
  EXPECT_EQ(Call("graph.reachable", {Value::Object({{S("a"), Value()}}), Set({"a"})}), Set({"a"}));
  auto c = Invoke(r_, "graph.reachable", {Value::Int(1), Set({"a"})});
  EXPECT_EQ(c.code, "eval_type_error");
  EXPECT_EQ(c.message, "operand 1 must be object but got number");
  c = Invoke(r_, "graph.reachable", {g, S("a")});
  EXPECT_EQ(c.message, "operand 2 must be {array, set} but got string");
}

TEST_F(GraphBuiltinsTest, ReachablePaths) {
  Value cycle = Value::Object({{S("a"), Set({"b"})}, {S("b"), Set({"c"})}, {S("c"), Set({"a"})}});
  EXPECT_EQ(Call("graph.reachable_paths", {cycle, Set({"a"})}),
            Value::Set({Path({"a", "b", "c"})}));
  Value g = Value::Object(
      {{S("a"), Path({"b", "c"})}, {S("b"), Path({"c"})}, {S("c"), Value::EmptyArray()}});
  EXPECT_EQ(Call("graph.reachable_paths", {g, Set({"a"})}),
            Value::Set({Path({"a", "b", "c"}), Path({"a", "c"})}));
  EXPECT_EQ(Call("graph.reachable_paths", {Value::EmptyObject(), Set({"a"})}), Value::EmptySet());
  EXPECT_EQ(Call("graph.reachable_paths", {Value::Object({{S("a"), Value()}}), Path({"a"})}),
            Value::Set({Path({"a"})}));
  // A neighbour outside the graph ends the path before it.
  EXPECT_EQ(Call("graph.reachable_paths", {Value::Object({{S("a"), Path({"zz"})}}), Path({"a"})}),
            Value::Set({Path({"a"})}));
}

TEST(UnsupportedBuiltinsTest, RegisteredWithDeclarationsAndNoBody) {
  BuiltinRegistry r;
  RegisterUnsupportedBuiltins(r);
  for (const char* name :
       {"http.send", "net.lookup_ip_addr", "providers.aws.sign_req", "opa.runtime", "graphql.parse",
        "graphql.parse_and_verify", "graphql.parse_query", "graphql.parse_schema",
        "graphql.is_valid", "graphql.schema_is_valid"}) {
    const BuiltinDef* d = r.Find(name);
    ASSERT_NE(d, nullptr) << name;
    EXPECT_TRUE(d->unsupported) << name;
    EXPECT_EQ(d->fn, nullptr) << name;
    EXPECT_NE(d->decl.find("=>"), std::string::npos) << name;
  }
  EXPECT_EQ(r.Find("http.send")->arity, 1);
  EXPECT_EQ(r.Find("providers.aws.sign_req")->arity, 3);
  EXPECT_EQ(r.Find("opa.runtime")->arity, 0);
  EXPECT_TRUE(r.Find("http.send")->nondeterministic);
}

}  // namespace
}  // namespace kumo::rego
