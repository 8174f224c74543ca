#include "value/value.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <new>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kumo {
namespace value_internal {

// Every heap payload starts with a Node; the Value's kind says which one.
// Strings, arrays, sets and objects are one allocation each: the header is
// followed directly by the characters, items or entries.

struct NumberNode : Node {
  std::string text;
  double d = 0;
  bool integral = false;
};

static_assert(sizeof(ArrayNode) % alignof(Value) == 0);
static_assert(sizeof(ObjectNode) % alignof(ObjectEntry) == 0);

}  // namespace value_internal

namespace {

// Node memory. Parsing a document and dropping it again allocates and frees
// the same few node sizes over and over; a small per-thread cache of freed
// blocks per 16-byte size class (up to 512 bytes, at most 64 KiB per class)
// serves most of them without going through malloc. Sanitizer builds go
// straight to the global allocator so use-after-free stays detectable.
#if defined(__SANITIZE_ADDRESS__)
#define KUMO_NODE_CACHE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KUMO_NODE_CACHE 0
#endif
#endif
#ifndef KUMO_NODE_CACHE
#define KUMO_NODE_CACHE 1
#endif

constexpr size_t kGranule = 16;
constexpr size_t kClasses = 32;
constexpr size_t kClassCacheBytes = 64 * 1024;

struct FreeBlock {
  FreeBlock* next;
};

// Trivially destructible, so it stays usable while other thread_local
// objects (holding Values) are destroyed at thread exit.
struct NodeCache {
  FreeBlock* head[kClasses];
  uint32_t count[kClasses];
  bool dead;
};
thread_local NodeCache tl_cache;

// Returns the cached blocks to the allocator when the thread ends; frees
// after that go straight to the allocator.
struct NodeCacheReaper {
  bool armed = false;
  ~NodeCacheReaper() {
    for (size_t c = 0; c < kClasses; ++c) {
      while (FreeBlock* b = tl_cache.head[c]) {
        tl_cache.head[c] = b->next;
        ::operator delete(b);
      }
      tl_cache.count[c] = 0;
    }
    tl_cache.dead = true;
  }
};
thread_local NodeCacheReaper tl_reaper;

void* AllocNode(size_t bytes) {
#if KUMO_NODE_CACHE
  size_t c = (bytes + kGranule - 1) / kGranule;
  if (c <= kClasses) {
    if (FreeBlock* b = tl_cache.head[c - 1]) {
      tl_cache.head[c - 1] = b->next;
      --tl_cache.count[c - 1];
      return b;
    }
    if (!tl_reaper.armed) tl_reaper.armed = true;
    return ::operator new(c* kGranule);
  }
#endif
  return ::operator new(bytes);
}

void FreeNode(void* p, size_t bytes) {
#if KUMO_NODE_CACHE
  size_t c = (bytes + kGranule - 1) / kGranule;
  if (c <= kClasses && !tl_cache.dead &&
      tl_cache.count[c - 1] < kClassCacheBytes / (c * kGranule)) {
    auto* b = static_cast<FreeBlock*>(p);
    b->next = tl_cache.head[c - 1];
    tl_cache.head[c - 1] = b;
    ++tl_cache.count[c - 1];
    return;
  }
#endif
  (void)bytes;
  ::operator delete(p);
}

}  // namespace

using value_internal::ArrayNode;
using value_internal::Node;
using value_internal::NumberNode;
using value_internal::ObjectNode;
using value_internal::StringNode;

namespace {

// A decimal number split into sign, significant digits and exponent:
// value = (neg ? -1 : 1) * 0.d1d2d3... * 10^exp. Zero has no digits.
struct Decimal {
  bool neg = false;
  std::string digits;
  int64_t exp = 0;
};

Decimal ParseDecimal(std::string_view t) {
  Decimal d;
  size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) {
    d.neg = t[i] == '-';
    ++i;
  }
  std::string digits;
  int64_t point = -1;  // number of digits before the decimal point
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c == '.') {
      point = static_cast<int64_t>(digits.size());
    } else {
      break;
    }
  }
  if (point < 0) point = static_cast<int64_t>(digits.size());
  int64_t e = 0;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) {
      eneg = t[i] == '-';
      ++i;
    }
    for (; i < t.size(); ++i) {
      if (e < 1000000000000LL) e = e * 10 + (t[i] - '0');
    }
    if (eneg) e = -e;
  }
  // Strip leading zeros (moving the point) and trailing zeros.
  size_t lead = 0;
  while (lead < digits.size() && digits[lead] == '0') ++lead;
  size_t end = digits.size();
  while (end > lead && digits[end - 1] == '0') --end;
  if (lead == end) {
    d.neg = false;
    return d;  // zero
  }
  d.digits = digits.substr(lead, end - lead);
  d.exp = point - static_cast<int64_t>(lead) + e;
  return d;
}

