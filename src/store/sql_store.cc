// The Store over a SqlConn: one implementation of the lifecycle for both
// backends. A scan is loaded into a temp table (`inc`) in bulk and every
// lifecycle step is one set-based statement against it, inside one
// transaction; nothing loops over findings in C++ except the bulk load.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <unordered_map>
#include <unordered_set>

#include "json/json.h"
#include "store/migrations.h"
#include "store/sql.h"
#include "store/store.h"

namespace kumo::store {

const std::string& SqlRows::Text(size_t row, size_t col) const {
  static const std::string kEmpty;
  const auto& cell = rows[row][col];
  return cell ? *cell : kEmpty;
}

int64_t SqlRows::Int(size_t row, size_t col) const {
  const auto& cell = rows[row][col];
  if (!cell || cell->empty()) return 0;
  return std::strtoll(cell->c_str(), nullptr, 10);
}

std::string GlobToLike(std::string_view glob) {
  if (glob.empty()) return "%";
  std::string out;
  for (char c : glob) {
    switch (c) {
      case '*': out.push_back('%'); break;
      case '?': out.push_back('_'); break;
      case '%':
      case '_':
      case '\\':
        out.push_back('\\');
        out.push_back(c);
        break;
      default: out.push_back(c);
    }
  }
  return out;
}

// The stored text of an alert's output_fields.
static std::string AlertFieldsJson(const AlertRecord& alert) {
  if (!alert.output_fields.is_null()) return json::ToJson(alert.output_fields);
  return alert.output_fields_json.empty() ? "{}" : alert.output_fields_json;
}

std::string DefaultAlertDedupKey(const AlertRecord& alert) {
  std::string fields = AlertFieldsJson(alert);
  return FindingFingerprint(alert.rule, alert.account + "\n" + fields);
}

namespace {

// KUMO_STORE_TRACE=1 prints each RecordScan step's wall and process CPU
// time to stderr (profiling the lifecycle SQL; the server's CPU is not in it).
class StepTrace {
 public:
  StepTrace() : on_(std::getenv("KUMO_STORE_TRACE") != nullptr) { Mark(nullptr); }
  void Mark(const char* step) {
    if (!on_) return;
    auto wall = std::chrono::steady_clock::now();
    std::clock_t cpu = std::clock();
    if (step) {
      std::fprintf(stderr, "store: %-28s %8.3f s wall %8.3f s cpu\n", step,
                   std::chrono::duration<double>(wall - wall_).count(),
                   static_cast<double>(cpu - cpu_) / CLOCKS_PER_SEC);
    }
    wall_ = wall;
    cpu_ = cpu;
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point wall_;
  std::clock_t cpu_ = 0;
};

int64_t WallClock() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// "YYYY-MM-DD" (a mutelist expiry, the last day it applies) -> the unix time
// it stops applying (the next midnight UTC); an RFC 3339 time -> that
// instant. 0 when unparsable.
int64_t ParseExpiry(std::string_view s) {
  if (s.size() < 10) return 0;
  std::tm tm{};
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  std::string str(s);
  if (std::sscanf(str.c_str(), "%4d-%2d-%2d", &y, &mo, &d) != 3) return 0;
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  bool has_time = s.size() >= 19 && (s[10] == 'T' || s[10] == 't' || s[10] == ' ') &&
                  std::sscanf(str.c_str() + 11, "%2d:%2d:%2d", &h, &mi, &se) == 3;
  if (has_time) {
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = se;
    return timegm(&tm);
  }
  return timegm(&tm) + 86400;
}

int FindingPrecedence(FindingStatus s) {
  switch (s) {
    case FindingStatus::kFail: return 3;
    case FindingStatus::kMuted: return 2;
    case FindingStatus::kError: return 1;
    case FindingStatus::kPass: return 0;
  }
  return 0;
}

Value StringArray(const std::vector<std::string>& v) {
  std::vector<Value> items;
  items.reserve(v.size());
  for (const auto& s : v) items.push_back(Value::String(s));
  return Value::Array(std::move(items));
}

std::vector<std::string> SplitNonEmpty(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

constexpr std::string_view kIncColumns[] = {
    "fp",       "control_id",    "control_title", "resource_id", "resource_type", "provider",
    "account",  "region",        "scan_status",   "severity",    "severity_rank", "product",
    "owner",    "message",       "evidence",      "frameworks",  "remediation",   "mute_id",
    "muted_by", "mute_approver", "mute_reason",   "mute_ticket", "mute_expires"};

// `prev`: a reported finding's state before the scan (new_status '' = ERROR).
constexpr const char* kPrevColumns =
    "fp TEXT NOT NULL, status TEXT NOT NULL, severity TEXT NOT NULL, new_status TEXT NOT NULL, "
    "new_severity TEXT NOT NULL, moved BIGINT NOT NULL";

// The first 16 hex digits of a fingerprint as a number (sorts like the text).
uint64_t HexPrefix(std::string_view fp) {
  uint64_t v = 0;
  for (size_t i = 0; i < 16; ++i) {
    char c = i < fp.size() ? fp[i] : '0';
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : 0;
    v = v << 4 | static_cast<uint64_t>(d);
  }
  return v;
}

constexpr std::string_view kFindingSelect =
    "SELECT fingerprint, status, control_id, control_title, resource_id, resource_type, provider, "
    "account, region, severity, product, owner, message, evidence, frameworks, remediation, "
    "first_seen, last_seen, resolved_at, ticket_key, mute_id, muted_by, mute_approver, "
    "mute_reason, mute_ticket, mute_expires, first_scan_id, last_scan_id FROM findings";

std::string FormatUtc(int64_t t) {
  if (t <= 0) return "";
  std::time_t tt = t;
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

StoredFinding FindingFromRow(const SqlRows& r, size_t i) {
  StoredFinding s;
  s.fingerprint = r.Text(i, 0);
  s.state = r.Text(i, 1);
  Finding& f = s.finding;
  f.control_id = r.Text(i, 2);
  f.control_title = r.Text(i, 3);
  f.resource_id = r.Text(i, 4);
  f.resource_type = r.Text(i, 5);
  f.provider = ParseProvider(r.Text(i, 6));
  f.account = r.Text(i, 7);
  f.region = r.Text(i, 8);
  ParseSeverityLevel(r.Text(i, 9), &f.severity);
  f.status = s.state == kStateMuted  ? FindingStatus::kMuted
             : s.state == kStateOpen ? FindingStatus::kFail
                                     : FindingStatus::kPass;
  f.original_status = s.state == kStateResolved ? FindingStatus::kPass : FindingStatus::kFail;
  f.product = r.Text(i, 10);
  f.owner = r.Text(i, 11);
  f.message = r.Text(i, 12);
  auto ev = json::ParseJson(r.Text(i, 13));
  if (ev.ok()) f.evidence = std::move(ev).value();
  f.frameworks = SplitNonEmpty(r.Text(i, 14), ',');
  f.remediation = r.Text(i, 15);
  f.first_seen = r.Int(i, 16);
  f.last_seen = r.Int(i, 17);
  f.resolved_at = r.Int(i, 18);
  f.ticket_key = r.Text(i, 19);
  s.mute_id = r.Int(i, 20);
  if (s.state == kStateMuted) {
    f.muted_by = r.Text(i, 21);
    f.mute_approver = r.Text(i, 22);
    f.mute_reason = r.Text(i, 23);
    f.mute_ticket = r.Text(i, 24);
    s.mute_expires_at = r.Int(i, 25);
    f.mute_expires = FormatUtc(s.mute_expires_at);
  }
  s.first_scan_id = r.Int(i, 26);
  s.last_scan_id = r.Int(i, 27);
  return s;
}

constexpr std::string_view kMuteSelect =
    "SELECT id, state, control_pattern, resource_pattern, fingerprint, account, region, reason, "
    "requester, requested_at, expires_at, ticket, approver, decided_at, decision_note, source "
    "FROM mutes";

Mute MuteFromRow(const SqlRows& r, size_t i) {
  Mute m;
  m.id = r.Int(i, 0);
  m.state = r.Text(i, 1);
  m.control_pattern = r.Text(i, 2);
  m.resource_pattern = r.Text(i, 3);
  m.fingerprint = r.Text(i, 4);
  m.account = r.Text(i, 5);
  m.region = r.Text(i, 6);
  m.reason = r.Text(i, 7);
  m.requester = r.Text(i, 8);
  m.requested_at = r.Int(i, 9);
  m.expires_at = r.Int(i, 10);
  m.ticket = r.Text(i, 11);
  m.approver = r.Text(i, 12);
  m.decided_at = r.Int(i, 13);
  m.decision_note = r.Text(i, 14);
  m.source = r.Text(i, 15);
  return m;
}

// A tag value glob as a LIKE pattern: as in mutelist files, an empty glob
// matches only the empty value (GlobToLike("") matches everything).
std::string TagGlobToLike(std::string_view glob) { return glob.empty() ? "" : GlobToLike(glob); }

// The predicate "mute m matches finding f" (f: findings or inc columns);
// `tags` is the table of (resource_id, key, value) the resource's tags are
// read from. Every tag condition of the mute must hold.
std::string MuteMatches(std::string_view f, std::string_view fp_col, std::string_view tags) {
  std::string s;
  s += std::string(f) + ".control_id LIKE m.control_like ESCAPE '\\' AND ";
  s += std::string(f) + ".resource_id LIKE m.resource_like ESCAPE '\\' AND ";
  s += std::string(f) + ".account LIKE m.account_like ESCAPE '\\' AND ";
  s += std::string(f) + ".region LIKE m.region_like ESCAPE '\\' AND ";
  s += "(m.fingerprint = '' OR m.fingerprint = " + std::string(f) + "." + std::string(fp_col) + ")";
  s += " AND NOT EXISTS (SELECT 1 FROM mute_tags mt WHERE mt.mute_id = m.id AND NOT EXISTS "
       "(SELECT 1 FROM " +
       std::string(tags) + " t WHERE t.resource_id = " + std::string(f) +
       ".resource_id AND t.key = mt.key AND t.value LIKE mt.value_like ESCAPE '\\'))";
  return s;
}

class SqlStore final : public Store {
 public:
  explicit SqlStore(std::unique_ptr<SqlConn> conn) : db_(std::move(conn)) {}

  std::string_view backend() const override {
    return db_->dialect() == Dialect::kSqlite ? "sqlite" : "postgres";
  }

  void SetClock(std::function<int64_t()> clock) override { clock_ = std::move(clock); }

  Result<int> SchemaVersion() override {
    auto r = db_->Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!r.ok()) return r.status();
    return static_cast<int>(r->Int(0, 0));
  }

  Result<int> Migrate() override {
    const bool pg = db_->dialect() == Dialect::kPostgres;
    // Concurrent processes opening one PostgreSQL store migrate one at a time.
    if (pg) KUMO_RETURN_IF_ERROR(db_->Exec("SELECT pg_advisory_lock(7283460001)"));
    auto result = MigrateLocked();
    if (pg) (void)db_->Exec("SELECT pg_advisory_unlock(7283460001)");
    return result;
  }

  Result<ScanSummary> RecordScan(const ScanInput& scan) override {
    auto r = RecordScanTx(scan);
    if (!r.ok()) db_->Rollback();
    return r;
  }

  Result<std::vector<ScanRow>> ListScans(int64_t limit) override {
    auto r = db_->Query(
        "SELECT id, total, passed, failed, muted, errors, opened, resolved, reopened, started_at, "
        "finished_at, recorded_at, scope, inputs, control_set FROM scans ORDER BY id DESC LIMIT "
        "$1",
        {limit > 0 ? limit : int64_t{1} << 62});
    if (!r.ok()) return r.status();
    std::vector<ScanRow> out;
    for (size_t i = 0; i < r->rows.size(); ++i) {
      ScanRow s;
      s.summary.scan_id = r->Int(i, 0);
      s.summary.total = r->Int(i, 1);
      s.summary.passed = r->Int(i, 2);
      s.summary.failed = r->Int(i, 3);
      s.summary.muted = r->Int(i, 4);
      s.summary.errors = r->Int(i, 5);
      s.summary.opened = r->Int(i, 6);
      s.summary.resolved = r->Int(i, 7);
      s.summary.reopened = r->Int(i, 8);
      s.started_at = r->Int(i, 9);
      s.finished_at = r->Int(i, 10);
      s.recorded_at = r->Int(i, 11);
      s.scope_json = r->Text(i, 12);
      s.inputs_json = r->Text(i, 13);
      s.control_set_json = r->Text(i, 14);
      out.push_back(std::move(s));
    }
    return out;
  }

  Result<std::vector<StoredFinding>> ListFindings(const FindingFilter& filter) override {
    std::string sql(kFindingSelect);
    std::vector<SqlValue> params;
    std::vector<std::string> where;
    auto param = [&](SqlValue v) {
      params.push_back(std::move(v));
      return "$" + std::to_string(params.size());
    };
    if (!filter.states.empty()) {
      std::string in;
      for (const auto& s : filter.states) in += (in.empty() ? "" : ", ") + param(s);
      where.push_back("status IN (" + in + ")");
    }
    if (!filter.product.empty()) where.push_back("product = " + param(filter.product));
    if (filter.has_min_severity) {
      where.push_back("severity_rank >= " + param(int64_t{static_cast<int>(filter.min_severity)}));
    }
    if (!filter.control.empty()) {
      where.push_back("control_id LIKE " + param(GlobToLike(filter.control)) + " ESCAPE '\\'");
    }
    if (!filter.provider.empty()) where.push_back("provider = " + param(filter.provider));
    if (!filter.account.empty()) where.push_back("account = " + param(filter.account));
    if (filter.min_age_seconds > 0) {
      where.push_back("first_seen <= " + param(Now() - filter.min_age_seconds));
    }
    for (size_t i = 0; i < where.size(); ++i) sql += (i ? " AND " : " WHERE ") + where[i];
    sql += " ORDER BY severity_rank DESC, control_id, resource_id";
    if (filter.limit > 0) sql += " LIMIT " + param(filter.limit);
    auto r = db_->Query(sql, params);
    if (!r.ok()) return r.status();
    std::vector<StoredFinding> out;
    out.reserve(r->rows.size());
    for (size_t i = 0; i < r->rows.size(); ++i) out.push_back(FindingFromRow(*r, i));
    return out;
  }

  Result<std::pair<StoredFinding, std::vector<FindingEvent>>> ShowFinding(
      std::string_view fingerprint) override {
    std::string fp(fingerprint);
    auto r = db_->Query(std::string(kFindingSelect) + " WHERE fingerprint = $1", {fp});
    if (!r.ok()) return r.status();
    if (r->rows.empty()) return NotFound("no finding with fingerprint " + fp);
    auto ev = db_->Query(
        "SELECT id, fingerprint, scan_id, kind, at, detail FROM finding_events WHERE "
        "fingerprint = $1 ORDER BY id",
        {fp});
    if (!ev.ok()) return ev.status();
    std::vector<FindingEvent> events;
    for (size_t i = 0; i < ev->rows.size(); ++i) {
      events.push_back({ev->Int(i, 0), ev->Text(i, 1), ev->Int(i, 2), ev->Text(i, 3), ev->Int(i, 4),
                        ev->Text(i, 5)});
    }
    return std::make_pair(FindingFromRow(*r, 0), std::move(events));
  }

  Result<FindingDiff> DiffFindings(int64_t since_scan, int64_t since_time) override {
    FindingDiff diff;
    std::string cond;
    std::vector<SqlValue> params;
    if (since_scan > 0) {
      diff.since_scan = since_scan;
      cond = "e.scan_id > $1";
      params.push_back(since_scan);
    } else if (since_time > 0) {
      diff.since_time = since_time;
      cond = "e.at >= $1 AND e.scan_id <> 0";
      params.push_back(since_time);
    } else {
      auto latest = db_->Query("SELECT COALESCE(MAX(id), 0) FROM scans");
      if (!latest.ok()) return latest.status();
      diff.since_scan = latest->Int(0, 0) - 1;
      cond = "e.scan_id = $1";
      params.push_back(latest->Int(0, 0));
    }
    for (auto [kind, out] :
         {std::pair{"opened", &diff.opened}, std::pair{"resolved", &diff.resolved},
          std::pair{"reopened", &diff.reopened}}) {
      std::string sql = std::string(kFindingSelect) +
                        " WHERE fingerprint IN (SELECT e.fingerprint FROM finding_events e WHERE " +
                        cond + " AND e.kind = '" + kind +
                        "') ORDER BY severity_rank DESC, control_id, resource_id";
      auto r = db_->Query(sql, params);
      if (!r.ok()) return r.status();
      for (size_t i = 0; i < r->rows.size(); ++i) out->push_back(FindingFromRow(*r, i));
    }
    return diff;
  }

  Status SetTicketKey(std::string_view fingerprint, std::string_view ticket_key) override {
    auto r = db_->Query("UPDATE findings SET ticket_key = $2 WHERE fingerprint = $1",
                        {std::string(fingerprint), std::string(ticket_key)});
    if (!r.ok()) return r.status();
    if (r->affected == 0)
      return NotFound("no finding with fingerprint " + std::string(fingerprint));
    return Status::Ok();
  }

  Result<int64_t> RequestMute(const Mute& req) override {
    KUMO_RETURN_IF_ERROR(ValidateMute(req));
    if (req.expires_at <= Now()) {
      return InvalidArgument("mute request: expiry " + FormatUtc(req.expires_at) +
                             " is not in the future");
    }
    KUMO_RETURN_IF_ERROR(db_->BeginWrite());
    auto id = InsertMute(req, std::string(kMuteRequested), "", 0, "");
    Status s = id.ok() ? db_->Commit() : id.status();
    if (!s.ok()) {
      db_->Rollback();
      return s;
    }
    return id;
  }

  Status ApproveMute(int64_t id, std::string_view approver, std::string_view note) override {
    Status s = Decide(id, approver, note, /*approve=*/true);
    if (!s.ok()) db_->Rollback();
    return s;
  }

  Status RejectMute(int64_t id, std::string_view approver, std::string_view note) override {
    Status s = Decide(id, approver, note, /*approve=*/false);
    if (!s.ok()) db_->Rollback();
    return s;
  }

  Result<int64_t> ExpireMutes() override {
    auto r = ExpireMutesTx();
    if (!r.ok()) db_->Rollback();
    return r;
  }

  Result<std::vector<Mute>> ListMutes(const std::vector<std::string>& states) override {
    std::string sql(kMuteSelect);
    std::vector<SqlValue> params;
    for (const auto& s : states) {
      params.push_back(s);
      sql += (params.size() == 1 ? " WHERE state IN ($" : ", $") + std::to_string(params.size());
    }
    if (!params.empty()) sql += ")";
    sql += " ORDER BY id DESC";
    auto r = db_->Query(sql, params);
    if (!r.ok()) return r.status();
    std::vector<Mute> out;
    std::unordered_map<int64_t, size_t> index;
    for (size_t i = 0; i < r->rows.size(); ++i) {
      out.push_back(MuteFromRow(*r, i));
      index.emplace(out.back().id, i);
    }
    auto tags = db_->Query("SELECT mute_id, key, value FROM mute_tags ORDER BY mute_id, key");
    if (!tags.ok()) return tags.status();
    for (size_t i = 0; i < tags->rows.size(); ++i) {
      auto it = index.find(tags->Int(i, 0));
      if (it != index.end()) out[it->second].tags.emplace_back(tags->Text(i, 1), tags->Text(i, 2));
    }
    return out;
  }

  Result<int64_t> ImportMute(const Mute& m) override {
    auto r = ImportMuteTx(m);
    if (!r.ok()) db_->Rollback();
    return r;
  }

  Result<AlertBatchSummary> RecordAlerts(std::span<const AlertRecord> alerts,
                                         int64_t window_seconds) override {
    auto r = RecordAlertsTx(alerts, window_seconds);
    if (!r.ok()) db_->Rollback();
    return r;
  }

  Result<std::vector<AlertRecord>> ListAlerts(const AlertFilter& filter) override {
    std::string sql =
        "SELECT id, rule, priority, source, time_ns, last_time_ns, count, output, output_fields, "
        "tags, account, product, dedup_key, raw_event FROM alerts";
    std::vector<SqlValue> params;
    std::vector<std::string> where;
    auto param = [&](SqlValue v) {
      params.push_back(std::move(v));
      return "$" + std::to_string(params.size());
    };
    if (!filter.rule.empty()) {
      where.push_back("rule LIKE " + param(GlobToLike(filter.rule)) + " ESCAPE '\\'");
    }
    if (!filter.account.empty()) where.push_back("account = " + param(filter.account));
    if (!filter.product.empty()) where.push_back("product = " + param(filter.product));
    if (!filter.source.empty()) where.push_back("source = " + param(filter.source));
    if (filter.since_ns > 0) where.push_back("last_time_ns >= " + param(filter.since_ns));
    for (size_t i = 0; i < where.size(); ++i) sql += (i ? " AND " : " WHERE ") + where[i];
    sql += " ORDER BY time_ns DESC, id DESC";
    if (filter.limit > 0) sql += " LIMIT " + param(filter.limit);
    auto r = db_->Query(sql, params);
    if (!r.ok()) return r.status();
    std::vector<AlertRecord> out;
    for (size_t i = 0; i < r->rows.size(); ++i) {
      AlertRecord a;
      a.id = r->Int(i, 0);
      a.rule = r->Text(i, 1);
      a.priority = r->Text(i, 2);
      a.source = r->Text(i, 3);
      a.time_ns = r->Int(i, 4);
      a.last_time_ns = r->Int(i, 5);
      a.count = r->Int(i, 6);
      a.output = r->Text(i, 7);
      auto of = json::ParseJson(r->Text(i, 8));
      if (of.ok()) a.output_fields = std::move(of).value();
      a.output_fields_json = r->Text(i, 8);
      auto tags = json::ParseJson(r->Text(i, 9));
      if (tags.ok()) {
        for (const auto& t : tags->items()) a.tags.emplace_back(t.as_string());
      }
      a.account = r->Text(i, 10);
      a.product = r->Text(i, 11);
      a.dedup_key = r->Text(i, 12);
      a.raw_event = r->Text(i, 13);
      out.push_back(std::move(a));
    }
    return out;
  }

  Status ReplaceProducts(const std::vector<ProductRecord>& products) override {
    Status s = ReplaceProductsTx(products);
    if (!s.ok()) db_->Rollback();
    return s;
  }

  Result<std::vector<ProductRecord>> ListProducts() override {
    auto r = db_->Query(
        "SELECT name, champions, slack_channel, jira_project FROM products ORDER BY name");
    if (!r.ok()) return r.status();
    auto rules =
        db_->Query("SELECT product, kind, pattern FROM product_rules ORDER BY product, position");
    if (!rules.ok()) return rules.status();
    std::vector<ProductRecord> out;
    for (size_t i = 0; i < r->rows.size(); ++i) {
      ProductRecord p;
      p.name = r->Text(i, 0);
      auto ch = json::ParseJson(r->Text(i, 1));
      if (ch.ok()) {
        for (const auto& c : ch->items()) p.champions.emplace_back(c.as_string());
      }
      p.slack_channel = r->Text(i, 2);
      p.jira_project = r->Text(i, 3);
      for (size_t j = 0; j < rules->rows.size(); ++j) {
        if (rules->Text(j, 0) == p.name) p.rules.emplace_back(rules->Text(j, 1), rules->Text(j, 2));
      }
      out.push_back(std::move(p));
    }
    return out;
  }

 private:
  int64_t Now() const { return clock_ ? clock_() : WallClock(); }

  static std::vector<std::pair<std::string, std::string>> SortedTags(
      std::vector<std::pair<std::string, std::string>> tags) {
    std::sort(tags.begin(), tags.end());
    return tags;
  }

  // The tag conditions of mute `id`, sorted by key.
  Result<std::vector<std::pair<std::string, std::string>>> MuteTags(int64_t id) {
    auto r = db_->Query("SELECT key, value FROM mute_tags WHERE mute_id = $1", {id});
    if (!r.ok()) return r.status();
    std::vector<std::pair<std::string, std::string>> out;
    for (size_t i = 0; i < r->rows.size(); ++i) out.emplace_back(r->Text(i, 0), r->Text(i, 1));
    return SortedTags(std::move(out));
  }
  bool pg() const { return db_->dialect() == Dialect::kPostgres; }

  // Recreates an empty temp table `name` with the given column list.
  Status ResetTemp(std::string_view name, std::string_view columns, std::string_view options = "") {
    KUMO_RETURN_IF_ERROR(db_->Exec("DROP TABLE IF EXISTS " + std::string(name)));
    return db_->Exec("CREATE TEMP TABLE " + std::string(name) + " (" + std::string(columns) + ")" +
                     std::string(options));
  }

  Result<int> MigrateLocked() {
    const char* backend_name = pg() ? "postgres" : "sqlite";
    KUMO_RETURN_IF_ERROR(
        db_->Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
                  "name TEXT NOT NULL, applied_at BIGINT NOT NULL)"));
    int applied = 0;
    for (const Migration& m : EmbeddedMigrations()) {
      if (m.backend != backend_name) continue;
      KUMO_RETURN_IF_ERROR(db_->BeginWrite());
      auto have = db_->Query("SELECT COUNT(*) FROM schema_migrations WHERE version = $1",
                             {int64_t{m.version}});
      if (!have.ok()) {
        db_->Rollback();
        return have.status();
      }
      if (have->Int(0, 0) > 0) {
        db_->Rollback();
        continue;
      }
      Status s = db_->Exec(m.sql);
      if (s.ok()) {
        auto ins = db_->Query(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            {int64_t{m.version}, std::string(m.name), Now()});
        if (!ins.ok()) s = ins.status();
      }
      if (s.ok()) s = db_->Commit();
      if (!s.ok()) {
        db_->Rollback();
        return Status(s.code(), "migration " + std::string(m.name) + ": " + s.message());
      }
      ++applied;
    }
    return applied;
  }

  Result<ScanSummary> RecordScanTx(const ScanInput& scan) {
    const int64_t now = Now();
    const int64_t seen_at = scan.finished_at > 0 ? scan.finished_at : now;
    StepTrace trace;
    ScanSummary sum;
    sum.total = static_cast<int64_t>(scan.findings.size());

    // One row per fingerprint, sorted by fingerprint (so every B-tree the
    // scan writes is filled in key order): a FAIL beats MUTED beats ERROR,
    // and among equals the first reported wins. PASS rows are only counted
    // (absence from `inc` is what resolves a finding).
    struct Row {
      uint64_t key;  // the fingerprint's first 16 hex digits, for a fast sort
      std::string fp;
      const Finding* f;
    };
    std::vector<Row> rows;
    rows.reserve(scan.findings.size());
    for (const Finding& f : scan.findings) {
      switch (f.status) {
        case FindingStatus::kPass: ++sum.passed; continue;
        case FindingStatus::kError: ++sum.errors; break;
        default: break;
      }
      std::string fp = f.Fingerprint();
      rows.push_back({HexPrefix(fp), std::move(fp), &f});
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      if (a.key != b.key) return a.key < b.key;
      if (int c = a.fp.compare(b.fp)) return c < 0;
      int pa = FindingPrecedence(a.f->status), pb = FindingPrecedence(b.f->status);
      if (pa != pb) return pa > pb;
      return a.f < b.f;  // the span is contiguous: report order
    });
    rows.erase(std::unique(rows.begin(), rows.end(),
                           [](const Row& a, const Row& b) { return a.fp == b.fp; }),
               rows.end());
    int64_t failed = 0, muted = 0;
    for (const Row& r : rows) {
      failed += r.f->status == FindingStatus::kFail;
      muted += r.f->status == FindingStatus::kMuted;
    }
    trace.Mark("fingerprint + sort");

    // Expired mutes stop applying; marked outside the scan's transaction so
    // that concurrent scans do not queue behind one another on mute rows.
    auto expired = db_->Query(
        "UPDATE mutes SET state = 'expired' WHERE state = 'active' AND expires_at <= $1", {now});
    if (!expired.ok()) return expired.status();

    KUMO_RETURN_IF_ERROR(db_->BeginWrite());
    if (pg()) {
      // Scans of the same account serialise; scans of different accounts
      // run side by side (their findings never overlap). Sorted to avoid
      // lock-order deadlocks.
      std::vector<std::string> keys;
      for (const auto& [p, a] : scan.scope.accounts) keys.push_back(p + "/" + a);
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      for (const auto& k : keys) {
        auto l = db_->Query("SELECT pg_advisory_xact_lock(72834, hashtext($1))", {k});
        if (!l.ok()) return l.status();
      }
    }

    Value scope = Value::Object({
        {Value::String("accounts"),
         [&] {
           std::vector<Value> acc;
           for (const auto& [p, a] : scan.scope.accounts) {
             acc.push_back(Value::Object({{Value::String("provider"), Value::String(p)},
                                          {Value::String("account"), Value::String(a)}}));
           }
           return Value::Array(std::move(acc));
         }()},
        {Value::String("resource_types"), StringArray(scan.scope.resource_types)},
        {Value::String("controls"), StringArray(scan.scope.controls)},
    });
    auto ins = db_->Query(
        "INSERT INTO scans (started_at, finished_at, recorded_at, scope, inputs, control_set, "
        "total, passed, errors) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        {scan.started_at, seen_at, now, json::ToJson(scope), json::ToJson(StringArray(scan.inputs)),
         json::ToJson(StringArray(scan.control_set)), sum.total, sum.passed, sum.errors});
    if (!ins.ok()) return ins.status();
    const int64_t scan_id = ins->Int(0, 0);
    sum.scan_id = scan_id;

