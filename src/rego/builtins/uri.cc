// URI builtins: uri.parse and uri.is_valid, with Go net/url.Parse's rules
// and error texts (hosts may only %-encode non-ASCII bytes, userinfo and
// ports are validated, the path is decoded and raw_path kept when the
// decoding does not round-trip).
#include "rego/builtins/a_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

enum class Mode { kPath, kHost, kZone, kUserinfo, kFragment, kQuery };

bool IsUnreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == '~';
}

// Go's shouldEscape.
bool ShouldEscape(char c, Mode mode) {
  if (IsUnreserved(c)) return false;
  if (mode == Mode::kHost || mode == Mode::kZone) {
    switch (c) {
      case '!':
      case '$':
      case '&':
      case '\'':
      case '(':
      case ')':
      case '*':
      case '+':
      case ',':
      case ';':
      case '=':
      case ':':
      case '[':
      case ']':
      case '<':
      case '>':
      case '"': return false;
      default: break;
    }
  }
  switch (c) {
    case '$':
    case '&':
    case '+':
    case ',':
    case '/':
    case ':':
    case ';':
    case '=':
    case '?':
    case '@':
      switch (mode) {
        case Mode::kPath: return c == '?';
        case Mode::kUserinfo: return c == '@' || c == '/' || c == '?' || c == ':';
        case Mode::kQuery: return true;
        case Mode::kFragment: return false;
        default: break;
      }
      break;
    default: break;
  }
  if (mode == Mode::kFragment) {
    switch (c) {
      case '!':
      case '(':
      case ')':
      case '*': return false;
      default: break;
    }
  }
  return true;
}

int Unhex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Go's unescape; *err gets "invalid URL escape ..." or the host error.
bool Unescape(std::string_view s, Mode mode, std::string* out, std::string* err) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size() || Unhex(s[i + 1]) < 0 || Unhex(s[i + 2]) < 0) {
        std::string_view bad = s.substr(i, std::min<size_t>(3, s.size() - i));
        *err = "invalid URL escape ";
        a::AppendGoQuoted(bad, err);
        return false;
      }
      if (mode == Mode::kHost && Unhex(s[i + 1]) < 8 && s.substr(i, 3) != "%25") {
        *err = "invalid URL escape ";
        a::AppendGoQuoted(s.substr(i, 3), err);
        return false;
      }
      out->push_back(static_cast<char>(Unhex(s[i + 1]) * 16 + Unhex(s[i + 2])));
      i += 2;
    } else {
      if ((mode == Mode::kHost || mode == Mode::kZone) && static_cast<unsigned char>(c) < 0x80 &&
          ShouldEscape(c, mode)) {
        *err = "invalid character ";
        a::AppendGoQuoted(s.substr(i, 1), err);
        *err += " in host name";
        return false;
      }
      out->push_back(c);
    }
  }
  return true;
}

std::string Escape(std::string_view s, Mode mode) {
  static const char* kHex = "0123456789ABCDEF";
  std::string r;
  for (char c : s) {
    if (ShouldEscape(c, mode)) {
      auto b = static_cast<unsigned char>(c);
      r.push_back('%');
      r.push_back(kHex[b >> 4]);
      r.push_back(kHex[b & 15]);
    } else {
      r.push_back(c);
    }
  }
  return r;
}

