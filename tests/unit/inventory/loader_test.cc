// Behaviour of the inventory loaders beyond the per-file goldens: merging
// across files, the traps of each format, paths, gzip, limits, threading.
#include "inventory/loader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "json/json.h"

namespace kumo::inventory {
namespace {

namespace fs = std::filesystem;

const char* kGolden = "tests/golden/inventory/inputs/";

Inventory Load(std::vector<std::string> paths, LoadOptions opts = {}) {
  Result<Inventory> inv = LoadInventory(paths, opts);
  EXPECT_TRUE(inv.ok()) << inv.status().ToString();
  return inv.ok() ? std::move(inv).value() : Inventory{};
}

Inventory LoadText(std::string name, std::string_view text, LoadOptions opts = {}) {
  Result<Inventory> inv = LoadInventoryBuffer(std::move(name), text, opts);
  EXPECT_TRUE(inv.ok()) << inv.status().ToString();
  return inv.ok() ? std::move(inv).value() : Inventory{};
}

const Resource* Find(const Inventory& inv, std::string_view id) {
  for (const Resource& r : inv.resources) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string Json(const Value* v) { return v == nullptr ? "<missing>" : json::ToJson(*v); }

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("kumo_inventory_test_" +
             std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
             std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, std::string_view bytes) {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

std::string Gzip(std::string_view in) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, in.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string ReadFile(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(InventoryLoaderTest, CredentialReportMergesIntoConfigUsersAndRoot) {
  Inventory inv = Load({std::string(kGolden) + "aws_config_snapshot.json",
                        std::string(kGolden) + "credential_report.csv"});
  const Resource* alice = Find(inv, "arn:aws:iam::111122223333:user/alice");
  ASSERT_NE(alice, nullptr);
  EXPECT_EQ(alice->source_format, "aws-config-file");  // the Config body is kept
  EXPECT_EQ(Json(alice->config.Find("userId")), "\"AIDAEXAMPLE1\"");
  EXPECT_EQ(Json(alice->supplementary.FindPath({"credentialReport", "mfa_active"})), "\"false\"");
  EXPECT_EQ(Json(alice->supplementary.FindPath({"credentialReport", "password_last_used"})),
            "\"no_information\"");
  const Resource* root = Find(inv, "arn:aws:iam::111122223333:root");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->type, "AWS::IAM::RootAccount");
  EXPECT_EQ(root->account, "111122223333");
  EXPECT_EQ(Json(root->supplementary.FindPath({"credentialReport", "access_key_1_active"})),
            "\"true\"");
  int users = 0;
  for (const Resource& r : inv.resources) users += r.type == "AWS::IAM::User";
  EXPECT_EQ(users, 1);  // alice merged, not duplicated; bob's row was broken
  EXPECT_EQ(inv.files[1].notes.at("rows merged into IAM users"), 1u);
  EXPECT_EQ(inv.skipped(), 2u);  // the snapshot's item without type, bob's short row
}

TEST(InventoryLoaderTest, CredentialRowMatchesUserByNameWhenArnDiffers) {
  std::string config =
      R"({"configurationItems":[{"resourceType":"AWS::IAM::User","resourceName":"dave",
    "resourceId":"AIDA1","ARN":"arn:aws:iam::123456789012:user/dave","awsAccountId":"123456789012",
    "awsRegion":"global","configuration":{"userName":"dave"}}]})";
  std::string csv =
      "user,arn,mfa_active\n"
      "dave,arn:aws:iam::123456789012:user/team/dave,true\n"
      "erin,arn:aws:iam::123456789012:user/erin,false\n";
  TempDir dir;
  Inventory inv = Load({dir.Write("a.json", config), dir.Write("b.csv", csv)});
  ASSERT_EQ(inv.resources.size(), 2u);
  EXPECT_EQ(inv.resources[0].id, "arn:aws:iam::123456789012:user/dave");
  EXPECT_EQ(Json(inv.resources[0].supplementary.FindPath({"credentialReport", "mfa_active"})),
            "\"true\"");
  // No Config item for erin: the row becomes the user, with {userName, arn}.
  EXPECT_EQ(inv.resources[1].type, "AWS::IAM::User");
  EXPECT_EQ(Json(&inv.resources[1].config),
            R"({"arn":"arn:aws:iam::123456789012:user/erin","userName":"erin"})");
}

