#include "inventory/merge.h"

#include <string>
#include <string_view>
#include <unordered_map>

#include "inventory/util.h"

namespace kumo::inventory {
namespace {

// (type, id) viewed in a Staged resource that stays put while indexed.
struct Key {
  std::string_view type;
  std::string_view id;
  bool operator==(const Key& o) const { return type == o.type && id == o.id; }
};
struct KeyHash {
  size_t operator()(const Key& k) const {
    size_t h = std::hash<std::string_view>()(k.id);
    return h ^
           (std::hash<std::string_view>()(k.type) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  }
};

bool IsAwsConfig(MergeRole r) {
  return r == MergeRole::kAwsConfigItem || r == MergeRole::kAwsConfigDeleted;
}

class Merger {
 public:
  Merger(std::vector<Staged>& all, std::vector<FileSummary>* files)
      : all_(all), files_(files), alive_(all.size(), 1) {
    index_.reserve(all.size());
  }

  std::vector<Resource> Run() {
    std::vector<size_t> creds;
    for (size_t i = 0; i < all_.size(); ++i) {
      if (all_[i].role == MergeRole::kCredentialReport) {
        creds.push_back(i);
        continue;
      }
      Combine(i);
    }
    for (size_t i = 0; i < all_.size(); ++i) {
      if (alive_[i] && all_[i].role == MergeRole::kAwsConfigDeleted) {
        alive_[i] = 0;
        Note(all_[i], "deleted resources (latest AWS Config item is a deletion)");
      }
    }
    ResolveGcpProjects();
    for (size_t i : creds) MergeCredentialRow(i);

    std::vector<Resource> out;
    size_t n = 0;
    for (char a : alive_) n += a != 0;
    out.reserve(n);
    for (size_t i = 0; i < all_.size(); ++i) {
      if (alive_[i]) out.push_back(std::move(all_[i].resource));
    }
    return out;
  }

 private:
  void Note(const Staged& s, const char* what) { ++(*files_)[s.file].notes[what]; }

  Key KeyOf(size_t i) const { return Key{all_[i].resource.type, all_[i].resource.id}; }

  // Replaces slot `j` with record `i` and re-points the index at the new
  // strings (the old key views died with the moved-over strings).
  void ReplaceSlot(size_t j, size_t i) {
    index_.erase(KeyOf(j));
    all_[j] = std::move(all_[i]);
    index_.emplace(KeyOf(j), j);
  }

  void Combine(size_t i) {
    auto [it, inserted] = index_.try_emplace(KeyOf(i), i);
    if (inserted) return;
    size_t j = it->second;
    Staged& t = all_[j];
    Staged& s = all_[i];
    alive_[i] = 0;
    if (IsAwsConfig(t.role) && IsAwsConfig(s.role)) {
      if (s.order >= t.order) {
        Note(t, "superseded AWS Config items (a later capture of the same resource)");
        ReplaceSlot(j, i);
      } else {
        Note(s, "superseded AWS Config items (a later capture of the same resource)");
      }
      return;
    }
    if (t.role == MergeRole::kGcpAsset && s.role == MergeRole::kGcpAsset) {
      MergeGcp(t, s);
      Note(s, "merged into an earlier line of the same asset");
      return;
    }
    Note(t, "replaced by a later record of the same resource");
    ReplaceSlot(j, i);
  }

  static void MergeGcp(Staged& t, Staged& s) {
    Resource& a = t.resource;
    Resource& b = s.resource;
    if (s.has_config) {
      bool keep_source = t.has_config;
      a.config = std::move(b.config);
      a.region = std::move(b.region);
      a.tags = std::move(b.tags);
      a.name = std::move(b.name);
      if (!keep_source) {
        a.source_file = std::move(b.source_file);
        a.source_format = std::move(b.source_format);
        a.source_record = b.source_record;
      }
      t.has_config = true;
    } else if (!t.has_config && a.config.is_null()) {
      a.config = b.config;
    }
    if (!b.iam_policy.is_null()) a.iam_policy = std::move(b.iam_policy);
    if ((a.ancestors.is_null() || a.ancestors.size() == 0) && !b.ancestors.is_null()) {
      a.ancestors = std::move(b.ancestors);
    }
    if (!b.supplementary.is_null())
      a.supplementary = MergeObjects(a.supplementary, b.supplementary);
    // A project id beats a project number or an ancestor.
    bool a_weak = a.account.empty() || a.account.find('/') != std::string::npos;
    bool b_weak = b.account.empty() || b.account.find('/') != std::string::npos;
    if (a_weak && !b_weak) a.account = std::move(b.account);
  }

  // projects/<number> -> project id, from the Project assets loaded.
  void ResolveGcpProjects() {
    std::unordered_map<std::string, std::string> ids;
    for (size_t i = 0; i < all_.size(); ++i) {
      const Resource& r = all_[i].resource;
      if (!alive_[i] || r.type != "cloudresourcemanager.googleapis.com/Project") continue;
      std::string_view id = StrAny(r.config, {"projectId"});
      const Value* num = r.config.Find("projectNumber");
      std::string number;
      if (num != nullptr && num->is_string()) number = std::string(num->as_string());
      if (num != nullptr && num->is_number()) number = num->number_text();
      if (number.empty() && r.id.find("/projects/") != std::string::npos) {
        number = std::string(LastSegment(r.id));
      }
      if (!id.empty() && !number.empty()) ids.emplace("projects/" + number, std::string(id));
    }
    if (ids.empty()) return;
    for (size_t i = 0; i < all_.size(); ++i) {
      Resource& r = all_[i].resource;
      if (r.provider != Provider::kGcp || r.account.rfind("projects/", 0) != 0) continue;
      auto it = ids.find(r.account);
      if (it != ids.end()) r.account = it->second;
    }
  }

  void MergeCredentialRow(size_t i) {
    Staged& s = all_[i];
    Resource& row = s.resource;
    const Value* report = row.supplementary.Find("credentialReport");
    size_t target = SIZE_MAX;
    auto it = index_.find(KeyOf(i));
    if (it != index_.end() && alive_[it->second]) target = it->second;
    if (target == SIZE_MAX && row.type == "AWS::IAM::User") {
      if (by_name_.empty()) {
        for (size_t j = 0; j < all_.size(); ++j) {
          const Resource& u = all_[j].resource;
          if (alive_[j] && u.type == "AWS::IAM::User" &&
              all_[j].role != MergeRole::kCredentialReport) {
            by_name_.emplace(u.account + "\n" + u.name, j);
          }
        }
      }
      auto jt = by_name_.find(row.account + "\n" + row.name);
      if (jt != by_name_.end() && alive_[jt->second]) target = jt->second;
    }
    if (target == SIZE_MAX) {
      index_.try_emplace(KeyOf(i), i);  // later rows for the same user merge here
      return;
    }
    Resource& user = all_[target].resource;
    user.supplementary = WithMember(user.supplementary, "credentialReport", *report);
    alive_[i] = 0;
    Note(s, row.type == "AWS::IAM::User" ? "rows merged into IAM users"
                                         : "rows merged into the root account");
  }

  std::vector<Staged>& all_;
  std::vector<FileSummary>* files_;
  std::vector<char> alive_;
  std::unordered_map<Key, size_t, KeyHash> index_;
  std::unordered_map<std::string, size_t> by_name_;
};

}  // namespace

std::vector<Resource> MergeStaged(std::vector<Staged> all, std::vector<FileSummary>* files) {
  Merger m(all, files);
  return m.Run();
}

}  // namespace kumo::inventory
