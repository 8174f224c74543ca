// UUID builtins: uuid.rfc4122 (a random version 4 UUID, the same for the
// same key within one query) and uuid.parse (fields as google/uuid reports
// them: version, variant, and time/clock/node/domain for versions 1 and 2).
#include <cstdio>
#include <random>

#include "rego/builtins/a_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

bool Rfc4122(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgString(ctx, args[0], 1)) return false;
  std::string key;
  if (ctx.nd_cache != nullptr) {
    key = a::NdKey("uuid.rfc4122", args);
    auto it = ctx.nd_cache->find(key);
    if (it != ctx.nd_cache->end()) {
      *out = it->second;
      return true;
    }
  }
  thread_local std::mt19937_64 rng{std::random_device{}()};
  unsigned char b[16];
  for (int i = 0; i < 16; i += 8) {
    uint64_t r = rng();
    for (int k = 0; k < 8; ++k) b[i + k] = static_cast<unsigned char>(r >> (8 * k));
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  char buf[40];
  std::snprintf(buf, sizeof buf,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                b[15]);
  *out = Value::String(buf);
  if (ctx.nd_cache != nullptr) ctx.nd_cache->emplace(std::move(key), *out);
  return true;
}

int HexVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// google/uuid.Parse: 36 (dashed), 38 ({dashed}, only the middle examined),
// 45 (urn:uuid: prefix, case-insensitive) or 32 (hex) characters.
bool ParseUuid(std::string_view s, unsigned char b[16]) {
  if (s.size() == 45) {
    std::string p(s.substr(0, 9));
    for (char& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (p != "urn:uuid:") return false;
    s = s.substr(9);
  } else if (s.size() == 38) {
    s = s.substr(1, 36);
  } else if (s.size() == 32) {
    for (int i = 0; i < 16; ++i) {
      int hi = HexVal(s[2 * i]), lo = HexVal(s[2 * i + 1]);
      if (hi < 0 || lo < 0) return false;
      b[i] = static_cast<unsigned char>(hi * 16 + lo);
    }
    return true;
  }
  if (s.size() != 36) return false;
  if (s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-') return false;
  static const int kPos[16] = {0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};
  for (int i = 0; i < 16; ++i) {
    int hi = HexVal(s[kPos[i]]), lo = HexVal(s[kPos[i] + 1]);
    if (hi < 0 || lo < 0) return false;
    b[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return true;
}

bool Parse(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgString(ctx, args[0], 1)) return false;
  unsigned char b[16];
  if (!ParseUuid(args[0].as_string(), b)) return false;
  int version = b[6] >> 4;
  std::string variant;
  if ((b[8] & 0xC0) == 0x80) {
    variant = "RFC4122";
  } else if ((b[8] & 0x80) == 0) {
    variant = "Reserved";
  } else if ((b[8] & 0xE0) == 0xC0) {
    variant = "Microsoft";
  } else {
    variant = "Future";
  }
  std::vector<ObjectEntry> e;
  e.emplace_back(Value::String("version"), Value::Int(version));
  e.emplace_back(Value::String("variant"), Value::String(variant));
  if (version == 1 || version == 2) {
    int64_t low = (int64_t{b[0]} << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
    int64_t mid = (b[4] << 8) | b[5];
    int64_t hi = ((b[6] << 8) | b[7]) & 0x0FFF;
    int64_t t = (hi << 48) | (mid << 32) | low;
    constexpr int64_t kGregorianToUnix = 122192928000000000;  // 100ns units
    e.emplace_back(Value::String("time"), Value::Int((t - kGregorianToUnix) * 100));
    e.emplace_back(Value::String("clocksequence"), Value::Int(((b[8] & 0x3F) << 8) | b[9]));
    char node[24];
    std::snprintf(node, sizeof node, "%02x-%02x-%02x-%02x-%02x-%02x", b[10], b[11], b[12], b[13],
                  b[14], b[15]);
    e.emplace_back(Value::String("nodeid"), Value::String(node));
    std::string mac = (b[10] & 2) ? "local" : "global";
    mac += (b[10] & 1) ? ":multicast" : ":unicast";
    e.emplace_back(Value::String("macvariables"), Value::String(mac));
    if (version == 2) {
      static const char* kDomains[] = {"Person", "Group", "Org"};
      std::string domain = b[9] < 3 ? kDomains[b[9]] : "Domain" + std::to_string(b[9]);
      e.emplace_back(Value::String("domain"), Value::String(domain));
      e.emplace_back(Value::String("id"), Value::Int(low));
    }
  }
  *out = Value::Object(std::move(e));
  return true;
}

}  // namespace

void RegisterUuidBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "uuid.rfc4122",
         .decl = "(string) => string",
         .arity = 1,
         .fn = Rfc4122,
         .nondeterministic = true});
  r.Add({.name = "uuid.parse", .decl = "(string) => object[string: any]", .arity = 1, .fn = Parse});
}

}  // namespace kumo::rego
