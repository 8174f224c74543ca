// Azure resources (formats spec A3):
//  - Resource Graph results: `az graph query` ({count, data: [...]}) and the
//    REST response ({totalRecords, data}) with `data` an array of objects
//    (objectArray) or {columns, rows} (table form);
//  - ARM list responses ({value: [...], nextLink}) and single ARM objects;
//  - `az <svc> list` arrays, "ARM raw" (with `properties`) or
//    "CLI-flattened" (properties hoisted to the top level).
// Every resource's `config` is the ARM object with `properties` present,
// rebuilt from the non-envelope keys for CLI-flattened input, and its
// `type` lower-cased as Resource Graph returns it.
#include <algorithm>
#include <string>

#include "inventory/format.h"
#include "inventory/util.h"

namespace kumo::inventory {
namespace {

// Keys of the ARM envelope (plus what Resource Graph and the CLI add);
// everything else in a CLI-flattened object belongs in `properties`.
constexpr std::string_view kEnvelope[] = {
    "id",
    "name",
    "type",
    "location",
    "kind",
    "sku",
    "identity",
    "tags",
    "zones",
    "managedBy",
    "plan",
    "etag",
    "systemData",
    "resourceGroup",
    "subscriptionId",
    "tenantId",
    "extendedLocation",
    "properties",
    "managementGroupId",
};

bool IsEnvelopeKey(std::string_view k) {
  return std::find(std::begin(kEnvelope), std::end(kEnvelope), k) != std::end(kEnvelope);
}

bool IsArmId(std::string_view id) {
  return StartsWithNoCase(id, "/subscriptions/") || StartsWithNoCase(id, "/providers/") ||
         StartsWithNoCase(id, "/tenants/");
}

bool IsTable(const Value& v) {
  const Value* cols = v.Find("columns");
  const Value* rows = v.Find("rows");
  return cols != nullptr && rows != nullptr && cols->is_array() && rows->is_array();
}

// microsoft.storage/storageaccounts from an ARM id (the namespace and type
// segments after the last "/providers/").
std::string TypeFromId(std::string_view id) {
  std::string lower = AsciiLower(id);
  size_t p = lower.rfind("/providers/");
  if (p == std::string::npos) {
    if (lower.find("/resourcegroups/") != std::string::npos) {
      return "microsoft.resources/subscriptions/resourcegroups";
    }
    if (lower.rfind("/subscriptions/", 0) == 0) return "microsoft.resources/subscriptions";
    return "";
  }
  std::string_view rest = std::string_view(lower).substr(p + 11);
  // namespace / type / name [ / type / name ]...
  std::string out;
  size_t i = 0;
  int seg = 0;
  while (i <= rest.size()) {
    size_t j = rest.find('/', i);
    if (j == std::string_view::npos) j = rest.size();
    std::string_view part = rest.substr(i, j - i);
    if (seg == 0 || seg % 2 == 1) {
      if (!out.empty()) out += '/';
      out += part;
    }
    ++seg;
    i = j + 1;
  }
  return out;
}

std::string SubscriptionOf(std::string_view id) {
  if (!StartsWithNoCase(id, "/subscriptions/")) return "";
  std::string_view rest = id.substr(15);
  return std::string(rest.substr(0, rest.find('/')));
}

void ConvertArm(const Value& obj, RecordContext& ctx, std::string_view source_format) {
  if (!obj.is_object()) {
    ctx.Skip("azure_not_object", "resource is not a JSON object");
    return;
  }
  std::string_view id = StrAny(obj, {"id"});
  if (id.empty()) {
    ctx.Skip("azure_no_id",
             "Azure resource has no `id` (a Resource Graph query must project id, or use "
             "`project id, name, type, location, tags, properties`)");
    return;
  }
  Staged s;
  Resource& r = s.resource;
  r.provider = Provider::kAzure;
  r.id = std::string(id);
  std::string_view type = StrAny(obj, {"type"});
  r.type = type.empty() ? TypeFromId(id) : AsciiLower(type);
  r.name = std::string(StrAny(obj, {"name"}));
  if (r.name.empty()) r.name = std::string(LastSegment(id));
  r.account = SubscriptionOf(id);
  if (r.account.empty()) r.account = std::string(StrAny(obj, {"subscriptionId"}));
  r.region = std::string(StrAny(obj, {"location"}));
  if (r.region.empty()) r.region = "global";
  if (const Value* tags = obj.Find("tags")) AddTags(*tags, &r.tags);

  std::vector<ObjectEntry> envelope;
  std::vector<ObjectEntry> props;
  const Value* properties = obj.Find("properties");
  Value parsed_props;
  if (properties != nullptr && properties->is_string()) {
    // A projected `dynamic` column can arrive as JSON text.
    Result<Value> p = json::ParseJson(properties->as_string(), ctx.limits());
    if (p.ok() && p.value().is_object()) parsed_props = std::move(p).value();
  }
  bool raw = (properties != nullptr && properties->is_object()) || parsed_props.is_object();
  envelope.reserve(obj.size() + 1);
  for (const auto& [k, v] : obj.entries()) {
    std::string_view key = k.as_string();
    if (key == "type") {
      envelope.emplace_back(k, Value::String(r.type));
    } else if (key == "properties") {
      if (parsed_props.is_object()) {
        envelope.emplace_back(k, parsed_props);
      } else if (v.is_object()) {
        envelope.emplace_back(k, v);
      } else if (!raw && !v.is_null()) {
        props.emplace_back(k, v);
      }
    } else if (raw || IsEnvelopeKey(key)) {
      envelope.emplace_back(k, v);
    } else {
      props.emplace_back(k, v);
    }
  }
  if (type.empty()) envelope.emplace_back(Value::String("type"), Value::String(r.type));
  if (!raw) {
    envelope.emplace_back(Value::String("properties"), Value::Object(std::move(props)));
    source_format = source_format == "azure-arm" ? "azure-cli" : source_format;
  }
  r.config = Value::Object(std::move(envelope));
  r.source_format = std::string(source_format);
  ctx.Add(std::move(s));
}

void ConvertTable(const Value& table, RecordContext& ctx) {
  const Value* cols = table.Find("columns");
  std::vector<Value> names;
  for (const Value& c : cols->items()) {
    const Value* n = c.is_object() ? c.Find("name") : &c;
    names.push_back(n != nullptr && n->is_string() ? *n : Value::String(""));
  }
  for (const Value& row : table.Find("rows")->items()) {
    if (!row.is_array() || row.size() != names.size()) {
      ctx.Skip("azure_bad_table_row", "Resource Graph table row has " + std::to_string(row.size()) +
                                          " cells, expected " + std::to_string(names.size()));
      continue;
    }
    std::vector<ObjectEntry> entries;
    entries.reserve(names.size());
    for (size_t i = 0; i < names.size(); ++i) entries.emplace_back(names[i], *row.At(i));
    ConvertArm(Value::Object(std::move(entries)), ctx, "azure-arg-table");
  }
}

}  // namespace

int DetectAzureArg(const Probe& p) {
  if (p.first == nullptr || !p.first->is_object()) return 0;
  const Value& v = *p.first;
  if (IsTable(v)) return 90;
  if (const Value* d = v.Find("data"); d != nullptr && d->is_object() && IsTable(*d)) return 90;
  for (std::string_view key : {"data", "value"}) {
    const Value* arr = v.Find(key);
    if (arr != nullptr && arr->is_array()) {
      const Value* first = arr->At(0);
      if (first != nullptr && IsArmId(StrAny(*first, {"id"}))) return 90;
      if (arr->size() == 0 && (v.Find("totalRecords") != nullptr || v.Find("total_records") ||
                               v.Find("nextLink") != nullptr)) {
        return 60;
      }
    }
  }
  if (IsArmId(StrAny(v, {"id"}))) {
    return p.envelope_key == "data" || p.envelope_key == "value" ? 90 : 80;
  }
  return 0;
}

void ConvertAzureArg(const Value& rec, RecordContext& ctx) {
  if (!rec.is_object()) {
    ctx.Skip("azure_not_object", "record is not a JSON object");
    return;
  }
  if (IsTable(rec)) {
    ConvertTable(rec, ctx);
    return;
  }
  if (const Value* d = rec.Find("data")) {
    if (d->is_object() && IsTable(*d)) {
      ConvertTable(*d, ctx);
      return;
    }
    if (d->is_array()) {
      for (const Value& o : d->items()) ConvertArm(o, ctx, "azure-arg");
      return;
    }
  }
  if (const Value* v = rec.Find("value"); v != nullptr && v->is_array()) {
    for (const Value& o : v->items()) ConvertArm(o, ctx, "azure-arm");
    return;
  }
  // A row of `data` carries subscriptionId/resourceGroup from Resource Graph.
  bool arg = rec.Find("subscriptionId") != nullptr && rec.Find("tenantId") != nullptr;
  ConvertArm(rec, ctx, arg ? "azure-arg" : "azure-arm");
}

}  // namespace kumo::inventory
