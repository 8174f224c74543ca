// RunScan with prepared queries supplied by the test: PASS/FAIL/ERROR per
// (control, resource), budget failures, account-scoped controls, ordering,
// ownership and mutes. Real Rego evaluation is in rego_scan_test.cc.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>

#include "scan/control.h"
#include "scan/mutelist.h"
#include "scan/ownership.h"
#include "scan/scan.h"

namespace kumo::scan {
namespace {

using EvalFn = std::function<rego::RegoResult<std::vector<rego::ResultRow>>(
    const Value&, const rego::EvalOptions&)>;

class FakeQuery : public rego::PreparedQuery {
 public:
  explicit FakeQuery(EvalFn fn) : fn_(std::move(fn)) {}
  rego::RegoResult<std::vector<rego::ResultRow>> Eval(
      const Value& input, const rego::EvalOptions& opts) const override {
    ++calls;
    return fn_(input, opts);
  }
  mutable std::atomic<int> calls{0};

 private:
  EvalFn fn_;
};

rego::RegoResult<std::vector<rego::ResultRow>> DenySet(std::vector<Value> items) {
  rego::RegoResult<std::vector<rego::ResultRow>> r;
  rego::ResultRow row;
  row.expressions.push_back(Value::Set(std::move(items)));
  r.value = std::vector<rego::ResultRow>{row};
  return r;
}

rego::RegoResult<std::vector<rego::ResultRow>> Error(std::string code, std::string msg) {
  rego::RegoResult<std::vector<rego::ResultRow>> r;
  r.errors.errors.push_back({std::move(code), std::move(msg), "x.rego", 3, 1});
  return r;
}

Control MakeControl(std::string id, std::vector<std::string> types, EvalFn fn,
                    std::shared_ptr<FakeQuery>* out = nullptr) {
  Control c;
  c.id = std::move(id);
  c.title = "title of " + c.id;
  c.severity = Severity5::kHigh;
  c.resource_types = std::move(types);
  c.account_scope = c.resource_types.empty();
  c.provider = Provider::kAws;
  c.frameworks = {{"cis-aws-7.0", {"2.1.4"}}};
  c.remediation = "docs/kaizen/" + c.id + ".md";
  auto q = std::make_shared<FakeQuery>(std::move(fn));
  if (out) *out = q;
  c.deny = q;
  return c;
}

Resource Bucket(std::string name, bool is_public, std::string account = "111122223333") {
  Resource r;
  r.provider = Provider::kAws;
  r.account = std::move(account);
  r.region = "us-east-1";
  r.type = "AWS::S3::Bucket";
  r.id = "arn:aws:s3:::" + name;
  r.name = name;
  r.config = Value::Object({{Value::String("public"), Value::Bool(is_public)}});
  return r;
}

// deny contains msg if input.config.public
EvalFn PublicBucket() {
  return [](const Value& input, const rego::EvalOptions&) {
    const Value* p = input.FindPath({"config", "public"});
    if (p && p->is_true()) {
      return DenySet({Value::Object({{Value::String("msg"), Value::String("bucket is public")},
                                     {Value::String("evidence"), Value::String("public=true")}})});
    }
    return DenySet({});
  };
}

std::vector<std::string> Triples(const ScanResult& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) {
    out.push_back(f.control_id + " " + f.resource_id + " " +
                  std::string(FindingStatusName(f.status)));
  }
  return out;
}

TEST(EngineTest, PassFailAndDeterministicOrder) {
  Diagnostics d;
  ControlSet set;
  set.AddPrepared(MakeControl("AWS-S3-001", {"AWS::S3::Bucket"}, PublicBucket()), &d);
  std::vector<Resource> res = {Bucket("zeta", true), Bucket("alpha", false), Bucket("mid", true)};
  Resource other = Bucket("x", true);
  other.type = "AWS::EC2::Instance";
  res.push_back(other);
  for (unsigned jobs : {1u, 2u, 4u}) {
    ScanOptions o;
    o.jobs = jobs;
    o.chunk_size = 1;
    auto r = RunScan(set, res, o, &d);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(Triples(*r), (std::vector<std::string>{"AWS-S3-001 arn:aws:s3:::alpha PASS",
                                                     "AWS-S3-001 arn:aws:s3:::mid FAIL",
                                                     "AWS-S3-001 arn:aws:s3:::zeta FAIL"}));
    const Finding& f = r->findings[1];
    EXPECT_EQ(f.message, "bucket is public");
    EXPECT_EQ(f.evidence, Value::Array({Value::String("public=true")}));
    EXPECT_EQ(f.severity, Severity5::kHigh);
    EXPECT_EQ(f.control_title, "title of AWS-S3-001");
    EXPECT_EQ(f.frameworks, std::vector<std::string>{"cis-aws-7.0:2.1.4"});
    EXPECT_EQ(f.remediation, "docs/kaizen/AWS-S3-001.md");
    EXPECT_EQ(f.resource_type, "AWS::S3::Bucket");
    EXPECT_EQ(f.account, "111122223333");
    EXPECT_EQ(f.region, "us-east-1");
    EXPECT_EQ(f.product, "unassigned");
    EXPECT_EQ(r->stats.evaluations, 3u);
    EXPECT_EQ(r->stats.fail, 2u);
    EXPECT_EQ(r->stats.pass, 1u);
    EXPECT_EQ(r->scope.controls, std::vector<std::string>{"AWS-S3-001"});
    EXPECT_EQ(r->scope.resource_types, std::vector<std::string>{"AWS::S3::Bucket"});
    EXPECT_EQ(r->scope.accounts, std::vector<std::string>{"111122223333"});
    EXPECT_EQ(r->scope.providers, std::vector<std::string>{"aws"});
    EXPECT_TRUE(r->scope.Covers(f));
  }
}

TEST(EngineTest, MessagesJoinedAndStringResults) {
  Diagnostics d;
  ControlSet set;
  set.AddPrepared(
      MakeControl("C-1", {"AWS::S3::Bucket"},
                  [](const Value&, const rego::EvalOptions&) {
                    return DenySet({Value::String("b problem"), Value::String("a problem")});
                  }),
      &d);
  auto r = RunScan(set, {Bucket("b", false)}, {}, &d);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].status, FindingStatus::kFail);
  EXPECT_EQ(r->findings[0].message, "a problem; b problem");
  EXPECT_TRUE(r->findings[0].evidence.is_null());
}

