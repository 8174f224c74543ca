// See b_x509.h. Output objects follow the JSON that Go's encoding/json
// produces for x509.Certificate, x509.CertificateRequest and
// tls.Certificate: byte slices as standard base64, nil slices as null,
// times as RFC 3339, enums as Go's integer constants.
#include "rego/builtins/b_x509.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "rego/builtins/b_args.h"
#include "rego/builtins/b_crypto_util.h"

namespace kumo::rego {

namespace {

using bcrypto::B64;

struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;
struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;

Value Str(std::string_view s) { return Value::String(s); }
Value Bytes(const unsigned char* p, size_t n) {
  if (p == nullptr) return Value();
  return Value::String(bcrypto::Base64Encode(std::string_view(reinterpret_cast<const char*>(p), n),
                                             B64::kStd, true));
}
Value Bytes(const std::string& s) {
  return Value::String(bcrypto::Base64Encode(s, B64::kStd, true));
}
// Go marshals a nil slice as null and an empty one as [].
Value StrList(const std::vector<std::string>& v) {
  if (v.empty()) return Value();
  std::vector<Value> out;
  for (const auto& s : v) out.push_back(Str(s));
  return Value::Array(std::move(out));
}
Value Obj(std::vector<ObjectEntry> e) { return Value::Object(std::move(e)); }
Value BnValue(const BIGNUM* bn) {
  if (bn == nullptr) return Value();
  char* dec = BN_bn2dec(bn);
  Value v = Value::Number(dec);
  OPENSSL_free(dec);
  return v;
}

Value OidInts(const ASN1_OBJECT* obj) {
  char buf[256];
  OBJ_obj2txt(buf, sizeof(buf), obj, 1);
  std::vector<Value> parts;
  std::string_view s = buf;
  while (!s.empty()) {
    size_t dot = s.find('.');
    parts.push_back(Value::Number(s.substr(0, dot)));
    if (dot == std::string_view::npos) break;
    s.remove_prefix(dot + 1);
  }
  return Value::Array(std::move(parts));
}

std::string Asn1String(const ASN1_STRING* s) {
  unsigned char* utf8 = nullptr;
  int n = ASN1_STRING_to_UTF8(&utf8, s);
  if (n < 0)
    return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                       ASN1_STRING_length(s));
  std::string out(reinterpret_cast<char*>(utf8), static_cast<size_t>(n));
  OPENSSL_free(utf8);
  return out;
}

// pkix.Name.
Value NameValue(const X509_NAME* name) {
  std::vector<std::string> country, org, ou, locality, province, street, postal;
  std::string serial, cn;
  std::vector<Value> names;
  for (int i = 0; i < X509_NAME_entry_count(name); ++i) {
    const X509_NAME_ENTRY* e = X509_NAME_get_entry(name, i);
    const ASN1_OBJECT* obj = X509_NAME_ENTRY_get_object(e);
    std::string value = Asn1String(X509_NAME_ENTRY_get_data(e));
    names.push_back(Obj({{Str("Type"), OidInts(obj)}, {Str("Value"), Str(value)}}));
    switch (OBJ_obj2nid(obj)) {
      case NID_countryName: country.push_back(value); break;
      case NID_organizationName: org.push_back(value); break;
      case NID_organizationalUnitName: ou.push_back(value); break;
      case NID_localityName: locality.push_back(value); break;
      case NID_stateOrProvinceName: province.push_back(value); break;
      case NID_streetAddress: street.push_back(value); break;
      case NID_postalCode: postal.push_back(value); break;
      case NID_serialNumber: serial = value; break;
      case NID_commonName: cn = value; break;
      default: break;
    }
  }
  return Obj({{Str("Country"), StrList(country)},
              {Str("Organization"), StrList(org)},
              {Str("OrganizationalUnit"), StrList(ou)},
              {Str("Locality"), StrList(locality)},
              {Str("Province"), StrList(province)},
              {Str("StreetAddress"), StrList(street)},
              {Str("PostalCode"), StrList(postal)},
              {Str("SerialNumber"), Str(serial)},
              {Str("CommonName"), Str(cn)},
              {Str("Names"), names.empty() ? Value() : Value::Array(std::move(names))},
              {Str("ExtraNames"), Value()}});
}

Value TimeValue(const ASN1_TIME* t) {
  struct tm tm {};
  if (ASN1_TIME_to_tm(t, &tm) != 1) return Value();
  char buf[96];  // room for any int fields, which silences -Wformat-truncation
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return Str(buf);
}

// Go's x509.SignatureAlgorithm constants.
int GoSignatureAlgorithm(int nid) {
  switch (nid) {
    case NID_md2WithRSAEncryption: return 1;
    case NID_md5WithRSAEncryption: return 2;
    case NID_sha1WithRSAEncryption: return 3;
    case NID_sha256WithRSAEncryption: return 4;
    case NID_sha384WithRSAEncryption: return 5;
    case NID_sha512WithRSAEncryption: return 6;
    case NID_dsaWithSHA1: return 7;
    case NID_dsa_with_SHA256: return 8;
    case NID_ecdsa_with_SHA1: return 9;
    case NID_ecdsa_with_SHA256: return 10;
    case NID_ecdsa_with_SHA384: return 11;
    case NID_ecdsa_with_SHA512: return 12;
    case NID_rsassaPss: return 13;
    case NID_ED25519: return 16;
    default: return 0;
  }
}

// Go's x509.PublicKeyAlgorithm constants, and the key as Go marshals it.
void PublicKeyValues(EVP_PKEY* pk, Value* alg, Value* key) {
  *alg = Value::Int(0);
  *key = Value();
  if (pk == nullptr) return;
  switch (EVP_PKEY_base_id(pk)) {
    case EVP_PKEY_RSA: {
      *alg = Value::Int(1);
      BIGNUM *n = nullptr, *e = nullptr;
      EVP_PKEY_get_bn_param(pk, OSSL_PKEY_PARAM_RSA_N, &n);
      EVP_PKEY_get_bn_param(pk, OSSL_PKEY_PARAM_RSA_E, &e);
      *key = Obj({{Str("N"), BnValue(n)}, {Str("E"), BnValue(e)}});
      BN_free(n);
      BN_free(e);
      break;
    }
    case EVP_PKEY_DSA: *alg = Value::Int(2); break;
    case EVP_PKEY_EC: {
      *alg = Value::Int(3);
      BIGNUM *x = nullptr, *y = nullptr;
      EVP_PKEY_get_bn_param(pk, OSSL_PKEY_PARAM_EC_PUB_X, &x);
      EVP_PKEY_get_bn_param(pk, OSSL_PKEY_PARAM_EC_PUB_Y, &y);
      *key = Obj(
          {{Str("Curve"), Value::EmptyObject()}, {Str("X"), BnValue(x)}, {Str("Y"), BnValue(y)}});
      BN_free(x);
      BN_free(y);
      break;
    }
    case EVP_PKEY_ED25519: {
      *alg = Value::Int(4);
      unsigned char raw[64];
      size_t len = sizeof(raw);
      if (EVP_PKEY_get_raw_public_key(pk, raw, &len) == 1) *key = Bytes(raw, len);
      break;
    }
    default: break;
  }
}

std::string IpString(const ASN1_OCTET_STRING* ip) {
  const unsigned char* p = ASN1_STRING_get0_data(ip);
  int n = ASN1_STRING_length(ip);
  char buf[64];
  if (n == 4) {
    std::snprintf(buf, sizeof(buf), "%d.%d.%d.%d", p[0], p[1], p[2], p[3]);
    return buf;
  }
  std::string out;
  for (int i = 0; i + 1 < n; i += 2) {
    if (!out.empty()) out.push_back(':');
    std::snprintf(buf, sizeof(buf), "%x", (p[i] << 8) | p[i + 1]);
    out += buf;
  }
  return out;
}

struct San {
  std::vector<std::string> dns, email, ip, uri;
};

San SubjectAltNames(GENERAL_NAMES* gens) {
  San san;
  for (int i = 0; gens != nullptr && i < sk_GENERAL_NAME_num(gens); ++i) {
    const GENERAL_NAME* g = sk_GENERAL_NAME_value(gens, i);
    switch (g->type) {
      case GEN_DNS: san.dns.push_back(Asn1String(g->d.dNSName)); break;
      case GEN_EMAIL: san.email.push_back(Asn1String(g->d.rfc822Name)); break;
      case GEN_URI: san.uri.push_back(Asn1String(g->d.uniformResourceIdentifier)); break;
      case GEN_IPADD: san.ip.push_back(IpString(g->d.iPAddress)); break;
      default: break;
    }
  }
  return san;
}

// url.URL as Go marshals it (the fields that a SAN URI populates).
Value UriValue(const std::string& uri) {
  std::string scheme, rest = uri, host, path, query, fragment;
  if (size_t c = uri.find(':'); c != std::string::npos) {
    scheme = uri.substr(0, c);
    rest = uri.substr(c + 1);
  }
  if (size_t h = rest.find('#'); h != std::string::npos) {
    fragment = rest.substr(h + 1);
    rest.resize(h);
  }
  if (size_t q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest.resize(q);
  }
  if (rest.starts_with("//")) {
    size_t slash = rest.find('/', 2);
    host = rest.substr(2, slash == std::string::npos ? std::string::npos : slash - 2);
    path = slash == std::string::npos ? "" : rest.substr(slash);
  } else {
    path = rest;
  }
  return Obj({{Str("Scheme"), Str(scheme)},
              {Str("Opaque"), Str("")},
              {Str("User"), Value()},
              {Str("Host"), Str(host)},
              {Str("Path"), Str(path)},
              {Str("RawPath"), Str("")},
              {Str("OmitHost"), Value::Bool(false)},
              {Str("ForceQuery"), Value::Bool(false)},
              {Str("RawQuery"), Str(query)},
              {Str("Fragment"), Str(fragment)},
              {Str("RawFragment"), Str("")}});
}

Value UriList(const std::vector<std::string>& uris) {
  if (uris.empty()) return Value();
  std::vector<Value> out;
  for (const auto& u : uris) out.push_back(UriValue(u));
  return Value::Array(std::move(out));
}

Value ExtensionsValue(const STACK_OF(X509_EXTENSION) * exts) {
  if (exts == nullptr || sk_X509_EXTENSION_num(exts) == 0) return Value();
  std::vector<Value> out;
  for (int i = 0; i < sk_X509_EXTENSION_num(exts); ++i) {
    X509_EXTENSION* e = sk_X509_EXTENSION_value(exts, i);
    const ASN1_OCTET_STRING* data = X509_EXTENSION_get_data(e);
    out.push_back(
        Obj({{Str("Id"), OidInts(X509_EXTENSION_get_object(e))},
             {Str("Critical"), Value::Bool(X509_EXTENSION_get_critical(e) != 0)},
             {Str("Value"), Bytes(ASN1_STRING_get0_data(data), ASN1_STRING_length(data))}}));
  }
  return Value::Array(std::move(out));
}

template <typename T, int (*I2d)(const T*, unsigned char**)>
std::string Der(const T* x) {
  unsigned char* buf = nullptr;
  int n = I2d(x, &buf);
  if (n <= 0) return {};
  std::string out(reinterpret_cast<char*>(buf), static_cast<size_t>(n));
  OPENSSL_free(buf);
  return out;
}

// The first element inside a DER SEQUENCE (a certificate's TBSCertificate).
std::string FirstInnerTlv(const std::string& der) {
  auto header = [&](size_t at, size_t* len, size_t* hdr) {
    if (at + 2 > der.size()) return false;
    size_t n = static_cast<unsigned char>(der[at + 1]);
    *hdr = 2;
    if (n & 0x80) {
      const size_t bytes = n & 0x7f;
      if (bytes == 0 || bytes > 4 || at + 2 + bytes > der.size()) return false;
      n = 0;
      for (size_t i = 0; i < bytes; ++i) n = (n << 8) | static_cast<unsigned char>(der[at + 2 + i]);
      *hdr += bytes;
    }
    *len = n;
    return true;
  };
  size_t len = 0, hdr = 0;
  if (!header(0, &len, &hdr)) return {};
  const size_t inner = hdr;
  if (!header(inner, &len, &hdr) || inner + hdr + len > der.size()) return {};
  return der.substr(inner, hdr + len);
}

int GoExtKeyUsage(int nid) {
  switch (nid) {
    case NID_anyExtendedKeyUsage: return 0;
    case NID_server_auth: return 1;
    case NID_client_auth: return 2;
    case NID_code_sign: return 3;
    case NID_email_protect: return 4;
    case NID_ipsecEndSystem: return 5;
    case NID_ipsecTunnel: return 6;
    case NID_ipsecUser: return 7;
    case NID_time_stamp: return 8;
    case NID_OCSP_sign: return 9;
    case NID_ms_sgc: return 10;
    case NID_ns_sgc: return 11;
    case NID_ms_code_com: return 12;
    default: return -1;
  }
}

Value CertificateValue(X509* cert) {
  std::vector<ObjectEntry> e;
  const std::string raw = Der<X509, i2d_X509>(cert);
  e.push_back({Str("Raw"), Bytes(raw)});
  e.push_back({Str("RawTBSCertificate"), Bytes(FirstInnerTlv(raw))});
  e.push_back({Str("RawSubjectPublicKeyInfo"),
               Bytes(Der<X509_PUBKEY, i2d_X509_PUBKEY>(X509_get_X509_PUBKEY(cert)))});
  e.push_back(
      {Str("RawSubject"), Bytes(Der<X509_NAME, i2d_X509_NAME>(X509_get_subject_name(cert)))});
  e.push_back({Str("RawIssuer"), Bytes(Der<X509_NAME, i2d_X509_NAME>(X509_get_issuer_name(cert)))});
  const ASN1_BIT_STRING* sig = nullptr;
  const X509_ALGOR* sig_alg = nullptr;
  X509_get0_signature(&sig, &sig_alg, cert);
  e.push_back({Str("Signature"),
               sig ? Bytes(ASN1_STRING_get0_data(sig), ASN1_STRING_length(sig)) : Value()});
  e.push_back(
      {Str("SignatureAlgorithm"), Value::Int(GoSignatureAlgorithm(X509_get_signature_nid(cert)))});
  Value pk_alg, pk;
  EVP_PKEY* pkey = X509_get0_pubkey(cert);
  PublicKeyValues(pkey, &pk_alg, &pk);
  e.push_back({Str("PublicKeyAlgorithm"), pk_alg});
  e.push_back({Str("PublicKey"), pk});
  e.push_back({Str("Version"), Value::Int(X509_get_version(cert) + 1)});
  BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
  e.push_back({Str("SerialNumber"), BnValue(serial)});
  BN_free(serial);
  e.push_back({Str("Issuer"), NameValue(X509_get_issuer_name(cert))});
  e.push_back({Str("Subject"), NameValue(X509_get_subject_name(cert))});
  e.push_back({Str("NotBefore"), TimeValue(X509_get0_notBefore(cert))});
  e.push_back({Str("NotAfter"), TimeValue(X509_get0_notAfter(cert))});
  // Go numbers KeyUsage bits from digitalSignature = 1; OpenSSL mirrors
  // the DER bit string (digitalSignature = 0x80).
  uint32_t ku = X509_get_key_usage(cert);
  int go_ku = 0;
  if (ku != UINT32_MAX) {
    static const uint32_t kBits[] = {KU_DIGITAL_SIGNATURE, KU_NON_REPUDIATION, KU_KEY_ENCIPHERMENT,
                                     KU_DATA_ENCIPHERMENT, KU_KEY_AGREEMENT,   KU_KEY_CERT_SIGN,
                                     KU_CRL_SIGN,          KU_ENCIPHER_ONLY,   KU_DECIPHER_ONLY};
    for (int i = 0; i < 9; ++i) {
      if (ku & kBits[i]) go_ku |= 1 << i;
    }
  }
  e.push_back({Str("KeyUsage"), Value::Int(go_ku)});
  e.push_back({Str("Extensions"), ExtensionsValue(X509_get0_extensions(cert))});
  e.push_back({Str("ExtraExtensions"), Value()});
  e.push_back({Str("UnhandledCriticalExtensions"), Value()});
  std::vector<Value> eku, unknown_eku;
  if (auto* ekus = static_cast<EXTENDED_KEY_USAGE*>(
          X509_get_ext_d2i(cert, NID_ext_key_usage, nullptr, nullptr))) {
    for (int i = 0; i < sk_ASN1_OBJECT_num(ekus); ++i) {
      const ASN1_OBJECT* o = sk_ASN1_OBJECT_value(ekus, i);
      int go = GoExtKeyUsage(OBJ_obj2nid(o));
      if (go >= 0) {
        eku.push_back(Value::Int(go));
      } else {
        unknown_eku.push_back(OidInts(o));
      }
    }
    EXTENDED_KEY_USAGE_free(ekus);
  }
  e.push_back({Str("ExtKeyUsage"), eku.empty() ? Value() : Value::Array(eku)});
  e.push_back(
      {Str("UnknownExtKeyUsage"), unknown_eku.empty() ? Value() : Value::Array(unknown_eku)});
  const uint32_t flags = X509_get_extension_flags(cert);
  const bool bc = (flags & EXFLAG_BCONS) != 0;
  long pathlen = X509_get_pathlen(cert);
  int max_path = bc ? static_cast<int>(pathlen) : 0;
  e.push_back({Str("BasicConstraintsValid"), Value::Bool(bc)});
  e.push_back({Str("IsCA"), Value::Bool((flags & EXFLAG_CA) != 0 && bc)});
  e.push_back({Str("MaxPathLen"), Value::Int(max_path)});
  e.push_back({Str("MaxPathLenZero"), Value::Bool(bc && max_path == 0)});
  const ASN1_OCTET_STRING* skid = X509_get0_subject_key_id(cert);
  e.push_back({Str("SubjectKeyId"),
               skid ? Bytes(ASN1_STRING_get0_data(skid), ASN1_STRING_length(skid)) : Value()});
  const ASN1_OCTET_STRING* akid = X509_get0_authority_key_id(cert);
  e.push_back({Str("AuthorityKeyId"),
               akid ? Bytes(ASN1_STRING_get0_data(akid), ASN1_STRING_length(akid)) : Value()});
  std::vector<std::string> ocsp, issuers;
  if (auto* aia = static_cast<AUTHORITY_INFO_ACCESS*>(
          X509_get_ext_d2i(cert, NID_info_access, nullptr, nullptr))) {
    for (int i = 0; i < sk_ACCESS_DESCRIPTION_num(aia); ++i) {
      const ACCESS_DESCRIPTION* ad = sk_ACCESS_DESCRIPTION_value(aia, i);
      if (ad->location->type != GEN_URI) continue;
      std::string uri = Asn1String(ad->location->d.uniformResourceIdentifier);
      int nid = OBJ_obj2nid(ad->method);
      if (nid == NID_ad_OCSP) ocsp.push_back(uri);
      if (nid == NID_ad_ca_issuers) issuers.push_back(uri);
    }
    AUTHORITY_INFO_ACCESS_free(aia);
  }
  e.push_back({Str("OCSPServer"), StrList(ocsp)});
  e.push_back({Str("IssuingCertificateURL"), StrList(issuers)});
  auto* gens =
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  San san = SubjectAltNames(gens);
  GENERAL_NAMES_free(gens);
  e.push_back({Str("DNSNames"), StrList(san.dns)});
  e.push_back({Str("EmailAddresses"), StrList(san.email)});
  e.push_back({Str("IPAddresses"), StrList(san.ip)});
  e.push_back({Str("URIs"), UriList(san.uri)});
  e.push_back({Str("URIStrings"), StrList(san.uri)});
  std::vector<std::string> crl;
  if (auto* dps = static_cast<CRL_DIST_POINTS*>(
          X509_get_ext_d2i(cert, NID_crl_distribution_points, nullptr, nullptr))) {
    for (int i = 0; i < sk_DIST_POINT_num(dps); ++i) {
      DIST_POINT* dp = sk_DIST_POINT_value(dps, i);
      if (dp->distpoint == nullptr || dp->distpoint->type != 0) continue;
      GENERAL_NAMES* names = dp->distpoint->name.fullname;
      for (int j = 0; j < sk_GENERAL_NAME_num(names); ++j) {
        const GENERAL_NAME* g = sk_GENERAL_NAME_value(names, j);
        if (g->type == GEN_URI) crl.push_back(Asn1String(g->d.uniformResourceIdentifier));
      }
    }
    CRL_DIST_POINTS_free(dps);
  }
  e.push_back({Str("CRLDistributionPoints"), StrList(crl)});
  for (const char* k :
       {"PermittedDNSDomains", "ExcludedDNSDomains", "PermittedIPRanges", "ExcludedIPRanges",
        "PermittedEmailAddresses", "ExcludedEmailAddresses", "PermittedURIDomains",
        "ExcludedURIDomains", "PolicyIdentifiers", "Policies"}) {
    e.push_back({Str(k), Value()});
  }
  e.push_back({Str("PermittedDNSDomainsCritical"), Value::Bool(false)});
  return Value::Object(std::move(e));
}

// x509.ParseCertificates: a run of concatenated DER certificates.
Result<std::vector<X509Ptr>> ParseDerCerts(const std::string& der) {
  std::vector<X509Ptr> certs;
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  const auto* end = p + der.size();
  while (p < end) {
    X509* c = d2i_X509(nullptr, &p, end - p);
    if (c == nullptr) return InvalidArgument("x509: malformed certificate");
    certs.emplace_back(c);
  }
  return certs;
}

Result<std::vector<X509Ptr>> CertsFromPem(std::string_view pem) {
  std::string der;
  bcrypto::PemBlock block;
  std::string_view rest;
  while (!pem.empty() && bcrypto::PemDecode(pem, &block, &rest)) {
    if (block.type != "CERTIFICATE") {
      return InvalidArgument("PEM block type is '" + block.type + "', expected CERTIFICATE");
    }
    der += block.der;
    pem = rest;
  }
  return ParseDerCerts(der);
}

// OPA's getX509CertsFromString: PEM, or base64 of PEM or DER.
Result<std::vector<X509Ptr>> CertsFromString(std::string_view s) {
  if (s.starts_with("-----BEGIN")) return CertsFromPem(s);
  auto raw = bcrypto::Base64Decode(s, B64::kStd, true);
  if (!raw.ok()) return raw.status();
  if (raw->starts_with("-----BEGIN")) return CertsFromPem(*raw);
  return ParseDerCerts(*raw);
}

bool ParseCertificates(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::string_view s;
  if (!bargs::String(ctx, args[0], 1, &s)) return false;
  auto certs = CertsFromString(s);
  if (!certs.ok()) return ctx.BuiltinError(certs.status().message());
  std::vector<Value> items;
  for (auto& c : *certs) items.push_back(CertificateValue(c.get()));
  *out = Value::Array(std::move(items));
  return true;
}

struct VerifyOptions {
  std::string dns_name;
  bool has_time = false;
  int64_t time_ns = 0;
  std::vector<int> key_usages;  // Go ExtKeyUsage values; empty = ServerAuth
};

// Verifies certs (root first, leaf last); returns the chain leaf-first.
bool VerifyChain(std::vector<X509Ptr>& certs, const VerifyOptions& opts, int64_t now_ns,
                 std::vector<Value>* chain_out) {
  if (certs.size() < 2) return false;
  X509_STORE* store = X509_STORE_new();
  X509_STORE_add_cert(store, certs[0].get());
  STACK_OF(X509)* untrusted = sk_X509_new_null();
  for (size_t i = 1; i + 1 < certs.size(); ++i) sk_X509_push(untrusted, certs[i].get());
  X509_STORE_CTX* sctx = X509_STORE_CTX_new();
  bool ok = X509_STORE_CTX_init(sctx, store, certs.back().get(), untrusted) == 1;
  if (ok) {
    X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(sctx);
    const int64_t t = opts.has_time ? opts.time_ns : now_ns;
    if (t != 0) X509_VERIFY_PARAM_set_time(param, static_cast<time_t>(t / 1000000000));
    if (!opts.dns_name.empty()) X509_VERIFY_PARAM_set1_host(param, opts.dns_name.c_str(), 0);
    ok = X509_verify_cert(sctx) == 1;
  }
  if (ok && !opts.key_usages.empty()) {
    // Go: the leaf must allow one of the requested usages (or any).
    bool any = false;
    for (int u : opts.key_usages) any |= u == 0;
    if (!any) {
      Value leaf = CertificateValue(certs.back().get());
      const Value* eku = leaf.Find("ExtKeyUsage");
      bool match = eku == nullptr || eku->is_null();
      if (eku != nullptr && eku->is_array()) {
        for (const Value& v : eku->items()) {
          for (int u : opts.key_usages) match |= v.as_int64() == u || v.as_int64() == 0;
        }
      }
      ok = match;
    }
  }
  if (ok) {
    STACK_OF(X509)* chain = X509_STORE_CTX_get0_chain(sctx);
    for (int i = 0; i < sk_X509_num(chain); ++i)
      chain_out->push_back(CertificateValue(sk_X509_value(chain, i)));
  }
  X509_STORE_CTX_free(sctx);
  sk_X509_free(untrusted);
  X509_STORE_free(store);
  return ok;
}

bool ParseAndVerify(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::string_view s;
  if (!bargs::String(ctx, args[0], 1, &s)) return false;
  const Value invalid = Value::Array({Value::Bool(false), Value::EmptyArray()});
  auto certs = CertsFromString(s);
  std::vector<Value> chain;
  if (!certs.ok() || !VerifyChain(*certs, VerifyOptions(), ctx.NowNs(), &chain)) {
    *out = invalid;
    return true;
  }
  *out = Value::Array({Value::Bool(true), Value::Array(std::move(chain))});
  return true;
}

bool ParseAndVerifyWithOptions(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::string_view s;
  if (!bargs::String(ctx, args[0], 1, &s)) return false;
  if (!args[1].is_object()) return bargs::OperandTypeError(ctx, 2, args[1], "object");
  const Value invalid = Value::Array({Value::Bool(false), Value::EmptyArray()});
  auto certs = CertsFromString(s);
  if (!certs.ok()) {
    *out = invalid;
    return true;
  }
  VerifyOptions opts;
  static const char* kUsages[] = {"KeyUsageAny",
                                  "KeyUsageServerAuth",
                                  "KeyUsageClientAuth",
                                  "KeyUsageCodeSigning",
                                  "KeyUsageEmailProtection",
                                  "KeyUsageIPSECEndSystem",
                                  "KeyUsageIPSECTunnel",
                                  "KeyUsageIPSECUser",
                                  "KeyUsageTimeStamping",
                                  "KeyUsageOCSPSigning",
                                  "KeyUsageMicrosoftServerGatedCrypto",
                                  "KeyUsageNetscapeServerGatedCrypto",
                                  "KeyUsageMicrosoftCommercialCodeSigning",
                                  "KeyUsageMicrosoftKernelCodeSigning"};
  for (const auto& [k, v] : args[1].entries()) {
    if (!k.is_string()) continue;
    std::string_view key = k.as_string();
    if (key == "DNSName") {
      if (!v.is_string()) return ctx.BuiltinError("'DNSName' should be a string");
      opts.dns_name = std::string(v.as_string());
    } else if (key == "CurrentTime") {
      if (!v.is_number()) return ctx.BuiltinError("'CurrentTime' should be a number");
      if (!v.is_int64()) return ctx.BuiltinError("'CurrentTime' should be a valid int64 number");
      opts.has_time = true;
      opts.time_ns = v.as_int64();
    } else if (key == "MaxConstraintComparisons") {
      if (!v.is_number()) return ctx.BuiltinError("'MaxConstraintComparisons' should be a number");
      if (!v.is_int64())
        return ctx.BuiltinError("'MaxConstraintComparisons' should be a valid number");
    } else if (key == "KeyUsages") {
      if (!v.is_array() && !v.is_set())
        return ctx.BuiltinError("'KeyUsages' should be an Array or Set");
      std::vector<std::string> invalid_usages;
      for (const Value& u : v.items()) {
        if (!u.is_string()) continue;
        int found = -1;
        for (int i = 0; i < 14; ++i) {
          if (u.as_string() == kUsages[i]) found = i;
        }
        if (found < 0) {
          invalid_usages.emplace_back(u.as_string());
        } else {
          opts.key_usages.push_back(found);
        }
      }
      if (!invalid_usages.empty()) {
        std::string list;
        for (const auto& x : invalid_usages) list += (list.empty() ? "" : " ") + x;
        return ctx.BuiltinError("invalid entries for 'KeyUsages' found: [" + list + "]");
      }
    } else {
      return ctx.BuiltinError("invalid key option");
    }
  }
  std::vector<Value> chain;
  if (!VerifyChain(*certs, opts, ctx.NowNs(), &chain)) {
    *out = invalid;
    return true;
  }
  *out = Value::Array({Value::Bool(true), Value::Array(std::move(chain))});
  return true;
}

bool ParseCertificateRequest(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::string_view s;
  if (!bargs::String(ctx, args[0], 1, &s)) return false;
  std::string bytes(s);
  if (!s.starts_with("-----BEGIN CERTIFICATE REQUEST-----")) {
    auto raw = bcrypto::Base64Decode(s, B64::kStd, true);
    if (!raw.ok()) return ctx.BuiltinError(raw.status().message());
    bytes = std::move(*raw);
  }
  bcrypto::PemBlock block;
  std::string_view rest;
  if (bcrypto::PemDecode(bytes, &block, &rest)) {
    if (block.type != "CERTIFICATE REQUEST") {
      return ctx.BuiltinError("invalid PEM-encoded certificate signing request");
    }
    bytes = block.der;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  X509_REQ* req = d2i_X509_REQ(nullptr, &p, static_cast<long>(bytes.size()));
  if (req == nullptr) {
    return ctx.BuiltinError(
        "asn1: structure error: tags don't match (16 vs {class:1 tag:2 length:97 "
        "isCompound:true})");
  }
  std::vector<ObjectEntry> e;
  e.push_back({Str("Raw"), Bytes(Der<X509_REQ, i2d_X509_REQ>(req))});
  e.push_back({Str("Version"), Value::Int(X509_REQ_get_version(req))});
  const ASN1_BIT_STRING* sig = nullptr;
  const X509_ALGOR* alg = nullptr;
  X509_REQ_get0_signature(req, &sig, &alg);
  e.push_back({Str("Signature"),
               sig ? Bytes(ASN1_STRING_get0_data(sig), ASN1_STRING_length(sig)) : Value()});
  e.push_back({Str("SignatureAlgorithm"),
               Value::Int(GoSignatureAlgorithm(X509_REQ_get_signature_nid(req)))});
  Value pk_alg, pk;
  EVP_PKEY* pkey = X509_REQ_get0_pubkey(req);
  PublicKeyValues(pkey, &pk_alg, &pk);
  e.push_back({Str("PublicKeyAlgorithm"), pk_alg});
  e.push_back({Str("PublicKey"), pk});
  e.push_back({Str("Subject"), NameValue(X509_REQ_get_subject_name(req))});
  STACK_OF(X509_EXTENSION)* exts = X509_REQ_get_extensions(req);
  e.push_back({Str("Extensions"), ExtensionsValue(exts)});
  e.push_back({Str("ExtraExtensions"), Value()});
  San san;
  for (int i = 0; exts != nullptr && i < sk_X509_EXTENSION_num(exts); ++i) {
    X509_EXTENSION* ext = sk_X509_EXTENSION_value(exts, i);
    if (OBJ_obj2nid(X509_EXTENSION_get_object(ext)) == NID_subject_alt_name) {
      auto* gens = static_cast<GENERAL_NAMES*>(X509V3_EXT_d2i(ext));
      san = SubjectAltNames(gens);
      GENERAL_NAMES_free(gens);
    }
  }
  sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
  e.push_back({Str("DNSNames"), StrList(san.dns)});
  e.push_back({Str("EmailAddresses"), StrList(san.email)});
  e.push_back({Str("IPAddresses"), StrList(san.ip)});
  e.push_back({Str("URIs"), UriList(san.uri)});
  X509_REQ_free(req);
  *out = Value::Object(std::move(e));
  return true;
}

std::string B64Url(const BIGNUM* bn) {
  std::string buf(static_cast<size_t>(BN_num_bytes(bn)), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(buf.data()));
  return bcrypto::Base64Encode(buf, B64::kUrl, false);
}

BIGNUM* GetBn(EVP_PKEY* pk, const char* name) {
  BIGNUM* bn = nullptr;
  EVP_PKEY_get_bn_param(pk, name, &bn);
  return bn;
}

// OPA's getPrivateKeysFromPEMData: RSA (PKCS#1), PKCS#8 and EC private keys.
Result<std::vector<PkeyPtr>> PrivateKeysFromPem(std::string_view data) {
  std::string text(data);
  if (auto raw = bcrypto::Base64Decode(text, B64::kStd, true); raw.ok()) text = std::move(*raw);
  std::vector<PkeyPtr> keys;
  std::string_view rest = text;
  bcrypto::PemBlock block;
  while (!rest.empty() && bcrypto::PemDecode(rest, &block, &rest)) {
    const auto* p = reinterpret_cast<const unsigned char*>(block.der.data());
    const long n = static_cast<long>(block.der.size());
    EVP_PKEY* pk = nullptr;
    if (block.type == "RSA PRIVATE KEY") {
      pk = d2i_PrivateKey(EVP_PKEY_RSA, nullptr, &p, n);
    } else if (block.type == "PRIVATE KEY") {
      pk = d2i_AutoPrivateKey(nullptr, &p, n);
    } else if (block.type == "EC PRIVATE KEY") {
      pk = d2i_PrivateKey(EVP_PKEY_EC, nullptr, &p, n);
    } else {
      continue;
    }
    if (pk == nullptr)
      return InvalidArgument("x509: failed to parse private key (" + block.type + ")");
    keys.emplace_back(pk);
  }
  return keys;
}

// A private key as Go's encoding/json shows rsa.PrivateKey / ecdsa.PrivateKey.
Value PrivateKeyGoValue(EVP_PKEY* pk) {
  if (EVP_PKEY_base_id(pk) == EVP_PKEY_RSA) {
    BIGNUM *n = GetBn(pk, OSSL_PKEY_PARAM_RSA_N), *e = GetBn(pk, OSSL_PKEY_PARAM_RSA_E),
           *d = GetBn(pk, OSSL_PKEY_PARAM_RSA_D), *p = GetBn(pk, OSSL_PKEY_PARAM_RSA_FACTOR1),
           *q = GetBn(pk, OSSL_PKEY_PARAM_RSA_FACTOR2);
    Value v = Obj({{Str("N"), BnValue(n)},
                   {Str("E"), BnValue(e)},
                   {Str("D"), BnValue(d)},
                   {Str("Primes"), Value::Array({BnValue(p), BnValue(q)})}});
    for (BIGNUM* b : {n, e, d, p, q}) BN_free(b);
    return v;
  }
  if (EVP_PKEY_base_id(pk) == EVP_PKEY_EC) {
    BIGNUM *x = GetBn(pk, OSSL_PKEY_PARAM_EC_PUB_X), *y = GetBn(pk, OSSL_PKEY_PARAM_EC_PUB_Y),
           *d = GetBn(pk, OSSL_PKEY_PARAM_PRIV_KEY);
    Value v = Obj({{Str("Curve"), Value::EmptyObject()},
                   {Str("X"), BnValue(x)},
                   {Str("Y"), BnValue(y)},
                   {Str("D"), BnValue(d)}});
    for (BIGNUM* b : {x, y, d}) BN_free(b);
    return v;
  }
  return Value::EmptyObject();
}

// A private key as a JWK (crypto.x509.parse_rsa_private_key).
Value PrivateKeyJwk(EVP_PKEY* pk) {
  std::vector<ObjectEntry> e;
  if (EVP_PKEY_base_id(pk) == EVP_PKEY_RSA) {
    const std::pair<const char*, const char*> fields[] = {
        {"n", OSSL_PKEY_PARAM_RSA_N},          {"e", OSSL_PKEY_PARAM_RSA_E},
        {"d", OSSL_PKEY_PARAM_RSA_D},          {"p", OSSL_PKEY_PARAM_RSA_FACTOR1},
        {"q", OSSL_PKEY_PARAM_RSA_FACTOR2},    {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1},
        {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2}, {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1}};
    e.push_back({Str("kty"), Str("RSA")});
    for (const auto& [jwk, param] : fields) {
      BIGNUM* bn = GetBn(pk, param);
      if (bn != nullptr) e.push_back({Str(jwk), Str(B64Url(bn))});
      BN_free(bn);
    }
  } else if (EVP_PKEY_base_id(pk) == EVP_PKEY_EC) {
    char group[64] = {0};
    size_t len = 0;
    EVP_PKEY_get_utf8_string_param(pk, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof(group), &len);
    std::string_view g = group;
    e.push_back({Str("kty"), Str("EC")});
    e.push_back({Str("crv"), Str(g == "prime256v1"  ? "P-256"
                                 : g == "secp384r1" ? "P-384"
                                                    : "P-521")});
    for (const auto& [jwk, param] :
         {std::pair{"x", OSSL_PKEY_PARAM_EC_PUB_X}, std::pair{"y", OSSL_PKEY_PARAM_EC_PUB_Y},
          std::pair{"d", OSSL_PKEY_PARAM_PRIV_KEY}}) {
      BIGNUM* bn = GetBn(pk, param);
      if (bn != nullptr) e.push_back({Str(jwk), Str(B64Url(bn))});
      BN_free(bn);
    }
  }
  return Value::Object(std::move(e));
}

bool ParsePrivateKeys(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::string_view s;
  if (!bargs::String(ctx, args[0], 1, &s)) return false;
  if (s.empty()) {
    *out = Value();
    return true;
  }
  auto keys = PrivateKeysFromPem(s);
  if (!keys.ok()) return ctx.BuiltinError(keys.status().message());
  std::vector<Value> items;
  for (auto& k : *keys) items.push_back(PrivateKeyGoValue(k.get()));
  *out = Value::Array(std::move(items));
  return true;
}

bool ParseRsaPrivateKey(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::string_view s;
  if (!bargs::String(ctx, args[0], 1, &s)) return false;
  if (s.empty()) return ctx.BuiltinError("input PEM data was empty");
  std::string text(s);
  if (!s.starts_with("-----BEGIN")) {
    auto raw = bcrypto::Base64Decode(s, B64::kStd, true);
    if (!raw.ok()) return ctx.BuiltinError(raw.status().message());
    text = std::move(*raw);
  }
  auto keys = PrivateKeysFromPem(text);
  if (!keys.ok()) return ctx.BuiltinError(keys.status().message());
  if (keys->empty()) {
    *out = Value();
    return true;
  }
  *out = PrivateKeyJwk((*keys)[0].get());
  return true;
}

bool ParseKeypair(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::string_view cert_in, key_in;
  if (!bargs::String(ctx, args[0], 1, &cert_in) || !bargs::String(ctx, args[1], 1, &key_in))
    return false;
  std::string cert_text(cert_in), key_text(key_in);
  if (!cert_in.starts_with("-----BEGIN ")) {
    auto raw = bcrypto::Base64Decode(cert_in, B64::kStd, true);
    if (!raw.ok()) return ctx.BuiltinError(raw.status().message());
    cert_text = std::move(*raw);
  }
  if (!key_in.starts_with("-----BEGIN ")) {
    auto raw = bcrypto::Base64Decode(key_in, B64::kStd, true);
    if (!raw.ok()) return ctx.BuiltinError(raw.status().message());
    key_text = std::move(*raw);
  }
  std::vector<X509Ptr> certs;
  if (cert_text.starts_with("-----BEGIN ")) {
    std::string_view rest = cert_text;
    bcrypto::PemBlock block;
    while (!rest.empty() && bcrypto::PemDecode(rest, &block, &rest)) {
      if (block.type != "CERTIFICATE") continue;
      auto parsed = ParseDerCerts(block.der);
      if (!parsed.ok()) return ctx.BuiltinError(parsed.status().message());
      for (auto& c : *parsed) certs.push_back(std::move(c));
    }
  } else {
    auto parsed = ParseDerCerts(cert_text);
    if (!parsed.ok()) return ctx.BuiltinError(parsed.status().message());
    certs = std::move(*parsed);
  }
  if (certs.empty())
    return ctx.BuiltinError("tls: failed to find any PEM data in certificate input");
  PkeyPtr key;
  if (key_text.starts_with("-----BEGIN")) {
    auto keys = PrivateKeysFromPem(key_text);
    if (!keys.ok()) return ctx.BuiltinError(keys.status().message());
    if (keys->empty()) return ctx.BuiltinError("tls: failed to find any PEM data in key input");
    key = std::move((*keys)[0]);
  } else {
    const auto* p = reinterpret_cast<const unsigned char*>(key_text.data());
    key.reset(d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(key_text.size())));
    if (!key) return ctx.BuiltinError("tls: failed to parse private key");
  }
  if (EVP_PKEY_eq(X509_get0_pubkey(certs[0].get()), key.get()) != 1) {
    return ctx.BuiltinError("tls: private key does not match public key");
  }
  std::vector<Value> ders;
  for (auto& c : certs) ders.push_back(Bytes(Der<X509, i2d_X509>(c.get())));
  *out = Obj({{Str("Certificate"), Value::Array(std::move(ders))},
              {Str("PrivateKey"), PrivateKeyGoValue(key.get())},
              {Str("Leaf"), CertificateValue(certs[0].get())},
              {Str("OCSPStaple"), Value()},
              {Str("SignedCertificateTimestamps"), Value()},
              {Str("SupportedSignatureAlgorithms"), Value()}});
  return true;
}

}  // namespace

