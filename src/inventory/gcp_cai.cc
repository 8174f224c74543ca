// Google Cloud Asset Inventory (formats spec A2):
//  - `gcloud asset export` lines (snake_case proto names: asset_type,
//    iam_policy, update_time) and REST/gcloud list output (camelCase);
//  - a resource and its IAM policy arrive as separate lines with the same
//    name (merged after loading, see loader.cc);
//  - `search-all-resources` results (ResourceSearchResult, no `resource.data`:
//    the whole result becomes `config`);
//  - `search-all-iam-policies` results ({resource, policy}).
#include <string>

#include "inventory/format.h"
#include "inventory/util.h"

namespace kumo::inventory {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The segment after "projects/" in a full resource name, or "".
std::string_view ProjectSegment(std::string_view name) {
  size_t p = name.find("/projects/");
  if (p == std::string_view::npos) {
    if (name.rfind("projects/", 0) != 0) return {};
    p = 0;
  } else {
    p += 1;
  }
  std::string_view rest = name.substr(p + 9);
  size_t end = rest.find('/');
  return end == std::string_view::npos ? rest : rest.substr(0, end);
}

// Project id when known; "projects/<number>" when only the number is;
// otherwise the nearest ancestor (folders/.., organizations/..).
std::string AccountOf(std::string_view name, const Value& data, std::string_view parent,
                      const Value* ancestors, std::string_view project_field) {
  std::string_view id = StrAny(data, {"projectId"});
  if (!id.empty()) return std::string(id);
  std::string_view seg = ProjectSegment(name);
  if (!seg.empty() && !AllDigits(seg) && seg != "-" && seg != "_") return std::string(seg);
  if (AllDigits(seg)) return "projects/" + std::string(seg);
  for (std::string_view s : {project_field, parent}) {
    std::string_view ps = ProjectSegment(s);
    if (!ps.empty()) {
      return AllDigits(ps) ? "projects/" + std::string(ps) : std::string(ps);
    }
  }
  if (ancestors != nullptr && ancestors->is_array()) {
    for (const Value& a : ancestors->items()) {
      if (a.is_string() && a.as_string().rfind("projects/", 0) == 0) {
        return std::string(a.as_string());
      }
    }
    if (const Value* first = ancestors->At(0); first != nullptr && first->is_string()) {
      return std::string(first->as_string());
    }
  }
  std::string_view num = StrAny(data, {"projectNumber"});
  if (!num.empty()) return "projects/" + std::string(num);
  return "";
}

// Content types other than resource and IAM policy, kept in `supplementary`
// under their REST (camelCase) names.
struct ExtraContent {
  std::string_view snake;
  std::string_view camel;
};
constexpr ExtraContent kExtra[] = {
    {"org_policy", "orgPolicy"},       {"access_policy", "accessPolicy"},
    {"access_level", "accessLevel"},   {"service_perimeter", "servicePerimeter"},
    {"os_inventory", "osInventory"},   {"related_assets", "relatedAssets"},
    {"related_asset", "relatedAsset"},
};

void ConvertSearchIamPolicy(const Value& rec, RecordContext& ctx) {
  Staged s;
  Resource& r = s.resource;
  r.provider = Provider::kGcp;
  r.id = std::string(rec.Find("resource")->as_string());
  r.type = std::string(StrAny(rec, {"assetType", "asset_type"}));
  r.name = std::string(LastSegment(r.id));
  r.account = AccountOf(r.id, Value(), "", nullptr, StrAny(rec, {"project"}));
  r.region = "global";
  r.iam_policy = *rec.Find("policy");
  r.source_format = "gcp-cai-search-iam";
  s.role = MergeRole::kGcpAsset;
  s.has_config = false;
  ctx.Add(std::move(s));
}

}  // namespace

int DetectGcpCai(const Probe& p) {
  if (p.first == nullptr || !p.first->is_object()) return 0;
  const Value& v = *p.first;
  std::string_view name = StrAny(v, {"name"});
  std::string_view type = StrAny(v, {"asset_type", "assetType"});
  if (name.rfind("//", 0) == 0 && !type.empty()) return 90;
  std::string_view res = StrAny(v, {"resource"});
  if (res.rfind("//", 0) == 0 && v.Find("policy") != nullptr) return 90;
  if (!type.empty() && type.find(".googleapis.com/") != std::string_view::npos) return 70;
  return 0;
}

