// io.jwt.* builtins: RFC 7515 vectors, an RS256 token signed with the
// openssl CLI, and sign/verify round trips for every key type.
#include <gtest/gtest.h>

#include "builtins_b_test_util.h"
#include "builtins_b_vectors.h"
#include "json/json.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

using btest::Invoke;
using btest::S;

// RFC 7515 appendix A.1 (HS256).
constexpr const char* kHsToken =
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0"
    "dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
constexpr const char* kHsKeyB64 =
    "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";

Value Json(std::string_view text) {
  auto v = json::ParseJson(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : Value();
}

class JwtBuiltinsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RegisterJwtBuiltins(r_);
    RegisterCryptoBuiltins(r_);
  }
  btest::Call Run(std::string_view name, std::vector<Value> args) {
    return Invoke(r_, name, std::move(args), /*now_ns=*/1800000000000000000);
  }
  Value Call(std::string_view name, std::vector<Value> args) {
    auto c = Run(name, std::move(args));
    EXPECT_TRUE(c.defined) << name << ": " << c.message;
    return c.value;
  }
  BuiltinRegistry r_;
};

TEST_F(JwtBuiltinsTest, Decode) {
  Value d = Call("io.jwt.decode", {S(bvec::kRs256Token)});
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d.items()[0], Json(R"({"alg":"RS256","typ":"JWT"})"));
  EXPECT_EQ(d.items()[1], Json(R"({"iss":"kumo","aud":"tests","exp":4102444800,"nbf":1000})"));
  EXPECT_EQ(d.items()[2].size(), 512u);  // hex of a 2048-bit signature
  EXPECT_EQ(Run("io.jwt.decode", {S("abc")}).message, "encoded JWT had no period separators");
  EXPECT_EQ(Run("io.jwt.decode", {S("a.b")}).message, "encoded JWT must have 3 sections, found 2");
  EXPECT_EQ(Run("io.jwt.decode", {S("eyJhbGciOiJIUzI1NiJ9!!.e30.")}).message,
            "JWT header had invalid encoding: illegal base64 data at input byte 20");
  // {"alg":"RSA-OAEP","enc":"A256GCM"}
  EXPECT_EQ(
      Run("io.jwt.decode", {S("eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.e30.")}).message,
      "JWT is a JWE object, which is not supported");
}

TEST_F(JwtBuiltinsTest, VerifyRs256WithCertPublicKeyAndJwk) {
  EXPECT_EQ(Call("io.jwt.verify_rs256", {S(bvec::kRs256Token), S(bvec::kRootCertPem)}),
            Value::Bool(true));
  EXPECT_EQ(Call("io.jwt.verify_rs256", {S(bvec::kRs256Token), S(bvec::kRootPublicKeyPem)}),
            Value::Bool(true));
  // Wrong hash, wrong padding, wrong key.
  EXPECT_EQ(Call("io.jwt.verify_rs384", {S(bvec::kRs256Token), S(bvec::kRootCertPem)}),
            Value::Bool(false));
  EXPECT_EQ(Call("io.jwt.verify_ps256", {S(bvec::kRs256Token), S(bvec::kRootCertPem)}),
            Value::Bool(false));
  EXPECT_EQ(Call("io.jwt.verify_rs256", {S(bvec::kRs256Token), S(bvec::kLeafCertPem)}),
            Value::Bool(false));
  std::string tampered = bvec::kRs256Token;
  tampered[tampered.size() - 5] = tampered[tampered.size() - 5] == 'A' ? 'B' : 'A';
  EXPECT_EQ(Call("io.jwt.verify_rs256", {S(tampered), S(bvec::kRootCertPem)}), Value::Bool(false));
  // As a JWK: the private JWK of the root key carries n and e.
  Value jwk = Call("crypto.x509.parse_rsa_private_key", {S(bvec::kRootKeyPkcs1)});
  EXPECT_EQ(Call("io.jwt.verify_rs256", {S(bvec::kRs256Token), S(json::ToJson(jwk))}),
            Value::Bool(true));
  EXPECT_EQ(Call("io.jwt.verify_rs256",
                 {S(bvec::kRs256Token), S("{\"keys\":[" + json::ToJson(jwk) + "]}")}),
            Value::Bool(true));
  EXPECT_EQ(Run("io.jwt.verify_rs256", {S(bvec::kRs256Token), S("nope")})
                .message.rfind("failed to parse a JWK key (set): ", 0),
            0u);
  EXPECT_EQ(
      Run("io.jwt.verify_rs256", {S(bvec::kRs256Token), S(std::string(bvec::kRootCertPem) + "x")})
          .message,
      "extra data after a PEM certificate block");
  EXPECT_EQ(Run("io.jwt.verify_rs256", {S(bvec::kRs256Token), S(bvec::kLeafCsrPem)}).message,
            "failed to extract a Key from the PEM certificate");
}

