// Facts fixed when kumo was built: its version and where its data lives.
//
// Only build_info.cc sees the build-time paths, so every other file's
// compiled form is independent of where the checkout is (ccache hits
// across checkouts, reproducible objects).
#ifndef KUMO_COMMON_BUILD_INFO_H_
#define KUMO_COMMON_BUILD_INFO_H_

#include <string>
#include <vector>

namespace kumo {

// "0.1.0"
const char* KumoVersion();
// The installed data directory (<prefix>/share/kumo), holding policies/ and rules/.
std::string KumoInstalledDataDir();
// The source tree kumo was built from, so a binary run from its build tree
// finds policies/ and rules/ without installing. Empty if unknown.
std::string KumoSourceDir();
// Directories to search for a bundled data folder such as "policies" or
// "rules", best first: $KUMO_DATA_DIR/<name>, the source tree's <name>,
// the installed <prefix>/share/kumo/<name>. Only existing ones are returned.
std::vector<std::string> KumoDataDirs(const std::string& name);

}  // namespace kumo

#endif  // KUMO_COMMON_BUILD_INFO_H_
