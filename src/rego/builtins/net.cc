// Net builtins: net.cidr_contains, cidr_contains_matches, cidr_expand,
// cidr_intersects, cidr_is_valid, cidr_merge (IPv4 and IPv6).
//
// Address and prefix syntax follow Go's net.ParseIP / net.ParseCIDR, which
// OPA uses: dotted IPv4 without leading zeros, RFC 4291 IPv6 text (with an
// optional trailing dotted quad), and error texts such as
// "invalid CIDR address: 10.0.0.0/33".
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rego/builtins/b_args.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {

namespace {

using U128 = unsigned __int128;

// An address of one family; v4 addresses live in the low 32 bits.
struct Ip {
  bool v4 = true;
  U128 addr = 0;
  int bits() const { return v4 ? 32 : 128; }
};

struct Cidr {
  Ip ip;  // network address (host bits cleared)
  int prefix = 0;
  U128 Mask() const {
    const int host = ip.bits() - prefix;
    U128 all = ip.v4 ? U128{0xffffffffu} : ~U128{0};
    return host >= 128 ? 0 : (all >> host) << host & all;
  }
  U128 Last() const { return ip.addr | (~Mask() & (ip.v4 ? U128{0xffffffffu} : ~U128{0})); }
  bool Contains(const Ip& x) const { return x.v4 == ip.v4 && (x.addr & Mask()) == ip.addr; }
};

std::optional<U128> ParseV4(std::string_view s) {
  U128 out = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (s.empty() || s[0] != '.') return std::nullopt;
      s.remove_prefix(1);
    }
    size_t i = 0;
    int n = 0;
    while (i < s.size() && i < 4 && s[i] >= '0' && s[i] <= '9') {
      n = n * 10 + (s[i] - '0');
      ++i;
    }
    // Go rejects leading zeros ("01") as ambiguous (octal in some parsers).
    if (i == 0 || i > 3 || n > 255 || (i > 1 && s[0] == '0')) return std::nullopt;
    s.remove_prefix(i);
    out = (out << 8) | n;
  }
  if (!s.empty()) return std::nullopt;
  return out;
}

std::optional<U128> ParseV6(std::string_view s) {
  uint16_t groups[8] = {};
  int n = 0, ellipsis = -1;
  if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
    ellipsis = 0;
    s.remove_prefix(2);
    if (s.empty()) return U128{0};
  }
  while (!s.empty()) {
    size_t i = 0;
    uint32_t v = 0;
    while (i < s.size() && i < 5 && std::isxdigit(static_cast<unsigned char>(s[i]))) {
      char c = s[i];
      v = v * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
      ++i;
    }
    if (i == 0 || i > 4) {
      // Maybe an embedded IPv4 tail.
      if (i == 0) return std::nullopt;
    }
    if (i < s.size() && s[i] == '.') {
      if ((ellipsis < 0 && n != 6) || n > 6) return std::nullopt;
      auto v4 = ParseV4(s);
      if (!v4) return std::nullopt;
      groups[n++] = static_cast<uint16_t>(*v4 >> 16);
      groups[n++] = static_cast<uint16_t>(*v4 & 0xffff);
      s = {};
      break;
    }
    if (i > 4) return std::nullopt;
    if (n >= 8) return std::nullopt;
    groups[n++] = static_cast<uint16_t>(v);
    s.remove_prefix(i);
    if (s.empty()) break;
    if (s[0] != ':' || s.size() == 1) return std::nullopt;
    s.remove_prefix(1);
    if (s[0] == ':') {
      if (ellipsis >= 0) return std::nullopt;
      ellipsis = n;
      s.remove_prefix(1);
      if (s.empty()) break;
    }
  }
  if (ellipsis < 0) {
    if (n != 8) return std::nullopt;
  } else {
    if (n >= 8) return std::nullopt;
    const int shift = 8 - n;
    for (int j = n - 1; j >= ellipsis; --j) groups[j + shift] = groups[j];
    for (int j = ellipsis; j < ellipsis + shift; ++j) groups[j] = 0;
  }
  U128 out = 0;
  for (uint16_t g : groups) out = (out << 16) | g;
  return out;
}