    auto dedup = [](std::vector<std::string> v) {
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end()), v.end());
      return v;
    };
    {
      auto accounts = scan.scope.accounts;
      std::sort(accounts.begin(), accounts.end());
      accounts.erase(std::unique(accounts.begin(), accounts.end()), accounts.end());
      KUMO_RETURN_IF_ERROR(db_->BulkInsert("scan_accounts", {"scan_id", "provider", "account"},
                                           accounts.size(), [&](size_t i, std::vector<SqlRef>* v) {
                                             (*v)[0] = scan_id;
                                             (*v)[1] = accounts[i].first;
                                             (*v)[2] = accounts[i].second;
                                           }));
      auto types = dedup(scan.scope.resource_types);
      KUMO_RETURN_IF_ERROR(db_->BulkInsert("scan_types", {"scan_id", "resource_type"}, types.size(),
                                           [&](size_t i, std::vector<SqlRef>* v) {
                                             (*v)[0] = scan_id;
                                             (*v)[1] = types[i];
                                           }));
      auto controls = dedup(scan.scope.controls);
      KUMO_RETURN_IF_ERROR(db_->BulkInsert("scan_controls", {"scan_id", "control_id"},
                                           controls.size(), [&](size_t i, std::vector<SqlRef>* v) {
                                             (*v)[0] = scan_id;
                                             (*v)[1] = controls[i];
                                           }));
    }

