// Condition language: grammar (§2.1-2.2), operators (§2.3), field
// arguments (§2.4), transformers and val() (§2.5), list expansion (§2.6).
#include "detect/condition.h"

#include <gtest/gtest.h>

#include "unit/detect/test_util.h"

namespace kumo::detect {
namespace {

using testing::Eval;
using testing::TestEvent;

const char* kCt = R"({"eventName":"ConsoleLogin","eventSource":"signin.amazonaws.com",
 "awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7","userAgent":"Mozilla/5.0",
 "userIdentity":{"type":"IAMUser","userName":"Alice","arn":"arn:aws:iam::1:user/Alice","principalId":"AIDA1","accountId":"111"},
 "requestParameters":{"userName":"alice","bucketName":"b1","key":"dir/file.txt","policy":{"a":1}},
 "responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"MFAUsed":"No","bytesTransferredIn":10,"bytesTransferredOut":5.9},
 "readOnly":false,"eventType":"AwsConsoleSignIn","path":"/usr/local/bin/x","b64":"aGVsbG8gd29ybGQ="})";

class ConditionTest : public ::testing::Test {
 protected:
  TestEvent ev{Source::kAwsCloudTrail, kCt};
};

TEST_F(ConditionTest, Precedence) {
  EXPECT_EQ(Eval(ev, "ct.name=ConsoleLogin or ct.name=X and ct.name=Y"), "true");
  EXPECT_EQ(Eval(ev, "(ct.name=ConsoleLogin or ct.name=X) and ct.name=Y"), "false");
  EXPECT_EQ(Eval(ev, "not ct.name=X and ct.name=ConsoleLogin"), "true");
  EXPECT_EQ(Eval(ev, "not not ct.name=ConsoleLogin"), "true");
  EXPECT_EQ(Eval(ev, "not(ct.name=ConsoleLogin)"), "false");
  EXPECT_EQ(Eval(ev, "ct.name=X or(ct.name=ConsoleLogin)"), "true");
  EXPECT_EQ(Eval(ev, "ct.name=ConsoleLogin and(ct.region=us-east-1)"), "true");
}

TEST_F(ConditionTest, Tokens) {
  EXPECT_EQ(Eval(ev, "ct.name=\"ConsoleLogin\""), "true");
  EXPECT_EQ(Eval(ev, "ct.name='ConsoleLogin'"), "true");
  EXPECT_EQ(Eval(ev, "ct.name == ConsoleLogin"), "true");
  EXPECT_EQ(Eval(ev, "ct.name\n=\tConsoleLogin\r\n"), "true");
  EXPECT_EQ(Eval(ev, "ct.region in(us-east-1,eu-west-1)"), "true");
  EXPECT_EQ(Eval(ev, "ct.useragent = \"Mozilla\\/5.0\""), "true");
  EXPECT_EQ(Eval(ev, "ct.useragent = \"Mozilla\\x2f5.0\""), "true");
  EXPECT_EQ(Eval(ev, "ct.name = \"a\\qb\""),
            "error: parse: invalid escape sequence '\\q' in string (at offset 13)");
  EXPECT_EQ(Eval(ev, "ct.name = 'it\\'s'"), "false");
  EXPECT_NE(Eval(ev, "ct.name = \"it\\'s\"").find("error"), std::string::npos);
  EXPECT_EQ(Eval(ev, "ct.name = ConsoleLogin ct.name"),
            "error: parse: unexpected token after 'ct.name = ConsoleLogin', expecting 'or', "
            "'and' (at offset 23)");
  EXPECT_NE(Eval(ev, "ct.name = \"unterminated").find("unterminated string"), std::string::npos);
  EXPECT_NE(Eval(ev, "ct.namecontains x").find("error"), std::string::npos);
  EXPECT_NE(Eval(ev, "(ct.name = x").find("expected ')'"), std::string::npos);
}

TEST_F(ConditionTest, Depth) {
  std::string deep(1100, '(');
  deep += "ct.name=x" + std::string(1100, ')');
  EXPECT_NE(Eval(ev, deep).find("nested too deeply"), std::string::npos);
  std::string ok(200, '(');
  ok += "ct.name=ConsoleLogin" + std::string(200, ')');
  EXPECT_EQ(Eval(ev, ok), "true");
}