int CompareMagnitude(const Decimal& a, const Decimal& b) {
  if (a.digits.empty() || b.digits.empty()) {
    return static_cast<int>(!a.digits.empty()) - static_cast<int>(!b.digits.empty());
  }
  if (a.exp != b.exp) return a.exp < b.exp ? -1 : 1;
  int c = a.digits.compare(b.digits);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

std::string Int64Text(int64_t i) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, i);
  return std::string(buf, r.ptr);
}

// Parses a canonical integer literal that fits in int64.
bool ParseInt64Literal(std::string_view t, int64_t* out) {
  if (t.empty() || t.size() > 20) return false;
  size_t i = t[0] == '-' ? 1 : 0;
  if (i == t.size()) return false;
  if (t[i] == '0' && t.size() > i + 1) return false;  // leading zero
  for (size_t j = i; j < t.size(); ++j) {
    if (t[j] < '0' || t[j] > '9') return false;
  }
  if (t == "-0") return false;  // keep the text "-0"
  auto r = std::from_chars(t.data(), t.data() + t.size(), *out);
  return r.ec == std::errc() && r.ptr == t.data() + t.size();
}

size_t HashMix(size_t h, size_t v) { return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)); }

size_t HashDouble(double d) {
  if (d == 0) d = 0;  // -0.0 and 0.0 hash alike
  if (std::isnan(d)) return 0x7ff8;
  return std::hash<double>()(d);
}

bool IsStringKind(const Value& v) { return v.kind() == ValueKind::kString; }

constexpr bool kLittleEndian = std::endian::native == std::endian::little;

// Sets all 16 bytes of a Value (kind_, rep_, sso_; see value.h) with one
// store. Little-endian targets only (elsewhere callers set the fields): w0 = kind_ | rep_ << 8 |
// sso_[0..5] << 16, w1 = sso_[6..13]. Copying a Value loads bytes [0,2), [2,10) and [8,16), and a
// load is forwarded from the store buffer only when one earlier store covers it: a Value built
// field by field and copied right away (as parsing does with every value) stalls each copy for a
// dozen cycles or more.
void StoreWords(Value* v, uint64_t w0, uint64_t w1) {
#if defined(__SSE2__)
  _mm_storeu_si128(reinterpret_cast<__m128i*>(v),
                   _mm_set_epi64x(static_cast<int64_t>(w1), static_cast<int64_t>(w0)));
#else
  unsigned char bytes[16];
  std::memcpy(bytes, &w0, 8);
  std::memcpy(bytes + 8, &w1, 8);
  std::memcpy(static_cast<void*>(v), bytes, 16);
#endif
}

uint64_t NodeWord(const void* node) { return reinterpret_cast<uintptr_t>(node); }

// The words of a null Value (kind_ kNull, rep_ kRepScalar, sso_ zero).
constexpr uint64_t kNullWord0 = uint64_t{uint8_t(ValueKind::kNull)} | uint64_t{1} << 8;

// Moves n Values from `from` into the raw memory at `to` and leaves the
// sources null, 16 bytes at a time: a Value owns its node through its bytes
// alone, so a byte copy plus nulling the source is a move, without the
// field-by-field copy and clear of the move constructor (little-endian only,
// like StoreWords).
void RelocateValues(Value* to, Value* from, size_t n) {
  std::memcpy(static_cast<void*>(to), static_cast<const void*>(from), n * sizeof(Value));
  for (size_t i = 0; i < n; ++i) StoreWords(&from[i], kNullWord0, 0);
}

}  // namespace

