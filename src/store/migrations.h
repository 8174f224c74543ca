// Numbered SQL migrations compiled into kumo (see migrations/embed.cmake).
//
// Each backend has its own dialect folder, src/store/migrations/<backend>/,
// holding NNNN_name.sql files. A store records the versions it applied in
// schema_migrations and applies the missing ones in order, each in its own
// transaction, when it is opened (and on `kumo store migrate`).
#ifndef KUMO_STORE_MIGRATIONS_H_
#define KUMO_STORE_MIGRATIONS_H_

#include <string_view>
#include <vector>

namespace kumo::store {

struct Migration {
  std::string_view backend;  // "sqlite" or "postgres"
  int version;
  std::string_view name;  // file name without .sql
  std::string_view sql;
};

// Every embedded migration, sorted by backend and version.
const std::vector<Migration>& EmbeddedMigrations();

}  // namespace kumo::store

#endif  // KUMO_STORE_MIGRATIONS_H_
