#include "rego/loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rego/yaml_value.h"

namespace kumo::rego {
namespace fs = std::filesystem;

namespace {

bool ReadFile(const std::string& path, std::string* out, std::string* error) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    *error = "cannot open file";
    return false;
  }
  std::ostringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

Value MergeInto(const Value& base, const std::vector<Value>& path, const Value& doc) {
  if (path.empty()) {
    if (base.is_object() && doc.is_object()) {
      std::vector<ObjectEntry> es(base.entries().begin(), base.entries().end());
      for (const auto& [k, v] : doc.entries()) {
        bool merged = false;
        for (auto& e : es)
          if (e.first == k) {
            e.second = MergeInto(e.second, {}, v);
            merged = true;
          }
        if (!merged) es.emplace_back(k, v);
      }
      return Value::Object(std::move(es));
    }
    return doc;
  }
  std::vector<ObjectEntry> es;
  const Value* child = nullptr;
  if (base.is_object()) {
    es.assign(base.entries().begin(), base.entries().end());
    child = base.Find(path[0]);
  }
  std::vector<Value> rest(path.begin() + 1, path.end());
  Value nc = MergeInto(child ? *child : Value::EmptyObject(), rest, doc);
  bool done = false;
  for (auto& e : es)
    if (e.first == path[0]) {
      e.second = nc;
      done = true;
    }
  if (!done) es.emplace_back(path[0], nc);
  return Value::Object(std::move(es));
}

}  // namespace

bool LoadDocument(const std::string& path, Value* out, std::string* error) {
  std::string text;
  if (!ReadFile(path, &text, error)) return false;
  std::string ext = fs::path(path).extension().string();
  if (ext == ".yaml" || ext == ".yml") return ParseYamlText(text, out, error);
  auto t = ParseTerm(text);
  if (!t.ok()) {
    *error = "invalid JSON: " + t.errors.ToString();
    return false;
  }
  *out = *t.value;
  return true;
}

LoadedFiles LoadPaths(const std::vector<std::string>& paths, RegoVersion version) {
  LoadedFiles out;
  for (const auto& p : paths) {
    std::vector<std::pair<fs::path, std::vector<Value>>> files;
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (!it->is_regular_file()) continue;
        std::vector<Value> prefix;
        fs::path rel = fs::relative(it->path().parent_path(), p);
        for (const auto& seg : rel)
          if (seg != "." && !seg.empty()) prefix.push_back(Value::String(seg.string()));
        files.emplace_back(it->path(), prefix);
      }
    } else if (fs::exists(p, ec)) {
      files.emplace_back(fs::path(p), std::vector<Value>{});
    } else {
      out.errors.push_back(p + ": no such file or directory");
      continue;
    }
    std::sort(files.begin(), files.end());
    for (const auto& [f, prefix] : files) {
      std::string ext = f.extension().string();
      std::string name = f.filename().string();
      if (ext == ".rego") {
        ModuleSource m;
        m.filename = f.string();
        m.version = version;
        std::string err;
        if (!ReadFile(m.filename, &m.text, &err)) {
          out.errors.push_back(m.filename + ": " + err);
          continue;
        }
        out.modules.push_back(std::move(m));
      } else if (ext == ".json" || ext == ".yaml" || ext == ".yml") {
        Value doc;
        std::string err;
        if (!LoadDocument(f.string(), &doc, &err)) {
          out.errors.push_back(f.string() + ": " + err);
          continue;
        }
        out.data = MergeInto(out.data, prefix, doc);
      }
    }
  }
  return out;
}

}  // namespace kumo::rego
