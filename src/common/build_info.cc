#include "common/build_info.h"

#include <cstdlib>
#include <filesystem>

namespace kumo {

const char* KumoVersion() { return KUMO_BUILD_VERSION; }

std::string KumoInstalledDataDir() { return KUMO_BUILD_DATA_DIR; }

std::string KumoSourceDir() { return KUMO_BUILD_SOURCE_DIR; }

std::vector<std::string> KumoDataDirs(const std::string& name) {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("KUMO_DATA_DIR"); env && *env) {
    candidates.push_back(std::string(env) + "/" + name);
  }
  if (!KumoSourceDir().empty()) candidates.push_back(KumoSourceDir() + "/" + name);
  candidates.push_back(KumoInstalledDataDir() + "/" + name);
  std::vector<std::string> out;
  std::error_code ec;
  for (auto& c : candidates) {
    if (std::filesystem::is_directory(c, ec)) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace kumo
