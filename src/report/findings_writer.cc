#include "report/findings_writer.h"

#include <algorithm>
#include <ctime>
#include <sstream>

#include "json/json.h"

namespace kumo::report {
namespace {

Value Str(std::string_view s) { return Value::String(s); }

Value StrArray(const std::vector<std::string>& v) {
  std::vector<Value> items;
  items.reserve(v.size());
  for (const auto& s : v) items.push_back(Value::String(s));
  return Value::Array(std::move(items));
}

// The framework ids of "framework:requirement" refs, sorted and unique.
std::vector<std::string> Standards(const std::vector<std::string>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.substr(0, r.find(':')));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out.append(sep);
    out.append(s);
  }
  return out;
}

std::string Rfc3339(int64_t unix) {
  std::time_t t = static_cast<std::time_t>(unix);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string Capitalized(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical.
int OcsfSeverityId(Severity5 s) { return static_cast<int>(s) + 1; }
std::string OcsfSeverityName(Severity5 s) {
  return s == Severity5::kInfo ? "Informational" : Capitalized(SeverityLevelName(s));
}

// The status the check produced: for MUTED findings, the one before the mute.
FindingStatus CheckStatus(const Finding& f) {
  return f.status == FindingStatus::kMuted ? f.original_status : f.status;
}

Value MuteValue(const Finding& f) {
  return Value::Object({{Str("reason"), Str(f.mute_reason)},
                        {Str("requester"), Str(f.muted_by)},
                        {Str("approver"), Str(f.mute_approver)},
                        {Str("ticket"), Str(f.mute_ticket)},
                        {Str("expires"), Str(f.mute_expires)}});
}

class JsonWriter : public FindingsWriter {
 public:
  JsonWriter(std::ostream* out, bool lines) : out_(out), lines_(lines) {}
  void Begin() override {
    if (!lines_) *out_ << "[";
  }
  void Write(const Finding& f) override {
    buf_.clear();
    if (!lines_) buf_.append(first_ ? "\n  " : ",\n  ");
    json::WriteJson(FindingToValue(f), &buf_);
    if (lines_) buf_.push_back('\n');
    *out_ << buf_;
    first_ = false;
  }
  void End() override {
    if (!lines_) *out_ << (first_ ? "]\n" : "\n]\n");
    out_->flush();
  }

 private:
  std::ostream* out_;
  bool lines_;
  bool first_ = true;
  std::string buf_;
};

class OcsfWriter : public FindingsWriter {
 public:
  OcsfWriter(std::ostream* out, const ReportContext& ctx) : out_(out), ctx_(ctx) {}
  void Begin() override { *out_ << "["; }
  void Write(const Finding& f) override {
    buf_.clear();
    buf_.append(first_ ? "\n  " : ",\n  ");
    json::WriteJson(FindingToOcsf(f, ctx_), &buf_);
    *out_ << buf_;
    first_ = false;
  }
  void End() override {
    *out_ << (first_ ? "]\n" : "\n]\n");
    out_->flush();
  }

 private:
  std::ostream* out_;
  ReportContext ctx_;
  bool first_ = true;
  std::string buf_;
};

constexpr const char* kCsvColumns[] = {
    "fingerprint",     "control_id",  "title",         "severity",       "status",
    "original_status", "resource_id", "resource_type", "provider",       "account",
    "region",          "product",     "owner",         "message",        "evidence",
    "frameworks",      "remediation", "mute_reason",   "mute_requester", "mute_approver",
    "mute_ticket",     "mute_expires"};

class CsvWriter : public FindingsWriter {
 public:
  explicit CsvWriter(std::ostream* out) : out_(out) {}
  void Begin() override {
    std::string line;
    for (const char* c : kCsvColumns) {
      if (!line.empty()) line.push_back(',');
      line.append(c);
    }
    *out_ << line << "\r\n";
  }
  void Write(const Finding& f) override {
    bool muted = f.status == FindingStatus::kMuted;
    std::string evidence = f.evidence.is_null() ? "" : json::ToJson(f.evidence);
    const std::string fields[] = {f.Fingerprint(),
                                  f.control_id,
                                  f.control_title,
                                  std::string(SeverityLevelName(f.severity)),
                                  std::string(FindingStatusName(f.status)),
                                  muted ? std::string(FindingStatusName(f.original_status)) : "",
                                  f.resource_id,
                                  f.resource_type,
                                  std::string(ProviderName(f.provider)),
                                  f.account,
                                  f.region,
                                  f.product,
                                  f.owner,
                                  f.message,
                                  evidence,
                                  Join(f.frameworks, " "),
                                  f.remediation,
                                  f.mute_reason,
                                  f.muted_by,
                                  f.mute_approver,
                                  f.mute_ticket,
                                  f.mute_expires};
    std::string line;
    for (const auto& field : fields) {
      if (&field != &fields[0]) line.push_back(',');
      line.append(CsvField(field));
    }
    *out_ << line << "\r\n";
  }
  void End() override { out_->flush(); }

 private:
  std::ostream* out_;
};

// Markdown cell: pipes escaped, line breaks flattened.
std::string Cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out.push_back(c);
  }
  return out;
}

