// net.cidr_* builtins against OPA's conformance vectors.
#include <gtest/gtest.h>

#include "builtins_b_test_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

using btest::I;
using btest::Invoke;
using btest::S;

Value Strs(std::vector<std::string> v) {
  std::vector<Value> out;
  for (auto& s : v) out.push_back(S(s));
  return Value::Array(out);
}
Value StrSet(std::vector<std::string> v) {
  std::vector<Value> out;
  for (auto& s : v) out.push_back(S(s));
  return Value::Set(out);
}

class NetBuiltinsTest : public ::testing::Test {
 protected:
  void SetUp() override { RegisterNetBuiltins(r_); }
  Value Call(std::string_view name, std::vector<Value> args) {
    auto c = Invoke(r_, name, std::move(args));
    EXPECT_TRUE(c.defined) << name << ": " << c.message;
    return c.value;
  }
  BuiltinRegistry r_;
};

TEST_F(NetBuiltinsTest, Contains) {
  const Value t = Value::Bool(true), f = Value::Bool(false);
  EXPECT_EQ(Call("net.cidr_contains", {S("10.0.0.0/8"), S("10.1.0.0/24")}), t);
  EXPECT_EQ(Call("net.cidr_contains", {S("172.17.0.0/24"), S("172.17.0.0/16")}), f);
  EXPECT_EQ(Call("net.cidr_contains", {S("10.0.0.0/8"), S("192.168.1.0/24")}), f);
  EXPECT_EQ(Call("net.cidr_contains", {S("10.0.0.0/8"), S("10.1.1.1/32")}), t);
  EXPECT_EQ(Call("net.cidr_contains", {S("10.0.0.0/8"), S("10.1.2.3")}), t);
  EXPECT_EQ(Call("net.cidr_contains", {S("10.0.0.0/8"), S("11.1.2.3")}), f);
  EXPECT_EQ(
      Call("net.cidr_contains", {S("2001:4860:4860::8888/32"), S("2001:4860:4860:1234::8888/40")}),
      t);
  EXPECT_EQ(Call("net.cidr_contains",
                 {S("2001:4860:4860::8888/32"), S("2001:4860:4860:1234:5678:1234:5678:8888/128")}),
            t);
  EXPECT_EQ(Call("net.cidr_contains", {S("2001:4860::/96"), S("2001:4860::/32")}), f);
  EXPECT_EQ(Call("net.cidr_contains", {S("2001:4860::/32"), S("fd1e:5bfe:8af3:9ddc::/64")}), f);
  EXPECT_EQ(Call("net.cidr_contains", {S("0.0.0.0/0"), S("::ffff:10.0.0.1")}), t);
  EXPECT_EQ(Call("net.cidr_contains", {S("0.0.0.0/0"), S("::1")}), f);
  auto c = Invoke(r_, "net.cidr_contains", {S("not-a-cidr"), S("10.0.0.1")});
  EXPECT_EQ(c.code, "eval_builtin_error");
  EXPECT_EQ(c.message, "invalid CIDR address: not-a-cidr");
  c = Invoke(r_, "net.cidr_contains", {S("10.0.0.0/8"), S("10.0.0.256")});
  EXPECT_EQ(c.message, "not a valid textual representation of an IP address or CIDR: 10.0.0.256");
  c = Invoke(r_, "net.cidr_contains", {S("10.0.0.0/8"), I(1)});
  EXPECT_EQ(c.code, "eval_type_error");
}

TEST_F(NetBuiltinsTest, IntersectsAndIsValid) {
  EXPECT_EQ(Call("net.cidr_intersects", {S("192.168.0.0/16"), S("192.168.1.0/24")}),
            Value::Bool(true));
  EXPECT_EQ(Call("net.cidr_intersects", {S("192.168.0.0/24"), S("192.168.1.0/24")}),
            Value::Bool(false));
  EXPECT_EQ(Call("net.cidr_intersects",
                 {S("fd1e:5bfe:8af3:9ddc::/64"), S("fd1e:5bfe:8af3:9ddc:1111::/72")}),
            Value::Bool(true));
  EXPECT_EQ(Invoke(r_, "net.cidr_intersects", {S("192.168.0.0/16"), S("x")}).code,
            "eval_builtin_error");
  for (const char* ok : {"10.0.0.0/8", "::/0", "2001:db8::/32", "::ffff:1.2.3.4/128"}) {
    EXPECT_EQ(Call("net.cidr_is_valid", {S(ok)}), Value::Bool(true)) << ok;
  }
  for (const char* bad :
       {"10.0.0.0", "10.0.0.0/33", "10.0.0.01/8", "1:2:3/64", "abc/1", "::/129", ""}) {
    EXPECT_EQ(Call("net.cidr_is_valid", {S(bad)}), Value::Bool(false)) << bad;
  }
  EXPECT_EQ(Call("net.cidr_is_valid", {I(1)}), Value::Bool(false));
}

TEST_F(NetBuiltinsTest, Expand) {
  EXPECT_EQ(Call("net.cidr_expand", {S("192.168.1.1/30")}),
            StrSet({"192.168.1.0", "192.168.1.1", "192.168.1.2", "192.168.1.3"}));
  EXPECT_EQ(Call("net.cidr_expand", {S("172.16.100.255/32")}), StrSet({"172.16.100.255"}));
  EXPECT_EQ(Call("net.cidr_expand", {S("2001:db8::/127")}), StrSet({"2001:db8::", "2001:db8::1"}));
  auto c = Invoke(r_, "net.cidr_expand", {S("192.168.1.1/33")});
  EXPECT_EQ(c.message, "invalid CIDR address: 192.168.1.1/33");
  EXPECT_EQ(Invoke(r_, "net.cidr_expand", {S("10.0.0.0/8")}).code, "eval_builtin_error");
}

