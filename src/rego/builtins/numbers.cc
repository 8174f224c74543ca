// Numbers builtins: arithmetic operators, rounding, numbers.range*,
// bits.*, to_number, format_int and rand.intn. Arithmetic is exact (see
// a_number.h); integers of any size never pass through a double.
#include <cctype>
#include <random>

#include "rego/builtins/a_number.h"
#include "rego/builtins/a_util.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

using a::ArgInt;
using a::ArgNumber;
using a::BigInt;
using a::OperandError;
using a::OperandTypeError;

bool ArithBuiltin(a::ArithOp op, BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgNumber(ctx, args[0], 1) || !ArgNumber(ctx, args[1], 2)) return false;
  std::string err;
  if (!a::Arith(op, args[0], args[1], out, &err)) return ctx.BuiltinError(std::move(err));
  return true;
}

bool Plus(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  return ArithBuiltin(a::ArithOp::kPlus, ctx, args, out);
}
bool Mul(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  return ArithBuiltin(a::ArithOp::kMul, ctx, args, out);
}
bool Div(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  return ArithBuiltin(a::ArithOp::kDiv, ctx, args, out);
}
bool Rem(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  return ArithBuiltin(a::ArithOp::kRem, ctx, args, out);
}

// Set difference of two sorted member lists.
Value SetDiff(const Value& x, const Value& y) {
  std::vector<Value> out;
  auto xs = x.items();
  auto ys = y.items();
  size_t j = 0;
  for (const Value& v : xs) {
    while (j < ys.size() && ys[j] < v) ++j;
    if (j < ys.size() && ys[j] == v) continue;
    out.push_back(v);
  }
  if (out.size() == xs.size()) return x;
  return Value::Set(std::move(out));
}

bool Minus(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& x = args[0];
  const Value& y = args[1];
  if (x.is_number() && y.is_number()) return ArithBuiltin(a::ArithOp::kMinus, ctx, args, out);
  if (x.is_set() && y.is_set()) {
    *out = SetDiff(x, y);
    return true;
  }
  if (!x.is_number() && !x.is_set()) return OperandTypeError(ctx, 1, x, {"number", "set"});
  if (y.is_number()) return OperandTypeError(ctx, 2, y, {"set"});
  return OperandTypeError(ctx, 2, y, {x.is_set() ? "set" : "number"});
}

template <a::UnaryOp kOp>
bool Unary(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgNumber(ctx, args[0], 1)) return false;
  *out = a::ArithUnary(kOp, args[0]);
  return true;
}

// OPA's BigIntOperand: any integral number, "integer" in the type error.
bool ArgBigInt(BuiltinContext& ctx, const Value& v, int pos, BigInt* out) {
  if (!v.is_number()) return OperandTypeError(ctx, pos, v, {"integer"});
  if (!a::NumberToBigInt(v, out)) {
    return OperandError(ctx, pos, "must be integer number but got floating-point number");
  }
  return true;
}

constexpr uint64_t kMaxRangeLength = 10'000'000;

bool GenerateRange(BuiltinContext& ctx, const BigInt& x, const BigInt& y, const BigInt& step,
                   Value* out) {
  BigInt span;
  mpz_sub(span.get(), y.get(), x.get());
  mpz_abs(span.get(), span.get());
  mpz_tdiv_q(span.get(), span.get(), step.get());
  if (mpz_cmp_ui(span.get(), kMaxRangeLength) >= 0) {
    return ctx.BuiltinError("range too large (more than 10000000 elements)");
  }
  bool up = mpz_cmp(x.get(), y.get()) <= 0;
  std::vector<Value> items;
  items.reserve(mpz_get_ui(span.get()) + 1);
  int64_t xi, yi, si;
  if (x.ToInt64(&xi) && y.ToInt64(&yi) && step.ToInt64(&si) && xi > INT64_MIN / 2 &&
      xi < INT64_MAX / 2 && yi > INT64_MIN / 2 && yi < INT64_MAX / 2 && si < INT64_MAX / 2) {
    if (up) {
      for (int64_t i = xi; i <= yi; i += si) items.push_back(Value::Int(i));
    } else {
      for (int64_t i = xi; i >= yi; i -= si) items.push_back(Value::Int(i));
    }
  } else {
    BigInt cur(x);
    while (up ? mpz_cmp(cur.get(), y.get()) <= 0 : mpz_cmp(cur.get(), y.get()) >= 0) {
      items.push_back(a::BigIntToNumber(cur));
      if (up) {
        mpz_add(cur.get(), cur.get(), step.get());
      } else {
        mpz_sub(cur.get(), cur.get(), step.get());
      }
    }
  }
  *out = Value::Array(std::move(items));
  return true;
}

bool NumbersRange(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  BigInt x, y;
  if (!ArgBigInt(ctx, args[0], 1, &x) || !ArgBigInt(ctx, args[1], 2, &y)) return false;
  return GenerateRange(ctx, x, y, BigInt(1), out);
}