    // Load this scan's FAIL / MUTED / ERROR rows in fingerprint order. On
    // SQLite `inc` is keyed by fingerprint (WITHOUT ROWID: the sorted load
    // appends, no separate index); on PostgreSQL the index is built after
    // the COPY.
    const std::string inc_columns =
        "fp TEXT NOT NULL, control_id TEXT NOT NULL, control_title TEXT NOT NULL, "
        "resource_id TEXT NOT NULL, resource_type TEXT NOT NULL, provider TEXT NOT NULL, "
        "account TEXT NOT NULL, region TEXT NOT NULL, scan_status TEXT NOT NULL, "
        "severity TEXT NOT NULL, severity_rank BIGINT NOT NULL, product TEXT NOT NULL, "
        "owner TEXT NOT NULL, message TEXT NOT NULL, evidence TEXT NOT NULL, "
        "frameworks TEXT NOT NULL, remediation TEXT NOT NULL, mute_id BIGINT NOT NULL, "
        "muted_by TEXT NOT NULL, mute_approver TEXT NOT NULL, mute_reason TEXT NOT NULL, "
        "mute_ticket TEXT NOT NULL, mute_expires BIGINT NOT NULL";
    KUMO_RETURN_IF_ERROR(
        pg() ? ResetTemp("inc", inc_columns)
             : ResetTemp("inc", inc_columns + ", PRIMARY KEY (fp)", " WITHOUT ROWID"));
    std::vector<std::string> columns(std::begin(kIncColumns), std::end(kIncColumns));
    {
      std::string evidence, frameworks;
      int64_t expires = 0;
      KUMO_RETURN_IF_ERROR(
          db_->BulkInsert("inc", columns, rows.size(), [&](size_t i, std::vector<SqlRef>* v) {
            const Finding& f = *rows[i].f;
            auto& o = *v;
            o[0] = std::string_view(rows[i].fp);
            o[1] = f.control_id;
            o[2] = f.control_title;
            o[3] = f.resource_id;
            o[4] = f.resource_type;
            o[5] = ProviderName(f.provider);
            o[6] = f.account;
            o[7] = f.region;
            o[8] = FindingStatusName(f.status);
            o[9] = SeverityLevelName(f.severity);
            o[10] = int64_t{static_cast<int>(f.severity)};
            o[11] = f.product;
            o[12] = f.owner;
            o[13] = f.message;
            evidence.clear();
            json::WriteJson(f.evidence, &evidence);
            o[14] = std::string_view(evidence);
            frameworks.clear();
            for (const auto& x : f.frameworks) {
              if (!frameworks.empty()) frameworks.push_back(',');
              frameworks += x;
            }
            o[15] = std::string_view(frameworks);
            o[16] = f.remediation;
            o[17] = int64_t{0};
            const bool m = f.status == FindingStatus::kMuted;
            static const std::string kNone;
            o[18] = m ? f.muted_by : kNone;
            o[19] = m ? f.mute_approver : kNone;
            o[20] = m ? f.mute_reason : kNone;
            o[21] = m ? f.mute_ticket : kNone;
            expires = m ? ParseExpiry(f.mute_expires) : 0;
            o[22] = expires;
          }));
    }
    // The index keeps PostgreSQL's plans safe when the statistics of
    // `findings` are stale (just filled, not yet auto-analyzed): a nested
    // loop over `inc` then probes the index instead of rescanning it.
    if (pg()) {
      KUMO_RETURN_IF_ERROR(db_->Exec("CREATE UNIQUE INDEX inc_fp ON inc (fp)"));
      KUMO_RETURN_IF_ERROR(db_->Exec("ANALYZE inc"));
    }
    // The tags of the resources this scan reports on (each resource once).
    struct TagRow {
      std::string_view resource_id, key, value;
    };
    std::vector<TagRow> tag_rows;
    if (scan.tags_of) {
      std::unordered_set<std::string_view> seen;
      for (const Row& r : rows) {
        const auto* tags = scan.tags_of(*r.f);
        if (!tags || tags->empty() || !seen.insert(r.f->resource_id).second) continue;
        for (const auto& [k, v] : *tags) tag_rows.push_back({r.f->resource_id, k, v});
      }
    }
    KUMO_RETURN_IF_ERROR(ResetTemp("inc_tags",
                                   "resource_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT "
                                   "NULL, PRIMARY KEY (resource_id, key)"));
    KUMO_RETURN_IF_ERROR(db_->BulkInsert("inc_tags", {"resource_id", "key", "value"},
                                         tag_rows.size(), [&](size_t i, std::vector<SqlRef>* v) {
                                           (*v)[0] = tag_rows[i].resource_id;
                                           (*v)[1] = tag_rows[i].key;
                                           (*v)[2] = tag_rows[i].value;
                                         }));
    trace.Mark("load inc");

