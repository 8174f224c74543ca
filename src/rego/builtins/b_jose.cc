// See b_jose.h.
#include "rego/builtins/b_jose.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "json/json.h"
#include "rego/builtins/b_crypto_util.h"

namespace kumo::rego::jose {

namespace {

struct BnFree {
  void operator()(BIGNUM* b) const { BN_free(b); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;

std::shared_ptr<EVP_PKEY> Share(EVP_PKEY* p) { return std::shared_ptr<EVP_PKEY>(p, EVP_PKEY_free); }

Result<std::string> B64Field(const Value& jwk, std::string_view name, bool required) {
  const Value* v = jwk.Find(name);
  if (v == nullptr) {
    if (required) return InvalidArgument("required field " + std::string(name) + " is missing");
    return std::string();
  }
  if (!v->is_string()) return InvalidArgument("field " + std::string(name) + " must be a string");
  auto d = bcrypto::Base64Decode(v->as_string(), bcrypto::B64::kUrl, false);
  if (!d.ok()) {
    // Tolerate padded input too.
    d = bcrypto::Base64UrlDecodeOpa(v->as_string());
    if (!d.ok())
      return InvalidArgument("failed to decode " + std::string(name) + ": " + d.status().message());
  }
  return std::move(*d);
}

Bn ToBn(const std::string& bytes) {
  return Bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()),
                      static_cast<int>(bytes.size()), nullptr));
}

Result<std::shared_ptr<EVP_PKEY>> FromParams(const char* type, OSSL_PARAM_BLD* bld, bool priv) {
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  OSSL_PARAM_BLD_free(bld);
  if (params == nullptr) return InvalidArgument("failed to build key parameters");
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
  EVP_PKEY* pkey = nullptr;
  bool ok =
      ctx != nullptr && EVP_PKEY_fromdata_init(ctx) == 1 &&
      EVP_PKEY_fromdata(ctx, &pkey, priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params) == 1;
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  if (!ok || pkey == nullptr) return InvalidArgument(std::string("invalid ") + type + " key");
  return Share(pkey);
}

Result<std::shared_ptr<EVP_PKEY>> RsaFromJwk(const Value& jwk) {
  auto n = B64Field(jwk, "n", true);
  auto e = B64Field(jwk, "e", true);
  if (!n.ok()) return n.status();
  if (!e.ok()) return e.status();
  auto d = B64Field(jwk, "d", false);
  if (!d.ok()) return d.status();
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  std::vector<Bn> keep;
  auto push = [&](const char* name, const std::string& bytes) {
    keep.push_back(ToBn(bytes));
    OSSL_PARAM_BLD_push_BN(bld, name, keep.back().get());
  };
  push(OSSL_PKEY_PARAM_RSA_N, *n);
  push(OSSL_PKEY_PARAM_RSA_E, *e);
  const bool priv = !d->empty();
  if (priv) {
    push(OSSL_PKEY_PARAM_RSA_D, *d);
    auto p = B64Field(jwk, "p", false), q = B64Field(jwk, "q", false);
    auto dp = B64Field(jwk, "dp", false), dq = B64Field(jwk, "dq", false),
         qi = B64Field(jwk, "qi", false);
    if (p.ok() && q.ok() && !p->empty() && !q->empty()) {
      push(OSSL_PKEY_PARAM_RSA_FACTOR1, *p);
      push(OSSL_PKEY_PARAM_RSA_FACTOR2, *q);
      if (dp.ok() && dq.ok() && qi.ok() && !dp->empty() && !dq->empty() && !qi->empty()) {
        push(OSSL_PKEY_PARAM_RSA_EXPONENT1, *dp);
        push(OSSL_PKEY_PARAM_RSA_EXPONENT2, *dq);
        push(OSSL_PKEY_PARAM_RSA_COEFFICIENT1, *qi);
      }
    }
  }
  return FromParams("RSA", bld, priv);
}

Result<std::shared_ptr<EVP_PKEY>> EcFromJwk(const Value& jwk) {
  const Value* crv = jwk.Find("crv");
  if (crv == nullptr || !crv->is_string()) return InvalidArgument("required field crv is missing");
  std::string group;
  size_t size = 0;
  if (crv->as_string() == "P-256") {
    group = "prime256v1", size = 32;
  } else if (crv->as_string() == "P-384") {
    group = "secp384r1", size = 48;
  } else if (crv->as_string() == "P-521") {
    group = "secp521r1", size = 66;
  } else {
    return InvalidArgument("unsupported EC curve " + std::string(crv->as_string()));
  }
  auto x = B64Field(jwk, "x", true), y = B64Field(jwk, "y", true);
  if (!x.ok()) return x.status();
  if (!y.ok()) return y.status();
  auto d = B64Field(jwk, "d", false);
  if (!d.ok()) return d.status();
  auto pad = [&](std::string s) {
    if (s.size() < size) s.insert(0, size - s.size(), '\0');
    return s;
  };
  std::string pub = "\x04" + pad(*x) + pad(*y);
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, group.c_str(), 0);
  OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pub.data(), pub.size());
  Bn priv;
  if (!d->empty()) {
    priv = ToBn(*d);
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, priv.get());
  }
  return FromParams("EC", bld, !d->empty());
}

