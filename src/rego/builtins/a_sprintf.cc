#include "rego/builtins/a_sprintf.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "rego/builtins/a_util.h"

namespace kumo::rego::a {
namespace {

// An argument as Go's fmt sees it after OPA's conversion.
struct Arg {
  enum Kind { kInt, kBigInt, kFloat, kString } kind = kString;
  int64_t i = 0;
  std::string text;  // big integer digits, or a string made for a non-string
  // A string argument's text, read in place from its Value (which outlives
  // the GoSprintfTo call); unused when `text` holds the string.
  const Value* string_value = nullptr;
  double f = 0;
  std::string_view str() const {
    return string_value ? string_value->as_string() : std::string_view(text);
  }
};

Arg ToArg(const Value& v) {
  Arg a;
  if (v.is_number()) {
    if (v.node_identity() == nullptr) {
      a.kind = Arg::kInt;
      a.i = v.as_int64();
      return a;
    }
    std::string t = v.number_text();
    size_t start = (!t.empty() && (t[0] == '-' || t[0] == '+')) ? 1 : 0;
    bool digits = t.size() > start;
    for (size_t k = start; k < t.size() && digits; ++k) digits = t[k] >= '0' && t[k] <= '9';
    if (digits) {
      a.kind = Arg::kBigInt;
      a.text = t[0] == '+' ? t.substr(1) : t;
      // Strip leading zeros as big.Int would.
      size_t neg = a.text[0] == '-' ? 1 : 0;
      size_t z = neg;
      while (z + 1 < a.text.size() && a.text[z] == '0') ++z;
      a.text.erase(neg, z - neg);
      if (a.text == "-0") a.text = "0";
      return a;
    }
    a.f = v.as_double();
    if (std::isinf(a.f)) {
      // Go's Number.Float64 fails out of range; OPA then passes the text.
      a.kind = Arg::kString;
      a.text = std::move(t);
      return a;
    }
    a.kind = Arg::kFloat;
    return a;
  }
  a.kind = Arg::kString;
  if (v.is_string()) {
    a.string_value = &v;
  } else {
    a.text = RegoTerm(v);
  }
  return a;
}

struct Spec {
  bool minus = false, plus = false, sharp = false, space = false, zero = false;
  int width = -1;
  int prec = -1;
};

std::string_view TypeName(const Arg& a) {
  switch (a.kind) {
    case Arg::kInt: return "int";
    case Arg::kBigInt: return "*big.Int";
    case Arg::kFloat: return "float64";
    case Arg::kString: return "string";
  }
  return "string";
}

// Pads to the width in runes.
void Pad(std::string body, const Spec& sp, bool numeric, std::string* out) {
  if (sp.width < 0) {
    out->append(body);
    return;
  }
  size_t n = RuneCount(body);
  if (n >= static_cast<size_t>(sp.width)) {
    out->append(body);
    return;
  }
  size_t pad = static_cast<size_t>(sp.width) - n;
  if (sp.minus) {
    out->append(body);
    out->append(pad, ' ');
    return;
  }
  if (sp.zero) {
    // Zeros go after a sign (and after 0x for numbers).
    size_t at = 0;
    if (numeric && !body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' ')) at = 1;
    body.insert(at, pad, '0');
    out->append(body);
    return;
  }
  out->append(pad, ' ');
  out->append(body);
}

}  // namespace

std::string GoFormatFloatG(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "+Inf" : "-Inf";
  if (d == 0) return std::signbit(d) ? "-0" : "0";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string s(buf, r.ptr);
  bool neg = s[0] == '-';
  if (neg) s.erase(0, 1);
  size_t epos = s.find('e');
  int exp = std::atoi(s.c_str() + epos + 1);
  std::string digits;
  for (size_t k = 0; k < epos; ++k) {
    if (s[k] != '.') digits.push_back(s[k]);
  }
  std::string out = neg ? "-" : "";
  int nd = static_cast<int>(digits.size());
  // strconv's shortest 'g' switches to exponent form at exponent >= 6.
  if (exp < -4 || exp >= 6) {
    out.push_back(digits[0]);
    if (nd > 1) {
      out.push_back('.');
      out.append(digits, 1, std::string::npos);
    }
    out.push_back('e');
    out.push_back(exp < 0 ? '-' : '+');
    int ae = exp < 0 ? -exp : exp;
    if (ae < 10) out.push_back('0');
    out.append(std::to_string(ae));
    return out;
  }
  int dp = exp + 1;
  if (dp <= 0) {
    out.append("0.");
    out.append(static_cast<size_t>(-dp), '0');
    out.append(digits);
  } else if (dp >= nd) {
    out.append(digits);
    out.append(static_cast<size_t>(dp - nd), '0');
  } else {
    out.append(digits, 0, static_cast<size_t>(dp));
    out.push_back('.');
    out.append(digits, static_cast<size_t>(dp), std::string::npos);
  }
  return out;
}

