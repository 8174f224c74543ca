// time.* builtins against OPA's conformance vectors and Go's semantics.
#include <gtest/gtest.h>

#include "builtins_b_test_util.h"
#include "rego/builtins/b_gotime.h"
#include "rego/builtins/b_tz.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {
namespace {

using btest::I;
using btest::Invoke;
using btest::N;
using btest::S;

class TimeBuiltinsTest : public ::testing::Test {
 protected:
  void SetUp() override { RegisterTimeBuiltins(r_); }
  int64_t ParseNs(std::string_view layout, std::string_view value) {
    auto c = Invoke(r_, "time.parse_ns", {S(layout), S(value)});
    EXPECT_TRUE(c.defined) << layout << " / " << value << ": " << c.message;
    return c.value.as_int64();
  }
  std::string Format(Value arg) {
    auto c = Invoke(r_, "time.format", {std::move(arg)});
    EXPECT_TRUE(c.defined) << c.message;
    return std::string(c.value.as_string());
  }
  BuiltinRegistry r_;
};

bool HaveZoneinfo() { return tz::Zone::Load("America/New_York").ok(); }

TEST_F(TimeBuiltinsTest, NowNsIsTheQueryTime) {
  EXPECT_EQ(Invoke(r_, "time.now_ns", {}, 42).value, I(42));
}

TEST_F(TimeBuiltinsTest, ParseNsGoLayouts) {
  EXPECT_EQ(ParseNs("2006-01-02T15:04:05Z07:00", "2017-06-02T19:00:00-07:00"), 1496455200000000000);
  EXPECT_EQ(ParseNs("2006-01-02T15:04:05Z07:00", "1677-09-21T00:12:43.145224192-00:00"), INT64_MIN);
  EXPECT_EQ(ParseNs("2006-01-02T15:04:05Z07:00", "2262-04-11T23:47:16.854775807-00:00"), INT64_MAX);
  EXPECT_EQ(ParseNs("01/02 03:04:05PM '06 -0700", "06/02 07:00:00PM '17 -0700"),
            1496455200000000000);
  EXPECT_EQ(ParseNs("02 Jan 06 15:04 -0700", "02 Jun 17 19:00 -0700"), 1496455200000000000);
  EXPECT_EQ(ParseNs("RFC822Z", "02 Jun 17 19:00 -0700"), 1496455200000000000);
  EXPECT_EQ(ParseNs("2006-01-02", "2020-02-02"), 1580601600000000000);
  EXPECT_EQ(ParseNs("Mon Jan _2 15:04:05 MST 2006", "Thu Jan  1 00:00:01 PST 1970"), 1000000000);
  EXPECT_EQ(ParseNs("2006-01-02 15:04:05.000", "1970-01-01 00:00:00.123"), 123000000);
  EXPECT_EQ(ParseNs("2006-01-02 15:04:05", "1970-01-01 00:00:00.5"), 500000000);
  EXPECT_EQ(ParseNs("Jan 2 2006 3:04pm", "jan 1 1970 12:00am"), 0);
}

TEST_F(TimeBuiltinsTest, ParseNsErrorsMatchGo) {
  auto c = Invoke(r_, "time.parse_ns",
                  {S("2006-01-02T15:04:05Z07:00"), S("1677-09-21T00:12:43.145224191-00:00")});
  EXPECT_FALSE(c.defined);
  EXPECT_EQ(c.code, "eval_builtin_error");
  EXPECT_EQ(c.message, "time outside of valid range");
  c = Invoke(r_, "time.parse_ns", {S("2006-01-02"), S("2020-13-01")});
  EXPECT_EQ(c.message, "parsing time \"2020-13-01\": month out of range");
  c = Invoke(r_, "time.parse_ns", {S("2006-01-02"), S("2020-x")});
  EXPECT_EQ(c.message, "parsing time \"2020-x\" as \"2006-01-02\": cannot parse \"x\" as \"01\"");
  c = Invoke(r_, "time.parse_ns", {S("2006-01-02"), S("2021-02-29")});
  EXPECT_EQ(c.message, "parsing time \"2021-02-29\": day out of range");
  c = Invoke(r_, "time.parse_ns", {S("2006"), S("2021 ")});
  EXPECT_EQ(c.message, "parsing time \"2021 \": extra text: \" \"");
  c = Invoke(r_, "time.parse_ns", {I(1), S("x")});
  EXPECT_EQ(c.code, "eval_type_error");
  EXPECT_EQ(c.message, "operand 1 must be string but got number");
}

TEST_F(TimeBuiltinsTest, ParseRfc3339) {
  auto c = Invoke(r_, "time.parse_rfc3339_ns", {S("1970-01-01T00:00:00-00:00")});
  EXPECT_EQ(c.value, I(0));
  c = Invoke(r_, "time.parse_rfc3339_ns", {S("2017-06-02T19:00:00-07:00")});
  EXPECT_EQ(c.value, I(1496455200000000000));
  c = Invoke(r_, "time.parse_rfc3339_ns", {S("2262-04-11T23:47:16.854775808-00:00")});
  EXPECT_EQ(c.message, "time outside of valid range");
  c = Invoke(r_, "time.parse_rfc3339_ns", {S("2017-06-02")});
  EXPECT_EQ(c.message,
            "parsing time \"2017-06-02\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as "
            "\"T\"");
}

TEST_F(TimeBuiltinsTest, ParseDuration) {
  EXPECT_EQ(Invoke(r_, "time.parse_duration_ns", {S("100ms")}).value, I(100000000));
  EXPECT_EQ(Invoke(r_, "time.parse_duration_ns", {S("1h30m")}).value, I(5400000000000));
  EXPECT_EQ(Invoke(r_, "time.parse_duration_ns", {S("-1.5h")}).value, I(-5400000000000));
  EXPECT_EQ(Invoke(r_, "time.parse_duration_ns", {S("1.5\xc2\xb5s")}).value, I(1500));
  EXPECT_EQ(Invoke(r_, "time.parse_duration_ns", {S("0")}).value, I(0));
  // Newer OPA accepts days, weeks and 365-day years as a fallback.
  EXPECT_EQ(Invoke(r_, "time.parse_duration_ns", {S("1d2h")}).value, I(93600000000000));
  EXPECT_EQ(Invoke(r_, "time.parse_duration_ns", {S("1w")}).value, I(604800000000000));
  EXPECT_EQ(Invoke(r_, "time.parse_duration_ns", {S("1y")}).value, I(31536000000000000));
  EXPECT_EQ(Invoke(r_, "time.parse_duration_ns", {S("1q")}).message,
            "time: unknown unit \"q\" in duration \"1q\"");
  EXPECT_EQ(Invoke(r_, "time.parse_duration_ns", {S("10")}).message,
            "time: missing unit in duration \"10\"");
  EXPECT_EQ(Invoke(r_, "time.parse_duration_ns", {S("")}).message, "time: invalid duration \"\"");
  EXPECT_EQ(Invoke(r_, "time.parse_duration_ns", {S("3000000h")}).message,
            "time: invalid duration \"3000000h\"");
}

TEST_F(TimeBuiltinsTest, DateClockWeekday) {
  auto c = Invoke(r_, "time.date", {I(1582977600000000000)});
  EXPECT_EQ(c.value, Value::Array({I(2020), I(2), I(29)}));
  c = Invoke(r_, "time.clock", {I(1517832000000000000)});
  EXPECT_EQ(c.value, Value::Array({I(12), I(0), I(0)}));
  c = Invoke(r_, "time.date", {Value::Array({I(1517832000000000000), S("")})});
  EXPECT_EQ(c.value, Value::Array({I(2018), I(2), I(5)}));
  const char* days[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                        "Friday", "Saturday", "Sunday"};
  for (int i = 0; i < 7; ++i) {
    c = Invoke(r_, "time.weekday", {I(1517832000000000000 + int64_t{i} * 86400000000000)});
    EXPECT_EQ(c.value, S(days[i]));
  }
  c = Invoke(r_, "time.date", {N("1582977600000000000000")});
  EXPECT_EQ(c.code, "eval_builtin_error");
  EXPECT_EQ(c.message, "timestamp too big");
  c = Invoke(r_, "time.clock", {N("1.5")});
  EXPECT_EQ(c.message, "timestamp too big");
  c = Invoke(r_, "time.date", {S("x")});
  EXPECT_EQ(c.code, "eval_type_error");
  EXPECT_EQ(c.message,
            "operand 1 must be either number (ns) or [number (ns), string (tz)] but got string");
}

TEST_F(TimeBuiltinsTest, TimeZones) {
  if (!HaveZoneinfo()) GTEST_SKIP() << "no IANA zoneinfo on this machine (install tzdata)";
  auto c =
      Invoke(r_, "time.date", {Value::Array({I(1517814000000000000), S("America/Los_Angeles")})});
  EXPECT_EQ(c.value, Value::Array({I(2018), I(2), I(4)}));
  c = Invoke(r_, "time.clock", {Value::Array({I(1517832000000000000), S("America/New_York")})});
  EXPECT_EQ(c.value, Value::Array({I(7), I(0), I(0)}));
  c = Invoke(r_, "time.date", {Value::Array({I(0), S("Mars/Olympus")})});
  EXPECT_EQ(c.code, "eval_builtin_error");
  EXPECT_EQ(c.message, "unknown time zone Mars/Olympus");
  c = Invoke(r_, "time.date", {Value::Array({I(0), S("../etc/passwd")})});
  EXPECT_EQ(c.message, "time: invalid location name");
  // Past the TZif table (2037+): the POSIX footer gives DST rules.
  // 2100-07-01T12:00:00Z is 08:00 EDT; 2100-01-01T12:00:00Z is 07:00 EST.
  c = Invoke(r_, "time.format",
             {Value::Array({I(4118126400000000000), S("America/New_York"), S("15:04 MST")})});
  EXPECT_EQ(c.value, S("08:00 EDT"));
  c = Invoke(r_, "time.format",
             {Value::Array({I(4102488000000000000), S("America/New_York"), S("15:04 MST")})});
  EXPECT_EQ(c.value, S("07:00 EST"));
  // Southern hemisphere: DST spans the new year.
  c = Invoke(
      r_, "time.format",
      {Value::Array({I(4102488000000000000), S("Australia/Sydney"), S("15:04 MST -07:00")})});
  EXPECT_EQ(c.value, S("23:00 AEDT +11:00"));
}

TEST_F(TimeBuiltinsTest, FormatLayouts) {
  const int64_t ns = 1670006453141828752;
  EXPECT_EQ(Format(I(ns)), "2022-12-02T18:40:53.141828752Z");
  EXPECT_EQ(Format(Value::Array({I(ns), S("UTC"), S("ANSIC")})), "Fri Dec  2 18:40:53 2022");
  EXPECT_EQ(Format(Value::Array({I(ns), S(""), S("2006-01-02 .000 ,999999 .9 3PM pm __2 002")})),
            "2022-12-02 .141 ,141828 .1 6PM pm 336 336");
  EXPECT_EQ(Format(Value::Array({I(0), S(""), S("RFC3339Nano")})), "1970-01-01T00:00:00Z");
  EXPECT_EQ(Format(Value::Array({I(0), S(""), S("Z07:00 -07:00 MST Monday January _2")})),
            "Z +00:00 UTC Thursday January  1");
  if (HaveZoneinfo()) {
    EXPECT_EQ(Format(Value::Array({I(ns), S("Asia/Kolkata")})),
              "2022-12-03T00:10:53.141828752+05:30");
    EXPECT_EQ(Format(Value::Array({I(ns), S("Asia/Kolkata"), S("Mon Jan 02 15:04:05 -0700 2006")})),
              "Sat Dec 03 00:10:53 +0530 2022");
    EXPECT_EQ(Format(Value::Array({I(ns), S("Asia/Kolkata"), S("RFC1123Z")})),
              "Sat, 03 Dec 2022 00:10:53 +0530");
  }
  auto c = Invoke(r_, "time.format", {N("1.5829776e+22")});
  EXPECT_EQ(c.message, "timestamp too big");
}

TEST_F(TimeBuiltinsTest, AddDate) {
  EXPECT_EQ(Invoke(r_, "time.add_date", {I(1585852421593912000), I(3), I(9), I(12)}).value,
            I(1705257221593912000));
  EXPECT_EQ(Invoke(r_, "time.add_date", {I(1585852421593912000), I(-1), I(-1), I(-1)}).value,
            I(1551465221593912000));
  auto c = Invoke(r_, "time.add_date", {I(0), I(2262), I(1), I(1)});
  EXPECT_EQ(c.message, "time outside of valid range");
  c = Invoke(r_, "time.add_date", {I(INT64_MIN), I(0), I(0), I(-1)});
  EXPECT_EQ(c.message, "time outside of valid range");
  c = Invoke(r_, "time.add_date", {I(0), N("1.5"), I(0), I(0)});
  EXPECT_EQ(c.code, "eval_type_error");
  EXPECT_EQ(c.message, "operand 2 must be integer number but got floating-point number");
}

TEST_F(TimeBuiltinsTest, Diff) {
  auto diff = [&](Value a, Value b) { return Invoke(r_, "time.diff", {a, b}).value; };
  auto arr = [](std::vector<int64_t> v) {
    std::vector<Value> out;
    for (auto x : v) out.push_back(I(x));
    return Value::Array(out);
  };
  const int64_t now = 1700000000000000000;
  EXPECT_EQ(diff(I(now + 61000000000), I(now)), arr({0, 0, 0, 0, 1, 1}));
  EXPECT_EQ(diff(I(ParseNs("2006-01-02", "2020-02-02")), I(ParseNs("2006-01-02", "2020-03-01"))),
            arr({0, 0, 28, 0, 0, 0}));
  EXPECT_EQ(diff(I(ParseNs("2006-01-02", "2021-02-02")), I(ParseNs("2006-01-02", "2021-03-01"))),
            arr({0, 0, 27, 0, 0, 0}));
  EXPECT_EQ(diff(I(ParseNs("2006-01-02", "2004-02-29")), I(ParseNs("2006-01-02", "2005-03-01"))),
            arr({1, 0, 1, 0, 0, 0}));
  if (HaveZoneinfo()) {
    EXPECT_EQ(diff(Value::Array({I(now + 60000000000), S("UTC")}),
                   Value::Array({I(now), S("Asia/Shanghai")})),
              arr({0, 0, 0, 0, 1, 0}));
  }
}

}  // namespace
}  // namespace kumo::rego
