// Golden tests of every findings format on a fixed small set of findings.
// The expected files live in tests/golden/scan/; regenerate them with
// KUMO_UPDATE_GOLDEN=1 and review the diff.
#include "report/findings_writer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace kumo::report {
namespace {

std::vector<Finding> FixedFindings() {
  std::vector<Finding> out;
  Finding f;
  f.control_id = "AWS-S3-001";
  f.control_title = "S3 buckets block public access";
  f.resource_id = "arn:aws:s3:::demo-public";
  f.resource_type = "AWS::S3::Bucket";
  f.provider = Provider::kAws;
  f.account = "111122223333";
  f.region = "us-east-1";
  f.status = FindingStatus::kFail;
  f.original_status = FindingStatus::kFail;
  f.severity = Severity5::kHigh;
  f.message =
      "bucket demo-public does not set blockPublicAcls; bucket demo-public does not set "
      "restrictPublicBuckets";
  f.evidence = Value::Array(
      {Value::Object({{Value::String("setting"), Value::String("blockPublicAcls")}}),
       Value::Object({{Value::String("setting"), Value::String("restrictPublicBuckets")}})});
  f.product = "payments";
  f.owner = "alice@example.com";
  f.frameworks = {"cis-aws-7.0:2.1.4"};
  f.remediation = "docs/kaizen/AWS-S3-001.md";
  out.push_back(f);

  Finding p = f;
  p.resource_id = "arn:aws:s3:::demo-private";
  p.status = p.original_status = FindingStatus::kPass;
  p.message.clear();
  p.evidence = Value();
  out.push_back(p);

  Finding m = f;
  m.resource_id = "arn:aws:s3:::site, \"www\"";
  m.status = FindingStatus::kMuted;
  m.message = "bucket is public\nby design";
  m.evidence = Value();
  m.mute_reason = "static website";
  m.muted_by = "alice@example.com";
  m.mute_approver = "sec-lead@example.com";
  m.mute_ticket = "SEC-101";
  m.mute_expires = "2030-12-31";
  out.push_back(m);

  Finding g;
  g.control_id = "GCP-IAM-002";
  g.control_title = "No user-managed service account keys";
  g.resource_id =
      "//iam.googleapis.com/projects/ml-prod/serviceAccounts/ci@ml-prod.iam.gserviceaccount.com";
  g.resource_type = "iam.googleapis.com/ServiceAccount";
  g.provider = Provider::kGcp;
  g.account = "ml-prod";
  g.region = "global";
  g.status = g.original_status = FindingStatus::kFail;
  g.severity = Severity5::kCritical;
  g.message = "service account has 1 user-managed key";
  g.product = "unassigned";
  g.frameworks = {"cis-gcp-5.0:1.4", "kumo-iam:long-lived-keys"};
  g.remediation = "docs/kaizen/GCP-IAM-002.md";
  out.push_back(g);

  Finding e;
  e.control_id = "AZ-AI-001";
  e.control_title = "Azure OpenAI content filters on";
  e.resource_id =
      "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai";
  e.resource_type = "microsoft.cognitiveservices/accounts";
  e.provider = Provider::kAzure;
  e.account = "0000";
  e.region = "eastus";
  e.status = e.original_status = FindingStatus::kError;
  e.severity = Severity5::kMedium;
  e.message = "x.rego:3:1: eval_type_error: operand 1 must be a number";
  e.product = "ml-platform";
  e.owner = "bob@example.com";
  e.frameworks = {"owasp-llm-2025:LLM01"};
  e.remediation = "docs/kaizen/AZ-AI-001.md";
  out.push_back(e);
  return out;
}

ReportContext Context() {
  ReportContext ctx;
  ctx.kumo_version = "0.1.0";
  ctx.scan_time = 1795953600;  // 2026-11-29T12:00:00Z
  ctx.products["payments"] = {"alice@example.com", "#payments-sec", "PAY"};
  ctx.products["ml-platform"] = {"bob@example.com", "#ml-sec", "ML"};
  return ctx;
}

void CheckGolden(const std::string& name, const std::string& actual) {
  std::string path = "tests/golden/scan/" + name;
  if (std::getenv("KUMO_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << actual;
    GTEST_SKIP() << "updated " << path;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << path << " (run with KUMO_UPDATE_GOLDEN=1)";
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(actual, ss.str()) << "output differs from " << path;
}

TEST(FindingsWriterTest, JsonGolden) {
  CheckGolden("report.json", Render(Format::kJson, FixedFindings(), Context()));
}
TEST(FindingsWriterTest, JsonlGolden) {
  CheckGolden("report.jsonl", Render(Format::kJsonl, FixedFindings(), Context()));
}
TEST(FindingsWriterTest, CsvGolden) {
  CheckGolden("report.csv", Render(Format::kCsv, FixedFindings(), Context()));
}
TEST(FindingsWriterTest, OcsfGolden) {
  CheckGolden("report.ocsf.json", Render(Format::kOcsf, FixedFindings(), Context()));
}
TEST(FindingsWriterTest, MarkdownGolden) {
  CheckGolden("report.md", Render(Format::kMarkdown, FixedFindings(), Context()));
}
TEST(FindingsWriterTest, SummaryGolden) {
  Summary s;
  for (const auto& f : FixedFindings()) s.Add(f);
  CheckGolden("summary.txt", s.Render(false));
}

TEST(FindingsWriterTest, EmptyOutputsAreValid) {
  EXPECT_EQ(Render(Format::kJson, {}, Context()), "[]\n");
  EXPECT_EQ(Render(Format::kOcsf, {}, Context()), "[]\n");
  EXPECT_EQ(Render(Format::kJsonl, {}, Context()), "");
  EXPECT_EQ(Render(Format::kCsv, {}, Context()).substr(0, 24), "fingerprint,control_id,t");
}

TEST(FindingsWriterTest, CsvQuotingFollowsRfc4180) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField(""), "");
}

TEST(FindingsWriterTest, OcsfFields) {
  auto fs = FixedFindings();
  Value v = FindingToOcsf(fs[2], Context());  // muted FAIL
  EXPECT_EQ(*v.Find("class_uid"), Value::Int(2003));
  EXPECT_EQ(*v.Find("category_uid"), Value::Int(2));
  EXPECT_EQ(*v.Find("type_uid"), Value::Int(200301));
  EXPECT_EQ(*v.Find("severity_id"), Value::Int(4));
  EXPECT_EQ(*v.Find("status_id"), Value::Int(3));  // Suppressed
  EXPECT_EQ(*v.Find("status_code"), Value::String("FAIL"));
  EXPECT_EQ(*v.FindPath({"compliance", "status_id"}), Value::Int(3));
  EXPECT_EQ(*v.FindPath({"compliance", "control"}), Value::String("AWS-S3-001"));
  EXPECT_EQ(*v.FindPath({"cloud", "account", "uid"}), Value::String("111122223333"));
  EXPECT_EQ(*v.FindPath({"metadata", "product", "name"}), Value::String("kumo"));
  EXPECT_EQ(*v.FindPath({"unmapped", "mute", "ticket"}), Value::String("SEC-101"));
  Value crit = FindingToOcsf(fs[3], Context());
  EXPECT_EQ(*crit.Find("severity_id"), Value::Int(5));
  EXPECT_EQ(*crit.FindPath({"compliance", "standards"}),
            Value::Array({Value::String("cis-gcp-5.0"), Value::String("kumo-iam")}));
}

TEST(FindingsWriterTest, SummaryFailOn) {
  Summary s;
  for (const auto& f : FixedFindings()) s.Add(f);
  EXPECT_EQ(s.fail(), 2u);
  EXPECT_EQ(s.pass(), 1u);
  EXPECT_EQ(s.muted(), 1u);
  EXPECT_EQ(s.error(), 1u);
  EXPECT_TRUE(s.HasFailAtLeast(Severity5::kCritical));
  Summary only_high;
  only_high.Add(FixedFindings()[0]);
  EXPECT_TRUE(only_high.HasFailAtLeast(Severity5::kHigh));
  EXPECT_FALSE(only_high.HasFailAtLeast(Severity5::kCritical));
  std::string colored = s.Render(true);
  EXPECT_NE(colored.find("\033["), std::string::npos);
  EXPECT_EQ(s.Render(false).find("\033["), std::string::npos);
}

}  // namespace
}  // namespace kumo::report
