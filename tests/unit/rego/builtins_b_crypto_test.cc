// crypto.* builtins: digests and HMACs against published vectors; X.509,
// CSR and key parsing against certificates made with the openssl CLI
// (builtins_b_vectors.h).
#include <gtest/gtest.h>

#include "builtins_b_test_util.h"
#include "builtins_b_vectors.h"
#include "rego/builtins/b_crypto_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

using btest::Invoke;
using btest::S;

class CryptoBuiltinsTest : public ::testing::Test {
 protected:
  void SetUp() override { RegisterCryptoBuiltins(r_); }
  Value Call(std::string_view name, std::vector<Value> args) {
    auto c = Invoke(r_, name, std::move(args), /*now_ns=*/1800000000000000000);
    EXPECT_TRUE(c.defined) << name << ": " << c.message;
    return c.value;
  }
  BuiltinRegistry r_;
};

TEST_F(CryptoBuiltinsTest, Digests) {
  EXPECT_EQ(Call("crypto.md5", {S("")}), S("d41d8cd98f00b204e9800998ecf8427e"));
  EXPECT_EQ(Call("crypto.sha1", {S("abc")}), S("a9993e364706816aba3e25717850c26c9cd0d89d"));
  EXPECT_EQ(Call("crypto.sha256", {S("abc")}),
            S("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  EXPECT_EQ(Invoke(r_, "crypto.md5", {Value::Int(1)}).code, "eval_type_error");
}

TEST_F(CryptoBuiltinsTest, Hmacs) {
  const Value msg = S("The quick brown fox jumps over the lazy dog"), key = S("key");
  EXPECT_EQ(Call("crypto.hmac.md5", {msg, key}), S("80070713463e7749b90c2dc24911e275"));
  EXPECT_EQ(Call("crypto.hmac.sha1", {msg, key}), S("de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9"));
  EXPECT_EQ(Call("crypto.hmac.sha256", {msg, key}),
            S("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"));
  EXPECT_EQ(
      Call("crypto.hmac.sha512", {msg, key}),
      S("b42af09057bac1e2d41708e48a902e09b5ff7f12ab428a4fe86653c73dd248fb82f948a549f7b791a5b41"
        "915ee4d1ec3935357e4e2317250d0372afa2ebeeb3a"));
  // RFC 4231 test case 2.
  EXPECT_EQ(Call("crypto.hmac.sha256", {S("what do ya want for nothing?"), S("Jefe")}),
            S("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
  EXPECT_EQ(Call("crypto.hmac.equal", {S("abc"), S("abc")}), Value::Bool(true));
  EXPECT_EQ(Call("crypto.hmac.equal", {S("abc"), S("abd")}), Value::Bool(false));
  EXPECT_EQ(Call("crypto.hmac.equal", {S("abc"), S("ab")}), Value::Bool(false));
}

TEST(CryptoUtilTest, GoBase64Errors) {
  using bcrypto::B64;
  EXPECT_EQ(*bcrypto::Base64Decode("aGVsbG8=", B64::kStd, true), "hello");
  EXPECT_EQ(*bcrypto::Base64Decode("aGVs\nbG8=", B64::kStd, true), "hello");
  EXPECT_EQ(bcrypto::Base64Decode("foobar", B64::kStd, true).status().message(),
            "illegal base64 data at input byte 4");
  EXPECT_EQ(bcrypto::Base64Decode("ab!d", B64::kStd, true).status().message(),
            "illegal base64 data at input byte 2");
  EXPECT_EQ(*bcrypto::Base64Decode("aGVsbG8", B64::kUrl, false), "hello");
  EXPECT_EQ(*bcrypto::Base64UrlDecodeOpa("aGVsbG8"), "hello");
  EXPECT_EQ(bcrypto::Base64UrlDecodeOpa("a").status().message(), "illegal base64url string: a");
  EXPECT_EQ(bcrypto::Base64Encode("hello", B64::kUrl, false), "aGVsbG8");
}

TEST_F(CryptoBuiltinsTest, ParseCertificatesPemAndBase64) {
  const std::string chain = std::string(bvec::kLeafCertPem) + bvec::kRootCertPem;
  Value certs = Call("crypto.x509.parse_certificates", {S(chain)});
  ASSERT_EQ(certs.size(), 2u);
  const Value& leaf = certs.items()[0];
  EXPECT_EQ(*leaf.FindPath({"Subject", "CommonName"}), S("leaf.kumo.test"));
  EXPECT_EQ(*leaf.FindPath({"Issuer", "CommonName"}), S("Kumo Test Root"));
  EXPECT_EQ(*leaf.Find("DNSNames"), Value::Array({S("leaf.kumo.test")}));
  EXPECT_EQ(*leaf.Find("URIStrings"), Value::Array({S("spiffe://kumo.test/leaf")}));
  EXPECT_EQ(*leaf.Find("IPAddresses"), Value::Array({S("10.0.0.1")}));
  EXPECT_EQ(*leaf.Find("ExtKeyUsage"), Value::Array({Value::Int(1)}));
  EXPECT_EQ(*leaf.Find("KeyUsage"), Value::Int(1));            // digitalSignature
  EXPECT_EQ(*leaf.Find("PublicKeyAlgorithm"), Value::Int(3));  // ECDSA
  EXPECT_EQ(*leaf.Find("SignatureAlgorithm"), Value::Int(4));  // SHA256WithRSA
  EXPECT_EQ(*leaf.Find("Version"), Value::Int(3));
  EXPECT_EQ(*leaf.Find("IsCA"), Value::Bool(false));
  EXPECT_TRUE(leaf.Find("EmailAddresses")->is_null());
  const Value& root = certs.items()[1];
  EXPECT_EQ(*root.Find("IsCA"), Value::Bool(true));
  EXPECT_EQ(*root.Find("BasicConstraintsValid"), Value::Bool(true));
  EXPECT_EQ(*root.FindPath({"Subject", "Organization"}), Value::Array({S("Kumo Test")}));
  EXPECT_EQ(*root.FindPath({"Subject", "Country"}), Value::Array({S("US")}));
  EXPECT_EQ(*root.Find("KeyUsage"), Value::Int(32 | 64));  // certSign | cRLSign
  EXPECT_TRUE(root.Find("URIStrings")->is_null());
  EXPECT_EQ(root.FindPath({"PublicKey", "E"})->number_text(), "65537");
  // The same certificate as base64 of the PEM text, and as base64 DER.
  const std::string b64pem = bcrypto::Base64Encode(bvec::kLeafCertPem, bcrypto::B64::kStd, true);
  EXPECT_EQ(Call("crypto.x509.parse_certificates", {S(b64pem)}).items()[0], leaf);
  EXPECT_EQ(Call("crypto.x509.parse_certificates", {*leaf.Find("Raw")}).items()[0], leaf);
  auto bad = Invoke(r_, "crypto.x509.parse_certificates", {S("YmFkc3RyaW5n")});
  EXPECT_EQ(bad.code, "eval_builtin_error");
  EXPECT_EQ(bad.message, "x509: malformed certificate");
  EXPECT_EQ(Invoke(r_, "crypto.x509.parse_certificates", {S("not base64!")}).message,
            "illegal base64 data at input byte 3");
}

TEST_F(CryptoBuiltinsTest, ParseAndVerifyChain) {
  const std::string root_first = std::string(bvec::kRootCertPem) + bvec::kLeafCertPem;
  Value r = Call("crypto.x509.parse_and_verify_certificates", {S(root_first)});
  ASSERT_EQ(r.items()[0], Value::Bool(true));
  ASSERT_EQ(r.items()[1].size(), 2u);
  EXPECT_EQ(*r.items()[1].items()[0].FindPath({"Subject", "CommonName"}), S("leaf.kumo.test"));
  // Wrong order: the leaf is not a trust anchor for the root.
  const std::string leaf_first = std::string(bvec::kLeafCertPem) + bvec::kRootCertPem;
  EXPECT_EQ(Call("crypto.x509.parse_and_verify_certificates", {S(leaf_first)}),
            Value::Array({Value::Bool(false), Value::EmptyArray()}));
  // A single certificate cannot be verified.
  EXPECT_EQ(Call("crypto.x509.parse_and_verify_certificates", {S(bvec::kRootCertPem)}).items()[0],
            Value::Bool(false));
  auto opts = [](std::vector<ObjectEntry> e) { return Value::Object(std::move(e)); };
  EXPECT_EQ(Call("crypto.x509.parse_and_verify_certificates_with_options",
                 {S(root_first), opts({{S("DNSName"), S("leaf.kumo.test")}})})
                .items()[0],
            Value::Bool(true));
  EXPECT_EQ(Call("crypto.x509.parse_and_verify_certificates_with_options",
                 {S(root_first), opts({{S("KeyUsages"), Value::Array({S("KeyUsageServerAuth")})}})})
                .items()[0],
            Value::Bool(true));
  EXPECT_EQ(Call("crypto.x509.parse_and_verify_certificates_with_options",
                 {S(root_first), opts({{S("DNSName"), S("other.test")}})})
                .items()[0],
            Value::Bool(false));
  EXPECT_EQ(
      Call("crypto.x509.parse_and_verify_certificates_with_options",
           {S(root_first), opts({{S("KeyUsages"), Value::Array({S("KeyUsageCodeSigning")})}})})
          .items()[0],
      Value::Bool(false));
  // Far future: past NotAfter.
  EXPECT_EQ(Call("crypto.x509.parse_and_verify_certificates_with_options",
                 {S(root_first), opts({{S("CurrentTime"), Value::Number("9000000000000000000")}})})
                .items()[0],
            Value::Bool(false));
  auto c = Invoke(r_, "crypto.x509.parse_and_verify_certificates_with_options",
                  {S(root_first), opts({{S("Bogus"), Value::Int(1)}})});
  EXPECT_EQ(c.message, "invalid key option");
  c = Invoke(r_, "crypto.x509.parse_and_verify_certificates_with_options",
             {S(root_first), opts({{S("KeyUsages"), Value::Array({S("Nope")})}})});
  EXPECT_EQ(c.message, "invalid entries for 'KeyUsages' found: [Nope]");
}

TEST_F(CryptoBuiltinsTest, ParseCertificateRequest) {
  Value csr = Call("crypto.x509.parse_certificate_request", {S(bvec::kLeafCsrPem)});
  EXPECT_EQ(*csr.FindPath({"Subject", "CommonName"}), S("leaf.kumo.test"));
  EXPECT_EQ(*csr.Find("DNSNames"), Value::Array({S("leaf.kumo.test")}));
  EXPECT_EQ(*csr.Find("PublicKeyAlgorithm"), Value::Int(3));
  const std::string b64 = bcrypto::Base64Encode(bvec::kLeafCsrPem, bcrypto::B64::kStd, true);
  EXPECT_EQ(Call("crypto.x509.parse_certificate_request", {S(b64)}), csr);
  EXPECT_EQ(Invoke(r_, "crypto.x509.parse_certificate_request", {S("foobar")}).message,
            "illegal base64 data at input byte 4");
  EXPECT_EQ(Invoke(r_, "crypto.x509.parse_certificate_request", {S(bvec::kRootCertPem)}).message,
            "illegal base64 data at input byte 0");
}

TEST_F(CryptoBuiltinsTest, PrivateKeys) {
  Value keys =
      Call("crypto.parse_private_keys",
           {S(std::string(bvec::kRootKeyPkcs1) + bvec::kLeafKeyPkcs8 + bvec::kLeafKeySec1)});
  ASSERT_EQ(keys.size(), 3u);
  EXPECT_EQ(keys.items()[0].Find("E")->number_text(), "65537");
  EXPECT_NE(keys.items()[1].Find("D"), nullptr);
  EXPECT_EQ(keys.items()[1], keys.items()[2]);  // the same EC key, PKCS#8 and SEC 1
  EXPECT_EQ(Call("crypto.parse_private_keys", {S("nope")}), Value::EmptyArray());
  EXPECT_TRUE(Call("crypto.parse_private_keys", {S("")}).is_null());

  Value jwk = Call("crypto.x509.parse_rsa_private_key", {S(bvec::kRootKeyPkcs1)});
  EXPECT_EQ(*jwk.Find("kty"), S("RSA"));
  EXPECT_EQ(*jwk.Find("e"), S("AQAB"));
  for (const char* k : {"n", "d", "p", "q", "dp", "dq", "qi"}) EXPECT_NE(jwk.Find(k), nullptr) << k;
  Value ec = Call("crypto.x509.parse_rsa_private_key", {S(bvec::kLeafKeySec1)});
  EXPECT_EQ(*ec.Find("crv"), S("P-256"));
  EXPECT_EQ(Invoke(r_, "crypto.x509.parse_rsa_private_key", {S("invalid")}).message,
            "illegal base64 data at input byte 4");
  EXPECT_EQ(Invoke(r_, "crypto.x509.parse_rsa_private_key", {S("")}).message,
            "input PEM data was empty");
}

TEST_F(CryptoBuiltinsTest, ParseKeypair) {
  Value kp = Call("crypto.x509.parse_keypair", {S(bvec::kLeafCertPem), S(bvec::kLeafKeyPkcs8)});
  Value certs = Call("crypto.x509.parse_certificates", {S(bvec::kLeafCertPem)});
  EXPECT_EQ(kp.Find("Certificate")->items()[0], *certs.items()[0].Find("Raw"));
  EXPECT_EQ(*kp.Find("Leaf"), certs.items()[0]);
  auto c = Invoke(r_, "crypto.x509.parse_keypair", {S(bvec::kLeafCertPem), S(bvec::kRootKeyPkcs1)});
  EXPECT_EQ(c.message, "tls: private key does not match public key");
}

}  // namespace
}  // namespace kumo::rego
