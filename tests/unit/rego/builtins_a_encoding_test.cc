// Encoding, JSON document, regex and glob builtins of builtins-A.
#include "unit/rego/builtins_a_test_util.h"

namespace kumo::rego::atest {
namespace {

TEST(BuiltinsAEncoding, Base64AndHex) {
  EXPECT_EQ(Eval("base64.encode", {S("hello")}), "\"aGVsbG8=\"");
  EXPECT_EQ(Eval("base64.decode", {S("aGVsbG8=")}), "\"hello\"");
  EXPECT_EQ(Eval("base64.decode", {S("aGVsbG8")}),
            "error:eval_builtin_error:illegal base64 data at input byte 4");
  EXPECT_EQ(Eval("base64.is_valid", {S("aGVsbG8=")}), "true");
  EXPECT_EQ(Eval("base64.is_valid", {S("a")}), "false");
  EXPECT_EQ(Eval("base64url.encode", {S("\xfb\xff")}), "\"-_8=\"");
  EXPECT_EQ(Eval("base64url.encode_no_pad", {S("\xfb\xff")}), "\"-_8\"");
  EXPECT_EQ(Eval("base64url.decode", {S("-_8")}), json::ToJson(S("\xfb\xff")));
  EXPECT_EQ(Eval("hex.encode", {S("hi")}), "\"6869\"");
  EXPECT_EQ(Eval("hex.decode", {S("6869")}), "\"hi\"");
  EXPECT_EQ(Eval("hex.decode", {S("fghijkl")}),
            "error:eval_builtin_error:encoding/hex: invalid byte: U+0067 'g'");
}

TEST(BuiltinsAEncoding, UrlQuery) {
  EXPECT_EQ(Eval("urlquery.encode", {S("a b&c=d/é")}), "\"a+b%26c%3Dd%2F%C3%A9\"");
  EXPECT_EQ(Eval("urlquery.decode", {S("a+b%26c")}), "\"a b&c\"");
  EXPECT_EQ(Eval("urlquery.decode", {S("%zz")}),
            "error:eval_builtin_error:invalid URL escape \"%zz\"");
  EXPECT_EQ(Eval("urlquery.encode_object", {J("{\"b\": [\"1\", \"2\"], \"a\": \"x y\"}")}),
            "\"a=x+y&b=1&b=2\"");
  EXPECT_EQ(Eval("urlquery.decode_object", {S("a=1&b=2&a=3")}),
            "{\"a\":[\"1\",\"3\"],\"b\":[\"2\"]}");
}

TEST(BuiltinsAEncoding, JsonMarshalMatchesGo) {
  EXPECT_EQ(Invoke("json.marshal", {J("{\"b\": [1, 2.50], \"a\": \"<&>\"}")}).value.as_string(),
            "{\"a\":\"\\u003c\\u0026\\u003e\",\"b\":[1,2.50]}");
  EXPECT_EQ(Invoke("json.marshal", {SetOf({I(2), I(1)})}).value.as_string(), "[1,2]");
  EXPECT_EQ(Invoke("json.marshal", {N("123456789012345678901234567890")}).value.as_string(),
            "123456789012345678901234567890");
  EXPECT_EQ(Invoke("json.marshal_with_options", {J("[1, {\"a\": 2}]"), J("{\"indent\": \"  \"}")})
                .value.as_string(),
            "[\n  1,\n  {\n    \"a\": 2\n  }\n]");
  EXPECT_EQ(
      Invoke("json.marshal_with_options", {J("[1]"), J("{\"prefix\": \"P \"}")}).value.as_string(),
      "P [\nP \t1\nP ]");
  EXPECT_EQ(Invoke("json.marshal_with_options", {J("[1]"), J("{}")}).value.as_string(), "[1]");
  EXPECT_EQ(Eval("json.marshal_with_options", {J("[]"), J("{\"bogus\": true}")}),
            "error:eval_type_error:operand 2 object contained unknown key \"bogus\"");
}

TEST(BuiltinsAEncoding, JsonAndYamlParse) {
  EXPECT_EQ(Eval("json.unmarshal", {S("{\"a\": 12345678901234567890123}")}),
            "{\"a\":12345678901234567890123}");
  EXPECT_EQ(Eval("json.unmarshal", {I(1)}),
            "error:eval_type_error:operand 1 must be string but got number");
  EXPECT_EQ(Eval("json.is_valid", {S("{")}), "false");
  EXPECT_EQ(Eval("json.is_valid", {I(1)}), "false");
  Call y = Invoke("yaml.marshal", {J("[{\"foo\": [1, 2]}, \"yes\", {}]")});
  ASSERT_TRUE(y.defined);
  EXPECT_EQ(Eval("yaml.unmarshal", {y.value}), "[{\"foo\":[1,2]},\"yes\",{}]");
  // go-yaml (as OPA) reads y/yes/on as booleans.
  EXPECT_EQ(Eval("yaml.unmarshal", {S("a: 1\nb: [x, y]\n")}), "{\"a\":1,\"b\":[\"x\",true]}");
  EXPECT_EQ(Eval("yaml.unmarshal", {S("[1,2,3")}).rfind("error:eval_builtin_error:yaml: line 1", 0),
            0u);
  EXPECT_EQ(Eval("yaml.is_valid", {S("a: [")}), "false");
}

TEST(BuiltinsAJson, FilterRemovePatch) {
  Value doc = J("{\"a\": {\"b\": 1, \"c\": [10, 20, 30]}, \"d\": 2}");
  EXPECT_EQ(Eval("json.filter", {doc, J("[\"a/b\", \"d\"]")}), "{\"a\":{\"b\":1},\"d\":2}");
  EXPECT_EQ(Eval("json.filter", {doc, J("[[\"a\", \"c\", \"1\"]]")}), "{\"a\":{\"c\":[20]}}");
  EXPECT_EQ(Eval("json.remove", {doc, J("[\"a/c\", \"d\"]")}), "{\"a\":{\"b\":1}}");
  EXPECT_EQ(Eval("json.remove", {doc, J("[\"a/c/0\"]")}),
            "{\"a\":{\"b\":1,\"c\":[20,30]},\"d\":2}");
  EXPECT_EQ(Eval("json.remove", {doc, I(1)}),
            "error:eval_type_error:operand 2 must be one of {set, array} but got number");
  EXPECT_EQ(Eval("json.remove", {doc, J("[1]")}),
            "error:eval_type_error:operand 2 must be one of {set, array} containing string paths "
            "or array of path segments but got number");
  EXPECT_EQ(Eval("json.patch", {doc, J("[{\"op\": \"add\", \"path\": \"/a/c/-\", \"value\": 40},"
                                       "{\"op\": \"remove\", \"path\": \"/d\"},"
                                       "{\"op\": \"replace\", \"path\": \"/a/b\", \"value\": 5},"
                                       "{\"op\": \"copy\", \"from\": \"/a/b\", \"path\": \"/e\"},"
                                       "{\"op\": \"test\", \"path\": \"/e\", \"value\": 5}]")}),
            "{\"a\":{\"b\":5,\"c\":[10,20,30,40]},\"e\":5}");
  EXPECT_EQ(Eval("json.patch", {doc, J("[{\"op\": \"test\", \"path\": \"/d\", \"value\": 3}]")}),
            "undefined");
  EXPECT_EQ(
      Eval("json.patch", {doc, J("[{\"op\": \"move\", \"from\": \"/d\", \"path\": \"/x\"}]")}),
      "{\"a\":{\"b\":1,\"c\":[10,20,30]},\"x\":2}");
}

TEST(BuiltinsAJson, Schema) {
  Value schema = J("{\"properties\": {\"id\": {\"type\": \"integer\"}}, \"required\": [\"id\"]}");
  EXPECT_EQ(Eval("json.match_schema", {J("{\"id\": 5}"), schema}), "[true,[]]");
  EXPECT_EQ(Eval("json.match_schema", {S("{\"id\": 5}"), schema}), "[true,[]]");
  EXPECT_EQ(Eval("json.match_schema", {J("{\"id\": \"x\"}"), schema}),
            "[false,[{\"desc\":\"Invalid type. Expected: integer, given: string\",\"error\":\"id: "
            "Invalid type. Expected: integer, given: string\",\"field\":\"id\",\"type\":"
            "\"invalid_type\"}]]");
  EXPECT_EQ(Eval("json.match_schema", {J("{}"), schema}),
            "[false,[{\"desc\":\"id is required\",\"error\":\"(root): id is required\",\"field\":"
            "\"(root)\",\"type\":\"required\"}]]");
  EXPECT_EQ(Eval("json.verify_schema", {J("{\"type\": \"boolean\"}")}), "[true,null]");
  EXPECT_EQ(Eval("json.verify_schema", {J("{\"type\": \"nope\"}")}),
            "[false,\"jsonschema: has a primitive type that is NOT VALID -- given: /nope/ Expected "
            "valid values are:[array boolean integer number null object string]\"]");
}

TEST(BuiltinsARegex, MatchFindReplaceSplit) {
  EXPECT_EQ(Eval("regex.match", {S("^a.c$"), S("abc")}), "true");
  EXPECT_EQ(Eval("regex.match", {S("[a"), S("abc")}),
            "error:eval_builtin_error:error parsing regexp: missing closing ]: `[a`");
  EXPECT_EQ(Eval("regex.is_valid", {S("[a")}), "false");
  EXPECT_EQ(Eval("regex.is_valid", {I(1)}), "false");
  EXPECT_EQ(Eval("regex.find_n", {S("a."), S("a1a2a3"), I(2)}), "[\"a1\",\"a2\"]");
  EXPECT_EQ(Eval("regex.find_n", {S("a*"), S("baaab"), I(-1)}), "[\"\",\"aaa\",\"\"]");
  EXPECT_EQ(Eval("regex.find_all_string_submatch_n", {S("(a)(x)?"), S("aa"), I(-1)}),
            "[[\"a\",\"a\",\"\"],[\"a\",\"a\",\"\"]]");
  EXPECT_EQ(Eval("regex.replace", {S("foo-bar"), S("(\\w+)-(\\w+)"), S("${2}_${1}x$$")}),
            "\"bar_foox$\"");
  // As in Go, "$2_" names a group "2_", which does not exist.
  EXPECT_EQ(Eval("regex.replace", {S("foo-bar"), S("(\\w+)-(\\w+)"), S("$2_$1")}), "\"foo\"");
  EXPECT_EQ(Eval("regex.split", {S(","), S("a,b,,c")}), "[\"a\",\"b\",\"\",\"c\"]");
  EXPECT_EQ(Eval("regex.split", {S(","), S("")}), "[\"\"]");
  EXPECT_EQ(Eval("regex.template_match", {S("urn:foo:{.*}"), S("urn:foo:bar:baz"), S("{"), S("}")}),
            "true");
  EXPECT_EQ(Eval("regex.template_match", {S("urn:foo:{[0-9]+}"), S("urn:foo:x"), S("{"), S("}")}),
            "false");
}

TEST(BuiltinsARegex, GlobsMatch) {
  EXPECT_EQ(Eval("regex.globs_match", {S("a.a.[0-9]+z"), S(".b.b2359825792*594823z")}), "true");
  EXPECT_EQ(Eval("regex.globs_match", {S("[a-z]+"), S("[0-9]*")}), "false");
  EXPECT_EQ(Eval("regex.globs_match", {S("[a-z]*"), S("[0-9]*")}), "true");  // both match ""
  EXPECT_EQ(Eval("regex.globs_match", {S("[a-z]+"), S("[0-9]+")}), "false");
  EXPECT_EQ(Eval("regex.globs_match", {S("[a-z]+\\[[0-9]+\\]"), S("foo\\[1\\]")}), "true");
  EXPECT_EQ(Eval("regex.globs_match", {S("pqrs]"), S("[a-b]+")}),
            "error:eval_builtin_error:input:pqrs], pos:5, set-close ']' with no preceding '[': "
            "the input provided is invalid");
}

TEST(BuiltinsAGlob, Match) {
  EXPECT_EQ(Eval("glob.match", {S("*.github.com"), J("[\".\"]"), S("api.github.com")}), "true");
  EXPECT_EQ(Eval("glob.match", {S("*.github.com"), J("[\".\"]"), S("a.b.github.com")}), "false");
  EXPECT_EQ(Eval("glob.match", {S("api.**.com"), J("[\".\"]"), S("api.cdn.github.com")}), "true");
  EXPECT_EQ(Eval("glob.match", {S("*"), J("[]"), S("foo.bar")}), "false");
  EXPECT_EQ(Eval("glob.match", {S("*"), Value::Null(), S("foo.bar")}), "true");
  EXPECT_EQ(Eval("glob.match", {S("[!a-c]at"), J("[]"), S("fat")}), "true");
  EXPECT_EQ(Eval("glob.match", {S("{cat,bat,[fr]at}"), J("[]"), S("rat")}), "true");
  EXPECT_EQ(Eval("glob.match", {S("{cat,bat,[fr]at}"), J("[]"), S("at")}), "false");
  EXPECT_EQ(Eval("glob.match", {S("?at"), J("[\"f\"]"), S("fat")}), "false");
  EXPECT_EQ(Eval("glob.match", {S("a\\*b"), J("[]"), S("a*b")}), "true");
  EXPECT_EQ(Eval("glob.quote_meta", {S("*.github.com")}), "\"\\\\*.github.com\"");
}

}  // namespace
}  // namespace kumo::rego::atest