TEST(InventoryLoaderTest, GcpResourceAndPolicyExportsMergeAcrossFiles) {
  std::string resources =
      R"({"name":"//storage.googleapis.com/b1","asset_type":"storage.googleapis.com/Bucket","resource":{"data":{"name":"b1","projectNumber":"77"},"location":"eu","parent":"//cloudresourcemanager.googleapis.com/projects/77"},"ancestors":["projects/77"]}
{"name":"//cloudresourcemanager.googleapis.com/projects/77","asset_type":"cloudresourcemanager.googleapis.com/Project","resource":{"data":{"projectId":"prod-x","projectNumber":"77"}},"ancestors":["projects/77"]}
)";
  std::string policies =
      R"({"name":"//storage.googleapis.com/b1","asset_type":"storage.googleapis.com/Bucket","iam_policy":{"bindings":[{"role":"roles/storage.objectViewer","members":["allUsers"]}]},"ancestors":["projects/77"]}
)";
  TempDir dir;
  // Policies first: the merged resource still gets the body and its source.
  Inventory inv = Load({dir.Write("p.jsonl", policies), dir.Write("r.jsonl", resources)});
  ASSERT_EQ(inv.resources.size(), 2u);
  const Resource* b = Find(inv, "//storage.googleapis.com/b1");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(Json(b->iam_policy.FindPath({"bindings"})),
            R"([{"members":["allUsers"],"role":"roles/storage.objectViewer"}])");
  EXPECT_EQ(Json(b->config.Find("name")), "\"b1\"");
  EXPECT_EQ(b->region, "eu");
  EXPECT_EQ(b->account, "prod-x");  // projects/77 resolved through the Project asset
  EXPECT_NE(b->source_file.find("r.jsonl"), std::string::npos);
}

TEST(InventoryLoaderTest, GcpCamelAndSnakeCaseGiveTheSameResource) {
  std::string snake =
      R"({"name":"//compute.googleapis.com/projects/p1/global/firewalls/fw","asset_type":"compute.googleapis.com/Firewall","resource":{"discovery_name":"Firewall","data":{"sourceRanges":["0.0.0.0/0"]},"location":"global"},"iam_policy":{"bindings":[]},"ancestors":["projects/9"],"update_time":"2025-01-01T00:00:00Z"})";
  std::string camel =
      R"({"name":"//compute.googleapis.com/projects/p1/global/firewalls/fw","assetType":"compute.googleapis.com/Firewall","resource":{"discoveryName":"Firewall","data":{"sourceRanges":["0.0.0.0/0"]},"location":"global"},"iamPolicy":{"bindings":[]},"ancestors":["projects/9"],"updateTime":"2025-01-01T00:00:00Z"})";
  Inventory a = LoadText("a.jsonl", snake);
  Inventory b = LoadText("b.json", camel);
  ASSERT_EQ(a.resources.size(), 1u);
  ASSERT_EQ(b.resources.size(), 1u);
  Resource ra = a.resources[0], rb = b.resources[0];
  EXPECT_EQ(ra.source_format, "gcp-cai-export");
  EXPECT_EQ(rb.source_format, "gcp-cai-rest");
  EXPECT_EQ(ra.account, "p1");
  ra.source_file = rb.source_file = "";
  ra.source_format = rb.source_format = "";
  EXPECT_EQ(ResourceToJsonLine(ra), ResourceToJsonLine(rb));
}

TEST(InventoryLoaderTest, AwsConfigStringAndObjectConfigurationAreEquivalent) {
  std::string file_form =
      R"({"configurationItems":[{"resourceType":"AWS::S3::Bucket","resourceId":"b","resourceName":"b","ARN":"arn:aws:s3:::b","awsAccountId":"1","awsRegion":"us-east-1","configuration":{"name":"b","n":12345678901234567890},"supplementaryConfiguration":{"BucketPolicy":{"policyText":"{}"}},"tags":{"k":"v"}}]})";
  std::string api_form =
      R"({"configurationItems":[{"resourceType":"AWS::S3::Bucket","resourceId":"b","resourceName":"b","arn":"arn:aws:s3:::b","accountId":"1","awsRegion":"us-east-1","configuration":"{\"name\":\"b\",\"n\":12345678901234567890}","supplementaryConfiguration":{"BucketPolicy":"{\"policyText\":\"{}\"}"},"tags":{"k":"v"}}]})";
  Inventory a = LoadText("file.json", file_form);
  Inventory b = LoadText("api.json", api_form);
  ASSERT_EQ(a.resources.size(), 1u);
  ASSERT_EQ(b.resources.size(), 1u);
  EXPECT_EQ(Json(&a.resources[0].config), Json(&b.resources[0].config));
  EXPECT_EQ(Json(&a.resources[0].config), R"({"n":12345678901234567890,"name":"b"})");
  EXPECT_EQ(Json(&a.resources[0].supplementary), Json(&b.resources[0].supplementary));
  EXPECT_EQ(a.resources[0].account, "1");
  EXPECT_EQ(b.resources[0].account, "1");
}