TEST(EngineTest, ErroringControlYieldsErrorAndScanGoesOn) {
  Diagnostics d;
  ControlSet set;
  set.AddPrepared(MakeControl("A-ERR", {"AWS::S3::Bucket"},
                              [](const Value&, const rego::EvalOptions&) {
                                return Error("eval_type_error", "operand 1 must be a number");
                              }),
                  &d);
  set.AddPrepared(MakeControl("B-OK", {"AWS::S3::Bucket"}, PublicBucket()), &d);
  set.AddPrepared(MakeControl("C-BADSHAPE", {"AWS::S3::Bucket"},
                              [](const Value&, const rego::EvalOptions&) {
                                rego::RegoResult<std::vector<rego::ResultRow>> r;
                                rego::ResultRow row;
                                row.expressions.push_back(Value::Int(3));
                                r.value = std::vector<rego::ResultRow>{row};
                                return r;
                              }),
                  &d);
  auto r = RunScan(set, {Bucket("a", true), Bucket("b", false)}, {}, &d);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Triples(*r),
            (std::vector<std::string>{"A-ERR arn:aws:s3:::a ERROR", "A-ERR arn:aws:s3:::b ERROR",
                                      "B-OK arn:aws:s3:::a FAIL", "B-OK arn:aws:s3:::b PASS",
                                      "C-BADSHAPE arn:aws:s3:::a ERROR",
                                      "C-BADSHAPE arn:aws:s3:::b ERROR"}));
  EXPECT_NE(r->findings[0].message.find("eval_type_error"), std::string::npos);
  EXPECT_NE(r->findings[0].message.find("operand 1 must be a number"), std::string::npos);
  EXPECT_NE(r->findings[4].message.find("must be a set"), std::string::npos);
  EXPECT_EQ(r->stats.error, 4u);
}

