// See b_crypto_util.h.
#include "rego/builtins/b_crypto_util.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <memory>

namespace kumo::rego::bcrypto {

namespace {

constexpr char kStdAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kUrlAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int DecodeChar(unsigned char c, B64 alphabet) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (alphabet == B64::kStd) {
    if (c == '+') return 62;
    if (c == '/') return 63;
  } else {
    if (c == '-') return 62;
    if (c == '_') return 63;
  }
  return -1;
}

Status Corrupt(size_t offset) {
  return InvalidArgument("illegal base64 data at input byte " + std::to_string(offset));
}

}  // namespace

Result<std::string> Base64Decode(std::string_view src, B64 alphabet, bool padded) {
  std::string out;
  out.reserve(src.size() * 3 / 4);
  size_t si = 0;
  auto is_nl = [&](size_t i) { return src[i] == '\n' || src[i] == '\r'; };
  for (;;) {
    int dbuf[4] = {0, 0, 0, 0};
    int dlen = 4;
    bool end = false;
    for (int j = 0; j < 4; ++j) {
      if (si == src.size()) {
        if (j == 0) return out;
        if (j == 1 || padded) return Corrupt(si - j);
        dlen = j;
        end = true;
        break;
      }
      unsigned char in = static_cast<unsigned char>(src[si]);
      ++si;
      int v = DecodeChar(in, alphabet);
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (in == '\n' || in == '\r') {
        --j;
        continue;
      }
      if (!padded || in != '=') return Corrupt(si - 1);
      // Padding: only valid after two or three symbols.
      if (j == 0 || j == 1) return Corrupt(si - 1);
      if (j == 2) {
        while (si < src.size() && is_nl(si)) ++si;
        if (si == src.size()) return Corrupt(src.size());
        if (src[si] != '=') return Corrupt(si - 1);
        ++si;
      }
      while (si < src.size() && is_nl(si)) ++si;
      if (si < src.size()) return Corrupt(si);
      dlen = j;
      end = true;
      break;
    }
    const unsigned val = (unsigned(dbuf[0]) << 18) | (unsigned(dbuf[1]) << 12) |
                         (unsigned(dbuf[2]) << 6) | unsigned(dbuf[3]);
    if (dlen >= 2) out.push_back(static_cast<char>(val >> 16));
    if (dlen >= 3) out.push_back(static_cast<char>((val >> 8) & 0xff));
    if (dlen >= 4) out.push_back(static_cast<char>(val & 0xff));
    if (end) return out;
  }
}

Result<std::string> Base64UrlDecodeOpa(std::string_view src) {
  std::string s(src);
  if (s.empty() || s.back() != '=') {
    switch (s.size() % 4) {
      case 0: break;
      case 2: s += "=="; break;
      case 3: s += "="; break;
      default: return InvalidArgument("illegal base64url string: " + s);
    }
  }
  return Base64Decode(s, B64::kUrl, true);
}

std::string Base64Encode(std::string_view src, B64 alphabet, bool padded) {
  const char* tab = alphabet == B64::kStd ? kStdAlphabet : kUrlAlphabet;
  std::string out;
  size_t i = 0;
  for (; i + 3 <= src.size(); i += 3) {
    unsigned v = (unsigned(static_cast<unsigned char>(src[i])) << 16) |
                 (unsigned(static_cast<unsigned char>(src[i + 1])) << 8) |
                 unsigned(static_cast<unsigned char>(src[i + 2]));
    out.push_back(tab[v >> 18]);
    out.push_back(tab[(v >> 12) & 63]);
    out.push_back(tab[(v >> 6) & 63]);
    out.push_back(tab[v & 63]);
  }
  const size_t rem = src.size() - i;
  if (rem > 0) {
    unsigned v = unsigned(static_cast<unsigned char>(src[i])) << 16;
    if (rem == 2) v |= unsigned(static_cast<unsigned char>(src[i + 1])) << 8;
    out.push_back(tab[v >> 18]);
    out.push_back(tab[(v >> 12) & 63]);
    if (rem == 2) out.push_back(tab[(v >> 6) & 63]);
    if (padded) out.append(rem == 1 ? "==" : "=");
  }
  return out;
}

std::string HexEncode(std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

std::string Digest(std::string_view md_name, std::string_view data) {
  std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(
      EVP_MD_fetch(nullptr, std::string(md_name).c_str(), nullptr), EVP_MD_free);
  if (!md) return {};
  unsigned char buf[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), buf, &len, md.get(), nullptr) != 1) return {};
  return std::string(reinterpret_cast<char*>(buf), len);
}

std::string Hmac(std::string_view md_name, std::string_view key, std::string_view data) {
  const EVP_MD* md = EVP_get_digestbyname(std::string(md_name).c_str());
  if (md == nullptr) return {};
  unsigned char buf[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  static const unsigned char kEmpty = 0;
  const void* k = key.empty() ? static_cast<const void*>(&kEmpty) : key.data();
  if (HMAC(md, k, static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
           data.size(), buf, &len) == nullptr) {
    return {};
  }
  return std::string(reinterpret_cast<char*>(buf), len);
}

bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool PemDecode(std::string_view data, PemBlock* block, std::string_view* rest) {
  static constexpr std::string_view kBegin = "-----BEGIN ";
  static constexpr std::string_view kEnd = "-----END ";
  size_t pos = 0;
  while (true) {
    size_t b = data.find(kBegin, pos);
    if (b == std::string_view::npos) return false;
    // The BEGIN line must start a line.
    if (b != 0 && data[b - 1] != '\n') {
      pos = b + 1;
      continue;
    }
    size_t type_start = b + kBegin.size();
    size_t type_end = data.find("-----", type_start);
    size_t eol = data.find('\n', type_start);
    if (type_end == std::string_view::npos || (eol != std::string_view::npos && type_end > eol)) {
      pos = b + 1;
      continue;
    }
    std::string type(data.substr(type_start, type_end - type_start));
    size_t body_start = type_end + 5;
    // Rest of the BEGIN line must be whitespace only.
    while (body_start < data.size() &&
           (data[body_start] == ' ' || data[body_start] == '\t' || data[body_start] == '\r'))
      ++body_start;
    if (body_start < data.size() && data[body_start] == '\n') ++body_start;
    std::string end_marker = std::string(kEnd) + type + "-----";
    size_t e = data.find(end_marker, body_start);
    if (e == std::string_view::npos) {
      pos = b + 1;
      continue;
    }
    std::string_view body = data.substr(body_start, e - body_start);
    // Drop RFC 1421 headers ("Key: value" lines followed by a blank line).
    if (body.find(':') != std::string_view::npos) {
      size_t blank = body.find("\n\n");
      size_t blank_crlf = body.find("\r\n\r\n");
      if (blank != std::string_view::npos) {
        body = body.substr(blank + 2);
      } else if (blank_crlf != std::string_view::npos) {
        body = body.substr(blank_crlf + 4);
      }
    }
    std::string b64;
    for (char c : body) {
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') b64.push_back(c);
    }
    auto der = Base64Decode(b64, B64::kStd, true);
    if (!der.ok()) {
      pos = b + 1;
      continue;
    }
    block->type = std::move(type);
    block->der = std::move(*der);
    size_t after = e + end_marker.size();
    while (after < data.size() &&
           (data[after] == ' ' || data[after] == '\t' || data[after] == '\r'))
      ++after;
    if (after < data.size() && data[after] == '\n') ++after;
    *rest = data.substr(after);
    return true;
  }
}

}  // namespace kumo::rego::bcrypto
