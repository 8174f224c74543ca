// Public API glue (rego.h): prepared queries, errors, term parsing, and the
// text forms of values used across the engine.
#include "rego/rego.h"

#include "json/json.h"

#include <cstdio>

#include "rego/builtins/a_util.h"
#include "rego/parser.h"
#include "rego/program.h"

namespace kumo::rego {

std::string RegoError::ToString() const {
  std::string s;
  if (!file.empty()) {
    s += file;
    if (row > 0) s += ":" + std::to_string(row);
    if (col > 0) s += ":" + std::to_string(col);
    s += ": ";
  }
  s += code + ": " + message;
  return s;
}

std::string RegoErrors::ToString() const {
  std::string s;
  for (size_t i = 0; i < errors.size(); ++i) {
    if (i) s += "\n";
    s += errors[i].ToString();
  }
  return s;
}

namespace {

class PreparedQueryImpl : public PreparedQuery {
 public:
  PreparedQueryImpl(std::shared_ptr<QueryPlan> plan, std::shared_ptr<const Program> keep)
      : plan_(std::move(plan)), keep_(std::move(keep)) {}
  RegoResult<std::vector<ResultRow>> Eval(const Value& input,
                                          const EvalOptions& opts) const override {
    if (input.is_null() && !input_null_) return EvalPlanNoInput(*plan_, opts);
    return EvalPlan(*plan_, input, opts);
  }
  bool input_null_ = false;

 private:
  std::shared_ptr<QueryPlan> plan_;
  std::shared_ptr<const Program> keep_;
};

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (c < 0x20) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\u%04x", c);
          out->append(buf);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

bool TermToValue(const Term& t, Value* out) {
  switch (t.kind) {
    case TermKind::kScalar: *out = t.value; return true;
    case TermKind::kArray:
    case TermKind::kSet: {
      std::vector<Value> items;
      for (auto& i : t.items) {
        Value v;
        if (!TermToValue(*i, &v)) return false;
        items.push_back(std::move(v));
      }
      *out = t.kind == TermKind::kArray ? Value::Array(std::move(items))
                                        : Value::Set(std::move(items));
      return true;
    }
    case TermKind::kObject: {
      std::vector<ObjectEntry> es;
      for (size_t i = 0; i + 1 < t.items.size(); i += 2) {
        Value k, v;
        if (!TermToValue(*t.items[i], &k) || !TermToValue(*t.items[i + 1], &v)) return false;
        es.emplace_back(std::move(k), std::move(v));
      }
      *out = Value::Object(std::move(es));
      return true;
    }
    default: return false;
  }
}

}  // namespace

std::string FormatValue(const Value& v) {
  // Rego term syntax with JSON-quoted strings (print, template strings, errors).
  std::string s;
  a::AppendRegoTerm(v, &s, AppendJsonString);
  return s;
}

// The shared JSON writer already prints sets as arrays and non-string keys
// as their JSON text, as OPA does.
std::string ValueToJson(const Value& v, bool pretty) {
  json::WriteOptions opts;
  opts.pretty = pretty;
  return json::ToJson(v, opts);
}

Value ToJsonCompatible(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kArray:
    case ValueKind::kSet: {
      std::vector<Value> items;
      items.reserve(v.size());
      for (const auto& i : v.items()) items.push_back(ToJsonCompatible(i));
      return Value::Array(std::move(items));
    }
    case ValueKind::kObject: {
      std::vector<ObjectEntry> es;
      es.reserve(v.size());
      for (const auto& [k, val] : v.entries()) {
        Value key = k.is_string() ? k : Value::String(ValueToJson(k));
        es.emplace_back(std::move(key), ToJsonCompatible(val));
      }
      return Value::Object(std::move(es));
    }
    default: return v;
  }
}

RegoResult<std::shared_ptr<const PreparedQuery>> ProgramImpl::Prepare(
    std::string_view query) const {
  RegoResult<std::shared_ptr<const PreparedQuery>> res;
  auto plan = CompileQuery(*this, query);
  if (!plan.ok()) {
    res.errors = plan.errors;
    return res;
  }
  // The prepared query keeps the program alive through the plan's pointer;
  // callers hold the Program (shared_ptr) for as long as they use queries.
  res.value = std::make_shared<PreparedQueryImpl>(*plan.value, shared_from_this());
  return res;
}

RegoResult<Value> ParseTerm(std::string_view text) {
  RegoResult<Value> res;
  static const std::string kFile = "term";
  auto t = ParseSingleTerm(text, &kFile);
  if (!t.ok()) {
    res.errors = t.errors;
    return res;
  }
  Value v;
  if (!TermToValue(**t.value, &v)) {
    RegoError e;
    e.code = "rego_parse_error";
    e.message = "term is not a constant value";
    res.errors.errors.push_back(e);
    return res;
  }
  res.value = std::move(v);
  return res;
}

}  // namespace kumo::rego
