#include "scan/control.h"

#include "common/build_info.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_set>

namespace kumo::scan {
namespace {

namespace fs = std::filesystem;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The `# METADATA` block: the comment lines that follow the marker, with
// the leading '#' and one space removed, as OPA reads them. Sets *line to
// the marker's 1-based line (0 when there is none).
std::string ExtractMetadataYaml(std::string_view text, uint32_t* line) {
  *line = 0;
  std::string out;
  bool in_block = false;
  uint32_t n = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(pos, end - pos);
    ++n;
    std::string_view t = Trim(raw);
    if (!in_block) {
      if (t == "# METADATA" || t == "#METADATA") {
        in_block = true;
        *line = n;
      }
    } else {
      if (t.empty() || t.front() != '#') break;
      std::string_view body = raw.substr(raw.find('#') + 1);
      if (!body.empty() && body.front() == ' ') body.remove_prefix(1);
      while (!body.empty() && body.back() == '\r') body.remove_suffix(1);
      out.append(body);
      out.push_back('\n');
    }
    if (end == text.size()) break;
    pos = end + 1;
  }
  return out;
}

// The module's package path ("kumo.aws.s3.x"), or "".
std::string ExtractPackage(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view t = Trim(text.substr(pos, end - pos));
    if (StartsWith(t, "package ") || StartsWith(t, "package\t")) {
      std::string_view rest = Trim(t.substr(8));
      size_t i = 0;
      while (i < rest.size() && (IsIdentChar(rest[i]) || rest[i] == '.')) ++i;
      return std::string(rest.substr(0, i));
    }
    pos = end + 1;
  }
  return "";
}

// Whether the module reads the inventory index data.kumo.resources (or all
// of data.kumo), so a scan without such a control can skip building it.
bool MentionsDataKumo(std::string_view text) {
  size_t pos = 0;
  while ((pos = text.find("data.kumo", pos)) != std::string_view::npos) {
    size_t after = pos + 9;
    pos = after;
    if (after >= text.size()) return true;
    char c = text[after];
    if (c == '.') {
      if (text.substr(after + 1, 9) == "resources") return true;
      continue;
    }
    if (!IsIdentChar(c)) return true;  // data.kumo[...], `import data.kumo`
  }
  return false;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

SourceLocation Loc(const std::string& file, uint32_t line, std::string item = "") {
  SourceLocation l;
  l.file = file;
  l.line = line;
  l.item = std::move(item);
  return l;
}

bool IsValidId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    if (!IsIdentChar(c) && c != '-' && c != '.') return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> Control::FrameworkRefs() const {
  std::vector<std::string> out;
  for (const auto& [fw, reqs] : frameworks) {
    if (reqs.empty()) out.push_back(fw);
    for (const auto& r : reqs) out.push_back(fw + ":" + r);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool ControlFilter::Matches(const Control& c) const {
  if (!ids.empty() && !ids.count(c.id)) return false;
  if (!providers.empty() && !providers.count(c.provider)) return false;
  if (has_min_severity && c.severity < min_severity) return false;
  if (!frameworks.empty()) {
    bool any = false;
    for (const auto& [fw, reqs] : c.frameworks) {
      for (const auto& want : frameworks) {
        if (fw == want || (StartsWith(fw, want) && fw.size() > want.size() &&
                           (fw[want.size()] == '-' || fw[want.size()] == '.'))) {
          any = true;
        }
      }
    }
    if (!any) return false;
  }
  return true;
}

bool IsWellFormedResourceType(std::string_view type, Provider* provider) {
  *provider = Provider::kUnknown;
  auto ident = [](std::string_view s, bool lower_only) {
    if (s.empty()) return false;
    for (char c : s) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                (!lower_only && c >= 'A' && c <= 'Z');
      if (!ok) return false;
    }
    return true;
  };
  if (StartsWith(type, "AWS::")) {
    // AWS::Service::Kind, both parts CamelCase identifiers.
    std::string_view rest = type.substr(5);
    size_t sep = rest.find("::");
    if (sep == std::string_view::npos) return false;
    std::string_view svc = rest.substr(0, sep), kind = rest.substr(sep + 2);
    if (!ident(svc, false) || !ident(kind, false)) return false;
    if (!(svc[0] >= 'A' && svc[0] <= 'Z') || !(kind[0] >= 'A' && kind[0] <= 'Z')) return false;
    *provider = Provider::kAws;
    return true;
  }
  size_t g = type.find(".googleapis.com/");
  if (g != std::string_view::npos) {
    std::string_view svc = type.substr(0, g), kind = type.substr(g + 16);
    if (!ident(svc, true) || !ident(kind, false) || !(kind[0] >= 'A' && kind[0] <= 'Z'))
      return false;
    *provider = Provider::kGcp;
    return true;
  }
  if (StartsWith(type, "microsoft.")) {
    // microsoft.x/y[/z], all lower case (Resource Graph's spelling).
    std::string_view rest = type.substr(10);
    size_t parts = 0;
    size_t pos = 0;
    while (true) {
      size_t slash = rest.find('/', pos);
      std::string_view part =
          rest.substr(pos, slash == std::string_view::npos ? rest.npos : slash - pos);
      for (char c : part) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
              c == '_')) {
          return false;
        }
      }
      if (part.empty()) return false;
      ++parts;
      if (slash == std::string_view::npos) break;
      pos = slash + 1;
    }
    if (parts < 2 || parts > 4) return false;
    *provider = Provider::kAzure;
    return true;
  }
  return false;
}

