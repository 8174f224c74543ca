// The store's behaviour, one typed suite run against both backends:
// SQLite (a temp file) and PostgreSQL ($KUMO_TEST_PG_URL, one fresh schema
// per test; skipped with a message when the variable is unset).
#include "store/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "model/resource.h"
#include "scan/mutelist.h"
#include "scan/ownership.h"
#include "scan/scan.h"
#include "store/sql.h"

namespace kumo::store {
namespace {

Finding MakeFinding(std::string control, std::string resource, std::string account,
                    FindingStatus status, Severity5 sev = Severity5::kHigh,
                    std::string type = "AWS::S3::Bucket") {
  Finding f;
  f.control_id = std::move(control);
  f.resource_id = std::move(resource);
  f.resource_type = std::move(type);
  f.provider = Provider::kAws;
  f.account = std::move(account);
  f.region = "eu-west-1";
  f.status = status;
  f.severity = sev;
  f.message = "bucket is public";
  f.product = "payments";
  f.frameworks = {"cis-aws-7.0:2.1.4"};
  return f;
}

ScanInput MakeScan(const std::vector<Finding>& findings, std::vector<std::string> accounts,
                   std::vector<std::string> types = {"AWS::S3::Bucket"},
                   std::vector<std::string> controls = {"*"}) {
  ScanInput in;
  for (auto& a : accounts) in.scope.accounts.emplace_back("aws", a);
  in.scope.resource_types = std::move(types);
  in.scope.controls = std::move(controls);
  in.findings = findings;
  in.inputs = {"inventory.jsonl"};
  return in;
}

std::atomic<int> g_counter{0};

struct SqliteBackend {
  static constexpr const char* kName = "sqlite";
  std::string path;
  Result<std::unique_ptr<Store>> Open() {
    if (path.empty()) {
      path =
          (std::filesystem::temp_directory_path() / ("kumo_store_test_" + std::to_string(getpid()) +
                                                     "_" + std::to_string(g_counter++) + ".db"))
              .string();
    }
    return OpenStore(path);
  }
  std::string Location() const { return path; }
  bool Available(std::string*) { return true; }
  ~SqliteBackend() {
    if (!path.empty()) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    }
  }
};

struct PostgresBackend {
  static constexpr const char* kName = "postgres";
  std::string schema, url;
  bool Available(std::string* why) {
    const char* base = std::getenv("KUMO_TEST_PG_URL");
    if (!base || !*base) {
      *why = "KUMO_TEST_PG_URL is not set; run `eval \"$(bash scripts/pg-test-server.sh start)\"`";
      return false;
    }
    return true;
  }
  Result<std::unique_ptr<Store>> Open() {
    std::string base = std::getenv("KUMO_TEST_PG_URL");
    if (schema.empty()) {
      schema = "t_" + std::to_string(getpid()) + "_" + std::to_string(g_counter++);
      auto admin = OpenPostgres(base);
      if (!admin.ok()) return admin.status();
      Status s =
          (*admin)->Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
      if (!s.ok()) return s;
      url = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
            schema;
    }
    return OpenStore(url);
  }
  std::string Location() const { return url; }
  ~PostgresBackend() {
    if (schema.empty()) return;
    auto admin = OpenPostgres(std::getenv("KUMO_TEST_PG_URL"));
    if (admin.ok()) (void)(*admin)->Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }
};

template <typename B>
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    if (!backend_.Available(&why)) GTEST_SKIP() << why;
    auto s = backend_.Open();
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    store_->SetClock([this] { return now_; });
  }

  ScanSummary Record(const std::vector<Finding>& findings, std::vector<std::string> accounts,
                     std::vector<std::string> types = {"AWS::S3::Bucket"},
                     std::vector<std::string> controls = {"*"}) {
    now_ += 60;
    ScanInput in = MakeScan(findings, std::move(accounts), std::move(types), std::move(controls));
    in.started_at = now_ - 10;
    in.finished_at = now_;
    auto r = store_->RecordScan(in);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : ScanSummary{};
  }

  // Records a scan of account 111 whose resources carry `tags` (by resource id).
  ScanSummary RecordTagged(const std::vector<Finding>& findings,
                           const std::map<std::string, std::map<std::string, std::string>>& tags) {
    now_ += 60;
    ScanInput in = MakeScan(findings, {"111"});
    in.finished_at = now_;
    in.tags_of = [&tags](const Finding& f) -> const std::map<std::string, std::string>* {
      auto it = tags.find(f.resource_id);
      return it == tags.end() ? nullptr : &it->second;
    };
    auto r = store_->RecordScan(in);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : ScanSummary{};
  }

  StoredFinding Get(const std::string& control, const std::string& resource) {
    auto r = store_->ShowFinding(FindingFingerprint(control, resource));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->first : StoredFinding{};
  }

  std::vector<std::string> History(const std::string& control, const std::string& resource) {
    auto r = store_->ShowFinding(FindingFingerprint(control, resource));
    std::vector<std::string> kinds;
    if (r.ok()) {
      for (const auto& e : r->second) kinds.push_back(e.kind);
    }
    return kinds;
  }

  B backend_;
  std::unique_ptr<Store> store_;
  int64_t now_ = 1'750'000'000;
};

