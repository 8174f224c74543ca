#include "value/value.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>

namespace kumo {
namespace value_internal {

// Every heap payload starts with a Node; the Value's kind says which one.
struct Node {
  std::atomic<uint32_t> refs{1};
};

struct NumberNode : Node {
  std::string text;
  double d = 0;
  bool integral = false;
};

struct StringNode : Node {
  std::string s;
};

struct ArrayNode : Node {  // also used for sets (sorted, unique)
  std::vector<Value> items;
};

struct ObjectNode : Node {
  std::vector<ObjectEntry> entries;
};

}  // namespace value_internal

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

Value::Value(const Value& o) : kind_(o.kind_), small_(o.small_), b_(o.b_), i_(o.i_) {
  if (!small_) Retain();
}

Value::Value(Value&& o) noexcept : kind_(o.kind_), small_(o.small_), b_(o.b_), i_(o.i_) {
  o.kind_ = ValueKind::kNull;
  o.small_ = true;
  o.i_ = 0;
}

Value& Value::operator=(const Value& o) {
  if (this != &o) {
    if (!o.small_) o.Retain();
    Release();
    kind_ = o.kind_;
    small_ = o.small_;
    b_ = o.b_;
    i_ = o.i_;
  }
  return *this;
}

Value& Value::operator=(Value&& o) noexcept {
  if (this != &o) {
    Release();
    kind_ = o.kind_;
    small_ = o.small_;
    b_ = o.b_;
    i_ = o.i_;
    o.kind_ = ValueKind::kNull;
    o.small_ = true;
    o.i_ = 0;
  }
  return *this;
}

Value::~Value() { Release(); }

void Value::Retain() const { p_->refs.fetch_add(1, std::memory_order_relaxed); }

void Value::Release() {
  if (small_) return;
  if (p_->refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  switch (kind_) {
    case ValueKind::kNumber: delete static_cast<NumberNode*>(p_); break;
    case ValueKind::kString: delete static_cast<StringNode*>(p_); break;
    case ValueKind::kArray:
    case ValueKind::kSet: delete static_cast<ArrayNode*>(p_); break;
    case ValueKind::kObject: delete static_cast<ObjectNode*>(p_); break;
    default: break;
  }
  small_ = true;
}

// --- Construction ---------------------------------------------------------------

Value Value::Bool(bool b) {
  Value v;
  v.kind_ = ValueKind::kBool;
  v.b_ = b;
  return v;
}

Value Value::Int(int64_t i) {
  Value v;
  v.kind_ = ValueKind::kNumber;
  v.i_ = i;
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
  auto* n = new StringNode();
  n->s = std::string(s);
  return Value(ValueKind::kString, n);
}

Value Value::String(std::string&& s) {
  auto* n = new StringNode();
  n->s = std::move(s);
  return Value(ValueKind::kString, n);
}

Value Value::Array(std::vector<Value> items) {
  auto* n = new ArrayNode();
  n->items = std::move(items);
  return Value(ValueKind::kArray, n);
}

Value Value::Object(std::vector<ObjectEntry> entries) {
  // Stable sort keeps input order among equal keys, so the last one wins.
  bool sorted = true;
  for (size_t i = 1; i < entries.size(); ++i) {
    if (!(Compare(entries[i - 1].first, entries[i].first) < 0)) {
      sorted = false;
      break;
    }
  }
  if (!sorted) {
    std::stable_sort(entries.begin(), entries.end(),
                     [](const ObjectEntry& a, const ObjectEntry& b) { return a.first < b.first; });
    std::vector<ObjectEntry> out;
    out.reserve(entries.size());
    for (auto& e : entries) {
      if (!out.empty() && out.back().first == e.first) {
        out.back().second = std::move(e.second);
      } else {
        out.push_back(std::move(e));
      }
    }
    entries = std::move(out);
  }
  auto* n = new ObjectNode();
  n->entries = std::move(entries);
  return Value(ValueKind::kObject, n);
}

Value Value::Set(std::vector<Value> members) {
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  auto* n = new ArrayNode();
  n->items = std::move(members);
  return Value(ValueKind::kSet, n);
}

// Empty collections are shared: they are common and immutable.
Value Value::EmptyArray() {
  static const Value v = Array({});
  return v;
}
Value Value::EmptyObject() {
  static const Value v = Object({});
  return v;
}
Value Value::EmptySet() {
  static const Value v = Set({});
  return v;
}

// --- Inspection -------------------------------------------------------------------

bool Value::is_int64() const {
  if (kind_ != ValueKind::kNumber) return false;
  if (small_) return true;
  auto* n = static_cast<const NumberNode*>(p_);
  return n->integral && std::fabs(n->d) < 9.2e18;
}

int64_t Value::as_int64() const {
  if (kind_ != ValueKind::kNumber) return 0;
  if (small_) return i_;
  return static_cast<int64_t>(static_cast<const NumberNode*>(p_)->d);
}

double Value::as_double() const {
  if (kind_ != ValueKind::kNumber) return 0;
  if (small_) return static_cast<double>(i_);
  return static_cast<const NumberNode*>(p_)->d;
}

std::string Value::number_text() const {
  if (kind_ != ValueKind::kNumber) return "";
  if (small_) return Int64Text(i_);
  return static_cast<const NumberNode*>(p_)->text;
}

bool Value::is_integral() const {
  if (kind_ != ValueKind::kNumber) return false;
  return small_ || static_cast<const NumberNode*>(p_)->integral;
}

std::string_view Value::as_string() const {
  if (kind_ != ValueKind::kString) return {};
  return static_cast<const StringNode*>(p_)->s;
}

std::span<const Value> Value::items() const {
  if (kind_ != ValueKind::kArray && kind_ != ValueKind::kSet) return {};
  return static_cast<const ArrayNode*>(p_)->items;
}

std::span<const ObjectEntry> Value::entries() const {
  if (kind_ != ValueKind::kObject) return {};
  return static_cast<const ObjectNode*>(p_)->entries;
}

size_t Value::size() const {
  switch (kind_) {
    case ValueKind::kString: return static_cast<const StringNode*>(p_)->s.size();
    case ValueKind::kArray:
    case ValueKind::kSet: return static_cast<const ArrayNode*>(p_)->items.size();
    case ValueKind::kObject: return static_cast<const ObjectNode*>(p_)->entries.size();
    default: return 0;
  }
}

const Value* Value::Find(const Value& key) const {
  auto es = entries();
  auto it = std::lower_bound(es.begin(), es.end(), key,
                             [](const ObjectEntry& e, const Value& k) { return e.first < k; });
  if (it != es.end() && it->first == key) return &it->second;
  return nullptr;
}

const Value* Value::Find(std::string_view key) const {
  auto es = entries();
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
  if (!a.small_ && !b.small_ && a.p_ == b.p_) return 0;
  switch (a.kind_) {
    case ValueKind::kNull: return 0;
    case ValueKind::kBool: return static_cast<int>(a.b_) - static_cast<int>(b.b_);
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
    case ValueKind::kBool: return HashMix(h, b_ ? 1 : 2);
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
