// How store records print: JSON values (for --format json and the API) and
// plain aligned tables (for --format table), plus the time arguments the
// store commands accept. Shared by `kumo findings|mute|alerts|store`.
#ifndef KUMO_STORE_RENDER_H_
#define KUMO_STORE_RENDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/store.h"
#include "value/value.h"

namespace kumo::store {

// {fingerprint, status ("open"|"resolved"|"muted"), control_id, resource_id, ...,
// first_seen, last_seen, resolved_at (RFC 3339 or null), mute {...} when muted}.
Value StoredFindingToValue(const StoredFinding& f);
Value FindingEventToValue(const FindingEvent& e);
Value MuteToValue(const Mute& m);
// Falco-compatible fields (time, rule, priority, source, tags, output,
// output_fields) plus kumo's (id, count, last_time, account, product, dedup_key).
Value AlertToValue(const AlertRecord& a);
Value ScanRowToValue(const ScanRow& s);

// Columns padded to their widest cell, two spaces apart.
std::string RenderTable(const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& rows);

// "2026-01-31T12:00:00Z" for unix seconds; "" for 0.
std::string FormatTime(int64_t unix_seconds);
// Nanoseconds since the epoch as RFC 3339 with 9 fraction digits (Falco's form).
std::string FormatTimeNs(int64_t unix_ns);

// A date "YYYY-MM-DD" (its start, UTC), an RFC 3339 time, or unix seconds.
Result<int64_t> ParseTimeArg(std::string_view s);
// A duration: "90d", "12h", "30m", "45s", "2w", or bare seconds.
Result<int64_t> ParseDurationArg(std::string_view s);

}  // namespace kumo::store

#endif  // KUMO_STORE_RENDER_H_