using Backends = ::testing::Types<SqliteBackend, PostgresBackend>;
struct BackendNames {
  template <typename T>
  static std::string GetName(int) {
    return T::kName;
  }
};
TYPED_TEST_SUITE(StoreTest, Backends, BackendNames);

TYPED_TEST(StoreTest, MigrationsApplyOnceAndReopenIsNoOp) {
  auto v = this->store_->SchemaVersion();
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_GE(*v, 1);
  auto again = this->store_->Migrate();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  auto reopened = this->backend_.Open();
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_EQ(*(*reopened)->SchemaVersion(), *v);
}

TYPED_TEST(StoreTest, OpenResolveReopen) {
  auto s1 = this->Record({MakeFinding("AWS-S3-001", "arn:b1", "111", FindingStatus::kFail),
                          MakeFinding("AWS-S3-001", "arn:b2", "111", FindingStatus::kFail),
                          MakeFinding("AWS-S3-001", "arn:b3", "111", FindingStatus::kPass)},
                         {"111"});
  EXPECT_EQ(s1.opened, 2);
  EXPECT_EQ(s1.failed, 2);
  EXPECT_EQ(s1.passed, 1);
  EXPECT_EQ(s1.total, 3);
  auto first_seen = this->Get("AWS-S3-001", "arn:b2").finding.first_seen;

  auto s2 = this->Record({MakeFinding("AWS-S3-001", "arn:b1", "111", FindingStatus::kFail),
                          MakeFinding("AWS-S3-001", "arn:b2", "111", FindingStatus::kPass)},
                         {"111"});
  EXPECT_EQ(s2.opened, 0);
  EXPECT_EQ(s2.resolved, 1);
  auto b2 = this->Get("AWS-S3-001", "arn:b2");
  EXPECT_EQ(b2.state, "resolved");
  EXPECT_EQ(b2.finding.resolved_at, this->now_);
  EXPECT_EQ(this->Get("AWS-S3-001", "arn:b1").state, "open");
  EXPECT_EQ(this->Get("AWS-S3-001", "arn:b1").finding.last_seen, this->now_);

  auto s3 = this->Record({MakeFinding("AWS-S3-001", "arn:b1", "111", FindingStatus::kFail),
                          MakeFinding("AWS-S3-001", "arn:b2", "111", FindingStatus::kFail)},
                         {"111"});
  EXPECT_EQ(s3.reopened, 1);
  EXPECT_EQ(s3.opened, 0);
  b2 = this->Get("AWS-S3-001", "arn:b2");
  EXPECT_EQ(b2.state, "open");
  EXPECT_EQ(b2.finding.resolved_at, 0);
  EXPECT_EQ(b2.finding.first_seen, first_seen);
  EXPECT_EQ(this->History("AWS-S3-001", "arn:b2"),
            (std::vector<std::string>{"opened", "resolved", "reopened"}));

  // The scans are recorded with their counts, newest first.
  auto scans = this->store_->ListScans(10);
  ASSERT_TRUE(scans.ok());
  ASSERT_EQ(scans->size(), 3u);
  EXPECT_EQ((*scans)[0].summary.reopened, 1);
  EXPECT_EQ((*scans)[1].summary.resolved, 1);
  EXPECT_NE((*scans)[2].scope_json.find("\"111\""), std::string::npos);

  // diff: latest scan by default, or everything since scan 1.
  auto d = this->store_->DiffFindings(0, 0);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->reopened.size(), 1u);
  EXPECT_TRUE(d->opened.empty());
  auto since1 = this->store_->DiffFindings((*scans)[2].summary.scan_id, 0);
  ASSERT_TRUE(since1.ok());
  EXPECT_EQ(since1->resolved.size(), 1u);
  EXPECT_EQ(since1->reopened.size(), 1u);
  EXPECT_TRUE(since1->opened.empty());
}

