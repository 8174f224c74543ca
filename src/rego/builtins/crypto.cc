// Crypto builtins: digests (crypto.md5/sha1/sha256), HMACs
// (crypto.hmac.*), and X.509 / key parsing (crypto.x509.*,
// crypto.parse_private_keys), all on OpenSSL 3.
#include "rego/builtins/b_args.h"
#include "rego/builtins/b_crypto_util.h"
#include "rego/builtins/b_x509.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {

namespace {

template <const char* kMd>
bool DigestFn(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::string_view s;
  if (!bargs::String(ctx, args[0], 1, &s)) return false;
  *out = Value::String(bcrypto::HexEncode(bcrypto::Digest(kMd, s)));
  return true;
}

template <const char* kMd>
bool HmacFn(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::string_view msg, key;
  if (!bargs::String(ctx, args[0], 1, &msg) || !bargs::String(ctx, args[1], 2, &key)) return false;
  *out = Value::String(bcrypto::HexEncode(bcrypto::Hmac(kMd, key, msg)));
  return true;
}

bool HmacEqual(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::string_view a, b;
  if (!bargs::String(ctx, args[0], 1, &a) || !bargs::String(ctx, args[1], 2, &b)) return false;
  *out = Value::Bool(bcrypto::ConstantTimeEqual(a, b));
  return true;
}

constexpr char kMd5[] = "MD5";
constexpr char kSha1[] = "SHA1";
constexpr char kSha256[] = "SHA256";
constexpr char kSha512[] = "SHA512";

}  // namespace

void RegisterCryptoBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "crypto.md5", .decl = "(string) => string", .arity = 1, .fn = DigestFn<kMd5>});
  r.Add({.name = "crypto.sha1", .decl = "(string) => string", .arity = 1, .fn = DigestFn<kSha1>});
  r.Add(
      {.name = "crypto.sha256", .decl = "(string) => string", .arity = 1, .fn = DigestFn<kSha256>});
  r.Add({.name = "crypto.hmac.md5",
         .decl = "(string, string) => string",
         .arity = 2,
         .fn = HmacFn<kMd5>});
  r.Add({.name = "crypto.hmac.sha1",
         .decl = "(string, string) => string",
         .arity = 2,
         .fn = HmacFn<kSha1>});
  r.Add({.name = "crypto.hmac.sha256",
         .decl = "(string, string) => string",
         .arity = 2,
         .fn = HmacFn<kSha256>});
  r.Add({.name = "crypto.hmac.sha512",
         .decl = "(string, string) => string",
         .arity = 2,
         .fn = HmacFn<kSha512>});
  r.Add({.name = "crypto.hmac.equal",
         .decl = "(string, string) => boolean",
         .arity = 2,
         .fn = HmacEqual});
  RegisterX509Builtins(r);
}

}  // namespace kumo::rego
