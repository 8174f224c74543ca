// ParseJson / WriteJson: exact numbers, limits, escaping, pretty output.
#include "json/json.h"
#include "json/record_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kumo::json {
namespace {

Value Parse(std::string_view text) {
  auto r = ParseJson(text);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().ToString();
  return r.ok() ? r.value() : Value();
}

TEST(ParseJsonTest, ExactNumbersRoundTrip) {
  for (const char* t : {"12345678901234567890123", "0.1000000000000000055511151231257827", "-0.5",
                        "1e3", "1E+300", "123456789012345678901234567890.000000000000000001",
                        "9223372036854775807", "-9223372036854775808", "9223372036854775808"}) {
    Value v = Parse(t);
    ASSERT_TRUE(v.is_number()) << t;
    EXPECT_EQ(v.number_text(), t);
    EXPECT_EQ(ToJson(v), t);
  }
  Value arr = Parse("[12345678901234567890123, 0.1000000000000000055511151231257827 ]");
  EXPECT_EQ(ToJson(arr), "[12345678901234567890123,0.1000000000000000055511151231257827]");
  Value obj = Parse(R"({"n": 0.1000000000000000055511151231257827
  })");
  EXPECT_EQ(ToJson(obj), R"({"n":0.1000000000000000055511151231257827})");
}

TEST(ParseJsonTest, AllKinds) {
  Value v = Parse(R"( {"b": true, "a": [null, false, "x\u00e9\n", 1.5, {}], "c": {"d": []}} )");
  ASSERT_TRUE(v.is_object());
  EXPECT_EQ(v.size(), 3u);
  const Value* a = v.Find("a");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->size(), 5u);
  EXPECT_TRUE(a->At(0)->is_null());
  EXPECT_TRUE(a->At(1)->is_bool());
  EXPECT_EQ(a->At(2)->as_string(), "x\xc3\xa9\n");
  EXPECT_EQ(a->At(3)->number_text(), "1.5");
  EXPECT_TRUE(a->At(4)->is_object());
  EXPECT_TRUE(v.FindPath({"c", "d"})->is_array());
  // Scalars at the root.
  EXPECT_EQ(Parse("\"s\"").as_string(), "s");
  EXPECT_TRUE(Parse(" true ").is_true());
  EXPECT_TRUE(Parse("null").is_null());
  EXPECT_EQ(Parse("  42\n").as_int64(), 42);
}

TEST(ParseJsonTest, DuplicateKeysLastWins) {
  Value v = Parse(R"({"a": 1, "b": 2, "a": 3})");
  EXPECT_EQ(v.size(), 2u);
  EXPECT_EQ(v.Find("a")->as_int64(), 3);
}

TEST(ParseJsonTest, SkipsUtf8Bom) {
  Value v = Parse("\xEF\xBB\xBF{\"a\":1}");
  EXPECT_EQ(v.Find("a")->as_int64(), 1);
}

TEST(ParseJsonTest, RejectsMalformed) {
  for (const char* t :
       {"", "   ", "{", "[1,", "{\"a\" 1}", "tru", "[1] 2", "{} x", "01", "-", "\"unterminated",
        "[1,]x", "nul", "1 2", "\"a\" \"b\"", "-1 ]", "true false", "null x"}) {
    auto r = ParseJson(t);
    EXPECT_FALSE(r.ok()) << "accepted: " << t;
  }
  auto r = ParseJson("{\"a\": 1} trailing");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kParseError);
  EXPECT_FALSE(r.status().message().empty());
}

