// Deterministic synthetic scans: the input of the store benchmark and of
// the crash and concurrency integration tests (no data files to commit).
//
// Finding i of an account is control KUMO-SYN-<i % 100> on bucket
// arn:aws:s3:::<account>-bucket-<i>. Generation 0 fails everywhere; in
// generation g > 0 the 1% with i % 100 == (g - 1) % 100 passes instead, so
// each follow-up generation changes 2% of the findings of the one before
// (1% resolved, the 1% that passed before reopened) and generation 1 changes
// exactly 1% of generation 0.
#ifndef KUMO_STORE_SYNTHETIC_H_
#define KUMO_STORE_SYNTHETIC_H_

#include <cstddef>
#include <string>
#include <vector>

#include "model/finding.h"
#include "store/store.h"

namespace kumo::store {

struct SyntheticScanOptions {
  std::string account = "111111111111";
  size_t findings = 1000;
  int generation = 0;
};

struct SyntheticScan {
  std::vector<Finding> findings;
  StoreScope scope;  // the account, AWS::S3::Bucket, all KUMO-SYN controls

  // A ScanInput viewing `findings` (valid while this object lives).
  ScanInput Input(int64_t now) const;
};

SyntheticScan MakeSyntheticScan(const SyntheticScanOptions& options);

}  // namespace kumo::store

#endif  // KUMO_STORE_SYNTHETIC_H_