    const std::vector<SqlValue> sp = {scan_id, seen_at};
    auto run = [&](std::string_view sql, const std::vector<SqlValue>& params) -> Result<int64_t> {
      auto r = db_->Query(sql, params);
      trace.Mark(std::string(sql.substr(0, 60)).c_str());
      if (!r.ok()) return r.status();
      return r->affected;
    };

    // Active mutes from the store apply to FAIL rows.
    auto has_mutes =
        db_->Query("SELECT 1 FROM mutes WHERE state = 'active' AND expires_at > $1 LIMIT 1", {now});
    if (!has_mutes.ok()) return has_mutes.status();
    if (!has_mutes->rows.empty()) {
      auto n =
          run("UPDATE inc SET scan_status = 'MUTED', mute_id = m.id, muted_by = m.requester, "
              "mute_approver = m.approver, mute_reason = m.reason, mute_ticket = m.ticket, "
              "mute_expires = m.expires_at FROM mutes m WHERE inc.scan_status = 'FAIL' AND "
              "m.state = 'active' AND m.expires_at > $1 AND " +
                  MuteMatches("inc", "fp", "inc_tags"),
              {now});
      if (!n.ok()) return n.status();
      failed -= *n;
      muted += *n;
    }
    sum.failed = failed;
    sum.muted = muted;