bool ValidOptionalPort(std::string_view p) {
  if (p.empty()) return true;
  if (p[0] != ':') return false;
  for (char c : p.substr(1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool ValidUserinfo(std::string_view s) {
  for (char c : s) {
    if (IsUnreserved(c)) continue;
    switch (c) {
      case '-':
      case '.':
      case '_':
      case ':':
      case '~':
      case '!':
      case '$':
      case '&':
      case '\'':
      case '(':
      case ')':
      case '*':
      case '+':
      case ',':
      case ';':
      case '=':
      case '%':
      case '@': continue;
      default: return false;
    }
  }
  return true;
}

struct Url {
  std::string scheme, opaque, host, path, raw_path, fragment, raw_query;
};

bool ParseHost(std::string_view host, std::string* out, std::string* err) {
  if (!host.empty() && host[0] == '[') {
    size_t i = host.rfind(']');
    if (i == std::string_view::npos) {
      *err = "missing ']' in host";
      return false;
    }
    std::string_view colon_port = host.substr(i + 1);
    if (!ValidOptionalPort(colon_port)) {
      *err = "invalid port ";
      a::AppendGoQuoted(colon_port, err);
      *err += " after host";
      return false;
    }
    std::string h;
    if (!Unescape(host.substr(0, i + 1), Mode::kHost, &h, err)) return false;
    *out = h + std::string(colon_port);
    return true;
  }
  size_t i = host.rfind(':');
  if (i != std::string_view::npos) {
    std::string_view colon_port = host.substr(i);
    if (!ValidOptionalPort(colon_port)) {
      *err = "invalid port ";
      a::AppendGoQuoted(colon_port, err);
      *err += " after host";
      return false;
    }
  }
  return Unescape(host, Mode::kHost, out, err);
}

bool ParseUrl(std::string_view raw, Url* u, std::string* err) {
  for (char c : raw) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      *err = "net/url: invalid control character in URL";
      return false;
    }
  }
  std::string_view rest = raw;
  size_t hash = rest.find('#');
  if (hash != std::string_view::npos) {
    if (!Unescape(rest.substr(hash + 1), Mode::kFragment, &u->fragment, err)) return false;
    rest = rest.substr(0, hash);
  }
  // Scheme.
  for (size_t i = 0; i < rest.size(); ++i) {
    char c = rest[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
      if (i == 0) break;
      continue;
    }
    if (c == ':') {
      if (i == 0) {
        *err = "missing protocol scheme";
        return false;
      }
      u->scheme = std::string(rest.substr(0, i));
      for (char& ch : u->scheme)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      rest = rest.substr(i + 1);
    }
    break;
  }
  size_t q = rest.find('?');
  if (q != std::string_view::npos) {
    u->raw_query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  if (rest.empty() || rest[0] != '/') {
    if (!u->scheme.empty()) {
      u->opaque = std::string(rest);
      return true;
    }
    size_t colon = rest.find(':');
    size_t slash = rest.find('/');
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash)) {
      *err = "first path segment in URL cannot contain colon";
      return false;
    }
  }
  if (rest.starts_with("//") && !rest.starts_with("///")) {
    std::string_view authority = rest.substr(2);
    size_t slash = authority.find('/');
    rest = slash == std::string_view::npos ? std::string_view() : authority.substr(slash);
    if (slash != std::string_view::npos) authority = authority.substr(0, slash);
    size_t at = authority.rfind('@');
    std::string_view host = authority;
    if (at != std::string_view::npos) {
      std::string_view userinfo = authority.substr(0, at);
      if (!ValidUserinfo(userinfo)) {
        *err = "net/url: invalid userinfo";
        return false;
      }
      std::string tmp;
      if (!Unescape(userinfo, Mode::kUserinfo, &tmp, err)) return false;
      host = authority.substr(at + 1);
    }
    if (!ParseHost(host, &u->host, err)) return false;
  } else if (rest.starts_with("///")) {
    rest = rest.substr(2);
  }
  if (!Unescape(rest, Mode::kPath, &u->path, err)) return false;
  if (Escape(u->path, Mode::kPath) != rest) u->raw_path = std::string(rest);
  return true;
}

bool Parse(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgString(ctx, args[0], 1)) return false;
  std::string_view raw = args[0].as_string();
  Url u;
  std::string err;
  if (!ParseUrl(raw, &u, &err)) {
    std::string msg = "parse ";
    a::AppendGoQuoted(raw, &msg);
    msg += ": " + err;
    return ctx.BuiltinError(std::move(msg));
  }
  std::vector<ObjectEntry> e;
  auto put = [&e](const char* k, const std::string& v) {
    if (!v.empty()) e.emplace_back(Value::String(k), Value::String(v));
  };
  put("scheme", u.scheme);
  std::string hostname = u.host, port;
  if (!hostname.empty() && hostname[0] == '[') {
    size_t close = hostname.find(']');
    port = hostname.substr(close + 1);
    hostname = hostname.substr(1, close - 1);
  } else {
    size_t colon = hostname.rfind(':');
    if (colon != std::string::npos) {
      port = hostname.substr(colon);
      hostname = hostname.substr(0, colon);
    }
  }
  if (!port.empty()) port.erase(0, 1);
  put("hostname", hostname);
  put("port", port);
  put("path", u.path);
  put("raw_path", u.raw_path.empty() ? u.path : u.raw_path);
  put("fragment", u.fragment);
  put("raw_query", u.raw_query);
  *out = Value::Object(std::move(e));
  return true;
}

bool IsValid(BuiltinContext&, std::span<const Value> args, Value* out) {
  Url u;
  std::string err;
  *out = Value::Bool(args[0].is_string() && !args[0].as_string().empty() &&
                     ParseUrl(args[0].as_string(), &u, &err));
  return true;
}

}  // namespace

void RegisterUriBuiltins(BuiltinRegistry& r) {
  r.Add(
      {.name = "uri.parse", .decl = "(string) => object[string: string]", .arity = 1, .fn = Parse});
  r.Add({.name = "uri.is_valid", .decl = "(any) => boolean", .arity = 1, .fn = IsValid});
}

}  // namespace kumo::rego
