#include "common/base64.h"

#include <gtest/gtest.h>

namespace kumo {
namespace {

TEST(Base64, DecodesStandardAndUrlAlphabets) {
  std::string out = "stale";
  ASSERT_TRUE(Base64Decode("aGVsbG8gd29ybGQ=", &out));
  EXPECT_EQ(out, "hello world");
  ASSERT_TRUE(Base64Decode("-_8=", &out));  // URL-safe for 0xfb 0xff
  EXPECT_EQ(out, std::string("\xfb\xff"));
  ASSERT_TRUE(Base64Decode("+/8=", &out));
  EXPECT_EQ(out, std::string("\xfb\xff"));
}

TEST(Base64, IgnoresWhitespaceAndAcceptsMissingPadding) {
  std::string out;
  ASSERT_TRUE(Base64Decode("aGVs\nbG8g\r\nd29y bGQ", &out));
  EXPECT_EQ(out, "hello world");
}

TEST(Base64, RejectsBadInput) {
  std::string out;
  EXPECT_FALSE(Base64Decode("aGVs*bG8=", &out));  // outside the alphabet
  EXPECT_FALSE(Base64Decode("aGU=bG8=", &out));   // data after padding
  EXPECT_FALSE(Base64Decode("aA===", &out));      // too much padding
}

}  // namespace
}  // namespace kumo