TEST(EngineTest, BudgetFailuresStopTheControl) {
  Diagnostics d;
  ControlSet set;
  std::shared_ptr<FakeQuery> q;
  set.AddPrepared(MakeControl(
                      "LOOP-1", {"AWS::S3::Bucket"},
                      [](const Value&, const rego::EvalOptions& o) {
                        EXPECT_EQ(o.max_steps, 1000u);
                        EXPECT_EQ(o.timeout, std::chrono::milliseconds(50));
                        return Error("eval_limit_error", "evaluation exceeded 1000 steps");
                      },
                      &q),
                  &d);
  std::vector<Resource> res;
  for (int i = 0; i < 20; ++i) res.push_back(Bucket("b" + std::to_string(100 + i), false));
  ScanOptions o;
  o.jobs = 1;
  o.max_steps = 1000;
  o.control_timeout = std::chrono::milliseconds(50);
  o.max_budget_failures_per_control = 3;
  auto r = RunScan(set, res, o, &d);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->findings.size(), 20u);
  for (const auto& f : r->findings) EXPECT_EQ(f.status, FindingStatus::kError);
  EXPECT_EQ(q->calls.load(), 3);
  EXPECT_NE(r->findings[0].message.find("exceeded 1000 steps"), std::string::npos);
  EXPECT_NE(r->findings[19].message.find("not evaluated"), std::string::npos);
}

TEST(EngineTest, AccountScopedControlSeesDataKumo) {
  Diagnostics d;
  ControlSet set;
  // Fails an account without a multi-region trail; names the offending trail.
  Control c = MakeControl("AWS-CT-001", {}, [](const Value& input, const rego::EvalOptions& o) {
    EXPECT_NE(o.data, nullptr);
    const Value* trails = o.data->FindPath({"kumo", "resources", "AWS::CloudTrail::Trail"});
    std::string account(input.Find("account")->as_string());
    std::vector<Value> out;
    bool found = false;
    if (trails) {
      for (const auto& [id, t] : trails->entries()) {
        if (t.Find("account")->as_string() != account) continue;
        found = true;
        if (!t.FindPath({"config", "IsMultiRegionTrail"})->is_true()) {
          out.push_back(
              Value::Object({{Value::String("msg"), Value::String("trail is single-region")},
                             {Value::String("resource_id"), id}}));
        }
      }
    }
    if (!found) out.push_back(Value::String("no CloudTrail trail in account " + account));
    return DenySet(std::move(out));
  });
  c.uses_data_kumo = true;
  set.AddPrepared(std::move(c), &d);
  auto trail = [](std::string account, std::string name, bool multi) {
    Resource r;
    r.provider = Provider::kAws;
    r.account = account;
    r.region = "eu-west-1";
    r.type = "AWS::CloudTrail::Trail";
    r.id = "arn:aws:cloudtrail:eu-west-1:" + account + ":trail/" + name;
    r.config = Value::Object({{Value::String("IsMultiRegionTrail"), Value::Bool(multi)}});
    r.tags = {{"team", "core"}};
    return r;
  };
  std::vector<Resource> res = {trail("111", "main", true), trail("222", "single", false),
                               Bucket("lonely", false, "333")};
  Ownership own = Ownership::Parse(
      "products:\n  - name: core\n    champion: c@x\n    match: {tags: {team: core}}\n"
      "  - name: web\n    champion: w@x\n    match: {accounts: [\"333\"]}\n",
      "k.yaml", &d);
  ScanOptions o;
  o.ownership = &own;
  auto r = RunScan(set, res, o, &d);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(d.empty());
  EXPECT_EQ(Triples(*r), (std::vector<std::string>{
                             "AWS-CT-001 111 PASS", "AWS-CT-001 333 FAIL",
                             "AWS-CT-001 arn:aws:cloudtrail:eu-west-1:222:trail/single FAIL"}));
  const Finding& account_fail = r->findings[1];
  EXPECT_EQ(account_fail.resource_type, kAccountResourceType);
  EXPECT_EQ(account_fail.region, "global");
  EXPECT_EQ(account_fail.product, "web");
  EXPECT_EQ(account_fail.message, "no CloudTrail trail in account 333");
  const Finding& trail_fail = r->findings[2];
  EXPECT_EQ(trail_fail.resource_type, "AWS::CloudTrail::Trail");
  EXPECT_EQ(trail_fail.region, "eu-west-1");
  EXPECT_EQ(trail_fail.account, "222");
  EXPECT_EQ(trail_fail.product, "core");  // from the trail's tags
  EXPECT_EQ(trail_fail.owner, "c@x");
  EXPECT_TRUE(r->scope.Covers(trail_fail));
  EXPECT_TRUE(r->scope.Covers(account_fail));
}

