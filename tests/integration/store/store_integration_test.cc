// Process-level guarantees of the store, on both backends:
//  - a scan killed with SIGKILL while it writes leaves the store exactly as
//    it was, and the next scan completes;
//  - two processes recording scans of different accounts at the same time
//    both complete and the store holds both results.
// The writers are separate processes (kumo_store_writer), not threads.
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "store/sql.h"
#include "store/store.h"

namespace kumo::store {
namespace {

using namespace std::chrono_literals;

// A store location for one test: a temp SQLite file, or a fresh schema in
// the test PostgreSQL.
struct TestStore {
  std::string backend;
  std::string location;  // what OpenStore and the writer get
  std::string schema;

  ~TestStore() {
    if (backend == "sqlite") {
      for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(location + s);
    } else if (!schema.empty()) {
      auto admin = OpenPostgres(std::getenv("KUMO_TEST_PG_URL"));
      if (admin.ok()) (void)(*admin)->Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
};

// Returns false (and why) when the backend is not available.
bool MakeStore(const std::string& backend, TestStore* out, std::string* why) {
  static int counter = 0;
  std::string tag = std::to_string(getpid()) + "_" + std::to_string(counter++);
  out->backend = backend;
  if (backend == "sqlite") {
    out->location =
        (std::filesystem::temp_directory_path() / ("kumo_store_it_" + tag + ".db")).string();
    return true;
  }
  const char* base = std::getenv("KUMO_TEST_PG_URL");
  if (!base || !*base) {
    *why = "KUMO_TEST_PG_URL is not set; run `eval \"$(bash scripts/pg-test-server.sh start)\"`";
    return false;
  }
  out->schema = "it_" + tag;
  auto admin = OpenPostgres(base);
  if (!admin.ok()) {
    *why = admin.status().ToString();
    return false;
  }
  Status s = (*admin)->Exec("DROP SCHEMA IF EXISTS " + out->schema + " CASCADE; CREATE SCHEMA " +
                            out->schema);
  if (!s.ok()) {
    *why = s.ToString();
    return false;
  }
  std::string b = base;
  out->location = b + (b.find('?') == std::string::npos ? "?" : "&") +
                  "application_name=kumo_store_writer&options=-csearch_path%3D" + out->schema;
  return true;
}

// A running kumo_store_writer.
struct Writer {
  pid_t pid = -1;
  int out_fd = -1;

  static Writer Start(const std::string& store, const std::string& account, size_t n, int gen) {
    int fds[2];
    EXPECT_EQ(pipe(fds), 0);
    Writer w;
    w.pid = fork();
    if (w.pid == 0) {
      dup2(fds[1], 1);
      close(fds[0]);
      close(fds[1]);
      std::string ns = std::to_string(n), gs = std::to_string(gen);
      execl(KUMO_STORE_WRITER, KUMO_STORE_WRITER, store.c_str(), account.c_str(), ns.c_str(),
            gs.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[1]);
    w.out_fd = fds[0];
    return w;
  }

  // Reads stdout until `word` appears or EOF.
  bool WaitFor(const std::string& word) {
    std::string seen;
    char buf[256];
    for (;;) {
      ssize_t k = read(out_fd, buf, sizeof buf);
      if (k <= 0) return false;
      seen.append(buf, k);
      if (seen.find(word) != std::string::npos) return true;
    }
  }

  bool Running() {
    int status = 0;
    return waitpid(pid, &status, WNOHANG) == 0;
  }

  // Waits for exit; returns the exit code, or 128 + signal.
  int Wait() {
    int status = 0;
    waitpid(pid, &status, 0);
    if (out_fd >= 0) close(out_fd);
    out_fd = -1;
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
  }
};

// Whether the writer process is inside its write transaction right now.
bool WriterHoldsWriteTransaction(const TestStore& ts) {
  if (ts.backend == "sqlite") {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(ts.location.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      sqlite3_close_v2(db);
      return false;
    }
    sqlite3_busy_timeout(db, 0);
    int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close_v2(db);
    return rc == SQLITE_BUSY;
  }
  auto admin = OpenPostgres(std::getenv("KUMO_TEST_PG_URL"));
  if (!admin.ok()) return false;
  auto r = (*admin)->Query(
      "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'kumo_store_writer' AND "
      "backend_xid IS NOT NULL");
  return r.ok() && r->Int(0, 0) > 0;
}

// Everything a scan changes, summarised.
std::string Snapshot(const std::string& location) {
  auto store = OpenStore(location);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return "";
  std::string out;
  auto scans = (*store)->ListScans(0);
  EXPECT_TRUE(scans.ok());
  out += "scans=" + std::to_string(scans->size());
  for (const auto& s : *scans) {
    out += " [" + std::to_string(s.summary.scan_id) + ":" + std::to_string(s.summary.opened) + "/" +
           std::to_string(s.summary.resolved) + "/" + std::to_string(s.summary.reopened) + "]";
  }
  auto all = (*store)->ListFindings({});
  EXPECT_TRUE(all.ok());
  int64_t open = 0, resolved = 0, seen_sum = 0;
  for (const auto& f : *all) {
    (f.state == "open" ? open : resolved) += 1;
    seen_sum += f.finding.last_seen + f.last_scan_id;
  }
  out += " findings=" + std::to_string(all->size()) + " open=" + std::to_string(open) +
         " resolved=" + std::to_string(resolved) + " seen=" + std::to_string(seen_sum);
  auto diff = (*store)->DiffFindings(0, 0);
  EXPECT_TRUE(diff.ok());
  out += " last_diff=" + std::to_string(diff->opened.size()) + "/" +
         std::to_string(diff->resolved.size()) + "/" + std::to_string(diff->reopened.size());
  return out;
}

class StoreProcessTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string why;
    if (!MakeStore(GetParam(), &store_, &why)) GTEST_SKIP() << why;
  }
  TestStore store_;
};

TEST_P(StoreProcessTest, SigkillMidScanLeavesPreviousStateAndNextScanCompletes) {
  const std::string& loc = store_.location;
  ASSERT_EQ(Writer::Start(loc, "111111111111", 3000, 0).Wait(), 0);
  ASSERT_EQ(Writer::Start(loc, "111111111111", 3000, 1).Wait(), 0);
  const std::string before = Snapshot(loc);
  ASSERT_NE(before.find("findings=3000 open=2970 resolved=30"), std::string::npos) << before;

  // Kill a big scan (the same account, generation 2, plus 147,000 new
  // buckets) at different moments after it took the write lock.
  int kills = 0;
  for (auto delay : {0ms, 300ms, 900ms}) {
    Writer w = Writer::Start(loc, "111111111111", 150000, 2);
    ASSERT_TRUE(w.WaitFor("opened"));
    auto deadline = std::chrono::steady_clock::now() + 120s;
    bool inside = false;
    while (std::chrono::steady_clock::now() < deadline && w.Running()) {
      if (WriterHoldsWriteTransaction(store_)) {
        inside = true;
        break;
      }
      std::this_thread::sleep_for(5ms);
    }
    ASSERT_TRUE(inside) << "the writer finished or never started its transaction";
    std::this_thread::sleep_for(delay);
    if (!w.Running()) {
      w.Wait();
      FAIL() << "the scan finished before it could be killed (delay " << delay.count() << " ms)";
    }
    kill(w.pid, SIGKILL);
    EXPECT_EQ(w.Wait(), 128 + SIGKILL);
    ++kills;
    EXPECT_EQ(Snapshot(loc), before) << "after a kill " << delay.count() << " ms into the write";
  }
  EXPECT_EQ(kills, 3);

  // The next scan completes: 147,000 opened (less the 1% that pass), the 1% of generation 1
  // reopened, generation 2's 1% resolved.
  ASSERT_EQ(Writer::Start(loc, "111111111111", 150000, 2).Wait(), 0);
  auto store = OpenStore(loc);
  ASSERT_TRUE(store.ok());
  auto scans = (*store)->ListScans(1);
  ASSERT_TRUE(scans.ok());
  EXPECT_EQ((*scans)[0].summary.opened, 147000 - 1470);
  EXPECT_EQ((*scans)[0].summary.reopened, 30);
  EXPECT_EQ((*scans)[0].summary.resolved, 30);
  EXPECT_EQ((*store)->ListScans(0)->size(), 3u);
}

TEST_P(StoreProcessTest, ConcurrentWritersOfDifferentAccountsBothComplete) {
  const std::string& loc = store_.location;
  // Create the schema first so that both writers start on equal terms.
  ASSERT_TRUE(OpenStore(loc).ok());
  for (int gen : {0, 1}) {
    Writer a = Writer::Start(loc, "111111111111", 100000, gen);
    Writer b = Writer::Start(loc, "222222222222", 100000, gen);
    EXPECT_EQ(a.Wait(), 0);
    EXPECT_EQ(b.Wait(), 0);
  }
  auto store = OpenStore(loc);
  ASSERT_TRUE(store.ok());
  auto scans = (*store)->ListScans(0);
  ASSERT_TRUE(scans.ok());
  ASSERT_EQ(scans->size(), 4u);
  int64_t opened = 0, resolved = 0;
  for (const auto& s : *scans) {
    opened += s.summary.opened;
    resolved += s.summary.resolved;
  }
  EXPECT_EQ(opened, 200000);
  EXPECT_EQ(resolved, 2000);
  for (const char* account : {"111111111111", "222222222222"}) {
    FindingFilter f;
    f.account = account;
    f.states = {"open"};
    EXPECT_EQ((*store)->ListFindings(f)->size(), 99000u) << account;
    f.states = {"resolved"};
    EXPECT_EQ((*store)->ListFindings(f)->size(), 1000u) << account;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreProcessTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace kumo::store
