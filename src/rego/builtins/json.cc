// JSON document builtins: json.filter, json.remove, json.patch (RFC 6902)
// and json.match_schema / json.verify_schema (the JSON Schema draft 4-7
// keywords policies use, with gojsonschema's error texts).
#include <algorithm>
#include <functional>

#include "json/json.h"
#include "rego/builtins/a_regex_cache.h"
#include "rego/builtins/a_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

using Path = std::vector<Value>;

// "a/b/c" (with ~1 and ~0 escapes) or an array of segments.
bool ParsePath(BuiltinContext* ctx, const Value& p, Path* out) {
  if (p.is_string()) {
    std::string_view s = p.as_string();
    if (s.empty()) return true;
    while (!s.empty() && s.front() == '/') s.remove_prefix(1);
    size_t start = 0;
    for (;;) {
      size_t slash = s.find('/', start);
      std::string part(s.substr(
          start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
      std::string un;
      for (size_t i = 0; i < part.size(); ++i) {
        if (part[i] == '~' && i + 1 < part.size() && (part[i + 1] == '1' || part[i + 1] == '0')) {
          un.push_back(part[i + 1] == '1' ? '/' : '~');
          ++i;
        } else {
          un.push_back(part[i]);
        }
      }
      out->push_back(Value::String(std::move(un)));
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
    return true;
  }
  if (p.is_array()) {
    auto items = p.items();
    out->assign(items.begin(), items.end());
    return true;
  }
  if (ctx) {
    a::OperandError(*ctx, 2,
                    "must be one of {set, array} containing string paths or array of path "
                    "segments but got " +
                        std::string(ValueKindName(p.kind())));
  }
  return false;
}

// A trie of paths: objects with null leaves (OPA's pathsToObject).
struct Trie {
  bool leaf = false;
  // Parallel lists (a vector of pairs would need Trie complete here).
  std::vector<Value> keys;
  std::vector<Trie> children;
  Trie* Child(const Value& k, bool create) {
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == k) return &children[i];
    }
    if (!create) return nullptr;
    keys.push_back(k);
    children.emplace_back();
    return &children.back();
  }
  const Trie* Get(const Value& k) const { return const_cast<Trie*>(this)->Child(k, false); }
};

bool BuildTrie(BuiltinContext& ctx, const Value& paths, Trie* root) {
  if (!paths.is_array() && !paths.is_set())
    return a::OperandTypeError(ctx, 2, paths, {"set", "array"});
  for (const Value& p : paths.items()) {
    Path path;
    if (!ParsePath(&ctx, p, &path)) return false;
    if (path.empty()) continue;
    Trie* node = root;
    bool done = false;
    for (size_t i = 0; i + 1 < path.size() && !done; ++i) {
      Trie* child = node->Child(path[i], false);
      if (child == nullptr) {
        node = node->Child(path[i], true);
        continue;
      }
      if (child->leaf) done = true;
      node = child;
    }
    if (!done) {
      Trie* leaf = node->Child(path.back(), true);
      leaf->leaf = true;
      leaf->keys.clear();
      leaf->children.clear();
    }
  }
  return true;
}

Value IndexKey(size_t i) { return Value::String(std::to_string(i)); }

Value Filter(const Value& v, const Trie& f) {
  if (f.leaf) return v;
  switch (v.kind()) {
    case ValueKind::kArray: {
      std::vector<Value> out;
      auto items = v.items();
      for (size_t i = 0; i < items.size(); ++i) {
        if (const Trie* sub = f.Get(IndexKey(i))) out.push_back(Filter(items[i], *sub));
      }
      return Value::Array(std::move(out));
    }
    case ValueKind::kSet: {
      std::vector<Value> out;
      for (const Value& m : v.items()) {
        if (const Trie* sub = f.Get(m)) out.push_back(Filter(m, *sub));
      }
      return Value::Set(std::move(out));
    }
    case ValueKind::kObject: {
      std::vector<ObjectEntry> out;
      for (const auto& [k, val] : v.entries()) {
        if (const Trie* sub = f.Get(k)) out.emplace_back(k, Filter(val, *sub));
      }
      return Value::Object(std::move(out));
    }
    default: return v;
  }
}

// Returns false when the value is removed entirely.
bool Remove(const Value& v, const Trie* f, Value* out) {
  if (f == nullptr) return *out = v, true;
  if (f->leaf) return false;
  switch (v.kind()) {
    case ValueKind::kObject: {
      std::vector<ObjectEntry> r;
      for (const auto& [k, val] : v.entries()) {
        Value nv;
        if (Remove(val, f->Get(k), &nv)) r.emplace_back(k, std::move(nv));
      }
      *out = Value::Object(std::move(r));
      return true;
    }
    case ValueKind::kSet: {
      std::vector<Value> r;
      for (const Value& m : v.items()) {
        Value nv;
        if (Remove(m, f->Get(m), &nv)) r.push_back(std::move(nv));
      }
      *out = Value::Set(std::move(r));
      return true;
    }
    case ValueKind::kArray: {
      std::vector<Value> r;
      auto items = v.items();
      for (size_t i = 0; i < items.size(); ++i) {
        Value nv;
        if (Remove(items[i], f->Get(IndexKey(i)), &nv)) r.push_back(std::move(nv));
      }
      *out = Value::Array(std::move(r));
      return true;
    }
    default: *out = v; return true;
  }
}

bool JsonFilter(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgObject(ctx, args[0], 1)) return false;
  Trie t;
  if (!BuildTrie(ctx, args[1], &t)) return false;
  *out = Filter(args[0], t);
  return true;
}