Result<std::shared_ptr<EVP_PKEY>> OkpFromJwk(const Value& jwk) {
  const Value* crv = jwk.Find("crv");
  if (crv == nullptr || !crv->is_string() || crv->as_string() != "Ed25519") {
    return InvalidArgument("unsupported OKP curve");
  }
  auto x = B64Field(jwk, "x", true);
  if (!x.ok()) return x.status();
  auto d = B64Field(jwk, "d", false);
  if (!d.ok()) return d.status();
  EVP_PKEY* p = nullptr;
  if (!d->empty()) {
    p = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                     reinterpret_cast<const unsigned char*>(d->data()), d->size());
  } else {
    p = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                    reinterpret_cast<const unsigned char*>(x->data()), x->size());
  }
  if (p == nullptr) return InvalidArgument("invalid Ed25519 key");
  return Share(p);
}

}  // namespace

bool KnownAlgorithm(std::string_view alg) {
  static constexpr std::string_view kAlgs[] = {"RS256", "RS384", "RS512", "PS256", "PS384",
                                               "PS512", "ES256", "ES384", "ES512", "HS256",
                                               "HS384", "HS512", "EdDSA"};
  for (auto a : kAlgs) {
    if (a == alg) return true;
  }
  return false;
}

const char* DigestFor(std::string_view alg) {
  if (alg.ends_with("256")) return "SHA256";
  if (alg.ends_with("384")) return "SHA384";
  if (alg.ends_with("512")) return "SHA512";
  return nullptr;
}

Result<Key> KeyFromJwk(const Value& jwk) {
  if (!jwk.is_object()) return InvalidArgument("JWK must be a JSON object");
  const Value* kty = jwk.Find("kty");
  if (kty == nullptr || !kty->is_string()) return InvalidArgument("invalid key type from JSON ()");
  Key key;
  if (const Value* alg = jwk.Find("alg"); alg != nullptr && alg->is_string()) {
    key.alg = std::string(alg->as_string());
  }
  if (const Value* kid = jwk.Find("kid"); kid != nullptr && kid->is_string()) {
    key.kid = std::string(kid->as_string());
  }
  std::string_view t = kty->as_string();
  if (t == "oct") {
    auto k = B64Field(jwk, "k", true);
    if (!k.ok()) return k.status();
    key.secret = std::move(*k);
    key.is_secret = true;
    return key;
  }
  Result<std::shared_ptr<EVP_PKEY>> p =
      InvalidArgument("invalid key type from JSON (" + std::string(t) + ")");
  if (t == "RSA") {
    p = RsaFromJwk(jwk);
  } else if (t == "EC") {
    p = EcFromJwk(jwk);
  } else if (t == "OKP") {
    p = OkpFromJwk(jwk);
  }
  if (!p.ok()) return p.status();
  key.pkey = std::move(*p);
  return key;
}