void RegisterX509Builtins(BuiltinRegistry& r) {
  r.Add({.name = "crypto.x509.parse_certificates",
         .decl = "(string) => array[object[string: any]]",
         .arity = 1,
         .fn = ParseCertificates});
  r.Add({.name = "crypto.x509.parse_and_verify_certificates",
         .decl = "(string) => array<boolean, array[object[string: any]]>",
         .arity = 1,
         .fn = ParseAndVerify});
  r.Add({.name = "crypto.x509.parse_and_verify_certificates_with_options",
         .decl = "(string, object[string: any]) => array<boolean, array[object[string: any]]>",
         .arity = 2,
         .fn = ParseAndVerifyWithOptions});
  r.Add({.name = "crypto.x509.parse_certificate_request",
         .decl = "(string) => object[string: any]",
         .arity = 1,
         .fn = ParseCertificateRequest});
  r.Add({.name = "crypto.x509.parse_keypair",
         .decl = "(string, string) => object[string: any]",
         .arity = 2,
         .fn = ParseKeypair});
  r.Add({.name = "crypto.x509.parse_rsa_private_key",
         .decl = "(string) => object[string: any]",
         .arity = 1,
         .fn = ParseRsaPrivateKey});
  r.Add({.name = "crypto.parse_private_keys",
         .decl = "(string) => array[object[string: any]]",
         .arity = 1,
         .fn = ParsePrivateKeys});
}

}  // namespace kumo::rego
