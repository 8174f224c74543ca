// Rules loader (§1): items, versions, lists, macros, rules, exceptions,
// append/override and their errors, unknown sources and fields.
#include "detect/rules.h"

#include <gtest/gtest.h>

#include "detect/engine.h"
#include "unit/detect/test_util.h"

namespace kumo::detect {
namespace {

struct Loaded {
  std::unique_ptr<RuleSet> set;
  std::vector<std::string> diags;  // "CODE:line:item"
  std::vector<std::string> messages;
  bool has(const std::string& d) const {
    return std::find(diags.begin(), diags.end(), d) != diags.end();
  }
  std::string all() const {
    std::string s;
    for (size_t i = 0; i < diags.size(); ++i) s += diags[i] + " (" + messages[i] + ")\n";
    return s;
  }
  const CompiledRule* rule(const std::string& n) const {
    if (!set) return nullptr;
    for (const auto& r : set->rules()) {
      if (r.name == n) return &r;
    }
    return nullptr;
  }
};

Loaded Load(std::vector<std::string> files, LoadOptions o = {}) {
  RulesLoader l(o);
  for (size_t i = 0; i < files.size(); ++i)
    l.AddText("f" + std::to_string(i + 1) + ".yaml", files[i]);
  Loaded out;
  out.set = l.Compile();
  for (const auto& d : l.diagnostics().items()) {
    out.diags.push_back(d.code + ":" + std::to_string(d.where.line) + ":" + d.where.item);
    out.messages.push_back(d.message);
  }
  return out;
}

const char* kBase = R"(
- macro: ok
  condition: not ct.error exists
- list: names
  items: [CreateUser, DeleteUser]
- rule: R1
  desc: d
  condition: ct.name in (names) and ok
  output: "user=%ct.user"
  priority: WARNING
  source: aws_cloudtrail
  tags: [b, a]
)";

TEST(Rules, LoadsAndCompiles) {
  auto l = Load({kBase});
  ASSERT_TRUE(l.set) << l.all();
  EXPECT_TRUE(l.diags.empty()) << l.all();
  const CompiledRule* r = l.rule("R1");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->priority, Priority::kWarning);
  EXPECT_EQ(r->tags, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(r->line, 6u);
  std::set<std::string> names;
  EXPECT_TRUE(r->filter->RequiredEventNames(&names));
  EXPECT_EQ(names, (std::set<std::string>{"CreateUser", "DeleteUser"}));
}

TEST(Rules, ContainerErrors) {
  auto a = Load({"rule: x\n"});
  EXPECT_TRUE(a.has("LOAD_ERR_YAML_VALIDATE:1:")) << a.all();
  EXPECT_EQ(a.messages[0], "Rules content is not yaml array of objects");
  auto b = Load({"- [1, 2]\n"});
  EXPECT_TRUE(b.has("LOAD_ERR_YAML_VALIDATE:1:")) << b.all();
  auto c = Load({"- rule: [\n"});
  EXPECT_EQ(c.diags.size(), 1u);
  EXPECT_EQ(c.diags[0].substr(0, 19), "LOAD_ERR_YAML_PARSE");
  auto d = Load({"- foo: bar\n- ~\n---\n- list: l\n  items: []\n"});
  EXPECT_TRUE(d.has("LOAD_UNKNOWN_ITEM:1:")) << d.all();
  EXPECT_TRUE(d.has("LOAD_UNUSED_LIST:4:l")) << d.all();
  EXPECT_TRUE(d.set);
}

TEST(Rules, StrayCommaIsAnErrorNotAHang) {
  // yaml-cpp's LoadAll never returns on these; the loader reports them.
  for (const char* text : {",", " ,x", "'a',", "- a\n,\n", "[a],"}) {
    auto l = Load({text});
    EXPECT_EQ(l.set, nullptr) << text;
    ASSERT_EQ(l.diags.size(), 1u) << text;
    EXPECT_EQ(l.diags[0].substr(0, 20), "LOAD_ERR_YAML_PARSE:") << text;
  }
}

TEST(Rules, StopsAtFirstErrorInAFile) {
  auto l =
      Load({"- list: a\n  items: [x]\n- list: b\n  append: true\n  items: [y]\n- list: c\n  "
            "append: true\n  items: [z]\n"});
  EXPECT_EQ(std::count_if(l.diags.begin(), l.diags.end(),
                          [](const std::string& s) { return s.rfind("LOAD_ERR", 0) == 0; }),
            1)
      << l.all();
  EXPECT_TRUE(l.has("LOAD_ERR_VALIDATE:3:b")) << l.all();
}

TEST(Rules, EngineVersion) {
  EXPECT_TRUE(Load({"- required_engine_version: 10\n"}).set);
  EXPECT_TRUE(Load({"- required_engine_version: 0.31.0\n"}).set);
  EXPECT_TRUE(Load({"- required_engine_version: 63\n"}).set);
  auto l = Load({"- required_engine_version: 64\n"});
  EXPECT_TRUE(l.has("LOAD_ERR_VALIDATE:1:required_engine_version")) << l.all();
  EXPECT_EQ(l.messages[0], "Rules require engine version 0.64.0, but engine version is 0.63.0");
  EXPECT_FALSE(Load({"- required_engine_version: 1.0.0\n"}).set);
  EXPECT_FALSE(Load({"- required_engine_version: abc\n"}).set);
}

TEST(Rules, PluginVersions) {
  EXPECT_TRUE(Load({"- required_plugin_versions:\n  - name: cloudtrail\n    version: 0.10.0\n  - "
                    "name: json\n    version: 0.7.0\n"})
                  .set);
  auto newer = Load({"- required_plugin_versions:\n  - name: cloudtrail\n    version: 0.18.0\n"});
  EXPECT_FALSE(newer.set);
  EXPECT_NE(newer.messages[0].find("not compatible"), std::string::npos);
  EXPECT_FALSE(Load({"- required_plugin_versions:\n  - name: k8saudit\n    version: 0.1.0\n"}).set);
  EXPECT_TRUE(Load({"- required_plugin_versions:\n  - name: k8saudit\n    version: 0.1.0\n    "
                    "alternatives:\n      - name: cloudtrail\n        version: 0.1.0\n"})
                  .set);
  auto dup =
      Load({"- required_plugin_versions:\n  - name: json\n    version: 0.1.0\n    alternatives:\n  "
            "    - name: json\n        version: 0.2.0\n"});
  EXPECT_FALSE(dup.set);
  EXPECT_NE(dup.messages[0].find("multiple alternative"), std::string::npos);
  EXPECT_FALSE(Load({"- required_plugin_versions:\n  - name: json\n    version: x.y\n"}).set);
}

TEST(Rules, Lists) {
  const char* base =
      "- list: l\n  items: [a, b]\n- rule: R\n  desc: d\n  condition: ct.name in (l)\n  output: "
      "o\n  priority: info\n  source: aws_cloudtrail\n";
  auto app = Load({base, "- list: l\n  items: [c]\n  append: true\n"});
  ASSERT_TRUE(app.set) << app.all();
  EXPECT_EQ(app.rule("R")->condition, "ct.name in (l)");
  auto ov = Load({base, "- list: l\n  items: [z]\n  override:\n    items: replace\n"});
  ASSERT_TRUE(ov.set);
  auto both =
      Load({base, "- list: l\n  items: [z]\n  append: true\n  override:\n    items: append\n"});
  EXPECT_TRUE(both.has("LOAD_ERR_YAML_VALIDATE:1:l")) << both.all();
  auto none = Load({"- list: l\n  items: [z]\n  append: true\n"});
  EXPECT_TRUE(none.has("LOAD_ERR_VALIDATE:1:l")) << none.all();
  auto bad_name = Load({"- list: \"bad name\"\n  items: []\n"});
  EXPECT_TRUE(bad_name.has("LOAD_INVALID_LIST_NAME:1:bad name")) << bad_name.all();
  auto nested =
      Load({"- list: inner\n  items: [x, y]\n- list: outer\n  items: [inner, z]\n- rule: R\n  "
            "desc: d\n  condition: ct.name in (outer)\n  output: o\n  priority: info\n  source: "
            "aws_cloudtrail\n"});
  EXPECT_TRUE(nested.diags.empty()) << nested.all();
}

TEST(Rules, ListsExpandedEndToEnd) {
  auto l =
      Load({"- list: inner\n  items: [x, \"Console Login\"]\n- list: outer\n  items: [inner, "
            "ConsoleLogin]\n- rule: R\n  desc: d\n  condition: ct.name in (outer)\n  output: o\n  "
            "priority: info\n  source: aws_cloudtrail\n",
            "- list: outer\n  items: [Extra]\n  override:\n    items: append\n"});
  ASSERT_TRUE(l.set) << l.all();
  Engine e(std::move(l.set));
  for (const char* name : {"x", "Console Login", "ConsoleLogin", "Extra", "Other"}) {
    testing::TestEvent ev(Source::kAwsCloudTrail, std::string("{\"eventName\":\"") + name + "\"}");
    e.Prepare(&ev.ctx());
    std::vector<uint32_t> m;
    e.Evaluate(ev.ctx(), RuleMatching::kAll, &m);
    EXPECT_EQ(m.size(), std::string(name) == "Other" ? 0u : 1u) << name;
  }
}

TEST(Rules, Macros) {
  auto app = Load({kBase, "- macro: ok\n  condition: and ct.region = x\n  append: true\n"});
  ASSERT_TRUE(app.set) << app.all();
  auto ov = Load(
      {kBase, "- macro: ok\n  condition: or ct.region = x\n  override:\n    condition: append\n"});
  ASSERT_TRUE(ov.set) << ov.all();
  auto undefined =
      Load({"- macro: a\n  condition: b\n- macro: b\n  condition: ct.name = x\n- rule: R\n  desc: "
            "d\n  condition: a\n  output: o\n  priority: info\n  source: aws_cloudtrail\n"});
  EXPECT_TRUE(undefined.has("LOAD_ERR_COMPILE_CONDITION:1:a")) << undefined.all();
  EXPECT_EQ(undefined.messages[0], "Undefined macro 'b' used in filter.");
  auto in_rule =
      Load({"- rule: R\n  desc: d\n  condition: nope\n  output: o\n  priority: info\n  source: "
            "aws_cloudtrail\n"});
  EXPECT_TRUE(in_rule.has("LOAD_ERR_COMPILE_CONDITION:1:R")) << in_rule.all();
  auto unused = Load({"- macro: m\n  condition: ct.name = x\n"});
  EXPECT_TRUE(unused.has("LOAD_UNUSED_MACRO:1:m"));
  auto bad = Load({"- macro: m\n  condition: ct.name = \n"});
  EXPECT_TRUE(bad.has("LOAD_ERR_COMPILE_CONDITION:1:m")) << bad.all();
  auto bad_name = Load({"- macro: 1m\n  condition: ct.name = x\n"});
  EXPECT_TRUE(bad_name.has("LOAD_INVALID_MACRO_NAME:1:1m")) << bad_name.all();
  auto none = Load({"- macro: m\n  condition: x\n  append: true\n"});
  EXPECT_TRUE(none.has("LOAD_ERR_VALIDATE:1:m")) << none.all();
}

TEST(Rules, RuleRequiredKeysAndPriority) {
  auto missing = Load({"- rule: R\n  desc: d\n  condition: ct.name = x\n  priority: info\n"});
  EXPECT_TRUE(missing.has("LOAD_ERR_YAML_VALIDATE:1:R")) << missing.all();
  EXPECT_EQ(missing.messages[0], "Item has no mapping for key 'output'");
  auto prio =
      Load({"- rule: R\n  desc: d\n  condition: ct.name = x\n  output: o\n  priority: urgent\n  "
            "source: aws_cloudtrail\n"});
  EXPECT_EQ(prio.messages[0], "Invalid priority");
  for (const char* p : {"EMERGENCY", "alert", "Critical", "error", "warning", "notice",
                        "informational", "INFO", "debug"}) {
    auto ok = Load(
        {std::string("- rule: R\n  desc: d\n  condition: ct.name = x\n  output: o\n  priority: ") +
         p + "\n  source: aws_cloudtrail\n"});
    EXPECT_TRUE(ok.set) << p;
  }
  auto key =
      Load({"- rule: R\n  desc: d\n  condition: ct.name = x\n  output: o\n  priority: info\n  "
            "source: aws_cloudtrail\n  colour: red\n"});
  EXPECT_TRUE(key.has("LOAD_UNKNOWN_KEY:7:R")) << key.all();
  EXPECT_TRUE(key.set);
}

TEST(Rules, UnknownSourceAndSkipUnknownFilter) {
  auto src =
      Load({"- macro: m\n  condition: ka.verb = x\n- rule: K\n  desc: d\n  condition: m\n  output: "
            "o\n  priority: info\n  source: k8s_audit\n"
            "- rule: S\n  desc: d\n  condition: evt.type = open\n  output: o\n  priority: info\n"});
  EXPECT_TRUE(src.has("LOAD_UNKNOWN_SOURCE:3:K")) << src.all();
  EXPECT_TRUE(src.has("LOAD_UNKNOWN_SOURCE:9:S")) << src.all();
  EXPECT_TRUE(src.has("LOAD_UNUSED_MACRO:1:m")) << src.all();
  ASSERT_TRUE(src.set);
  EXPECT_EQ(src.set->rules().size(), 0u);
  auto field =
      Load({"- rule: R\n  desc: d\n  condition: ct.nope = x\n  output: o\n  priority: info\n  "
            "source: aws_cloudtrail\n"});
  EXPECT_TRUE(field.has("LOAD_ERR_COMPILE_CONDITION:1:R")) << field.all();
  auto skip =
      Load({"- rule: R\n  desc: d\n  condition: ct.nope = x\n  output: o\n  priority: info\n  "
            "source: aws_cloudtrail\n  skip-if-unknown-filter: true\n"});
  EXPECT_TRUE(skip.has("LOAD_UNKNOWN_FILTER:1:R")) << skip.all();
  ASSERT_TRUE(skip.set);
  EXPECT_EQ(skip.set->rules().size(), 0u);
  auto out =
      Load({"- rule: R\n  desc: d\n  condition: ct.name = x\n  output: \"%ct.nope\"\n  priority: "
            "info\n  source: aws_cloudtrail\n"});
  EXPECT_TRUE(out.has("LOAD_ERR_COMPILE_OUTPUT:1:R")) << out.all();
  auto wrong_src =
      Load({"- rule: R\n  desc: d\n  condition: gcp.user = x\n  output: o\n  priority: info\n  "
            "source: aws_cloudtrail\n"});
  EXPECT_NE(wrong_src.messages[0].find("nonexistent field gcp.user"), std::string::npos);
}

TEST(Rules, RedefinitionKeepsPositionAndSourceConflict) {
  const char* two =
      "- rule: A\n  desc: d\n  condition: ct.name = x\n  output: a\n  priority: info\n  source: "
      "aws_cloudtrail\n- rule: B\n  desc: d\n  condition: ct.name = x\n  output: b\n  priority: "
      "info\n  source: aws_cloudtrail\n";
  auto l = Load(
      {two, "- rule: A\n  desc: d2\n  condition: ct.name = y\n  output: a2\n  priority: error\n"});
  ASSERT_TRUE(l.set) << l.all();
  EXPECT_EQ(l.set->rules()[0].name, "A");
  EXPECT_EQ(l.set->rules()[0].output, "a2");
  auto conflict = Load({two,
                        "- rule: A\n  desc: d2\n  condition: gcp.user = y\n  output: a2\n  "
                        "priority: error\n  source: gcp_auditlog\n"});
  EXPECT_TRUE(conflict.has("LOAD_ERR_VALIDATE:1:A")) << conflict.all();
}

TEST(Rules, EnableToggleAppendAndOverride) {
  auto toggle = Load({kBase, "- rule: R1\n  enabled: false\n"});
  ASSERT_TRUE(toggle.set);
  EXPECT_FALSE(toggle.rule("R1")->enabled);
  auto toggle_missing = Load({"- rule: Nope\n  enabled: false\n"});
  EXPECT_TRUE(toggle_missing.has("LOAD_ERR_VALIDATE:1:Nope")) << toggle_missing.all();
  auto app = Load({kBase, "- rule: R1\n  condition: and ct.region = x\n  append: true\n"});
  ASSERT_TRUE(app.set) << app.all();
  EXPECT_EQ(app.rule("R1")->condition, "ct.name in (names) and ok and ct.region = x");
  EXPECT_TRUE(app.has("LOAD_DEPRECATED_ITEM:1:R1"));
  auto app_empty = Load({kBase, "- rule: R1\n  append: true\n  output: x\n"});
  EXPECT_TRUE(app_empty.has("LOAD_ERR_YAML_VALIDATE:1:R1")) << app_empty.all();
  auto ov = Load({kBase,
                  "- rule: R1\n  desc: more\n  output: \"(%ct.region)\"\n  tags: [c]\n  priority: "
                  "critical\n  enabled: false\n"
                  "  override:\n    desc: append\n    output: append\n    tags: append\n    "
                  "priority: replace\n    enabled: replace\n"});
  ASSERT_TRUE(ov.set) << ov.all();
  const CompiledRule* r = ov.rule("R1");
  EXPECT_EQ(r->desc, "d more");
  EXPECT_EQ(r->output, "user=%ct.user (%ct.region)");
  EXPECT_EQ(r->tags, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(r->priority, Priority::kCritical);
  EXPECT_FALSE(r->enabled);
  auto cant_append =
      Load({kBase, "- rule: R1\n  priority: info\n  override:\n    priority: append\n"});
  EXPECT_NE(cant_append.messages[0].find("cannot be appended to, use 'replace' instead"),
            std::string::npos);
  auto bad_word = Load({kBase, "- rule: R1\n  desc: x\n  override:\n    desc: merge\n"});
  EXPECT_TRUE(bad_word.has("LOAD_ERR_YAML_VALIDATE:4:R1")) << bad_word.all();
  auto missing_value = Load({kBase, "- rule: R1\n  override:\n    desc: replace\n"});
  EXPECT_NE(missing_value.messages[0].find("no value is provided"), std::string::npos);
  auto unexpected =
      Load({kBase, "- rule: R1\n  desc: x\n  output: y\n  override:\n    desc: replace\n"});
  EXPECT_NE(unexpected.messages[0].find("Unexpected key 'output'"), std::string::npos);
  auto no_rule = Load({"- rule: Nope\n  desc: x\n  override:\n    desc: replace\n"});
  EXPECT_TRUE(no_rule.has("LOAD_ERR_VALIDATE:1:Nope")) << no_rule.all();
  auto both =
      Load({kBase, "- rule: R1\n  desc: x\n  append: true\n  override:\n    desc: append\n"});
  EXPECT_TRUE(both.has("LOAD_ERR_YAML_VALIDATE:1:R1")) << both.all();
}

TEST(Rules, MinPriorityDropsLessSevereRules) {
  LoadOptions o;
  o.min_priority = Priority::kError;
  auto l = Load({kBase}, o);
  ASSERT_TRUE(l.set);
  EXPECT_EQ(l.set->rules().size(), 0u);
}

TEST(Rules, Exceptions) {
  const char* rule = R"(
- rule: R
  desc: d
  condition: ct.name = CreateUser
  output: o
  priority: info
  source: aws_cloudtrail
  exceptions:
    - name: users
      fields: ct.user
      values: [alice, "bob smith"]
    - name: pairs
      fields: [ct.region, ct.srcip]
      comps: [=, startswith]
      values:
        - [eu-west-1, "10."]
        - [[us-east-1, us-east-2], 192.168.]
    - name: empty
      fields: ct.user
)";
  auto l = Load({rule});
  // `ct.region = (us-east-1, us-east-2)` is what Falco generates for a list
  // element under `=`; it does not parse, so the rule fails as in Falco.
  EXPECT_TRUE(l.has("LOAD_ERR_COMPILE_CONDITION:2:R")) << l.all();
  // The list-valued tuple element renders as Falco does; `=` does not take
  // a list, so such a rule fails to compile in Falco too.
  auto ok = Load({R"(
- rule: R
  desc: d
  condition: ct.name = CreateUser
  output: o
  priority: info
  source: aws_cloudtrail
  exceptions:
    - name: pairs
      fields: [ct.region, ct.srcip]
      comps: [in, startswith]
      values:
        - [eu-west-1, "10."]
        - [[us-east-1, us-east-2], 192.168.]
)"});
  ASSERT_TRUE(ok.set) << ok.all();
  EXPECT_EQ(ok.rule("R")->condition,
            "(ct.name = CreateUser) and not ((ct.region in (eu-west-1) and ct.srcip startswith "
            "10.) or (ct.region in (us-east-1, us-east-2) and ct.srcip startswith 192.168.))");
  Engine e(std::move(ok.set));
  auto fires = [&](const char* json) {
    testing::TestEvent ev(Source::kAwsCloudTrail, json);
    e.Prepare(&ev.ctx());
    std::vector<uint32_t> m;
    e.Evaluate(ev.ctx(), RuleMatching::kAll, &m);
    return !m.empty();
  };
  EXPECT_TRUE(
      fires(R"({"eventName":"CreateUser","awsRegion":"eu-west-1","sourceIPAddress":"8.8.8.8"})"));
  EXPECT_FALSE(
      fires(R"({"eventName":"CreateUser","awsRegion":"eu-west-1","sourceIPAddress":"10.1.2.3"})"));
  EXPECT_FALSE(fires(
      R"({"eventName":"CreateUser","awsRegion":"us-east-2","sourceIPAddress":"192.168.0.1"})"));
}

TEST(Rules, ExceptionErrors) {
  auto head = std::string(
      "- rule: R\n  desc: d\n  condition: ct.name = x\n  output: o\n  priority: info\n  source: "
      "aws_cloudtrail\n  exceptions:\n");
  auto bad_field = Load({head + "    - name: e\n      fields: aws.user\n      values: [a]\n"});
  EXPECT_NE(bad_field.messages[0].find("aws.user is not a supported filter field"),
            std::string::npos)
      << bad_field.all();
  auto bad_comp =
      Load({head +
            "    - name: e\n      fields: [ct.user]\n      comps: [like]\n      values: [[a]]\n"});
  EXPECT_NE(bad_comp.messages[0].find("not a supported comparison operator"), std::string::npos)
      << bad_comp.all();
  auto len = Load({head + "    - name: e\n      fields: [ct.user, ct.name]\n      comps: [=]\n     "
                          " values: [[a, b]]\n"});
  EXPECT_NE(len.messages[0].find("equal length"), std::string::npos) << len.all();
  auto vlen =
      Load({head + "    - name: e\n      fields: [ct.user, ct.name]\n      values: [[a]]\n"});
  EXPECT_NE(vlen.messages[0].find("equal length"), std::string::npos) << vlen.all();
  auto dup = Load({head + "    - name: e\n      fields: ct.user\n      values: [a]\n    - name: "
                          "e\n      fields: ct.user\n      values: [b]\n"});
  EXPECT_TRUE(dup.has("LOAD_EXCEPTION_NAME_NOT_UNIQUE:11:R")) << dup.all();
  auto modifier = Load({head + "    - name: e\n      fields: ct.user\n      comps: startswith "
                               "anyof\n      values: [adm, root]\n"});
  ASSERT_TRUE(modifier.set) << modifier.all();
  EXPECT_EQ(modifier.rule("R")->condition,
            "(ct.name = x) and not (ct.user startswith anyof (adm, root))");
  auto unknown_src = Load(
      {"- rule: R\n  desc: d\n  condition: ka.verb = x\n  output: o\n  priority: info\n  source: "
       "k8s_audit\n  exceptions:\n    - name: e\n      fields: ka.user.name\n      values: [a]\n"});
  EXPECT_TRUE(unknown_src.set) << unknown_src.all();
}

TEST(Rules, ExceptionMerging) {
  const char* base =
      "- rule: R\n  desc: d\n  condition: ct.name = x\n  output: o\n  priority: info\n  source: "
      "aws_cloudtrail\n  exceptions:\n    - name: e\n      fields: [ct.user]\n      values: "
      "[[a]]\n";
  auto add =
      Load({base,
            "- rule: R\n  exceptions:\n    - name: e\n      values: [[b]]\n    - name: f\n      "
            "fields: ct.region\n      values: [r]\n  override:\n    exceptions: append\n"});
  ASSERT_TRUE(add.set) << add.all();
  EXPECT_EQ(add.rule("R")->condition,
            "(ct.name = x) and not ((ct.user = a) or (ct.user = b)) and not (ct.region in (r))");
  auto fields = Load({base,
                      "- rule: R\n  exceptions:\n    - name: e\n      fields: [ct.name]\n      "
                      "values: [[b]]\n  override:\n    exceptions: append\n"});
  EXPECT_NE(fields.messages[0].find("only values"), std::string::npos) << fields.all();
  auto new_no_fields = Load(
      {base, "- rule: R\n  exceptions:\n    - name: g\n      values: [[b]]\n  append: true\n"});
  EXPECT_NE(new_no_fields.all().find("must have fields property"), std::string::npos)
      << new_no_fields.all();
  auto replace = Load({base,
                       "- rule: R\n  exceptions:\n    - name: z\n      fields: ct.region\n      "
                       "values: [q]\n  override:\n    exceptions: replace\n"});
  ASSERT_TRUE(replace.set) << replace.all();
  EXPECT_EQ(replace.rule("R")->condition, "(ct.name = x) and not (ct.region in (q))");
}

TEST(Rules, SemverCompatibility) {
  EXPECT_TRUE(SemverCompatible("0.17.1", "0.10.0"));
  EXPECT_TRUE(SemverCompatible("0.17.1", "0.17.1"));
  EXPECT_FALSE(SemverCompatible("0.17.1", "0.17.2"));
  EXPECT_FALSE(SemverCompatible("0.17.1", "1.0.0"));
  EXPECT_FALSE(SemverCompatible("1.0.0", "0.9.0"));
}

}  // namespace
}  // namespace kumo::detect