TEST(InventoryLoaderTest, AzureTableFormObjectFormAndCliFlattenedAgree) {
  std::string objects =
      R"({"count":1,"data":[{"id":"/subscriptions/s1/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/a","name":"a","type":"microsoft.storage/storageaccounts","location":"eastus","tags":{"t":"1"},"properties":{"allowBlobPublicAccess":true}}],"skip_token":null,"total_records":1})";
  std::string table =
      R"({"totalRecords":1,"count":1,"data":{"columns":[{"name":"id","type":"string"},{"name":"name","type":"string"},{"name":"type","type":"string"},{"name":"location","type":"string"},{"name":"tags","type":"object"},{"name":"properties","type":"object"}],"rows":[["/subscriptions/s1/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/a","a","microsoft.storage/storageaccounts","eastus",{"t":"1"},{"allowBlobPublicAccess":true}]]}})";
  std::string flattened =
      R"([{"id":"/subscriptions/s1/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/a","name":"a","type":"Microsoft.Storage/storageAccounts","location":"eastus","tags":{"t":"1"},"allowBlobPublicAccess":true}])";
  Inventory a = LoadText("objects.json", objects);
  Inventory b = LoadText("table.json", table);
  Inventory c = LoadText("cli.json", flattened);
  for (const Inventory* inv : {&a, &b, &c}) {
    ASSERT_EQ(inv->resources.size(), 1u);
    const Resource& r = inv->resources[0];
    EXPECT_EQ(r.type, "microsoft.storage/storageaccounts");
    EXPECT_EQ(r.account, "s1");
    EXPECT_EQ(r.region, "eastus");
    EXPECT_EQ(r.tags.at("t"), "1");
    EXPECT_EQ(Json(r.config.FindPath({"properties", "allowBlobPublicAccess"})), "true");
    EXPECT_EQ(Json(r.config.Find("type")), "\"microsoft.storage/storageaccounts\"");
  }
  EXPECT_EQ(Json(&a.resources[0].config), Json(&b.resources[0].config));
  EXPECT_EQ(Json(&a.resources[0].config), Json(&c.resources[0].config));
  EXPECT_EQ(c.resources[0].source_format, "azure-cli");
}

TEST(InventoryLoaderTest, AzureTypeComesFromTheIdWhenNotProjected) {
  Inventory inv = LoadText(
      "x.json",
      R"({"data":[{"id":"/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a/raiPolicies/p","properties":{}}]})");
  ASSERT_EQ(inv.resources.size(), 1u);
  EXPECT_EQ(inv.resources[0].type, "microsoft.cognitiveservices/accounts/raipolicies");
  EXPECT_EQ(inv.resources[0].name, "p");
}

TEST(InventoryLoaderTest, GzipFilesLoadLikeTheirPlainText) {
  std::string plain = ReadFile(std::string(kGolden) + "gcp_cai_export.jsonl");
  ASSERT_FALSE(plain.empty());
  TempDir dir;
  std::string gz = dir.Write("export.jsonl.gz", Gzip(plain));
  std::string txt = dir.Write("export.jsonl", plain);
  Inventory a = Load({gz});
  Inventory b = Load({txt});
  ASSERT_EQ(a.resources.size(), b.resources.size());
  ASSERT_EQ(a.resources.size(), 5u);
  for (size_t i = 0; i < a.resources.size(); ++i) {
    EXPECT_EQ(Json(&a.resources[i].config), Json(&b.resources[i].config));
  }
  EXPECT_EQ(a.files[0].skipped, b.files[0].skipped);
  // The credential report CSV is also read through gzip.
  std::string csv = ReadFile(std::string(kGolden) + "credential_report.csv");
  Inventory c = Load({dir.Write("report.csv.gz", Gzip(csv))});
  EXPECT_EQ(c.files[0].format, "aws-iam-credential-report");
  EXPECT_EQ(c.resources.size(), 2u);
  Inventory d =
      LoadText("mem.json.gz", Gzip(ReadFile(std::string(kGolden) + "azure_cli_list.json")));
  EXPECT_EQ(d.resources.size(), 2u);
}

