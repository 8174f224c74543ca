#include "rego/builtins/a_number.h"

#include <climits>
#include <cstdlib>

namespace kumo::rego::a {
namespace {

constexpr int64_t kMaxDecimalExponent = 100000;  // bounds exact-integer work
constexpr unsigned kMantissaBits = 64;           // big.Float's default precision

class BigRat {
 public:
  BigRat() { mpq_init(q_); }
  ~BigRat() { mpq_clear(q_); }
  BigRat(const BigRat&) = delete;
  BigRat& operator=(const BigRat&) = delete;
  mpq_ptr get() { return q_; }
  mpq_srcptr get() const { return q_; }

 private:
  mpq_t q_;
};

// Splits JSON number text into sign, all digits and a power-of-ten exponent:
// value = sign * digits * 10^exp10. False when the exponent is out of bounds.
bool SplitNumber(std::string_view t, bool* neg, std::string* digits, int64_t* exp10) {
  size_t i = 0;
  *neg = false;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) {
    *neg = t[i] == '-';
    ++i;
  }
  int64_t frac = 0;
  bool in_frac = false;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') {
      if (!(digits->empty() && c == '0')) digits->push_back(c);
      if (in_frac) ++frac;
    } else if (c == '.') {
      in_frac = true;
    } else {
      break;
    }
  }
  int64_t e = 0;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) {
      eneg = t[i] == '-';
      ++i;
    }
    for (; i < t.size(); ++i) {
      if (t[i] < '0' || t[i] > '9') break;
      e = e * 10 + (t[i] - '0');
      if (e > kMaxDecimalExponent * 10) return false;
    }
    if (eneg) e = -e;
  }
  *exp10 = e - frac;
  if (digits->empty()) *exp10 = 0;
  int64_t magnitude = *exp10 + static_cast<int64_t>(digits->size());
  return magnitude <= kMaxDecimalExponent && *exp10 >= -kMaxDecimalExponent;
}

bool NumberToRat(const Value& v, BigRat* q) {
  if (v.node_identity() == nullptr) {
    mpq_set_si(q->get(), v.as_int64(), 1);
    return true;
  }
  bool neg;
  std::string digits;
  int64_t exp10;
  if (!SplitNumber(v.number_text(), &neg, &digits, &exp10)) return false;
  if (digits.empty()) {
    mpq_set_ui(q->get(), 0, 1);
    return true;
  }
  mpz_set_str(mpq_numref(q->get()), digits.c_str(), 10);
  mpz_set_ui(mpq_denref(q->get()), 1);
  BigInt p;
  mpz_ui_pow_ui(p.get(), 10, static_cast<unsigned long>(exp10 < 0 ? -exp10 : exp10));
  if (exp10 > 0) {
    mpz_mul(mpq_numref(q->get()), mpq_numref(q->get()), p.get());
  } else if (exp10 < 0) {
    mpz_set(mpq_denref(q->get()), p.get());
    mpq_canonicalize(q->get());
  }
  if (neg) mpq_neg(q->get(), q->get());
  return true;
}

bool IsNegativeText(const Value& v) {
  if (v.node_identity() == nullptr) return v.as_int64() < 0;
  std::string t = v.number_text();
  return !t.empty() && t[0] == '-';
}

// A binary float m * 2^e with a 64-bit mantissa (2^63 <= m < 2^64), or zero.
struct BinFloat {
  bool neg = false;
  bool zero = true;
  BigInt m;
  long e = 0;
};