TYPED_TEST(StoreTest, PartialScopeResolvesNothingOutsideIt) {
  this->Record({MakeFinding("AWS-S3-001", "arn:a1", "111", FindingStatus::kFail),
                MakeFinding("AWS-S3-001", "arn:b1", "222", FindingStatus::kFail),
                MakeFinding("AWS-EC2-001", "arn:i1", "111", FindingStatus::kFail, Severity5::kHigh,
                            "AWS::EC2::Instance"),
                MakeFinding("AWS-IAM-001", "arn:k1", "111", FindingStatus::kFail)},
               {"111", "222"}, {"AWS::S3::Bucket", "AWS::EC2::Instance"});
  // Account 111 only, S3 buckets only, and only AWS-S3-001 and AWS-IAM-001
  // ran; AWS-IAM-001 errored on arn:k1.
  auto s = this->Record({MakeFinding("AWS-IAM-001", "arn:k1", "111", FindingStatus::kError)},
                        {"111"}, {"AWS::S3::Bucket"}, {"AWS-S3-001", "AWS-IAM-001"});
  EXPECT_EQ(s.resolved, 1);
  EXPECT_EQ(s.errors, 1);
  EXPECT_EQ(this->Get("AWS-S3-001", "arn:a1").state, "resolved");  // covered
  EXPECT_EQ(this->Get("AWS-S3-001", "arn:b1").state, "open");      // other account
  EXPECT_EQ(this->Get("AWS-EC2-001", "arn:i1").state, "open");     // type not covered
  EXPECT_EQ(this->Get("AWS-IAM-001", "arn:k1").state, "open");     // ERROR never resolves

  // Another provider's account with the same id is not covered either.
  Finding g = MakeFinding("GCP-GCS-001", "//storage/b", "111", FindingStatus::kFail);
  g.provider = Provider::kGcp;
  ScanInput in = MakeScan({g}, {});
  in.scope.accounts = {{"gcp", "111"}};
  std::vector<Finding> gv = {g};
  in.findings = gv;
  ASSERT_TRUE(this->store_->RecordScan(in).ok());
  auto s2 = this->Record({}, {"222"}, {"AWS::EC2::Instance"});
  EXPECT_EQ(s2.resolved, 0);
  EXPECT_EQ(this->Get("GCP-GCS-001", "//storage/b").state, "open");
}

TYPED_TEST(StoreTest, AccountScopedFindingsResolveWithoutType) {
  this->Record({MakeFinding("AWS-IAM-010", "aws:111", "111", FindingStatus::kFail,
                            Severity5::kCritical, "")},
               {"111"}, {"AWS::S3::Bucket"});
  auto s = this->Record({}, {"111"}, {}, {"AWS-IAM-010"});
  EXPECT_EQ(s.resolved, 1);
}

TYPED_TEST(StoreTest, SeverityChangeAndDuplicateRowsInOneScan) {
  this->Record({MakeFinding("C1", "r1", "111", FindingStatus::kFail, Severity5::kLow)}, {"111"});
  // The same fingerprint twice (two deny results): FAIL wins over ERROR.
  auto s =
      this->Record({MakeFinding("C1", "r1", "111", FindingStatus::kError),
                    MakeFinding("C1", "r1", "111", FindingStatus::kFail, Severity5::kCritical)},
                   {"111"});
  EXPECT_EQ(s.failed, 1);
  auto f = this->Get("C1", "r1");
  EXPECT_EQ(f.finding.severity, Severity5::kCritical);
  EXPECT_EQ(this->History("C1", "r1"), (std::vector<std::string>{"opened", "severity_changed"}));
  auto shown = this->store_->ShowFinding(f.fingerprint);
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->second[1].detail, "low -> critical");
  EXPECT_EQ(shown->second[1].scan_id, s.scan_id);
}

