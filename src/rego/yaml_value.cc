#include "rego/yaml_value.h"

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace kumo::rego {
namespace {

Value ResolveScalar(const YAML::Node& n) {
  const std::string& s = n.Scalar();
  if (n.Tag() == "!" || n.Tag() == "tag:yaml.org,2002:str") return Value::String(s);
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return Value::Null();
  if (s == "true" || s == "True" || s == "TRUE" || s == "yes" || s == "Yes" || s == "YES" ||
      s == "on" || s == "On" || s == "ON")
    return Value::Bool(true);
  if (s == "false" || s == "False" || s == "FALSE" || s == "no" || s == "No" || s == "NO" ||
      s == "off" || s == "Off" || s == "OFF")
    return Value::Bool(false);
  std::string t = s;
  if (!t.empty() && t[0] == '+') t.erase(0, 1);
  if (IsValidNumberText(t)) return Value::Number(t);
  // YAML 1.1 allows "1." and ".5" style floats.
  if (t.size() > 1 && t.back() == '.' && IsValidNumberText(t.substr(0, t.size() - 1)))
    return Value::Number(t.substr(0, t.size() - 1));
  if (t.size() > 1 && t[0] == '.' && IsValidNumberText("0" + t)) return Value::Number("0" + t);
  if (t.size() > 2 && t[0] == '-' && t[1] == '.' && IsValidNumberText("-0" + t.substr(1)))
    return Value::Number("-0" + t.substr(1));
  return Value::String(s);
}

}  // namespace

Value YamlNodeToValue(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return Value::Null();
    case YAML::NodeType::Scalar: return ResolveScalar(n);
    case YAML::NodeType::Sequence: {
      std::vector<Value> items;
      items.reserve(n.size());
      for (const auto& c : n) items.push_back(YamlNodeToValue(c));
      return Value::Array(std::move(items));
    }
    case YAML::NodeType::Map: {
      std::vector<ObjectEntry> entries;
      for (const auto& kv : n) {
        Value k =
            kv.first.IsScalar() ? Value::String(kv.first.Scalar()) : YamlNodeToValue(kv.first);
        entries.emplace_back(std::move(k), YamlNodeToValue(kv.second));
      }
      return Value::Object(std::move(entries));
    }
  }
  return Value::Null();
}

bool ParseYamlText(std::string_view text, Value* out, std::string* error) {
  try {
    YAML::Node n = YAML::Load(std::string(text));
    *out = YamlNodeToValue(n);
    return true;
  } catch (const std::exception& e) {
    *error = e.what();
    return false;
  }
}

}  // namespace kumo::rego
