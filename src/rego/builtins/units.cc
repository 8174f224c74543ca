// Units builtins: units.parse (SI and binary SI suffixes, "m" is milli) and
// units.parse_bytes (case-insensitive byte units), computed exactly with
// rationals as OPA does.
#include <gmp.h>

#include "rego/builtins/a_number.h"
#include "rego/builtins/a_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

constexpr size_t kMaxExponentDigits = 6;

// Splits "10.5Gi" into "10.5" and "Gi" as OPA's extractNumAndUnit does.
// False when the exponent has too many digits.
bool SplitNumUnit(std::string_view s, std::string_view* num, std::string_view* unit) {
  size_t first_non_num = std::string_view::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool digit = c >= '0' && c <= '9';
    if (!digit && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
      first_non_num = i;
      break;
    }
    if (c == 'e' || c == 'E') {
      if (i + 1 == s.size() ||
          (!(s[i + 1] >= '0' && s[i + 1] <= '9') && s[i + 1] != '+' && s[i + 1] != '-')) {
        first_non_num = i;
        break;
      }
      if (s[i + 1] == '+' || s[i + 1] == '-') ++i;
      size_t st = i + 1, en = st;
      while (en < s.size() && s[en] >= '0' && s[en] <= '9') ++en;
      if (en - st > kMaxExponentDigits) return false;
    }
  }
  if (first_non_num == std::string_view::npos) {
    *num = s;
    *unit = {};
  } else {
    *num = s.substr(0, first_non_num);
    *unit = s.substr(first_non_num);
  }
  return true;
}

// Parses a decimal (sign, digits, one point, exponent) into an exact rational.
bool ParseRat(std::string_view s, mpq_t out) {
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  std::string digits;
  long frac = 0;
  bool point = false, any = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      any = true;
      if (point) ++frac;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!any) return false;
  long exp = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
    size_t st = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') exp = exp * 10 + (s[i++] - '0');
    if (i == st) return false;
    if (eneg) exp = -exp;
  }
  if (i != s.size()) return false;
  mpz_set_str(mpq_numref(out), digits.c_str(), 10);
  mpz_set_ui(mpq_denref(out), 1);
  long e10 = exp - frac;
  mpz_t p;
  mpz_init(p);
  mpz_ui_pow_ui(p, 10, static_cast<unsigned long>(e10 < 0 ? -e10 : e10));
  if (e10 > 0) mpz_mul(mpq_numref(out), mpq_numref(out), p);
  if (e10 < 0) mpz_set(mpq_denref(out), p);
  mpz_clear(p);
  mpq_canonicalize(out);
  if (neg) mpq_neg(out, out);
  return true;
}

std::string StripQuotes(std::string_view s) {
  std::string r;
  for (char c : s) {
    if (c != '"') r.push_back(c);
  }
  return r;
}

struct Rat {
  Rat() { mpq_init(q); }
  ~Rat() { mpq_clear(q); }
  Rat(const Rat&) = delete;
  Rat& operator=(const Rat&) = delete;
  mpq_t q;
};