TEST(InventoryLoaderTest, DirectoriesAreWalkedInOrderSkippingOtherFiles) {
  TempDir dir;
  dir.Write(
      "b/cai.jsonl",
      R"({"name":"//storage.googleapis.com/z","asset_type":"storage.googleapis.com/Bucket","resource":{"data":{}}})");
  dir.Write(
      "a/arg.json",
      R"({"data":[{"id":"/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/w","type":"Microsoft.Web/sites"}]})");
  dir.Write("kumo.yaml", "products: []\n");
  dir.Write("README.md", "# hi\n");
  dir.Write(".hidden/x.json", "{not json");
  Inventory inv = Load({dir.path()});
  ASSERT_EQ(inv.files.size(), 2u);
  EXPECT_NE(inv.files[0].path.find("a/arg.json"), std::string::npos);
  EXPECT_EQ(inv.files[0].format, "azure-arg");
  EXPECT_EQ(inv.files[1].format, "gcp-cai");
  EXPECT_EQ(inv.resources.size(), 2u);
  EXPECT_EQ(inv.skipped(), 0u);
}

TEST(InventoryLoaderTest, BrokenInputsAreReportedAndTheRunGoesOn) {
  TempDir dir;
  std::string good = dir.Write("good.json", R"([{"id":"/subscriptions/s/x","type":"a/b"}])");
  Inventory inv = Load({dir.path() + "/missing.json", good});
  ASSERT_EQ(inv.files.size(), 2u);
  EXPECT_EQ(inv.files[0].skipped_by_reason.at("unreadable"), 1u);
  EXPECT_EQ(inv.resources.size(), 1u);
  ASSERT_FALSE(inv.diagnostics.empty());
  EXPECT_NE(inv.diagnostics.items()[0].ToString().find("missing.json"), std::string::npos);
  EXPECT_NE(inv.diagnostics.items()[0].message.find("no such file"), std::string::npos);

  // UTF-16 gets the reader's clear error.
  std::string utf16("\xFF\xFE{\0\"\0}\0", 8);
  Inventory u = LoadText("utf16.json", utf16);
  EXPECT_EQ(u.skipped(), 1u);
  ASSERT_FALSE(u.diagnostics.empty());
  EXPECT_NE(u.diagnostics.items()[0].message.find("UTF-16"), std::string::npos);

  // A corrupt .gz file.
  std::string gz = Gzip(R"({"data":[]})");
  gz.resize(gz.size() / 2);
  Inventory g = Load({dir.Write("cut.json.gz", gz)});
  EXPECT_GE(g.skipped(), 1u);

  // An empty file is a warning, not a skip.
  Inventory e = Load({dir.Write("empty.json", "")});
  EXPECT_EQ(e.skipped(), 0u);
  EXPECT_EQ(e.diagnostics.warning_count(), 1u);
}

TEST(InventoryLoaderTest, DepthLimitSkipsTheRecord) {
  std::string deep =
      R"({"name":"//x.googleapis.com/a","asset_type":"x.googleapis.com/A","resource":{"data":)";
  for (int i = 0; i < 50; ++i) deep += "[";
  for (int i = 0; i < 50; ++i) deep += "]";
  deep += "}}\n";
  std::string ok =
      R"({"name":"//x.googleapis.com/b","asset_type":"x.googleapis.com/A","resource":{"data":{}}})";
  LoadOptions opts;
  opts.limits.max_depth = 20;
  Inventory inv = LoadText("deep.jsonl", ok + "\n" + deep + ok + "\n", opts);
  EXPECT_EQ(inv.files[0].skipped, 1u);
  EXPECT_EQ(inv.files[0].resources, 2u);
}

TEST(InventoryLoaderTest, ForcedFormatAndUnknownFormatName) {
  Result<Inventory> bad = LoadInventoryBuffer("x.json", "{}", LoadOptions{.format = "nope"});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("nope"), std::string::npos);
  // Forcing azure-arg on an object that detection would not claim.
  LoadOptions opts;
  opts.format = "azure-arg";
  Inventory inv = LoadText("x.json", R"({"id":"weird-id","type":"A/B","properties":{}})", opts);
  ASSERT_EQ(inv.resources.size(), 1u);
  EXPECT_EQ(inv.resources[0].type, "a/b");
}