class MarkdownWriter : public FindingsWriter {
 public:
  MarkdownWriter(std::ostream* out, const ReportContext& ctx) : out_(out), ctx_(ctx) {}
  void Begin() override {}
  void Write(const Finding& f) override {
    summary_.Add(f);
    auto& counts = per_product_[f.product];
    counts[static_cast<int>(f.status)]++;
    if (f.status != FindingStatus::kPass) kept_.push_back(f);
  }
  void End() override {
    std::ostringstream o;
    o << "# kumo scan report\n\n";
    if (ctx_.scan_time) o << "Scan time: " << Rfc3339(ctx_.scan_time) << "  \n";
    o << "kumo " << ctx_.kumo_version << "\n\n";
    o << "| status | findings |\n|---|---:|\n";
    o << "| FAIL | " << summary_.fail() << " |\n| PASS | " << summary_.pass() << " |\n| MUTED | "
      << summary_.muted() << " |\n| ERROR | " << summary_.error() << " |\n\n";
    o << "## Findings by product\n\nFAIL counts by severity, then PASS, MUTED and ERROR "
         "totals.\n\n";
    o << "| product | critical | high | medium | low | info | pass | muted | error |\n";
    o << "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    std::map<std::string, std::array<uint64_t, 5>> fails;
    for (const auto& f : kept_) {
      if (f.status == FindingStatus::kFail) fails[f.product][static_cast<int>(f.severity)]++;
    }
    for (const auto& [product, st] : per_product_) {
      auto& sev = fails[product];
      o << "| " << Cell(product) << " | " << sev[4] << " | " << sev[3] << " | " << sev[2] << " | "
        << sev[1] << " | " << sev[0] << " | " << st[static_cast<int>(FindingStatus::kPass)] << " | "
        << st[static_cast<int>(FindingStatus::kMuted)] << " | "
        << st[static_cast<int>(FindingStatus::kError)] << " |\n";
    }
    // Details: product, then severity (critical first), FAIL then ERROR then MUTED.
    std::stable_sort(kept_.begin(), kept_.end(), [](const Finding& a, const Finding& b) {
      if (a.product != b.product) return a.product < b.product;
      if (a.severity != b.severity) return a.severity > b.severity;
      return false;
    });
    std::string current_product;
    bool first = true;
    for (size_t i = 0; i < kept_.size();) {
      const std::string& product = kept_[i].product;
      if (first || product != current_product) {
        first = false;
        current_product = product;
        o << "\n## " << Cell(product) << "\n\n";
        auto it = ctx_.products.find(product);
        if (it != ctx_.products.end()) {
          const ProductInfo& p = it->second;
          o << "Champion: " << Cell(p.champion);
          if (!p.slack_channel.empty()) o << " · Slack: " << Cell(p.slack_channel);
          if (!p.jira_project.empty()) o << " · Jira: " << Cell(p.jira_project);
          o << "\n";
        } else {
          o << "No product owns these resources; map them in kumo.yaml.\n";
        }
      }
      Severity5 sev = kept_[i].severity;
      o << "\n### " << Capitalized(SeverityLevelName(sev)) << "\n\n";
      o << "| status | control | resource | account | region | message | kaizen |\n";
      o << "|---|---|---|---|---|---|---|\n";
      for (; i < kept_.size() && kept_[i].product == product && kept_[i].severity == sev; ++i) {
        const Finding& f = kept_[i];
        std::string status(FindingStatusName(f.status));
        if (f.status == FindingStatus::kMuted) {
          status += " (" + std::string(FindingStatusName(f.original_status)) + ", " +
                    f.mute_ticket + ", until " + f.mute_expires + ")";
        }
        o << "| " << Cell(status) << " | " << Cell(f.control_id) << " " << Cell(f.control_title)
          << " | `" << Cell(f.resource_id) << "` | " << Cell(f.account) << " | " << Cell(f.region)
          << " | " << Cell(f.message) << " | " << Cell(f.remediation) << " |\n";
      }
    }
    *out_ << o.str();
    out_->flush();
  }

