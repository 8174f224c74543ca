#include "value/value.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace kumo {
namespace {

TEST(ValueTest, KindsFollowOpaTotalOrder) {
  std::vector<Value> ordered = {
      Value::Null(),        Value::Bool(false), Value::Bool(true),  Value::Int(-3),
      Value::Number("2.5"), Value::String(""),  Value::String("a"), Value::Array({Value::Int(1)}),
      Value::EmptyObject(), Value::EmptySet()};
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

// Builds an object from string keys (value i for the i-th entry) and checks
// it against std::map, whose byte order is the order Values use for strings.
void ExpectStringKeyedObject(const std::vector<std::string>& keys) {
  std::vector<ObjectEntry> entries;
  std::map<std::string, int64_t> want;
  for (size_t i = 0; i < keys.size(); ++i) {
    entries.emplace_back(Value::String(keys[i]), Value::Int(static_cast<int64_t>(i)));
    want[keys[i]] = static_cast<int64_t>(i);  // the last duplicate wins
  }
  Value o = Value::ObjectFrom(entries.data(), entries.size());
  ASSERT_TRUE(o.is_object());
  ASSERT_EQ(o.size(), want.size());
  size_t i = 0;
  for (const auto& [key, value] : want) {
    const ObjectEntry& e = o.entries()[i];
    EXPECT_EQ(e.first.as_string(), key) << i;
    EXPECT_EQ(e.second, Value::Int(value)) << key;
    if (i > 0) {
      EXPECT_LT(Compare(o.entries()[i - 1].first, e.first), 0) << i;
    }
    ++i;
  }
  // The same entries through the generic constructor give the same Value.
  std::vector<ObjectEntry> again;
  for (size_t k = 0; k < keys.size(); ++k) {
    again.emplace_back(Value::String(keys[k]), Value::Int(static_cast<int64_t>(k)));
  }
  EXPECT_EQ(Value::Object(std::move(again)), o);
}

TEST(ValueTest, StringKeyedObjectsSortAndKeepLastDuplicate) {
  const std::string nul_a("a\0", 2), nul_ab("a\0b", 3);
  const std::vector<std::string> keys = {
      "provider",
      "account",
      "",
      "a",
      nul_a,
      nul_ab,
      "\xff",
      "b",
      "abcdefgh",
      "abcdefgh0",
      "abcdefgh1",
      "abcdefghxxxxxxxxxxxxxxxx",  // a heap string sharing 8 bytes with others
      "abcdefghyyyyyyyyyyyy",
      "fourteen_bytes",
      "fifteen_bytes__",
      "publicAccessBlockConfiguration"};
  ExpectStringKeyedObject(keys);
  std::vector<std::string> sorted = keys;
  std::sort(sorted.begin(), sorted.end());
  ExpectStringKeyedObject(sorted);  // already sorted
  std::vector<std::string> reversed(sorted.rbegin(), sorted.rend());
  ExpectStringKeyedObject(reversed);
  // Duplicates: adjacent, apart, several of the same key, sorted and not.
  ExpectStringKeyedObject({"k", "k", "k"});
  ExpectStringKeyedObject({"b", "a", "b", "c", "a", "b"});
  ExpectStringKeyedObject({"a", "b", "b", "c"});
  ExpectStringKeyedObject({"abcdefgh1", "abcdefgh0", "abcdefgh1", "abcdefgh", "abcdefgh0"});
  ExpectStringKeyedObject({"same-long-key-00001", "x", "same-long-key-00001"});
  ExpectStringKeyedObject({nul_a, "a", nul_a, "a"});
  ExpectStringKeyedObject({"only"});
  // Around the size up to which the index sort is used (32 entries).
  std::mt19937 rng(7);
  for (size_t n : {31u, 32u, 33u, 40u}) {
    for (int round = 0; round < 20; ++round) {
      std::vector<std::string> ks;
      for (size_t i = 0; i < n; ++i) {
        // Few distinct keys, so that duplicates are common; some share
        // long prefixes, some live on the heap.
        std::string k = std::string(rng() % 3 == 0 ? "prefix__" : "") + std::to_string(rng() % 24);
        if (rng() % 4 == 0) k += std::string(12, 'z');
        ks.push_back(k);
      }
      ExpectStringKeyedObject(ks);
    }
  }
}

TEST(ValueTest, RepeatedKeyShapesSortLikeNewOnes) {
  // ObjectFrom remembers the order of each key shape; a remembered order
  // must be rechecked against the keys: the same keys again, the same
  // 8-byte prefixes in the opposite order, a duplicate, and back.
  const std::vector<std::vector<std::string>> shapes = {
      {"provider", "account", "region", "type", "id", "name", "tags", "config"},
      {"provider", "account", "region", "type", "id", "name", "tags", "config"},
      {"abcdefgh1", "abcdefgh0", "b"},
      {"abcdefgh0", "abcdefgh1", "b"},
      {"abcdefgh1", "abcdefgh1", "b"},
      {"abcdefgh1", "abcdefgh0", "b"},
      {"z", "y", "x"},
      {"x", "y", "z"},
      {"z", "y", "x"},
      {"z", "z", "x"},
      {"z", "y", "x"}};
  for (int round = 0; round < 2; ++round) {
    for (const auto& keys : shapes) ExpectStringKeyedObject(keys);
  }
}

TEST(ValueTest, BuildingFromARangeLeavesItNull) {
  std::vector<ObjectEntry> entries;
  entries.emplace_back(Value::String("b"), Value::String("a heap string, longer than 14"));
  entries.emplace_back(Value::String("a heap key, longer than 14"), Value::Int(1));
  Value o = Value::ObjectFrom(entries.data(), entries.size());
  for (const auto& e : entries) {
    EXPECT_TRUE(e.first.is_null());
    EXPECT_TRUE(e.second.is_null());
  }
  EXPECT_EQ(o.Find("b")->as_string(), "a heap string, longer than 14");
  std::vector<Value> items = {Value::String("another heap string, longer"), Value::Int(2)};
  Value a = Value::ArrayFrom(items.data(), items.size());
  for (const auto& v : items) EXPECT_TRUE(v.is_null());
  EXPECT_EQ(a.items()[0].as_string(), "another heap string, longer");
}

TEST(ValueTest, ObjectsWithNonStringKeysSortByKind) {
  std::vector<ObjectEntry> entries;
  entries.emplace_back(Value::String("s"), Value::Int(0));
  entries.emplace_back(Value::Int(2), Value::Int(1));
  entries.emplace_back(Value::Bool(true), Value::Int(2));
  entries.emplace_back(Value::Int(2), Value::Int(3));
  entries.emplace_back(Value::Null(), Value::Int(4));
  entries.emplace_back(Value::String("a"), Value::Int(5));
  Value o = Value::ObjectFrom(entries.data(), entries.size());
  ASSERT_EQ(o.size(), 5u);
  EXPECT_TRUE(o.entries()[0].first.is_null());
  EXPECT_EQ(o.entries()[1].first, Value::Bool(true));
  EXPECT_EQ(o.entries()[2].first, Value::Int(2));
  EXPECT_EQ(o.entries()[2].second, Value::Int(3));  // the last duplicate wins
  EXPECT_EQ(o.entries()[3].first.as_string(), "a");
  EXPECT_EQ(o.entries()[4].first.as_string(), "s");
  EXPECT_EQ(Value::ObjectFrom(nullptr, 0), Value::EmptyObject());
}

TEST(ValueTest, ShortStringsAreCanonical) {
  // Built from buffers with different bytes after the string: equal
  // strings must be equal Values with equal hashes (the inline
  // representation is compared bytewise), and order as std::string does.
  std::string a(40, '\x01'), b(40, '\xfe');
  std::vector<Value> built;
  std::vector<std::string> texts;
  for (size_t n = 0; n <= 20; ++n) {
    for (size_t i = 0; i < n; ++i) a[i] = b[i] = static_cast<char>('a' + (i * 7) % 26);
    Value x = Value::String(std::string_view(a.data(), n));
    Value y = Value::String(std::string_view(b.data(), n));
    EXPECT_EQ(x.as_string(), a.substr(0, n));
    EXPECT_EQ(x.size(), n);
    EXPECT_EQ(x, y) << n;
    EXPECT_EQ(x.Hash(), y.Hash()) << n;
    EXPECT_EQ(Compare(x, y), 0) << n;
    built.push_back(x);
    texts.push_back(a.substr(0, n));
  }
  for (size_t i = 0; i < built.size(); ++i) {
    for (size_t j = 0; j < built.size(); ++j) {
      int want = texts[i] < texts[j] ? -1 : (texts[j] < texts[i] ? 1 : 0);
      EXPECT_EQ(Compare(built[i], built[j]), want) << i << " " << j;
    }
  }
  EXPECT_EQ(Value::String(std::string("\0\0", 2)).size(), 2u);
  EXPECT_NE(Value::String(std::string("\0", 1)), Value::String(""));
  EXPECT_LT(Value::String("a"), Value::String("\xff"));  // bytes compare unsigned
}

TEST(ValueTest, ScalarsRoundTrip) {
  for (int64_t i : {int64_t{0}, int64_t{-1}, int64_t{42}, std::numeric_limits<int64_t>::min(),
                    std::numeric_limits<int64_t>::max()}) {
    Value v = Value::Int(i);
    EXPECT_TRUE(v.is_number());
    EXPECT_EQ(v.as_int64(), i);
    EXPECT_EQ(v.number_text(), std::to_string(i));
    EXPECT_EQ(v, Value::Number(std::to_string(i)));
  }
  EXPECT_TRUE(Value::Bool(true).as_bool());
  EXPECT_FALSE(Value::Bool(false).as_bool());
  EXPECT_TRUE(Value::Bool(false).is_bool());
  EXPECT_LT(Value::Bool(false), Value::Bool(true));
  EXPECT_EQ(Value::Bool(true),
            Value::Object({{Value::String("t"), Value::Bool(true)}}).entries()[0].second);
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

TEST(ValueTest, FindWithAHintAgreesWithFind) {
  // Objects small enough for the linear scan and larger ones; keys of every
  // inline and heap form, including numbers that are equal in value only.
  std::vector<Value> keys = {Value::String("a"),
                             Value::String("name"),
                             Value::String("fourteen-bytes"),
                             Value::String("a key longer than fourteen bytes"),
                             Value::String("a key longer than fourteen bytez"),
                             Value::Int(1),
                             Value::Number("2.5"),
                             Value::Number("123456789012345678901234567890"),
                             Value::Bool(true),
                             Value::Null()};
  std::vector<Value> probes = keys;
  probes.push_back(Value::Number("1.0"));  // equals Int(1)
  probes.push_back(Value::String("a key longer than fourteen bytes!"));
  probes.push_back(Value::String("nam"));
  probes.push_back(Value::Int(2));
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::vector<ObjectEntry> es;
    for (size_t i = 0; i < keys.size(); ++i)
      if (rng() % 2) es.emplace_back(keys[i], Value::Int(static_cast<int64_t>(i)));
    Value o = Value::Object(es);
    for (const Value& k : probes) {
      std::atomic<uint32_t> hint{static_cast<uint32_t>(rng() % 12)};
      const Value* want = o.Find(k);
      const Value* got = o.Find(k, &hint);
      ASSERT_EQ(got, want) << "round " << round << " key " << k.number_text();
      if (want) {
        // the hint now names the entry: found again at once
        EXPECT_EQ(&o.entries()[hint.load()].second, want);
        EXPECT_EQ(o.Find(k, &hint), want);
      }
    }
  }
}

TEST(ValueTest, LongStringsCompareByContent) {
  std::string a(40, 'x'), b(40, 'x'), c(40, 'x'), d(41, 'x');
  c[39] = 'y';
  EXPECT_EQ(Value::String(a), Value::String(b));
  EXPECT_NE(Value::String(a), Value::String(c));
  EXPECT_NE(Value::String(a), Value::String(d));
  EXPECT_NE(Value::String(a), Value::String(std::string(14, 'x')));
}

TEST(ValueTest, PinnedStringsAreSharedAndNeverFreed) {
  const std::string text = "http://acs.amazonaws.com/groups/global/AllUsers";
  Value pinned = Value::PinnedString(text);
  EXPECT_EQ(pinned, Value::String(text));
  EXPECT_EQ(Compare(pinned, Value::String(text)), 0);
  EXPECT_EQ(pinned.Hash(), Value::String(text).Hash());
  const char* chars = pinned.as_string().data();
  {
    std::vector<Value> copies(100, pinned);
    Value moved = std::move(copies.back());
    EXPECT_EQ(moved.node_identity(), pinned.node_identity());
  }
  pinned = Value();  // the last Value holding it goes
  // Still readable: under AddressSanitizer a freed node would be reported.
  EXPECT_EQ(std::string_view(chars, text.size()), text);
  // Short strings stay inline.
  EXPECT_EQ(Value::PinnedString("short").node_identity(), nullptr);
}

}  // namespace
}  // namespace kumo