TEST(InventoryLoaderTest, KumoJsonlRoundTripsEveryFormat) {
  std::vector<std::string> paths;
  for (const auto& e : fs::directory_iterator(kGolden)) paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  Inventory first = Load(paths);
  ASSERT_GT(first.resources.size(), 20u);
  std::string jsonl;
  for (const Resource& r : first.resources) jsonl += ResourceToJsonLine(r) + "\n";
  Inventory second = LoadText("export.jsonl", jsonl);
  ASSERT_EQ(second.resources.size(), first.resources.size());
  EXPECT_EQ(second.skipped(), 0u);
  for (size_t i = 0; i < first.resources.size(); ++i) {
    Resource a = first.resources[i];
    Resource b = second.resources[i];
    EXPECT_EQ(b.source_format, "kumo-jsonl");
    a.source_file = b.source_file = "";
    a.source_format = b.source_format = "";
    a.source_record = b.source_record = 0;
    EXPECT_EQ(ResourceToJsonLine(a), ResourceToJsonLine(b));
  }
}

TEST(InventoryLoaderTest, ParallelLoadingKeepsOrderAndCounts) {
  std::string text;
  for (int i = 0; i < 5000; ++i) {
    text += R"({"name":"//storage.googleapis.com/b)" + std::to_string(i) +
            R"(","asset_type":"storage.googleapis.com/Bucket","resource":{"data":{"name":"b)" +
            std::to_string(i) + R"("},"location":"us"},"ancestors":["projects/1"]})" + "\n";
    if (i % 1000 == 7) text += "{broken\n";
  }
  LoadOptions one;
  one.threads = 1;
  LoadOptions two;
  two.threads = 2;
  Inventory a = LoadText("big.jsonl", text, one);
  Inventory b = LoadText("big.jsonl", text, two);
  ASSERT_EQ(a.resources.size(), 5000u);
  ASSERT_EQ(b.resources.size(), 5000u);
  EXPECT_EQ(a.skipped(), 5u);
  EXPECT_EQ(b.skipped(), 5u);
  for (size_t i = 0; i < a.resources.size(); ++i) {
    ASSERT_EQ(a.resources[i].id, b.resources[i].id);
    ASSERT_EQ(a.resources[i].source_record, b.resources[i].source_record);
  }
  EXPECT_EQ(a.resources[4999].id, "//storage.googleapis.com/b4999");
}

TEST(InventoryLoaderTest, NoMergeKeepsEveryRecord) {
  LoadOptions opts;
  opts.merge = false;
  Inventory inv = Load({std::string(kGolden) + "aws_config_history_bom.json"}, opts);
  EXPECT_EQ(inv.resources.size(), 5u);
}

TEST(InventoryLoaderTest, ResourceFromValueNamesTheBadKey) {
  Result<Value> v = json::ParseJson(R"({"provider":"aws","type":"T","id":"i","ancestors":{}})");
  ASSERT_TRUE(v.ok());
  Result<Resource> r = ResourceFromValue(v.value());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("ancestors"), std::string::npos);
  Result<Value> w = json::ParseJson(R"({"provider":"aws","id":"i"})");
  ASSERT_TRUE(w.ok());
  EXPECT_NE(ResourceFromValue(w.value()).status().message().find("type"), std::string::npos);
}

TEST(InventoryLoaderTest, SummaryLineNamesFormatTypesAndSkips) {
  Inventory inv = Load({std::string(kGolden) + "aws_config_query.json"});
  ASSERT_EQ(inv.files.size(), 1u);
  std::string line = inv.files[0].ToString();
  EXPECT_NE(line.find("aws-config"), std::string::npos);
  EXPECT_NE(line.find("AWS::EC2::SecurityGroup=1"), std::string::npos);
  EXPECT_NE(line.find("2 skipped [aws_config_bad_row=1, aws_config_no_type=1]"), std::string::npos);
}

}  // namespace
}  // namespace kumo::inventory