 private:
  std::ostream* out_;
  ReportContext ctx_;
  Summary summary_;
  std::map<std::string, std::array<uint64_t, 4>> per_product_;
  std::vector<Finding> kept_;
};

}  // namespace

bool ParseFormat(std::string_view name, Format* out) {
  if (name == "json")
    *out = Format::kJson;
  else if (name == "jsonl")
    *out = Format::kJsonl;
  else if (name == "csv")
    *out = Format::kCsv;
  else if (name == "ocsf")
    *out = Format::kOcsf;
  else if (name == "markdown" || name == "md")
    *out = Format::kMarkdown;
  else
    return false;
  return true;
}

std::string_view FormatName(Format f) {
  switch (f) {
    case Format::kJson: return "json";
    case Format::kJsonl: return "jsonl";
    case Format::kCsv: return "csv";
    case Format::kOcsf: return "ocsf";
    case Format::kMarkdown: return "markdown";
  }
  return "json";
}

std::string FormatFileName(Format f) {
  switch (f) {
    case Format::kJson: return "findings.json";
    case Format::kJsonl: return "findings.jsonl";
    case Format::kCsv: return "findings.csv";
    case Format::kOcsf: return "findings.ocsf.json";
    case Format::kMarkdown: return "report.md";
  }
  return "findings.out";
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"')
      out += "\"\"";
    else
      out.push_back(c);
  }
  out.push_back('"');
  return out;
}

Value FindingToValue(const Finding& f) {
  std::vector<ObjectEntry> e = {
      {Str("fingerprint"), Str(f.Fingerprint())},
      {Str("control_id"), Str(f.control_id)},
      {Str("title"), Str(f.control_title)},
      {Str("severity"), Str(SeverityLevelName(f.severity))},
      {Str("status"), Str(FindingStatusName(f.status))},
      {Str("resource_id"), Str(f.resource_id)},
      {Str("resource_type"), Str(f.resource_type)},
      {Str("provider"), Str(ProviderName(f.provider))},
      {Str("account"), Str(f.account)},
      {Str("region"), Str(f.region)},
      {Str("product"), Str(f.product)},
      {Str("owner"), Str(f.owner)},
      {Str("message"), Str(f.message)},
      {Str("evidence"), f.evidence},
      {Str("frameworks"), StrArray(f.frameworks)},
      {Str("remediation"), Str(f.remediation)},
  };
  if (f.status == FindingStatus::kMuted) {
    e.emplace_back(Str("original_status"), Str(FindingStatusName(f.original_status)));
    e.emplace_back(Str("mute"), MuteValue(f));
  }
  return Value::Object(std::move(e));
}