bool JsonRemove(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgObject(ctx, args[0], 1)) return false;
  Trie t;
  if (!BuildTrie(ctx, args[1], &t)) return false;
  return Remove(args[0], &t, out);
}

// --- json.patch --------------------------------------------------------------------

bool ArrayIndex(const Value& seg, size_t len, bool allow_end, size_t* idx) {
  if (seg.is_string()) {
    std::string_view s = seg.as_string();
    if (allow_end && s == "-") return *idx = len, true;
    if (s.empty() || s.size() > 18) return false;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
    }
    if (s.size() > 1 && s[0] == '0') return false;
    *idx = std::stoull(std::string(s));
  } else if (seg.is_number() && seg.node_identity() == nullptr && seg.as_int64() >= 0) {
    *idx = static_cast<size_t>(seg.as_int64());
  } else {
    return false;
  }
  return *idx < len || (allow_end && *idx == len);
}

enum class EditOp { kAdd, kRemove, kGet };

// Applies op at path[i..] inside doc; for kGet stores the value in *got.
bool Edit(const Value& doc, const Path& path, size_t i, EditOp op, const Value& value, Value* out,
          Value* got) {
  if (i == path.size()) {
    switch (op) {
      case EditOp::kAdd: *out = value; return true;
      case EditOp::kGet:
        *got = doc;
        *out = doc;
        return true;
      case EditOp::kRemove: return false;  // removing the root is not allowed
    }
  }
  const Value& seg = path[i];
  bool last = i + 1 == path.size();
  switch (doc.kind()) {
    case ValueKind::kObject: {
      const Value* child = doc.Find(seg);
      std::vector<ObjectEntry> es(doc.entries().begin(), doc.entries().end());
      if (last) {
        if (op == EditOp::kGet) {
          if (!child) return false;
          *got = *child;
          *out = doc;
          return true;
        }
        if (op == EditOp::kRemove) {
          if (!child) return false;
          es.erase(std::remove_if(es.begin(), es.end(),
                                  [&](const ObjectEntry& e) { return e.first == seg; }),
                   es.end());
        } else {
          es.emplace_back(seg, value);
        }
        *out = Value::Object(std::move(es));
        return true;
      }
      if (!child) return false;
      Value nc;
      if (!Edit(*child, path, i + 1, op, value, &nc, got)) return false;
      if (op == EditOp::kGet) return *out = doc, true;
      es.emplace_back(seg, nc);
      *out = Value::Object(std::move(es));
      return true;
    }
    case ValueKind::kArray: {
      auto items = doc.items();
      size_t idx;
      bool add_here = last && op == EditOp::kAdd;
      if (!ArrayIndex(seg, items.size(), add_here, &idx)) return false;
      std::vector<Value> v(items.begin(), items.end());
      if (last) {
        if (op == EditOp::kGet) return *got = v[idx], *out = doc, true;
        if (op == EditOp::kRemove) {
          v.erase(v.begin() + static_cast<ptrdiff_t>(idx));
        } else {
          v.insert(v.begin() + static_cast<ptrdiff_t>(idx), value);
        }
        *out = Value::Array(std::move(v));
        return true;
      }
      Value nc;
      if (!Edit(v[idx], path, i + 1, op, value, &nc, got)) return false;
      if (op == EditOp::kGet) return *out = doc, true;
      v[idx] = nc;
      *out = Value::Array(std::move(v));
      return true;
    }
    case ValueKind::kSet: {
      if (!last) {
        if (!doc.Contains(seg)) return false;
        Value nc;
        if (!Edit(seg, path, i + 1, op, value, &nc, got)) return false;
        if (op == EditOp::kGet) return *out = doc, true;
        std::vector<Value> v;
        for (const Value& m : doc.items()) v.push_back(m == seg ? nc : m);
        *out = Value::Set(std::move(v));
        return true;
      }
      std::vector<Value> v(doc.items().begin(), doc.items().end());
      if (op == EditOp::kGet) {
        if (!doc.Contains(seg)) return false;
        return *got = seg, *out = doc, true;
      }
      if (op == EditOp::kRemove) {
        if (!doc.Contains(seg)) return false;
        v.erase(std::remove(v.begin(), v.end(), seg), v.end());
      } else {
        // Adding to a set names the member itself as the last segment.
        if (seg != value) return false;
        v.push_back(value);
      }
      *out = Value::Set(std::move(v));
      return true;
    }
    default: return false;
  }
}

