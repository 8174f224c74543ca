// kumo.yaml ownership and mutelist parsing and matching.
#include <gtest/gtest.h>

#include "scan/mutelist.h"
#include "scan/ownership.h"

namespace kumo::scan {
namespace {

bool HasDiag(const Diagnostics& d, const std::string& needle) {
  for (const auto& i : d.items()) {
    if (i.ToString().find(needle) != std::string::npos) return true;
  }
  return false;
}

const char* kConfig = R"(inputs: [inventory/]
products:
  - name: payments
    champion: alice@example.com
    slack_channel: "#payments-sec"
    jira_project: PAY
    match:
      accounts: ["111122223333"]
      tags: {team: payments}
  - name: ml-platform
    champion: bob@example.com
    match:
      projects: [ml-prod]
      subscriptions: [00000000-0000-0000-0000-000000000001]
      labels: ["team=ml*"]
)";

TEST(OwnershipTest, ParsesAndMatchesFirstProduct) {
  Diagnostics d;
  Ownership o = Ownership::Parse(kConfig, "kumo.yaml", &d);
  ASSERT_TRUE(d.empty()) << d.items()[0].ToString();
  ASSERT_EQ(o.products().size(), 2u);
  EXPECT_EQ(o.inputs(), std::vector<std::string>{"inventory/"});
  EXPECT_EQ(o.products()[0].slack_channel, "#payments-sec");
  std::map<std::string, std::string> none;
  EXPECT_EQ(o.Match(Provider::kAws, "111122223333", none)->name, "payments");
  EXPECT_EQ(o.Match(Provider::kAws, "999", {{"team", "payments"}})->name, "payments");
  EXPECT_EQ(o.Match(Provider::kGcp, "ml-prod", none)->name, "ml-platform");
  EXPECT_EQ(o.Match(Provider::kGcp, "other", {{"team", "ml-research"}})->name, "ml-platform");
  EXPECT_EQ(o.MatchAccount(Provider::kAzure, "00000000-0000-0000-0000-000000000001")->name,
            "ml-platform");
  // A project id is only a GCP match; an unknown account is unassigned.
  EXPECT_EQ(o.Match(Provider::kAws, "ml-prod", none), nullptr);
  EXPECT_EQ(o.Match(Provider::kAws, "444455556666", {{"team", "web"}}), nullptr);
  // First matching product wins even when a later one matches too.
  EXPECT_EQ(o.Match(Provider::kAws, "111122223333", {{"team", "ml-x"}})->name, "payments");
}

TEST(OwnershipTest, ErrorsNameFileLineAndKey) {
  Diagnostics d;
  Ownership o = Ownership::Parse(R"(products:
  - name: a
    champion: x
    match:
      acounts: ["1"]
  - name: b
    match: {accounts: ["2"]}
  - name: c
    champion: z
    match: {accounts: ["3"]}
)",
                                 "cfg/kumo.yaml", &d);
  EXPECT_EQ(o.products().size(), 1u);  // only c is valid
  EXPECT_TRUE(HasDiag(d, "cfg/kumo.yaml:5"));
  EXPECT_TRUE(HasDiag(d, "products.a.match.acounts"));
  EXPECT_TRUE(HasDiag(d, "products.b.champion"));
}

TEST(OwnershipTest, BadYaml) {
  Diagnostics d;
  Ownership o = Ownership::Parse("products: [\n", "k.yaml", &d);
  EXPECT_TRUE(o.products().empty());
  EXPECT_TRUE(HasDiag(d, "k.yaml"));
}

TEST(GlobTest, Matches) {
  EXPECT_TRUE(GlobMatch("*", ""));
  EXPECT_TRUE(GlobMatch("arn:aws:s3:::logs-*", "arn:aws:s3:::logs-2024"));
  EXPECT_FALSE(GlobMatch("arn:aws:s3:::logs-*", "arn:aws:s3:::web"));
  EXPECT_TRUE(GlobMatch("a?c", "abc"));
  EXPECT_FALSE(GlobMatch("a?c", "ac"));
  EXPECT_TRUE(GlobMatch("*b*d", "abcbd"));
  EXPECT_TRUE(GlobMatch("AWS-*-001", "AWS-S3-001"));
  EXPECT_FALSE(GlobMatch("abc", "abcd"));
}

const char* kMutes = R"(mutes:
  - account: "111122223333"
    control: AWS-S3-001
    resource: "arn:aws:s3:::public-site-*"
    reason: static website, public by design
    requester: alice@example.com
    approver: sec-lead@example.com
    ticket: SEC-101
    expires: 2030-12-31
  - control: "AWS-*"
    tags: {env: sandbox}
    reason: sandbox accounts
    requester: bob@example.com
    approver: sec-lead@example.com
    ticket: SEC-102
    expires: 2020-01-31
  - region: eu-west-1
    control: GCP-GCS-001
    reason: migration
    requester: carol@example.com
    approver: sec-lead@example.com
    ticket: SEC-103
    expires: 2026-11-29
)";