Result<std::vector<Key>> ParseJwkText(std::string_view text) {
  auto v = json::ParseJson(text);
  if (!v.ok())
    return InvalidArgument("failed to unmarshal JSON into key hint: " + v.status().message());
  std::vector<Key> keys;
  if (const Value* set = v->Find("keys"); set != nullptr) {
    if (!set->is_array()) return InvalidArgument("keys must be an array");
    for (const Value& k : set->items()) {
      auto key = KeyFromJwk(k);
      if (!key.ok()) return key.status();
      keys.push_back(std::move(*key));
    }
    return keys;
  }
  auto key = KeyFromJwk(*v);
  if (!key.ok()) return key.status();
  keys.push_back(std::move(*key));
  return keys;
}

Result<std::vector<Key>> KeysFromCertOrJwk(std::string_view text) {
  bcrypto::PemBlock block;
  std::string_view rest;
  if (bcrypto::PemDecode(text, &block, &rest)) {
    if (!rest.empty()) return InvalidArgument("extra data after a PEM certificate block");
    const auto* p = reinterpret_cast<const unsigned char*>(block.der.data());
    if (block.type == "CERTIFICATE") {
      X509* cert = d2i_X509(nullptr, &p, static_cast<long>(block.der.size()));
      if (cert == nullptr) {
        return InvalidArgument("failed to parse a PEM certificate: x509: malformed certificate");
      }
      EVP_PKEY* pk = X509_get_pubkey(cert);
      X509_free(cert);
      if (pk == nullptr) {
        return InvalidArgument("failed to parse a PEM certificate: x509: unsupported public key");
      }
      Key k;
      k.pkey = Share(pk);
      return std::vector<Key>{k};
    }
    if (block.type == "PUBLIC KEY") {
      EVP_PKEY* pk = d2i_PUBKEY(nullptr, &p, static_cast<long>(block.der.size()));
      if (pk == nullptr) {
        return InvalidArgument("failed to parse a PEM public key: asn1: structure error");
      }
      Key k;
      k.pkey = Share(pk);
      return std::vector<Key>{k};
    }
    return InvalidArgument("failed to extract a Key from the PEM certificate");
  }
  auto keys = ParseJwkText(text);
  if (!keys.ok())
    return InvalidArgument("failed to parse a JWK key (set): " + keys.status().message());
  // Keys with an algorithm OPA does not know are skipped.
  std::vector<Key> out;
  for (auto& k : *keys) {
    if (!k.alg.empty() && !KnownAlgorithm(k.alg)) continue;
    out.push_back(std::move(k));
  }
  return out;
}

namespace {

bool RsaLike(const Key& key) {
  return key.pkey && EVP_PKEY_base_id(key.pkey.get()) == EVP_PKEY_RSA;
}

bool DigestVerify(EVP_PKEY* pkey, const char* md, int padding, std::string_view input,
                  std::string_view sig) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_PKEY_CTX* pctx = nullptr;
  bool ok = EVP_DigestVerifyInit_ex(ctx, &pctx, md, nullptr, nullptr, pkey, nullptr) == 1;
  if (ok && padding != 0) {
    ok = EVP_PKEY_CTX_set_rsa_padding(pctx, padding) == 1;
    if (ok && padding == RSA_PKCS1_PSS_PADDING) {
      ok = EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_AUTO) == 1;
    }
  }
  ok = ok &&
       EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                        reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

}  // namespace