bool JsonPatch(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgArray(ctx, args[1], 2)) return false;
  Value doc = args[0];
  Value unused;
  for (const Value& op : args[1].items()) {
    if (!op.is_object()) return false;
    const Value* name = op.Find("op");
    const Value* pathv = op.Find("path");
    if (!name || !name->is_string() || !pathv) return false;
    std::string_view o = name->as_string();
    Path path;
    if (!ParsePath(nullptr, *pathv, &path)) return false;
    const Value* value = op.Find("value");
    Value next;
    if (o == "add") {
      if (!value || !Edit(doc, path, 0, EditOp::kAdd, *value, &next, &unused)) return false;
    } else if (o == "remove") {
      if (!Edit(doc, path, 0, EditOp::kRemove, Value(), &next, &unused)) return false;
    } else if (o == "replace") {
      Value tmp;
      if (!value || !Edit(doc, path, 0, EditOp::kRemove, Value(), &tmp, &unused)) {
        if (!(value && path.empty())) return false;
        tmp = doc;
      }
      if (!Edit(tmp, path, 0, EditOp::kAdd, *value, &next, &unused)) return false;
    } else if (o == "move" || o == "copy") {
      const Value* fromv = op.Find("from");
      Path from;
      if (!fromv || !ParsePath(nullptr, *fromv, &from)) return false;
      Value chunk, tmp;
      if (!Edit(doc, from, 0, EditOp::kGet, Value(), &tmp, &chunk)) return false;
      if (o == "move") {
        if (!Edit(doc, from, 0, EditOp::kRemove, Value(), &tmp, &unused)) return false;
      } else {
        tmp = doc;
      }
      if (!Edit(tmp, path, 0, EditOp::kAdd, chunk, &next, &unused)) return false;
    } else if (o == "test") {
      Value chunk, tmp;
      if (!value || !Edit(doc, path, 0, EditOp::kGet, Value(), &tmp, &chunk)) return false;
      if (chunk != *value) return false;
      next = doc;
    } else {
      return false;
    }
    doc = std::move(next);
  }
  *out = std::move(doc);
  return true;
}

// --- JSON Schema -------------------------------------------------------------------

constexpr std::string_view kValidTypes = "[array boolean integer number null object string]";

struct SchemaError {
  std::string field, type, desc;
};

bool ValidTypeName(std::string_view t) {
  return t == "array" || t == "boolean" || t == "integer" || t == "number" || t == "null" ||
         t == "object" || t == "string";
}