    // The state before this scan of every finding it reports: one pass over
    // `findings` by key; every event below reads `prev` and `inc` only.
    // `moved`: a column of a findings index (status aside) changes.
    KUMO_RETURN_IF_ERROR(pg() ? ResetTemp("prev", kPrevColumns)
                              : ResetTemp("prev", std::string(kPrevColumns) + ", PRIMARY KEY (fp)",
                                          " WITHOUT ROWID"));
    auto prev_rows =
        run(std::string("INSERT INTO prev (fp, status, severity, new_status, new_severity, "
                        "moved) SELECT i.fp, f.status, f.severity, CASE i.scan_status WHEN "
                        "'MUTED' THEN 'muted' WHEN 'FAIL' THEN 'open' ELSE '' END, "
                        "i.severity, CASE WHEN f.product = i.product AND f.provider = "
                        "i.provider AND f.account = i.account THEN 0 ELSE 1 END FROM inc i ") +
                (pg() ? "JOIN" : "CROSS JOIN") + " findings f ON f.fingerprint = i.fp" +
                (pg() ? "" : " ORDER BY i.fp"),
            {});
    if (!prev_rows.ok()) return prev_rows.status();
    if (pg() && *prev_rows > 0) KUMO_RETURN_IF_ERROR(db_->Exec("ANALYZE prev"));
    const std::string ev =
        "INSERT INTO finding_events (fingerprint, scan_id, kind, at, detail) SELECT ";
    // The rows never seen before (all of them when `prev` is empty).
    const std::string new_rows =
        std::string(" FROM inc i WHERE i.scan_status <> 'ERROR'") +
        (*prev_rows > 0 ? " AND NOT EXISTS (SELECT 1 FROM prev p WHERE p.fp = i.fp)" : "");
    auto opened = run(
        ev + "i.fp, CAST($1 AS BIGINT), 'opened', CAST($2 AS BIGINT), i.severity" + new_rows, sp);
    if (!opened.ok()) return opened.status();
    sum.opened = *opened;
    auto reopened = run(ev + "p.fp, CAST($1 AS BIGINT), 'reopened', CAST($2 AS BIGINT), "
                             "p.new_severity FROM prev p WHERE p.status = 'resolved' AND "
                             "p.new_status <> ''",
                        sp);
    if (!reopened.ok()) return reopened.status();
    sum.reopened = *reopened;
    for (const char* sql :
         {"i.fp, CAST($1 AS BIGINT), 'muted', CAST($2 AS BIGINT), 'by ' || i.muted_by || ', "
          "approved by ' || i.mute_approver || ': ' || i.mute_reason FROM inc i LEFT JOIN prev p "
          "ON p.fp = i.fp WHERE i.scan_status = 'MUTED' AND (p.fp IS NULL OR p.status <> "
          "'muted')",
          "p.fp, CAST($1 AS BIGINT), 'unmuted', CAST($2 AS BIGINT), 'mute no longer applies' "
          "FROM prev p WHERE p.new_status = 'open' AND p.status = 'muted'",
          "p.fp, CAST($1 AS BIGINT), 'severity_changed', CAST($2 AS BIGINT), p.severity || ' -> "
          "' || p.new_severity FROM prev p WHERE p.new_status <> '' AND p.severity <> "
          "p.new_severity"}) {
      auto r = run(ev + sql, sp);
      if (!r.ok()) return r.status();
    }