std::string_view ValueKindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kNull: return "null";
    case ValueKind::kBool: return "boolean";
    case ValueKind::kNumber: return "number";
    case ValueKind::kString: return "string";
    case ValueKind::kArray: return "array";
    case ValueKind::kObject: return "object";
    case ValueKind::kSet: return "set";
  }
  return "null";
}

bool IsValidNumberText(std::string_view t) {
  size_t i = 0;
  if (i < t.size() && t[i] == '-') ++i;
  if (i >= t.size()) return false;
  if (t[i] == '0') {
    ++i;
  } else if (t[i] >= '1' && t[i] <= '9') {
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  } else {
    return false;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    size_t start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == start) return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    size_t start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == start) return false;
  }
  return i == t.size();
}

int CompareNumberText(std::string_view a, std::string_view b) {
  Decimal da = ParseDecimal(a);
  Decimal db = ParseDecimal(b);
  bool za = da.digits.empty(), zb = db.digits.empty();
  int sa = za ? 0 : (da.neg ? -1 : 1);
  int sb = zb ? 0 : (db.neg ? -1 : 1);
  if (sa != sb) return sa < sb ? -1 : 1;
  if (sa == 0) return 0;
  int m = CompareMagnitude(da, db);
  return sa > 0 ? m : -m;
}

// --- Lifetime ----------------------------------------------------------------

void Value::Release() {
  Node* n = node();
  // A count of 1 means this Value holds the only reference, so no other
  // thread can be copying it: the node can go without the locked
  // decrement, which dominates releasing a freshly parsed document.
  uint32_t refs = n->refs.load(std::memory_order_acquire);
  if (refs != 1) {
    if (refs >= value_internal::kPinnedRefs) return;  // pinned: never freed
    if (n->refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  }
  switch (kind_) {
    case ValueKind::kNumber: delete static_cast<NumberNode*>(n); break;
    case ValueKind::kString: {
      auto* sn = static_cast<StringNode*>(n);
      size_t bytes = sizeof(StringNode) + sn->size;
      sn->~StringNode();
      FreeNode(sn, bytes);
      break;
    }
    case ValueKind::kArray:
    case ValueKind::kSet: {
      auto* an = static_cast<ArrayNode*>(n);
      Value* items = an->items();
      size_t bytes = sizeof(ArrayNode) + an->size * sizeof(Value);
      for (uint32_t i = 0; i < an->size; ++i) items[i].~Value();
      an->~ArrayNode();
      FreeNode(an, bytes);
      break;
    }
    case ValueKind::kObject: {
      auto* on = static_cast<ObjectNode*>(n);
      ObjectEntry* es = on->entries();
      size_t bytes = sizeof(ObjectNode) + on->size * sizeof(ObjectEntry);
      for (uint32_t i = 0; i < on->size; ++i) es[i].~ObjectEntry();
      on->~ObjectNode();
      FreeNode(on, bytes);
      break;
    }
    default: break;
  }
}

// --- Construction ---------------------------------------------------------------

Value Value::Bool(bool b) {
  Value v;
  if constexpr (kLittleEndian) {
    static_assert(offsetof(Value, rep_) == 1 && offsetof(Value, sso_) == 2);
    StoreWords(
        &v, uint64_t{uint8_t(ValueKind::kBool)} | uint64_t{kRepScalar} << 8 | uint64_t{b} << 16, 0);
  } else {
    v.kind_ = ValueKind::kBool;
    v.sso_[0] = b ? 1 : 0;
  }
  return v;
}

Value Value::Int(int64_t i) {
  Value v;
  if constexpr (kLittleEndian) {
    StoreWords(&v, uint64_t{uint8_t(ValueKind::kNumber)} | uint64_t{kRepScalar} << 8,
               static_cast<uint64_t>(i));
  } else {
    v.kind_ = ValueKind::kNumber;
    std::memcpy(v.sso_ + 6, &i, sizeof i);
  }
  return v;
}

Value Value::Number(std::string_view text) {
  if (!IsValidNumberText(text)) return Value();
  int64_t i;
  if (ParseInt64Literal(text, &i)) return Int(i);
  auto* n = new NumberNode();
  n->text = std::string(text);
  n->d = std::strtod(n->text.c_str(), nullptr);
  Decimal d = ParseDecimal(text);
  n->integral = d.digits.empty() || d.exp >= static_cast<int64_t>(d.digits.size());
  return Value(ValueKind::kNumber, n);
}

Value Value::Double(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9007199254740992.0) {
    return Int(static_cast<int64_t>(d));
  }
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  std::string text(buf, r.ptr);
  if (!IsValidNumberText(text)) {  // inf or nan: no JSON text exists
    text = std::isnan(d) ? "0" : (d > 0 ? "1.7976931348623157e308" : "-1.7976931348623157e308");
  }
  auto* n = new NumberNode();
  n->text = std::move(text);
  n->d = d;
  n->integral = std::isfinite(d) && d == std::floor(d);
  return Value(ValueKind::kNumber, n);
}