TYPED_TEST(StoreTest, ListFindingsFilters) {
  Finding g = MakeFinding("GCP-1", "//p/x", "proj-a", FindingStatus::kFail, Severity5::kLow,
                          "storage.googleapis.com/Bucket");
  g.provider = Provider::kGcp;
  g.product = "search";
  this->Record(
      {MakeFinding("AWS-S3-001", "arn:1", "111", FindingStatus::kFail, Severity5::kCritical),
       MakeFinding("AWS-S3-002", "arn:2", "111", FindingStatus::kFail, Severity5::kMedium),
       MakeFinding("AWS-S3-002", "arn:3", "222", FindingStatus::kFail, Severity5::kHigh), g},
      {"111", "222"});
  auto list = [&](FindingFilter f) {
    auto r = this->store_->ListFindings(f);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::vector<std::string> ids;
    if (r.ok()) {
      for (const auto& x : *r) ids.push_back(x.finding.resource_id);
    }
    return ids;
  };
  EXPECT_EQ(list({}), (std::vector<std::string>{"arn:1", "arn:3", "arn:2", "//p/x"}));
  FindingFilter f;
  f.has_min_severity = true;
  f.min_severity = Severity5::kHigh;
  EXPECT_EQ(list(f), (std::vector<std::string>{"arn:1", "arn:3"}));
  f = {};
  f.control = "AWS-S3-00?";
  f.account = "111";
  EXPECT_EQ(list(f), (std::vector<std::string>{"arn:1", "arn:2"}));
  f = {};
  f.provider = "gcp";
  f.product = "search";
  EXPECT_EQ(list(f), (std::vector<std::string>{"//p/x"}));
  f = {};
  f.states = {"resolved"};
  EXPECT_TRUE(list(f).empty());
  f = {};
  f.min_age_seconds = 3600;
  EXPECT_TRUE(list(f).empty());
  this->now_ += 7200;
  EXPECT_EQ(list(f).size(), 4u);
  f = {};
  f.limit = 2;
  EXPECT_EQ(list(f).size(), 2u);
  // The control filter is a glob, not a LIKE pattern: '_' is literal.
  f = {};
  f.control = "AWS_S3*";
  EXPECT_TRUE(list(f).empty());
}

