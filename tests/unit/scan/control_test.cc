// Control metadata parsing, validation errors and selection.
#include "scan/control.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace kumo::scan {
namespace {

std::string Module(const std::string& custom, const std::string& pkg = "kumo.aws.s3.test",
                   const std::string& head = "# title: T\n# description: D\n") {
  return "# METADATA\n" + head + "# custom:\n" + custom + "package " + pkg +
         "\n\nimport rego.v1\n\ndeny contains \"x\" if { false }\n";
}

const char* kGoodCustom =
    "#   id: AWS-S3-001\n"
    "#   severity: high\n"
    "#   resource_types: [\"AWS::S3::Bucket\"]\n"
    "#   frameworks:\n"
    "#     cis-aws-7.0: [\"2.1.4\"]\n"
    "#   remediation: docs/kaizen/AWS-S3-001.md\n";

bool HasDiag(const Diagnostics& d, const std::string& needle) {
  for (const auto& i : d.items()) {
    if (i.ToString().find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST(ControlTest, ParsesValidControl) {
  Control c;
  bool lib = true;
  Diagnostics d;
  ASSERT_TRUE(ParseControl("a.rego", Module(kGoodCustom), &c, &lib, &d)) << d.items().size();
  EXPECT_FALSE(lib);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(c.id, "AWS-S3-001");
  EXPECT_EQ(c.title, "T");
  EXPECT_EQ(c.severity, Severity5::kHigh);
  EXPECT_EQ(c.provider, Provider::kAws);
  EXPECT_EQ(c.resource_types, std::vector<std::string>{"AWS::S3::Bucket"});
  EXPECT_EQ(c.package, "kumo.aws.s3.test");
  EXPECT_EQ(c.remediation, "docs/kaizen/AWS-S3-001.md");
  EXPECT_EQ(c.FrameworkRefs(), std::vector<std::string>{"cis-aws-7.0:2.1.4"});
  EXPECT_FALSE(c.uses_data_kumo);
}

TEST(ControlTest, ModuleWithoutMetadataIsALibrary) {
  Control c;
  bool lib = false;
  Diagnostics d;
  EXPECT_FALSE(ParseControl("lib.rego", "package kumo.lib.util\n\nx := 1\n", &c, &lib, &d));
  EXPECT_TRUE(lib);
  EXPECT_TRUE(d.empty());
}

TEST(ControlTest, ErrorsNameFileAndKey) {
  struct Case {
    std::string custom;
    std::string head;
    std::string expect;
  } cases[] = {
      {"#   id: X-1\n#   resource_types: [\"AWS::S3::Bucket\"]\n#   frameworks: {}\n#   "
       "remediation: r\n",
       "# title: T\n# description: D\n", "custom.severity"},
      {"#   id: X-1\n#   severity: urgent\n#   resource_types: [\"AWS::S3::Bucket\"]\n#   "
       "frameworks: {}\n"
       "#   remediation: r\n",
       "# title: T\n# description: D\n", "`urgent` is not one of"},
      {"#   id: X-1\n#   severity: low\n#   frameworks: {}\n#   remediation: r\n",
       "# title: T\n# description: D\n", "custom.resource_types"},
      {"#   id: X-1\n#   severity: low\n#   resource_types: [\"AWS::S3:Bucket\"]\n#   frameworks: "
       "{}\n"
       "#   remediation: r\n",
       "# title: T\n# description: D\n", "AWS::S3:Bucket"},
      {"#   id: X-1\n#   severity: low\n#   resource_types: "
       "[\"Microsoft.Storage/storageAccounts\"]\n"
       "#   frameworks: {}\n#   remediation: r\n",
       "# title: T\n# description: D\n", "Microsoft.Storage/storageAccounts"},
      {"#   id: X-1\n#   severity: low\n#   resource_types: [\"AWS::S3::Bucket\"]\n#   "
       "remediation: r\n",
       "# title: T\n# description: D\n", "custom.frameworks"},
      {"#   id: X-1\n#   severity: low\n#   resource_types: [\"AWS::S3::Bucket\"]\n#   frameworks: "
       "{}\n",
       "# title: T\n# description: D\n", "custom.remediation"},
      {kGoodCustom, "# description: D\n", "key `title`"},
      {"#   id: X-1\n#   severity: low\n#   scope: account\n#   resource_types: "
       "[\"AWS::S3::Bucket\"]\n"
       "#   frameworks: {}\n#   remediation: r\n",
       "# title: T\n# description: D\n", "not allowed with `scope: account`"},
      {"#   id: X-1\n#   severity: low\n#   scope: org\n#   frameworks: {}\n#   remediation: r\n",
       "# title: T\n# description: D\n", "custom.scope"},
  };
  for (const auto& tc : cases) {
    Control c;
    bool lib = false;
    Diagnostics d;
    EXPECT_FALSE(
        ParseControl("policies/x.rego", Module(tc.custom, "kumo.aws.x", tc.head), &c, &lib, &d))
        << tc.expect;
    EXPECT_FALSE(lib);
    ASSERT_TRUE(d.has_errors()) << tc.expect;
    EXPECT_TRUE(HasDiag(d, tc.expect)) << d.items()[0].ToString();
    EXPECT_TRUE(HasDiag(d, "policies/x.rego")) << d.items()[0].ToString();
  }
}

TEST(ControlTest, ErrorLineIsInTheFile) {
  Control c;
  bool lib = false;
  Diagnostics d;
  std::string m = Module(
      "#   id: X-1\n#   severity: urgent\n#   resource_types: [\"AWS::S3::Bucket\"]\n#   "
      "frameworks: {}\n"
      "#   remediation: r\n");
  EXPECT_FALSE(ParseControl("x.rego", m, &c, &lib, &d));
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].where.line, 6u);  // "#   severity: urgent"
}

TEST(ControlTest, AccountScope) {
  Control c;
  bool lib = false;
  Diagnostics d;
  std::string m = Module(
      "#   id: AWS-CT-001\n#   severity: medium\n#   scope: account\n#   frameworks:\n"
      "#     cis-aws-7.0: [\"3.1\"]\n#   remediation: r\n",
      "kumo.aws.cloudtrail.multi_region");
  m += "trails := data.kumo.resources[\"AWS::CloudTrail::Trail\"]\n";
  ASSERT_TRUE(ParseControl("x.rego", m, &c, &lib, &d));
  EXPECT_TRUE(c.account_scope);
  EXPECT_EQ(c.provider, Provider::kAws);  // from the package
  EXPECT_TRUE(c.uses_data_kumo);
}

TEST(ControlTest, ResourceTypeShapes) {
  Provider p;
  EXPECT_TRUE(IsWellFormedResourceType("AWS::S3::Bucket", &p));
  EXPECT_EQ(p, Provider::kAws);
  EXPECT_TRUE(IsWellFormedResourceType("AWS::Bedrock::Guardrail", &p));
  EXPECT_TRUE(IsWellFormedResourceType("storage.googleapis.com/Bucket", &p));
  EXPECT_EQ(p, Provider::kGcp);
  EXPECT_TRUE(IsWellFormedResourceType("aiplatform.googleapis.com/Endpoint", &p));
  EXPECT_TRUE(IsWellFormedResourceType("microsoft.storage/storageaccounts", &p));
  EXPECT_EQ(p, Provider::kAzure);
  EXPECT_TRUE(IsWellFormedResourceType("microsoft.sql/servers/databases", &p));
  EXPECT_FALSE(IsWellFormedResourceType("Microsoft.Storage/storageAccounts", &p));
  EXPECT_FALSE(IsWellFormedResourceType("microsoft.storage", &p));
  EXPECT_FALSE(IsWellFormedResourceType("AWS::S3", &p));
  EXPECT_FALSE(IsWellFormedResourceType("aws::s3::bucket", &p));
  EXPECT_FALSE(IsWellFormedResourceType("storage.googleapis.com/bucket", &p));
  EXPECT_FALSE(IsWellFormedResourceType("s3_bucket", &p));
}

ControlSet ThreeControls(Diagnostics* d) {
  return ControlSet::FromModules(
      {{"a.rego", Module(kGoodCustom, "kumo.aws.s3.a")},
       {"b.rego",
        Module(
            "#   id: GCP-GCS-001\n#   severity: low\n#   resource_types: "
            "[\"storage.googleapis.com/Bucket\"]\n#   frameworks:\n#     cis-gcp-5.0: [\"5.1\"]\n"
            "#   remediation: r\n",
            "kumo.gcp.gcs.b")},
       {"c.rego", Module("#   id: AZ-AI-001\n#   severity: critical\n#   resource_types: "
                         "[\"microsoft.cognitiveservices/accounts\"]\n#   frameworks:\n"
                         "#     owasp-llm-2025: [\"LLM01\"]\n#   remediation: r\n",
                         "kumo.azure.ai.c")},
       {"lib.rego", "package kumo.lib\n\nx := 1\n"}},
      d);
}

std::vector<std::string> Ids(const ControlSet& s) {
  std::vector<std::string> out;
  for (const auto& c : s.controls()) out.push_back(c.id);
  return out;
}

TEST(ControlTest, Selection) {
  Diagnostics d;
  ControlSet all = ThreeControls(&d);
  ASSERT_TRUE(d.empty());
  EXPECT_EQ(Ids(all), (std::vector<std::string>{"AWS-S3-001", "AZ-AI-001", "GCP-GCS-001"}));
  EXPECT_EQ(all.module_count(), 4u);

  {
    ControlSet s = all;
    ControlFilter f;
    f.providers = {Provider::kGcp};
    s.Select(f, &d);
    EXPECT_EQ(Ids(s), std::vector<std::string>{"GCP-GCS-001"});
  }
  {
    ControlSet s = all;
    ControlFilter f;
    f.has_min_severity = true;
    f.min_severity = Severity5::kHigh;
    s.Select(f, &d);
    EXPECT_EQ(Ids(s), (std::vector<std::string>{"AWS-S3-001", "AZ-AI-001"}));
  }
  {
    ControlSet s = all;
    ControlFilter f;
    f.frameworks = {"cis-aws"};  // prefix of cis-aws-7.0
    s.Select(f, &d);
    EXPECT_EQ(Ids(s), std::vector<std::string>{"AWS-S3-001"});
  }
  {
    ControlSet s = all;
    ControlFilter f;
    f.frameworks = {"owasp-llm-2025"};
    s.Select(f, &d);
    EXPECT_EQ(Ids(s), std::vector<std::string>{"AZ-AI-001"});
  }
  {
    ControlSet s = all;
    ControlFilter f;
    f.frameworks = {"cis"};  // not a prefix at a '-' boundary of "cis-aws-7.0"? it is: "cis-"
    s.Select(f, &d);
    EXPECT_EQ(Ids(s), (std::vector<std::string>{"AWS-S3-001", "GCP-GCS-001"}));
  }
  EXPECT_TRUE(d.empty());
  {
    ControlSet s = all;
    ControlFilter f;
    f.ids = {"AWS-S3-001", "NOPE-1"};
    Diagnostics d2;
    s.Select(f, &d2);
    EXPECT_EQ(Ids(s), std::vector<std::string>{"AWS-S3-001"});
    EXPECT_TRUE(HasDiag(d2, "NOPE-1"));
  }
}

TEST(ControlTest, DuplicateIdIsReportedAndSkipped) {
  Diagnostics d;
  ControlSet s = ControlSet::FromModules({{"a.rego", Module(kGoodCustom, "kumo.aws.s3.a")},
                                          {"b.rego", Module(kGoodCustom, "kumo.aws.s3.b")}},
                                         &d);
  EXPECT_EQ(s.controls().size(), 1u);
  EXPECT_EQ(s.controls()[0].file, "a.rego");
  EXPECT_TRUE(HasDiag(d, "control_duplicate_id"));
  EXPECT_TRUE(HasDiag(d, "b.rego"));
}

TEST(ControlTest, LoadFromDirectorySkipsTestsAndReportsMissingDir) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("kumo_control_test_" + std::to_string(::getpid()));
  fs::create_directories(dir / "aws");
  std::ofstream(dir / "aws" / "a.rego") << Module(kGoodCustom, "kumo.aws.s3.a");
  std::ofstream(dir / "aws" / "a_test.rego") << "package kumo.aws.s3.a_test\n";
  std::ofstream(dir / "README.md") << "not a policy";
  Diagnostics d;
  ControlSet s = ControlSet::Load({{dir.string(), true}, {(dir / "missing").string(), false}}, &d);
  ASSERT_EQ(s.controls().size(), 1u);
  EXPECT_TRUE(s.controls()[0].builtin);
  EXPECT_EQ(s.module_count(), 1u);
  EXPECT_TRUE(HasDiag(d, "policies_not_found"));
  fs::remove_all(dir);
}

TEST(ControlTest, BuiltinDirFlagWins) { EXPECT_EQ(FindBuiltinPolicies("/some/dir"), "/some/dir"); }

}  // namespace
}  // namespace kumo::scan