// Checks the schema's own well-formedness (the parts kumo interprets).
bool CheckSchema(const Value& s, std::string* err, int depth = 0) {
  if (depth > 64) return true;
  if (!s.is_object()) return true;
  if (const Value* t = s.Find("type")) {
    auto check = [&](const Value& tv) {
      if (!tv.is_string() || !ValidTypeName(tv.as_string())) {
        *err = "has a primitive type that is NOT VALID -- given: /" +
               std::string(tv.is_string() ? tv.as_string() : a::RegoTerm(tv)) +
               "/ Expected valid values are:" + std::string(kValidTypes);
        return false;
      }
      return true;
    };
    if (t->is_array()) {
      for (const Value& e : t->items()) {
        if (!check(e)) return false;
      }
    } else if (!check(*t)) {
      return false;
    }
  }
  for (const char* k : {"properties", "patternProperties", "definitions", "$defs"}) {
    if (const Value* p = s.Find(k); p && p->is_object()) {
      for (const auto& [_, sub] : p->entries()) {
        if (!CheckSchema(sub, err, depth + 1)) return false;
      }
    }
  }
  for (const char* k : {"items", "additionalProperties", "not", "additionalItems"}) {
    if (const Value* p = s.Find(k)) {
      if (p->is_array()) {
        for (const Value& sub : p->items()) {
          if (!CheckSchema(sub, err, depth + 1)) return false;
        }
      } else if (!CheckSchema(*p, err, depth + 1)) {
        return false;
      }
    }
  }
  for (const char* k : {"allOf", "anyOf", "oneOf"}) {
    if (const Value* p = s.Find(k); p && p->is_array()) {
      for (const Value& sub : p->items()) {
        if (!CheckSchema(sub, err, depth + 1)) return false;
      }
    }
  }
  return true;
}

std::string JsonTypeOf(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kNull: return "null";
    case ValueKind::kBool: return "boolean";
    case ValueKind::kNumber: return v.is_integral() ? "integer" : "number";
    case ValueKind::kString: return "string";
    case ValueKind::kArray:
    case ValueKind::kSet: return "array";
    case ValueKind::kObject: return "object";
  }
  return "null";
}

bool TypeMatches(const Value& v, std::string_view t) {
  std::string got = JsonTypeOf(v);
  if (t == got) return true;
  return t == "number" && got == "integer";
}

std::string NumText(const Value& n) { return n.number_text(); }