void ConvertGcpCai(const Value& rec, RecordContext& ctx) {
  if (!rec.is_object()) {
    ctx.Skip("gcp_cai_not_object", "record is not a JSON object");
    return;
  }
  // Whole REST responses that were not unwrapped.
  for (std::string_view key : {"assets", "results"}) {
    if (const Value* items = rec.Find(key); items != nullptr && items->is_array()) {
      for (const Value& a : items->items()) ConvertGcpCai(a, ctx);
      return;
    }
  }
  if (const Value* res = rec.Find("resource"); res != nullptr && res->is_string()) {
    if (const Value* pol = rec.Find("policy"); pol != nullptr && pol->is_object()) {
      ConvertSearchIamPolicy(rec, ctx);
      return;
    }
  }
  std::string_view name = StrAny(rec, {"name"});
  std::string_view type = StrAny(rec, {"asset_type", "assetType"});
  if (name.empty() || type.empty()) {
    ctx.Skip("gcp_cai_not_asset",
             "record is not a Cloud Asset Inventory asset (needs name and asset_type/assetType)");
    return;
  }
  Staged s;
  Resource& r = s.resource;
  r.provider = Provider::kGcp;
  r.id = std::string(name);
  r.type = std::string(type);
  r.name = std::string(LastSegment(name));
  s.role = MergeRole::kGcpAsset;

  const Value* resource = rec.Find("resource");
  const Value* ancestors = rec.Find("ancestors");
  std::string_view parent;
  Value data;
  if (resource != nullptr && resource->is_object()) {
    if (const Value* d = resource->Find("data"); d != nullptr && !d->is_null()) data = *d;
    parent = StrAny(*resource, {"parent"});
    r.region = std::string(StrAny(*resource, {"location"}));
    r.config = data.is_null() ? Value::EmptyObject() : data;
    r.source_format = rec.Find("asset_type") != nullptr ? "gcp-cai-export" : "gcp-cai-rest";
    if (const Value* labels = data.Find("labels")) AddTags(*labels, &r.tags);
  } else if (rec.Find("additionalAttributes") != nullptr || rec.Find("displayName") != nullptr ||
             rec.Find("parentFullResourceName") != nullptr ||
             (rec.Find("project") != nullptr && rec.Find("iam_policy") == nullptr &&
              rec.Find("iamPolicy") == nullptr)) {
    // search-all-resources: an indexed summary; keep all of it as the body.
    r.config = rec;
    r.region = std::string(StrAny(rec, {"location"}));
    parent = StrAny(rec, {"parentFullResourceName"});
    r.source_format = "gcp-cai-search";
    if (const Value* labels = rec.Find("labels")) AddTags(*labels, &r.tags);
  } else {
    s.has_config = false;
    r.source_format = rec.Find("asset_type") != nullptr || rec.Find("iam_policy") != nullptr
                          ? "gcp-cai-export"
                          : "gcp-cai-rest";
  }
  if (r.region.empty()) r.region = "global";
  if (const Value* pol = FindAny(rec, {"iam_policy", "iamPolicy"});
      pol != nullptr && !pol->is_null()) {
    r.iam_policy = *pol;
  }
  if (ancestors != nullptr && ancestors->is_array()) r.ancestors = *ancestors;
  r.account = AccountOf(name, data, parent, ancestors, StrAny(rec, {"project"}));

  std::vector<ObjectEntry> extra;
  for (const ExtraContent& e : kExtra) {
    if (const Value* v = FindAny(rec, {e.snake, e.camel}); v != nullptr && !v->is_null()) {
      extra.emplace_back(Value::String(e.camel), *v);
    }
  }
  if (!extra.empty()) r.supplementary = Value::Object(std::move(extra));
  if (!s.has_config && r.iam_policy.is_null() && r.supplementary.is_null()) {
    // `--content-type` omitted: only names were exported.
    ctx.Note("asset line without resource or policy content");
  }
  ctx.Add(std::move(s));
}

}  // namespace kumo::inventory
