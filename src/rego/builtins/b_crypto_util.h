// Byte-level helpers for the crypto and JWT builtins: Go-compatible base64
// (with Go's "illegal base64 data at input byte N" errors), hex, digests
// and HMAC through OpenSSL 3's EVP interface, and PEM block splitting.
#ifndef KUMO_REGO_BUILTINS_B_CRYPTO_UTIL_H_
#define KUMO_REGO_BUILTINS_B_CRYPTO_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace kumo::rego::bcrypto {

enum class B64 { kStd, kUrl };

// Go's base64 decoding: `padded` selects StdEncoding/URLEncoding (true) or
// the Raw* variants (false). CR/LF are skipped as Go does. The error text is
// Go's CorruptInputError ("illegal base64 data at input byte N").
Result<std::string> Base64Decode(std::string_view src, B64 alphabet, bool padded);
// OPA's base64url.decode: pads an unpadded input (RFC 7515 appendix C), then
// decodes with the padded URL alphabet.
Result<std::string> Base64UrlDecodeOpa(std::string_view src);
std::string Base64Encode(std::string_view src, B64 alphabet, bool padded);
std::string HexEncode(std::string_view bytes);

// A message digest by OpenSSL name ("MD5", "SHA1", "SHA256", ...).
std::string Digest(std::string_view md_name, std::string_view data);
std::string Hmac(std::string_view md_name, std::string_view key, std::string_view data);
// Constant-time comparison.
bool ConstantTimeEqual(std::string_view a, std::string_view b);

// One PEM block: its type ("CERTIFICATE") and decoded DER bytes.
struct PemBlock {
  std::string type;
  std::string der;
};
// Go's pem.Decode: the first block in `data`, and the rest after it. Returns
// false when no block is found.
bool PemDecode(std::string_view data, PemBlock* block, std::string_view* rest);

}  // namespace kumo::rego::bcrypto

#endif  // KUMO_REGO_BUILTINS_B_CRYPTO_UTIL_H_