namespace {

std::string Utf8Hex(std::string_view s, bool upper, const Spec& sp) {
  static const char* kLower = "0123456789abcdef";
  static const char* kUpper = "0123456789ABCDEF";
  const char* hx = upper ? kUpper : kLower;
  std::string out;
  size_t n = s.size();
  if (sp.prec >= 0 && static_cast<size_t>(sp.prec) < n) n = static_cast<size_t>(sp.prec);
  for (size_t k = 0; k < n; ++k) {
    if (sp.space && k > 0) out.push_back(' ');
    if (sp.sharp && (sp.space || k == 0)) out.append(upper ? "0X" : "0x");
    auto b = static_cast<unsigned char>(s[k]);
    out.push_back(hx[b >> 4]);
    out.push_back(hx[b & 15]);
  }
  return out;
}

// Formats an integer given as sign + magnitude digits in `base`.
std::string FormatIntegerDigits(bool neg, std::string mag, char verb, const Spec& sp) {
  if (sp.prec >= 0) {
    if (sp.prec == 0 && mag == "0") mag.clear();
    while (mag.size() < static_cast<size_t>(sp.prec)) mag.insert(mag.begin(), '0');
  }
  std::string_view prefix;
  if (sp.sharp) {
    if (verb == 'x') prefix = "0x";
    if (verb == 'X') prefix = "0X";
    if (verb == 'o' && (mag.empty() || mag[0] != '0')) prefix = "0";
    if (verb == 'b') prefix = "0b";
  }
  if (verb == 'O') prefix = "0o";
  std::string_view sign;
  if (neg) {
    sign = "-";
  } else if (sp.plus) {
    sign = "+";
  } else if (sp.space) {
    sign = " ";
  }
  std::string body;
  body.reserve(sign.size() + prefix.size() + mag.size());
  body.append(sign).append(prefix).append(mag);
  if (sp.zero && !sp.minus && sp.prec < 0 && sp.width > 0 &&
      body.size() < static_cast<size_t>(sp.width)) {
    body.insert(sign.size() + prefix.size(), static_cast<size_t>(sp.width) - body.size(), '0');
  }
  return body;
}

std::string ToBase(uint64_t v, int base, bool upper) {
  if (v == 0) return "0";
  const char* hx = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string s;
  while (v > 0) {
    s.push_back(hx[v % static_cast<uint64_t>(base)]);
    v /= static_cast<uint64_t>(base);
  }
  return std::string(s.rbegin(), s.rend());
}

// Integers do their own zero padding (after sign and prefix).
Spec NoZero(Spec sp) {
  sp.zero = false;
  return sp;
}

// %v of an argument (used inside %!verb(type=value) markers too).
std::string PlainV(const Arg& a) {
  switch (a.kind) {
    case Arg::kInt: return std::to_string(a.i);
    case Arg::kBigInt: return a.text;
    case Arg::kFloat: return GoFormatFloatG(a.f);
    case Arg::kString: return std::string(a.str());
  }
  return "";
}

void BadVerb(char32_t verb, const Arg& a, std::string* out) {
  out->append("%!");
  AppendRune(verb, out);
  out->push_back('(');
  out->append(TypeName(a));
  out->push_back('=');
  out->append(PlainV(a));
  out->push_back(')');
}

void FormatOne(char32_t verb, const Spec& sp, const Arg& a, std::string* out) {
  if (verb == 'T') {
    Spec s2 = sp;
    s2.zero = false;
    Pad(std::string(TypeName(a)), s2, false, out);
    return;
  }
  switch (a.kind) {
    case Arg::kInt:
    case Arg::kBigInt: {
      bool neg;
      std::string mag;
      uint64_t u = 0;
      if (a.kind == Arg::kInt) {
        neg = a.i < 0;
        u = neg ? static_cast<uint64_t>(-(a.i + 1)) + 1 : static_cast<uint64_t>(a.i);
      } else {
        neg = a.text[0] == '-';
        mag = neg ? a.text.substr(1) : a.text;
      }
      switch (verb) {
        case 'v':
        case 'd':
          if (a.kind == Arg::kInt) mag = std::to_string(u);
          Pad(FormatIntegerDigits(neg, mag, 'd', sp), NoZero(sp), true, out);
          return;
        case 's':
          if (a.kind == Arg::kBigInt) {
            Pad(FormatIntegerDigits(neg, mag, 'd', sp), NoZero(sp), true, out);
            return;
          }
          break;
        case 'b':
        case 'o':
        case 'O':
        case 'x':
        case 'X': {
          int base = verb == 'b' ? 2 : (verb == 'o' || verb == 'O') ? 8 : 16;
          if (a.kind == Arg::kInt) {
            mag = ToBase(u, base, verb == 'X');
          } else {
            // Convert decimal digits with long division.
            std::string dec = mag, res;
            while (!(dec.size() == 1 && dec[0] == '0') && !dec.empty()) {
              std::string q;
              int rem = 0;
              for (char c : dec) {
                int cur = rem * 10 + (c - '0');
                int d = cur / base;
                rem = cur % base;
                if (!(q.empty() && d == 0)) q.push_back(static_cast<char>('0' + d));
              }
              res.push_back((verb == 'X' ? "0123456789ABCDEF" : "0123456789abcdef")[rem]);
              dec = q.empty() ? "0" : q;
            }
            mag = res.empty() ? "0" : std::string(res.rbegin(), res.rend());
          }
          Pad(FormatIntegerDigits(neg, mag, static_cast<char>(verb), sp), NoZero(sp), true, out);
          return;
        }
        case 'c':
          if (a.kind == Arg::kInt) {
            std::string r;
            AppendRune(static_cast<char32_t>(a.i), &r);
            Pad(r, sp, false, out);
            return;
          }
          break;
        case 'q':
          if (a.kind == Arg::kInt) {
            std::string r;
            AppendRune(static_cast<char32_t>(a.i), &r);
            std::string q;
            AppendGoQuoted(r, &q);
            q.front() = '\'';
            q.back() = '\'';
            Pad(q, sp, false, out);
            return;
          }
          break;
        case 'U':
          if (a.kind == Arg::kInt) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "U+%04llX", static_cast<unsigned long long>(u));
            Pad(buf, sp, false, out);
            return;
          }
          break;
        default: break;
      }
      BadVerb(verb, a, out);
      return;
    }
    case Arg::kFloat: {
      std::string body;
      char buf[512];
      switch (verb) {
        case 'v':
        case 'g':
        case 'G':
          if (sp.prec < 0) {
            body = GoFormatFloatG(a.f);
            if (verb == 'G') {
              for (char& c : body) c = c == 'e' ? 'E' : c;
            }
          } else {
            std::snprintf(buf, sizeof buf, verb == 'G' ? "%.*G" : "%.*g", sp.prec, a.f);
            body = buf;
          }
          break;
        case 'e':
        case 'E':
        case 'f':
        case 'F': {
          char fmt[8] = {'%', '.', '*', static_cast<char>(verb == 'F' ? 'f' : verb), 0};
          std::snprintf(buf, sizeof buf, fmt, sp.prec < 0 ? 6 : sp.prec, a.f);
          body = buf;
          break;
        }
        default: BadVerb(verb, a, out); return;
      }
      if (body[0] != '-') {
        if (sp.plus) {
          body.insert(body.begin(), '+');
        } else if (sp.space) {
          body.insert(body.begin(), ' ');
        }
      }
      Pad(body, sp, true, out);
      return;
    }
    case Arg::kString: {
      std::string_view s = a.str();
      switch (verb) {
        case 'v':
        case 's': {
          if (sp.width < 0 && sp.prec < 0) {  // plain %s: nothing to pad or cut
            out->append(s);
            return;
          }
          std::string body;
          if (sp.prec >= 0) {
            size_t k = 0;
            int n = 0;
            while (k < s.size() && n < sp.prec) {
              DecodeRune(s, &k);
              ++n;
            }
            body = std::string(s.substr(0, k));
          } else {
            body = std::string(s);
          }
          Pad(std::move(body), sp, false, out);
          return;
        }
        case 'q': {
          std::string q;
          AppendGoQuoted(s, &q);
          Pad(std::move(q), sp, false, out);
          return;
        }
        case 'x':
        case 'X': Pad(Utf8Hex(s, verb == 'X', sp), sp, false, out); return;
        default: BadVerb(verb, a, out); return;
      }
    }
  }
}

}  // namespace

