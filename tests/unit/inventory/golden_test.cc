// Golden tests: every file in tests/golden/inventory/inputs/ is loaded on its
// own; its summary line, diagnostics and exported JSON Lines must equal
// tests/golden/inventory/expected/<file>.txt. Regenerate (then review the
// diff!) with KUMO_UPDATE_GOLDEN=1.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "inventory/loader.h"

namespace kumo::inventory {
namespace {

namespace fs = std::filesystem;

const char* kInputs = "tests/golden/inventory/inputs";
const char* kExpected = "tests/golden/inventory/expected";

std::string Render(const std::string& path, int threads) {
  LoadOptions opts;
  opts.threads = threads;
  Result<Inventory> inv = LoadInventory({path}, opts);
  if (!inv.ok()) return "error: " + inv.status().ToString() + "\n";
  std::string out;
  for (const FileSummary& f : inv->files) out += "summary: " + f.ToString() + "\n";
  for (Diagnostic d : inv->diagnostics.items()) {
    // Text that comes from the JSON library (the reader's diagnostics, the
    // parser's reason) is its own contract; keep only where and why here.
    if (d.code.rfind("json_", 0) == 0) d.message = "(reader diagnostic)";
    size_t p = d.message.find("valid JSON: ");
    if (p != std::string::npos) d.message.resize(p + 10);
    out += "diag: " + d.ToString() + "\n";
  }
  for (const Resource& r : inv->resources) out += ResourceToJsonLine(r) + "\n";
  return out;
}

std::vector<std::string> InputFiles() {
  std::vector<std::string> files;
  if (!fs::is_directory(kInputs)) return files;
  for (const auto& e : fs::directory_iterator(kInputs)) {
    if (e.is_regular_file()) files.push_back(e.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(InventoryGoldenTest, EveryInputMatchesItsExpectedOutput) {
  std::vector<std::string> files = InputFiles();
  ASSERT_FALSE(files.empty()) << "no golden inputs in " << kInputs
                              << " (tests run from the repository root)";
  bool update = std::getenv("KUMO_UPDATE_GOLDEN") != nullptr;
  for (const std::string& name : files) {
    SCOPED_TRACE(name);
    std::string input = std::string(kInputs) + "/" + name;
    std::string got = Render(input, 1);
    // The parallel pipeline must give byte-identical results.
    EXPECT_EQ(Render(input, 3), got);
    std::string expected_path = std::string(kExpected) + "/" + name + ".txt";
    if (update) {
      fs::create_directories(kExpected);
      std::ofstream(expected_path, std::ios::binary) << got;
      continue;
    }
    std::ifstream in(expected_path, std::ios::binary);
    ASSERT_TRUE(in.good()) << "missing " << expected_path << " (run with KUMO_UPDATE_GOLDEN=1)";
    std::stringstream ss;
    ss << in.rdbuf();
    EXPECT_EQ(got, ss.str());
  }
}

}  // namespace
}  // namespace kumo::inventory
