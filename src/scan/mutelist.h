// Mutelist: approved, expiring suppressions of findings.
//
// A YAML file of mute rules. A rule names any of `account`, `control`,
// `region`, `resource` (a glob over the resource id, `*` and `?`) and
// `tags` (key: value, all must match); unnamed fields match everything.
// Every rule carries `reason`, `requester`, `approver`, `ticket` and
// `expires` (YYYY-MM-DD, the last day it applies). A finding that a live
// rule matches becomes MUTED and keeps its status in `original_status`; a
// muted finding is never dropped. An expired rule is ignored and reported.
#ifndef KUMO_SCAN_MUTELIST_H_
#define KUMO_SCAN_MUTELIST_H_

#include <map>
#include <string>
#include <vector>

#include "common/diagnostic.h"
#include "common/status.h"
#include "model/finding.h"

namespace kumo::scan {

struct MuteRule {
  std::string account;   // "" or "*" = any
  std::string control;   // control id glob
  std::string region;    // region glob
  std::string resource;  // resource id glob
  std::map<std::string, std::string> tags;
  std::string reason;
  std::string requester;
  std::string approver;
  std::string ticket;
  std::string expires;       // YYYY-MM-DD
  int64_t expires_unix = 0;  // end of the `expires` day (UTC), exclusive
  uint32_t line = 0;         // where the rule starts in the file
};

class Mutelist {
 public:
  // Parses mutelist YAML (`mutes: [rule, ...]` or a top-level list). A rule
  // without the required fields is reported (file, line, key) and skipped.
  static Mutelist Parse(std::string_view yaml_text, const std::string& file, Diagnostics* diags);
  static Result<Mutelist> LoadFile(const std::string& path, Diagnostics* diags);

  // Drops rules expired at `now_unix`, reporting each one as a warning
  // (code "mute_expired") with its ticket and expiry.
  void DropExpired(int64_t now_unix, Diagnostics* diags);

  // The first rule that matches the finding (with the resource's tags), or nullptr.
  const MuteRule* Match(const Finding& f, const std::map<std::string, std::string>& tags) const;

  // Mutes `f` with `rule`: status MUTED, original status kept, mute fields set.
  static void Apply(const MuteRule& rule, Finding* f);

  const std::vector<MuteRule>& rules() const { return rules_; }
  const std::vector<MuteRule>& expired() const { return expired_; }
  const std::string& file() const { return file_; }

 private:
  std::vector<MuteRule> rules_;
  std::vector<MuteRule> expired_;
  std::string file_;
};

// Glob match with `*` (any run) and `?` (one byte); no other metacharacters.
bool GlobMatch(std::string_view pattern, std::string_view text);

}  // namespace kumo::scan

#endif  // KUMO_SCAN_MUTELIST_H_