// Go's net.ParseIP; IPv4-mapped IPv6 addresses count as IPv4 (To4).
std::optional<Ip> ParseIp(std::string_view s) {
  if (auto v4 = ParseV4(s)) return Ip{true, *v4};
  if (s.find(':') == std::string_view::npos) return std::nullopt;
  auto v6 = ParseV6(s);
  if (!v6) return std::nullopt;
  if ((*v6 >> 32) == 0xffff) return Ip{true, *v6 & 0xffffffffu};
  return Ip{false, *v6};
}

// Go's net.ParseCIDR (the network, with host bits cleared).
std::optional<Cidr> ParseCidr(std::string_view s) {
  size_t slash = s.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view addr = s.substr(0, slash), len = s.substr(slash + 1);
  Ip ip;
  if (auto v4 = ParseV4(addr)) {
    ip = Ip{true, *v4};
  } else if (addr.find(':') != std::string_view::npos) {
    auto v6 = ParseV6(addr);
    if (!v6) return std::nullopt;
    ip = Ip{false, *v6};
  } else {
    return std::nullopt;
  }
  if (len.empty() || len.size() > 3) return std::nullopt;
  int n = 0;
  for (char c : len) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  if (n > ip.bits()) return std::nullopt;
  Cidr c{ip, n};
  c.ip.addr &= c.Mask();
  return c;
}

std::string IpString(const Ip& ip) {
  if (ip.v4) {
    uint32_t a = static_cast<uint32_t>(ip.addr);
    return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." +
           std::to_string((a >> 8) & 255) + "." + std::to_string(a & 255);
  }
  uint16_t g[8];
  for (int i = 0; i < 8; ++i) g[i] = static_cast<uint16_t>(ip.addr >> (112 - 16 * i));
  // RFC 5952: compress the longest run (>= 2) of zero groups, first on ties.
  int best = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    if (g[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && g[j] == 0) ++j;
    if (j - i > best_len && j - i >= 2) {
      best = i;
      best_len = j - i;
    }
    i = j;
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out.push_back(':');
    char buf[4];
    int k = 0;
    uint16_t v = g[i];
    do {
      buf[k++] = kHex[v & 15];
      v >>= 4;
    } while (v != 0);
    while (k > 0) out.push_back(buf[--k]);
  }
  return out;
}

std::string CidrString(const Cidr& c) { return IpString(c.ip) + "/" + std::to_string(c.prefix); }

bool NetOperand(BuiltinContext& ctx, const Value& v, Cidr* out) {
  std::string_view s;
  if (!bargs::String(ctx, v, 1, &s)) return false;
  auto c = ParseCidr(s);
  if (!c) return ctx.BuiltinError("invalid CIDR address: " + std::string(s));
  *out = *c;
  return true;
}

// net.cidr_contains(cidr, cidr_or_ip) without Value plumbing.
bool ContainsImpl(BuiltinContext& ctx, const Value& a, const Value& b, bool* out) {
  Cidr net;
  if (!NetOperand(ctx, a, &net)) return false;
  std::string_view bs;
  if (!bargs::String(ctx, b, 1, &bs)) return false;
  if (auto ip = ParseIp(bs)) {
    *out = net.Contains(*ip);
    return true;
  }
  auto other = ParseCidr(bs);
  if (!other) {
    return ctx.BuiltinError("not a valid textual representation of an IP address or CIDR: " +
                            std::string(bs));
  }
  *out = net.Contains(other->ip) && net.Contains(Ip{other->ip.v4, other->Last()});
  return true;
}

bool CidrContains(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  bool r = false;
  if (!ContainsImpl(ctx, args[0], args[1], &r)) return false;
  *out = Value::Bool(r);
  return true;
}