bool NumbersRangeStep(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  BigInt x, y, step;
  if (!ArgBigInt(ctx, args[0], 1, &x) || !ArgBigInt(ctx, args[1], 2, &y) ||
      !ArgBigInt(ctx, args[2], 3, &step)) {
    return false;
  }
  if (mpz_sgn(step.get()) <= 0) return ctx.BuiltinError("step must be a positive integer");
  return GenerateRange(ctx, x, y, step, out);
}

enum class BitOp { kAnd, kOr, kXor };

template <BitOp kOp>
bool Bits2(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  BigInt x, y, z;
  if (!ArgBigInt(ctx, args[0], 1, &x) || !ArgBigInt(ctx, args[1], 2, &y)) return false;
  switch (kOp) {
    case BitOp::kAnd: mpz_and(z.get(), x.get(), y.get()); break;
    case BitOp::kOr: mpz_ior(z.get(), x.get(), y.get()); break;
    case BitOp::kXor: mpz_xor(z.get(), x.get(), y.get()); break;
  }
  *out = a::BigIntToNumber(z);
  return true;
}

bool BitsNegate(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  BigInt x, z;
  if (!ArgBigInt(ctx, args[0], 1, &x)) return false;
  mpz_com(z.get(), x.get());
  *out = a::BigIntToNumber(z);
  return true;
}

constexpr int64_t kMaxShift = 1 << 20;

template <bool kLeft>
bool BitsShift(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  BigInt x, s, z;
  if (!ArgBigInt(ctx, args[0], 1, &x) || !ArgBigInt(ctx, args[1], 2, &s)) return false;
  if (mpz_sgn(s.get()) < 0) {
    return OperandError(ctx, 2, "must be an unsigned integer number but got a negative integer");
  }
  int64_t n = 0;
  if (!s.ToInt64(&n) || n > kMaxShift) {
    if (!kLeft) {
      *out = Value::Int(mpz_sgn(x.get()) < 0 ? -1 : 0);
      return true;
    }
    return ctx.BuiltinError("shift amount too large");
  }
  if (kLeft) {
    mpz_mul_2exp(z.get(), x.get(), static_cast<mp_bitcnt_t>(n));
  } else {
    mpz_fdiv_q_2exp(z.get(), x.get(), static_cast<mp_bitcnt_t>(n));
  }
  *out = a::BigIntToNumber(z);
  return true;
}

// Accepts what Go's strconv.ParseFloat accepts in decimal form and returns
// JSON number text ("+1" -> "1", ".5" -> "0.5", "1." -> "1").
bool NormalizeFloatText(std::string_view s, std::string* out) {
  size_t i = 0;
  std::string t;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (s[i] == '-') t.push_back('-');
    ++i;
  }
  size_t int_start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  std::string_view int_part = s.substr(int_start, i - int_start);
  std::string_view frac_part;
  bool has_point = false;
  if (i < s.size() && s[i] == '.') {
    has_point = true;
    size_t fs = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    frac_part = s.substr(fs, i - fs);
  }
  if (int_part.empty() && frac_part.empty()) return false;
  std::string_view exp_part;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t es = i++;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t ds = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == ds) return false;
    exp_part = s.substr(es, i - es);
  }
  if (i != s.size()) return false;
  // Strip redundant leading zeros of the integer part.
  size_t z = 0;
  while (z + 1 < int_part.size() && int_part[z] == '0') ++z;
  int_part.remove_prefix(z);
  t.append(int_part.empty() ? "0" : int_part);
  if (has_point && !frac_part.empty()) {
    t.push_back('.');
    t.append(frac_part);
  }
  t.append(exp_part);
  *out = std::move(t);
  (void)has_point;
  return IsValidNumberText(*out);
}

bool ToNumber(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  const Value& v = args[0];
  switch (v.kind()) {
    case ValueKind::kNull: *out = Value::Int(0); return true;
    case ValueKind::kBool: *out = Value::Int(v.as_bool() ? 1 : 0); return true;
    case ValueKind::kNumber: *out = v; return true;
    case ValueKind::kString: {
      std::string_view s = v.as_string();
      Value n = Value::Number(s);
      if (n.is_number()) {
        *out = std::move(n);
        return true;
      }
      std::string lower;
      for (char c : s)
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      if (!lower.empty() && (lower[0] == '+' || lower[0] == '-')) lower.erase(0, 1);
      if (lower == "inf" || lower == "infinity" || lower == "nan") {
        // Go parses these, but they are not Rego numbers.
        return a::OperandError(ctx, 1,
                               "must be a valid number string but got \"" + std::string(s) + "\"");
      }
      std::string text;
      if (NormalizeFloatText(s, &text)) {
        *out = Value::Number(text);
        return true;
      }
      std::string msg = "strconv.ParseFloat: parsing ";
      a::AppendGoQuoted(s, &msg);
      msg += ": invalid syntax";
      return ctx.BuiltinError(std::move(msg));
    }
    default: return OperandTypeError(ctx, 1, v, {"null", "boolean", "number", "string"});
  }
}

