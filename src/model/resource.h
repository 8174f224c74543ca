// Resource: one cloud resource as the inventory loaders read it, and the
// `input` document of a resource-scoped control (see DESIGN: Data model).
//
// Loaders keep the provider's native body in `config`; they never
// translate it into an invented schema.
#ifndef KUMO_MODEL_RESOURCE_H_
#define KUMO_MODEL_RESOURCE_H_

#include <map>
#include <string>

#include "value/value.h"

namespace kumo {

enum class Provider { kAws, kGcp, kAzure, kUnknown };
std::string_view ProviderName(Provider p);  // "aws", "gcp", "azure", "unknown"
Provider ParseProvider(std::string_view s);

struct Resource {
  Provider provider = Provider::kUnknown;
  std::string account;  // AWS account id, GCP project id, Azure subscription id
  std::string region;   // region/location, or "global"
  std::string type;     // native type: AWS::S3::Bucket, storage.googleapis.com/Bucket, ...
  std::string id;       // ARN, CAI full resource name, ARM id
  std::string name;
  std::map<std::string, std::string> tags;  // AWS tags, GCP labels, Azure tags
  Value config;                             // provider-native body
  Value supplementary;  // AWS Config supplementaryConfiguration (JSON strings parsed)
  Value iam_policy;     // GCP CAI iamPolicy
  Value ancestors;      // GCP ancestors / Azure management groups (array of strings)
  std::string source_file;
  std::string source_format;  // e.g. "aws-config-snapshot", "gcp-cai-export"
  uint64_t source_record = 0;

  // The Rego `input` document: {provider, account, region, type, id, name,
  // tags, config, supplementary, iam_policy, ancestors, source}.
  Value ToValue() const;

  // Members of the `input` document a caller has already built, so that
  // the documents of many resources share one node per distinct type,
  // account, source file and format (a scan builds millions of them).
  struct SharedParts {
    Value type;
    Value account;
    Value source_file;
    Value source_format;
  };
  // ToValue() with `parts` used for those members; a null part is built
  // from this resource's own string.
  Value ToValue(const SharedParts& parts) const;
};

}  // namespace kumo

#endif  // KUMO_MODEL_RESOURCE_H_