bool ParseControl(const std::string& file, const std::string& text, Control* out, bool* is_library,
                  Diagnostics* diags) {
  *is_library = false;
  uint32_t md_line = 0;
  std::string yaml = ExtractMetadataYaml(text, &md_line);
  out->file = file;
  out->text = text;
  out->package = ExtractPackage(text);
  out->uses_data_kumo = MentionsDataKumo(text);
  if (md_line == 0) {
    *is_library = true;
    return false;
  }
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    diags->Error("control_metadata",
                 "METADATA block is not valid YAML: " + e.msg + " (block line " +
                     std::to_string(e.mark.line + 1) + ")",
                 Loc(file, md_line + (e.mark.line >= 0 ? e.mark.line + 1 : 0)));
    return false;
  }
  if (!root.IsMap()) {
    diags->Error("control_metadata", "METADATA block must be a YAML mapping", Loc(file, md_line));
    return false;
  }
  YAML::Node custom = root["custom"];
  if (!custom || !custom.IsMap() || !custom["id"]) {
    // An annotated helper (e.g. a library with a title) is not a control.
    *is_library = true;
    return false;
  }
  bool ok = true;
  auto line_of = [&](const YAML::Node& n) {
    return n && n.Mark().line >= 0 ? md_line + static_cast<uint32_t>(n.Mark().line) + 1 : md_line;
  };
  auto fail = [&](const std::string& key, const YAML::Node& at, const std::string& why) {
    diags->Error("control_metadata", "key `" + key + "`: " + why, Loc(file, line_of(at), out->id));
    ok = false;
  };
  auto scalar = [&](const YAML::Node& parent, const char* key, const std::string& shown,
                    std::string* dst) {
    YAML::Node n = parent[key];
    if (!n) {
      fail(shown, parent, "is required");
      return;
    }
    if (!n.IsScalar() || n.Scalar().empty()) {
      fail(shown, n, "must be a non-empty string");
      return;
    }
    *dst = n.Scalar();
  };

  scalar(custom, "id", "custom.id", &out->id);
  if (!out->id.empty() && !IsValidId(out->id)) {
    fail("custom.id", custom["id"],
         "`" + out->id + "` may only hold letters, digits, '-', '_' and '.'");
  }
  scalar(root, "title", "title", &out->title);
  scalar(root, "description", "description", &out->description);

  std::string sev;
  scalar(custom, "severity", "custom.severity", &sev);
  if (!sev.empty() && !ParseSeverityLevel(sev, &out->severity)) {
    fail("custom.severity", custom["severity"],
         "`" + sev + "` is not one of critical, high, medium, low, info");
  }

  YAML::Node scope = custom["scope"];
  YAML::Node types = custom["resource_types"];
  if (scope) {
    if (!scope.IsScalar() || scope.Scalar() != "account") {
      fail("custom.scope", scope, "the only scope is `account` (omit it for resource controls)");
    } else {
      out->account_scope = true;
    }
    if (types) fail("custom.resource_types", types, "is not allowed with `scope: account`");
  } else if (!types) {
    fail("custom.resource_types", custom, "is required (or `scope: account`)");
  } else if (!types.IsSequence() || types.size() == 0) {
    fail("custom.resource_types", types, "must be a non-empty list of resource type names");
  } else {
    Provider seen = Provider::kUnknown;
    for (const auto& t : types) {
      if (!t.IsScalar()) {
        fail("custom.resource_types", t, "entries must be strings");
        continue;
      }
      Provider p;
      if (!IsWellFormedResourceType(t.Scalar(), &p)) {
        fail("custom.resource_types", t,
             "`" + t.Scalar() +
                 "` is not a known resource type shape (AWS::Service::Kind, "
                 "service.googleapis.com/Kind, lower-case microsoft.provider/type)");
        continue;
      }
      if (seen != Provider::kUnknown && p != seen) {
        fail("custom.resource_types", t, "mixes providers; one control covers one provider");
      }
      seen = p;
      out->resource_types.push_back(t.Scalar());
    }
    std::sort(out->resource_types.begin(), out->resource_types.end());
    out->resource_types.erase(std::unique(out->resource_types.begin(), out->resource_types.end()),
                              out->resource_types.end());
    out->provider = seen;
  }

  YAML::Node fws = custom["frameworks"];
  if (!fws) {
    fail("custom.frameworks", custom, "is required (a map of framework id to requirement ids)");
  } else if (!fws.IsMap()) {
    fail("custom.frameworks", fws, "must be a map of framework id to a list of requirement ids");
  } else {
    for (const auto& kv : fws) {
      std::string fw = kv.first.Scalar();
      std::vector<std::string> reqs;
      if (kv.second.IsSequence()) {
        for (const auto& r : kv.second) {
          if (r.IsScalar())
            reqs.push_back(r.Scalar());
          else
            fail("custom.frameworks." + fw, r, "requirement ids must be strings");
        }
      } else if (kv.second.IsScalar()) {
        reqs.push_back(kv.second.Scalar());
      } else {
        fail("custom.frameworks." + fw, kv.second, "must be a list of requirement ids");
      }
      out->frameworks[fw] = std::move(reqs);
    }
  }
  scalar(custom, "remediation", "custom.remediation", &out->remediation);

  if (out->package.empty()) {
    diags->Error("control_metadata", "module has no `package` declaration", Loc(file, 0, out->id));
    ok = false;
  }
  // Provider: from the resource types, else the package (kumo.<provider>...),
  // else an explicit custom.provider.
  if (out->provider == Provider::kUnknown) {
    std::string_view pkg = out->package;
    if (StartsWith(pkg, "kumo.")) {
      std::string_view rest = pkg.substr(5);
      out->provider = ParseProvider(rest.substr(0, rest.find('.')));
    }
    if (YAML::Node p = custom["provider"]; p && p.IsScalar()) {
      out->provider = ParseProvider(p.Scalar());
    }
  }
  return ok;
}