bool FormatInt(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!ArgNumber(ctx, args[0], 1) || !ArgNumber(ctx, args[1], 2)) return false;
  int base = 0;
  if (args[1].node_identity() == nullptr) {
    int64_t b = args[1].as_int64();
    if (b == 2 || b == 8 || b == 10 || b == 16) base = static_cast<int>(b);
  }
  if (base == 0) return OperandError(ctx, 2, "must be one of {2, 8, 10, 16}");
  BigInt z;
  if (!a::NumberToBigInt(args[0], &z)) {
    // Truncate toward zero, as big.Float.Int does.
    Value t = args[0];
    std::string text = t.number_text();
    double d = t.as_double();
    if (std::abs(d) < 9e18) {
      mpz_set_si(z.get(), static_cast<long>(d));
    } else {
      mpz_set_d(z.get(), d);
    }
  }
  std::string s(mpz_sizeinbase(z.get(), base) + 2, '\0');
  mpz_get_str(s.data(), base, z.get());
  s.resize(std::char_traits<char>::length(s.c_str()));
  *out = Value::String(std::move(s));
  return true;
}

bool RandIntn(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!a::ArgString(ctx, args[0], 1)) return false;
  int64_t n;
  if (!ArgInt(ctx, args[1], 2, &n)) return false;
  if (n == 0) {
    *out = Value::Int(0);
    return true;
  }
  if (n < 0) n = -n;
  std::string key;
  if (ctx.nd_cache != nullptr) {
    key = "rand.intn\x1f" + std::string(args[0].as_string()) + "\x1f" + std::to_string(n);
    auto it = ctx.nd_cache->find(key);
    if (it != ctx.nd_cache->end()) {
      *out = it->second;
      return true;
    }
  }
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_int_distribution<int64_t> dist(0, n - 1);
  *out = Value::Int(dist(rng));
  if (ctx.nd_cache != nullptr) ctx.nd_cache->emplace(std::move(key), *out);
  return true;
}

}  // namespace

void RegisterNumbersBuiltins(BuiltinRegistry& r) {
  r.Add(
      {.name = "plus", .decl = "(number, number) => number", .arity = 2, .fn = Plus, .infix = "+"});
  r.Add({.name = "minus",
         .decl = "(any<number, set[any]>, any<number, set[any]>) => any<number, set[any]>",
         .arity = 2,
         .fn = Minus,
         .infix = "-"});
  r.Add({.name = "mul", .decl = "(number, number) => number", .arity = 2, .fn = Mul, .infix = "*"});
  r.Add({.name = "div", .decl = "(number, number) => number", .arity = 2, .fn = Div, .infix = "/"});
  r.Add({.name = "rem", .decl = "(number, number) => number", .arity = 2, .fn = Rem, .infix = "%"});
  r.Add({.name = "abs", .decl = "(number) => number", .arity = 1, .fn = Unary<a::UnaryOp::kAbs>});
  r.Add(
      {.name = "round", .decl = "(number) => number", .arity = 1, .fn = Unary<a::UnaryOp::kRound>});
  r.Add({.name = "ceil", .decl = "(number) => number", .arity = 1, .fn = Unary<a::UnaryOp::kCeil>});
  r.Add(
      {.name = "floor", .decl = "(number) => number", .arity = 1, .fn = Unary<a::UnaryOp::kFloor>});
  r.Add({.name = "numbers.range",
         .decl = "(number, number) => array[number]",
         .arity = 2,
         .fn = NumbersRange});
  r.Add({.name = "numbers.range_step",
         .decl = "(number, number, number) => array[number]",
         .arity = 3,
         .fn = NumbersRangeStep});
  r.Add({.name = "bits.and",
         .decl = "(number, number) => number",
         .arity = 2,
         .fn = Bits2<BitOp::kAnd>});
  r.Add({.name = "bits.or",
         .decl = "(number, number) => number",
         .arity = 2,
         .fn = Bits2<BitOp::kOr>});
  r.Add({.name = "bits.xor",
         .decl = "(number, number) => number",
         .arity = 2,
         .fn = Bits2<BitOp::kXor>});
  r.Add({.name = "bits.negate", .decl = "(number) => number", .arity = 1, .fn = BitsNegate});
  r.Add({.name = "bits.lsh",
         .decl = "(number, number) => number",
         .arity = 2,
         .fn = BitsShift<true>});
  r.Add({.name = "bits.rsh",
         .decl = "(number, number) => number",
         .arity = 2,
         .fn = BitsShift<false>});
  r.Add({.name = "to_number",
         .decl = "(any<null, boolean, number, string>) => number",
         .arity = 1,
         .fn = ToNumber});
  r.Add({.name = "format_int", .decl = "(number, number) => string", .arity = 2, .fn = FormatInt});
  r.Add({.name = "rand.intn",
         .decl = "(string, number) => number",
         .arity = 2,
         .fn = RandIntn,
         .nondeterministic = true});
}

}  // namespace kumo::rego