TEST_F(JwtBuiltinsTest, VerifyHmac) {
  {
    // The RFC key is base64url in a JWK; encode_sign_raw takes the JWK text.
    Value jwk = Value::Object({{S("kty"), S("oct")}, {S("k"), S(kHsKeyB64)}});
    Value token =
        Call("io.jwt.encode_sign_raw", {S("{\"alg\":\"HS256\"}"), S("{}"), S(json::ToJson(jwk))});
    EXPECT_EQ(token.as_string().substr(0, 20), "eyJhbGciOiJIUzI1NiJ9");
  }
  EXPECT_EQ(Call("io.jwt.verify_hs256", {S(kHsToken), S("wrong")}), Value::Bool(false));
  Value t = Call("io.jwt.encode_sign", {Json(R"({"alg":"HS512"})"), Json(R"({"a":1})"),
                                        Json(R"({"kty":"oct","k":"c2VjcmV0"})")});
  EXPECT_EQ(Call("io.jwt.verify_hs512", {t, S("secret")}), Value::Bool(true));
  EXPECT_EQ(Call("io.jwt.verify_hs384", {t, S("secret")}), Value::Bool(false));
}

TEST_F(JwtBuiltinsTest, EncodeSignMatchesRfc7515) {
  Value token =
      Call("io.jwt.encode_sign", {Json(R"({"alg":"HS256","typ":"JWT"})"), Value::EmptyObject(),
                                  Value::Object({{S("kty"), S("oct")}, {S("k"), S(kHsKeyB64)}})});
  EXPECT_EQ(
      token,
      S("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.6cvao8lnOu6FAdK68jQFcDMXOmaWNwWiYhCgijd-AD8"));
  EXPECT_EQ(
      Run("io.jwt.encode_sign_raw", {S("{}"), S("{}"), S(R"({"kty":"oct","k":"AA"})")}).message,
      "missing or invalid 'alg' header: jwsbb: header \"alg\" not found");
  EXPECT_EQ(Run("io.jwt.encode_sign_raw", {S(""), S("{}"), S(R"({"kty":"oct","k":"AA"})")}).message,
            "missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string");
  EXPECT_EQ(Run("io.jwt.encode_sign_raw",
                {S(R"({"alg":"none"})"), S("{}"), S(R"({"kty":"oct","k":"AA"})")})
                .message,
            "unknown JWS algorithm: none");
  EXPECT_EQ(Run("io.jwt.encode_sign_raw",
                {S(R"({"alg":"HS256"})"), S("e"), S(R"({"kty":"oct","k":"AA"})")})
                .message,
            "type is JWT but payload is not JSON");
}

