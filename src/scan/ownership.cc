#include "scan/ownership.h"

#include <fstream>
#include <sstream>

#include "scan/mutelist.h"
#include "scan/yaml_util.h"

namespace kumo::scan {
namespace {

using yaml_util::At;

bool StringList(const YAML::Node& n, const std::string& key, const std::string& file,
                std::vector<std::string>* out, Diagnostics* diags) {
  if (!n) return true;
  if (n.IsScalar()) {
    out->push_back(n.Scalar());
    return true;
  }
  if (!n.IsSequence()) {
    diags->Error("ownership_config", "key `" + key + "` must be a list of strings", At(file, n));
    return false;
  }
  for (const auto& e : n) {
    if (!e.IsScalar()) {
      diags->Error("ownership_config", "key `" + key + "` must hold strings", At(file, e));
      return false;
    }
    out->push_back(e.Scalar());
  }
  return true;
}

// tags: {k: v} or ["k=v", ...]
bool TagList(const YAML::Node& n, const std::string& key, const std::string& file,
             std::vector<std::pair<std::string, std::string>>* out, Diagnostics* diags) {
  if (!n) return true;
  if (n.IsMap()) {
    for (const auto& kv : n) {
      if (!kv.second.IsScalar()) {
        diags->Error("ownership_config",
                     "key `" + key + "." + kv.first.Scalar() + "` must be a string",
                     At(file, kv.second));
        return false;
      }
      out->emplace_back(kv.first.Scalar(), kv.second.Scalar());
    }
    return true;
  }
  std::vector<std::string> items;
  if (!StringList(n, key, file, &items, diags)) return false;
  for (const auto& s : items) {
    size_t eq = s.find('=');
    if (eq == std::string::npos || eq == 0) {
      diags->Error("ownership_config", "key `" + key + "`: `" + s + "` is not key=value",
                   At(file, n));
      return false;
    }
    out->emplace_back(s.substr(0, eq), s.substr(eq + 1));
  }
  return true;
}

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  for (const auto& e : v) {
    if (e == s) return true;
  }
  return false;
}

}  // namespace

Ownership Ownership::Parse(std::string_view yaml_text, const std::string& file,
                           Diagnostics* diags) {
  Ownership own;
  YAML::Node root;
  if (!yaml_util::Load(yaml_text, file, "ownership_config", &root, diags)) return own;
  if (!root || root.IsNull()) return own;
  if (!root.IsMap()) {
    diags->Error("ownership_config", "kumo.yaml must be a mapping with `products:`",
                 At(file, root));
    return own;
  }
  (void)StringList(root["inputs"], "inputs", file, &own.inputs_, diags);
  YAML::Node products = root["products"];
  if (!products) return own;
  if (!products.IsSequence()) {
    diags->Error("ownership_config", "key `products` must be a list", At(file, products));
    return own;
  }
  size_t i = 0;
  for (const auto& p : products) {
    std::string key = "products[" + std::to_string(i++) + "]";
    if (!p.IsMap()) {
      diags->Error("ownership_config", "key `" + key + "` must be a mapping", At(file, p));
      continue;
    }
    Product prod;
    bool ok = true;
    auto str = [&](const char* k, std::string* dst, bool required) {
      YAML::Node n = p[k];
      if (!n) {
        if (required) {
          diags->Error("ownership_config", "key `" + key + "." + k + "` is required", At(file, p));
          ok = false;
        }
        return;
      }
      if (!n.IsScalar()) {
        diags->Error("ownership_config", "key `" + key + "." + k + "` must be a string",
                     At(file, n));
        ok = false;
        return;
      }
      *dst = n.Scalar();
    };
    str("name", &prod.name, true);
    if (!prod.name.empty()) key = "products." + prod.name;
    str("champion", &prod.champion, true);
    str("slack_channel", &prod.slack_channel, false);
    str("jira_project", &prod.jira_project, false);
    if (prod.name == kUnassigned) {
      diags->Error("ownership_config", "product name `unassigned` is reserved", At(file, p));
      ok = false;
    }
    YAML::Node m = p["match"];
    if (!m || !m.IsMap()) {
      diags->Error("ownership_config",
                   "key `" + key +
                       ".match` is required: a mapping with accounts, subscriptions, "
                       "projects and/or tags",
                   At(file, m ? m : YAML::Node(p)));
      ok = false;
    } else {
      for (const auto& kv : m) {
        std::string k = kv.first.Scalar();
        if (k != "accounts" && k != "subscriptions" && k != "projects" && k != "tags" &&
            k != "labels") {
          diags->Error("ownership_config", "key `" + key + ".match." + k + "` is not known",
                       At(file, kv.first));
          ok = false;
        }
      }
      ok &= StringList(m["accounts"], key + ".match.accounts", file, &prod.accounts, diags);
      ok &= StringList(m["subscriptions"], key + ".match.subscriptions", file, &prod.subscriptions,
                       diags);
      ok &= StringList(m["projects"], key + ".match.projects", file, &prod.projects, diags);
      ok &= TagList(m["tags"], key + ".match.tags", file, &prod.tags, diags);
      ok &= TagList(m["labels"], key + ".match.labels", file, &prod.tags, diags);
    }
    for (const auto& other : own.products_) {
      if (other.name == prod.name) {
        diags->Error("ownership_config", "product `" + prod.name + "` is defined twice",
                     At(file, p));
        ok = false;
      }
    }
    if (ok) own.products_.push_back(std::move(prod));
  }
  return own;
}

Result<Ownership> Ownership::LoadFile(const std::string& path, Diagnostics* diags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot read ownership config " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path, diags);
}

const Product* Ownership::Match(Provider provider, std::string_view account,
                                const std::map<std::string, std::string>& tags) const {
  for (const auto& p : products_) {
    if (Contains(p.accounts, account)) return &p;
    if (provider == Provider::kAzure && Contains(p.subscriptions, account)) return &p;
    if (provider == Provider::kGcp && Contains(p.projects, account)) return &p;
    for (const auto& [k, v] : p.tags) {
      auto it = tags.find(k);
      if (it != tags.end() && GlobMatch(v, it->second)) return &p;
    }
  }
  return nullptr;
}

const Product* Ownership::MatchAccount(Provider provider, std::string_view account) const {
  static const std::map<std::string, std::string> kNoTags;
  return Match(provider, account, kNoTags);
}

}  // namespace kumo::scan
