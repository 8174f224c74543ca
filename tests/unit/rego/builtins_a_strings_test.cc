// String builtins and sprintf of builtins-A (strings.cc, a_sprintf.cc,
// a_template.cc).
#include "unit/rego/builtins_a_test_util.h"

namespace kumo::rego::atest {
namespace {

std::string Sprintf(std::string_view f, std::string_view args_json) {
  return Eval("sprintf", {S(f), J(args_json)});
}

TEST(BuiltinsAStrings, Sprintf) {
  EXPECT_EQ(Sprintf("%d", "[42]"), "\"42\"");
  EXPECT_EQ(Sprintf("%v", "[18446744073709551617]"), "\"18446744073709551617\"");
  EXPECT_EQ(Sprintf("%v %v", "[1.5, \"x\"]"), "\"1.5 x\"");
  EXPECT_EQ(Sprintf("%s", "[[1, \"a\"]]"), "\"[1, \\\"a\\\"]\"");
  EXPECT_EQ(Sprintf("%v", "[{\"b\": 1, \"a\": true}]"), "\"{\\\"a\\\": true, \\\"b\\\": 1}\"");
  EXPECT_EQ(Eval("sprintf", {S("%v"), Value::Array({SetOf({I(2), I(1)})})}), "\"{1, 2}\"");
  EXPECT_EQ(Eval("sprintf", {S("%v"), Value::Array({Value::EmptySet()})}), "\"set()\"");
  EXPECT_EQ(Sprintf("%q", "[\"a\\\"b\"]"), "\"\\\"a\\\\\\\"b\\\"\"");
  EXPECT_EQ(Sprintf("%x", "[255]"), "\"ff\"");
  EXPECT_EQ(Sprintf("%X", "[\"hi\"]"), "\"6869\"");
  EXPECT_EQ(Sprintf("%5d|%-5d|%05d", "[1, 2, -3]"), "\"    1|2    |-0003\"");
  EXPECT_EQ(Sprintf("%.2f", "[3.14159]"), "\"3.14\"");
  EXPECT_EQ(Sprintf("%e", "[1234.5]"), "\"1.234500e+03\"");
  EXPECT_EQ(Sprintf("%v", "[1e6]"), "\"1e+06\"");  // a float64 to Go
  EXPECT_EQ(Sprintf("%v", "[1234567.5]"), "\"1.2345675e+06\"");
  EXPECT_EQ(Sprintf("%v", "[2e308]"), "\"2e308\"");
  EXPECT_EQ(Sprintf("%T %T %T", "[1, 1.5, \"s\"]"), "\"int float64 string\"");
  EXPECT_EQ(Sprintf("%d", "[\"x\"]"), "\"%!d(string=x)\"");
  EXPECT_EQ(Sprintf("%d %d", "[1]"), "\"1 %!d(MISSING)\"");
  EXPECT_EQ(Sprintf("%d", "[1, 2]"), "\"1%!(EXTRA int=2)\"");
  EXPECT_EQ(Sprintf("100%%", "[]"), "\"100%\"");
  EXPECT_EQ(Sprintf("%.3s|%6s", "[\"abcdef\", \"åä\"]"), "\"abc|    åä\"");
  EXPECT_EQ(Sprintf("%v", "[true]"), "\"true\"");
  EXPECT_EQ(Eval("sprintf", {S("%v"), S("x")}),
            "error:eval_type_error:operand 2 must be array but got string");
}

// Formats that take the plain fast path (only %s/%v of strings, %d/%v of
// int64, %%) and their near misses, which must go through the general
// formatter with Go's output.
TEST(BuiltinsAStrings, SprintfPlainPathAndNearMisses) {
  EXPECT_EQ(Sprintf("bucket %s grants %s to %v", "[\"b-1\", \"READ\", \"http://x/AllUsers\"]"),
            "\"bucket b-1 grants READ to http://x/AllUsers\"");
  EXPECT_EQ(Sprintf("%d%% of %v (%s)", "[50, -9223372036854775808, \"\"]"),
            "\"50% of -9223372036854775808 ()\"");
  EXPECT_EQ(Sprintf("no verbs", "[]"), "\"no verbs\"");
  EXPECT_EQ(Sprintf("%s", "[\"%d %s\"]"), "\"%d %s\"");  // verbs in arguments stay text
  EXPECT_EQ(Sprintf("%s %s", "[\"a\"]"), "\"a %!s(MISSING)\"");
  EXPECT_EQ(Sprintf("%s", "[\"a\", \"b\"]"), "\"a%!(EXTRA string=b)\"");
  EXPECT_EQ(Sprintf("%s", "[1]"), "\"%!s(int=1)\"");
  EXPECT_EQ(Sprintf("%d", "[1.0]"), "\"%!d(float64=1)\"");
  EXPECT_EQ(Sprintf("%v", "[12345678901234567890]"), "\"12345678901234567890\"");
  EXPECT_EQ(Sprintf("trailing %", "[]"), "\"trailing %!(NOVERB)\"");
  EXPECT_EQ(Sprintf("%3s|", "[\"a\"]"), "\"  a|\"");
}

TEST(BuiltinsAStrings, Basics) {
  EXPECT_EQ(Eval("concat", {S(","), J("[\"a\", \"b\"]")}), "\"a,b\"");
  EXPECT_EQ(Eval("concat", {S(","), SetOf({S("b"), S("a")})}), "\"a,b\"");
  EXPECT_EQ(Eval("concat", {S(","), J("[\"a\", 1]")}),
            "error:eval_type_error:operand 2 must be array of strings but got array containing "
            "number");
  EXPECT_EQ(Eval("startswith", {S("foobar"), S("foo")}), "true");
  EXPECT_EQ(Eval("endswith", {S("foobar"), S("foo")}), "false");
  EXPECT_EQ(Eval("contains", {S("foobar"), S("oba")}), "true");
  EXPECT_EQ(Eval("lower", {S("AbC")}), "\"abc\"");
  EXPECT_EQ(Eval("upper", {S("äbc")}), "\"ÄBC\"");
  EXPECT_EQ(Eval("lower", {I(1)}), "error:eval_type_error:operand 1 must be string but got number");
  EXPECT_EQ(Eval("split", {S("a.b.c"), S(".")}), "[\"a\",\"b\",\"c\"]");
  EXPECT_EQ(Eval("split", {S("abc"), S("")}), "[\"a\",\"b\",\"c\"]");
  EXPECT_EQ(Eval("split", {S(""), S(".")}), "[\"\"]");
  EXPECT_EQ(Eval("strings.split_n", {S("a.b.c.d"), S("."), I(2)}), "[\"a\",\"b\"]");
  EXPECT_EQ(Eval("strings.split_n", {S("a.b.c.d"), S("."), I(-2)}), "[\"c\",\"d\"]");
  EXPECT_EQ(Eval("strings.split_n", {S("a.b"), S("."), I(0)}), "[]");
  EXPECT_EQ(Eval("indexof", {S("abcabc"), S("ca")}), "2");
  EXPECT_EQ(Eval("indexof", {S("åäö"), S("ö")}), "2");
  EXPECT_EQ(Eval("indexof", {S("a"), S("")}), "error:eval_builtin_error:empty search character");
  EXPECT_EQ(Eval("indexof_n", {S("dogcatdogcat"), S("cat")}), "[3,9]");
  EXPECT_EQ(Eval("substring", {S("abcdefgh"), I(2), I(3)}), "\"cde\"");
  EXPECT_EQ(Eval("substring", {S("aåäö"), I(2), I(-1)}), "\"äö\"");
  EXPECT_EQ(Eval("substring", {S("aaa"), I(-1), I(1)}), "error:eval_builtin_error:negative offset");
  EXPECT_EQ(Eval("replace", {S("a.b.c"), S("."), S("-")}), "\"a-b-c\"");
  EXPECT_EQ(Eval("replace", {S("ab"), S(""), S("-")}), "\"-a-b-\"");
  EXPECT_EQ(Eval("strings.replace_n", {J("{\"a\": \"1\", \"b\": \"2\"}"), S("abab")}), "\"1212\"");
  EXPECT_EQ(Eval("strings.replace_n", {J("{\"a\": 1}"), S("x")}),
            "error:eval_type_error:operand 1 non-string value found in pattern object");
  EXPECT_EQ(Eval("strings.count", {S("cheese"), S("e")}), "3");
  EXPECT_EQ(Eval("strings.reverse", {S("abç")}), "\"çba\"");
  EXPECT_EQ(Eval("strings.any_prefix_match", {J("[\"foo\", \"bar\"]"), S("ba")}), "true");
  EXPECT_EQ(Eval("strings.any_suffix_match", {S("foo"), J("[\"x\", \"oo\"]")}), "true");
  EXPECT_EQ(Eval("strings.any_prefix_match", {I(1), S("a")}),
            "error:eval_type_error:operand 1 must be one of {string, set, array} but got number");
}

TEST(BuiltinsAStrings, Trim) {
  EXPECT_EQ(Eval("trim", {S("...foo.bar..."), S(".")}), "\"foo.bar\"");
  EXPECT_EQ(Eval("trim", {S("...foo.bar..."), S(".fr")}), "\"oo.ba\"");
  EXPECT_EQ(Eval("trim_left", {S("xxab"), S("x")}), "\"ab\"");
  EXPECT_EQ(Eval("trim_right", {S("abxx"), S("x")}), "\"ab\"");
  EXPECT_EQ(Eval("trim_prefix", {S("foobar"), S("foo")}), "\"bar\"");
  EXPECT_EQ(Eval("trim_suffix", {S("foobar"), S("bar")}), "\"foo\"");
  EXPECT_EQ(Eval("trim_space", {S(" \t foo \n")}), "\"foo\"");
  EXPECT_EQ(Eval("trim", {S("...."), S(".")}), "\"\"");
}

TEST(BuiltinsAStrings, RenderTemplate) {
  EXPECT_EQ(Eval("strings.render_template", {S("{{.test}}"), J("{\"test\": \"hello\"}")}),
            "\"hello\"");
  EXPECT_EQ(Eval("strings.render_template",
                 {S("{{range $i, $name := .names}}{{if $i}},{{end}}hello {{$name}}{{end}}"),
                  J("{\"names\": [\"a\", \"b\"]}")}),
            "\"hello a,hello b\"");
  EXPECT_EQ(Eval("strings.render_template", {S("x {{.missing}} {{.n}}"), J("{\"n\": 2023}")}),
            "\"x <undefined> 2023\"");
  EXPECT_EQ(Eval("strings.render_template",
                 {S("{{with .a}}{{.b}}{{else}}none{{end}}"), J("{\"a\": {\"b\": 1}}")}),
            "\"1\"");
  EXPECT_EQ(Eval("strings.render_template", {S("{{if .x}}"), J("{}")}),
            "error:eval_builtin_error:template: unexpected EOF");
}

}  // namespace
}  // namespace kumo::rego::atest