TEST(ParseJsonTest, DepthLimit) {
  JsonLimits limits;
  limits.max_depth = 10;
  std::string ok = std::string(10, '[') + std::string(10, ']');
  EXPECT_TRUE(ParseJson(ok, limits).ok());
  std::string deep = std::string(11, '[') + std::string(11, ']');
  auto r = ParseJson(deep, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("nesting deeper than 10"), std::string::npos);
  // Far beyond simdjson's own limit, with the default limit: a clean error.
  std::string huge = std::string(100000, '[') + std::string(100000, ']');
  auto r2 = ParseJson(huge);
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("nesting deeper than 512"), std::string::npos)
      << r2.status().message();
  std::string objs;
  for (int i = 0; i < 600; ++i) objs += "{\"a\":";
  objs += "1" + std::string(600, '}');
  EXPECT_FALSE(ParseJson(objs).ok());
}

TEST(ParseJsonTest, RecordSizeLimit) {
  JsonLimits limits;
  limits.max_record_bytes = 8;
  EXPECT_TRUE(ParseJson("[1,2,3]", limits).ok());
  auto r = ParseJson("[1,2,3,4,5]", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("larger than the limit"), std::string::npos);
}

TEST(ParseJsonTest, PaddedInPlace) {
  std::string buf = "{\"k\":[1,2]}";
  size_t n = buf.size();
  buf.append(64, ' ');
  auto r = ParsePaddedJson(std::string_view(buf.data(), n), buf.size());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ToJson(*r), "{\"k\":[1,2]}");
}

// ParsePaddedJson takes simdjson's DOM tape for small all-integer records
// and the on-demand path otherwise; both must give the same Value, the same
// number text and the same error.
TEST(ParseJsonTest, DomFastPathMatchesOnDemand) {
  std::string big = "[";
  for (int i = 0; i < 20000; ++i) big += (i ? "," : "") + std::to_string(i * 7919);
  big += "]";  // > 64 KiB: on-demand only
  std::string long_key(200, 'k');
  std::string many_keys = "{";  // more than 32 keys, with duplicates
  for (int i = 0; i < 40; ++i)
    many_keys += (i ? ",\"k" : "\"k") + std::to_string((i * 17) % 29) + "\":" + std::to_string(i);
  many_keys += "}";
  std::string strings = "[";  // strings of every length around the inline limit
  for (int i = 0; i <= 50; ++i) strings += (i ? ",\"" : "\"") + std::string(i, 'a' + i % 26) + "\"";
  strings += "]";
  const std::vector<std::string> docs = {
      R"({"b":1,"a":[true,false,null],"c":{"z":"x","y":-42}})",
      R"({"n":9223372036854775807,"m":-9223372036854775808,"u":18446744073709551615})",
      R"({"big":123456789012345678901234567890,"d":0.1000000000000000055511151231257827})",
      R"([1.0, 1e3, -0, -0.0, 2E-2, 10])",
      // integers only: -0 keeps its text (the DOM tape holds it as 0)
      R"([-0, 0, 1])",
      R"({"a":-0,"b":{"c":[0]}})",
      R"({"s":"eu-0","n":0,"m":-10})",
      R"({"s":"\u00e9\ud83d\ude00\n\"\\","short":"abc","longer":"arn:aws:s3:::bucket-000000001"})",
      R"({"k":1,"k":2,"k":{"x":1}})",
      R"({"":"","e":[],"o":{},"arr":[[],[{}]]})",
      "{\"" + long_key + "\":\"" + std::string(60, 'v') + "\"}",
      "\xEF\xBB\xBF{\"bom\":true}",
      "  \"root string\"  ",
      "17",
      "[1,2,3] x",
      R"({"a":1,})",
      R"({"a":tru})",
      "\"\xff\xfe\"",
      "",
      std::string(12, '[') + std::string(12, ']'),
      big,
      // Keys out of order, duplicated, sharing 8-byte prefixes, on the heap.
      R"({"z":1,"y":2,"x":3,"w":4,"v":5,"u":6,"t":7,"s":8,"r":9,"q":10})",
      R"({"abcdefgh1":1,"abcdefgh0":2,"abcdefgh":3,"abcdefgh1":4,"abcdefghxxxxxxxxxxxx":5,)"
      R"("abcdefghxxxxxxxxxxxy":6,"abcdefghxxxxxxxxxxxx":7,"a\u0000":8,"a":9,"\u00ff":10})",
      R"({"publicAccessBlockConfiguration":{"blockPublicAcls":true},"pa":[{"b":1,"a":2,"b":3}]})",
      many_keys,
      strings,
      // Objects of one key shape in a row: the same keys in other orders,
      // equal 8-byte prefixes in the opposite order, and then a duplicate.
      R"([{"z":1,"a":2,"m":3},{"z":4,"a":5,"m":6},{"a":7,"z":8,"m":9},)"
      R"({"abcdefgh1":1,"abcdefgh0":2},{"abcdefgh0":3,"abcdefgh1":4},{"abcdefgh1":5,"abcdefgh1":6}])",
      // A fractional number deep inside sends the record on-demand after
      // the DOM builder has stacked entries and items; the next ones reuse
      // the stacks.
      R"({"b":{"k":"v","l":[1,2,{"d":1.5}]},"a":"arn:aws:s3:::bucket-000000001"})",
      R"({"b":{"k":"v","l":[1,2,{"d":1}]},"a":"arn:aws:s3:::bucket-000000001"})",
  };
  JsonLimits tight;
  tight.max_depth = 11;
  for (const auto& limits : {JsonLimits{}, tight}) {
    for (const auto& doc : docs) {
      std::string padded = doc + std::string(kRecordPadding, '\0');
      std::string_view text(padded.data(), doc.size());
      auto fast = ParsePaddedJson(text, padded.size(), limits);
      auto slow = ParsePaddedJsonOnDemand(text, padded.size(), limits);
      ASSERT_EQ(fast.ok(), slow.ok()) << doc.substr(0, 80);
      if (!fast.ok()) {
        EXPECT_EQ(fast.status().ToString(), slow.status().ToString());
        continue;
      }
      EXPECT_EQ(*fast, *slow) << doc.substr(0, 80);
      EXPECT_EQ(ToJson(*fast), ToJson(*slow)) << doc.substr(0, 80);
    }
  }
  // The exact texts survive whichever path was taken.
  auto r = ParseJson(docs[2]);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ToJson(*r),
            R"({"big":123456789012345678901234567890,"d":0.1000000000000000055511151231257827})");
  auto z = ParseJson(R"([-0, 0, 1])");
  ASSERT_TRUE(z.ok());
  EXPECT_EQ(ToJson(*z), "[-0,0,1]");
  auto u = ParseJson(docs[1]);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->Find("u")->number_text(), "18446744073709551615");
  EXPECT_EQ(ParseJson(std::string(12, '[') + std::string(12, ']'), tight).status().code(),
            StatusCode::kResourceExhausted);
}

