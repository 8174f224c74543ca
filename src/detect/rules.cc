#include "detect/rules.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>

namespace kumo::detect {

namespace {

struct Loc {
  std::string file;
  uint32_t line = 0;
};

struct ListItem {
  std::string name;
  std::vector<std::string> items;
  Loc loc;
  bool used = false;
};

struct MacroItem {
  std::string name;
  std::string condition;
  Loc loc;
  bool used = false;
  std::unique_ptr<Expr> ast;
};

// One element of an exception value tuple: a scalar or a list of scalars.
struct ExcValue {
  bool is_list = false;
  std::string scalar;
  std::vector<std::string> items;
};

struct Exception {
  std::string name;
  bool has_fields = false, fields_is_list = false;
  std::vector<std::string> fields;
  bool has_comps = false, comps_is_list = false;
  std::vector<std::string> comps;
  bool has_values = false;
  std::vector<std::vector<ExcValue>> values;  // form B tuples; form A: tuples of one
};

struct RuleItem {
  std::string name, condition, output, desc;
  Priority priority = Priority::kDebug;
  std::string source = "syscall";
  bool source_set = false;
  bool enabled = true;
  std::set<std::string> tags;
  std::vector<Exception> exceptions;
  bool capture = false;
  int64_t capture_duration = 0;
  bool warn_evttypes = true;
  bool skip_unknown = false;
  Loc loc;
};

struct SemVer {
  uint64_t major = 0, minor = 0, patch = 0;
};

bool ParseSemver(std::string_view s, SemVer* v) {
  uint64_t parts[3] = {0, 0, 0};
  int idx = 0;
  bool digit = false;
  size_t i = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      parts[idx] = parts[idx] * 10 + static_cast<uint64_t>(c - '0');
      digit = true;
      if (parts[idx] > 1000000000ULL) return false;
    } else if (c == '.' && digit && idx < 2) {
      ++idx;
      digit = false;
    } else if ((c == '-' || c == '+') && digit && idx == 2) {
      break;  // pre-release / build metadata: ignored for ordering
    } else {
      return false;
    }
  }
  if (!digit || idx != 2) return false;
  *v = SemVer{parts[0], parts[1], parts[2]};
  return true;
}

bool IsListNameValid(std::string_view n) {
  if (n.empty()) return false;
  for (char c : n) {
    if (c == '(' || c == ')' || c == '"' || c == '\'' || c == '=' || c == ',' || c == ' ' ||
        c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
  }
  return true;
}

bool IsMacroNameValid(std::string_view n) {
  if (n.empty() || !std::isalpha(static_cast<unsigned char>(n[0]))) return false;
  for (char c : n) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// Thrown inside the collector only, to stop a file at its first error;
// never crosses the public API.
struct StopFile {};

}  // namespace

struct RulesLoader::State {
  std::vector<ListItem> lists;
  std::vector<MacroItem> macros;
  std::vector<RuleItem> rules;
  std::unordered_map<std::string, size_t> list_index, macro_index, rule_index;
};

bool SemverCompatible(std::string_view have, std::string_view required) {
  SemVer h, r;
  if (!ParseSemver(have, &h) || !ParseSemver(required, &r)) return false;
  if (h.major != r.major) return false;
  if (h.minor != r.minor) return h.minor > r.minor;
  return h.patch >= r.patch;
}

namespace {

// yaml-cpp 0.7 loops forever in YAML::LoadAll when a document starts with a
// token its parser does not consume (a ',' outside a flow collection, as
// in ",x" or "- a\n,"): every call yields another empty document at the
// same position. Walks the documents with a do-nothing event handler and
// reports the position where one does not advance, before LoadAll runs.
class DocumentProgress : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
  YAML::Mark start;
};

// False (with the position) when a document does not advance the parser.
bool DocumentsAdvance(const std::string& text, YAML::Mark* stuck) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentProgress h;
  int last = -1;
  while (parser.HandleNextDocument(h)) {
    if (h.start.pos <= last) {
      *stuck = h.start;
      return false;
    }
    last = h.start.pos;
  }
  return true;
}

class Collector {
 public:
  Collector(RulesLoader::State* st, Diagnostics* diags, std::string file)
      : st_(st), diags_(diags), file_(std::move(file)) {}