// Rounds an exact rational to the nearest 64-bit-mantissa float (ties to even).
BinFloat RoundRat(mpq_srcptr q, unsigned prec = kMantissaBits) {
  BinFloat f;
  int sign = mpq_sgn(q);
  if (sign == 0) return f;
  f.zero = false;
  f.neg = sign < 0;
  BigInt num, den;
  mpz_abs(num.get(), mpq_numref(q));
  mpz_set(den.get(), mpq_denref(q));
  long e = static_cast<long>(mpz_sizeinbase(num.get(), 2)) -
           static_cast<long>(mpz_sizeinbase(den.get(), 2)) - static_cast<long>(prec);
  BigInt n2, d2, quo, rem;
  for (;;) {
    mpz_set(n2.get(), num.get());
    mpz_set(d2.get(), den.get());
    if (e < 0) {
      mpz_mul_2exp(n2.get(), n2.get(), static_cast<mp_bitcnt_t>(-e));
    } else {
      mpz_mul_2exp(d2.get(), d2.get(), static_cast<mp_bitcnt_t>(e));
    }
    mpz_tdiv_qr(quo.get(), rem.get(), n2.get(), d2.get());
    size_t bits = mpz_sizeinbase(quo.get(), 2);
    if (bits > prec) {
      ++e;
    } else if (bits < prec) {
      --e;
    } else {
      break;
    }
  }
  mpz_mul_2exp(rem.get(), rem.get(), 1);
  int c = mpz_cmp(rem.get(), d2.get());
  if (c > 0 || (c == 0 && mpz_odd_p(quo.get()))) {
    mpz_add_ui(quo.get(), quo.get(), 1);
    if (mpz_sizeinbase(quo.get(), 2) > prec) {
      mpz_tdiv_q_2exp(quo.get(), quo.get(), 1);
      ++e;
    }
  }
  mpz_swap(f.m.get(), quo.get());
  f.e = e;
  return f;
}

void BinFloatToRat(const BinFloat& f, BigRat* q) {
  if (f.zero) {
    mpq_set_ui(q->get(), 0, 1);
    return;
  }
  mpz_set(mpq_numref(q->get()), f.m.get());
  mpz_set_ui(mpq_denref(q->get()), 1);
  if (f.e > 0) {
    mpz_mul_2exp(mpq_numref(q->get()), mpq_numref(q->get()), static_cast<mp_bitcnt_t>(f.e));
  } else if (f.e < 0) {
    mpz_mul_2exp(mpq_denref(q->get()), mpq_denref(q->get()), static_cast<mp_bitcnt_t>(-f.e));
    mpq_canonicalize(q->get());
  }
  if (f.neg) mpq_neg(q->get(), q->get());
}

bool IsIntegral(const BinFloat& f) {
  if (f.zero || f.e >= 0) return true;
  return mpz_scan1(f.m.get(), 0) >= static_cast<mp_bitcnt_t>(-f.e);
}

// Shortest decimal digits d (no trailing zeros) and point position dp
// (value = 0.d * 10^dp) that read back to f at 64-bit precision, found as
// Go's big.Float does: the nearest k-digit decimal inside the half-ulp
// interval, for the smallest k.
void ShortestDigits(const BinFloat& f, std::string* digits, long* dp) {
  BigInt x, lo, hi;
  long t = 0;  // the exact values are X / 10^t
  mpz_mul_2exp(x.get(), f.m.get(), 1);
  mpz_sub_ui(lo.get(), x.get(), 1);
  mpz_add_ui(hi.get(), x.get(), 1);
  long e1 = f.e - 1;
  if (e1 >= 0) {
    mpz_mul_2exp(x.get(), x.get(), static_cast<mp_bitcnt_t>(e1));
    mpz_mul_2exp(lo.get(), lo.get(), static_cast<mp_bitcnt_t>(e1));
    mpz_mul_2exp(hi.get(), hi.get(), static_cast<mp_bitcnt_t>(e1));
  } else {
    t = -e1;
    BigInt p;
    mpz_ui_pow_ui(p.get(), 5, static_cast<unsigned long>(t));
    mpz_mul(x.get(), x.get(), p.get());
    mpz_mul(lo.get(), lo.get(), p.get());
    mpz_mul(hi.get(), hi.get(), p.get());
  }
  bool inclusive = mpz_even_p(f.m.get());
  std::string xs = x.ToString();
  long n = static_cast<long>(xs.size());
  BigInt p, q, r, c, r2;
  for (long k = 1; k <= n; ++k) {
    mpz_ui_pow_ui(p.get(), 10, static_cast<unsigned long>(n - k));
    mpz_tdiv_qr(q.get(), r.get(), x.get(), p.get());
    mpz_mul_2exp(r2.get(), r.get(), 1);
    int cmp = mpz_cmp(r2.get(), p.get());
    if (cmp > 0 || (cmp == 0 && mpz_odd_p(q.get()))) mpz_add_ui(q.get(), q.get(), 1);
    mpz_mul(c.get(), q.get(), p.get());
    int cl = mpz_cmp(c.get(), lo.get());
    int ch = mpz_cmp(c.get(), hi.get());
    bool ok = inclusive ? (cl >= 0 && ch <= 0) : (cl > 0 && ch < 0);
    if (ok || k == n) {
      std::string qs = q.ToString();
      *dp = static_cast<long>(qs.size()) + (n - k) - t;
      while (qs.size() > 1 && qs.back() == '0') qs.pop_back();
      *digits = std::move(qs);
      return;
    }
  }
}