Value Value::String(std::string_view s) {
  // One named result on every path, so it is built in the caller's slot.
  Value v;
  if (s.size() <= kMaxShort) {
    if constexpr (kLittleEndian) {
      // Short strings are most of the strings in a document. Gather the
      // bytes in registers with fixed-size loads that may overlap (no
      // memcpy call) and store the Value at once (see StoreWords).
      const char* p = s.data();
      size_t n = s.size();
      uint64_t lo = 0, hi = 0;
      if (n >= 8) {
        std::memcpy(&lo, p, 8);
        if (n > 8) {
          std::memcpy(&hi, p + n - 8, 8);
          hi >>= 8 * (16 - n);  // keep bytes p[8..n)
        }
      } else if (n >= 4) {
        uint32_t a, b;
        std::memcpy(&a, p, 4);
        std::memcpy(&b, p + n - 4, 4);
        lo = a | (uint64_t{b} << (8 * (n - 4)));  // the overlap holds equal bytes
      } else if (n > 0) {
        lo = uint64_t{static_cast<unsigned char>(p[0])} |
             uint64_t{static_cast<unsigned char>(p[n / 2])} << (8 * (n / 2)) |
             uint64_t{static_cast<unsigned char>(p[n - 1])} << (8 * (n - 1));
      }
      uint64_t rep = kRepShort | n;
      StoreWords(&v, uint64_t{uint8_t(ValueKind::kString)} | rep << 8 | lo << 16,
                 (lo >> 48) | (hi << 16));
    } else {
      v.kind_ = ValueKind::kString;
      v.rep_ = static_cast<uint8_t>(kRepShort | s.size());
      if (!s.empty()) std::memcpy(v.sso_, s.data(), s.size());
    }
    return v;
  }
  void* mem = AllocNode(sizeof(StringNode) + s.size());
  auto* n = new (mem) StringNode();
  n->size = s.size();
  std::memcpy(n->data(), s.data(), s.size());
  if constexpr (kLittleEndian) {
    StoreWords(&v, uint64_t{uint8_t(ValueKind::kString)}, NodeWord(n));
  } else {
    v = Value(ValueKind::kString, n);
  }
  return v;
}

Value Value::String(std::string&& s) { return String(std::string_view(s)); }

namespace {

// Pinned strings: each block is a link word and a StringNode. The blocks
// are chained from a global head so that they stay reachable (leak checkers
// see them as live, which they are: any Value may still hold one).
constexpr size_t kPinnedBudgetBytes = 16u << 20;
std::atomic<size_t> pinned_bytes{0};
std::atomic<void*> pinned_head{nullptr};

}  // namespace

Value Value::PinnedString(std::string_view s) {
  if (s.size() <= kMaxShort) return String(s);  // inline: nothing to share
  size_t bytes = sizeof(void*) + sizeof(StringNode) + s.size();
  if (pinned_bytes.fetch_add(bytes, std::memory_order_relaxed) + bytes > kPinnedBudgetBytes) {
    pinned_bytes.fetch_sub(bytes, std::memory_order_relaxed);
    return String(s);
  }
  auto* block = static_cast<char*>(::operator new(bytes));
  void* next = pinned_head.load(std::memory_order_relaxed);
  do {
    std::memcpy(block, &next, sizeof next);
  } while (!pinned_head.compare_exchange_weak(next, block, std::memory_order_release,
                                              std::memory_order_relaxed));
  auto* n = new (block + sizeof(void*)) StringNode();
  n->refs.store(value_internal::kPinnedRefs, std::memory_order_relaxed);
  n->size = s.size();
  std::memcpy(n->data(), s.data(), s.size());
  return Value(ValueKind::kString, n);
}