Value FindingToOcsf(const Finding& f, const ReportContext& ctx) {
  FindingStatus check = CheckStatus(f);
  bool muted = f.status == FindingStatus::kMuted;
  int compliance_status_id = check == FindingStatus::kPass   ? 1
                             : check == FindingStatus::kFail ? 3
                                                             : 99;
  std::string compliance_status = check == FindingStatus::kPass   ? "Pass"
                                  : check == FindingStatus::kFail ? "Fail"
                                                                  : "Other";
  int account_type_id = 0;
  std::string account_type = "Unknown";
  switch (f.provider) {
    case Provider::kAws:
      account_type_id = 10;
      account_type = "AWS Account";
      break;
    case Provider::kGcp:
      account_type_id = 5;
      account_type = "GCP Account";
      break;
    case Provider::kAzure:
      account_type_id = 6;
      account_type = "Azure AD Account";
      break;
    default: break;
  }
  int64_t time_ms = ctx.scan_time * 1000;
  std::vector<ObjectEntry> resource = {
      {Str("uid"), Str(f.resource_id)},
      {Str("type"), Str(f.resource_type)},
      {Str("region"), Str(f.region)},
  };
  std::vector<ObjectEntry> unmapped = {
      {Str("product"), Str(f.product)},
      {Str("owner"), Str(f.owner)},
      {Str("frameworks"), StrArray(f.frameworks)},
      {Str("fingerprint"), Str(f.Fingerprint())},
      {Str("kumo_status"), Str(FindingStatusName(f.status))},
  };
  if (!f.evidence.is_null()) unmapped.emplace_back(Str("evidence"), f.evidence);
  if (muted) unmapped.emplace_back(Str("mute"), MuteValue(f));
  std::vector<ObjectEntry> e = {
      {Str("category_uid"), Value::Int(2)},
      {Str("category_name"), Str("Findings")},
      {Str("class_uid"), Value::Int(2003)},
      {Str("class_name"), Str("Compliance Finding")},
      {Str("activity_id"), Value::Int(1)},
      {Str("activity_name"), Str("Create")},
      {Str("type_uid"), Value::Int(200301)},
      {Str("type_name"), Str("Compliance Finding: Create")},
      {Str("time"), Value::Int(time_ms)},
      {Str("time_dt"), Str(Rfc3339(ctx.scan_time))},
      {Str("severity_id"), Value::Int(OcsfSeverityId(f.severity))},
      {Str("severity"), Str(OcsfSeverityName(f.severity))},
      {Str("status_id"), Value::Int(muted ? 3 : 1)},
      {Str("status"), Str(muted ? "Suppressed" : "New")},
      {Str("status_code"), Str(FindingStatusName(check))},
      {Str("status_detail"), Str(f.message)},
      {Str("message"), Str(f.message)},
      {Str("finding_info"), Value::Object({{Str("uid"), Str("kumo-" + f.Fingerprint())},
                                           {Str("title"), Str(f.control_title)},
                                           {Str("types"), StrArray(Standards(f.frameworks))},
                                           {Str("created_time"), Value::Int(time_ms)},
                                           {Str("product_uid"), Str("kumo")}})},
      {Str("compliance"), Value::Object({{Str("control"), Str(f.control_id)},
                                         {Str("standards"), StrArray(Standards(f.frameworks))},
                                         {Str("requirements"), StrArray(f.frameworks)},
                                         {Str("status_id"), Value::Int(compliance_status_id)},
                                         {Str("status"), Str(compliance_status)},
                                         {Str("status_code"), Str(FindingStatusName(check))}})},
      {Str("cloud"),
       Value::Object({{Str("provider"), Str(ProviderName(f.provider))},
                      {Str("region"), Str(f.region)},
                      {Str("account"), Value::Object({{Str("uid"), Str(f.account)},
                                                      {Str("type_id"), Value::Int(account_type_id)},
                                                      {Str("type"), Str(account_type)}})}})},
      {Str("resources"), Value::Array({Value::Object(std::move(resource))})},
      {Str("remediation"),
       Value::Object({{Str("desc"), Str("See the kaizen document for " + f.control_id + ".")},
                      {Str("references"), StrArray({f.remediation})}})},
      {Str("metadata"),
       Value::Object({{Str("version"), Str("1.4.0")},
                      {Str("event_code"), Str(f.control_id)},
                      {Str("profiles"), StrArray({"cloud"})},
                      {Str("product"), Value::Object({{Str("name"), Str("kumo")},
                                                      {Str("uid"), Str("kumo")},
                                                      {Str("vendor_name"), Str("kumo")},
                                                      {Str("version"), Str(ctx.kumo_version)}})}})},
      {Str("unmapped"), Value::Object(std::move(unmapped))},
  };
  return Value::Object(std::move(e));
}