// Go's big.Float.Text('g', -1) for non-integers and Text('f', -1) for integers.
std::string FormatBinFloat(const BinFloat& f) {
  if (f.zero) return f.neg ? "-0" : "0";
  std::string d;
  long dp = 0;
  ShortestDigits(f, &d, &dp);
  std::string out;
  if (f.neg) out.push_back('-');
  long len = static_cast<long>(d.size());
  bool use_e = false;
  if (!IsIntegral(f)) {
    long exp = dp - 1;
    use_e = exp < -4 || exp >= 6;  // Go's eprec for shortest formatting
  }
  if (use_e) {
    out.push_back(d[0]);
    if (len > 1) {
      out.push_back('.');
      out.append(d, 1, std::string::npos);
    }
    long exp = dp - 1;
    out.push_back('e');
    out.push_back(exp < 0 ? '-' : '+');
    long a = exp < 0 ? -exp : exp;
    std::string es = std::to_string(a);
    if (es.size() < 2) out.push_back('0');
    out.append(es);
    return out;
  }
  // %f with just the needed fraction digits.
  if (dp <= 0) {
    out.append("0.");
    out.append(static_cast<size_t>(-dp), '0');
    out.append(d);
    return out;
  }
  if (dp >= len) {
    out.append(d);
    out.append(static_cast<size_t>(dp - len), '0');
    return out;
  }
  out.append(d, 0, static_cast<size_t>(dp));
  out.push_back('.');
  out.append(d, static_cast<size_t>(dp), std::string::npos);
  return out;
}

Value RatToNumber(mpq_srcptr q, bool neg_zero, unsigned prec = kMantissaBits) {
  BinFloat f = RoundRat(q, prec);
  if (f.zero) f.neg = neg_zero;
  if (IsIntegral(f) && !f.zero && f.e <= 0) {
    // Small integers print exactly; the shortest form equals them.
    BigInt z;
    mpz_tdiv_q_2exp(z.get(), f.m.get(), static_cast<mp_bitcnt_t>(-f.e));
    if (f.neg) mpz_neg(z.get(), z.get());
    return BigIntToNumber(z);
  }
  return Value::Number(FormatBinFloat(f));
}

// Rounds an operand as big.Float.SetString would (to 64 mantissa bits).
bool OperandRat(const Value& v, BigRat* q) {
  if (!NumberToRat(v, q)) return false;
  if (v.node_identity() == nullptr) return true;  // int64 needs at most 64 bits
  BinFloat f = RoundRat(q->get());
  BinFloatToRat(f, q);
  return true;
}

}  // namespace

bool BigInt::ToInt64(int64_t* out) const {
  if (!mpz_fits_slong_p(z_)) return false;
  *out = mpz_get_si(z_);
  return true;
}