Value Value::ArrayFrom(Value* first, size_t n) {
  Value v;
  v.kind_ = ValueKind::kArray;
  if (n == 0) return v;  // empty collections are inline
  void* mem = AllocNode(sizeof(ArrayNode) + n * sizeof(Value));
  auto* node = new (mem) ArrayNode();
  node->size = static_cast<uint32_t>(n);
  Value* items = node->items();
  if constexpr (kLittleEndian) {
    static_assert(kNullWord0 == (uint64_t{uint8_t(ValueKind::kNull)} | uint64_t{kRepScalar} << 8));
    RelocateValues(items, first, n);
    StoreWords(&v, uint64_t{uint8_t(ValueKind::kArray)}, NodeWord(node));
  } else {
    for (size_t i = 0; i < n; ++i) new (&items[i]) Value(std::move(first[i]));
    v = Value(ValueKind::kArray, node);
  }
  return v;
}

Value Value::Array(std::vector<Value> items) { return ArrayFrom(items.data(), items.size()); }

namespace {

bool KeyLess(const ObjectEntry& a, const ObjectEntry& b) { return Compare(a.first, b.first) < 0; }

// Sorts entries by key (stable, so the last of equal keys can win) and
// drops all but the last of each run of equal keys; returns the new size.
size_t SortUniqueEntries(ObjectEntry* es, size_t n) {
  bool sorted = true;
  for (size_t i = 1; i < n; ++i) {
    if (!(Compare(es[i - 1].first, es[i].first) < 0)) {
      sorted = false;
      break;
    }
  }
  if (sorted) return n;
  if (n <= 16) {
    // Insertion sort: stable and fast for the small objects that dominate.
    for (size_t i = 1; i < n; ++i) {
      if (!KeyLess(es[i], es[i - 1])) continue;
      ObjectEntry tmp = std::move(es[i]);
      size_t j = i;
      while (j > 0 && KeyLess(tmp, es[j - 1])) {
        es[j] = std::move(es[j - 1]);
        --j;
      }
      es[j] = std::move(tmp);
    }
  } else {
    std::stable_sort(es, es + n, KeyLess);
  }
  size_t out = 0;
  for (size_t i = 0; i < n; ++i) {
    if (out > 0 && es[out - 1].first == es[i].first) {
      es[out - 1].second = std::move(es[i].second);
    } else {
      if (out != i) es[out] = std::move(es[i]);
      ++out;
    }
  }
  return out;
}

// Objects of up to this many entries, all with string keys, take the
// index-sorting path of ObjectFrom.
constexpr size_t kSmallObject = 32;

// Eight bytes at p as a big-endian integer: comparing two of these compares
// the bytes in order, as unsigned chars (as string_view::compare does).
uint64_t LoadBigEndian64(const char* p) {
  uint64_t x;
  std::memcpy(&x, p, sizeof x);
  if constexpr (kLittleEndian) x = __builtin_bswap64(x);
  return x;
}

// 0, 1, 2, ...: the order of entries that are already sorted.
constexpr auto kIdentityOrder = [] {
  std::array<uint8_t, kSmallObject> o{};
  for (size_t i = 0; i < kSmallObject; ++i) o[i] = static_cast<uint8_t>(i);
  return o;
}();

// The sorted order of the last small object of each key shape seen by this
// thread. A stream of records repeats a few shapes (every bucket has the
// same keys in the same order), so the order of an object is usually that
// of an earlier one: checking a remembered order takes n - 1 comparisons
// that branch the same way every time, where sorting takes about n * n / 4
// that mispredict. The slot is picked by a hash of the key prefixes, but a
// remembered order is used only after it has been checked against the keys
// themselves, so a collision costs time, never correctness. Trivially
// destructible, so usable during thread exit.
struct ShapeSlot {
  uint64_t shape;
  uint8_t n;
  uint8_t order[kSmallObject];
};
constexpr size_t kShapeSlots = 64;
thread_local ShapeSlot tl_shapes[kShapeSlots];

// The order that sorts the n entries by key (stable: of equal keys the last
// stays last), with *unique set to the number of distinct keys. `less`
// compares entries by index. The result points into the thread's slot for
// `shape` and is valid until the next call.
template <typename Less>
const uint8_t* SortedOrder(size_t n, uint64_t shape, const Less& less, size_t* unique) {
  ShapeSlot& slot = tl_shapes[shape >> 58];
  uint8_t* order = slot.order;
  if (slot.shape == shape && slot.n == n) {
    // Strictly increasing keys in the remembered order: it is the sorted
    // order, and no key repeats.
    bool ok = true;
    for (size_t i = 1; i < n && ok; ++i) ok = less(order[i - 1], order[i]);
    if (ok) {
      *unique = n;
      return order;
    }
  }
  slot.shape = shape;
  slot.n = static_cast<uint8_t>(n);
  for (size_t i = 0; i < n; ++i) order[i] = static_cast<uint8_t>(i);
  // Insertion sort (stable, so the last of equal keys stays last).
  for (size_t i = 1; i < n; ++i) {
    uint8_t x = order[i];
    size_t j = i;
    for (; j > 0 && less(x, order[j - 1]); --j) order[j] = order[j - 1];
    order[j] = x;
  }
  size_t u = n;
  for (size_t i = 1; i < n; ++i) u -= !less(order[i - 1], order[i]);
  *unique = u;
  return order;
}

// Builds the entry at `to` from the key of *key_from and the value of
// *value_from, leaving both moved-from (see RelocateValues).
void MoveEntry(ObjectEntry* to, ObjectEntry* key_from, ObjectEntry* value_from) {
  if constexpr (kLittleEndian) {
    RelocateValues(&to->first, &key_from->first, 1);
    RelocateValues(&to->second, &value_from->second, 1);
  } else {
    new (to) ObjectEntry(std::move(key_from->first), std::move(value_from->second));
  }
}

}  // namespace