TEST_F(JwtBuiltinsTest, SignVerifyRoundTrips) {
  const Value payload = Json(R"({"sub":"kumo"})");
  Value rsa_jwk = Call("crypto.x509.parse_rsa_private_key", {S(bvec::kRootKeyPkcs1)});
  for (const char* alg : {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"}) {
    Value t = Call("io.jwt.encode_sign", {Value::Object({{S("alg"), S(alg)}}), payload, rsa_jwk});
    std::string fn = "io.jwt.verify_" + std::string(alg);
    for (char& ch : fn) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    EXPECT_EQ(Call(fn, {t, S(bvec::kRootCertPem)}), Value::Bool(true)) << alg;
  }
  Value ec_jwk = Call("crypto.x509.parse_rsa_private_key", {S(bvec::kLeafKeySec1)});
  Value t = Call("io.jwt.encode_sign", {Json(R"({"alg":"ES256"})"), payload, ec_jwk});
  EXPECT_EQ(Call("io.jwt.verify_es256", {t, S(bvec::kLeafCertPem)}), Value::Bool(true));
  EXPECT_EQ(Call("io.jwt.verify_es256", {t, S(bvec::kRootCertPem)}), Value::Bool(false));
  // RFC 8037 appendix A Ed25519 key.
  Value ed = Json(R"({"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
                      "x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})");
  Value et = Call("io.jwt.encode_sign", {Json(R"({"alg":"EdDSA"})"), Json(R"({})"), ed});
  Value ed_pub =
      Json(R"({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})");
  EXPECT_EQ(Call("io.jwt.verify_eddsa", {et, S(json::ToJson(ed_pub))}), Value::Bool(true));
}

TEST_F(JwtBuiltinsTest, DecodeVerifyConstraints) {
  auto dv = [&](std::string_view constraints) {
    return Call("io.jwt.decode_verify", {S(bvec::kRs256Token), Json(constraints)});
  };
  const std::string cert = json::ToJson(S(bvec::kRootCertPem));
  Value ok = dv(R"({"cert":)" + cert + R"(,"aud":"tests"})");
  EXPECT_EQ(ok.items()[0], Value::Bool(true));
  EXPECT_EQ(*ok.items()[2].Find("iss"), S("kumo"));
  EXPECT_EQ(dv(R"({"cert":)" + cert + R"(,"aud":"tests","iss":"kumo","alg":"RS256"})").items()[0],
            Value::Bool(true));
  // A token with an aud claim needs a matching aud constraint.
  EXPECT_EQ(dv(R"({"cert":)" + cert + "}").items()[0], Value::Bool(false));
  EXPECT_EQ(dv(R"({"cert":)" + cert + R"(,"aud":"tests","iss":"other"})").items()[0],
            Value::Bool(false));
  EXPECT_EQ(dv(R"({"cert":)" + cert + R"(,"aud":"tests","alg":"RS512"})").items()[0],
            Value::Bool(false));
  // time is in ns: after exp, before nbf.
  EXPECT_EQ(dv(R"({"cert":)" + cert + R"(,"aud":"tests","time":4102444800000000000})").items()[0],
            Value::Bool(false));
  EXPECT_EQ(dv(R"({"cert":)" + cert + R"(,"aud":"tests","time":999000000000})").items()[0],
            Value::Bool(false));
  EXPECT_EQ(dv(R"({"secret":"x","aud":"tests"})"),
            Value::Array({Value::Bool(false), Value::EmptyObject(), Value::EmptyObject()}));
  EXPECT_EQ(Run("io.jwt.decode_verify", {S(bvec::kRs256Token), Json(R"({"aud":"x"})")}).message,
            "no key constraint");
  EXPECT_EQ(Run("io.jwt.decode_verify",
                {S(bvec::kRs256Token), Json(R"({"secret":"a","cert":)" + cert + "}")})
                .message,
            "duplicate key constraints");
  EXPECT_EQ(
      Run("io.jwt.decode_verify", {S(bvec::kRs256Token), Json(R"({"secret":"a","x":1})")}).message,
      "unknown token validation constraint: x");
  EXPECT_EQ(
      Run("io.jwt.decode_verify", {S(bvec::kRs256Token), Json(R"({"secret":"a","time":"now"})")})
          .message,
      "token time constraint: must be a number");
}

}  // namespace
}  // namespace kumo::rego