namespace {

// The common case in policies: only %s / %v of strings, %d / %v of int64
// numbers and %%, no flags, widths or precisions, and exactly one argument
// per verb. Appends and returns true then; false (nothing appended) sends
// the call through the general formatter.
bool PlainSprintf(std::string_view f, std::span<const Value> values, std::string* out) {
  size_t argi = 0;
  for (size_t i = f.find('%'); i != std::string_view::npos; i = f.find('%', i + 2)) {
    if (i + 1 >= f.size()) return false;
    char verb = f[i + 1];
    if (verb == '%') continue;
    if (argi >= values.size()) return false;
    const Value& v = values[argi++];
    bool ok = ((verb == 's' || verb == 'v') && v.is_string()) ||
              ((verb == 'd' || verb == 'v') && v.is_number() && v.node_identity() == nullptr);
    if (!ok) return false;
  }
  if (argi != values.size()) return false;
  argi = 0;
  size_t start = 0;
  for (size_t i = f.find('%'); i != std::string_view::npos; i = f.find('%', start)) {
    out->append(f.substr(start, i - start));
    char verb = f[i + 1];
    start = i + 2;
    if (verb == '%') {
      out->push_back('%');
      continue;
    }
    const Value& v = values[argi++];
    if (v.is_string()) {
      out->append(v.as_string());
    } else {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, v.as_int64());
      out->append(buf, r.ptr);
    }
  }
  out->append(f.substr(start));
  return true;
}

}  // namespace

