// The format table and RecordContext.
#include <array>

#include "inventory/format.h"

namespace kumo::inventory {

void RecordContext::Add(Staged s) {
  s.resource.source_file = std::string(file_);
  s.resource.source_record = record_;
  resources_.push_back(std::move(s.resource));
  metas_.push_back(StageMeta{s.order, s.role, s.has_config, file_index_});
}

void RecordContext::Skip(std::string_view reason, std::string message) {
  ++skipped_[std::string(reason)];
  SourceLocation where;
  where.file = std::string(file_);
  where.line = static_cast<uint32_t>(line_);
  where.record = record_;
  diags_.Error(std::string(reason), std::move(message), std::move(where));
}

void RecordContext::Warn(std::string_view code, std::string message) {
  SourceLocation where;
  where.file = std::string(file_);
  where.line = static_cast<uint32_t>(line_);
  where.record = record_;
  diags_.Warning(std::string(code), std::move(message), std::move(where));
}

namespace {

// kumo JSONL first: its lines carry `provider`/`config` and would otherwise
// look like nothing; the cloud formats follow; CSV last.
constexpr std::array<Format, 5> kFormats = {{
    {"kumo-jsonl", "kumo normalized JSON Lines (one Resource per line)", DetectKumoJsonl,
     ConvertKumoJsonl, nullptr},
    {"aws-config",
     "AWS Config snapshot/history files, API responses, notifications, advanced queries",
     DetectAwsConfig, ConvertAwsConfig, nullptr},
    {"gcp-cai", "Google Cloud Asset Inventory export, REST/gcloud output, search results",
     DetectGcpCai, ConvertGcpCai, nullptr},
    {"azure-arg", "Azure Resource Graph results, ARM list responses, az ... list output",
     DetectAzureArg, ConvertAzureArg, nullptr},
    {"aws-iam-credential-report", "AWS IAM credential report (CSV, or its JSON API response)",
     DetectCredentialReport, ConvertCredentialReport, ConvertCredentialReportText},
}};

}  // namespace

std::span<const Format> Formats() { return kFormats; }

const Format* FindFormat(std::string_view name) {
  for (const Format& f : kFormats) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const std::vector<std::string>& EnvelopeKeys() {
  static const std::vector<std::string> kKeys = {
      "configurationItems",
      "baseConfigurationItems",
      "Results",  // AWS Config
      "assets",
      "results",  // GCP CAI REST
      "data",
      "value",  // ARG, ARM lists
  };
  return kKeys;
}

}  // namespace kumo::inventory