std::string BigInt::ToString() const {
  std::string s(mpz_sizeinbase(z_, 10) + 2, '\0');
  mpz_get_str(s.data(), 10, z_);
  s.resize(std::char_traits<char>::length(s.c_str()));
  return s;
}

bool NumberToBigInt(const Value& v, BigInt* out) {
  if (!v.is_number()) return false;
  if (v.node_identity() == nullptr) {
    mpz_set_si(out->get(), v.as_int64());
    return true;
  }
  if (!v.is_integral()) return false;
  bool neg;
  std::string digits;
  int64_t exp10;
  if (!SplitNumber(v.number_text(), &neg, &digits, &exp10)) return false;
  if (digits.empty()) {
    mpz_set_ui(out->get(), 0);
    return true;
  }
  // Integral with a negative exponent means trailing fraction zeros.
  while (exp10 < 0 && !digits.empty() && digits.back() == '0') {
    digits.pop_back();
    ++exp10;
  }
  if (exp10 < 0) return false;
  mpz_set_str(out->get(), digits.c_str(), 10);
  if (exp10 > 0) {
    BigInt p;
    mpz_ui_pow_ui(p.get(), 10, static_cast<unsigned long>(exp10));
    mpz_mul(out->get(), out->get(), p.get());
  }
  if (neg) mpz_neg(out->get(), out->get());
  return true;
}

Value BigIntToNumber(const BigInt& z) {
  int64_t i;
  if (z.ToInt64(&i)) return Value::Int(i);
  return Value::Number(z.ToString());
}

bool Arith(ArithOp op, const Value& a, const Value& b, Value* out, std::string* err) {
  // Fast path: both inline int64.
  if (a.node_identity() == nullptr && b.node_identity() == nullptr) {
    int64_t x = a.as_int64(), y = b.as_int64(), r;
    switch (op) {
      case ArithOp::kPlus:
        if (!__builtin_add_overflow(x, y, &r)) return *out = Value::Int(r), true;
        break;
      case ArithOp::kMinus:
        if (!__builtin_sub_overflow(x, y, &r)) return *out = Value::Int(r), true;
        break;
      case ArithOp::kMul:
        if (!__builtin_mul_overflow(x, y, &r)) return *out = Value::Int(r), true;
        break;
      case ArithOp::kDiv:
        if (y == 0) return *err = "divide by zero", false;
        if (x != 0 && !(x == INT64_MIN && y == -1) && x % y == 0) {
          return *out = Value::Int(x / y), true;
        }
        break;
      case ArithOp::kRem:
        if (y == 0) return *err = "modulo by zero", false;
        if (y == -1) return *out = Value::Int(0), true;
        return *out = Value::Int(x % y), true;
    }
  }
  if (op != ArithOp::kDiv) {
    BigInt x, y;
    if (NumberToBigInt(a, &x) && NumberToBigInt(b, &y)) {
      BigInt z;
      switch (op) {
        case ArithOp::kPlus: mpz_add(z.get(), x.get(), y.get()); break;
        case ArithOp::kMinus: mpz_sub(z.get(), x.get(), y.get()); break;
        case ArithOp::kMul: mpz_mul(z.get(), x.get(), y.get()); break;
        case ArithOp::kRem:
          if (mpz_sgn(y.get()) == 0) return *err = "modulo by zero", false;
          mpz_tdiv_r(z.get(), x.get(), y.get());
          break;
        case ArithOp::kDiv: break;
      }
      *out = BigIntToNumber(z);
      return true;
    }
    if (op == ArithOp::kRem) return *err = "modulo on floating-point number", false;
  }
  BigRat x, y, z;
  if (!OperandRat(a, &x) || !OperandRat(b, &y)) {
    return *err = "number too large", false;
  }
  bool neg_zero = false;
  switch (op) {
    case ArithOp::kPlus:
      mpq_add(z.get(), x.get(), y.get());
      neg_zero =
          mpq_sgn(x.get()) == 0 && mpq_sgn(y.get()) == 0 && IsNegativeText(a) && IsNegativeText(b);
      break;
    case ArithOp::kMinus: mpq_sub(z.get(), x.get(), y.get()); break;
    case ArithOp::kMul:
      mpq_mul(z.get(), x.get(), y.get());
      neg_zero = IsNegativeText(a) != IsNegativeText(b);
      break;
    case ArithOp::kDiv:
      if (mpq_sgn(y.get()) == 0) return *err = "divide by zero", false;
      mpq_div(z.get(), x.get(), y.get());
      neg_zero = IsNegativeText(a) != IsNegativeText(b);
      break;
    case ArithOp::kRem: break;
  }
  *out = RatToNumber(z.get(), neg_zero);
  return true;
}

