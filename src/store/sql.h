// A minimal SQL connection interface that the two store backends implement,
// so the lifecycle SQL is written once (sql_store.cc).
//
// Statements use PostgreSQL's `$1..$n` placeholders; the SQLite connection
// rewrites them to `?1..?n`. Values cross as text, integers or NULL.
#ifndef KUMO_STORE_SQL_H_
#define KUMO_STORE_SQL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status.h"

namespace kumo::store {

using SqlValue = std::variant<std::monostate, int64_t, std::string>;
// A bulk-load cell: text is borrowed (valid until the next fill call), so
// loading a million rows copies no strings on the way to the driver.
using SqlRef = std::variant<std::monostate, int64_t, std::string_view>;

// Rows of a query, every cell as text (NULL = nullopt).
struct SqlRows {
  std::vector<std::vector<std::optional<std::string>>> rows;
  int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE

  // Cell text ("" for NULL) and integer (0 for NULL or non-numbers).
  const std::string& Text(size_t row, size_t col) const;
  int64_t Int(size_t row, size_t col) const;
};

enum class Dialect { kSqlite, kPostgres };

class SqlConn {
 public:
  virtual ~SqlConn() = default;
  virtual Dialect dialect() const = 0;
  // Runs one or more statements without parameters.
  [[nodiscard]] virtual Status Exec(std::string_view sql) = 0;
  // Runs one statement with $1..$n parameters.
  virtual Result<SqlRows> Query(std::string_view sql, const std::vector<SqlValue>& params = {}) = 0;
  // Loads `rows` rows into `table`: `fill(i, &values)` sets row i's values,
  // one per column; borrowed text must stay valid until the next fill call.
  // SQLite: one prepared INSERT; PostgreSQL: COPY FROM STDIN.
  [[nodiscard]] virtual Status BulkInsert(
      std::string_view table, const std::vector<std::string>& columns, size_t rows,
      const std::function<void(size_t, std::vector<SqlRef>*)>& fill) = 0;
  // Starts a write transaction (SQLite: BEGIN IMMEDIATE, waiting for the lock).
  [[nodiscard]] virtual Status BeginWrite() = 0;
  [[nodiscard]] Status Commit() { return Exec("COMMIT"); }
  // Rolls back, ignoring errors (there may be no transaction).
  virtual void Rollback() = 0;
};

// Opens a SQLite database file (created if missing) in WAL mode.
Result<std::unique_ptr<SqlConn>> OpenSqlite(const std::string& path);
// Connects to PostgreSQL with a libpq URL.
Result<std::unique_ptr<SqlConn>> OpenPostgres(const std::string& url);

}  // namespace kumo::store

#endif  // KUMO_STORE_SQL_H_