bool CidrIntersects(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  Cidr a, b;
  if (!NetOperand(ctx, args[0], &a) || !NetOperand(ctx, args[1], &b)) return false;
  *out = Value::Bool(a.Contains(b.ip) || b.Contains(a.ip));
  return true;
}

bool CidrIsValid(BuiltinContext&, std::span<const Value> args, Value* out) {
  *out = Value::Bool(args[0].is_string() && ParseCidr(args[0].as_string()).has_value());
  return true;
}

// Bound on net.cidr_expand's output (OPA has none; a /8 would be 16M strings).
constexpr int kMaxExpandHostBits = 20;

bool CidrExpand(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  Cidr c;
  if (!NetOperand(ctx, args[0], &c)) return false;
  const int host = c.ip.bits() - c.prefix;
  if (host > kMaxExpandHostBits) {
    return ctx.BuiltinError("CIDR " + std::string(args[0].as_string()) + " has more than " +
                            std::to_string(1 << kMaxExpandHostBits) +
                            " addresses; refusing to expand");
  }
  std::vector<Value> ips;
  const U128 count = U128{1} << host;
  ips.reserve(static_cast<size_t>(count));
  for (U128 i = 0; i < count; ++i)
    ips.push_back(Value::String(IpString(Ip{c.ip.v4, c.ip.addr + i})));
  *out = Value::Set(std::move(ips));
  return true;
}

// One element of a cidr_contains_matches operand: the CIDR/IP and its key.
struct MatchItem {
  Value cidr;
  Value key;
};

bool MatchItems(BuiltinContext& ctx, const Value& v, int operand, std::vector<MatchItem>* out) {
  auto term = [&](const Value& x, Value* cidr) {
    if (x.is_string()) {
      *cidr = x;
      return true;
    }
    if (x.is_array() && x.size() > 0) {
      *cidr = *x.At(0);
      return true;
    }
    return ctx.BuiltinError("operand " + std::to_string(operand) +
                            ": element must be string or non-empty array");
  };
  Value cidr;
  switch (v.kind()) {
    case ValueKind::kString: out->push_back({v, v}); return true;
    case ValueKind::kArray:
      for (size_t i = 0; i < v.size(); ++i) {
        if (!term(v.items()[i], &cidr)) return false;
        out->push_back({cidr, Value::Int(static_cast<int64_t>(i))});
      }
      return true;
    case ValueKind::kSet:
      for (const Value& x : v.items()) {
        if (!term(x, &cidr)) return false;
        out->push_back({cidr, x});
      }
      return true;
    case ValueKind::kObject:
      for (const auto& [k, x] : v.entries()) {
        if (!term(x, &cidr)) return false;
        out->push_back({cidr, k});
      }
      return true;
    default: return true;
  }
}

bool CidrContainsMatches(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::vector<MatchItem> a, b;
  if (!MatchItems(ctx, args[0], 1, &a) || !MatchItems(ctx, args[1], 2, &b)) return false;
  std::vector<Value> result;
  for (const auto& x : a) {
    for (const auto& y : b) {
      bool r = false;
      if (!ContainsImpl(ctx, x.cidr, y.cidr, &r)) return false;
      if (r) result.push_back(Value::Array({x.key, y.key}));
    }
  }
  *out = Value::Set(std::move(result));
  return true;
}

// The smallest list of aligned CIDR blocks covering [first, last].
void RangeToCidrs(bool v4, U128 first, U128 last, std::vector<Cidr>* out) {
  const int bits = v4 ? 32 : 128;
  while (true) {
    int host = 0;
    // Grow the block while it stays aligned and inside the range.
    while (host < bits) {
      const int next = host + 1;
      const U128 size_mask = next >= 128 ? ~U128{0} : ((U128{1} << next) - 1);
      if ((first & size_mask) != 0) break;
      if (last - first < size_mask) break;
      host = next;
    }
    out->push_back(Cidr{Ip{v4, first}, bits - host});
    const U128 block_last = first + (host >= 128 ? ~U128{0} : ((U128{1} << host) - 1));
    if (block_last >= last) break;
    first = block_last + 1;
  }
}