void Validate(const Value& v, const Value& s, const Value& root, const std::string& field,
              std::vector<SchemaError>* errs, int depth) {
  if (depth > 64 || !s.is_object()) {
    if (s.is_bool() && !s.as_bool())
      errs->push_back({field, "false", "False always fails validation"});
    return;
  }
  if (const Value* ref = s.Find("$ref"); ref && ref->is_string()) {
    std::string_view r = ref->as_string();
    if (r.starts_with("#")) {
      const Value* target = &root;
      Path path;
      ParsePath(nullptr, Value::String(r.substr(1)), &path);
      for (const Value& seg : path) {
        target = target->Find(seg);
        if (!target) break;
      }
      if (target) Validate(v, *target, root, field, errs, depth + 1);
    }
    return;
  }
  auto add = [&](std::string type, std::string desc) {
    errs->push_back({field, std::move(type), std::move(desc)});
  };
  if (const Value* t = s.Find("type")) {
    bool ok = false;
    std::string expected;
    if (t->is_array()) {
      for (const Value& e : t->items()) {
        ok = ok || (e.is_string() && TypeMatches(v, e.as_string()));
        if (!expected.empty()) expected += ",";
        expected += std::string(e.as_string());
      }
    } else if (t->is_string()) {
      ok = TypeMatches(v, t->as_string());
      expected = std::string(t->as_string());
    }
    if (!ok) {
      add("invalid_type", "Invalid type. Expected: " + expected + ", given: " + JsonTypeOf(v));
      return;
    }
  }
  if (const Value* e = s.Find("enum"); e && e->is_array()) {
    bool found = false;
    std::string list;
    for (const Value& c : e->items()) {
      found = found || c == v;
      if (!list.empty()) list += ", ";
      list += json::ToJson(c);
    }
    if (!found) add("enum", "must be one of the following: " + list);
  }
  if (const Value* c = s.Find("const"); c && *c != v) {
    add("const", "Does not match: " + json::ToJson(*c));
  }
  if (v.is_number()) {
    if (const Value* m = s.Find("minimum"); m && m->is_number() && Compare(v, *m) < 0) {
      add("number_gte", "Must be greater than or equal to " + NumText(*m));
    }
    if (const Value* m = s.Find("maximum"); m && m->is_number() && Compare(v, *m) > 0) {
      add("number_lte", "Must be less than or equal to " + NumText(*m));
    }
    if (const Value* m = s.Find("exclusiveMinimum"); m && m->is_number() && Compare(v, *m) <= 0) {
      add("number_gt", "Must be greater than " + NumText(*m));
    }
    if (const Value* m = s.Find("exclusiveMaximum"); m && m->is_number() && Compare(v, *m) >= 0) {
      add("number_lt", "Must be less than " + NumText(*m));
    }
  }
  if (v.is_string()) {
    auto len = static_cast<int64_t>(a::RuneCount(v.as_string()));
    if (const Value* m = s.Find("minLength"); m && m->is_number() && len < m->as_int64()) {
      add("string_gte", "String length must be greater than or equal to " + NumText(*m));
    }
    if (const Value* m = s.Find("maxLength"); m && m->is_number() && len > m->as_int64()) {
      add("string_lte", "String length must be less than or equal to " + NumText(*m));
    }
    if (const Value* p = s.Find("pattern"); p && p->is_string()) {
      std::string err;
      auto re = a::CompileRegex(p->as_string(), &err);
      if (re && !re2::RE2::PartialMatch(v.as_string(), *re)) {
        add("pattern", "Does not match pattern '" + std::string(p->as_string()) + "'");
      }
    }
  }
  if (v.is_array() || v.is_set()) {
    auto items = v.items();
    if (const Value* m = s.Find("minItems");
        m && m->is_number() && static_cast<int64_t>(items.size()) < m->as_int64()) {
      add("array_min_items", "Array must have at least " + NumText(*m) + " items");
    }
    if (const Value* m = s.Find("maxItems");
        m && m->is_number() && static_cast<int64_t>(items.size()) > m->as_int64()) {
      add("array_max_items", "Array must have at most " + NumText(*m) + " items");
    }
    if (const Value* it = s.Find("items")) {
      for (size_t i = 0; i < items.size(); ++i) {
        const Value* sub = it->is_array() ? it->At(i) : it;
        if (sub) Validate(items[i], *sub, root, field + "." + std::to_string(i), errs, depth + 1);
      }
    }
    if (const Value* u = s.Find("uniqueItems"); u && u->is_true()) {
      for (size_t i = 0; i < items.size(); ++i) {
        for (size_t j = i + 1; j < items.size(); ++j) {
          if (items[i] == items[j]) {
            add("unique",
                "array items[" + std::to_string(i) + "," + std::to_string(j) + "] must be unique");
          }
        }
      }
    }
  }
  if (v.is_object()) {
    auto child_field = [&](const Value& k) {
      std::string name = k.is_string() ? std::string(k.as_string()) : a::RegoTerm(k);
      return field == "(root)" ? name : field + "." + name;
    };
    if (const Value* req = s.Find("required"); req && req->is_array()) {
      for (const Value& r : req->items()) {
        if (r.is_string() && !v.Find(r))
          add("required", std::string(r.as_string()) + " is required");
      }
    }
    const Value* props = s.Find("properties");
    const Value* pprops = s.Find("patternProperties");
    const Value* addl = s.Find("additionalProperties");
    for (const auto& [k, val] : v.entries()) {
      bool matched = false;
      if (props && props->is_object()) {
        if (const Value* ps = props->Find(k)) {
          matched = true;
          Validate(val, *ps, root, child_field(k), errs, depth + 1);
        }
      }
      if (pprops && pprops->is_object() && k.is_string()) {
        for (const auto& [pat, ps] : pprops->entries()) {
          std::string err;
          auto re = a::CompileRegex(pat.as_string(), &err);
          if (re && re2::RE2::PartialMatch(k.as_string(), *re)) {
            matched = true;
            Validate(val, ps, root, child_field(k), errs, depth + 1);
          }
        }
      }
      if (!matched && addl) {
        if (addl->is_bool() && !addl->as_bool()) {
          std::string name = k.is_string() ? std::string(k.as_string()) : a::RegoTerm(k);
          add("additional_property_not_allowed", "Additional property " + name + " is not allowed");
        } else if (addl->is_object()) {
          Validate(val, *addl, root, child_field(k), errs, depth + 1);
        }
      }
    }
    if (const Value* m = s.Find("minProperties");
        m && m->is_number() && static_cast<int64_t>(v.size()) < m->as_int64()) {
      add("array_min_properties", "Must have at least " + NumText(*m) + " properties");
    }
    if (const Value* m = s.Find("maxProperties");
        m && m->is_number() && static_cast<int64_t>(v.size()) > m->as_int64()) {
      add("array_max_properties", "Must have at most " + NumText(*m) + " properties");
    }
  }
  if (const Value* all = s.Find("allOf"); all && all->is_array()) {
    for (const Value& sub : all->items()) Validate(v, sub, root, field, errs, depth + 1);
  }
  if (const Value* any = s.Find("anyOf"); any && any->is_array()) {
    bool ok = false;
    for (const Value& sub : any->items()) {
      std::vector<SchemaError> tmp;
      Validate(v, sub, root, field, &tmp, depth + 1);
      ok = ok || tmp.empty();
    }
    if (!ok) add("number_any_of", "Must validate at least one schema (anyOf)");
  }
  if (const Value* one = s.Find("oneOf"); one && one->is_array()) {
    int n = 0;
    for (const Value& sub : one->items()) {
      std::vector<SchemaError> tmp;
      Validate(v, sub, root, field, &tmp, depth + 1);
      n += tmp.empty() ? 1 : 0;
    }
    if (n != 1) add("number_one_of", "Must validate one and only one schema (oneOf)");
  }
  if (const Value* no = s.Find("not")) {
    std::vector<SchemaError> tmp;
    Validate(v, *no, root, field, &tmp, depth + 1);
    if (tmp.empty()) add("number_not", "Must not validate the schema (not)");
  }
}

