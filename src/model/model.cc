#include <openssl/evp.h>

#include <array>

#include "model/finding.h"
#include "model/resource.h"

namespace kumo {

std::string_view ProviderName(Provider p) {
  switch (p) {
    case Provider::kAws: return "aws";
    case Provider::kGcp: return "gcp";
    case Provider::kAzure: return "azure";
    case Provider::kUnknown: return "unknown";
  }
  return "unknown";
}

Provider ParseProvider(std::string_view s) {
  if (s == "aws") return Provider::kAws;
  if (s == "gcp" || s == "google") return Provider::kGcp;
  if (s == "azure") return Provider::kAzure;
  return Provider::kUnknown;
}

Value Resource::ToValue() const { return ToValue(SharedParts{}); }

Value Resource::ToValue(const SharedParts& parts) const {
  auto or_own = [](const Value& part, const std::string& own) {
    return part.is_null() ? Value::String(own) : part;
  };
  std::vector<ObjectEntry> tag_entries;
  tag_entries.reserve(tags.size());
  for (const auto& [k, v] : tags) tag_entries.emplace_back(Value::String(k), Value::String(v));
  // Entries are listed in key order, so building the objects sorts nothing.
  std::vector<ObjectEntry> src = {
      {Value::String("file"), or_own(parts.source_file, source_file)},
      {Value::String("format"), or_own(parts.source_format, source_format)},
      {Value::String("record"), Value::Int(static_cast<int64_t>(source_record))},
  };
  return Value::Object({
      {Value::String("account"), or_own(parts.account, account)},
      {Value::String("ancestors"), ancestors.is_null() ? Value::EmptyArray() : ancestors},
      {Value::String("config"), config.is_null() ? Value::EmptyObject() : config},
      {Value::String("iam_policy"), iam_policy.is_null() ? Value::EmptyObject() : iam_policy},
      {Value::String("id"), Value::String(id)},
      {Value::String("name"), Value::String(name)},
      {Value::String("provider"), Value::String(ProviderName(provider))},
      {Value::String("region"), Value::String(region)},
      {Value::String("source"), Value::Object(std::move(src))},
      {Value::String("supplementary"),
       supplementary.is_null() ? Value::EmptyObject() : supplementary},
      {Value::String("tags"), Value::Object(std::move(tag_entries))},
      {Value::String("type"), or_own(parts.type, type)},
  });
}

std::string_view FindingStatusName(FindingStatus s) {
  switch (s) {
    case FindingStatus::kPass: return "PASS";
    case FindingStatus::kFail: return "FAIL";
    case FindingStatus::kMuted: return "MUTED";
    case FindingStatus::kError: return "ERROR";
  }
  return "ERROR";
}

bool ParseFindingStatus(std::string_view s, FindingStatus* out) {
  for (auto st :
       {FindingStatus::kPass, FindingStatus::kFail, FindingStatus::kMuted, FindingStatus::kError}) {
    if (s == FindingStatusName(st)) {
      *out = st;
      return true;
    }
  }
  return false;
}

std::string_view SeverityLevelName(Severity5 s) {
  switch (s) {
    case Severity5::kInfo: return "info";
    case Severity5::kLow: return "low";
    case Severity5::kMedium: return "medium";
    case Severity5::kHigh: return "high";
    case Severity5::kCritical: return "critical";
  }
  return "info";
}

bool ParseSeverityLevel(std::string_view s, Severity5* out) {
  for (auto sv : {Severity5::kInfo, Severity5::kLow, Severity5::kMedium, Severity5::kHigh,
                  Severity5::kCritical}) {
    if (s == SeverityLevelName(sv)) {
      *out = sv;
      return true;
    }
  }
  return false;
}

std::string FindingFingerprint(std::string_view control_id, std::string_view resource_id) {
  std::string in;
  in.reserve(control_id.size() + resource_id.size() + 1);
  in.append(control_id).append("\n").append(resource_id);
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  EVP_Digest(in.data(), in.size(), md.data(), &len, EVP_sha256(), nullptr);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < 16 && i < len; ++i) {
    out.push_back(kHex[md[i] >> 4]);
    out.push_back(kHex[md[i] & 15]);
  }
  return out;
}

std::string Finding::Fingerprint() const { return FindingFingerprint(control_id, resource_id); }

}  // namespace kumo
