#include "common/status.h"

#include <gtest/gtest.h>

#include "common/diagnostic.h"

namespace kumo {
namespace {

Result<int> Half(int x) {
  if (x % 2) return InvalidArgument("odd number " + std::to_string(x));
  return x / 2;
}

Status UseHalf(int x, int* out) {
  auto r = Half(x);
  KUMO_RETURN_IF_ERROR(r.status());
  *out = *r;
  return Status::Ok();
}

TEST(StatusTest, ResultCarriesValueOrStatus) {
  auto ok = Half(4);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 2);
  auto bad = Half(3);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().ToString(), "invalid_argument: odd number 3");
  int out = 0;
  EXPECT_FALSE(UseHalf(5, &out).ok());
  EXPECT_TRUE(UseHalf(10, &out).ok());
  EXPECT_EQ(out, 5);
}

TEST(DiagnosticTest, FormatsLocationAndCounts) {
  Diagnostics d;
  d.Error("json_parse_error", "unexpected character 'x'",
          {.file = "a.jsonl.gz", .line = 3, .column = 7, .record = 3});
  d.Warning("unknown_key", "key 'foo' ignored", {.file = "r.yaml", .line = 2, .item = "rule X"});
  EXPECT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.warning_count(), 1u);
  EXPECT_EQ(d.items()[0].ToString(),
            "a.jsonl.gz:3:7: record 3: error[json_parse_error]: unexpected character 'x'");
  EXPECT_EQ(d.items()[1].ToString(), "r.yaml:2: warning[unknown_key]: key 'foo' ignored (rule X)");
}

}  // namespace
}  // namespace kumo
