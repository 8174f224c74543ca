// The merge pass: combines converted records that describe the same
// resource (see loader.h), resolves GCP project numbers to project ids, and
// folds credential-report rows into IAM users. Internal.
#ifndef KUMO_INVENTORY_MERGE_H_
#define KUMO_INVENTORY_MERGE_H_

#include <vector>

#include "inventory/format.h"
#include "inventory/loader.h"

namespace kumo::inventory {

// Returns the surviving resources in input order (a combined resource takes
// the place of its first record). Counts what it dropped in `files` notes.
std::vector<Resource> MergeStaged(std::vector<Staged> all, std::vector<FileSummary>* files);

}  // namespace kumo::inventory

#endif  // KUMO_INVENTORY_MERGE_H_