TEST(EngineTest, MutesApplyAndStreamToSink) {
  Diagnostics d;
  ControlSet set;
  set.AddPrepared(MakeControl("AWS-S3-001", {"AWS::S3::Bucket"}, PublicBucket()), &d);
  Mutelist ml = Mutelist::Parse(
      "mutes:\n  - control: AWS-S3-001\n    resource: \"arn:aws:s3:::site-*\"\n    reason: "
      "website\n"
      "    requester: a\n    approver: b\n    ticket: SEC-1\n    expires: 2099-01-01\n",
      "m.yaml", &d);
  ScanOptions o;
  o.mutelist = &ml;
  std::vector<Finding> seen;
  o.sink = [&](const Finding& f) { seen.push_back(f); };
  auto r = RunScan(set, {Bucket("site-www", true), Bucket("data", true)}, o, &d);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->findings.empty());
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].resource_id, "arn:aws:s3:::data");
  EXPECT_EQ(seen[0].status, FindingStatus::kFail);
  EXPECT_EQ(seen[1].status, FindingStatus::kMuted);
  EXPECT_EQ(seen[1].original_status, FindingStatus::kFail);
  EXPECT_EQ(seen[1].mute_ticket, "SEC-1");
  EXPECT_EQ(r->stats.muted, 1u);
  EXPECT_EQ(r->stats.fail, 1u);
}

// The streamed findings (sink) are exactly the collected ones, in
// (control id, resource id) order, over several chunks, threads, a
// multi-type control, an account-scoped one, mutes and products; the
// refilled Finding carries nothing over from the previous one.
TEST(EngineTest, SinkStreamsExactlyTheCollectedFindingsInOrder) {
  Diagnostics d;
  ControlSet set;
  set.AddPrepared(MakeControl("A-BUCKET", {"AWS::S3::Bucket"}, PublicBucket()), &d);
  set.AddPrepared(MakeControl("B-MULTI", {"AWS::EC2::Instance", "AWS::S3::Bucket"}, PublicBucket()),
                  &d);
  set.AddPrepared(MakeControl("C-ACCOUNT", {},
                              [](const Value& input, const rego::EvalOptions&) {
                                std::string acct(input.Find("account")->as_string());
                                if (acct == "222") return DenySet({Value::String("bad account")});
                                return DenySet({});
                              }),
                  &d);
  std::vector<Resource> res;
  for (int i = 0; i < 1500; ++i) {
    // Ids out of order and interleaved types, two accounts.
    Resource r =
        Bucket("b" + std::to_string((i * 7919) % 1500), i % 3 == 0, i % 2 == 0 ? "111" : "222");
    if (i % 5 == 0) {
      r.type = "AWS::EC2::Instance";
      r.id = "arn:aws:ec2:::i-" + std::to_string(i);
    }
    if (i % 4 == 0) r.tags = {{"team", "core"}};
    res.push_back(std::move(r));
  }
  Ownership own = Ownership::Parse(
      "products:\n  - name: core\n    champion: c@x\n    match: {tags: {team: core}}\n", "k.yaml",
      &d);
  Mutelist ml = Mutelist::Parse(
      "mutes:\n  - control: B-MULTI\n    resource: \"arn:aws:s3:::b1*\"\n    reason: r\n"
      "    requester: a\n    approver: b\n    ticket: SEC-2\n    expires: 2099-01-01\n",
      "m.yaml", &d);
  ASSERT_FALSE(d.has_errors());
  auto key = [](const Finding& f) {
    return f.control_id + "|" + f.resource_id + "|" + f.resource_type + "|" + f.account + "|" +
           std::string(FindingStatusName(f.status)) + "|" + f.message + "|" + f.product + "|" +
           f.owner + "|" + f.mute_ticket + "|" + f.mute_reason + "|" +
           (f.evidence.is_null() ? "-" : "e");
  };
  std::vector<std::string> reference;
  for (unsigned jobs : {1u, 2u}) {
    for (size_t chunk : {7u, 256u}) {
      ScanOptions o;
      o.jobs = jobs;
      o.chunk_size = chunk;
      o.ownership = &own;
      o.mutelist = &ml;
      auto collected = RunScan(set, res, o, &d);
      ASSERT_TRUE(collected.ok());
      std::vector<std::string> streamed;
      o.sink = [&](const Finding& f) { streamed.push_back(key(f)); };
      auto r = RunScan(set, res, o, &d);
      ASSERT_TRUE(r.ok());
      EXPECT_TRUE(r->findings.empty());
      std::vector<std::string> keys;
      for (const auto& f : collected->findings) keys.push_back(key(f));
      EXPECT_EQ(streamed, keys) << "jobs " << jobs << " chunk " << chunk;
      // 1500 buckets/instances for B, 1200 buckets for A, 2 accounts for C.
      EXPECT_EQ(keys.size(), 1500u + 1200u + 2u);
      for (size_t i = 1; i < collected->findings.size(); ++i) {
        const Finding& a = collected->findings[i - 1];
        const Finding& b = collected->findings[i];
        EXPECT_TRUE(a.control_id < b.control_id ||
                    (a.control_id == b.control_id && a.resource_id < b.resource_id))
            << a.control_id << " " << a.resource_id << " / " << b.control_id << " "
            << b.resource_id;
      }
      EXPECT_GT(r->stats.muted, 0u);
      ASSERT_EQ(r->stats.per_control.size(), 3u);
      EXPECT_EQ(r->stats.per_control[0].id, "A-BUCKET");
      EXPECT_EQ(r->stats.per_control[0].evaluations, 1200u);
      EXPECT_EQ(r->stats.per_control[1].evaluations, 1500u);
      EXPECT_EQ(r->stats.per_control[2].evaluations, 2u);
      if (reference.empty()) reference = keys;
      EXPECT_EQ(keys, reference);
    }
  }
}