// A schema or document operand: a JSON string or a value.
bool LoadOperand(BuiltinContext& ctx, const Value& v, int pos, Value* out) {
  if (v.is_string()) {
    auto r = json::ParseJson(v.as_string());
    if (!r.ok()) return ctx.BuiltinError(r.status().message());
    *out = std::move(r).value();
    return true;
  }
  if (!v.is_object() && !v.is_array() && !v.is_bool()) {
    return a::OperandTypeError(ctx, pos, v, {"string", "object"});
  }
  *out = v;
  return true;
}

bool MatchSchema(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  Value doc, schema;
  if (!LoadOperand(ctx, args[0], 1, &doc) || !LoadOperand(ctx, args[1], 2, &schema)) return false;
  std::string err;
  if (!CheckSchema(schema, &err)) return ctx.BuiltinError(std::move(err));
  std::vector<SchemaError> errs;
  Validate(doc, schema, schema, "(root)", &errs, 0);
  std::vector<Value> list;
  for (const auto& e : errs) {
    list.push_back(Value::Object({{Value::String("desc"), Value::String(e.desc)},
                                  {Value::String("error"), Value::String(e.field + ": " + e.desc)},
                                  {Value::String("field"), Value::String(e.field)},
                                  {Value::String("type"), Value::String(e.type)}}));
  }
  *out = Value::Array({Value::Bool(errs.empty()), Value::Array(std::move(list))});
  return true;
}

bool VerifySchema(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  Value schema;
  if (args[0].is_string()) {
    auto r = json::ParseJson(args[0].as_string());
    if (!r.ok()) {
      *out =
          Value::Array({Value::Bool(false), Value::String("jsonschema: " + r.status().message())});
      return true;
    }
    schema = std::move(r).value();
  } else if (!LoadOperand(ctx, args[0], 1, &schema)) {
    return false;
  }
  std::string err;
  if (!CheckSchema(schema, &err)) {
    *out = Value::Array({Value::Bool(false), Value::String("jsonschema: " + err)});
    return true;
  }
  *out = Value::Array({Value::Bool(true), Value::Null()});
  return true;
}

}  // namespace

void RegisterJsonBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "json.filter",
         .decl = "(object[any: any], any<array[any<string, array[any]>], set[any<string, "
                 "array[any]>]>) => any",
         .arity = 2,
         .fn = JsonFilter});
  r.Add({.name = "json.remove",
         .decl = "(object[any: any], any<array[any<string, array[any]>], set[any<string, "
                 "array[any]>]>) => any",
         .arity = 2,
         .fn = JsonRemove});
  r.Add({.name = "json.patch",
         .decl = "(any, array[object[string: any]]) => any",
         .arity = 2,
         .fn = JsonPatch});
  r.Add({.name = "json.match_schema",
         .decl = "(any<string, object[any: any]>, any<string, object[any: any]>) => "
                 "array<boolean, array[object[string: any]]>",
         .arity = 2,
         .fn = MatchSchema});
  r.Add({.name = "json.verify_schema",
         .decl = "(any<string, object[any: any]>) => array<boolean, any<null, string>>",
         .arity = 1,
         .fn = VerifySchema});
}

}  // namespace kumo::rego
