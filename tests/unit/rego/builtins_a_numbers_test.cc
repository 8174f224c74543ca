// Arithmetic, rounding, ranges, bits and casts of builtins-A (numbers.cc,
// aggregates.cc), including exact big-integer and decimal results.
#include "unit/rego/builtins_a_test_util.h"

namespace kumo::rego::atest {
namespace {

TEST(BuiltinsANumbers, SmallIntegerArithmetic) {
  EXPECT_EQ(Eval("plus", {I(1), I(2)}), "3");
  EXPECT_EQ(Eval("minus", {I(1), I(2)}), "-1");
  EXPECT_EQ(Eval("mul", {I(6), I(7)}), "42");
  EXPECT_EQ(Eval("div", {I(10), I(2)}), "5");
  EXPECT_EQ(Eval("div", {I(10), I(4)}), "2.5");
  EXPECT_EQ(Eval("rem", {I(7), I(4)}), "3");
  EXPECT_EQ(Eval("rem", {I(-7), I(4)}), "-3");
  EXPECT_EQ(Eval("plus", {N("49649733057"), I(1)}), "49649733058");
}

TEST(BuiltinsANumbers, BigIntegersStayExact) {
  EXPECT_EQ(Eval("plus", {N("18446744073709551617"), I(1)}), "18446744073709551618");
  EXPECT_EQ(Eval("minus", {N("18446744073709551617"), I(1)}), "18446744073709551616");
  EXPECT_EQ(Eval("mul", {N("18446744073709551617"), I(2)}), "36893488147419103234");
  EXPECT_EQ(Eval("plus", {N("123456789012345678901234567890"), I(1)}),
            "123456789012345678901234567891");
  EXPECT_EQ(Eval("minus", {N("-18446744073709551617"), I(1)}), "-18446744073709551618");
  EXPECT_EQ(Eval("plus", {N("9223372036854775807"), I(1)}), "9223372036854775808");
  EXPECT_EQ(Eval("mul", {N("9223372036854775807"), N("9223372036854775807")}),
            "85070591730234615847396907784232501249");
  EXPECT_EQ(Eval("rem", {I(10), N("18446744073709551616")}), "10");
  EXPECT_EQ(Eval("rem", {I(100), N("-18446744073709551616")}), "100");
  EXPECT_EQ(Eval("rem", {N("18446744073709551617"), N("18446744073709551616")}), "1");
  EXPECT_EQ(Eval("plus", {N("1.0"), I(1)}), "2");
  EXPECT_EQ(Eval("mul", {N("1e3"), I(2)}), "2000");
}

TEST(BuiltinsANumbers, DecimalsRoundLikeOpa) {
  EXPECT_EQ(Eval("plus", {N("1.5"), N("2.5")}), "4");
  EXPECT_EQ(Eval("plus", {I(1), N("2.5")}), "3.5");
  EXPECT_EQ(Eval("mul", {N("2.5"), I(2)}), "5");
  EXPECT_EQ(Eval("plus", {N("0.1"), N("0.2")}), "0.3");
  EXPECT_EQ(Eval("mul", {N("1.1"), N("2.2")}), "2.42");
  EXPECT_EQ(Eval("div", {I(1), I(3)}), "0.33333333333333333334");
  EXPECT_EQ(Eval("div", {I(0), I(-5)}), "-0");
  EXPECT_EQ(Eval("div", {N("1e109"), N("1e100")}), "1000000000");
  EXPECT_EQ(Eval("mul", {N("9E320"), I(2)}).substr(0, 4), "1800");
  // Integral results print all their digits (Go's Text('f', -1)).
  EXPECT_EQ(Eval("mul", {N("1.5E320"), N("1.5")}), "225" + std::string(318, '0'));
  EXPECT_EQ(Eval("mul", {N("1.5E-320"), N("1.5")}), "2.25e-320");
  EXPECT_EQ(Eval("div", {I(1), N("8E-400")}), "125" + std::string(397, '0'));
  EXPECT_EQ(Eval("plus", {N("1234567.5"), I(0)}), "1.2345675e+06");
  EXPECT_EQ(Eval("plus", {N("0.00001"), I(0)}), "1e-05");
}

TEST(BuiltinsANumbers, Errors) {
  EXPECT_EQ(Eval("div", {I(1), I(0)}), "error:eval_builtin_error:divide by zero");
  EXPECT_EQ(Eval("div", {N("1.5"), N("0.0")}), "error:eval_builtin_error:divide by zero");
  EXPECT_EQ(Eval("rem", {I(7), I(0)}), "error:eval_builtin_error:modulo by zero");
  EXPECT_EQ(Eval("rem", {N("1.1"), I(1)}),
            "error:eval_builtin_error:modulo on floating-point number");
  EXPECT_EQ(Eval("plus", {S("a"), I(1)}),
            "error:eval_type_error:operand 1 must be number but got string");
  EXPECT_EQ(Eval("minus", {SetOf({I(1)}), I(1)}),
            "error:eval_type_error:operand 2 must be set but got number");
  EXPECT_EQ(Eval("minus", {I(1), SetOf({I(1)})}),
            "error:eval_type_error:operand 2 must be number but got set");
  EXPECT_EQ(Eval("minus", {S("x"), I(1)}),
            "error:eval_type_error:operand 1 must be one of {number, set} but got string");
}

TEST(BuiltinsANumbers, SetDifference) {
  EXPECT_EQ(Eval("minus", {SetOf({I(1), I(2), I(3)}), SetOf({I(2)})}), "[1,3]");
}

TEST(BuiltinsANumbers, Rounding) {
  EXPECT_EQ(Eval("abs", {I(-10)}), "10");
  EXPECT_EQ(Eval("abs", {N("-1.5")}), "1.5");
  EXPECT_EQ(Eval("abs", {N("-18446744073709551617")}), "18446744073709551617");
  EXPECT_EQ(Eval("round", {N("1.5")}), "2");
  EXPECT_EQ(Eval("round", {N("-1.5")}), "-2");
  EXPECT_EQ(Eval("round", {N("1.4999")}), "1");
  EXPECT_EQ(Eval("ceil", {N("1.01")}), "2");
  EXPECT_EQ(Eval("ceil", {N("2222.2222222222")}), "2223");
  EXPECT_EQ(Eval("ceil", {N("-1.99999")}), "-1");
  EXPECT_EQ(Eval("floor", {N("99.99999")}), "99");
  EXPECT_EQ(Eval("floor", {N("-1.001")}), "-2");
  EXPECT_EQ(Eval("floor", {I(1)}), "1");
}

TEST(BuiltinsANumbers, Ranges) {
  EXPECT_EQ(Eval("numbers.range", {I(1), I(4)}), "[1,2,3,4]");
  EXPECT_EQ(Eval("numbers.range", {I(2), I(-1)}), "[2,1,0,-1]");
  EXPECT_EQ(Eval("numbers.range", {N("1.5"), I(4)}),
            "error:eval_type_error:operand 1 must be integer number but got floating-point "
            "number");
  EXPECT_EQ(Eval("numbers.range_step", {I(0), I(10), I(3)}), "[0,3,6,9]");
  EXPECT_EQ(Eval("numbers.range_step", {I(10), I(0), I(4)}), "[10,6,2]");
  EXPECT_EQ(Eval("numbers.range_step", {I(0), I(10), I(0)}),
            "error:eval_builtin_error:step must be a positive integer");
  EXPECT_EQ(Eval("numbers.range", {N("18446744073709551616"), N("18446744073709551617")}),
            "[18446744073709551616,18446744073709551617]");
}

TEST(BuiltinsANumbers, Bits) {
  EXPECT_EQ(Eval("bits.and", {I(12), I(10)}), "8");
  EXPECT_EQ(Eval("bits.or", {I(12), I(10)}), "14");
  EXPECT_EQ(Eval("bits.xor", {I(12), I(10)}), "6");
  EXPECT_EQ(Eval("bits.negate", {I(5)}), "-6");
  EXPECT_EQ(Eval("bits.lsh", {I(1), I(70)}), "1180591620717411303424");
  EXPECT_EQ(Eval("bits.rsh", {I(-9), I(1)}), "-5");
  EXPECT_EQ(Eval("bits.lsh", {I(1), I(-1)}),
            "error:eval_type_error:operand 2 must be an unsigned integer number but got a "
            "negative integer");
  EXPECT_EQ(Eval("bits.and", {N("1.5"), I(1)}),
            "error:eval_type_error:operand 1 must be integer number but got floating-point "
            "number");
}

TEST(BuiltinsANumbers, Casts) {
  EXPECT_EQ(Eval("to_number", {S("10")}), "10");
  EXPECT_EQ(Eval("to_number", {S("-1.5e3")}), "-1.5e3");
  EXPECT_EQ(Eval("to_number", {S("+.5")}), "0.5");
  EXPECT_EQ(Eval("to_number", {Value::Null()}), "0");
  EXPECT_EQ(Eval("to_number", {Value::Bool(true)}), "1");
  EXPECT_EQ(Eval("to_number", {S("abc")}),
            "error:eval_builtin_error:strconv.ParseFloat: parsing \"abc\": invalid syntax");
  EXPECT_EQ(Eval("to_number", {J("[]")}),
            "error:eval_type_error:operand 1 must be one of {null, boolean, number, string} but "
            "got array");
  EXPECT_EQ(Eval("format_int", {I(255), I(16)}), "\"ff\"");
  EXPECT_EQ(Eval("format_int", {I(-5), I(2)}), "\"-101\"");
  EXPECT_EQ(Eval("format_int", {N("12.7"), I(10)}), "\"12\"");
  EXPECT_EQ(Eval("format_int", {I(1), I(3)}),
            "error:eval_type_error:operand 2 must be one of {2, 8, 10, 16}");
}

TEST(BuiltinsANumbers, RandIntnIsStablePerQuery) {
  std::unordered_map<std::string, Value> cache;
  Call a = Invoke("rand.intn", {S("k"), I(1000000)}, &cache);
  Call b = Invoke("rand.intn", {S("k"), I(1000000)}, &cache);
  ASSERT_TRUE(a.defined);
  EXPECT_EQ(a.value, b.value);
  EXPECT_GE(a.value.as_int64(), 0);
  EXPECT_LT(a.value.as_int64(), 1000000);
  EXPECT_EQ(Eval("rand.intn", {S("k"), I(0)}), "0");
}

TEST(BuiltinsAAggregates, CountSumProductMaxMinSort) {
  EXPECT_EQ(Eval("count", {J("[1,2,3]")}), "3");
  EXPECT_EQ(Eval("count", {S("åäö")}), "3");
  EXPECT_EQ(Eval("count", {S("\xff\xfe")}), "2");
  EXPECT_EQ(Eval("count", {Value::Null()}),
            "error:eval_type_error:operand 1 must be one of {array, object, set, string} but got "
            "null");
  EXPECT_EQ(Eval("sum", {J("[1,2,3]")}), "6");
  EXPECT_EQ(Eval("sum", {J("[9223372036854775807, 1]")}), "9223372036854775808");
  EXPECT_EQ(Eval("sum", {J("[18446744073709551617, 1]")}), "18446744073709551618");
  EXPECT_EQ(Eval("sum", {J("[1.5, 2.5]")}), "4");
  EXPECT_EQ(Eval("sum", {J("[1, 2.5]")}), "3.5");
  EXPECT_EQ(Eval("sum", {J("[1, \"a\"]")}),
            "error:eval_type_error:operand 1 must be array of numbers but got array containing "
            "string");
  EXPECT_EQ(Eval("product", {J("[18446744073709551617, 2]")}), "36893488147419103234");
  EXPECT_EQ(Eval("product", {J("[1.5, 2]")}), "3");
  EXPECT_EQ(Eval("product", {J("[]")}), "1");
  EXPECT_EQ(Eval("max", {J("[1, 3, 2]")}), "3");
  EXPECT_EQ(Eval("min", {SetOf({I(4), I(2)})}), "2");
  EXPECT_EQ(Eval("max", {J("[]")}), "undefined");
  EXPECT_EQ(Eval("sort", {J("[3, \"a\", null, 1]")}), "[null,1,3,\"a\"]");
  EXPECT_EQ(Eval("sort", {S("x")}),
            "error:eval_type_error:operand 1 must be one of {set, array} but got string");
}

}  // namespace
}  // namespace kumo::rego::atest
