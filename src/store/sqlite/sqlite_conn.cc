// SqlConn over SQLite: WAL journal, synchronous=NORMAL, cached prepared
// statements, and a busy timeout so that concurrent kumo processes wait for
// the single writer instead of failing.
#include <sqlite3.h>

#include <charconv>
#include <string>
#include <unordered_map>

#include "store/sql.h"

namespace kumo::store {
namespace {

// Rewrites PostgreSQL placeholders $N to SQLite's ?N (outside quotes).
std::string RewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  bool in_quote = false;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'') in_quote = !in_quote;
    if (!in_quote && c == '$' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      out.push_back('?');
      continue;
    }
    out.push_back(c);
  }
  return out;
}

struct StmtDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

class SqliteConn final : public SqlConn {
 public:
  SqliteConn(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteConn() override {
    cache_.clear();
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Status Exec(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      return Error(msg, sql);
    }
    return Status::Ok();
  }

  Result<SqlRows> Query(std::string_view sql, const std::vector<SqlValue>& params) override {
    auto st = Prepare(sql);
    if (!st.ok()) return st.status();
    sqlite3_stmt* stmt = *st;
    Status b = Bind(stmt, params);
    if (!b.ok()) return b;
    SqlRows out;
    int cols = sqlite3_column_count(stmt);
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW) {
        auto& row = out.rows.emplace_back();
        row.reserve(cols);
        for (int c = 0; c < cols; ++c) {
          if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
            row.emplace_back(std::nullopt);
          } else {
            const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            row.emplace_back(std::string(t, sqlite3_column_bytes(stmt, c)));
          }
        }
        continue;
      }
      if (rc == SQLITE_DONE) break;
      std::string msg = sqlite3_errmsg(db_);
      sqlite3_reset(stmt);
      return Error(msg, sql);
    }
    sqlite3_reset(stmt);
    out.affected = sqlite3_changes64(db_);
    return out;
  }

  Status BulkInsert(std::string_view table, const std::vector<std::string>& columns, size_t rows,
                    const std::function<void(size_t, std::vector<SqlRef>*)>& fill) override {
    std::string sql = "INSERT INTO " + std::string(table) + " (";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
    sql += ") VALUES (";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", ?" : "?") + std::to_string(i + 1);
    sql += ")";
    auto st = Prepare(sql);
    if (!st.ok()) return st.status();
    sqlite3_stmt* stmt = *st;
    std::vector<SqlRef> values(columns.size());
    for (size_t r = 0; r < rows; ++r) {
      fill(r, &values);
      KUMO_RETURN_IF_ERROR(BindRefs(stmt, values));
      if (sqlite3_step(stmt) != SQLITE_DONE) {
        std::string msg = sqlite3_errmsg(db_);
        sqlite3_reset(stmt);
        return Error(msg, sql);
      }
      sqlite3_reset(stmt);
    }
    return Status::Ok();
  }

  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }
  void Rollback() override {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

 private:
  Status Error(const std::string& msg, std::string_view sql) const {
    std::string head(sql.substr(0, 120));
    return IoError("sqlite " + path_ + ": " + msg + " (in: " + head + ")");
  }

  Result<sqlite3_stmt*> Prepare(std::string_view sql) {
    std::string key(sql);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second.get();
    std::string rewritten = RewritePlaceholders(sql);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, rewritten.c_str(), static_cast<int>(rewritten.size()),
                           SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
      return Error(sqlite3_errmsg(db_), sql);
    }
    // Statements that touch temp tables go stale when those are dropped; the
    // cache is still right because SQLite re-prepares them transparently.
    auto* raw = stmt;
    cache_.emplace(std::move(key), StmtPtr(stmt));
    return raw;
  }

  Status Bind(sqlite3_stmt* stmt, const std::vector<SqlValue>& params) {
    sqlite3_clear_bindings(stmt);
    int n = sqlite3_bind_parameter_count(stmt);
    for (int i = 0; i < n && i < static_cast<int>(params.size()); ++i) {
      const SqlValue& v = params[i];
      int rc = SQLITE_OK;
      if (std::holds_alternative<int64_t>(v)) {
        rc = sqlite3_bind_int64(stmt, i + 1, std::get<int64_t>(v));
      } else if (std::holds_alternative<std::string>(v)) {
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text(stmt, i + 1, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
      } else {
        rc = sqlite3_bind_null(stmt, i + 1);
      }
      if (rc != SQLITE_OK) return Error(sqlite3_errmsg(db_), "bind");
    }
    return Status::Ok();
  }

  Status BindRefs(sqlite3_stmt* stmt, const std::vector<SqlRef>& values) {
    for (size_t i = 0; i < values.size(); ++i) {
      const SqlRef& v = values[i];
      int col = static_cast<int>(i + 1), rc;
      if (const auto* n = std::get_if<int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, col, *n);
      } else if (const auto* t = std::get_if<std::string_view>(&v)) {
        rc = sqlite3_bind_text(stmt, col, t->data(), static_cast<int>(t->size()), SQLITE_STATIC);
      } else {
        rc = sqlite3_bind_null(stmt, col);
      }
      if (rc != SQLITE_OK) return Error(sqlite3_errmsg(db_), "bind");
    }
    return Status::Ok();
  }

  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, StmtPtr> cache_;
};

}  // namespace

Result<std::unique_ptr<SqlConn>> OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return IoError("cannot open store " + path + ": " + msg);
  }
  sqlite3_busy_timeout(db, 60000);
  auto conn = std::make_unique<SqliteConn>(db, path);
  // WAL lets readers run during a scan's write; NORMAL is durable against
  // process crashes (the WAL is only synced at checkpoints), which is what a
  // killed kumo needs. LIKE must be case-sensitive to match globs exactly.
  // 64 KiB pages (set before WAL, so it takes effect only when the file is
  // created): a million-finding scan writes its WAL and checkpoints it with
  // 16x fewer page writes and B-tree pages than at the default 4 KiB.
  Status s = conn->Exec(
      "PRAGMA page_size=65536; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
      "PRAGMA foreign_keys=ON;"
      "PRAGMA case_sensitive_like=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-262144;");
  if (!s.ok()) return Status(s.code(), "cannot open store " + path + ": " + s.message());
  return std::unique_ptr<SqlConn>(std::move(conn));
}

}  // namespace kumo::store