bool CidrMerge(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& in = args[0];
  if (!in.is_array() && !in.is_set()) return ctx.BuiltinError("operand must be an array");
  struct Range {
    bool v4;
    U128 first, last;
    std::optional<Cidr> net;  // unchanged input network, when not merged
  };
  std::vector<Range> ranges;
  for (const Value& e : in.items()) {
    if (!e.is_string()) return ctx.BuiltinError("element must be string");
    std::string_view s = e.as_string();
    Cidr c;
    if (auto ip = ParseIp(s)) {
      if (!ip->v4) return ctx.BuiltinError("IPv6 invalid: needs prefix length");
      // A bare IPv4 address takes its classful default mask (Go's DefaultMask).
      const uint32_t a = static_cast<uint32_t>(ip->addr);
      const int prefix = (a >> 31) == 0 ? 8 : (a >> 30) == 2 ? 16 : 24;
      c = Cidr{*ip, prefix};
      c.ip.addr &= c.Mask();
    } else if (auto parsed = ParseCidr(s)) {
      c = *parsed;
    } else {
      return ctx.BuiltinError("invalid CIDR address: " + std::string(s));
    }
    ranges.push_back({c.ip.v4, c.ip.addr, c.Last(), c});
  }
  // Sort by (family, last, first) and fold each range into its predecessor
  // when they touch or overlap.
  std::sort(ranges.begin(), ranges.end(), [](const Range& x, const Range& y) {
    if (x.v4 != y.v4) return x.v4;
    if (x.last != y.last) return x.last < y.last;
    return x.first < y.first;
  });
  for (size_t i = ranges.size(); i-- > 1;) {
    Range& prev = ranges[i - 1];
    const Range& cur = ranges[i];
    if (prev.v4 != cur.v4) continue;
    // The address before the zero address is the zero address (no wrap).
    const U128 before = cur.first == 0 ? 0 : cur.first - 1;
    if (before <= prev.last) {
      prev = Range{cur.v4, std::min(prev.first, cur.first), cur.last, std::nullopt};
      ranges.erase(ranges.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  std::vector<Value> result;
  for (const Range& r : ranges) {
    std::vector<Cidr> cidrs;
    if (r.net) {
      cidrs.push_back(*r.net);
    } else {
      RangeToCidrs(r.v4, r.first, r.last, &cidrs);
    }
    for (const Cidr& c : cidrs) result.push_back(Value::String(CidrString(c)));
  }
  *out = Value::Set(std::move(result));
  return true;
}

}  // namespace

void RegisterNetBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "net.cidr_contains",
         .decl = "(string, string) => boolean",
         .arity = 2,
         .fn = CidrContains});
  r.Add({.name = "net.cidr_intersects",
         .decl = "(string, string) => boolean",
         .arity = 2,
         .fn = CidrIntersects});
  r.Add(
      {.name = "net.cidr_is_valid", .decl = "(string) => boolean", .arity = 1, .fn = CidrIsValid});
  r.Add(
      {.name = "net.cidr_expand", .decl = "(string) => set[string]", .arity = 1, .fn = CidrExpand});
  r.Add({.name = "net.cidr_merge",
         .decl = "(any<array[string], set[string]>) => set[string]",
         .arity = 1,
         .fn = CidrMerge});
  constexpr const char* kMatchOperand =
      "any<string, array[any<string, array[any]>], object[string: any<string, array[any]>], "
      "set[any<string, array[any]>]>";
  r.Add({.name = "net.cidr_contains_matches",
         .decl =
             std::string("(") + kMatchOperand + ", " + kMatchOperand + ") => set[array<any, any>]",
         .arity = 2,
         .fn = CidrContainsMatches});
}

}  // namespace kumo::rego
