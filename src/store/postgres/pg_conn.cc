// SqlConn over libpq. Bulk loads go through COPY FROM STDIN (text format),
// so a million-row scan is a handful of round trips, not a million.
#include <libpq-fe.h>

#include <charconv>
#include <string>

#include "store/sql.h"

namespace kumo::store {
namespace {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

// Appends `s` escaped for COPY's text format.
void AppendCopyText(std::string_view s, std::string* out) {
  size_t run = 0;  // start of the pending run of ordinary bytes
  for (size_t i = 0; i < s.size(); ++i) {
    const char* esc = nullptr;
    switch (s[i]) {
      case '\\': esc = "\\\\"; break;
      case '\t': esc = "\\t"; break;
      case '\n': esc = "\\n"; break;
      case '\r': esc = "\\r"; break;
      default: continue;
    }
    out->append(s.data() + run, i - run);
    out->append(esc);
    run = i + 1;
  }
  out->append(s.data() + run, s.size() - run);
}

// libpq URLs may carry a password; never echo one in messages.
std::string RedactUrl(const std::string& url) {
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + ":***" + url.substr(at);
}

class PgConn final : public SqlConn {
 public:
  PgConn(PGconn* conn, std::string url) : conn_(conn), url_(RedactUrl(url)) {}
  ~PgConn() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  Status Exec(std::string_view sql) override {
    std::string s(sql);
    PgResultPtr r(PQexec(conn_, s.c_str()));
    auto st = PQresultStatus(r.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return Error(sql);
    return Status::Ok();
  }

  Result<SqlRows> Query(std::string_view sql, const std::vector<SqlValue>& params) override {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> ptrs(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      if (std::holds_alternative<int64_t>(params[i])) {
        texts[i] = std::to_string(std::get<int64_t>(params[i]));
        ptrs[i] = texts[i].c_str();
      } else if (std::holds_alternative<std::string>(params[i])) {
        ptrs[i] = std::get<std::string>(params[i]).c_str();
      }
    }
    std::string s(sql);
    PgResultPtr r(PQexecParams(conn_, s.c_str(), static_cast<int>(params.size()), nullptr,
                               ptrs.data(), nullptr, nullptr, 0));
    auto st = PQresultStatus(r.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return Error(sql);
    SqlRows out;
    int nrows = PQntuples(r.get()), ncols = PQnfields(r.get());
    out.rows.resize(nrows);
    for (int i = 0; i < nrows; ++i) {
      out.rows[i].reserve(ncols);
      for (int c = 0; c < ncols; ++c) {
        if (PQgetisnull(r.get(), i, c)) {
          out.rows[i].emplace_back(std::nullopt);
        } else {
          out.rows[i].emplace_back(
              std::string(PQgetvalue(r.get(), i, c), PQgetlength(r.get(), i, c)));
        }
      }
    }
    const char* affected = PQcmdTuples(r.get());
    if (affected && *affected) out.affected = std::stoll(affected);
    return out;
  }

  Status BulkInsert(std::string_view table, const std::vector<std::string>& columns, size_t rows,
                    const std::function<void(size_t, std::vector<SqlRef>*)>& fill) override {
    std::string sql = "COPY " + std::string(table) + " (";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
    sql += ") FROM STDIN";
    {
      PgResultPtr r(PQexec(conn_, sql.c_str()));
      if (PQresultStatus(r.get()) != PGRES_COPY_IN) return Error(sql);
    }
    std::vector<SqlRef> values(columns.size());
    std::string buf;
    buf.reserve(1 << 21);
    auto flush = [&]() -> bool {
      if (buf.empty()) return true;
      bool ok = PQputCopyData(conn_, buf.data(), static_cast<int>(buf.size())) == 1;
      buf.clear();
      return ok;
    };
    for (size_t r = 0; r < rows; ++r) {
      fill(r, &values);
      for (size_t c = 0; c < values.size(); ++c) {
        if (c) buf.push_back('\t');
        const SqlRef& v = values[c];
        if (const auto* n = std::get_if<int64_t>(&v)) {
          char num[24];
          auto [end, ec] = std::to_chars(num, num + sizeof num, *n);
          buf.append(num, end);
        } else if (const auto* t = std::get_if<std::string_view>(&v)) {
          AppendCopyText(*t, &buf);
        } else {
          buf.append("\\N");
        }
      }
      buf.push_back('\n');
      if (buf.size() >= (1 << 20) && !flush()) break;
    }
    flush();
    if (PQputCopyEnd(conn_, nullptr) != 1) return Error(sql);
    Status status = Status::Ok();
    while (PGresult* res = PQgetResult(conn_)) {
      PgResultPtr r(res);
      if (PQresultStatus(res) != PGRES_COMMAND_OK && status.ok()) status = Error(sql);
    }
    return status;
  }

  Status BeginWrite() override { return Exec("BEGIN"); }
  void Rollback() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) {
      PgResultPtr r(PQexec(conn_, "ROLLBACK"));
    }
  }

 private:
  Status Error(std::string_view sql) const {
    std::string msg = PQerrorMessage(conn_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return IoError("postgres " + url_ + ": " + msg + " (in: " + std::string(sql.substr(0, 120)) +
                   ")");
  }

  PGconn* conn_;
  std::string url_;
};

}  // namespace

Result<std::unique_ptr<SqlConn>> OpenPostgres(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    PQfinish(conn);
    return IoError("cannot connect to store " + RedactUrl(url) + ": " + msg);
  }
  auto c = std::make_unique<PgConn>(conn, url);
  // Notices (e.g. "table does not exist, skipping") are noise on stderr.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  // JIT compilation costs more than it saves on the store's queries; a
  // scan's set-based steps hash up to a million fingerprints in memory, and
  // its temp tables (a million rows) stay in local buffers (allocated only
  // as used) instead of spilling to files at the default 8MB.
  KUMO_RETURN_IF_ERROR(
      c->Exec("SET client_min_messages = warning; SET jit = off; SET work_mem = '256MB'; "
              "SET temp_buffers = '1GB'"));
  return std::unique_ptr<SqlConn>(std::move(c));
}

}  // namespace kumo::store
