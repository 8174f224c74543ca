// JOSE keys, signatures and verification for the io.jwt.* builtins, on
// OpenSSL 3's EVP interface.
//
// Keys come from PEM (a CERTIFICATE or a PUBLIC KEY block) or from JWK /
// JWK Set JSON (kty RSA, EC, OKP/Ed25519, oct). Algorithms are the JWS set
// OPA accepts: HS/RS/PS/ES 256/384/512 and EdDSA.
#ifndef KUMO_REGO_BUILTINS_B_JOSE_H_
#define KUMO_REGO_BUILTINS_B_JOSE_H_

#include <openssl/evp.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "value/value.h"

namespace kumo::rego::jose {

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

// A verification or signing key: an asymmetric key or an HMAC secret.
struct Key {
  std::shared_ptr<EVP_PKEY> pkey;  // null for a secret
  std::string secret;              // "oct" keys and plain secrets
  bool is_secret = false;
  std::string alg;  // JWK "alg", may be empty
  std::string kid;  // JWK "kid", may be empty
};

// Whether `alg` is a JWS algorithm OPA knows.
bool KnownAlgorithm(std::string_view alg);

// OPA's getKeysFromCertOrJWK: a PEM certificate / public key, or JWK(S).
// Error texts follow OPA ("failed to parse a JWK key (set): ...").
Result<std::vector<Key>> KeysFromCertOrJwk(std::string_view text);
// One JWK object to a key.
Result<Key> KeyFromJwk(const Value& jwk);
// Parses JWK or JWK Set text (for signing); returns the keys in order.
Result<std::vector<Key>> ParseJwkText(std::string_view text);

// Verifies `signature` over `input` with `alg`; false when it does not verify
// or the key does not fit the algorithm.
bool Verify(const Key& key, std::string_view alg, std::string_view input,
            std::string_view signature);
// Signs `input` with `alg` (JWS encoding: ECDSA as r||s).
Result<std::string> Sign(const Key& key, std::string_view alg, std::string_view input);

// The digest OpenSSL name for an algorithm's size suffix ("SHA256" for *256).
const char* DigestFor(std::string_view alg);

}  // namespace kumo::rego::jose

#endif  // KUMO_REGO_BUILTINS_B_JOSE_H_