  void Run(std::string_view text) {
    std::vector<YAML::Node> docs;
    try {
      const std::string copy(text);
      YAML::Mark stuck;
      if (!DocumentsAdvance(copy, &stuck)) {
        SourceLocation where{file_, static_cast<uint32_t>(stuck.line + 1),
                             static_cast<uint32_t>(stuck.column + 1), 0, ""};
        diags_->Error("LOAD_ERR_YAML_PARSE", "unexpected ',' outside a flow collection", where);
        return;
      }
      docs = YAML::LoadAll(copy);
    } catch (const YAML::ParserException& e) {
      SourceLocation where{file_, static_cast<uint32_t>(e.mark.line + 1),
                           static_cast<uint32_t>(e.mark.column + 1), 0, ""};
      diags_->Error("LOAD_ERR_YAML_PARSE", e.msg, where);
      return;
    } catch (const std::exception& e) {
      diags_->Error("LOAD_ERR_YAML_PARSE", e.what(), SourceLocation{file_});
      return;
    }
    try {
      for (const YAML::Node& doc : docs) {
        if (!doc || doc.IsNull()) continue;
        if (!doc.IsSequence()) {
          Error(doc, "LOAD_ERR_YAML_VALIDATE", "Rules content is not yaml array of objects", "");
        }
        for (const YAML::Node& item : doc) {
          if (!item || item.IsNull()) continue;
          if (!item.IsMap()) {
            Error(item, "LOAD_ERR_YAML_VALIDATE",
                  "Unexpected element type. Each element should be a yaml associative array.", "");
          }
          Item(item);
        }
      }
    } catch (const StopFile&) {
      // The file's first error was reported; the rest of it is skipped.
    } catch (const YAML::Exception& e) {
      diags_->Error("LOAD_ERR_YAML_VALIDATE", e.what(), SourceLocation{file_});
    }
  }

 private:
  SourceLocation Where(const YAML::Node& n, const std::string& item) const {
    SourceLocation w;
    w.file = file_;
    if (n) {
      w.line = static_cast<uint32_t>(n.Mark().line + 1);
      w.column = static_cast<uint32_t>(n.Mark().column + 1);
    }
    w.item = item;
    return w;
  }

  [[noreturn]] void Error(const YAML::Node& n, const char* code, std::string msg,
                          const std::string& item) {
    diags_->Error(code, std::move(msg), Where(n, item));
    throw StopFile{};
  }
  void Warn(const YAML::Node& n, const char* code, std::string msg, const std::string& item) {
    diags_->Warning(code, std::move(msg), Where(n, item));
  }

  std::string Scalar(const YAML::Node& item, const char* key, const std::string& what) {
    YAML::Node v = item[key];
    if (!v || v.IsNull())
      Error(item, "LOAD_ERR_YAML_VALIDATE",
            std::string("Item has no mapping for key '") + key + "'", what);
    if (!v.IsScalar())
      Error(v, "LOAD_ERR_YAML_VALIDATE",
            std::string("Value for key '") + key + "' must be a scalar", what);
    return v.Scalar();
  }

  bool Bool(const YAML::Node& item, const char* key, const std::string& what) {
    YAML::Node v = item[key];
    bool b = false;
    if (!v.IsScalar() || !YAML::convert<bool>::decode(v, b)) {
      Error(v, "LOAD_ERR_YAML_VALIDATE",
            std::string("Can't decode YAML boolean value for key '") + key + "'", what);
    }
    return b;
  }