TEST_F(ConditionTest, StringOperators) {
  EXPECT_EQ(Eval(ev, "ct.name != ConsoleLogin"), "false");
  EXPECT_EQ(Eval(ev, "ct.name contains Login"), "true");
  EXPECT_EQ(Eval(ev, "ct.name contains login"), "false");
  EXPECT_EQ(Eval(ev, "ct.name icontains login"), "true");
  EXPECT_EQ(Eval(ev, "ct.name startswith Console"), "true");
  EXPECT_EQ(Eval(ev, "ct.name endswith Login"), "true");
  EXPECT_EQ(Eval(ev, "ct.name glob 'Console*'"), "true");
  EXPECT_EQ(Eval(ev, "ct.name glob 'console*'"), "false");
  EXPECT_EQ(Eval(ev, "ct.name iglob 'console*'"), "true");
  EXPECT_EQ(Eval(ev, "ct.name glob 'C?nsole[KLM]ogin'"), "true");
  EXPECT_EQ(Eval(ev, "ct.name glob '[!C]*'"), "false");
  EXPECT_EQ(Eval(ev, "ct.name regex 'Console.*'"), "true");
  EXPECT_EQ(Eval(ev, "ct.name regex 'Console'"), "false");  // anchored
  EXPECT_NE(Eval(ev, "ct.name regex '('").find("invalid regular expression"), std::string::npos);
  EXPECT_EQ(Eval(ev, "ct.name < D"), "error: parse: expected a number (at offset 10)");
  EXPECT_EQ(Eval(ev, "ct.name < 5"), "false");  // strcmp("ConsoleLogin", "5") > 0
  EXPECT_EQ(Eval(ev, "ct.name > 5"), "true");
  EXPECT_NE(Eval(ev, "ct.name bcontains 6c73").find("not supported for string filters"),
            std::string::npos);
}

TEST_F(ConditionTest, ListOperators) {
  EXPECT_EQ(Eval(ev, "ct.name in (A, ConsoleLogin)"), "true");
  EXPECT_EQ(Eval(ev, "ct.name in (A, B)"), "false");
  EXPECT_EQ(Eval(ev, "ct.name in ()"), "false");
  EXPECT_EQ(Eval(ev, "ct.name intersects (ConsoleLogin)"), "true");
  EXPECT_EQ(Eval(ev, "json.value[/path] pmatch (/usr/local, /opt)"), "true");
  EXPECT_EQ(Eval(ev, "json.value[/path] pmatch (/usr/loc)"), "false");
  EXPECT_EQ(Eval(ev, "ct.name exists"), "true");
  EXPECT_EQ(Eval(ev, "ct.error exists"), "false");
  EXPECT_NE(Eval(ev, "ct.name in undefined_list").find("Undefined list"), std::string::npos);
}

TEST_F(ConditionTest, Modifiers) {
  EXPECT_EQ(Eval(ev, "ct.name startswith anyof (Create, Console)"), "true");
  EXPECT_EQ(Eval(ev, "ct.name startswith anyof (Create, Delete)"), "false");
  EXPECT_EQ(Eval(ev, "ct.name contains allof (Console, Login)"), "true");
  EXPECT_EQ(Eval(ev, "ct.name contains allof (Console, X)"), "false");
  EXPECT_EQ(Eval(ev, "ct.name contains oneof (Console, X)"), "true");
  EXPECT_EQ(Eval(ev, "ct.name contains oneof (Console, Login)"), "false");
  EXPECT_EQ(Eval(ev, "ct.name regex anyof ('C.*', 'X')"), "true");
  EXPECT_EQ(Eval(ev, "ct.name = anyof (X, ConsoleLogin)"), "true");
  EXPECT_NE(Eval(ev, "ct.name in anyof (X)").find("error"), std::string::npos);
}

TEST_F(ConditionTest, MissingValuesAreFalse) {
  for (const char* c : {"ct.error = x", "ct.error != x", "ct.error in (x)", "ct.error exists",
                        "ct.error contains x", "ct.error glob '*'", "ct.error regex '.*'",
                        "ct.error startswith anyof (a)", "s3.cnt.get > 0", "s3.cnt.get != 5"}) {
    EXPECT_EQ(Eval(ev, c), "false") << c;
  }
  EXPECT_EQ(Eval(ev, "not ct.error exists"), "true");
  EXPECT_EQ(Eval(ev, "not ct.error = x"), "true");
}

TEST_F(ConditionTest, NumericFields) {
  EXPECT_EQ(Eval(ev, "s3.bytes = 15"), "true");  // 10 + 5 (float truncated)
  EXPECT_EQ(Eval(ev, "s3.bytes > 14 and s3.bytes < 16 and s3.bytes >= 15 and s3.bytes <= 15"),
            "true");
  EXPECT_EQ(Eval(ev, "s3.bytes = 0xf"), "true");
  EXPECT_EQ(Eval(ev, "s3.bytes in (1, 15)"), "true");
  EXPECT_EQ(Eval(ev, "evt.num = 7"), "true");
  EXPECT_NE(Eval(ev, "s3.bytes = abc").find("not a valid number"), std::string::npos);
  EXPECT_NE(Eval(ev, "s3.bytes contains 1").find("not supported on type uint64"),
            std::string::npos);
  EXPECT_EQ(Eval(ev, "s3.cnt.other = 1"), "true");
}

