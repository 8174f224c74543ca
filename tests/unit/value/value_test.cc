#include "value/value.h"

#include <gtest/gtest.h>

namespace kumo {
namespace {

TEST(ValueTest, KindsFollowOpaTotalOrder) {
  std::vector<Value> ordered = {Value::Null(),         Value::Bool(false),
                                Value::Bool(true),     Value::Int(-3),
                                Value::Number("2.5"),  Value::String(""),
                                Value::String("a"),    Value::Array({Value::Int(1)}),
                                Value::EmptyObject(),  Value::EmptySet()};
  for (size_t i = 1; i < ordered.size(); ++i) {
    EXPECT_LT(Compare(ordered[i - 1], ordered[i]), 0) << i;
    EXPECT_GT(Compare(ordered[i], ordered[i - 1]), 0) << i;
  }
}

TEST(ValueTest, NumbersKeepExactTextAndCompareByValue) {
  Value big = Value::Number("12345678901234567890123");
  EXPECT_EQ(big.number_text(), "12345678901234567890123");
  EXPECT_FALSE(big.is_int64());
  Value dec = Value::Number("0.1000000000000000055511151231257827");
  EXPECT_EQ(dec.number_text(), "0.1000000000000000055511151231257827");
  EXPECT_NE(dec, Value::Number("0.1"));
  EXPECT_GT(Compare(dec, Value::Number("0.1")), 0);
  EXPECT_EQ(Value::Int(1), Value::Number("1.0"));
  EXPECT_EQ(Value::Int(1).Hash(), Value::Number("1.0").Hash());
  EXPECT_EQ(Value::Number("1e3"), Value::Int(1000));
  EXPECT_LT(Value::Number("-12345678901234567890123"), Value::Int(-5));
  EXPECT_LT(Value::Number("9E320"), Value::Number("1e321"));
  EXPECT_TRUE(Value::Number("abc").is_null());
  EXPECT_TRUE(Value::Number("2.0").is_integral());
  EXPECT_FALSE(Value::Number("2.5").is_integral());
}

TEST(ValueTest, ObjectsSortKeysLastDuplicateWins) {
  Value o = Value::Object({{Value::String("b"), Value::Int(1)},
                           {Value::String("a"), Value::Int(2)},
                           {Value::Int(7), Value::Int(3)},
                           {Value::String("b"), Value::Int(4)}});
  ASSERT_EQ(o.size(), 3u);
  EXPECT_EQ(o.entries()[0].first, Value::Int(7));  // numbers sort before strings
  EXPECT_EQ(o.entries()[1].first.as_string(), "a");
  ASSERT_NE(o.Find("b"), nullptr);
  EXPECT_EQ(*o.Find("b"), Value::Int(4));
  EXPECT_EQ(o.Find("zz"), nullptr);
  EXPECT_EQ(*o.Find(Value::Int(7)), Value::Int(3));
  Value nested = Value::Object({{Value::String("x"), o}});
  ASSERT_NE(nested.FindPath({"x", "a"}), nullptr);
  EXPECT_EQ(nested.FindPath({"x", "nope"}), nullptr);
}

TEST(ValueTest, SetsSortAndDeduplicate) {
  Value s = Value::Set({Value::Int(3), Value::String("x"), Value::Int(1), Value::Number("3.0")});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_TRUE(s.Contains(Value::Int(1)));
  EXPECT_TRUE(s.Contains(Value::String("x")));
  EXPECT_FALSE(s.Contains(Value::Int(2)));
}

TEST(ValueTest, CopiesShareAndOutliveOriginal) {
  Value copy;
  {
    Value a = Value::Array({Value::String("hello"), Value::Int(2)});
    copy = a;
    EXPECT_EQ(copy.node_identity(), a.node_identity());
  }
  EXPECT_EQ(copy.At(0)->as_string(), "hello");
  Value moved = std::move(copy);
  EXPECT_TRUE(copy.is_null());  // NOLINT: testing moved-from state
  EXPECT_EQ(moved.size(), 2u);
}

TEST(ValueTest, DoublesPrintShortest) {
  EXPECT_EQ(Value::Double(0.5).number_text(), "0.5");
  EXPECT_EQ(Value::Double(3.0).number_text(), "3");
  EXPECT_TRUE(Value::Double(3.0).is_int64());
}

}  // namespace
}  // namespace kumo
