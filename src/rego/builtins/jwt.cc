// JWT builtins: io.jwt.decode, io.jwt.decode_verify, io.jwt.verify_*,
// io.jwt.encode_sign and io.jwt.encode_sign_raw.
//
// Follows OPA's topdown/tokens.go: compact JWS only (JWE is rejected),
// nested tokens through "cty": "JWT", keys from PEM or JWK(S), the same
// constraint keys and error texts.
#include <string>

#include "json/json.h"
#include "rego/builtins/b_args.h"
#include "rego/builtins/b_crypto_util.h"
#include "rego/builtins/b_jose.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {

namespace {

struct Token {
  std::string header, payload, signature;  // the three encoded parts
  Value decoded_header;
};

bool SplitToken(BuiltinContext& ctx, const Value& v, Token* t) {
  std::string_view s;
  if (!bargs::String(ctx, v, 1, &s)) return false;
  if (s.find('.') == std::string_view::npos) {
    return ctx.BuiltinError("encoded JWT had no period separators");
  }
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    size_t dot = s.find('.', start);
    parts.push_back(
        s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (parts.size() != 3) {
    return ctx.BuiltinError("encoded JWT must have 3 sections, found " +
                            std::to_string(parts.size()));
  }
  t->header = std::string(parts[0]);
  t->payload = std::string(parts[1]);
  t->signature = std::string(parts[2]);
  return true;
}

// OPA's extractJSONObject.
bool JsonObject(BuiltinContext& ctx, std::string_view text, Value* out,
                std::string_view prefix = "") {
  auto v = json::ParseJson(text);
  if (!v.ok())
    return ctx.BuiltinError(std::string(prefix) + "invalid JSON: " + v.status().message());
  if (!v->is_object())
    return ctx.BuiltinError(std::string(prefix) + "decoded JSON type was not an Object");
  *out = std::move(*v);
  return true;
}

bool DecodeHeader(BuiltinContext& ctx, Token* t) {
  auto h = bcrypto::Base64UrlDecodeOpa(t->header);
  if (!h.ok()) return ctx.BuiltinError("JWT header had invalid encoding: " + h.status().message());
  if (!JsonObject(ctx, *h, &t->decoded_header, "bad JWT header: ")) return false;
  if (t->decoded_header.Find("enc") != nullptr) {
    return ctx.BuiltinError("JWT is a JWE object, which is not supported");
  }
  return true;
}

bool DecodeSignature(BuiltinContext& ctx, const Token& t, std::string* out) {
  auto s = bcrypto::Base64UrlDecodeOpa(t.signature);
  if (!s.ok()) return ctx.BuiltinError(s.status().message());
  *out = std::move(*s);
  return true;
}

// The JOSE header fields OPA interprets.
struct Header {
  std::string alg, kid, typ, cty;
  std::vector<std::string> crit, unknown;
  bool Valid() const {
    if (alg.empty()) return false;
    for (const auto& u : unknown) {
      for (const auto& c : crit) {
        if (u == c) return false;
      }
    }
    return true;
  }
};

bool ParseHeader(BuiltinContext& ctx, const Value& h, Header* out) {
  for (const auto& [k, v] : h.entries()) {
    std::string_view key = k.as_string();
    std::string* field = key == "alg"   ? &out->alg
                         : key == "kid" ? &out->kid
                         : key == "typ" ? &out->typ
                         : key == "cty" ? &out->cty
                                        : nullptr;
    if (field != nullptr) {
      if (!v.is_string()) return ctx.BuiltinError(std::string(key) + ": must be a string");
      *field = std::string(v.as_string());
    } else if (key == "crit") {
      if (!v.is_array()) return ctx.BuiltinError("crit: must be a list");
      for (const Value& c : v.items()) {
        if (c.is_string()) out->crit.emplace_back(c.as_string());
      }
      if (out->crit.empty()) return ctx.BuiltinError("crit: must be a nonempty list");
    } else {
      out->unknown.emplace_back(key);
    }
  }
  return true;
}

bool Decode(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  Value input = args[0];
  for (int depth = 0; depth < 32; ++depth) {
    Token t;
    if (!SplitToken(ctx, input, &t) || !DecodeHeader(ctx, &t)) return false;
    auto p = bcrypto::Base64UrlDecodeOpa(t.payload);
    if (!p.ok())
      return ctx.BuiltinError("JWT payload had invalid encoding: " + p.status().message());
    const Value* cty = t.decoded_header.Find("cty");
    if (cty != nullptr && cty->is_string() && cty->as_string() == "JWT") {
      // A nested token; jwt.io-style encoders quote it.
      std::string_view inner = *p;
      while (!inner.empty() && (inner.front() == '"' || inner.front() == '\''))
        inner.remove_prefix(1);
      while (!inner.empty() && (inner.back() == '"' || inner.back() == '\''))
        inner.remove_suffix(1);
      input = Value::String(inner);
      continue;
    }
    Value payload;
    if (!JsonObject(ctx, *p, &payload)) return false;
    auto s = bcrypto::Base64UrlDecodeOpa(t.signature);
    if (!s.ok())
      return ctx.BuiltinError("JWT signature had invalid encoding: " + s.status().message());
    *out = Value::Array({t.decoded_header, payload, Value::String(bcrypto::HexEncode(*s))});
    return true;
  }
  return ctx.BuiltinError("JWT nesting too deep");
}

// io.jwt.verify_{RS,PS,ES}*, verify_eddsa: key from PEM or JWK(S).
template <const char* kAlg>
bool VerifyAsymmetric(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  Token t;
  if (!SplitToken(ctx, args[0], &t)) return false;
  std::string_view key_text;
  if (!bargs::String(ctx, args[1], 2, &key_text)) return false;
  auto keys = jose::KeysFromCertOrJwk(key_text);
  if (!keys.ok()) return ctx.BuiltinError(keys.status().message());
  std::string sig;
  if (!DecodeSignature(ctx, t, &sig) || !DecodeHeader(ctx, &t)) return false;
  Header h;
  if (!ParseHeader(ctx, t.decoded_header, &h)) return false;
  const std::string input = t.header + "." + t.payload;
  const std::string_view alg = kAlg;
  // A key whose kid matches the header's decides alone.
  if (!h.kid.empty()) {
    for (const auto& k : *keys) {
      if (k.kid == h.kid) {
        *out = Value::Bool(jose::Verify(k, alg, input, sig));
        return true;
      }
    }
  }
  bool valid = false;
  for (const auto& k : *keys) {
    if (!k.alg.empty() && k.alg != h.alg) continue;
    if (jose::Verify(k, alg, input, sig)) {
      valid = true;
      break;
    }
  }
  *out = Value::Bool(valid);
  return true;
}

template <const char* kAlg>
bool VerifyHmac(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::string_view jwt, secret;
  if (!bargs::String(ctx, args[0], 1, &jwt) || !bargs::String(ctx, args[1], 2, &secret))
    return false;
  Token t;
  if (!SplitToken(ctx, args[0], &t)) return false;
  std::string mac = bcrypto::Hmac(jose::DigestFor(kAlg), secret, t.header + "." + t.payload);
  std::string sig;
  if (!DecodeSignature(ctx, t, &sig)) return false;
  *out = Value::Bool(bcrypto::ConstantTimeEqual(sig, mac));
  return true;
}

// decode_verify's constraints object.
struct Constraints {
  std::string secret, alg, iss, aud;
  bool has_keys = false;
  std::vector<jose::Key> keys;
  double time = -1;
};

bool TimeFromValue(BuiltinContext& ctx, const Value& v, double* out) {
  if (!v.is_number()) return ctx.BuiltinError("token time constraint: must be a number");
  double t = v.as_double();
  if (t < 0) return ctx.BuiltinError("token time constraint: must not be negative");
  *out = t;
  return true;
}

bool ParseConstraints(BuiltinContext& ctx, const Value& obj, Constraints* c) {
  for (const auto& entry : obj.entries()) {
    // Named references, not structured bindings: C++20 lambdas cannot
    // capture a structured binding (clang rejects it).
    const Value& k = entry.first;
    const Value& v = entry.second;
    std::string_view name = k.is_string() ? k.as_string() : "";
    auto str = [&](std::string* where) {
      if (!v.is_string())
        return ctx.BuiltinError(std::string(name) + " constraint: must be a string");
      *where = std::string(v.as_string());
      return true;
    };
    if (name == "cert") {
      if (!v.is_string()) return ctx.BuiltinError("cert constraint: must be a string");
      auto keys = jose::KeysFromCertOrJwk(v.as_string());
      if (!keys.ok()) return ctx.BuiltinError(keys.status().message());
      c->keys = std::move(*keys);
      c->has_keys = true;
    } else if (name == "secret") {
      if (!str(&c->secret)) return false;
    } else if (name == "alg") {
      if (!str(&c->alg)) return false;
    } else if (name == "iss") {
      if (!str(&c->iss)) return false;
    } else if (name == "aud") {
      if (!str(&c->aud)) return false;
    } else if (name == "time") {
      if (!TimeFromValue(ctx, v, &c->time)) return false;
    } else {
      std::string shown = k.is_string() ? std::string(k.as_string()) : json::ToJson(k);
      return ctx.BuiltinError("unknown token validation constraint: " + shown);
    }
  }
  if (c->time == -1) c->time = static_cast<double>(ctx.NowNs());
  int keys = (c->has_keys ? 1 : 0) + (c->secret.empty() ? 0 : 1);
  if (keys > 1) return ctx.BuiltinError("duplicate key constraints");
  if (keys < 1) return ctx.BuiltinError("no key constraint");
  return true;
}

bool ConstraintsVerify(const Constraints& c, const Header& h, const std::string& input,
                       const std::string& sig) {
  if (c.has_keys) {
    if (!h.kid.empty()) {
      for (const auto& k : c.keys) {
        if (k.kid == h.kid) return jose::Verify(k, h.alg, input, sig);
      }
    }
    for (const auto& k : c.keys) {
      if (!k.alg.empty() && k.alg != h.alg) continue;
      if (jose::Verify(k, h.alg, input, sig)) return true;
    }
    return false;
  }
  jose::Key secret;
  secret.is_secret = true;
  secret.secret = c.secret;
  return jose::Verify(secret, h.alg, input, sig);
}

bool DecodeVerify(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!args[1].is_object()) return bargs::OperandTypeError(ctx, 2, args[1], "object");
  const Value unverified =
      Value::Array({Value::Bool(false), Value::EmptyObject(), Value::EmptyObject()});
  Constraints c;
  if (!ParseConstraints(ctx, args[1], &c)) return false;
  Value input = args[0];
  Token t;
  std::string payload_text;
  for (int depth = 0;; ++depth) {
    if (depth >= 32) return ctx.BuiltinError("JWT nesting too deep");
    t = Token();
    if (!SplitToken(ctx, input, &t) || !DecodeHeader(ctx, &t)) return false;
    Header h;
    if (!ParseHeader(ctx, t.decoded_header, &h)) return false;
    if (!h.Valid() || (!c.alg.empty() && c.alg != h.alg)) {
      *out = unverified;
      return true;
    }
    std::string sig;
    if (!DecodeSignature(ctx, t, &sig)) return false;
    if (!ConstraintsVerify(c, h, t.header + "." + t.payload, sig)) {
      *out = unverified;
      return true;
    }
    auto p = bcrypto::Base64UrlDecodeOpa(t.payload);
    if (!p.ok())
      return ctx.BuiltinError("JWT payload had invalid encoding: " + p.status().message());
    payload_text = std::move(*p);
    if (h.cty.size() == 3 && (h.cty[0] | 0x20) == 'j' && (h.cty[1] | 0x20) == 'w' &&
        (h.cty[2] | 0x20) == 't') {
      input = Value::String(payload_text);
      continue;
    }
    break;
  }
  Value payload;
  if (!JsonObject(ctx, payload_text, &payload)) return false;
  if (!c.iss.empty()) {
    const Value* iss = payload.Find("iss");
    if (iss == nullptr || !iss->is_string() || iss->as_string() != c.iss) {
      *out = unverified;
      return true;
    }
  }
  if (const Value* aud = payload.Find("aud"); aud != nullptr) {
    bool ok = false;
    if (aud->is_string()) {
      ok = aud->as_string() == c.aud;
    } else if (aud->is_array()) {
      for (const Value& a : aud->items()) ok |= a.is_string() && a.as_string() == c.aud;
    }
    if (!ok) {
      *out = unverified;
      return true;
    }
  } else if (!c.aud.empty()) {
    *out = unverified;
    return true;
  }
  const double now_s = c.time / 1e9;
  if (const Value* exp = payload.Find("exp"); exp != nullptr) {
    if (!exp->is_number()) return ctx.BuiltinError("exp value must be a number");
    if (now_s >= exp->as_double()) {
      *out = unverified;
      return true;
    }
  }
  if (const Value* nbf = payload.Find("nbf"); nbf != nullptr) {
    if (!nbf->is_number()) return ctx.BuiltinError("nbf value must be a number");
    if (now_s < nbf->as_double()) {
      *out = unverified;
      return true;
    }
  }
  *out = Value::Array({Value::Bool(true), t.decoded_header, payload});
  return true;
}

// The "alg" of a raw JOSE header, with jwsbb's error texts.
bool HeaderAlg(BuiltinContext& ctx, std::string_view header, std::string* alg, Value* parsed) {
  const std::string prefix = "missing or invalid 'alg' header: ";
  size_t i = 0;
  while (i < header.size() &&
         (header[i] == ' ' || header[i] == '\t' || header[i] == '\r' || header[i] == '\n'))
    ++i;
  if (i == header.size())
    return ctx.BuiltinError(prefix + "cannot parse JSON: cannot parse empty string");
  if (header[i] == '{') {
    auto v = json::ParseJson(header);
    if (!v.ok()) return ctx.BuiltinError(prefix + "cannot parse JSON: " + v.status().message());
    *parsed = *v;
  }
  const Value* a = parsed->is_object() ? parsed->Find("alg") : nullptr;
  if (a == nullptr) return ctx.BuiltinError(prefix + "jwsbb: header \"alg\" not found");
  if (!a->is_string()) return ctx.BuiltinError(prefix + "jwsbb: header \"alg\" is not a string");
  *alg = std::string(a->as_string());
  return true;
}

bool EncodeSignCommon(BuiltinContext& ctx, std::string_view header, std::string_view payload,
                      std::string_view jwk, Value* out) {
  auto keys = jose::ParseJwkText(jwk);
  if (!keys.ok()) return ctx.BuiltinError(keys.status().message());
  if (keys->empty()) return ctx.BuiltinError("no keys found in JWK set");
  std::string alg;
  Value parsed;
  if (!HeaderAlg(ctx, header, &alg, &parsed)) return false;
  if (!jose::KnownAlgorithm(alg)) return ctx.BuiltinError("unknown JWS algorithm: " + alg);
  const Value* typ = parsed.is_object() ? parsed.Find("typ") : nullptr;
  const bool jwt_typ = typ == nullptr || !typ->is_string() || typ->as_string() == "JWT";
  if (jwt_typ && !json::ParseJson(payload).ok()) {
    return ctx.BuiltinError("type is JWT but payload is not JSON");
  }
  std::string input = bcrypto::Base64Encode(header, bcrypto::B64::kUrl, false) + "." +
                      bcrypto::Base64Encode(payload, bcrypto::B64::kUrl, false);
  auto sig = jose::Sign((*keys)[0], alg, input);
  if (!sig.ok()) return ctx.BuiltinError(sig.status().message());
  *out = Value::String(input + "." + bcrypto::Base64Encode(*sig, bcrypto::B64::kUrl, false));
  return true;
}

bool EncodeSignRaw(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::string_view jwk, header, payload;
  if (!bargs::String(ctx, args[2], 3, &jwk) || !bargs::String(ctx, args[0], 1, &header) ||
      !bargs::String(ctx, args[1], 2, &payload)) {
    return false;
  }
  return EncodeSignCommon(ctx, header, payload, jwk, out);
}

bool EncodeSign(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  // Go's json.Marshal: compact, sorted keys, HTML-safe escapes.
  json::WriteOptions opts;
  opts.escape_html = true;
  const std::string header = json::ToJson(args[0], opts);
  const std::string payload = json::ToJson(args[1], opts);
  const std::string jwk = json::ToJson(args[2], opts);
  return EncodeSignCommon(ctx, header, payload, jwk, out);
}

constexpr char kRS256[] = "RS256", kRS384[] = "RS384", kRS512[] = "RS512";
constexpr char kPS256[] = "PS256", kPS384[] = "PS384", kPS512[] = "PS512";
constexpr char kES256[] = "ES256", kES384[] = "ES384", kES512[] = "ES512";
constexpr char kHS256[] = "HS256", kHS384[] = "HS384", kHS512[] = "HS512";
constexpr char kEdDSA[] = "EdDSA";

}  // namespace

void RegisterJwtBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "io.jwt.decode",
         .decl = "(string) => array<object[any: any], object[any: any], string>",
         .arity = 1,
         .fn = Decode});
  r.Add({.name = "io.jwt.decode_verify",
         .decl =
             "(string, object[string: any]) => array<boolean, object[any: any], object[any: any]>",
         .arity = 2,
         .fn = DecodeVerify,
         .nondeterministic = true});
  struct V {
    const char* name;
    BuiltinFn fn;
  };
  const V verifiers[] = {
      {"io.jwt.verify_rs256", VerifyAsymmetric<kRS256>},
      {"io.jwt.verify_rs384", VerifyAsymmetric<kRS384>},
      {"io.jwt.verify_rs512", VerifyAsymmetric<kRS512>},
      {"io.jwt.verify_ps256", VerifyAsymmetric<kPS256>},
      {"io.jwt.verify_ps384", VerifyAsymmetric<kPS384>},
      {"io.jwt.verify_ps512", VerifyAsymmetric<kPS512>},
      {"io.jwt.verify_es256", VerifyAsymmetric<kES256>},
      {"io.jwt.verify_es384", VerifyAsymmetric<kES384>},
      {"io.jwt.verify_es512", VerifyAsymmetric<kES512>},
      {"io.jwt.verify_eddsa", VerifyAsymmetric<kEdDSA>},
      {"io.jwt.verify_hs256", VerifyHmac<kHS256>},
      {"io.jwt.verify_hs384", VerifyHmac<kHS384>},
      {"io.jwt.verify_hs512", VerifyHmac<kHS512>},
  };
  for (const V& v : verifiers) {
    r.Add({.name = v.name, .decl = "(string, string) => boolean", .arity = 2, .fn = v.fn});
  }
  r.Add({.name = "io.jwt.encode_sign",
         .decl = "(object[string: any], object[string: any], object[string: any]) => string",
         .arity = 3,
         .fn = EncodeSign,
         .nondeterministic = true});
  r.Add({.name = "io.jwt.encode_sign_raw",
         .decl = "(string, string, string) => string",
         .arity = 3,
         .fn = EncodeSignRaw,
         .nondeterministic = true});
}

}  // namespace kumo::rego