TEST(ParseJsonTest, RepeatedLongStringsShareNodes) {
  // Keys and values long enough for a node; a string is shared from its
  // second sighting on, through either path.
  const std::string doc =
      R"({"publicAccessBlockConfiguration":"http://acs.amazonaws.com/groups/s3/LogDelivery",)"
      R"("id":"arn:aws:s3:::bucket-unique-0001"})";
  std::string padded = doc + std::string(kRecordPadding, '\0');
  for (bool dom : {true, false}) {
    auto parse = [&] {
      return dom ? ParsePaddedJson(std::string_view(padded.data(), doc.size()), padded.size())
                 : ParsePaddedJsonOnDemand(std::string_view(padded.data(), doc.size()),
                                           padded.size());
    };
    auto a = parse(), b = parse(), c = parse();
    ASSERT_TRUE(a.ok() && b.ok() && c.ok());
    EXPECT_EQ(*a, *b);
    EXPECT_EQ(ToJson(*a), R"({"id":"arn:aws:s3:::bucket-unique-0001",)"
                          R"("publicAccessBlockConfiguration":)"
                          R"("http://acs.amazonaws.com/groups/s3/LogDelivery"})");
    const ObjectEntry& eb = b->entries()[1];
    const ObjectEntry& ec = c->entries()[1];
    ASSERT_EQ(eb.first.as_string(), "publicAccessBlockConfiguration");
    EXPECT_NE(eb.first.node_identity(), nullptr);
    EXPECT_EQ(eb.first.node_identity(), ec.first.node_identity());
    EXPECT_EQ(eb.second.node_identity(), ec.second.node_identity());
  }
  // Many distinct strings through the cache's slots (new hashes, repeats,
  // replacements) still read back exactly.
  for (int i = 0; i < 10000; ++i) {
    std::string s = "arn:aws:s3:::bucket-" + std::to_string(i % 3000) + "-xxxxxxxx";
    auto r = ParseJson("[\"" + s + "\"]");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->At(0)->as_string(), s);
  }
}