  void CheckKeys(const YAML::Node& item, std::initializer_list<std::string_view> allowed,
                 const std::string& what) {
    for (const auto& kv : item) {
      std::string k = kv.first.as<std::string>("");
      if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
        Warn(kv.first, "LOAD_UNKNOWN_KEY", "Unknown key '" + k + "'", what);
      }
    }
  }

  void Item(const YAML::Node& item) {
    if (item["required_engine_version"]) return EngineVersion(item);
    if (item["required_plugin_versions"]) return PluginVersions(item);
    if (item["list"]) return List(item);
    if (item["macro"]) return Macro(item);
    if (item["rule"]) return Rule(item);
    Warn(item, "LOAD_UNKNOWN_ITEM", "Unknown top level item", "");
  }

  void EngineVersion(const YAML::Node& item) {
    YAML::Node v = item["required_engine_version"];
    std::string text = v.IsScalar() ? v.Scalar() : "";
    std::string required;
    SemVer sv;
    bool digits = !text.empty() && std::all_of(text.begin(), text.end(), ::isdigit);
    if (digits) {
      required = "0." + text + ".0";  // legacy engine numbering
    } else if (ParseSemver(text, &sv)) {
      required = text;
    } else {
      Error(v, "LOAD_ERR_VALIDATE",
            "Unable to parse engine version '" + text +
                "' as a semver string. Expected \"x.y.z\" "
                "semver format.",
            "required_engine_version");
    }
    if (!SemverCompatible(kEngineVersion, required)) {
      Error(v, "LOAD_ERR_VALIDATE",
            "Rules require engine version " + required + ", but engine version is " +
                std::string(kEngineVersion),
            "required_engine_version");
    }
  }

  void PluginVersions(const YAML::Node& item) {
    YAML::Node seq = item["required_plugin_versions"];
    if (!seq.IsSequence()) {
      Error(seq, "LOAD_ERR_YAML_VALIDATE", "Value of required_plugin_versions must be a sequence",
            "required_plugin_versions");
    }
    for (const YAML::Node& req : seq) {
      if (!req.IsMap()) {
        Error(req, "LOAD_ERR_YAML_VALIDATE", "Each required plugin version must be a mapping",
              "required_plugin_versions");
      }
      std::vector<std::pair<std::string, std::string>> alts;
      std::string name = Scalar(req, "name", "required_plugin_versions");
      std::string version = Scalar(req, "version", name);
      alts.emplace_back(name, version);
      if (YAML::Node a = req["alternatives"]) {
        if (!a.IsSequence()) {
          Error(a, "LOAD_ERR_YAML_VALIDATE", "Value of alternatives must be a sequence", name);
        }
        for (const YAML::Node& alt : a) {
          std::string an = Scalar(alt, "name", name);
          alts.emplace_back(an, Scalar(alt, "version", an));
        }
      }
      std::set<std::string> seen;
      bool satisfied = false;
      for (const auto& [n, ver] : alts) {
        SemVer sv;
        if (!ParseSemver(ver, &sv)) {
          Error(req, "LOAD_ERR_VALIDATE",
                "Unable to parse plugin version '" + ver + "' as a semver string", n);
        }
        if (!seen.insert(n).second) {
          Error(req, "LOAD_ERR_VALIDATE",
                "Defined multiple alternative version requirements for plugin '" + n + "'", n);
        }
        for (const PluginVersion& pv : kPluginVersions) {
          if (pv.name == n && SemverCompatible(pv.version, ver)) satisfied = true;
        }
      }
      if (!satisfied) {
        std::string have;
        for (const PluginVersion& pv : kPluginVersions) {
          if (pv.name == name) have = std::string(pv.version);
        }
        Error(req, "LOAD_ERR_VALIDATE",
              have.empty()
                  ? "Plugin '" + name + "' required by this rules file is not provided by kumo"
                  : "Plugin '" + name + "' version " + have +
                        " is not compatible with required plugin version " + version,
              name);
      }
    }
  }

  // `override:` map for an item; validates operation words.
  std::map<std::string, std::string> Overrides(const YAML::Node& item, const std::string& what) {
    std::map<std::string, std::string> ov;
    YAML::Node o = item["override"];
    if (!o) return ov;
    if (!o.IsMap()) Error(o, "LOAD_ERR_YAML_VALIDATE", "Value of 'override' must be a map", what);
    for (const auto& kv : o) {
      std::string k = kv.first.as<std::string>("");
      std::string op = kv.second.IsScalar() ? kv.second.Scalar() : "";
      if (op != "append" && op != "replace") {
        Error(kv.second, "LOAD_ERR_YAML_VALIDATE",
              "Key '" + k + "' has an invalid override value '" + op +
                  "'. Allowed values are 'append' and 'replace'",
              what);
      }
      ov[k] = op;
    }
    return ov;
  }

  std::vector<std::string> Items(const YAML::Node& item, const std::string& name) {
    YAML::Node v = item["items"];
    if (!v) Error(item, "LOAD_ERR_YAML_VALIDATE", "Item has no mapping for key 'items'", name);
    std::vector<std::string> out;
    if (v.IsNull()) return out;
    if (!v.IsSequence()) {
      Error(v, "LOAD_ERR_YAML_VALIDATE", "Value of 'items' must be a sequence", name);
    }
    for (const YAML::Node& i : v) {
      if (!i.IsScalar()) {
        Error(i, "LOAD_ERR_YAML_VALIDATE", "List items must be strings or numbers", name);
      }
      out.push_back(i.Scalar());
    }
    return out;
  }

  void List(const YAML::Node& item) {
    std::string name = Scalar(item, "list", "");
    CheckKeys(item, {"list", "items", "append", "override"}, name);
    if (!IsListNameValid(name)) {
      Warn(item, "LOAD_INVALID_LIST_NAME",
           "List has an invalid name. List names should match a regular expression: "
           "[^()\"'\\s=,]+",
           name);
    }
    bool append = item["append"] ? Bool(item, "append", name) : false;
    auto ov = Overrides(item, name);
    if (append && !ov.empty()) {
      Error(item, "LOAD_ERR_YAML_VALIDATE",
            "Keys 'override' and 'append: true' cannot be used together.", name);
    }
    for (const auto& [k, op] : ov) {
      if (k != "items") {
        Error(item, "LOAD_ERR_YAML_VALIDATE",
              "Key '" + k + "' cannot be overridden in a list (only 'items')", name);
      }
    }
    std::vector<std::string> items = Items(item, name);
    auto it = st_->list_index.find(name);
    bool has_override = !ov.empty();
    if (append || has_override) {
      if (it == st_->list_index.end()) {
        Error(item, "LOAD_ERR_VALIDATE",
              "List has 'append' key or an 'override' key but no list by that name already exists",
              name);
      }
      ListItem& prev = st_->lists[it->second];
      if (append || ov["items"] == "append") {
        prev.items.insert(prev.items.end(), items.begin(), items.end());
      } else {
        prev.items = std::move(items);
      }
      return;
    }
    ListItem l{name, std::move(items), Loc{file_, static_cast<uint32_t>(item.Mark().line + 1)}};
    if (it != st_->list_index.end()) {
      st_->lists[it->second] = std::move(l);  // redefinition replaces in place
    } else {
      st_->list_index[name] = st_->lists.size();
      st_->lists.push_back(std::move(l));
    }
  }

  void Macro(const YAML::Node& item) {
    std::string name = Scalar(item, "macro", "");
    CheckKeys(item, {"macro", "condition", "append", "override"}, name);
    if (!IsMacroNameValid(name)) {
      Warn(item, "LOAD_INVALID_MACRO_NAME",
           "Macro has an invalid name. Macro names should match a regular expression: "
           "[a-zA-Z]+[a-zA-Z0-9_]*",
           name);
    }
    bool append = item["append"] ? Bool(item, "append", name) : false;
    auto ov = Overrides(item, name);
    if (append && !ov.empty()) {
      Error(item, "LOAD_ERR_YAML_VALIDATE",
            "Keys 'override' and 'append: true' cannot be used together.", name);
    }
    for (const auto& [k, op] : ov) {
      if (k != "condition") {
        Error(item, "LOAD_ERR_YAML_VALIDATE",
              "Key '" + k + "' cannot be overridden in a macro (only 'condition')", name);
      }
    }
    std::string cond = Scalar(item, "condition", name);
    auto it = st_->macro_index.find(name);
    if (append || !ov.empty()) {
      if (it == st_->macro_index.end()) {
        Error(item, "LOAD_ERR_VALIDATE",
              "Macro has 'append' key or an 'override' key but no macro by that name already "
              "exists",
              name);
      }
      MacroItem& prev = st_->macros[it->second];
      if (append || ov["condition"] == "append") {
        prev.condition += " " + cond;
      } else {
        prev.condition = cond;
      }
      return;
    }
    MacroItem m;
    m.name = name;
    m.condition = cond;
    m.loc = Loc{file_, static_cast<uint32_t>(item.Mark().line + 1)};
    if (it != st_->macro_index.end()) {
      st_->macros[it->second] = std::move(m);
    } else {
      st_->macro_index[name] = st_->macros.size();
      st_->macros.push_back(std::move(m));
    }
  }

  ExcValue ParseExcValue(const YAML::Node& n, const std::string& what) {
    ExcValue v;
    if (n.IsSequence()) {
      v.is_list = true;
      for (const YAML::Node& i : n) {
        if (!i.IsScalar())
          Error(i, "LOAD_ERR_YAML_VALIDATE", "Exception values must be scalars", what);
        v.items.push_back(i.Scalar());
      }
    } else if (n.IsScalar()) {
      v.scalar = n.Scalar();
    } else {
      Error(n, "LOAD_ERR_YAML_VALIDATE", "Exception values must be scalars or lists", what);
    }
    return v;
  }

  // `append`: the exceptions are appended to an earlier rule's (Falco then
  // warns about an item without values).
  std::vector<Exception> Exceptions(const YAML::Node& item, const std::string& rule,
                                    bool append = false) {
    std::vector<Exception> out;
    YAML::Node seq = item["exceptions"];
    if (!seq || seq.IsNull()) return out;
    if (!seq.IsSequence()) {
      Error(seq, "LOAD_ERR_YAML_VALIDATE", "Rule exceptions must be a sequence", rule);
    }
    std::set<std::string> names;
    for (const YAML::Node& e : seq) {
      if (!e.IsMap()) Error(e, "LOAD_ERR_YAML_VALIDATE", "Rule exception must be a mapping", rule);
      CheckKeys(e, {"name", "fields", "comps", "values"}, rule);
      Exception x;
      x.name = Scalar(e, "name", rule);
      if (!names.insert(x.name).second) {
        Warn(e, "LOAD_EXCEPTION_NAME_NOT_UNIQUE",
             "Multiple definitions of exception '" + x.name + "' in the same rule", rule);
      }
      if (YAML::Node f = e["fields"]) {
        x.has_fields = true;
        if (f.IsSequence()) {
          x.fields_is_list = true;
          for (const YAML::Node& i : f) x.fields.push_back(Trim(i.as<std::string>("")));
        } else if (f.IsScalar()) {
          x.fields.push_back(Trim(f.Scalar()));
        } else {
          Error(f, "LOAD_ERR_YAML_VALIDATE", "Exception fields must be a string or a list", rule);
        }
      }
      if (YAML::Node c = e["comps"]) {
        x.has_comps = true;
        if (c.IsSequence()) {
          x.comps_is_list = true;
          for (const YAML::Node& i : c) x.comps.push_back(Trim(i.as<std::string>("")));
        } else if (c.IsScalar()) {
          x.comps.push_back(Trim(c.Scalar()));
        } else {
          Error(c, "LOAD_ERR_YAML_VALIDATE", "Exception comps must be a string or a list", rule);
        }
      }
      if (YAML::Node v = e["values"]) {
        x.has_values = true;
        if (!v.IsNull()) {
          if (!v.IsSequence()) {
            Error(v, "LOAD_ERR_YAML_VALIDATE", "Exception values must be a sequence", rule);
          }
          for (const YAML::Node& t : v) {
            std::vector<ExcValue> tuple;
            if (x.fields_is_list || !x.has_fields) {
              if (t.IsSequence()) {
                for (const YAML::Node& el : t) tuple.push_back(ParseExcValue(el, rule));
              } else {
                tuple.push_back(ParseExcValue(t, rule));
              }
            } else {
              tuple.push_back(ParseExcValue(t, rule));
            }
            x.values.push_back(std::move(tuple));
          }
        }
      } else if (append) {
        Warn(e, "LOAD_APPEND_NO_VALUES", "Overriding/appending exception with no values", rule);
      }
      out.push_back(std::move(x));
    }
    return out;
  }

  // Falco's checks on a complete exception (fields, comps, values).
  void ValidateException(const YAML::Node& item, Exception* x, const RuleItem& r, bool known_src,
                         Source src) {
    const std::string& rule = r.name;
    if (!x->has_fields) {
      Error(item, "LOAD_ERR_YAML_VALIDATE",
            "Rule exception item " + x->name + ": must have property fields", rule);
    }
    if (x->fields_is_list) {
      if (!x->has_comps) {
        x->comps.assign(x->fields.size(), "=");
      } else if (!x->comps_is_list) {
        Error(item, "LOAD_ERR_YAML_VALIDATE",
              "Rule exception item " + x->name + ": fields and comps must both be lists", rule);
      }
      if (x->comps.size() != x->fields.size()) {
        Error(item, "LOAD_ERR_VALIDATE",
              "Rule exception item " + x->name + ": fields and comps lists must have equal length",
              rule);
      }
      for (const auto& t : x->values) {
        if (t.size() != x->fields.size()) {
          Error(item, "LOAD_ERR_VALIDATE",
                "Exception item " + x->name + ": fields and values lists must have equal length",
                rule);
        }
      }
    } else {
      if (!x->has_comps) {
        x->comps = {"in"};
      } else if (x->comps_is_list) {
        Error(item, "LOAD_ERR_YAML_VALIDATE",
              "Rule exception item " + x->name + ": fields and comps must both be strings", rule);
      }
      const std::string& c = x->comps[0];
      if (!IsListOperator(c) && c.find(' ') == std::string::npos) {
        Error(item, "LOAD_ERR_VALIDATE",
              "Rule exception item " + x->name + ": comparison operator " + c +
                  " is not allowed for a single field (use in, pmatch, intersects or a modifier)",
              rule);
      }
    }
    for (const std::string& c : x->comps) {
      std::istringstream ss(c);
      std::string op, mod, extra;
      ss >> op >> mod >> extra;
      if (!IsKnownOperator(op) || (!mod.empty() && !IsModifier(mod)) || !extra.empty()) {
        Error(item, "LOAD_ERR_VALIDATE",
              "Rule exception item " + x->name + ": comparison operator " + c +
                  " is not a supported comparison operator",
              rule);
      }
    }
    if (!known_src) return;
    for (const std::string& f : x->fields) {
      ValueExpr v;
      size_t consumed = 0;
      bool ok = ParseValuePrefix(f, &v, &consumed) && consumed == f.size();
      if (ok && v.kind == ValueExpr::Kind::kField) ok = FindField(src, v.name) != nullptr;
      if (!ok) {
        Error(item, "LOAD_ERR_VALIDATE",
              "Rule exception item " + x->name + ": field name " + f +
                  " is not a supported filter field",
              rule);
      }
    }
  }

  void MergeExceptions(const YAML::Node& item, RuleItem* r, std::vector<Exception> add,
                       bool known_src, Source src) {
    for (Exception& x : add) {
      auto it = std::find_if(r->exceptions.begin(), r->exceptions.end(),
                             [&](const Exception& e) { return e.name == x.name; });
      if (it != r->exceptions.end()) {
        if (x.has_fields || x.has_comps) {
          Error(item, "LOAD_ERR_VALIDATE",
                "Can not append exception fields or comps to existing exception '" + x.name +
                    "', only values",
                r->name);
        }
        for (auto& t : x.values) {
          if (t.size() != it->fields.size()) {
            Error(item, "LOAD_ERR_VALIDATE",
                  "Exception item " + x.name + ": fields and values lists must have equal length",
                  r->name);
          }
          it->values.push_back(std::move(t));
        }
        continue;
      }
      if (!x.has_fields || !x.has_values) {
        Error(item, "LOAD_ERR_VALIDATE",
              "Rule exception new item " + x.name +
                  ": must have fields property with a list of values",
              r->name);
      }
      ValidateException(item, &x, *r, known_src, src);
      r->exceptions.push_back(std::move(x));
    }
  }

  std::set<std::string> Tags(const YAML::Node& item, const std::string& rule) {
    std::set<std::string> tags;
    YAML::Node t = item["tags"];
    if (!t || t.IsNull()) return tags;
    if (!t.IsSequence()) Error(t, "LOAD_ERR_YAML_VALIDATE", "Rule tags must be a sequence", rule);
    for (const YAML::Node& i : t) {
      if (!i.IsScalar()) Error(i, "LOAD_ERR_YAML_VALIDATE", "Rule tags must be strings", rule);
      tags.insert(i.Scalar());
    }
    return tags;
  }

  Priority Prio(const YAML::Node& item, const std::string& rule) {
    std::string p = Scalar(item, "priority", rule);
    Priority pr;
    if (!ParsePriority(p, &pr)) {
      Error(item["priority"], "LOAD_ERR_VALIDATE", "Invalid priority", rule);
    }
    return pr;
  }

  void Rule(const YAML::Node& item) {
    std::string name = Scalar(item, "rule", "");
    CheckKeys(item,
              {"rule", "condition", "output", "desc", "priority", "source", "enabled", "tags",
               "exceptions", "override", "append", "capture", "capture_duration", "warn_evttypes",
               "skip-if-unknown-filter", "required_engine_version"},
              name);
    bool append = item["append"] ? Bool(item, "append", name) : false;
    auto ov = Overrides(item, name);
    if (append && !ov.empty()) {
      Error(item, "LOAD_ERR_YAML_VALIDATE",
            "Keys 'override' and 'append: true' cannot be used together.", name);
    }
    auto it = st_->rule_index.find(name);
    if (!ov.empty()) return RuleOverride(item, name, ov);
    if (append) {
      if (it == st_->rule_index.end()) {
        Error(item, "LOAD_ERR_VALIDATE",
              "Rule has 'append' key but no rule by that name already exists", name);
      }
      Warn(item, "LOAD_DEPRECATED_ITEM",
           "The 'append' key is deprecated; use 'override: {<key>: append}'", name);
      RuleItem& prev = st_->rules[it->second];
      bool has_cond = item["condition"] && !item["condition"].IsNull();
      bool has_exc = item["exceptions"] && !item["exceptions"].IsNull();
      if (!has_cond && !has_exc) {
        Error(item, "LOAD_ERR_YAML_VALIDATE",
              "Appended rule must have exceptions or condition property", name);
      }
      Source src;
      bool known = SourceFromName(prev.source, &src);
      if (has_cond) prev.condition += " " + Scalar(item, "condition", name);
      if (has_exc) MergeExceptions(item, &prev, Exceptions(item, name, true), known, src);
      return;
    }
    bool full = item["condition"] || item["output"] || item["desc"] || item["priority"];
    if (!full) {
      // Deprecated enable toggle.
      if (!item["enabled"]) {
        Error(item, "LOAD_ERR_YAML_VALIDATE", "Item has no mapping for key 'condition'", name);
      }
      if (it == st_->rule_index.end()) {
        Error(item, "LOAD_ERR_VALIDATE",
              "Rule has 'enabled' key but no rule by that name already exists", name);
      }
      st_->rules[it->second].enabled = Bool(item, "enabled", name);
      return;
    }
    RuleItem r;
    r.name = name;
    r.loc = Loc{file_, static_cast<uint32_t>(item.Mark().line + 1)};
    r.condition = Scalar(item, "condition", name);
    r.output = Trim(Scalar(item, "output", name));
    r.desc = Scalar(item, "desc", name);
    r.priority = Prio(item, name);
    if (item["source"]) {
      r.source = Scalar(item, "source", name);
      r.source_set = true;
    }
    if (item["enabled"]) r.enabled = Bool(item, "enabled", name);
    r.tags = Tags(item, name);
    if (item["capture"]) r.capture = Bool(item, "capture", name);
    if (item["capture_duration"]) {
      r.capture_duration = item["capture_duration"].as<int64_t>(0);
    }
    if (item["warn_evttypes"]) r.warn_evttypes = Bool(item, "warn_evttypes", name);
    if (item["skip-if-unknown-filter"]) r.skip_unknown = Bool(item, "skip-if-unknown-filter", name);
    Source src;
    bool known = SourceFromName(r.source, &src);
    std::vector<Exception> exc = Exceptions(item, name);
    for (Exception& x : exc) {
      ValidateException(item, &x, r, known, src);
    }
    r.exceptions = std::move(exc);
    if (it != st_->rule_index.end()) {
      RuleItem& prev = st_->rules[it->second];
      if (!r.source_set && prev.source_set) {
        // A redefinition without `source` keeps the rule's source.
        r.source = prev.source;
        r.source_set = true;
        known = SourceFromName(r.source, &src);
      }
      if (prev.source_set && r.source_set && prev.source != r.source) {
        Error(
            item, "LOAD_ERR_VALIDATE",
            "Rule has been re-defined with a different source: " + prev.source + " vs " + r.source,
            name);
      }
      prev = std::move(r);  // keeps its evaluation position
    } else {
      st_->rule_index[name] = st_->rules.size();
      st_->rules.push_back(std::move(r));
    }
  }

  void RuleOverride(const YAML::Node& item, const std::string& name,
                    const std::map<std::string, std::string>& ov) {
    static const std::set<std::string> kAppendable = {"condition", "output", "desc", "tags",
                                                      "exceptions"};
    static const std::set<std::string> kReplaceable = {"condition",
                                                       "output",
                                                       "desc",
                                                       "priority",
                                                       "tags",
                                                       "exceptions",
                                                       "enabled",
                                                       "capture",
                                                       "capture_duration",
                                                       "warn_evttypes",
                                                       "skip-if-unknown-filter"};
    for (const auto& [k, op] : ov) {
      if (op == "append" && !kAppendable.count(k)) {
        Error(item, "LOAD_ERR_YAML_VALIDATE",
              "Key '" + k + "' cannot be appended to, use 'replace' instead", name);
      }
      if (!kReplaceable.count(k)) {
        Error(item, "LOAD_ERR_YAML_VALIDATE", "Key '" + k + "' cannot be overridden", name);
      }
      if (!item[k]) {
        Error(item, "LOAD_ERR_YAML_VALIDATE",
              "An override is defined for '" + k + "' but no value is provided for it", name);
      }
    }
    for (const auto& kv : item) {
      std::string k = kv.first.as<std::string>("");
      if (k == "rule" || k == "override") continue;
      if (!ov.count(k) && (kReplaceable.count(k) || k == "source")) {
        Error(item, "LOAD_ERR_YAML_VALIDATE",
              "Unexpected key '" + k + "': no corresponding entry under 'override' is defined.",
              name);
      }
    }
    auto it = st_->rule_index.find(name);
    if (it == st_->rule_index.end()) {
      Error(item, "LOAD_ERR_VALIDATE",
            "An 'override' is defined but no rule by that name already exists", name);
    }
    RuleItem& r = st_->rules[it->second];
    Source src;
    bool known = SourceFromName(r.source, &src);
    for (const auto& [k, op] : ov) {
      bool app = op == "append";
      if (k == "condition" || k == "output" || k == "desc") {
        std::string v = Scalar(item, k.c_str(), name);
        std::string& dst = k == "condition" ? r.condition : k == "output" ? r.output : r.desc;
        dst = app ? dst + " " + v : v;
        if (k == "output") dst = Trim(dst);
      } else if (k == "tags") {
        auto tags = Tags(item, name);
        if (app) {
          r.tags.insert(tags.begin(), tags.end());
        } else {
          r.tags = std::move(tags);
        }
      } else if (k == "exceptions") {
        auto exc = Exceptions(item, name, app);
        if (app) {
          MergeExceptions(item, &r, std::move(exc), known, src);
        } else {
          for (Exception& x : exc) ValidateException(item, &x, r, known, src);
          r.exceptions = std::move(exc);
        }
      } else if (k == "priority") {
        r.priority = Prio(item, name);
      } else if (k == "enabled") {
        r.enabled = Bool(item, "enabled", name);
      } else if (k == "capture") {
        r.capture = Bool(item, "capture", name);
      } else if (k == "capture_duration") {
        r.capture_duration = item["capture_duration"].as<int64_t>(0);
      } else if (k == "warn_evttypes") {
        r.warn_evttypes = Bool(item, "warn_evttypes", name);
      } else if (k == "skip-if-unknown-filter") {
        r.skip_unknown = Bool(item, "skip-if-unknown-filter", name);
      }
    }
  }

  RulesLoader::State* st_;
  Diagnostics* diags_;
  std::string file_;
};

