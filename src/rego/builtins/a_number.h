// Exact Rego arithmetic, matching OPA's number semantics.
//
// OPA computes in the narrowest form that holds the operands exactly:
// machine integers, then arbitrary-size integers, then a binary float with
// a 64-bit mantissa (Go's big.Float default), printed in the shortest
// decimal that reads back to the same float. kumo does the same with GMP:
// integers of any size stay exact; other operands are rounded to a 64-bit
// mantissa, the operation is done exactly and rounded once, and the result
// is printed as Go's big.Float.Text('g' or 'f', -1) would.
#ifndef KUMO_REGO_BUILTINS_A_NUMBER_H_
#define KUMO_REGO_BUILTINS_A_NUMBER_H_

#include <gmp.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "value/value.h"

namespace kumo::rego::a {

// RAII holder of a GMP integer.
class BigInt {
 public:
  BigInt() { mpz_init(z_); }
  explicit BigInt(int64_t v) { mpz_init_set_si(z_, v); }
  BigInt(const BigInt& o) { mpz_init_set(z_, o.z_); }
  BigInt& operator=(const BigInt& o) {
    mpz_set(z_, o.z_);
    return *this;
  }
  ~BigInt() { mpz_clear(z_); }
  mpz_ptr get() { return z_; }
  mpz_srcptr get() const { return z_; }
  // Whether the value fits int64 (and *out receives it).
  bool ToInt64(int64_t* out) const;
  std::string ToString() const;

 private:
  mpz_t z_;
};

// A number Value as an exact integer; false when it has a fractional part or
// is absurdly large (more than 100000 digits).
bool NumberToBigInt(const Value& v, BigInt* out);
// The canonical Value of an integer (inline when it fits int64).
Value BigIntToNumber(const BigInt& z);

enum class ArithOp { kPlus, kMinus, kMul, kDiv, kRem };
// a op b on two numbers. False with *err set to OPA's builtin-error text
// ("divide by zero", "modulo by zero", "modulo on floating-point number").
bool Arith(ArithOp op, const Value& a, const Value& b, Value* out, std::string* err);

enum class UnaryOp { kAbs, kRound, kCeil, kFloor };
Value ArithUnary(UnaryOp op, const Value& x);

// Sum (or product) of numbers that are not all integers, rounding after
// each step as OPA's big.Float accumulation does. False if a number is out
// of bounds.
bool FoldNumbers(std::span<const Value> nums, bool product, Value* out);

// A number rounded to a 64-bit-mantissa float and printed as OPA does
// (e.g. for to_number of a long decimal). Exposed for tests.
std::string FloatText(const Value& x);

}  // namespace kumo::rego::a

#endif  // KUMO_REGO_BUILTINS_A_NUMBER_H_