TEST_F(ConditionTest, FieldArguments) {
  EXPECT_EQ(Eval(ev, "json.value[/responseElements/ConsoleLogin] = Success"), "true");
  EXPECT_EQ(Eval(ev, "json.value[responseElements/ConsoleLogin] = Success"), "true");
  EXPECT_EQ(Eval(ev, "json.value[\"/responseElements/ConsoleLogin\"] = Success"), "true");
  EXPECT_EQ(Eval(ev, "json.value[/readOnly] = false"), "true");
  EXPECT_EQ(Eval(ev, "json.value[/requestParameters/policy] = '{\"a\":1}'"), "true");
  EXPECT_EQ(Eval(ev, "json.value[/nope] exists"), "false");
  EXPECT_NE(Eval(ev, "json.value = x").find("requires an argument"), std::string::npos);
  EXPECT_NE(Eval(ev, "ct.request[/a] = x").find("does not accept an argument"), std::string::npos);
  EXPECT_NE(Eval(ev, "ec2.imageids[01] = x").find("numeric index"), std::string::npos);
  EXPECT_NE(Eval(ev, "ct.nope = x").find("nonexistent field ct.nope"), std::string::npos);
}

TEST_F(ConditionTest, Transformers) {
  EXPECT_EQ(Eval(ev, "tolower(ct.user) = alice"), "true");
  EXPECT_EQ(Eval(ev, "toupper(ct.user) = ALICE"), "true");
  EXPECT_EQ(Eval(ev, "b64(json.value[/b64]) = 'hello world'"), "true");
  EXPECT_EQ(Eval(ev, "basename(json.value[/path]) = x"), "true");
  EXPECT_EQ(Eval(ev, "len(ct.name) = 12"), "true");
  EXPECT_EQ(Eval(ev, "len(ct.name) > 3"), "true");
  EXPECT_EQ(Eval(ev, "tolower(toupper(ct.user)) = alice"), "true");
  EXPECT_EQ(Eval(ev, "concat(ct.user, '@', ct.region) = Alice@us-east-1"), "true");
  EXPECT_EQ(Eval(ev, "tolower(ct.error) exists"), "false");
  EXPECT_NE(Eval(ev, "tolower(s3.bytes) = x").find("not supported on type uint64"),
            std::string::npos);
  EXPECT_NE(Eval(ev, "nope(ct.name) = x").find("error"), std::string::npos);
}

TEST_F(ConditionTest, ValFieldComparison) {
  EXPECT_EQ(Eval(ev, "ct.user = val(ct.user)"), "true");
  EXPECT_EQ(Eval(ev, "ct.request.username = tolower(ct.user)"), "true");
  EXPECT_EQ(Eval(ev, "ct.user != val(ct.request.username)"), "true");
  EXPECT_EQ(Eval(ev, "ct.user = val(ct.error)"), "false");  // absent RHS
  EXPECT_NE(Eval(ev, "ct.name regex val(ct.user)").find("cannot take a field"), std::string::npos);
  EXPECT_NE(Eval(ev, "ct.name = val(s3.bytes)").find("same type"), std::string::npos);
}

TEST(ListExpansion, TextualPrePass) {
  std::vector<std::pair<std::string, std::vector<std::string>>> lists = {
      {"regions", {"us-east-1", "eu west"}}, {"empty", {}}};
  std::vector<std::string> used;
  EXPECT_EQ(ExpandLists("ct.region in (regions)", lists, &used),
            "ct.region in ( us-east-1, \"eu west\" )");
  EXPECT_EQ(used, std::vector<std::string>{"regions"});
  EXPECT_EQ(ExpandLists("x in (a, regions)", lists, nullptr), "x in (a, us-east-1, \"eu west\" )");
  EXPECT_EQ(ExpandLists("x in (a, empty)", lists, nullptr), "x in (a  )");
  EXPECT_EQ(ExpandLists("x in (empty, a)", lists, nullptr), "x in (   a)");
  // Not bounded: no expansion.
  EXPECT_EQ(ExpandLists("x = my_regions", lists, nullptr), "x = my_regions");
  EXPECT_EQ(ExpandLists("x=regions", lists, nullptr), "x= us-east-1, \"eu west\" ");
}

TEST(Parse, MacroReferenceAndFields) {
  auto e = ParseCondition("my_macro and not other_macro");
  ASSERT_TRUE(e.ok());
  std::vector<std::string> refs;
  CollectMacroRefs(**e, &refs);
  EXPECT_EQ(refs, (std::vector<std::string>{"my_macro", "other_macro"}));
}

TEST(Glob, Patterns) {
  EXPECT_TRUE(GlobMatch("*", "", false));
  EXPECT_TRUE(GlobMatch("a*b*c", "aXXbYYc", false));
  EXPECT_FALSE(GlobMatch("a*b*c", "aXXbYY", false));
  EXPECT_TRUE(GlobMatch("[a-c]x", "bx", false));
  EXPECT_TRUE(GlobMatch("[A-C]X", "bx", true));
  EXPECT_TRUE(GlobMatch("\\*", "*", false));
  EXPECT_FALSE(GlobMatch("?", "", false));
}

}  // namespace
}  // namespace kumo::detect
