// kumo_store_writer: records one synthetic scan (store/synthetic.h) and
// exits; the child process of the store's crash and concurrency tests.
//
//   kumo_store_writer STORE ACCOUNT FINDINGS GENERATION
//
// Prints "opened" once the store is open and "done <scan id>" at the end.
// Exit code 0 on success, 3 when the store reports an error.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "store/store.h"
#include "store/synthetic.h"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s STORE ACCOUNT FINDINGS GENERATION\n", argv[0]);
    return 2;
  }
  kumo::store::SyntheticScanOptions opt;
  opt.account = argv[2];
  opt.findings = std::strtoull(argv[3], nullptr, 10);
  opt.generation = std::atoi(argv[4]);
  auto scan = kumo::store::MakeSyntheticScan(opt);
  auto store = kumo::store::OpenStore(argv[1]);
  if (!store.ok()) {
    std::fprintf(stderr, "kumo_store_writer: %s\n", store.status().ToString().c_str());
    return 3;
  }
  std::printf("opened\n");
  std::fflush(stdout);
  auto r = (*store)->RecordScan(scan.Input(std::time(nullptr)));
  if (!r.ok()) {
    std::fprintf(stderr, "kumo_store_writer: %s\n", r.status().ToString().c_str());
    return 3;
  }
  std::printf("done %lld\n", static_cast<long long>(r->scan_id));
  return 0;
}