    // Open or muted findings this scan covered and no longer reports. Plain
    // IN (subquery) terms (no ORs inside them) so PostgreSQL plans hashed
    // semi/anti joins; "*" in the scope drops the term altogether.
    auto has_star = [](const std::vector<std::string>& v) {
      return std::find(v.begin(), v.end(), "*") != v.end();
    };
    std::string resolve_sql =
        "INSERT INTO res (fp) SELECT f.fingerprint FROM findings f WHERE f.status IN ('open', "
        "'muted') AND (f.provider, f.account) IN (SELECT s.provider, s.account FROM "
        "scan_accounts s WHERE s.scan_id = $1)";
    if (!has_star(scan.scope.controls)) {
      resolve_sql +=
          " AND f.control_id IN (SELECT c.control_id FROM scan_controls c WHERE c.scan_id = $1)";
    }
    if (!has_star(scan.scope.resource_types)) {
      resolve_sql +=
          " AND (f.resource_type = '' OR f.resource_type IN (SELECT t.resource_type FROM "
          "scan_types t WHERE t.scan_id = $1))";
    }
    resolve_sql += " AND NOT EXISTS (SELECT 1 FROM inc i WHERE i.fp = f.fingerprint)";
    KUMO_RETURN_IF_ERROR(ResetTemp("res", "fp TEXT NOT NULL"));
    auto resolved = run(resolve_sql, {scan_id});
    if (!resolved.ok()) return resolved.status();
    sum.resolved = *resolved;
    if (sum.resolved > 0) {
      for (const char* sql :
           {"INSERT INTO finding_events (fingerprint, scan_id, kind, at, detail) SELECT r.fp, "
            "CAST($1 AS BIGINT), 'resolved', CAST($2 AS BIGINT), '' FROM res r",
            "UPDATE findings SET status = 'resolved', resolved_at = $2, last_scan_id = $1, "
            "mute_id = 0, muted_by = '', mute_approver = '', mute_reason = '', mute_ticket = '', "
            "mute_expires = 0 WHERE fingerprint IN (SELECT fp FROM res)"}) {
        auto r = run(sql, sp);
        if (!r.ok()) return r.status();
      }
    }

    // Findings seen before: refresh them. The columns of the findings
    // indexes (status, product, provider, account) are written only where
    // they change, so the common case (still open, same owner) leaves the
    // indexes alone.
    if (*prev_rows > 0) {
      auto r = run(
          "UPDATE findings SET control_title = i.control_title, resource_type = i.resource_type, "
          "region = i.region, severity = i.severity, severity_rank = i.severity_rank, owner = "
          "i.owner, message = i.message, evidence = i.evidence, frameworks = i.frameworks, "
          "remediation = i.remediation, last_seen = $2, resolved_at = 0, mute_id = i.mute_id, "
          "muted_by = i.muted_by, mute_approver = i.mute_approver, mute_reason = "
          "i.mute_reason, mute_ticket = i.mute_ticket, mute_expires = i.mute_expires, "
          "last_scan_id = $1 FROM inc i WHERE i.fp = findings.fingerprint AND i.scan_status <> "
          "'ERROR'",
          sp);
      if (!r.ok()) return r.status();
      auto m =
          run("UPDATE findings SET (status, product, provider, account) = (SELECT p.new_status, "
              "i.product, i.provider, i.account FROM prev p JOIN inc i ON i.fp = p.fp WHERE p.fp = "
              "findings.fingerprint) WHERE fingerprint IN (SELECT p.fp FROM prev p WHERE "
              "p.new_status <> '' AND (p.status <> p.new_status OR p.moved = 1))",
              {});
      if (!m.ok()) return m.status();
    }
    // New findings.
    {
      auto r =
          run("INSERT INTO findings (fingerprint, control_id, control_title, resource_id, "
              "resource_type, provider, account, region, status, severity, severity_rank, product, "
              "owner, message, evidence, frameworks, remediation, first_seen, last_seen, "
              "resolved_at, mute_id, muted_by, mute_approver, mute_reason, mute_ticket, "
              "mute_expires, first_scan_id, last_scan_id) SELECT fp, control_id, control_title, "
              "resource_id, resource_type, provider, account, region, CASE WHEN scan_status = "
              "'MUTED' THEN 'muted' ELSE 'open' END, severity, severity_rank, product, owner, "
              "message, evidence, frameworks, remediation, CAST($2 AS BIGINT), CAST($2 AS BIGINT), "
              "0, mute_id, muted_by, mute_approver, mute_reason, mute_ticket, mute_expires, "
              "CAST($1 AS BIGINT), CAST($1 AS BIGINT)" +
                  new_rows,
              sp);
      if (!r.ok()) return r.status();
    }

