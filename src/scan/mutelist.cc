#include "scan/mutelist.h"

#include <fstream>
#include <sstream>

#include "scan/yaml_util.h"

namespace kumo::scan {
namespace {

using yaml_util::At;

// Days since 1970-01-01 of a proleptic Gregorian date.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// "YYYY-MM-DD" (a longer RFC 3339 timestamp is cut to its date).
bool ParseDate(std::string_view s, int64_t* day_start_unix) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int y = std::stoi(std::string(s.substr(0, 4)));
  unsigned m = static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))));
  unsigned d = static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2))));
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return false;
  *day_start_unix = DaysFromCivil(y, m, d) * 86400;
  return true;
}

bool Wild(std::string_view pattern) { return pattern.empty() || pattern == "*"; }

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view text) {
  // Iterative matcher with one backtrack point: linear in practice, no recursion.
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

Mutelist Mutelist::Parse(std::string_view yaml_text, const std::string& file, Diagnostics* diags) {
  Mutelist ml;
  ml.file_ = file;
  YAML::Node root;
  if (!yaml_util::Load(yaml_text, file, "mutelist", &root, diags)) return ml;
  if (!root || root.IsNull()) return ml;
  YAML::Node list = root.IsMap() ? root["mutes"] : root;
  if (!list) {
    diags->Error("mutelist", "expected a top-level `mutes:` list", At(file, root));
    return ml;
  }
  if (!list.IsSequence()) {
    diags->Error("mutelist", "key `mutes` must be a list of rules", At(file, list));
    return ml;
  }
  size_t i = 0;
  for (const auto& r : list) {
    std::string key = "mutes[" + std::to_string(i++) + "]";
    if (!r.IsMap()) {
      diags->Error("mutelist", "key `" + key + "` must be a mapping", At(file, r));
      continue;
    }
    MuteRule rule;
    rule.line = yaml_util::Line(r);
    bool ok = true;
    auto str = [&](const char* k, std::string* dst, bool required) {
      YAML::Node n = r[k];
      if (!n || (n.IsScalar() && n.Scalar().empty())) {
        if (required) {
          diags->Error("mutelist", "key `" + key + "." + k + "` is required", At(file, r));
          ok = false;
        }
        return;
      }
      if (!n.IsScalar()) {
        diags->Error("mutelist", "key `" + key + "." + k + "` must be a string", At(file, n));
        ok = false;
        return;
      }
      *dst = n.Scalar();
    };
    for (const auto& kv : r) {
      static const char* kKnown[] = {"account", "control",   "region",   "resource", "tags",
                                     "reason",  "requester", "approver", "ticket",   "expires"};
      bool known = false;
      for (const char* k : kKnown) known |= kv.first.Scalar() == k;
      if (!known) {
        diags->Error("mutelist", "key `" + key + "." + kv.first.Scalar() + "` is not known",
                     At(file, kv.first));
        ok = false;
      }
    }
    str("account", &rule.account, false);
    str("control", &rule.control, false);
    str("region", &rule.region, false);
    str("resource", &rule.resource, false);
    str("reason", &rule.reason, true);
    str("requester", &rule.requester, true);
    str("approver", &rule.approver, true);
    str("ticket", &rule.ticket, true);
    str("expires", &rule.expires, true);
    if (YAML::Node t = r["tags"]) {
      if (!t.IsMap()) {
        diags->Error("mutelist", "key `" + key + ".tags` must be a mapping of tag: value",
                     At(file, t));
        ok = false;
      } else {
        for (const auto& kv : t)
          rule.tags[kv.first.Scalar()] = kv.second.IsScalar() ? kv.second.Scalar() : "";
      }
    }
    if (!rule.expires.empty()) {
      int64_t start = 0;
      if (!ParseDate(rule.expires, &start)) {
        diags->Error("mutelist",
                     "key `" + key + ".expires`: `" + rule.expires + "` is not a YYYY-MM-DD date",
                     At(file, r["expires"]));
        ok = false;
      } else {
        rule.expires = rule.expires.substr(0, 10);
        rule.expires_unix = start + 86400;  // the expiry day still applies
      }
    }
    if (Wild(rule.account) && Wild(rule.control) && Wild(rule.region) && Wild(rule.resource) &&
        rule.tags.empty()) {
      diags->Error("mutelist",
                   "rule `" + key +
                       "` would mute every finding; name an account, control, region, "
                       "resource or tags",
                   At(file, r));
      ok = false;
    }
    if (rule.requester == rule.approver && !rule.requester.empty()) {
      diags->Warning("mutelist", "rule `" + key + "` is approved by its own requester",
                     At(file, r));
    }
    if (ok) ml.rules_.push_back(std::move(rule));
  }
  return ml;
}

Result<Mutelist> Mutelist::LoadFile(const std::string& path, Diagnostics* diags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot read mutelist " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path, diags);
}

void Mutelist::DropExpired(int64_t now_unix, Diagnostics* diags) {
  std::vector<MuteRule> live;
  for (auto& r : rules_) {
    if (now_unix >= r.expires_unix) {
      SourceLocation where;
      where.file = file_;
      where.line = r.line;
      where.item = r.ticket;
      diags->Warning("mute_expired",
                     "mute rule expired on " + r.expires + " and is ignored (ticket " + r.ticket +
                         ", requested by " + r.requester + ": " + r.reason + ")",
                     where);
      expired_.push_back(std::move(r));
    } else {
      live.push_back(std::move(r));
    }
  }
  rules_ = std::move(live);
}

const MuteRule* Mutelist::Match(const Finding& f,
                                const std::map<std::string, std::string>& tags) const {
  for (const auto& r : rules_) {
    if (!Wild(r.account) && !GlobMatch(r.account, f.account)) continue;
    if (!Wild(r.control) && !GlobMatch(r.control, f.control_id)) continue;
    if (!Wild(r.region) && !GlobMatch(r.region, f.region)) continue;
    if (!Wild(r.resource) && !GlobMatch(r.resource, f.resource_id)) continue;
    bool tags_ok = true;
    for (const auto& [k, v] : r.tags) {
      auto it = tags.find(k);
      if (it == tags.end() || !GlobMatch(v, it->second)) {
        tags_ok = false;
        break;
      }
    }
    if (tags_ok) return &r;
  }
  return nullptr;
}

void Mutelist::Apply(const MuteRule& rule, Finding* f) {
  if (f->status != FindingStatus::kMuted) f->original_status = f->status;
  f->status = FindingStatus::kMuted;
  f->mute_reason = rule.reason;
  f->muted_by = rule.requester;
  f->mute_approver = rule.approver;
  f->mute_ticket = rule.ticket;
  f->mute_expires = rule.expires;
}

}  // namespace kumo::scan