TYPED_TEST(StoreTest, MuteRequestApproveExpire) {
  this->Record({MakeFinding("AWS-S3-001", "arn:logs-1", "111", FindingStatus::kFail),
                MakeFinding("AWS-S3-001", "arn:logs-2", "111", FindingStatus::kFail),
                MakeFinding("AWS-S3-001", "arn:data", "111", FindingStatus::kFail)},
               {"111"});
  Mute req;
  req.control_pattern = "AWS-S3-001";
  req.resource_pattern = "arn:logs-*";
  req.reason = "public log buckets are intended";
  req.requester = "alice";
  req.ticket = "SEC-42";
  req.expires_at = this->now_ + 86400;
  auto id = this->store_->RequestMute(req);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  // A request does nothing until it is approved, and not by its requester.
  EXPECT_EQ(this->Get("AWS-S3-001", "arn:logs-1").state, "open");
  EXPECT_EQ(this->store_->ApproveMute(*id, "alice", "").code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(this->store_->ApproveMute(*id, "bob", "ok for a year").ok());
  EXPECT_FALSE(this->store_->ApproveMute(*id, "bob", "").ok());  // already decided

  auto m = this->Get("AWS-S3-001", "arn:logs-1");
  EXPECT_EQ(m.state, "muted");
  EXPECT_EQ(m.finding.status, FindingStatus::kMuted);
  EXPECT_EQ(m.finding.muted_by, "alice");
  EXPECT_EQ(m.finding.mute_approver, "bob");
  EXPECT_EQ(m.finding.mute_ticket, "SEC-42");
  EXPECT_EQ(m.mute_expires_at, req.expires_at);
  EXPECT_EQ(this->Get("AWS-S3-001", "arn:data").state, "open");

  // A scan keeps them muted (and visible) while the mute is active.
  auto s = this->Record({MakeFinding("AWS-S3-001", "arn:logs-1", "111", FindingStatus::kFail),
                         MakeFinding("AWS-S3-001", "arn:logs-2", "111", FindingStatus::kFail),
                         MakeFinding("AWS-S3-001", "arn:data", "111", FindingStatus::kFail)},
                        {"111"});
  EXPECT_EQ(s.muted, 2);
  EXPECT_EQ(s.failed, 1);
  FindingFilter muted;
  muted.states = {"muted"};
  EXPECT_EQ(this->store_->ListFindings(muted)->size(), 2u);

  // On its date the mute expires and the findings are open again.
  this->now_ = req.expires_at + 1;
  auto expired = this->store_->ExpireMutes();
  ASSERT_TRUE(expired.ok()) << expired.status().ToString();
  EXPECT_EQ(*expired, 1);
  EXPECT_EQ(this->Get("AWS-S3-001", "arn:logs-1").state, "open");
  EXPECT_EQ(this->History("AWS-S3-001", "arn:logs-1"),
            (std::vector<std::string>{"opened", "muted", "unmuted"}));
  auto mutes = this->store_->ListMutes({"expired"});
  ASSERT_TRUE(mutes.ok());
  ASSERT_EQ(mutes->size(), 1u);
  EXPECT_EQ((*mutes)[0].approver, "bob");
  EXPECT_EQ((*mutes)[0].decision_note, "ok for a year");
}

TYPED_TEST(StoreTest, ExpiredMuteStopsApplyingOnNextScan) {
  Mute req;
  req.fingerprint = FindingFingerprint("C1", "r1");
  req.reason = "accepted risk";
  req.requester = "alice";
  req.expires_at = this->now_ + 1000;
  auto id = this->store_->RequestMute(req);
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(this->store_->ApproveMute(*id, "bob", "").ok());
  auto s1 = this->Record({MakeFinding("C1", "r1", "111", FindingStatus::kFail)}, {"111"});
  EXPECT_EQ(s1.muted, 1);
  EXPECT_EQ(s1.opened, 1);
  EXPECT_EQ(this->Get("C1", "r1").state, "muted");
  this->now_ += 2000;
  auto s2 = this->Record({MakeFinding("C1", "r1", "111", FindingStatus::kFail)}, {"111"});
  EXPECT_EQ(s2.muted, 0);
  EXPECT_EQ(this->Get("C1", "r1").state, "open");
  EXPECT_EQ(this->History("C1", "r1"), (std::vector<std::string>{"opened", "muted", "unmuted"}));
  EXPECT_EQ((*this->store_->ListMutes({"expired"})).size(), 1u);
}

TYPED_TEST(StoreTest, MuteRejectAndValidation) {
  Mute bad;
  bad.reason = "x";
  bad.requester = "alice";
  bad.expires_at = this->now_ + 10;
  EXPECT_EQ(this->store_->RequestMute(bad).status().code(), StatusCode::kInvalidArgument);
  bad.control_pattern = "C*";
  bad.expires_at = this->now_ - 10;
  EXPECT_EQ(this->store_->RequestMute(bad).status().code(), StatusCode::kInvalidArgument);
  bad.expires_at = this->now_ + 10;
  auto id = this->store_->RequestMute(bad);
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(this->store_->RejectMute(*id, "bob", "not a good reason").ok());
  auto rejected = this->store_->ListMutes({"rejected"});
  ASSERT_EQ(rejected->size(), 1u);
  EXPECT_EQ((*rejected)[0].approver, "bob");
  EXPECT_EQ(this->store_->ApproveMute(*id, "carol", "").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(this->store_->ApproveMute(999, "carol", "").code(), StatusCode::kNotFound);
}

TYPED_TEST(StoreTest, ImportedMuteIsActiveAndIdempotent) {
  this->Record({MakeFinding("AWS-S3-001", "arn:x", "111", FindingStatus::kFail)}, {"111"});
  Mute m;
  m.control_pattern = "AWS-S3-*";
  m.account = "111";
  m.reason = "from mutelist";
  m.requester = "alice";
  m.approver = "bob";
  m.expires_at = this->now_ + 100;
  m.source = "mutelist.yaml";
  auto a = this->store_->ImportMute(m);
  auto b = this->store_->ImportMute(m);
  ASSERT_TRUE(a.ok() && b.ok()) << a.status().ToString();
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(this->Get("AWS-S3-001", "arn:x").state, "muted");
  auto active = this->store_->ListMutes({"active"});
  ASSERT_EQ(active->size(), 1u);
  EXPECT_EQ((*active)[0].source, "mutelist.yaml");
}

TYPED_TEST(StoreTest, MutelistMutedFindingsKeepWhoAndUntil) {
  Finding f = MakeFinding("C1", "r1", "111", FindingStatus::kMuted);
  f.original_status = FindingStatus::kFail;
  f.muted_by = "alice";
  f.mute_approver = "bob";
  f.mute_reason = "known";
  f.mute_expires = "2030-01-31";
  auto s = this->Record({f}, {"111"});
  EXPECT_EQ(s.muted, 1);
  auto got = this->Get("C1", "r1");
  EXPECT_EQ(got.state, "muted");
  EXPECT_EQ(got.finding.muted_by, "alice");
  EXPECT_EQ(got.finding.mute_expires, "2030-02-01T00:00:00Z");  // end of the last day
}

TYPED_TEST(StoreTest, AlertsDeduplicateWithinWindow) {
  const int64_t t0 = int64_t{1'750'000'000} * 1'000'000'000;
  auto alert = [&](int64_t offset_s, std::string user) {
    AlertRecord a;
    a.rule = "GCP SA key created";
    a.priority = "Warning";
    a.source = "gcp_auditlog";
    a.time_ns = t0 + offset_s * 1'000'000'000;
    a.output = "key created by " + user;
    a.output_fields = Value::Object({{Value::String("user"), Value::String(user)}});
    a.tags = {"gcp", "iam"};
    a.account = "proj-a";
    return a;
  };
  std::vector<AlertRecord> batch = {alert(0, "eve"), alert(10, "eve"), alert(20, "mallory"),
                                    alert(100, "eve")};
  auto r = this->store_->RecordAlerts(batch, 60);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // eve +10s folds into eve +0s; mallory differs; eve +100s is past the
  // window that opened at +0s.
  EXPECT_EQ(r->inserted, 3);
  EXPECT_EQ(r->deduplicated, 1);
  auto all = this->store_->ListAlerts({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  const AlertRecord& first = all->back();  // newest first
  EXPECT_EQ(first.count, 2);
  EXPECT_EQ(first.time_ns, t0);
  EXPECT_EQ(first.last_time_ns, t0 + 10'000'000'000);
  EXPECT_EQ(first.tags, (std::vector<std::string>{"gcp", "iam"}));
  EXPECT_EQ(first.output_fields.Find("user")->as_string(), "eve");
  // A later batch repeating eve +100s folds into that alert.
  std::vector<AlertRecord> again = {alert(130, "eve")};
  auto r2 = this->store_->RecordAlerts(again, 60);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->deduplicated, 1);
  AlertFilter f;
  f.rule = "GCP SA*";
  f.account = "proj-a";
  EXPECT_EQ(this->store_->ListAlerts(f)->size(), 3u);
  f.source = "aws_cloudtrail";
  EXPECT_TRUE(this->store_->ListAlerts(f)->empty());
}

TYPED_TEST(StoreTest, TicketKeysAndProducts) {
  this->Record({MakeFinding("C1", "r1", "111", FindingStatus::kFail)}, {"111"});
  auto fp = FindingFingerprint("C1", "r1");
  ASSERT_TRUE(this->store_->SetTicketKey(fp, "SEC-7").ok());
  EXPECT_EQ(this->Get("C1", "r1").finding.ticket_key, "SEC-7");
  EXPECT_EQ(this->store_->SetTicketKey("nope", "X").code(), StatusCode::kNotFound);
  // The ticket survives later scans.
  this->Record({MakeFinding("C1", "r1", "111", FindingStatus::kFail)}, {"111"});
  EXPECT_EQ(this->Get("C1", "r1").finding.ticket_key, "SEC-7");

  ProductRecord p{"payments",
                  {"alice@example.com"},
                  "#payments-sec",
                  "PAY",
                  {{"account", "111"}, {"tag", "team=payments"}}};
  ASSERT_TRUE(this->store_->ReplaceProducts({p}).ok());
  auto ps = this->store_->ListProducts();
  ASSERT_TRUE(ps.ok());
  ASSERT_EQ(ps->size(), 1u);
  EXPECT_EQ((*ps)[0].champions, p.champions);
  EXPECT_EQ((*ps)[0].rules, p.rules);
}

// Store mutes match tags exactly as mutelist rules do (scan/mutelist.h):
// every tag of the mute must be on the resource with a value its glob
// matches; an empty glob matches only an empty value.
TYPED_TEST(StoreTest, MuteByTagsMatchesLikeMutelist) {
  const std::map<std::string, std::map<std::string, std::string>> tags = {
      {"r-both", {{"env", "prod-eu"}, {"team", "pay"}}},
      {"r-env-only", {{"env", "prod"}}},
      {"r-dev", {{"env", "dev"}, {"team", "pay"}}},
      {"r-empty-owner", {{"env", "prod"}, {"team", "pay"}, {"owner", ""}}},
      {"r-other-key", {{"environment", "prod"}, {"team", "pay"}}},
  };
  std::vector<Finding> findings;
  for (const char* r : {"r-both", "r-env-only", "r-dev", "r-empty-owner", "r-other-key", "r-none"})
    findings.push_back(MakeFinding("C1", r, "111", FindingStatus::kFail));
  this->RecordTagged(findings, tags);

  Mute req;
  req.tags = {{"env", "prod*"}, {"team", "p?y"}};
  req.reason = "prod payments buckets are public by design";
  req.requester = "alice";
  req.expires_at = this->now_ + 86400;
  auto id = this->store_->RequestMute(req);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  ASSERT_TRUE(this->store_->ApproveMute(*id, "bob", "").ok());

  // The same rule in a mutelist file decides the same way.
  Diagnostics diags;
  auto list = scan::Mutelist::Parse(
      "mutes:\n  - tags: {env: 'prod*', team: 'p?y'}\n    reason: r\n    requester: alice\n"
      "    approver: bob\n    ticket: T-1\n    expires: 2099-12-31\n",
      "mutelist.yaml", &diags);
  ASSERT_EQ(list.rules().size(), 1u) << diags.items().size();
  const std::map<std::string, std::string> no_tags;
  auto check = [&](const char* when) {
    for (const Finding& f : findings) {
      auto it = tags.find(f.resource_id);
      bool listed = list.Match(f, it == tags.end() ? no_tags : it->second) != nullptr;
      EXPECT_EQ(this->Get("C1", f.resource_id).state, listed ? "muted" : "open")
          << when << ": " << f.resource_id;
    }
  };
  check("after approval");
  EXPECT_EQ(this->Get("C1", "r-both").state, "muted");
  EXPECT_EQ(this->Get("C1", "r-empty-owner").state, "muted");
  EXPECT_EQ(this->Get("C1", "r-dev").state, "open");

  // A later scan matches the tags it reports: r-dev moved to prod, r-both lost its team.
  auto moved = tags;
  moved["r-dev"]["env"] = "prod-us";
  moved["r-both"].erase("team");
  auto s = this->RecordTagged(findings, moved);
  EXPECT_EQ(this->Get("C1", "r-dev").state, "muted");
  EXPECT_EQ(this->Get("C1", "r-both").state, "open");
  EXPECT_EQ(s.muted, 2);  // r-dev and r-empty-owner
  for (const Finding& f : findings) {
    auto it = moved.find(f.resource_id);
    bool listed = list.Match(f, it == moved.end() ? no_tags : it->second) != nullptr;
    EXPECT_EQ(this->Get("C1", f.resource_id).state, listed ? "muted" : "open") << f.resource_id;
  }

  // An empty glob matches only an empty value.
  Mute owner;
  owner.tags = {{"owner", ""}};
  owner.reason = "unowned";
  owner.requester = "alice";
  owner.approver = "bob";
  owner.expires_at = this->now_ + 86400;
  this->RecordTagged({MakeFinding("C2", "r-empty-owner", "111", FindingStatus::kFail),
                      MakeFinding("C2", "r-both", "111", FindingStatus::kFail)},
                     {{"r-empty-owner", {{"owner", ""}}}, {"r-both", {{"owner", "x"}}}});
  ASSERT_TRUE(this->store_->ImportMute(owner).ok());
  EXPECT_EQ(this->Get("C2", "r-empty-owner").state, "muted");
  EXPECT_EQ(this->Get("C2", "r-both").state, "open");

  // Tags are listed with the mute, and importing differs by tag set.
  auto active = this->store_->ListMutes({"active"});
  ASSERT_TRUE(active.ok());
  ASSERT_EQ(active->size(), 2u);
  EXPECT_EQ((*active)[1].tags,
            (std::vector<std::pair<std::string, std::string>>{{"env", "prod*"}, {"team", "p?y"}}));
  auto again = this->store_->ImportMute(owner);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, (*active)[0].id);
  owner.tags = {{"owner", "*"}};
  auto other = this->store_->ImportMute(owner);
  ASSERT_TRUE(other.ok());
  EXPECT_NE(*other, *again);

  // A mute may consist of tags alone, but not of a key given twice.
  Mute twice = req;
  twice.tags = {{"env", "a"}, {"env", "b"}};
  EXPECT_EQ(this->store_->RequestMute(twice).status().code(), StatusCode::kInvalidArgument);
}

// `kumo scan --store` (PersistScan) writes kumo.yaml's product catalogue and
// the inventory's tags along with the scan.
TYPED_TEST(StoreTest, PersistScanWritesProductsAndTags) {
  Diagnostics diags;
  auto own = scan::Ownership::Parse(
      "products:\n"
      "  - name: payments\n    champion: priya@example.com\n    slack_channel: '#pay-sec'\n"
      "    jira_project: PAY\n    match:\n      accounts: ['111']\n      projects: [pay-prod]\n"
      "      subscriptions: [sub-1]\n      tags: {team: pay}\n"
      "  - name: data\n    champion: lena@example.com\n    jira_project: DATA\n"
      "    match:\n      tags: {team: data}\n",
      "kumo.yaml", &diags);
  ASSERT_EQ(own.products().size(), 2u);
  std::vector<Resource> resources(2);
  resources[0].id = "arn:bucket-a";
  resources[0].tags = {{"team", "pay"}, {"env", "prod"}};
  resources[1].id = "arn:bucket-b";
  resources[1].tags = {{"team", "pay"}, {"env", "dev"}};
  Mute m;
  m.tags = {{"env", "prod"}};
  m.reason = "prod buckets";
  m.requester = "alice";
  m.approver = "bob";
  m.expires_at = 4'000'000'000;
  ASSERT_TRUE(this->store_->ImportMute(m).ok());

  scan::ScanResult result;
  result.scope.providers = {"aws"};
  result.scope.accounts = {"111"};
  result.scope.resource_types = {"AWS::S3::Bucket"};
  result.scope.controls = {"C1"};
  result.findings = {MakeFinding("C1", "arn:bucket-a", "111", FindingStatus::kFail),
                     MakeFinding("C1", "arn:bucket-b", "111", FindingStatus::kFail)};
  auto saved = PersistScan(this->backend_.Location(), result, {"inv/"}, {&own, &resources});
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(saved->muted, 1);
  EXPECT_EQ(this->Get("C1", "arn:bucket-a").state, "muted");
  EXPECT_EQ(this->Get("C1", "arn:bucket-b").state, "open");

  auto products = this->store_->ListProducts();
  ASSERT_TRUE(products.ok()) << products.status().ToString();
  ASSERT_EQ(products->size(), 2u);
  const ProductRecord& data = (*products)[0];
  const ProductRecord& pay = (*products)[1];
  EXPECT_EQ(data.name, "data");
  EXPECT_EQ(data.champions, std::vector<std::string>{"lena@example.com"});
  EXPECT_EQ(data.jira_project, "DATA");
  EXPECT_EQ(pay.name, "payments");
  EXPECT_EQ(pay.champions, std::vector<std::string>{"priya@example.com"});
  EXPECT_EQ(pay.slack_channel, "#pay-sec");
  EXPECT_EQ(pay.jira_project, "PAY");
  EXPECT_EQ(pay.rules, (std::vector<std::pair<std::string, std::string>>{{"account", "111"},
                                                                         {"subscription", "sub-1"},
                                                                         {"project", "pay-prod"},
                                                                         {"tag", "team=pay"}}));

  // The next scan with a changed kumo.yaml replaces the catalogue.
  auto own2 = scan::Ownership::Parse(
      "products:\n  - name: data\n    champion: lena@example.com\n    match:\n"
      "      accounts: ['111']\n",
      "kumo.yaml", &diags);
  ASSERT_TRUE(PersistScan(this->backend_.Location(), result, {"inv/"}, {&own2, nullptr}).ok());
  products = this->store_->ListProducts();
  ASSERT_TRUE(products.ok());
  ASSERT_EQ(products->size(), 1u);
  EXPECT_EQ((*products)[0].rules,
            (std::vector<std::pair<std::string, std::string>>{{"account", "111"}}));
}

TEST(GlobToLikeTest, EscapesLikeMetacharacters) {
  EXPECT_EQ(GlobToLike(""), "%");
  EXPECT_EQ(GlobToLike("arn:*:b?"), "arn:%:b_");
  EXPECT_EQ(GlobToLike("a_b%c\\"), "a\\_b\\%c\\\\");
}

TEST(StoreLocationTest, FlagThenEnvThenDefault) {
  unsetenv("KUMO_STORE");
  EXPECT_EQ(DefaultStoreLocation(""), "kumo.db");
  setenv("KUMO_STORE", "/tmp/x.db", 1);
  EXPECT_EQ(DefaultStoreLocation(""), "/tmp/x.db");
  EXPECT_EQ(DefaultStoreLocation("postgres://h/db"), "postgres://h/db");
  unsetenv("KUMO_STORE");
}

TEST(OpenStoreTest, BadLocationsFailClearly) {
  auto r = OpenStore("/nonexistent-dir/kumo.db");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent-dir/kumo.db"), std::string::npos);
  auto pg = OpenStore("postgres://nobody:secret@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(pg.ok());
  EXPECT_EQ(pg.status().message().find("secret"), std::string::npos);
}

}  // namespace
}  // namespace kumo::store
