// The merge pass: combines converted records that describe the same
// resource (see loader.h), resolves GCP project numbers to project ids, and
// folds credential-report rows into IAM users. Internal.
#ifndef KUMO_INVENTORY_MERGE_H_
#define KUMO_INVENTORY_MERGE_H_

#include <vector>

#include "inventory/format.h"
#include "inventory/loader.h"

namespace kumo::inventory {

// Leaves the surviving resources in `resources`, in input order (a combined
// resource takes the place of its first record); `(*metas)[i]` describes
// `(*resources)[i]`. Works in place: the resources are moved within the
// vector, never copied into a second one. Counts what it dropped in `files`
// notes.
void MergeStaged(std::vector<Resource>* resources, std::vector<StageMeta>* metas,
                 std::vector<FileSummary>* files);

}  // namespace kumo::inventory

#endif  // KUMO_INVENTORY_MERGE_H_