    // The reported resources' tags replace those stored for them.
    auto stored_tags = db_->Query("SELECT 1 FROM resource_tags LIMIT 1");
    if (!stored_tags.ok()) return stored_tags.status();
    if (!stored_tags->rows.empty()) {
      KUMO_RETURN_IF_ERROR(run("DELETE FROM resource_tags WHERE resource_id IN (SELECT "
                               "resource_id FROM inc)",
                               {})
                               .status());
    }
    if (!tag_rows.empty()) {
      KUMO_RETURN_IF_ERROR(
          run("INSERT INTO resource_tags (resource_id, key, value) SELECT resource_id, key, "
              "value FROM inc_tags",
              {})
              .status());
    }

    KUMO_RETURN_IF_ERROR(
        run("UPDATE scans SET failed = $2, muted = $3, opened = $4, resolved = $5, reopened = $6 "
            "WHERE id = $1",
            {scan_id, sum.failed, sum.muted, sum.opened, sum.resolved, sum.reopened})
            .status());
    for (const char* t : {"inc", "inc_tags", "prev", "res"}) {
      KUMO_RETURN_IF_ERROR(db_->Exec(std::string("DROP TABLE ") + t));
    }
    KUMO_RETURN_IF_ERROR(db_->Commit());
    trace.Mark("drop temps + commit");
    return sum;
  }

  Status ValidateMute(const Mute& m) {
    if (m.control_pattern.empty() && m.resource_pattern.empty() && m.fingerprint.empty() &&
        m.account.empty() && m.tags.empty()) {
      return InvalidArgument(
          "mute: give a control, a resource pattern, an account, tags or a finding fingerprint");
    }
    for (size_t i = 0; i < m.tags.size(); ++i) {
      if (m.tags[i].first.empty()) return InvalidArgument("mute: a tag needs a key");
      for (size_t j = 0; j < i; ++j) {
        if (m.tags[j].first == m.tags[i].first) {
          return InvalidArgument("mute: tag `" + m.tags[i].first + "` is given twice");
        }
      }
    }
    if (m.reason.empty()) return InvalidArgument("mute: a reason is required");
    if (m.requester.empty()) return InvalidArgument("mute: a requester is required");
    if (m.expires_at <= 0) return InvalidArgument("mute: an expiry date is required");
    return Status::Ok();
  }

  Result<int64_t> InsertMute(const Mute& m, const std::string& state, const std::string& approver,
                             int64_t decided_at, const std::string& source) {
    auto r = db_->Query(
        "INSERT INTO mutes (state, control_pattern, resource_pattern, fingerprint, account, "
        "region, control_like, resource_like, account_like, region_like, reason, requester, "
        "requested_at, expires_at, ticket, approver, decided_at, source) VALUES ($1, $2, $3, $4, "
        "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id",
        {state, m.control_pattern, m.resource_pattern, m.fingerprint, m.account, m.region,
         GlobToLike(m.control_pattern), GlobToLike(m.resource_pattern), GlobToLike(m.account),
         GlobToLike(m.region), m.reason, m.requester, m.requested_at > 0 ? m.requested_at : Now(),
         m.expires_at, m.ticket, approver, decided_at,
         source.empty() ? (m.source.empty() ? std::string("cli") : m.source) : source});
    if (!r.ok()) return r.status();
    const int64_t id = r->Int(0, 0);
    for (const auto& [key, value] : m.tags) {
      auto t = db_->Query(
          "INSERT INTO mute_tags (mute_id, key, value, value_like) VALUES ($1, $2, $3, $4)",
          {id, key, value, TagGlobToLike(value)});
      if (!t.ok()) return t.status();
    }
    return id;
  }

  // Mutes the open findings that active mute `id` matches, with events.
  Status ApplyMuteToFindings(int64_t id, int64_t now) {
    KUMO_RETURN_IF_ERROR(ResetTemp("hit", "fp TEXT NOT NULL"));
    auto run = [&](const std::string& sql, const std::vector<SqlValue>& params) -> Status {
      auto r = db_->Query(sql, params);
      return r.ok() ? Status::Ok() : r.status();
    };
    KUMO_RETURN_IF_ERROR(
        run("INSERT INTO hit (fp) SELECT f.fingerprint FROM findings f, mutes m "
            "WHERE m.id = $1 AND f.status = 'open' AND " +
                MuteMatches("f", "fingerprint", "resource_tags"),
            {id}));
    KUMO_RETURN_IF_ERROR(
        run("INSERT INTO finding_events (fingerprint, scan_id, kind, at, detail) SELECT h.fp, 0, "
            "'muted', CAST($2 AS BIGINT), 'by ' || m.requester || ', approved by ' || m.approver "
            "|| ': ' || m.reason FROM hit h, mutes m WHERE m.id = $1",
            {id, now}));
    KUMO_RETURN_IF_ERROR(
        run("UPDATE findings SET status = 'muted', mute_id = m.id, muted_by = m.requester, "
            "mute_approver = m.approver, mute_reason = m.reason, mute_ticket = m.ticket, "
            "mute_expires = m.expires_at FROM mutes m WHERE m.id = $1 AND findings.fingerprint "
            "IN (SELECT fp FROM hit)",
            {id}));
    return db_->Exec("DROP TABLE hit");
  }

  Status Decide(int64_t id, std::string_view approver, std::string_view note, bool approve) {
    if (approver.empty()) return InvalidArgument("mute: the approver is required");
    const int64_t now = Now();
    KUMO_RETURN_IF_ERROR(db_->BeginWrite());
    auto r = db_->Query(std::string(kMuteSelect) + " WHERE id = $1", {id});
    if (!r.ok()) return r.status();
    if (r->rows.empty()) return NotFound("no mute with id " + std::to_string(id));
    Mute m = MuteFromRow(*r, 0);
    if (m.state != kMuteRequested) {
      return InvalidArgument("mute " + std::to_string(id) + " is " + m.state +
                             ", only a requested mute can be approved or rejected");
    }
    if (approve && approver == m.requester) {
      return InvalidArgument("mute " + std::to_string(id) + ": " + m.requester +
                             " requested it and cannot approve it too");
    }
    if (approve && m.expires_at <= now) {
      return InvalidArgument("mute " + std::to_string(id) + " expired on " +
                             FormatUtc(m.expires_at) + " before it was approved");
    }
    auto u = db_->Query(
        "UPDATE mutes SET state = $2, approver = $3, decided_at = $4, decision_note = $5 WHERE "
        "id = $1 AND state = 'requested'",
        {id, std::string(approve ? kMuteActive : kMuteRejected), std::string(approver), now,
         std::string(note)});
    if (!u.ok()) return u.status();
    if (approve) KUMO_RETURN_IF_ERROR(ApplyMuteToFindings(id, now));
    return db_->Commit();
  }

  Result<int64_t> ExpireMutesTx() {
    const int64_t now = Now();
    KUMO_RETURN_IF_ERROR(db_->BeginWrite());
    auto u = db_->Query(
        "UPDATE mutes SET state = 'expired' WHERE state = 'active' AND expires_at <= $1", {now});
    if (!u.ok()) return u.status();
    // Findings whose mute (a store mute or a mutelist entry) has run out.
    const std::string pred =
        "status = 'muted' AND ((mute_expires > 0 AND mute_expires <= $1) OR (mute_id > 0 AND "
        "mute_id IN (SELECT id FROM mutes WHERE state = 'expired')))";
    auto ev = db_->Query(
        "INSERT INTO finding_events (fingerprint, scan_id, kind, at, detail) SELECT fingerprint, "
        "0, 'unmuted', CAST($1 AS BIGINT), 'mute expired' FROM findings WHERE " +
            pred,
        {now});
    if (!ev.ok()) return ev.status();
    auto f = db_->Query(
        "UPDATE findings SET status = 'open', mute_id = 0, muted_by = '', mute_approver = '', "
        "mute_reason = '', mute_ticket = '', mute_expires = 0 WHERE " +
            pred,
        {now});
    if (!f.ok()) return f.status();
    KUMO_RETURN_IF_ERROR(db_->Commit());
    return u->affected;
  }

  Result<int64_t> ImportMuteTx(const Mute& m) {
    KUMO_RETURN_IF_ERROR(ValidateMute(m));
    if (m.approver.empty()) return InvalidArgument("mute import: an approver is required");
    const int64_t now = Now();
    KUMO_RETURN_IF_ERROR(db_->BeginWrite());
    auto have = db_->Query(
        "SELECT id FROM mutes WHERE state IN ('active', 'expired') AND control_pattern = $1 AND "
        "resource_pattern = $2 AND fingerprint = $3 AND account = $4 AND region = $5 AND "
        "requester = $6 AND expires_at = $7",
        {m.control_pattern, m.resource_pattern, m.fingerprint, m.account, m.region, m.requester,
         m.expires_at});
    if (!have.ok()) return have.status();
    auto wanted = SortedTags(m.tags);
    for (size_t i = 0; i < have->rows.size(); ++i) {
      auto tags = MuteTags(have->Int(i, 0));
      if (!tags.ok()) return tags.status();
      if (*tags == wanted) {
        db_->Rollback();
        return have->Int(i, 0);
      }
    }
    std::string state(m.expires_at > now ? kMuteActive : kMuteExpired);
    auto id = InsertMute(m, state, m.approver, now, m.source);
    if (!id.ok()) return id.status();
    if (state == kMuteActive) KUMO_RETURN_IF_ERROR(ApplyMuteToFindings(*id, now));
    KUMO_RETURN_IF_ERROR(db_->Commit());
    return *id;
  }

  Result<AlertBatchSummary> RecordAlertsTx(std::span<const AlertRecord> alerts,
                                           int64_t window_seconds) {
    AlertBatchSummary sum;
    const int64_t window_ns = std::max<int64_t>(window_seconds, 0) * 1'000'000'000;
    KUMO_RETURN_IF_ERROR(db_->BeginWrite());
    for (const AlertRecord& a : alerts) {
      std::string key = a.dedup_key.empty() ? DefaultAlertDedupKey(a) : a.dedup_key;
      if (window_ns > 0) {
        auto found = db_->Query(
            "SELECT id FROM alerts WHERE rule = $1 AND dedup_key = $2 AND time_ns > $3 AND "
            "time_ns < $4 ORDER BY time_ns DESC LIMIT 1",
            {a.rule, key, a.time_ns - window_ns, a.time_ns + window_ns});
        if (!found.ok()) return found.status();
        if (!found->rows.empty()) {
          auto u = db_->Query(
              "UPDATE alerts SET count = count + 1, time_ns = CASE WHEN time_ns > $2 THEN $2 "
              "ELSE time_ns END, last_time_ns = CASE WHEN last_time_ns < $2 THEN $2 ELSE "
              "last_time_ns END WHERE id = $1",
              {found->Int(0, 0), a.time_ns});
          if (!u.ok()) return u.status();
          ++sum.deduplicated;
          continue;
        }
      }
      auto ins = db_->Query(
          "INSERT INTO alerts (rule, priority, source, time_ns, last_time_ns, count, output, "
          "output_fields, tags, account, product, dedup_key, raw_event) VALUES ($1, $2, $3, $4, "
          "$4, 1, $5, $6, $7, $8, $9, $10, $11)",
          {a.rule, a.priority, a.source, a.time_ns, a.output, AlertFieldsJson(a),
           json::ToJson(StringArray(a.tags)), a.account, a.product, key, a.raw_event});
      if (!ins.ok()) return ins.status();
      ++sum.inserted;
    }
    KUMO_RETURN_IF_ERROR(db_->Commit());
    return sum;
  }

  Status ReplaceProductsTx(const std::vector<ProductRecord>& products) {
    const int64_t now = Now();
    KUMO_RETURN_IF_ERROR(db_->BeginWrite());
    // Concurrent scans (each writing kumo.yaml's catalogue) replace it one
    // after the other instead of colliding on the product keys.
    if (pg()) KUMO_RETURN_IF_ERROR(db_->Exec("SELECT pg_advisory_xact_lock(7283460002)"));
    KUMO_RETURN_IF_ERROR(db_->Exec("DELETE FROM product_rules"));
    KUMO_RETURN_IF_ERROR(db_->Exec("DELETE FROM products"));
    for (const auto& p : products) {
      auto r = db_->Query(
          "INSERT INTO products (name, champions, slack_channel, jira_project, updated_at) "
          "VALUES ($1, $2, $3, $4, $5)",
          {p.name, json::ToJson(StringArray(p.champions)), p.slack_channel, p.jira_project, now});
      if (!r.ok()) return r.status();
      for (size_t i = 0; i < p.rules.size(); ++i) {
        auto rr = db_->Query(
            "INSERT INTO product_rules (product, position, kind, pattern) VALUES ($1, $2, $3, $4)",
            {p.name, static_cast<int64_t>(i), p.rules[i].first, p.rules[i].second});
        if (!rr.ok()) return rr.status();
      }
    }
    return db_->Commit();
  }

  std::unique_ptr<SqlConn> db_;
  std::function<int64_t()> clock_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenStore(std::string_view url_or_path) {
  std::string loc(url_or_path);
  if (loc.empty()) return InvalidArgument("store: empty location");
  std::unique_ptr<SqlConn> conn;
  if (loc.rfind("postgres://", 0) == 0 || loc.rfind("postgresql://", 0) == 0) {
    auto c = OpenPostgres(loc);
    if (!c.ok()) return c.status();
    conn = std::move(c).value();
  } else {
    if (loc.rfind("sqlite://", 0) == 0) loc = loc.substr(9);
    auto c = OpenSqlite(loc);
    if (!c.ok()) return c.status();
    conn = std::move(c).value();
  }
  auto store = std::make_unique<SqlStore>(std::move(conn));
  auto m = store->Migrate();
  if (!m.ok()) return m.status();
  return std::unique_ptr<Store>(std::move(store));
}

std::string DefaultStoreLocation(std::string_view flag_value) {
  if (!flag_value.empty()) return std::string(flag_value);
  if (const char* env = std::getenv("KUMO_STORE"); env && *env) return env;
  return "kumo.db";
}

}  // namespace kumo::store
