// kumo's own normalized JSON Lines: one Resource::ToValue() per line, so any
// input can be exported, inspected, edited and loaded back, and facts that
// no cloud inventory holds (AWS::IAM::PasswordPolicy, AWS::Account, Bedrock
// logging settings) can be supplied directly.
#include <string>

#include "inventory/format.h"
#include "inventory/loader.h"
#include "inventory/util.h"

namespace kumo::inventory {
namespace {

Status StringField(const Value& v, std::string_view key, bool required, std::string* out) {
  const Value* f = v.Find(key);
  if (f == nullptr || f->is_null()) {
    if (required) return InvalidArgument("missing required key `" + std::string(key) + "`");
    return Status::Ok();
  }
  if (!f->is_string()) return InvalidArgument("`" + std::string(key) + "` must be a string");
  *out = std::string(f->as_string());
  return Status::Ok();
}

Status ValueField(const Value& v, std::string_view key, bool want_object, Value* out) {
  const Value* f = v.Find(key);
  if (f == nullptr || f->is_null()) return Status::Ok();
  if (want_object ? !f->is_object() : !f->is_array()) {
    return InvalidArgument("`" + std::string(key) + "` must be " +
                           (want_object ? "an object" : "an array"));
  }
  *out = *f;
  return Status::Ok();
}

}  // namespace

std::string ResourceToJsonLine(const Resource& r) { return json::ToJson(r.ToValue()); }

Result<Resource> ResourceFromValue(const Value& v) {
  if (!v.is_object()) return InvalidArgument("a kumo resource line must be a JSON object");
  Resource r;
  std::string provider;
  KUMO_RETURN_IF_ERROR(StringField(v, "provider", true, &provider));
  r.provider = ParseProvider(provider);
  if (r.provider == Provider::kUnknown) {
    return InvalidArgument("unknown provider '" + provider + "' (expected aws, gcp or azure)");
  }
  KUMO_RETURN_IF_ERROR(StringField(v, "type", true, &r.type));
  KUMO_RETURN_IF_ERROR(StringField(v, "id", true, &r.id));
  if (r.type.empty() || r.id.empty()) return InvalidArgument("`type` and `id` must not be empty");
  KUMO_RETURN_IF_ERROR(StringField(v, "account", false, &r.account));
  KUMO_RETURN_IF_ERROR(StringField(v, "region", false, &r.region));
  if (r.region.empty()) r.region = "global";
  KUMO_RETURN_IF_ERROR(StringField(v, "name", false, &r.name));
  if (const Value* tags = v.Find("tags"); tags != nullptr && !tags->is_null()) {
    if (!tags->is_object()) return InvalidArgument("`tags` must be an object of strings");
    for (const auto& [k, t] : tags->entries()) {
      if (!k.is_string() || !t.is_string()) {
        return InvalidArgument("`tags` must be an object of strings");
      }
      r.tags.emplace(std::string(k.as_string()), std::string(t.as_string()));
    }
  }
  if (const Value* c = v.Find("config"); c != nullptr) r.config = *c;
  KUMO_RETURN_IF_ERROR(ValueField(v, "supplementary", true, &r.supplementary));
  KUMO_RETURN_IF_ERROR(ValueField(v, "iam_policy", true, &r.iam_policy));
  KUMO_RETURN_IF_ERROR(ValueField(v, "ancestors", false, &r.ancestors));
  // Empty containers are what ToValue() prints for "none"; keep them null.
  if (r.supplementary.is_object() && r.supplementary.size() == 0) r.supplementary = Value();
  if (r.iam_policy.is_object() && r.iam_policy.size() == 0) r.iam_policy = Value();
  if (r.ancestors.is_array() && r.ancestors.size() == 0) r.ancestors = Value();
  return r;
}

int DetectKumoJsonl(const Probe& p) {
  if (p.first == nullptr || !p.first->is_object()) return 0;
  const Value& v = *p.first;
  std::string_view provider = StrAny(v, {"provider"});
  if (ParseProvider(provider) == Provider::kUnknown) return 0;
  if (v.Find("type") == nullptr || v.Find("id") == nullptr) return 0;
  return v.Find("config") != nullptr || v.Find("source") != nullptr ? 100 : 70;
}

void ConvertKumoJsonl(const Value& rec, RecordContext& ctx) {
  Result<Resource> r = ResourceFromValue(rec);
  if (!r.ok()) {
    ctx.Skip("kumo_jsonl_bad_resource", r.status().message());
    return;
  }
  Staged s;
  s.resource = std::move(r).value();
  s.resource.source_format = "kumo-jsonl";
  ctx.Add(std::move(s));
}

}  // namespace kumo::inventory