void GoSprintfTo(std::string_view f, std::span<const Value> values, std::string* out_ptr) {
  if (PlainSprintf(f, values, out_ptr)) return;
  std::string& out = *out_ptr;
  // Up to 4 arguments (the usual case) live on the stack.
  Arg small[4];
  std::vector<Arg> big;
  std::span<Arg> args;
  if (values.size() <= 4) {
    for (size_t k = 0; k < values.size(); ++k) small[k] = ToArg(values[k]);
    args = std::span<Arg>(small, values.size());
  } else {
    big.reserve(values.size());
    for (const Value& v : values) big.push_back(ToArg(v));
    args = big;
  }
  out.reserve(out.size() + f.size() + 16);
  size_t argi = 0;
  size_t i = 0;
  while (i < f.size()) {
    size_t pct = f.find('%', i);
    if (pct == std::string_view::npos) {
      out.append(f.substr(i));
      break;
    }
    out.append(f.substr(i, pct - i));
    i = pct + 1;
    Spec sp;
    for (; i < f.size(); ++i) {
      char c = f[i];
      if (c == '-') {
        sp.minus = true, sp.zero = false;
      } else if (c == '+') {
        sp.plus = true;
      } else if (c == '#') {
        sp.sharp = true;
      } else if (c == ' ') {
        sp.space = true;
      } else if (c == '0') {
        sp.zero = !sp.minus;
      } else {
        break;
      }
    }
    auto read_num = [&](int* dst) {
      if (i < f.size() && f[i] == '*') {
        ++i;
        if (argi < args.size() && args[argi].kind == Arg::kInt) {
          *dst = static_cast<int>(args[argi].i);
          if (*dst < 0 && dst == &sp.width) {
            sp.minus = true;
            *dst = -*dst;
          }
        } else {
          out.append(dst == &sp.width ? "%!(BADWIDTH)" : "%!(BADPREC)");
          *dst = -1;
        }
        ++argi;
        return;
      }
      if (i < f.size() && f[i] >= '0' && f[i] <= '9') {
        int n = 0;
        while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
          if (n < 1000000) n = n * 10 + (f[i] - '0');
          ++i;
        }
        *dst = n;
      }
    };
    read_num(&sp.width);
    if (i < f.size() && f[i] == '.') {
      ++i;
      sp.prec = 0;
      read_num(&sp.prec);
    }
    if (i >= f.size()) {
      out.append("%!(NOVERB)");
      break;
    }
    char32_t verb = DecodeRune(f, &i);
    if (verb == '%') {
      out.push_back('%');
      continue;
    }
    if (argi >= args.size()) {
      out.append("%!");
      AppendRune(verb, &out);
      out.append("(MISSING)");
      continue;
    }
    FormatOne(verb, sp, args[argi++], &out);
  }
  if (argi < args.size()) {
    out.append("%!(EXTRA ");
    for (size_t k = argi; k < args.size(); ++k) {
      if (k > argi) out.append(", ");
      out.append(TypeName(args[k]));
      out.push_back('=');
      out.append(PlainV(args[k]));
    }
    out.push_back(')');
  }
}

}  // namespace kumo::rego::a
