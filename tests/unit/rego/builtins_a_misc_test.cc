// Units, semver, uuid and uri builtins of builtins-A.
#include "unit/rego/builtins_a_test_util.h"

namespace kumo::rego::atest {
namespace {

TEST(BuiltinsAUnits, Parse) {
  EXPECT_EQ(Eval("units.parse", {S("10K")}), "10000");
  EXPECT_EQ(Eval("units.parse", {S("1Ki")}), "1024");
  EXPECT_EQ(Eval("units.parse", {S("500m")}), "0.5000000000");
  EXPECT_EQ(Eval("units.parse", {S("1.5M")}), "1500000");
  EXPECT_EQ(Eval("units.parse", {S("\"2G\"")}), "2000000000");
  EXPECT_EQ(Eval("units.parse", {S("")}), "error:eval_builtin_error:no amount provided");
  EXPECT_EQ(Eval("units.parse", {S("1 K")}),
            "error:eval_builtin_error:spaces not allowed in resource strings");
  EXPECT_EQ(Eval("units.parse", {S("1Q")}), "error:eval_builtin_error:unit Q not recognized");
  EXPECT_EQ(Eval("units.parse", {S("1e1234567")}), "error:eval_builtin_error:exponent too large");
  EXPECT_EQ(Eval("units.parse", {S("0.0.0")}),
            "error:eval_builtin_error:could not parse amount to a number");
}

TEST(BuiltinsAUnits, ParseBytes) {
  EXPECT_EQ(Eval("units.parse_bytes", {S("1KiB")}), "1024");
  EXPECT_EQ(Eval("units.parse_bytes", {S("8kb")}), "8000");
  EXPECT_EQ(Eval("units.parse_bytes", {S("4.1Mi")}), "4299161");
  EXPECT_EQ(Eval("units.parse_bytes", {S("128Gi")}), "137438953472");
  EXPECT_EQ(Eval("units.parse_bytes", {S("GB")}),
            "error:eval_builtin_error:no byte amount provided");
  EXPECT_EQ(Eval("units.parse_bytes", {S("1xb")}),
            "error:eval_builtin_error:byte unit xb not recognized");
}

TEST(BuiltinsASemver, CompareAndValidate) {
  EXPECT_EQ(Eval("semver.compare", {S("1.2.3"), S("1.2.4")}), "-1");
  EXPECT_EQ(Eval("semver.compare", {S("1.0.0-alpha"), S("1.0.0")}), "-1");
  EXPECT_EQ(Eval("semver.compare", {S("1.0.0-alpha.10"), S("1.0.0-alpha.9")}), "1");
  EXPECT_EQ(Eval("semver.compare", {S("1.0.0+build"), S("1.0.0")}), "0");
  EXPECT_EQ(Eval("semver.compare", {S("10.0.0"), S("9.0.0")}), "1");
  EXPECT_EQ(Eval("semver.compare", {S("1"), S("1.0.0")}),
            "error:eval_builtin_error:operand 1: string \"1\" is not a valid SemVer");
  EXPECT_EQ(Eval("semver.is_valid", {S("1.0.0-rc.1+b.2")}), "true");
  EXPECT_EQ(Eval("semver.is_valid", {S("01.0.0")}), "false");
  EXPECT_EQ(Eval("semver.is_valid", {I(1)}), "false");
}

TEST(BuiltinsAUuid, ParseAndGenerate) {
  EXPECT_EQ(Eval("uuid.parse", {S("00000000-0000-4000-8000-000000000000")}),
            "{\"variant\":\"RFC4122\",\"version\":4}");
  EXPECT_EQ(Eval("uuid.parse", {S("000003e8-48b9-21ee-b200-325096b39f47")}),
            "{\"clocksequence\":12800,\"domain\":\"Person\",\"id\":1000,\"macvariables\":"
            "\"local:unicast\",\"nodeid\":\"32-50-96-b3-9f-47\",\"time\":1693566990121469600,"
            "\"variant\":\"RFC4122\",\"version\":2}");
  EXPECT_EQ(Eval("uuid.parse", {S("URN:UUID:38074da4-0b00-388d-9c3c-362de965547a")}),
            "{\"variant\":\"RFC4122\",\"version\":3}");
  EXPECT_EQ(Eval("uuid.parse", {S("not-a-uuid")}), "undefined");
  std::unordered_map<std::string, Value> cache;
  Call a = Invoke("uuid.rfc4122", {S("k")}, &cache);
  Call b = Invoke("uuid.rfc4122", {S("k")}, &cache);
  Call c = Invoke("uuid.rfc4122", {S("other")}, &cache);
  ASSERT_TRUE(a.defined);
  EXPECT_EQ(a.value, b.value);
  EXPECT_NE(a.value, c.value);
  std::string_view u = a.value.as_string();
  ASSERT_EQ(u.size(), 36u);
  EXPECT_EQ(u[14], '4');
}

TEST(BuiltinsAUri, ParseAndValidate) {
  EXPECT_EQ(Eval("uri.parse", {S("https://example.com:8080/api?q=1#top")}),
            "{\"fragment\":\"top\",\"hostname\":\"example.com\",\"path\":\"/api\",\"port\":"
            "\"8080\",\"raw_path\":\"/api\",\"raw_query\":\"q=1\",\"scheme\":\"https\"}");
  EXPECT_EQ(Eval("uri.parse", {S("http://[::1]:8080/path%2Fx")}),
            "{\"hostname\":\"::1\",\"path\":\"/path/x\",\"port\":\"8080\",\"raw_path\":"
            "\"/path%2Fx\",\"scheme\":\"http\"}");
  EXPECT_EQ(Eval("uri.parse", {S("mailto:user@example.com")}), "{\"scheme\":\"mailto\"}");
  EXPECT_EQ(Eval("uri.parse", {S("http://exa%6dple.com/")}),
            "error:eval_builtin_error:parse \"http://exa%6dple.com/\": invalid URL escape "
            "\"%6d\"");
  EXPECT_EQ(Eval("uri.parse", {S("http://a<b@example.com/")}),
            "error:eval_builtin_error:parse \"http://a<b@example.com/\": net/url: invalid "
            "userinfo");
  EXPECT_EQ(Eval("uri.is_valid", {S("https://example.com/path?q=1")}), "true");
  EXPECT_EQ(Eval("uri.is_valid", {S("")}), "false");
  EXPECT_EQ(Eval("uri.is_valid", {S("http://[invalid")}), "false");
}

}  // namespace
}  // namespace kumo::rego::atest
