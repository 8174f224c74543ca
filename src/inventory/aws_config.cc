// AWS Config configuration items in every shape (formats spec A1):
//  - S3 snapshot/history files: {"configurationItems": [...]}, `configuration`
//    an object, `ARN` / `awsAccountId`;
//  - API responses (GetResourceConfigHistory, BatchGetResourceConfig):
//    `configuration` a JSON string, `arn` / `accountId`;
//  - change notifications: {"messageType": ..., "configurationItem": {...}};
//  - advanced queries (SelectResourceConfig): {"Results": ["<row JSON>", ...]}.
#include <string>

#include "inventory/format.h"
#include "inventory/util.h"

namespace kumo::inventory {
namespace {

bool LooksLikeItem(const Value& v) {
  return v.is_object() && v.Find("resourceType") != nullptr &&
         (v.Find("configuration") != nullptr || v.Find("configurationItemCaptureTime") != nullptr ||
          v.Find("configurationItemStatus") != nullptr || v.Find("resourceId") != nullptr);
}

// Parses a value that may be JSON held in a string. Strings that are not
// JSON stay strings (e.g. "Enabled").
Value MaybeParsed(const Value& v, const json::JsonLimits& limits) {
  if (!v.is_string()) return v;
  std::string_view s = v.as_string();
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i;
  if (i == s.size()) return v;
  char c = s[i];
  // Only text that can start a JSON value; saves a parse attempt per plain string.
  if (c != '{' && c != '[' && c != '"' && c != 't' && c != 'f' && c != 'n' && c != '-' &&
      (c < '0' || c > '9')) {
    return v;
  }
  Result<Value> parsed = json::ParseJson(s, limits);
  return parsed.ok() ? std::move(parsed).value() : v;
}

void ConvertItem(const Value& ci, std::string_view variant, RecordContext& ctx) {
  std::string_view type = StrAny(ci, {"resourceType"});
  if (type.empty()) {
    ctx.Skip("aws_config_no_type",
             "configuration item has no resourceType (an advanced query must select "
             "resourceType, resourceId, arn, accountId and awsRegion)");
    return;
  }
  std::string_view status = StrAny(ci, {"configurationItemStatus"});
  if (status == "ResourceNotRecorded") {
    ctx.Note("not recorded");
    return;
  }
  bool deleted =
      status == "ResourceDeleted" || status == "Deleted" || status == "ResourceDeletedNotRecorded";

  Staged s;
  Resource& r = s.resource;
  r.provider = Provider::kAws;
  r.type = std::string(type);
  r.account = std::string(StrAny(ci, {"awsAccountId", "accountId"}));
  r.id = std::string(StrAny(ci, {"ARN", "arn"}));
  std::string_view resource_id = StrAny(ci, {"resourceId"});
  if (r.id.empty()) r.id = std::string(resource_id);
  if (r.id.empty()) {
    ctx.Skip("aws_config_no_id",
             "configuration item of type " + r.type + " has neither ARN/arn nor resourceId");
    return;
  }
  r.name = std::string(StrAny(ci, {"resourceName"}));
  if (r.name.empty()) r.name = std::string(resource_id);
  r.region = std::string(StrAny(ci, {"awsRegion"}));
  if (r.region.empty()) r.region = "global";

  std::string_view source_format = variant;
  if (const Value* conf = ci.Find("configuration")) {
    if (conf->is_string()) {
      // API form: the body is JSON text (an empty string for deleted items).
      if (!conf->as_string().empty()) {
        Result<Value> parsed = json::ParseJson(conf->as_string(), ctx.limits());
        if (!parsed.ok()) {
          ctx.Skip("aws_config_bad_configuration",
                   "configuration of " + r.id +
                       " is a string but not valid JSON: " + parsed.status().message());
          return;
        }
        r.config = std::move(parsed).value();
      }
      if (variant == "aws-config-file") source_format = "aws-config-api";
    } else if (!conf->is_null()) {
      r.config = *conf;
    }
  }
  if (const Value* sup = ci.Find("supplementaryConfiguration"); sup != nullptr) {
    if (sup->is_object()) {
      std::vector<ObjectEntry> entries;
      entries.reserve(sup->size());
      for (const auto& [k, v] : sup->entries())
        entries.emplace_back(k, MaybeParsed(v, ctx.limits()));
      r.supplementary = Value::Object(std::move(entries));
    } else if (sup->is_string()) {
      r.supplementary = MaybeParsed(*sup, ctx.limits());
    }
  }
  if (const Value* tags = ci.Find("tags")) AddTags(*tags, &r.tags);
  if (r.tags.empty() && r.config.is_object()) {
    if (const Value* tags = FindAny(r.config, {"tags", "Tags", "tagSet", "TagSet"})) {
      AddTags(*tags, &r.tags);
    }
  }
  r.source_format = std::string(source_format);
  if (const Value* t = ci.Find("configurationItemCaptureTime")) s.order = TimestampMillis(*t);
  s.role = deleted ? MergeRole::kAwsConfigDeleted : MergeRole::kAwsConfigItem;
  ctx.Add(std::move(s));
}

void ConvertRow(const Value& row, RecordContext& ctx) {
  if (row.is_string()) {
    Result<Value> parsed = json::ParseJson(row.as_string(), ctx.limits());
    if (!parsed.ok()) {
      ctx.Skip("aws_config_bad_row",
               "advanced-query row is not valid JSON: " + parsed.status().message());
      return;
    }
    ConvertItem(parsed.value(), "aws-config-query", ctx);
  } else if (row.is_object()) {
    ConvertItem(row, "aws-config-query", ctx);
  } else {
    ctx.Skip("aws_config_bad_row", "advanced-query row is neither a JSON string nor an object");
  }
}

}  // namespace

int DetectAwsConfig(const Probe& p) {
  std::string_view env = p.envelope_key;
  if (env == "configurationItems" || env == "baseConfigurationItems" || env == "Results") {
    return 95;
  }
  if (p.first == nullptr) return 0;
  const Value& v = *p.first;
  if (!v.is_object()) return 0;
  if (v.Find("configurationItem") != nullptr && v.Find("messageType") != nullptr) return 90;
  if (v.Find("messageType") != nullptr &&
      StrAny(v, {"messageType"}).find("Configuration") != std::string_view::npos) {
    return 85;
  }
  if (const Value* items = FindAny(v, {"configurationItems", "baseConfigurationItems"});
      items != nullptr && items->is_array()) {
    return 95;
  }
  if (const Value* rows = v.Find("Results"); rows != nullptr && rows->is_array()) return 90;
  if (LooksLikeItem(v)) return 80;
  return 0;
}

void ConvertAwsConfig(const Value& rec, RecordContext& ctx) {
  if (rec.is_string()) {  // an advanced-query row from the `Results` envelope
    ConvertRow(rec, ctx);
    return;
  }
  if (!rec.is_object()) {
    ctx.Skip("aws_config_not_object", "record is not a JSON object");
    return;
  }
  // Whole documents (when the reader did not unwrap them, e.g. several API
  // responses concatenated in one file).
  bool container = false;
  for (std::string_view key : {"configurationItems", "baseConfigurationItems"}) {
    if (const Value* items = rec.Find(key); items != nullptr && items->is_array()) {
      container = true;
      for (const Value& ci : items->items()) {
        ConvertItem(ci, ci.Find("ARN") != nullptr ? "aws-config-file" : "aws-config-api", ctx);
      }
    }
  }
  if (const Value* rows = rec.Find("Results"); rows != nullptr && rows->is_array()) {
    container = true;
    for (const Value& row : rows->items()) ConvertRow(row, ctx);
  }
  if (container) return;
  if (rec.Find("messageType") != nullptr) {
    const Value* ci = rec.Find("configurationItem");
    if (ci != nullptr && ci->is_object()) {
      ConvertItem(*ci, "aws-config-notification", ctx);
    } else if (rec.Find("configurationItemSummary") != nullptr) {
      // Oversized notifications carry only a summary; the item must be fetched.
      ctx.Note("oversized notification without configuration");
    } else {
      ctx.Note("notification without a configuration item");
    }
    return;
  }
  if (!LooksLikeItem(rec)) {
    ctx.Skip("aws_config_not_item",
             "record is not an AWS Config configuration item (no resourceType)");
    return;
  }
  // `ARN` (upper case) marks the file form; `arn` the API form.
  ConvertItem(rec, rec.Find("ARN") != nullptr ? "aws-config-file" : "aws-config-api", ctx);
}

}  // namespace kumo::inventory