// Exception value text, quoted when it holds a blank (Falco's textual rule).
std::string QuoteValue(const std::string& v) {
  if (v.empty()) return "\"\"";
  if (v.find(' ') != std::string::npos && v[0] != '"' && v[0] != '\'') return "\"" + v + "\"";
  return v;
}

bool IsListComp(const std::string& comp) {
  return IsListOperator(comp) || comp.find(' ') != std::string::npos;
}

std::string ExceptionText(const Exception& x) {
  std::string out;
  if (!x.fields_is_list) {
    out = x.fields[0] + " " + x.comps[0] + " (";
    bool first = true;
    for (const auto& t : x.values) {
      for (const ExcValue& v : t) {
        if (v.is_list) {
          for (const std::string& s : v.items) {
            out += (first ? "" : ", ") + QuoteValue(s);
            first = false;
          }
        } else {
          out += (first ? "" : ", ") + QuoteValue(v.scalar);
          first = false;
        }
      }
    }
    return out + ")";
  }
  for (size_t ti = 0; ti < x.values.size(); ++ti) {
    if (ti) out += " or ";
    out += "(";
    for (size_t i = 0; i < x.fields.size(); ++i) {
      if (i) out += " and ";
      const ExcValue& v = x.values[ti][i];
      out += x.fields[i] + " " + x.comps[i] + " ";
      if (v.is_list) {
        out += "(";
        for (size_t j = 0; j < v.items.size(); ++j) out += (j ? ", " : "") + QuoteValue(v.items[j]);
        out += ")";
      } else if (IsListComp(x.comps[i])) {
        out += "(" + QuoteValue(v.scalar) + ")";
      } else {
        out += QuoteValue(v.scalar);
      }
    }
    out += ")";
  }
  return out;
}

}  // namespace