void ControlSet::Add(Control c, Diagnostics* diags) {
  for (const auto& existing : controls_) {
    if (existing.id == c.id) {
      diags->Error("control_duplicate_id",
                   "control id `" + c.id + "` is already defined in " + existing.file +
                       "; this one is skipped (ids must be unique)",
                   Loc(c.file, 0, c.id));
      return;
    }
  }
  controls_.push_back(std::move(c));
}

void ControlSet::AddPrepared(Control c, Diagnostics* diags) {
  Add(std::move(c), diags);
  std::sort(controls_.begin(), controls_.end(),
            [](const Control& a, const Control& b) { return a.id < b.id; });
}

ControlSet ControlSet::FromModules(const std::vector<std::pair<std::string, std::string>>& modules,
                                   Diagnostics* diags) {
  ControlSet set;
  for (const auto& [file, text] : modules) {
    Control c;
    bool lib = false;
    if (ParseControl(file, text, &c, &lib, diags)) {
      set.Add(std::move(c), diags);
    } else if (lib) {
      set.libraries_.push_back({file, text, rego::RegoVersion::kV1});
    }
  }
  std::sort(set.controls_.begin(), set.controls_.end(),
            [](const Control& a, const Control& b) { return a.id < b.id; });
  return set;
}

ControlSet ControlSet::Load(const std::vector<ControlSource>& sources, Diagnostics* diags) {
  ControlSet set;
  for (const auto& src : sources) {
    std::vector<std::string> files;
    std::error_code ec;
    if (fs::is_regular_file(src.dir, ec)) {
      files.push_back(src.dir);
    } else if (fs::is_directory(src.dir, ec)) {
      for (auto it = fs::recursive_directory_iterator(
               src.dir, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        std::string p = it->path().string();
        if (EndsWith(p, ".rego") && !EndsWith(p, "_test.rego")) files.push_back(p);
      }
      if (ec) {
        diags->Error("policies_unreadable", "cannot list policy directory: " + ec.message(),
                     Loc(src.dir, 0));
      }
    } else {
      diags->Error("policies_not_found", "policy directory or file does not exist",
                   Loc(src.dir, 0));
      continue;
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::string text;
      if (!ReadFile(f, &text)) {
        diags->Error("policy_unreadable", "cannot read policy file", Loc(f, 0));
        continue;
      }
      Control c;
      bool lib = false;
      if (ParseControl(f, text, &c, &lib, diags)) {
        c.builtin = src.builtin;
        set.Add(std::move(c), diags);
      } else if (lib) {
        set.libraries_.push_back({f, std::move(text), rego::RegoVersion::kV1});
      }
    }
  }
  std::sort(set.controls_.begin(), set.controls_.end(),
            [](const Control& a, const Control& b) { return a.id < b.id; });
  return set;
}

void ControlSet::Select(const ControlFilter& filter, Diagnostics* diags) {
  for (const auto& id : filter.ids) {
    if (!Find(id)) {
      diags->Error("control_not_found",
                   "--controls names `" + id + "`, which no loaded control has", Loc("", 0, id));
    }
  }
  std::erase_if(controls_, [&](const Control& c) { return !filter.Matches(c); });
}

const Control* ControlSet::Find(std::string_view id) const {
  auto it = std::lower_bound(controls_.begin(), controls_.end(), id,
                             [](const Control& c, std::string_view v) { return c.id < v; });
  if (it != controls_.end() && it->id == id) return &*it;
  return nullptr;
}

void ControlSet::Compile(Diagnostics* diags) {
  program_.reset();
  std::vector<rego::ModuleSource> libs = libraries_;
  // Compile everything as one program; when a module does not compile, drop
  // the modules the errors name and try again, so one broken control costs
  // only itself.
  for (size_t attempt = 0; attempt <= controls_.size() + libs.size() + 1; ++attempt) {
    std::vector<rego::ModuleSource> modules = libs;
    for (const auto& c : controls_) modules.push_back({c.file, c.text, rego::RegoVersion::kV1});
    if (modules.empty()) return;
    auto prog = rego::Compile(std::move(modules));
    if (prog.ok()) {
      program_ = *prog.value;
      break;
    }
    std::unordered_set<std::string> bad_files;
    for (const auto& e : prog.errors.errors) bad_files.insert(e.file);
    bool dropped = false;
    auto report = [&](const std::string& file, const std::string& item) {
      std::string msg;
      for (const auto& e : prog.errors.errors) {
        if (e.file != file) continue;
        if (!msg.empty()) msg += "; ";
        msg += e.ToString();
      }
      diags->Error("control_compile", "does not compile, skipped: " + msg, Loc(file, 0, item));
    };
    std::erase_if(controls_, [&](const Control& c) {
      if (!bad_files.count(c.file)) return false;
      report(c.file, c.id);
      dropped = true;
      return true;
    });
    std::erase_if(libs, [&](const rego::ModuleSource& m) {
      if (!bad_files.count(m.filename)) return false;
      report(m.filename, "");
      dropped = true;
      return true;
    });
    if (!dropped) {
      diags->Error("control_compile",
                   "policies do not compile: " + prog.errors.ToString() + "; no control runs",
                   Loc("", 0));
      controls_.clear();
      return;
    }
  }
  if (!program_) return;
  std::erase_if(controls_, [&](Control& c) {
    auto q = program_->Prepare("data." + c.package + ".deny");
    if (!q.ok()) {
      diags->Error("control_compile",
                   "cannot prepare data." + c.package + ".deny: " + q.errors.ToString(),
                   Loc(c.file, 0, c.id));
      return true;
    }
    c.deny = *q.value;
    return false;
  });
}

std::string FindBuiltinPolicies(const std::string& flag_value) {
  std::error_code ec;
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("KUMO_DATA_DIR"); env && *env) {
    std::string p = std::string(env) + "/policies";
    if (fs::is_directory(p, ec)) return p;
  }
  // A binary in a build tree (the kumo binary sits beside CMakeCache.txt)
  // uses the source tree's policies, so edits show up without installing.
  if (!KumoSourceDir().empty()) {
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    std::string p = KumoSourceDir() + "/policies";
    if (!ec && fs::exists(exe.parent_path() / "CMakeCache.txt", ec) && fs::is_directory(p, ec)) {
      return p;
    }
  }
  {
    std::string p = KumoInstalledDataDir() + "/policies";
    if (fs::is_directory(p, ec)) return p;
  }
  return "";
}

}  // namespace kumo::scan