Finding MakeFinding(std::string control, std::string resource, std::string account,
                    std::string region = "us-east-1") {
  Finding f;
  f.control_id = std::move(control);
  f.resource_id = std::move(resource);
  f.account = std::move(account);
  f.region = std::move(region);
  f.status = FindingStatus::kFail;
  return f;
}

// 2026-11-29T12:00:00Z
constexpr int64_t kNow = 1795953600;

TEST(MutelistTest, MatchesAndKeepsOriginalStatus) {
  Diagnostics d;
  Mutelist ml = Mutelist::Parse(kMutes, "mutelist.yaml", &d);
  ASSERT_TRUE(d.empty()) << d.items()[0].ToString();
  ASSERT_EQ(ml.rules().size(), 3u);
  ml.DropExpired(kNow, &d);
  ASSERT_EQ(ml.rules().size(), 2u);  // SEC-102 expired in 2020; SEC-103 still applies today
  ASSERT_EQ(ml.expired().size(), 1u);
  EXPECT_EQ(ml.expired()[0].ticket, "SEC-102");
  EXPECT_TRUE(HasDiag(d, "mute_expired"));
  EXPECT_TRUE(HasDiag(d, "SEC-102"));
  EXPECT_EQ(d.error_count(), 0u);

  std::map<std::string, std::string> none;
  Finding f = MakeFinding("AWS-S3-001", "arn:aws:s3:::public-site-www", "111122223333");
  const MuteRule* r = ml.Match(f, none);
  ASSERT_NE(r, nullptr);
  Mutelist::Apply(*r, &f);
  EXPECT_EQ(f.status, FindingStatus::kMuted);
  EXPECT_EQ(f.original_status, FindingStatus::kFail);
  EXPECT_EQ(f.mute_ticket, "SEC-101");
  EXPECT_EQ(f.muted_by, "alice@example.com");
  EXPECT_EQ(f.mute_approver, "sec-lead@example.com");
  EXPECT_EQ(f.mute_expires, "2030-12-31");

  EXPECT_EQ(ml.Match(MakeFinding("AWS-S3-001", "arn:aws:s3:::private", "111122223333"), none),
            nullptr);
  EXPECT_EQ(ml.Match(MakeFinding("AWS-S3-001", "arn:aws:s3:::public-site-www", "999"), none),
            nullptr);
  // The expired sandbox rule no longer applies.
  EXPECT_EQ(ml.Match(MakeFinding("AWS-EC2-001", "i-1", "1"), {{"env", "sandbox"}}), nullptr);
  EXPECT_NE(ml.Match(MakeFinding("GCP-GCS-001", "b", "p", "eu-west-1"), none), nullptr);
  EXPECT_EQ(ml.Match(MakeFinding("GCP-GCS-001", "b", "p", "us-east1"), none), nullptr);

  // The day after its expiry date the rule stops applying.
  Mutelist later = Mutelist::Parse(kMutes, "mutelist.yaml", &d);
  later.DropExpired(kNow + 86400, &d);
  EXPECT_EQ(later.rules().size(), 1u);
}

TEST(MutelistTest, TagsMustAllMatch) {
  Diagnostics d;
  Mutelist ml = Mutelist::Parse(R"(- control: X-1
  tags: {env: dev, team: "web*"}
  reason: r
  requester: a
  approver: b
  ticket: T-1
  expires: 2099-01-01
)",
                                "m.yaml", &d);
  ASSERT_EQ(ml.rules().size(), 1u);
  Finding f = MakeFinding("X-1", "r", "a");
  EXPECT_EQ(ml.Match(f, {{"env", "dev"}}), nullptr);
  EXPECT_NE(ml.Match(f, {{"env", "dev"}, {"team", "web-frontend"}}), nullptr);
}

TEST(MutelistTest, InvalidRulesAreReportedAndSkipped) {
  Diagnostics d;
  Mutelist ml = Mutelist::Parse(R"(mutes:
  - control: X-1
    reason: r
    requester: a
    approver: b
    expires: 2099-01-01
  - control: X-2
    reason: r
    requester: a
    approver: b
    ticket: T
    expires: next week
  - reason: r
    requester: a
    approver: b
    ticket: T
    expires: 2099-01-01
  - control: X-3
    reason: r
    requester: a
    approver: b
    ticket: T
    expires: 2099-01-01
    owner: me
)",
                                "m.yaml", &d);
  EXPECT_TRUE(ml.rules().empty());
  EXPECT_TRUE(HasDiag(d, "mutes[0].ticket` is required"));
  EXPECT_TRUE(HasDiag(d, "`next week` is not a YYYY-MM-DD date"));
  EXPECT_TRUE(HasDiag(d, "would mute every finding"));
  EXPECT_TRUE(HasDiag(d, "mutes[3].owner` is not known"));
  EXPECT_TRUE(HasDiag(d, "m.yaml:2"));
}

}  // namespace
}  // namespace kumo::scan
