#include "inventory/merge.h"

#include <string>
#include <string_view>
#include <unordered_map>

#include "inventory/util.h"

namespace kumo::inventory {
namespace {

// (type, id) viewed in a resource that stays put while indexed.
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
  Merger(std::vector<Resource>& res, std::vector<StageMeta>& meta, std::vector<FileSummary>* files)
      : res_(res), meta_(meta), files_(files), alive_(res.size(), 1) {
    index_.reserve(res.size());
  }

  void Run() {
    std::vector<size_t> creds;
    for (size_t i = 0; i < res_.size(); ++i) {
      if (meta_[i].role == MergeRole::kCredentialReport) {
        creds.push_back(i);
        continue;
      }
      Combine(i);
    }
    for (size_t i = 0; i < res_.size(); ++i) {
      if (alive_[i] && meta_[i].role == MergeRole::kAwsConfigDeleted) {
        alive_[i] = 0;
        Note(i, "deleted resources (latest AWS Config item is a deletion)");
      }
    }
    ResolveGcpProjects();
    for (size_t i : creds) MergeCredentialRow(i);

    // Compact in place: survivors move down over the dropped slots.
    index_.clear();
    by_name_.clear();
    size_t w = 0;
    for (size_t i = 0; i < res_.size(); ++i) {
      if (!alive_[i]) continue;
      if (w != i) res_[w] = std::move(res_[i]);
      ++w;
    }
    res_.erase(res_.begin() + static_cast<std::ptrdiff_t>(w), res_.end());
    if (res_.capacity() > w + w / 4) res_.shrink_to_fit();
  }

 private:
  void Note(size_t i, const char* what) { ++(*files_)[meta_[i].file].notes[what]; }

  Key KeyOf(size_t i) const { return Key{res_[i].type, res_[i].id}; }

  // Replaces slot `j` with record `i` and re-points the index at the new
  // strings (the old key views died with the moved-over strings).
  void ReplaceSlot(size_t j, size_t i) {
    index_.erase(KeyOf(j));
    res_[j] = std::move(res_[i]);
    meta_[j] = meta_[i];
    index_.emplace(KeyOf(j), j);
  }

  void Combine(size_t i) {
    auto [it, inserted] = index_.try_emplace(KeyOf(i), i);
    if (inserted) return;
    size_t j = it->second;
    const StageMeta& t = meta_[j];
    const StageMeta& s = meta_[i];
    alive_[i] = 0;
    if (IsAwsConfig(t.role) && IsAwsConfig(s.role)) {
      if (s.order >= t.order) {
        Note(j, "superseded AWS Config items (a later capture of the same resource)");
        ReplaceSlot(j, i);
      } else {
        Note(i, "superseded AWS Config items (a later capture of the same resource)");
      }
      return;
    }
    if (t.role == MergeRole::kGcpAsset && s.role == MergeRole::kGcpAsset) {
      MergeGcp(j, i);
      Note(i, "merged into an earlier line of the same asset");
      return;
    }
    Note(j, "replaced by a later record of the same resource");
    ReplaceSlot(j, i);
  }

  void MergeGcp(size_t j, size_t i) {
    StageMeta& t = meta_[j];
    const StageMeta& s = meta_[i];
    Resource& a = res_[j];
    Resource& b = res_[i];
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
    for (size_t i = 0; i < res_.size(); ++i) {
      const Resource& r = res_[i];
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
    for (size_t i = 0; i < res_.size(); ++i) {
      Resource& r = res_[i];
      if (r.provider != Provider::kGcp || r.account.rfind("projects/", 0) != 0) continue;
      auto it = ids.find(r.account);
      if (it != ids.end()) r.account = it->second;
    }
  }

  void MergeCredentialRow(size_t i) {
    Resource& row = res_[i];
    const Value* report = row.supplementary.Find("credentialReport");
    size_t target = SIZE_MAX;
    auto it = index_.find(KeyOf(i));
    if (it != index_.end() && alive_[it->second]) target = it->second;
    if (target == SIZE_MAX && row.type == "AWS::IAM::User") {
      if (by_name_.empty()) {
        for (size_t j = 0; j < res_.size(); ++j) {
          const Resource& u = res_[j];
          if (alive_[j] && u.type == "AWS::IAM::User" &&
              meta_[j].role != MergeRole::kCredentialReport) {
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
    Resource& user = res_[target];
    user.supplementary = WithMember(user.supplementary, "credentialReport", *report);
    alive_[i] = 0;
    Note(i, row.type == "AWS::IAM::User" ? "rows merged into IAM users"
                                         : "rows merged into the root account");
  }

  std::vector<Resource>& res_;
  std::vector<StageMeta>& meta_;
  std::vector<FileSummary>* files_;
  std::vector<char> alive_;
  std::unordered_map<Key, size_t, KeyHash> index_;
  std::unordered_map<std::string, size_t> by_name_;
};

}  // namespace

void MergeStaged(std::vector<Resource>* resources, std::vector<StageMeta>* metas,
                 std::vector<FileSummary>* files) {
  Merger m(*resources, *metas, files);
  m.Run();
}

}  // namespace kumo::inventory