Value Value::ObjectFrom(ObjectEntry* first, size_t n) {
  Value v;
  v.kind_ = ValueKind::kObject;
  if (n == 0) return v;
  auto set_node = [&v](ObjectNode* node) {
    if constexpr (kLittleEndian) {
      StoreWords(&v, uint64_t{uint8_t(ValueKind::kObject)}, NodeWord(node));
    } else {
      v = Value(ValueKind::kObject, node);
    }
  };
  if (n <= kSmallObject) {
    // Parsed documents are made of small objects with string keys. Each
    // key's first 8 bytes, zero-padded (short strings are stored that way),
    // read as a big-endian integer, order two keys whenever they differ, so
    // most comparisons are one integer comparison; the full strings are
    // compared only on a tie. A byte index is sorted instead of the 32-byte
    // entries, and each entry is moved once, straight into the node.
    uint64_t prefix[kSmallObject];
    uint64_t shape = n;  // hash of the key prefixes, to find a cached order
    bool string_keys = true;
    for (size_t i = 0; i < n; ++i) {
      const Value& k = first[i].first;
      if (k.kind_ != ValueKind::kString) {
        string_keys = false;
        break;
      }
      prefix[i] = LoadBigEndian64(
          k.rep_ == kRepNode ? static_cast<const StringNode*>(k.node())->data() : k.sso_);
      shape = (shape ^ prefix[i]) * 0x9E3779B97F4A7C15ULL;
    }
    if (string_keys) {
      auto less = [&](size_t a, size_t b) {
        if (prefix[a] != prefix[b]) return prefix[a] < prefix[b];
        return first[a].first.as_string() < first[b].first.as_string();
      };
      const uint8_t* order = kIdentityOrder.data();
      bool sorted = true;  // strictly increasing prefixes: sorted, no duplicates
      for (size_t i = 1; i < n && sorted; ++i) sorted = prefix[i - 1] < prefix[i];
      size_t unique = n;
      if (!sorted) order = SortedOrder(n, shape, less, &unique);
      void* mem = AllocNode(sizeof(ObjectNode) + unique * sizeof(ObjectEntry));
      auto* node = new (mem) ObjectNode();
      node->size = static_cast<uint32_t>(unique);
      ObjectEntry* es = node->entries();
      if (unique == n) {
        for (size_t i = 0; i < n; ++i) MoveEntry(&es[i], &first[order[i]], &first[order[i]]);
      } else {
        size_t out = 0;
        for (size_t i = 0; i < n; ++i) {
          // A run of equal keys keeps the first key and the last value.
          size_t last = i;
          while (last + 1 < n && !less(order[last], order[last + 1])) ++last;
          MoveEntry(&es[out++], &first[order[i]], &first[order[last]]);
          i = last;
        }
      }
      set_node(node);
      return v;
    }
  }
  n = SortUniqueEntries(first, n);
  void* mem = AllocNode(sizeof(ObjectNode) + n * sizeof(ObjectEntry));
  auto* node = new (mem) ObjectNode();
  node->size = static_cast<uint32_t>(n);
  ObjectEntry* es = node->entries();
  for (size_t i = 0; i < n; ++i) new (&es[i]) ObjectEntry(std::move(first[i]));
  set_node(node);
  return v;
}

