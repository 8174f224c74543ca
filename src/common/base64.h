// Base64 decoding shared by the stages that meet encoded payloads
// (credential reports, Pub/Sub message data, Falco's b64 transformer).
#ifndef KUMO_COMMON_BASE64_H_
#define KUMO_COMMON_BASE64_H_

#include <string>
#include <string_view>

namespace kumo {

// Decodes base64 in the standard or URL-safe alphabet into *out (replacing
// its contents). Whitespace is ignored and padding is optional; false on a
// character outside the alphabet, data after padding or more than two
// padding characters.
bool Base64Decode(std::string_view in, std::string* out);

}  // namespace kumo

#endif  // KUMO_COMMON_BASE64_H_