bool Verify(const Key& key, std::string_view alg, std::string_view input,
            std::string_view signature) {
  if (alg.size() == 5 && alg.starts_with("HS")) {
    if (!key.is_secret) return false;
    return bcrypto::ConstantTimeEqual(bcrypto::Hmac(DigestFor(alg), key.secret, input), signature);
  }
  if (key.is_secret || !key.pkey) return false;
  EVP_PKEY* pk = key.pkey.get();
  if (alg == "EdDSA") {
    if (EVP_PKEY_base_id(pk) != EVP_PKEY_ED25519) return false;
    return DigestVerify(pk, nullptr, 0, input, signature);
  }
  const char* md = DigestFor(alg);
  if (md == nullptr) return false;
  if (alg.starts_with("RS"))
    return RsaLike(key) && DigestVerify(pk, md, RSA_PKCS1_PADDING, input, signature);
  if (alg.starts_with("PS"))
    return RsaLike(key) && DigestVerify(pk, md, RSA_PKCS1_PSS_PADDING, input, signature);
  if (alg.starts_with("ES")) {
    if (EVP_PKEY_base_id(pk) != EVP_PKEY_EC || signature.empty()) return false;
    // JWS carries r||s; OpenSSL wants a DER ECDSA-Sig-Value.
    const size_t n = signature.size() / 2;
    ECDSA_SIG* sig = ECDSA_SIG_new();
    BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(signature.data()),
                          static_cast<int>(n), nullptr);
    BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(signature.data() + n),
                          static_cast<int>(signature.size() - n), nullptr);
    ECDSA_SIG_set0(sig, r, s);
    unsigned char* der = nullptr;
    int len = i2d_ECDSA_SIG(sig, &der);
    ECDSA_SIG_free(sig);
    if (len <= 0) return false;
    std::string der_sig(reinterpret_cast<char*>(der), static_cast<size_t>(len));
    OPENSSL_free(der);
    return DigestVerify(pk, md, 0, input, der_sig);
  }
  return false;
}

Result<std::string> Sign(const Key& key, std::string_view alg, std::string_view input) {
  if (alg.size() == 5 && alg.starts_with("HS")) {
    if (!key.is_secret) return InvalidArgument("invalid key type for " + std::string(alg));
    return bcrypto::Hmac(DigestFor(alg), key.secret, input);
  }
  if (key.is_secret || !key.pkey)
    return InvalidArgument("invalid key type for " + std::string(alg));
  EVP_PKEY* pk = key.pkey.get();
  const char* md = alg == "EdDSA" ? nullptr : DigestFor(alg);
  int padding = 0;
  if (alg.starts_with("RS") || alg.starts_with("PS")) {
    if (EVP_PKEY_base_id(pk) != EVP_PKEY_RSA)
      return InvalidArgument("invalid key type for " + std::string(alg));
    padding = alg.starts_with("RS") ? RSA_PKCS1_PADDING : RSA_PKCS1_PSS_PADDING;
  } else if (alg.starts_with("ES")) {
    if (EVP_PKEY_base_id(pk) != EVP_PKEY_EC)
      return InvalidArgument("invalid key type for " + std::string(alg));
  } else if (alg == "EdDSA") {
    if (EVP_PKEY_base_id(pk) != EVP_PKEY_ED25519)
      return InvalidArgument("invalid key type for EdDSA");
  } else {
    return InvalidArgument("unsupported algorithm " + std::string(alg));
  }
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_PKEY_CTX* pctx = nullptr;
  bool ok = EVP_DigestSignInit_ex(ctx, &pctx, md, nullptr, nullptr, pk, nullptr) == 1;
  if (ok && padding != 0) {
    ok = EVP_PKEY_CTX_set_rsa_padding(pctx, padding) == 1;
    if (ok && padding == RSA_PKCS1_PSS_PADDING) {
      ok = EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1;
    }
  }
  size_t len = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(input.data());
  ok = ok && EVP_DigestSign(ctx, nullptr, &len, in, input.size()) == 1;
  std::string sig(len, '\0');
  ok = ok && EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len, in,
                            input.size()) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok) return InvalidArgument("failed to sign payload with " + std::string(alg));
  sig.resize(len);
  if (alg.starts_with("ES")) {
    // DER ECDSA-Sig-Value -> fixed-size r||s.
    const auto* p = reinterpret_cast<const unsigned char*>(sig.data());
    ECDSA_SIG* es = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size()));
    if (es == nullptr) return InvalidArgument("failed to encode ECDSA signature");
    const int size = (EVP_PKEY_get_bits(pk) + 7) / 8;
    std::string out(static_cast<size_t>(size) * 2, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(es), reinterpret_cast<unsigned char*>(out.data()), size);
    BN_bn2binpad(ECDSA_SIG_get0_s(es), reinterpret_cast<unsigned char*>(out.data()) + size, size);
    ECDSA_SIG_free(es);
    return out;
  }
  return sig;
}

}  // namespace kumo::rego::jose
