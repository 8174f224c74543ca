// The bundled example organisation (examples/) loads without a skipped
// record, and every resource examples/README.md lists (the seeded
// misconfigurations and the good resources) is in the inventory — and
// nothing else is, so the scan expectations built on that list are complete.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "inventory/loader.h"
#include "json/json.h"

namespace kumo::inventory {
namespace {

std::set<std::string> ReadmeIds() {
  std::ifstream in("examples/README.md");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  // Only the resource lists (the file table above them names files).
  size_t start = text.find("## Seeded misconfigurations");
  text = start == std::string::npos ? "" : text.substr(start);
  std::set<std::string> ids;
  std::regex row(R"(^\| `([^`]+)` \|)", std::regex::multiline);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), row); it != std::sregex_iterator();
       ++it) {
    ids.insert((*it)[1].str());
  }
  return ids;
}

TEST(ExamplesTest, LoadCleanlyAndMatchTheReadme) {
  Result<Inventory> inv = LoadInventory({"examples"});
  ASSERT_TRUE(inv.ok()) << inv.status().ToString();
  for (const Diagnostic& d : inv->diagnostics.items()) ADD_FAILURE() << d.ToString();
  EXPECT_EQ(inv->skipped(), 0u);
  EXPECT_EQ(inv->files.size(), 9u);

  std::set<std::string> listed = ReadmeIds();
  ASSERT_GE(listed.size(), 60u) << "examples/README.md lists too few resources";
  std::set<std::string> loaded;
  for (const Resource& r : inv->resources) {
    EXPECT_TRUE(loaded.insert(r.id).second) << "duplicate id " << r.id;
    EXPECT_NE(r.account, "") << r.id;
    EXPECT_EQ(r.account.find("projects/"), std::string::npos) << r.id << " kept a project number";
  }
  for (const std::string& id : listed) EXPECT_TRUE(loaded.count(id)) << "README lists " << id;
  for (const std::string& id : loaded) EXPECT_TRUE(listed.count(id)) << "README misses " << id;
}

TEST(ExamplesTest, CrossFileFactsAreMerged) {
  Result<Inventory> inv = LoadInventory({"examples"});
  ASSERT_TRUE(inv.ok());
  auto find = [&](std::string_view id) -> const Resource* {
    for (const Resource& r : inv->resources) {
      if (r.id == id) return &r;
    }
    return nullptr;
  };
  const Resource* bob = find("arn:aws:iam::111122223333:user/bob");
  ASSERT_NE(bob, nullptr);
  EXPECT_EQ(json::ToJson(*bob->supplementary.FindPath({"credentialReport", "mfa_active"})),
            "\"false\"");
  const Resource* root = find("arn:aws:iam::444455556666:root");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->type, "AWS::IAM::RootAccount");
  const Resource* bucket = find("//storage.googleapis.com/payments-prod-public-reports");
  ASSERT_NE(bucket, nullptr);
  EXPECT_EQ(bucket->account, "payments-prod-4821");
  EXPECT_NE(json::ToJson(bucket->iam_policy).find("allUsers"), std::string::npos);
  const Resource* key =
      find("arn:aws:kms:us-east-1:111122223333:key/7c6b5a49-3827-4165-9483-726150493827");
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(json::ToJson(*key->supplementary.Find("KeyRotationStatus")), "false");
}

}  // namespace
}  // namespace kumo::inventory