TEST_F(NetBuiltinsTest, Merge) {
  auto merge = [&](std::vector<std::string> in) { return Call("net.cidr_merge", {Strs(in)}); };
  EXPECT_EQ(merge({"192.0.128.0/24", "192.0.128.0/24"}), StrSet({"192.0.128.0/24"}));
  EXPECT_EQ(merge({"192.0.128.0/24", "0.0.0.0/0"}), StrSet({"0.0.0.0/0"}));
  EXPECT_EQ(merge({"192.0.128.0/24", "192.0.129.0/24"}), StrSet({"192.0.128.0/23"}));
  EXPECT_EQ(merge({"192.0.2.112/30", "192.0.2.116/31", "192.0.2.118/31"}),
            StrSet({"192.0.2.112/29"}));
  EXPECT_EQ(merge({"192.0.2.112/30", "192.0.2.116/32", "192.0.2.118/31"}),
            StrSet({"192.0.2.112/30", "192.0.2.116/32", "192.0.2.118/31"}));
  EXPECT_EQ(merge({"192.0.2.112/31", "192.0.2.116/31", "192.0.2.118/31"}),
            StrSet({"192.0.2.112/31", "192.0.2.116/30"}));
  EXPECT_EQ(
      merge({"192.0.1.254/31", "192.0.2.0/28", "192.0.2.16/28", "192.0.2.32/28", "192.0.2.48/28",
             "192.0.2.64/28", "192.0.2.80/28", "192.0.2.96/28", "192.0.2.112/28", "192.0.2.128/28",
             "192.0.2.144/28", "192.0.2.160/28", "192.0.2.176/28", "192.0.2.192/28",
             "192.0.2.208/28", "192.0.2.224/28", "192.0.2.240/28", "192.0.3.0/28"}),
      StrSet({"192.0.1.254/31", "192.0.2.0/24", "192.0.3.0/28"}));
  EXPECT_EQ(merge({"::/0", "::192.0.2.0/124", "ff00::101/128"}), StrSet({"::/0"}));
  EXPECT_EQ(merge({"fe80::/120", "192.0.2.0/24", "192.0.3.0/24", "192.0.4.0/25", "192.0.4.128/25"}),
            StrSet({"192.0.2.0/23", "192.0.4.0/24", "fe80::/120"}));
  EXPECT_EQ(merge({"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64",
                   "2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128"}),
            StrSet({"2601:600:8a80:207e::/64"}));
  EXPECT_EQ(merge({"192.0.2.112", "192.0.2.116/31", "192.0.2.118/31"}), StrSet({"192.0.2.0/24"}));
  EXPECT_EQ(merge({"192.0.128.0", "192.0.129.0"}), StrSet({"192.0.128.0/23"}));
  EXPECT_EQ(merge({}), Value::EmptySet());
  EXPECT_EQ(
      Call("net.cidr_merge", {StrSet({"192.0.2.112/30", "192.0.2.116/31", "192.0.2.118/31"})}),
      StrSet({"192.0.2.112/29"}));
  auto c = Invoke(r_, "net.cidr_merge", {Strs({"2601:600:8a80:207e:a57d:7567:e2c9:e7b3"})});
  EXPECT_EQ(c.message, "IPv6 invalid: needs prefix length");
  EXPECT_EQ(Invoke(r_, "net.cidr_merge", {Strs({"foo"})}).code, "eval_builtin_error");
}

TEST_F(NetBuiltinsTest, ContainsMatches) {
  auto pair = [](Value a, Value b) { return Value::Array({a, b}); };
  EXPECT_EQ(Call("net.cidr_contains_matches", {S("1.1.1.0/24"), S("1.1.1.128")}),
            Value::Set({pair(S("1.1.1.0/24"), S("1.1.1.128"))}));
  EXPECT_EQ(Call("net.cidr_contains_matches",
                 {Strs({"1.1.1.0/24", "1.1.2.0/24"}), Strs({"1.1.1.128", "1.1.2.128", "2.2.2.2"})}),
            Value::Set({pair(I(0), I(0)), pair(I(1), I(1))}));
  Value tuples =
      Value::Array({Value::Array({S("1.1.1.0/24"), S("foo")}), Value::Array({S("1.1.2.0/24")})});
  EXPECT_EQ(Call("net.cidr_contains_matches", {tuples, S("1.1.2.1")}),
            Value::Set({pair(I(1), S("1.1.2.1"))}));
  Value obj =
      Value::Object({{S("k1"), S("1.1.1.0/24")}, {S("k2"), Value::Array({S("1.1.2.0/24")})}});
  EXPECT_EQ(Call("net.cidr_contains_matches", {obj, S("1.1.1.1")}),
            Value::Set({pair(S("k1"), S("1.1.1.1"))}));
  Value set = StrSet({"1.1.1.0/24"});
  EXPECT_EQ(Call("net.cidr_contains_matches", {set, S("1.1.1.1")}),
            Value::Set({pair(S("1.1.1.0/24"), S("1.1.1.1"))}));
  auto c = Invoke(r_, "net.cidr_contains_matches",
                  {S("1.1.1.0/24"), Value::Array({Value::EmptyArray()})});
  EXPECT_EQ(c.code, "eval_builtin_error");
  EXPECT_EQ(c.message, "operand 2: element must be string or non-empty array");
}

}  // namespace
}  // namespace kumo::rego