std::unique_ptr<FindingsWriter> MakeWriter(Format format, std::ostream* out,
                                           const ReportContext& ctx) {
  switch (format) {
    case Format::kJson: return std::make_unique<JsonWriter>(out, false);
    case Format::kJsonl: return std::make_unique<JsonWriter>(out, true);
    case Format::kCsv: return std::make_unique<CsvWriter>(out);
    case Format::kOcsf: return std::make_unique<OcsfWriter>(out, ctx);
    case Format::kMarkdown: return std::make_unique<MarkdownWriter>(out, ctx);
  }
  return nullptr;
}

std::string Render(Format format, const std::vector<Finding>& findings, const ReportContext& ctx) {
  std::ostringstream out;
  auto w = MakeWriter(format, &out, ctx);
  w->Begin();
  for (const auto& f : findings) w->Write(f);
  w->End();
  return out.str();
}

void Summary::Add(const Finding& f) {
  switch (f.status) {
    case FindingStatus::kPass: ++pass_; break;
    case FindingStatus::kMuted: ++muted_; break;
    case FindingStatus::kError: ++error_; break;
    case FindingStatus::kFail:
      ++fail_;
      fail_by_product_[f.product][static_cast<int>(f.severity)]++;
      fail_by_severity_[static_cast<int>(f.severity)]++;
      break;
  }
}

bool Summary::HasFailAtLeast(Severity5 min) const {
  for (int s = static_cast<int>(min); s < 5; ++s) {
    if (fail_by_severity_[s] > 0) return true;
  }
  return false;
}

std::string Summary::Render(bool color) const {
  auto paint = [&](const char* code, const std::string& s) {
    return color ? std::string("\033[") + code + "m" + s + "\033[0m" : s;
  };
  static const char* kSevColor[5] = {"2", "36", "33", "31", "1;31"};  // info..critical
  size_t width = 10;
  for (const auto& [p, _] : fail_by_product_) width = std::max(width, p.size() + 2);
  auto pad = [](std::string s, size_t w, bool right) {
    if (s.size() >= w) return s;
    return right ? std::string(w - s.size(), ' ') + s : s + std::string(w - s.size(), ' ');
  };
  std::ostringstream o;
  if (fail_ == 0) {
    o << paint("32", "No failing findings.") << "\n";
  } else {
    o << "Failing findings by product and severity:\n";
    o << pad("product", width, false);
    for (int s = 4; s >= 0; --s)
      o << pad(std::string(SeverityLevelName(static_cast<Severity5>(s))), 10, true);
    o << pad("total", 8, true) << "\n";
    for (const auto& [product, counts] : fail_by_product_) {
      o << pad(product, width, false);
      uint64_t total = 0;
      for (int s = 4; s >= 0; --s) {
        std::string cell = pad(std::to_string(counts[s]), 10, true);
        o << (counts[s] ? paint(kSevColor[s], cell) : cell);
        total += counts[s];
      }
      o << pad(std::to_string(total), 8, true) << "\n";
    }
  }
  o << paint("31", std::to_string(fail_) + " FAIL") << ", "
    << paint("32", std::to_string(pass_) + " PASS") << ", "
    << paint("36", std::to_string(muted_) + " MUTED") << ", "
    << paint(error_ ? "35" : "0", std::to_string(error_) + " ERROR") << "\n";
  return o.str();
}

}  // namespace kumo::report