RulesLoader::RulesLoader(LoadOptions options)
    : options_(options), state_(std::make_unique<State>()) {}
RulesLoader::~RulesLoader() = default;

void RulesLoader::AddFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags_.Error("LOAD_ERR_FILE_READ", "Could not open rules file for reading: " + path,
                 SourceLocation{path});
    return;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  AddText(path, ss.str());
}

void RulesLoader::AddText(const std::string& name, std::string_view text) {
  Collector c(state_.get(), &diags_, name);
  c.Run(text);
}

std::unique_ptr<RuleSet> RulesLoader::Compile() {
  State& st = *state_;
  auto set = std::make_unique<RuleSet>();
  SlotTable slots;

  // Lists: an item naming an earlier list is replaced by that list's items.
  std::vector<std::pair<std::string, std::vector<std::string>>> lists;
  std::unordered_map<std::string, size_t> list_pos;
  for (ListItem& l : st.lists) {
    std::vector<std::string> items;
    for (const std::string& i : l.items) {
      auto it = list_pos.find(i);
      if (it != list_pos.end()) {
        st.lists[it->second].used = true;
        const auto& sub = lists[it->second].second;
        items.insert(items.end(), sub.begin(), sub.end());
      } else {
        items.push_back(i);
      }
    }
    list_pos[l.name] = lists.size();
    lists.emplace_back(l.name, std::move(items));
  }
  auto expand = [&](const std::string& text) {
    std::vector<std::string> used;
    std::string out = ExpandLists(text, lists, &used);
    for (const std::string& u : used) st.lists[list_pos[u]].used = true;
    return out;
  };

  // Macros: parsed with lists expanded; only earlier macros are visible.
  for (size_t i = 0; i < st.macros.size(); ++i) {
    MacroItem& m = st.macros[i];
    SourceLocation where{m.loc.file, m.loc.line, 0, 0, m.name};
    auto ast = ParseCondition(expand(m.condition));
    if (!ast.ok()) {
      diags_.Error("LOAD_ERR_COMPILE_CONDITION", ast.status().message(), where);
      continue;
    }
    m.ast = std::move(ast).value();
    std::vector<std::string> refs;
    CollectMacroRefs(*m.ast, &refs);
    for (const std::string& r : refs) {
      auto it = st.macro_index.find(r);
      if (it == st.macro_index.end() || it->second >= i) {
        diags_.Error("LOAD_ERR_COMPILE_CONDITION", "Undefined macro '" + r + "' used in filter.",
                     where);
        continue;
      }
      st.macros[it->second].used = true;
    }
  }
  MacroResolver resolver = [&st](const std::string& name, size_t* idx) -> const Expr* {
    auto it = st.macro_index.find(name);
    if (it == st.macro_index.end() || !st.macros[it->second].ast) return nullptr;
    *idx = it->second;
    return st.macros[it->second].ast.get();
  };

  for (RuleItem& r : st.rules) {
    SourceLocation where{r.loc.file, r.loc.line, 0, 0, r.name};
    Source src;
    if (!SourceFromName(r.source, &src)) {
      diags_.Warning("LOAD_UNKNOWN_SOURCE", "Unknown source " + r.source + ", skipping", where);
      continue;
    }
    if (static_cast<int>(r.priority) > static_cast<int>(options_.min_priority)) continue;
    std::string cond = r.condition;
    bool any_exc = false;
    std::string exc_text;
    for (const Exception& x : r.exceptions) {
      if (x.values.empty()) continue;
      exc_text += " and not (" + ExceptionText(x) + ")";
      any_exc = true;
    }
    if (any_exc) cond = "(" + cond + ")" + exc_text;
    auto ast = ParseCondition(expand(cond));
    if (!ast.ok()) {
      diags_.Error("LOAD_ERR_COMPILE_CONDITION", ast.status().message(), where);
      continue;
    }
    std::vector<std::string> refs;
    CollectMacroRefs(**ast, &refs);
    for (const std::string& m : refs) {
      auto it = st.macro_index.find(m);
      if (it != st.macro_index.end()) st.macros[it->second].used = true;
    }
    CompileOptions opts;
    opts.source = src;
    opts.macros = resolver;
    opts.visible_limit = st.macros.size();
    opts.slots = &slots;
    CompileError err;
    CompiledRule cr;
    if (!CompileFilter(**ast, opts, &cr.filter, &err)) {
      if (err.unknown_field && r.skip_unknown) {
        diags_.Warning("LOAD_UNKNOWN_FILTER", "Rule skipped: " + err.message, where);
      } else {
        diags_.Error("LOAD_ERR_COMPILE_CONDITION", err.message, where);
      }
      continue;
    }
    CompileError oerr;
    if (!OutputTemplate::Compile(r.output, opts, &cr.output_template, &oerr)) {
      if (oerr.unknown_field && r.skip_unknown) {
        diags_.Warning("LOAD_UNKNOWN_FILTER", "Rule skipped: " + oerr.message, where);
      } else {
        diags_.Error("LOAD_ERR_COMPILE_OUTPUT", oerr.message, where);
      }
      continue;
    }
    cr.name = r.name;
    cr.desc = r.desc;
    cr.condition = cond;
    cr.output = r.output;
    cr.priority = r.priority;
    cr.source = src;
    cr.enabled = r.enabled;
    cr.tags.assign(r.tags.begin(), r.tags.end());
    cr.file = r.loc.file;
    cr.line = r.loc.line;
    set->rules_.push_back(std::move(cr));
  }

  for (const MacroItem& m : st.macros) {
    if (!m.used) {
      diags_.Warning("LOAD_UNUSED_MACRO", "Macro not referred to by any other rule/macro",
                     SourceLocation{m.loc.file, m.loc.line, 0, 0, m.name});
    }
  }
  for (const ListItem& l : st.lists) {
    if (!l.used) {
      diags_.Warning("LOAD_UNUSED_LIST", "List not referred to by any other rule/macro",
                     SourceLocation{l.loc.file, l.loc.line, 0, 0, l.name});
    }
  }
  set->slot_count_ = slots.size();
  if (diags_.has_errors()) return nullptr;
  return set;
}

}  // namespace kumo::detect