bool Parse(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgString(ctx, args[0], 1)) return false;
  std::string s = StripQuotes(args[0].as_string());
  if (s.find(' ') != std::string::npos)
    return ctx.BuiltinError("spaces not allowed in resource strings");
  std::string_view num, unit;
  if (!SplitNumUnit(s, &num, &unit)) return ctx.BuiltinError("exponent too large");
  if (num.empty()) return ctx.BuiltinError("no amount provided");
  std::string u(unit);
  for (size_t i = 1; i < u.size(); ++i) u[i] = static_cast<char>(std::tolower(u[i]));
  Rat mult;
  static const std::pair<const char*, const char*> kUnits[] = {{"", "1"},
                                                               {"k", "1000"},
                                                               {"K", "1000"},
                                                               {"ki", "1024"},
                                                               {"Ki", "1024"},
                                                               {"M", "1000000"},
                                                               {"mi", "1048576"},
                                                               {"Mi", "1048576"},
                                                               {"g", "1000000000"},
                                                               {"G", "1000000000"},
                                                               {"gi", "1073741824"},
                                                               {"Gi", "1073741824"},
                                                               {"t", "1000000000000"},
                                                               {"T", "1000000000000"},
                                                               {"ti", "1099511627776"},
                                                               {"Ti", "1099511627776"},
                                                               {"p", "1000000000000000"},
                                                               {"P", "1000000000000000"},
                                                               {"pi", "1125899906842624"},
                                                               {"Pi", "1125899906842624"},
                                                               {"e", "1000000000000000000"},
                                                               {"E", "1000000000000000000"},
                                                               {"ei", "1152921504606846976"},
                                                               {"Ei", "1152921504606846976"}};
  bool found = false;
  if (u == "m") {
    mpq_set_ui(mult.q, 1, 1000);
    found = true;
  }
  for (const auto& [name, val] : kUnits) {
    if (!found && u == name) {
      mpq_set_str(mult.q, val, 10);
      found = true;
    }
  }
  if (!found) return ctx.BuiltinError("unit " + u + " not recognized");
  Rat n;
  if (!ParseRat(num, n.q)) return ctx.BuiltinError("could not parse amount to a number");
  mpq_mul(n.q, n.q, mult.q);
  if (mpz_cmp_ui(mpq_denref(n.q), 1) == 0) {
    a::BigInt z;
    mpz_set(z.get(), mpq_numref(n.q));
    *out = a::BigIntToNumber(z);
    return true;
  }
  // Go's Rat.FloatString(10): exactly ten decimals, rounded half away from zero.
  a::BigInt scaled, rem, ten;
  mpz_ui_pow_ui(ten.get(), 10, 10);
  mpz_mul(scaled.get(), mpq_numref(n.q), ten.get());
  bool neg = mpz_sgn(scaled.get()) < 0;
  mpz_abs(scaled.get(), scaled.get());
  mpz_tdiv_qr(scaled.get(), rem.get(), scaled.get(), mpq_denref(n.q));
  mpz_mul_2exp(rem.get(), rem.get(), 1);
  if (mpz_cmp(rem.get(), mpq_denref(n.q)) >= 0) mpz_add_ui(scaled.get(), scaled.get(), 1);
  std::string digits = scaled.ToString();
  while (digits.size() < 11) digits.insert(digits.begin(), '0');
  std::string text = (neg ? "-" : "") + digits.substr(0, digits.size() - 10) + "." +
                     digits.substr(digits.size() - 10);
  *out = Value::Number(text);
  return true;
}

bool ParseBytes(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgString(ctx, args[0], 1)) return false;
  std::string s = StripQuotes(args[0].as_string());
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (s.find(' ') != std::string::npos)
    return ctx.BuiltinError("spaces not allowed in resource strings");
  std::string_view num, unit;
  if (!SplitNumUnit(s, &num, &unit)) return ctx.BuiltinError("exponent too large");
  if (num.empty()) return ctx.BuiltinError("no byte amount provided");
  static const std::pair<const char*, const char*> kUnits[] = {{"", "1"},
                                                               {"kb", "1000"},
                                                               {"k", "1000"},
                                                               {"kib", "1024"},
                                                               {"ki", "1024"},
                                                               {"mb", "1000000"},
                                                               {"m", "1000000"},
                                                               {"mib", "1048576"},
                                                               {"mi", "1048576"},
                                                               {"gb", "1000000000"},
                                                               {"g", "1000000000"},
                                                               {"gib", "1073741824"},
                                                               {"gi", "1073741824"},
                                                               {"tb", "1000000000000"},
                                                               {"t", "1000000000000"},
                                                               {"tib", "1099511627776"},
                                                               {"ti", "1099511627776"},
                                                               {"pb", "1000000000000000"},
                                                               {"p", "1000000000000000"},
                                                               {"pib", "1125899906842624"},
                                                               {"pi", "1125899906842624"},
                                                               {"eb", "1000000000000000000"},
                                                               {"e", "1000000000000000000"},
                                                               {"eib", "1152921504606846976"},
                                                               {"ei", "1152921504606846976"}};
  Rat mult;
  bool found = false;
  for (const auto& [name, val] : kUnits) {
    if (unit == name) {
      mpq_set_str(mult.q, val, 10);
      found = true;
      break;
    }
  }
  if (!found) return ctx.BuiltinError("byte unit " + std::string(unit) + " not recognized");
  Rat n;
  if (!ParseRat(num, n.q)) return ctx.BuiltinError("could not parse byte amount to a number");
  mpq_mul(n.q, n.q, mult.q);
  a::BigInt z;
  mpz_tdiv_q(z.get(), mpq_numref(n.q), mpq_denref(n.q));
  *out = a::BigIntToNumber(z);
  return true;
}

}  // namespace

void RegisterUnitsBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "units.parse", .decl = "(string) => number", .arity = 1, .fn = Parse});
  r.Add({.name = "units.parse_bytes", .decl = "(string) => number", .arity = 1, .fn = ParseBytes});
}

}  // namespace kumo::rego