// The input document built with shared parts is the plain one, and
// data.kumo is keyed by the documents' ids.
TEST(EngineTest, InputDocumentsAndDataKumoMatchResourceToValue) {
  Diagnostics d;
  ControlSet set;
  std::vector<Value> seen_inputs;
  std::mutex mu;
  Control c = MakeControl(
      "A-BUCKET", {"AWS::S3::Bucket"}, [&](const Value& input, const rego::EvalOptions& o) {
        const Value* by_id = o.data->FindPath({"kumo", "resources", "AWS::S3::Bucket"});
        EXPECT_NE(by_id, nullptr);
        if (by_id) {
          EXPECT_EQ(*by_id->Find(*input.Find("id")), input);
        }
        std::lock_guard<std::mutex> lock(mu);
        seen_inputs.push_back(input);
        return DenySet({});
      });
  c.uses_data_kumo = true;
  set.AddPrepared(std::move(c), &d);
  std::vector<Resource> res;
  for (int i = 0; i < 2000; ++i) {
    Resource r = Bucket("bucket-with-a-long-name-" + std::to_string(i), false,
                        i % 2 ? "00000000-0000-4000-8000-000000000001" : "111122223333");
    r.source_file = i < 1000 ? "inventory/aws/one-long-file-name.json" : "inventory/two.json";
    r.source_format = "aws-config-file";
    r.source_record = static_cast<uint64_t>(i);
    res.push_back(std::move(r));
  }
  ScanOptions o;
  o.jobs = 2;
  auto r = RunScan(set, res, o, &d);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(seen_inputs.size(), res.size());
  std::map<std::string, Value> by_id;
  for (const Resource& x : res) by_id[x.id] = x.ToValue();
  for (const Value& in : seen_inputs) {
    EXPECT_EQ(in, by_id[std::string(in.Find("id")->as_string())]);
  }
}

TEST(EngineTest, ScopeCovers) {
  ScanScope s;
  s.controls = {"A", "B"};
  s.accounts = {"1"};
  s.resource_types = {"AWS::S3::Bucket"};
  Finding f;
  f.control_id = "A";
  f.account = "1";
  f.resource_type = "AWS::S3::Bucket";
  EXPECT_TRUE(s.Covers(f));
  f.resource_type = "AWS::EC2::Instance";
  EXPECT_FALSE(s.Covers(f));
  f.resource_type = std::string(kAccountResourceType);
  EXPECT_TRUE(s.Covers(f));
  f.account = "2";
  EXPECT_FALSE(s.Covers(f));
  f.account = "1";
  f.control_id = "C";
  EXPECT_FALSE(s.Covers(f));
}

}  // namespace
}  // namespace kumo::scan
