// Ownership: which product (and security champion) a finding belongs to.
//
// `kumo.yaml` lists products; each has a champion, a Slack channel, a Jira
// project and `match` rules over accounts (AWS), subscriptions (Azure),
// projects (GCP) and tags/labels (key=value). The first product whose rules
// match a resource wins; a finding with no match is `unassigned`. The schema
// is documented in docs/scan.md.
#ifndef KUMO_SCAN_OWNERSHIP_H_
#define KUMO_SCAN_OWNERSHIP_H_

#include <map>
#include <string>
#include <vector>

#include "common/diagnostic.h"
#include "common/status.h"
#include "model/resource.h"

namespace kumo::scan {

inline constexpr std::string_view kUnassigned = "unassigned";

struct Product {
  std::string name;
  std::string champion;
  std::string slack_channel;
  std::string jira_project;
  // Match rules: any one listed id or tag matching is enough.
  std::vector<std::string> accounts;                      // AWS account ids
  std::vector<std::string> subscriptions;                 // Azure subscription ids
  std::vector<std::string> projects;                      // GCP project ids
  std::vector<std::pair<std::string, std::string>> tags;  // key=value (AWS/Azure tags, GCP labels)
};

class Ownership {
 public:
  // Parses kumo.yaml text. Problems name the file, line and key; a product
  // with problems is skipped and the others still load.
  static Ownership Parse(std::string_view yaml_text, const std::string& file, Diagnostics* diags);
  // Reads and parses `path`; a missing or unreadable file is an error.
  static Result<Ownership> LoadFile(const std::string& path, Diagnostics* diags);

  // The first product whose rules match, or nullptr (unassigned).
  const Product* Match(Provider provider, std::string_view account,
                       const std::map<std::string, std::string>& tags) const;
  // Same for an account-scoped finding (no tags).
  const Product* MatchAccount(Provider provider, std::string_view account) const;

  const std::vector<Product>& products() const { return products_; }
  // Input paths named by `inputs:` in kumo.yaml (relative to its directory).
  const std::vector<std::string>& inputs() const { return inputs_; }

 private:
  std::vector<Product> products_;
  std::vector<std::string> inputs_;
};

}  // namespace kumo::scan

#endif  // KUMO_SCAN_OWNERSHIP_H_