TEST(WriteJsonTest, EscapesStrings) {
  std::string out;
  WriteJsonString("a\"b\\c\n\r\t\b\f\x01\x1f\x7f", &out);
  EXPECT_EQ(out, R"("a\"b\\c\n\r\t\b\f\u0001\u001f)"
                 "\x7f\"");
  out.clear();
  WriteJsonString("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", &out);  // valid UTF-8 kept
  EXPECT_EQ(out, "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
  out.clear();
  WriteJsonString("bad\xff\xc3", &out);  // invalid UTF-8 replaced
  EXPECT_EQ(out, R"("bad\ufffd\ufffd")");
  out.clear();
  WriteJsonString("<a&b>", &out, /*escape_html=*/true);
  EXPECT_EQ(out, R"("\u003ca\u0026b\u003e")");
  out.clear();
  WriteJsonString("<a&b>", &out);
  EXPECT_EQ(out, "\"<a&b>\"");
  out.clear();
  WriteJsonString(std::string_view("\0x", 2), &out);
  EXPECT_EQ(out, R"("\u0000x")");
}

TEST(WriteJsonTest, CompactAndPretty) {
  Value v = Parse(R"({"b": [1, {"x": null}, []], "a": "s", "c": {}})");
  EXPECT_EQ(ToJson(v), R"({"a":"s","b":[1,{"x":null},[]],"c":{}})");
  WriteOptions pretty;
  pretty.pretty = true;
  EXPECT_EQ(ToJson(v, pretty),
            "{\n"
            "  \"a\": \"s\",\n"
            "  \"b\": [\n"
            "    1,\n"
            "    {\n"
            "      \"x\": null\n"
            "    },\n"
            "    []\n"
            "  ],\n"
            "  \"c\": {}\n"
            "}");
  pretty.indent = 4;
  EXPECT_EQ(ToJson(Parse("[true]"), pretty), "[\n    true\n]");
}

TEST(WriteJsonTest, SetsAndNonStringKeys) {
  Value set = Value::Set({Value::Int(3), Value::String("a"), Value::Int(1)});
  EXPECT_EQ(ToJson(set), R"([1,3,"a"])");
  Value obj = Value::Object({{Value::Int(1), Value::String("one")},
                             {Value::Array({Value::Int(1), Value::String("x")}), Value::Bool(true)},
                             {Value::String("s"), Value::Null()}});
  EXPECT_EQ(ToJson(obj), R"({"1":"one","s":null,"[1,\"x\"]":true})");
}

TEST(WriteJsonTest, RoundTripIsStable) {
  const char* doc =
      R"({"configurationItems":[{"arn":"arn:aws:s3:::b","tags":{"k":"v\u0000"},"n":-1.25e-7,)"
      R"("big":123456789012345678901234567890}]})";
  Value v = Parse(doc);
  std::string once = ToJson(v);
  Value again = Parse(once);
  EXPECT_EQ(v, again);
  EXPECT_EQ(ToJson(again), once);
}

}  // namespace
}  // namespace kumo::json
