// crypto.x509.* and crypto.parse_private_keys: certificates, CSRs and keys
// parsed with OpenSSL and shaped like the JSON of Go's x509 types, which is
// what OPA returns.
#ifndef KUMO_REGO_BUILTINS_B_X509_H_
#define KUMO_REGO_BUILTINS_B_X509_H_

#include "rego/builtins/builtin.h"

namespace kumo::rego {

// Registers the X.509 and key-parsing builtins (called by RegisterCryptoBuiltins).
void RegisterX509Builtins(BuiltinRegistry& r);

}  // namespace kumo::rego

#endif  // KUMO_REGO_BUILTINS_B_X509_H_
