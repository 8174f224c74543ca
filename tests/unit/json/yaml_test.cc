// YAML -> Value: scalar resolution, documents, errors with positions.
#include "json/yaml.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "json/json.h"

namespace kumo::json {
namespace {

Value Y(std::string_view text) {
  auto r = ParseYaml(text, "t.yaml");
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r.value() : Value();
}

TEST(YamlTest, ScalarResolution) {
  Value v = Y(R"(
n1: null
n2: ~
n3:
b1: true
b2: False
b3: yes
b4: off
i1: 42
i2: -17
i3: +5
i4: 0x1F
i5: 0o17
i6: 1_000
big: 12345678901234567890123
f1: 0.1000000000000000055511151231257827
f2: .5
f3: 1e3
f4: -2.50
inf: .inf
nan: .nan
s1: hello
s2: "true"
s3: '42'
s4: "null"
s5: 1.2.3
s6: 2024-01-02T03:04:05Z
s7: !!str 12
i7: !!int "12"
)");
  ASSERT_TRUE(v.is_object());
  auto text = [&](std::string_view k) { return ToJson(*v.Find(k)); };
  EXPECT_EQ(text("n1"), "null");
  EXPECT_EQ(text("n2"), "null");
  EXPECT_EQ(text("n3"), "null");
  EXPECT_EQ(text("b1"), "true");
  EXPECT_EQ(text("b2"), "false");
  EXPECT_EQ(text("b3"), "true");  // YAML 1.1 boolean, as OPA (go-yaml v2)
  EXPECT_EQ(text("b4"), "false");
  EXPECT_EQ(text("i1"), "42");
  EXPECT_EQ(text("i2"), "-17");
  EXPECT_EQ(text("i3"), "5");
  EXPECT_EQ(text("i4"), "31");
  EXPECT_EQ(text("i5"), "15");
  EXPECT_EQ(text("i6"), "1000");
  EXPECT_EQ(text("big"), "12345678901234567890123");
  EXPECT_EQ(text("f1"), "0.1000000000000000055511151231257827");
  EXPECT_EQ(text("f2"), "0.5");
  EXPECT_EQ(text("f3"), "1e3");
  EXPECT_EQ(text("f4"), "-2.50");
  EXPECT_EQ(text("inf"), "\".inf\"");
  EXPECT_EQ(text("nan"), "\".nan\"");
  EXPECT_EQ(text("s1"), "\"hello\"");
  EXPECT_EQ(text("s2"), "\"true\"");
  EXPECT_EQ(text("s3"), "\"42\"");
  EXPECT_EQ(text("s4"), "\"null\"");
  EXPECT_EQ(text("s5"), "\"1.2.3\"");
  EXPECT_EQ(text("s6"), "\"2024-01-02T03:04:05Z\"");
  EXPECT_EQ(text("s7"), "\"12\"");
  EXPECT_EQ(text("i7"), "12");
}

TEST(YamlTest, CollectionsKeysAndMerge) {
  Value v = Y(R"(
base: &b {x: 1, z: 2}
derived:
  <<: *b
  z: 3
y: norway
list: [a, 1, {k: v}]
1: int key
true: bool key
)");
  EXPECT_EQ(ToJson(*v.Find("derived")), R"({"x":1,"z":3})");
  // go-yaml v2 (and so OPA) reads a plain `y` as true, also as a key.
  EXPECT_EQ(v.Find("true")->as_string(), "bool key");
  EXPECT_EQ(v.Find("y"), nullptr);
  EXPECT_EQ(ToJson(*v.Find("list")), R"(["a",1,{"k":"v"}])");
  EXPECT_EQ(v.Find("1")->as_string(), "int key");
  EXPECT_EQ(v.Find("true")->as_string(), "bool key");
}

TEST(YamlTest, Documents) {
  auto docs = ParseYamlDocuments("a: 1\n---\n- x\n---\nplain\n");
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 3u);
  EXPECT_EQ(ToJson((*docs)[1]), R"(["x"])");
  EXPECT_EQ((*docs)[2].as_string(), "plain");
  EXPECT_TRUE(Y("").is_null());
  auto one = ParseYaml("a: 1\n---\nb: 2\n", "two.yaml");
  ASSERT_FALSE(one.ok());
  EXPECT_NE(one.status().message().find("two.yaml: expected one YAML document, found 2"),
            std::string::npos);
}

TEST(YamlTest, ErrorsCarryFileLineColumn) {
  auto r = ParseYaml("a: 1\nb: [1, 2\nc: 3\n", "rules.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kParseError);
  EXPECT_EQ(r.status().message().rfind("rules.yaml:", 0), 0u) << r.status().message();
  auto r2 = ParseYaml("key: value\n  bad: indent\n", "x.yaml");
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("x.yaml:2:"), std::string::npos) << r2.status().message();
  auto r3 = ParseYaml("? [a, b]\n: 1\n", "k.yaml");
  ASSERT_FALSE(r3.ok());
  EXPECT_NE(r3.status().message().find("k.yaml:1:"), std::string::npos) << r3.status().message();
}

TEST(YamlTest, LineHelpers) {
  YAML::Node root = YAML::Load("- rule: a\n  desc: x\n- rule: b\n  desc: z\n");
  ASSERT_TRUE(root.IsSequence());
  EXPECT_EQ(YamlLine(root[0]), 1u);
  EXPECT_EQ(YamlLine(root[1]), 3u);
  EXPECT_EQ(YamlLine(root[1]["desc"]), 4u);
  EXPECT_EQ(YamlColumn(root[1]["desc"]), 9u);
  auto v = YamlToValue(root[1]);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(ToJson(*v), R"({"desc":"z","rule":"b"})");
}

TEST(YamlTest, AliasBombIsBounded) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = c;
  }
  auto r = ParseYaml(bomb);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("alias"), std::string::npos) << r.status().message();
}

}  // namespace
}  // namespace kumo::json