Value Value::Object(std::vector<ObjectEntry> entries) {
  return ObjectFrom(entries.data(), entries.size());
}

Value Value::Set(std::vector<Value> members) {
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  Value v = ArrayFrom(members.data(), members.size());
  v.kind_ = ValueKind::kSet;
  return v;
}

// Empty collections are inline (no node): they are common and immutable.
Value Value::EmptyArray() {
  Value v;
  v.kind_ = ValueKind::kArray;
  return v;
}
Value Value::EmptyObject() {
  Value v;
  v.kind_ = ValueKind::kObject;
  return v;
}
Value Value::EmptySet() {
  Value v;
  v.kind_ = ValueKind::kSet;
  return v;
}

// --- Inspection -------------------------------------------------------------------

bool Value::is_int64() const {
  if (kind_ != ValueKind::kNumber) return false;
  if (rep_ != kRepNode) return true;
  auto* n = static_cast<const NumberNode*>(node());
  return n->integral && std::fabs(n->d) < 9.2e18;
}

int64_t Value::as_int64() const {
  if (kind_ != ValueKind::kNumber) return 0;
  if (rep_ != kRepNode) return small_int();
  return static_cast<int64_t>(static_cast<const NumberNode*>(node())->d);
}

double Value::as_double() const {
  if (kind_ != ValueKind::kNumber) return 0;
  if (rep_ != kRepNode) return static_cast<double>(small_int());
  return static_cast<const NumberNode*>(node())->d;
}

std::string Value::number_text() const {
  if (kind_ != ValueKind::kNumber) return "";
  if (rep_ != kRepNode) return Int64Text(small_int());
  return static_cast<const NumberNode*>(node())->text;
}

bool Value::is_integral() const {
  if (kind_ != ValueKind::kNumber) return false;
  return rep_ != kRepNode || static_cast<const NumberNode*>(node())->integral;
}

size_t Value::size() const {
  switch (kind_) {
    case ValueKind::kString: return as_string().size();
    case ValueKind::kArray:
    case ValueKind::kSet: return rep_ == kRepNode ? static_cast<const ArrayNode*>(node())->size : 0;
    case ValueKind::kObject:
      return rep_ == kRepNode ? static_cast<const ObjectNode*>(node())->size : 0;
    default: return 0;
  }
}

size_t Value::FindIndex(const Value& key) const {
  auto es = entries();
  if (es.size() <= 8) {
    // Small objects: a linear scan of Equal, which settles most keys on
    // their 16 bytes, beats a binary search of full comparisons.
    for (size_t i = 0; i < es.size(); ++i)
      if (Equal(es[i].first, key)) return i;
    return es.size();
  }
  auto it = std::lower_bound(es.begin(), es.end(), key,
                             [](const ObjectEntry& e, const Value& k) { return e.first < k; });
  if (it != es.end() && it->first == key) return static_cast<size_t>(it - es.begin());
  return es.size();
}

const Value* Value::Find(const Value& key) const {
  auto es = entries();
  size_t i = FindIndex(key);
  return i < es.size() ? &es[i].second : nullptr;
}

const Value* Value::Find(const Value& key, std::atomic<uint32_t>* hint) const {
  auto es = entries();
  uint32_t h = hint->load(std::memory_order_relaxed);
  if (h < es.size() && Equal(es[h].first, key)) return &es[h].second;
  size_t i = FindIndex(key);
  if (i == es.size()) return nullptr;
  hint->store(static_cast<uint32_t>(i), std::memory_order_relaxed);
  return &es[i].second;
}

