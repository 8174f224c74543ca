// Finding and Alert: what scans and detections produce (DESIGN: Data model).
#ifndef KUMO_MODEL_FINDING_H_
#define KUMO_MODEL_FINDING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "model/resource.h"
#include "value/value.h"

namespace kumo {

enum class FindingStatus { kPass, kFail, kMuted, kError };
std::string_view FindingStatusName(FindingStatus s);  // "PASS", "FAIL", "MUTED", "ERROR"
bool ParseFindingStatus(std::string_view s, FindingStatus* out);

// critical > high > medium > low > info
enum class Severity5 { kInfo = 0, kLow, kMedium, kHigh, kCritical };
std::string_view SeverityLevelName(Severity5 s);  // "critical", "high", ...
bool ParseSeverityLevel(std::string_view s, Severity5* out);

struct Finding {
  std::string control_id;
  std::string control_title;
  std::string resource_id;
  std::string resource_type;
  Provider provider = Provider::kUnknown;
  std::string account;
  std::string region;
  FindingStatus status = FindingStatus::kPass;
  // For MUTED findings, the status the finding had before the mute.
  FindingStatus original_status = FindingStatus::kPass;
  Severity5 severity = Severity5::kInfo;
  std::string message;
  Value evidence;
  std::string product = "unassigned";
  std::string owner;                    // security champion
  std::vector<std::string> frameworks;  // "cis-aws-7.0:2.1.4", "owasp-llm-2025:LLM01"
  std::string remediation;              // path or URL of the kaizen doc
  std::string mute_reason;              // set when MUTED
  std::string muted_by;                 // the mute's requester
  std::string mute_approver;
  std::string mute_ticket;
  std::string mute_expires;  // RFC 3339 date
  // Lifecycle (filled by the store).
  int64_t first_seen = 0;  // unix seconds
  int64_t last_seen = 0;
  int64_t resolved_at = 0;
  std::string ticket_key;

  // hex(sha256(control_id + "\n" + resource_id))[0:32]: stable across scans.
  std::string Fingerprint() const;
};

std::string FindingFingerprint(std::string_view control_id, std::string_view resource_id);

}  // namespace kumo

#endif  // KUMO_MODEL_FINDING_H_