Value ArithUnary(UnaryOp op, const Value& v) {
  if (v.node_identity() == nullptr) {
    int64_t x = v.as_int64();
    if (op == UnaryOp::kAbs && x < 0) {
      if (x == INT64_MIN) return Value::Number("9223372036854775808");
      return Value::Int(-x);
    }
    return v;
  }
  BigInt zi;
  if (NumberToBigInt(v, &zi)) {
    if (op == UnaryOp::kAbs) mpz_abs(zi.get(), zi.get());
    return BigIntToNumber(zi);
  }
  BigRat q;
  if (!OperandRat(v, &q)) return v;
  if (op == UnaryOp::kAbs) {
    mpq_abs(q.get(), q.get());
    return RatToNumber(q.get(), false);
  }
  // OPA truncates toward zero and then adjusts by the sign of the truncated
  // value (so ceil(-0.5) is 1 and floor(-0.5) is 0 there); kept for parity.
  BigInt t;
  bool neg = mpq_sgn(q.get()) < 0;
  if (op == UnaryOp::kRound) {
    // Half away from zero.
    BigRat half, s;
    mpq_set_ui(half.get(), 1, 2);
    if (neg) {
      mpq_sub(s.get(), q.get(), half.get());
    } else {
      mpq_add(s.get(), q.get(), half.get());
    }
    mpz_tdiv_q(t.get(), mpq_numref(s.get()), mpq_denref(s.get()));
    return BigIntToNumber(t);
  }
  mpz_tdiv_q(t.get(), mpq_numref(q.get()), mpq_denref(q.get()));
  bool exact = mpz_cmp_ui(mpq_denref(q.get()), 1) == 0;
  bool t_neg = mpz_sgn(t.get()) < 0;
  if (op == UnaryOp::kCeil) {
    if (!(t_neg || exact)) mpz_add_ui(t.get(), t.get(), 1);
  } else {
    if (!(!t_neg || exact)) mpz_sub_ui(t.get(), t.get(), 1);
  }
  return BigIntToNumber(t);
}

bool FoldNumbers(std::span<const Value> nums, bool product, Value* out) {
  // Go's sum starts from a zero-precision big.Float (64 bits after the first
  // Add); product starts from big.NewFloat(1), which keeps 53 bits.
  unsigned prec = product ? 53 : kMantissaBits;
  BigRat acc, x;
  mpq_set_ui(acc.get(), product ? 1 : 0, 1);
  for (const Value& n : nums) {
    if (!OperandRat(n, &x)) return false;
    if (product) {
      mpq_mul(acc.get(), acc.get(), x.get());
    } else {
      mpq_add(acc.get(), acc.get(), x.get());
    }
    BinFloat f = RoundRat(acc.get(), prec);
    BinFloatToRat(f, &acc);
  }
  *out = RatToNumber(acc.get(), false, prec);
  return true;
}

std::string FloatText(const Value& x) {
  BigRat q;
  if (!NumberToRat(x, &q)) return x.number_text();
  BinFloat f = RoundRat(q.get());
  return FormatBinFloat(f);
}

}  // namespace kumo::rego::a