bool Value::EqualNodes(const Value& a, const Value& b) {
  if (a.kind_ == ValueKind::kString && a.rep_ == kRepNode && b.rep_ == kRepNode) {
    // two long strings: the lengths first
    auto* x = static_cast<const StringNode*>(a.node());
    auto* y = static_cast<const StringNode*>(b.node());
    return x->size == y->size && std::memcmp(x->data(), y->data(), x->size) == 0;
  }
  return Compare(a, b) == 0;
}

const Value* Value::Find(std::string_view key) const {
  auto es = entries();
  if (es.size() <= 8) {
    for (const auto& e : es)
      if (e.first.kind_ == ValueKind::kString && e.first.as_string() == key) return &e.second;
    return nullptr;
  }
  // Keys are sorted by kind first, then by value; strings compare bytewise.
  auto less = [](const ObjectEntry& e, std::string_view k) {
    if (e.first.kind() != ValueKind::kString) return e.first.kind() < ValueKind::kString;
    return e.first.as_string() < k;
  };
  auto it = std::lower_bound(es.begin(), es.end(), key, less);
  if (it != es.end() && IsStringKind(it->first) && it->first.as_string() == key) {
    return &it->second;
  }
  return nullptr;
}

const Value* Value::FindPath(std::initializer_list<std::string_view> path) const {
  const Value* cur = this;
  for (auto k : path) {
    cur = cur->Find(k);
    if (!cur) return nullptr;
  }
  return cur;
}

bool Value::Contains(const Value& member) const {
  if (kind_ != ValueKind::kSet) return false;
  auto its = items();
  return std::binary_search(its.begin(), its.end(), member);
}

const Value* Value::At(size_t i) const {
  if (kind_ != ValueKind::kArray) return nullptr;
  auto its = items();
  return i < its.size() ? &its[i] : nullptr;
}

// --- Order and hashing ------------------------------------------------------------

namespace {

int CompareNumbers(const Value& a, const Value& b) {
  if (a.node_identity() == nullptr && b.node_identity() == nullptr) {
    int64_t x = a.as_int64(), y = b.as_int64();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  return CompareNumberText(a.number_text(), b.number_text());
}

template <typename T, typename Cmp>
int CompareSeq(std::span<const T> a, std::span<const T> b, Cmp cmp) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    int c = cmp(a[i], b[i]);
    if (c != 0) return c;
  }
  return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

}  // namespace

int Compare(const Value& a, const Value& b) {
  if (a.kind_ != b.kind_) return a.kind_ < b.kind_ ? -1 : 1;
  if (a.rep_ == Value::kRepNode && b.rep_ == Value::kRepNode && a.node() == b.node()) return 0;
  switch (a.kind_) {
    case ValueKind::kNull: return 0;
    case ValueKind::kBool: return static_cast<int>(a.sso_[0]) - static_cast<int>(b.sso_[0]);
    case ValueKind::kNumber: return CompareNumbers(a, b);
    case ValueKind::kString: {
      int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case ValueKind::kArray:
    case ValueKind::kSet:
      return CompareSeq(a.items(), b.items(),
                        [](const Value& x, const Value& y) { return Compare(x, y); });
    case ValueKind::kObject:
      return CompareSeq(a.entries(), b.entries(), [](const ObjectEntry& x, const ObjectEntry& y) {
        int c = Compare(x.first, y.first);
        return c != 0 ? c : Compare(x.second, y.second);
      });
  }
  return 0;
}

size_t Value::Hash() const {
  size_t h = static_cast<size_t>(kind_) * 0x100000001b3ULL;
  switch (kind_) {
    case ValueKind::kNull: return h;
    case ValueKind::kBool: return HashMix(h, sso_[0] ? 1 : 2);
    case ValueKind::kNumber: return HashMix(h, HashDouble(as_double()));
    case ValueKind::kString: return HashMix(h, std::hash<std::string_view>()(as_string()));
    case ValueKind::kArray:
    case ValueKind::kSet:
      for (const auto& v : items()) h = HashMix(h, v.Hash());
      return h;
    case ValueKind::kObject:
      for (const auto& e : entries()) h = HashMix(HashMix(h, e.first.Hash()), e.second.Hash());
      return h;
  }
  return h;
}

}  // namespace kumo
