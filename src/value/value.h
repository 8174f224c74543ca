// Value: kumo's one data value, shared by every stage.
//
// A Value is a JSON document extended with sets and non-string object keys,
// which makes it exactly a Rego term value. Inventory loaders build Values,
// the Rego evaluator computes on them, writers print them.
//
// Values are immutable and cheap to copy (16 bytes): scalars are held inline
// (null, booleans, integers that fit in 64 bits, strings of up to 14 bytes)
// and everything else in one reference-counted allocation whose elements
// follow its header (atomic counts, so compiled policies and loaded
// resources can be shared between threads without locks).
//
// Lifetime rule: as_string() of a short string points into the Value
// itself, so the view is valid only while that Value object is alive and
// not moved (like std::string's small-string buffer).
//
// Numbers keep their exact text: `12345678901234567890123` and
// `0.1000000000000000055511151231257827` read and write back unchanged, and
// compare exactly (1 == 1.0, as in Rego).
//
// Ordering is OPA's total order across kinds:
//   null < boolean < number < string < array < object < set
// Objects keep their entries sorted by key and sets their members sorted,
// so iteration and printing are deterministic and lookups are binary
// searches with no string building.
#ifndef KUMO_VALUE_VALUE_H_
#define KUMO_VALUE_VALUE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kumo {

// Declared in the order of OPA's total order across types.
enum class ValueKind : uint8_t { kNull = 0, kBool, kNumber, kString, kArray, kObject, kSet };

// Lower-case Rego type name: "null", "boolean", "number", "string",
// "array", "object", "set".
std::string_view ValueKindName(ValueKind kind);

class Value;

namespace value_internal {
// The header of every heap payload (numbers that need their text, strings
// longer than 14 bytes, arrays, sets, objects).
struct Node {
  std::atomic<uint32_t> refs{1};  // kPinnedRefs: never freed, not counted
};
inline constexpr uint32_t kPinnedRefs = 0x80000000u;
// Strings longer than 14 bytes: the characters follow the header.
struct StringNode : Node {
  size_t size = 0;
  char* data() { return reinterpret_cast<char*>(this + 1); }
  const char* data() const { return reinterpret_cast<const char*>(this + 1); }
};
// Arrays and sets (sorted, unique): the items follow the header.
struct ArrayNode : Node {
  uint32_t size = 0;
  Value* items() { return reinterpret_cast<Value*>(this + 1); }
  const Value* items() const { return reinterpret_cast<const Value*>(this + 1); }
};
// Objects: the entries, sorted by key, follow the header.
struct ObjectNode : Node {
  uint32_t size = 0;
  std::pair<Value, Value>* entries() {
    return reinterpret_cast<std::pair<Value, Value>*>(this + 1);
  }
  const std::pair<Value, Value>* entries() const {
    return reinterpret_cast<const std::pair<Value, Value>*>(this + 1);
  }
};
}  // namespace value_internal

class Value;
using ObjectEntry = std::pair<Value, Value>;

class alignas(8) Value {
 public:
  // null
  Value() : kind_(ValueKind::kNull), rep_(kRepScalar), sso_{} {}
  Value(const Value& o) {
    CopyFrom(o);
    if (rep_ == kRepNode) Retain();
  }
  Value(Value&& o) noexcept {
    CopyFrom(o);
    o.Clear();
  }
  Value& operator=(const Value& o) {
    if (this != &o) {
      if (o.rep_ == kRepNode) o.Retain();
      if (rep_ == kRepNode) Release();
      CopyFrom(o);
    }
    return *this;
  }
  Value& operator=(Value&& o) noexcept {
    if (this != &o) {
      if (rep_ == kRepNode) Release();
      CopyFrom(o);
      o.Clear();
    }
    return *this;
  }
  ~Value() {
    if (rep_ == kRepNode) Release();
  }

  // --- Construction -------------------------------------------------------
  static Value Null() { return Value(); }
  static Value Bool(bool b);
  static Value Int(int64_t i);
  // A number from its exact decimal text (JSON number syntax, e.g. "1e3",
  // "-0.5", "123456789012345678901234567890"). The text is kept verbatim.
  // Returns null when `text` is not a valid number.
  static Value Number(std::string_view text);
  // A number from a double; printed in the shortest form that round-trips.
  static Value Double(double d);
  static Value String(std::string_view s);
  static Value String(std::string&& s);
  static Value String(const char* s) { return String(std::string_view(s)); }
  // A string whose node is never freed, so that its copies share it
  // without touching a reference count (no atomic operation). For strings
  // that repeat for the life of the process: the JSON reader's cache of
  // keys and values. Their memory has a process-wide budget; past it this
  // returns an ordinary String.
  static Value PinnedString(std::string_view s);
  static Value Array(std::vector<Value> items);
  // Entries are sorted by key; when a key repeats the last entry wins.
  static Value Object(std::vector<ObjectEntry> entries);
  // Members are sorted and de-duplicated.
  static Value Set(std::vector<Value> members);
  static Value EmptyArray();
  static Value EmptyObject();
  static Value EmptySet();
  // Builds from a range whose elements are moved out (left null). Avoids a
  // temporary vector; same semantics as Array / Object / Set.
  static Value ArrayFrom(Value* first, size_t n);
  static Value ObjectFrom(ObjectEntry* first, size_t n);

  // --- Inspection ---------------------------------------------------------
  ValueKind kind() const { return kind_; }
  bool is_null() const { return kind_ == ValueKind::kNull; }
  bool is_bool() const { return kind_ == ValueKind::kBool; }
  bool is_number() const { return kind_ == ValueKind::kNumber; }
  bool is_string() const { return kind_ == ValueKind::kString; }
  bool is_array() const { return kind_ == ValueKind::kArray; }
  bool is_object() const { return kind_ == ValueKind::kObject; }
  bool is_set() const { return kind_ == ValueKind::kSet; }
  // Arrays, objects and sets.
  bool is_collection() const { return kind_ >= ValueKind::kArray; }

  // Booleans. False for non-booleans.
  bool as_bool() const { return kind_ == ValueKind::kBool && sso_[0] != 0; }
  bool is_true() const { return kind_ == ValueKind::kBool && sso_[0] != 0; }

  // Numbers.
  // True when the number is an integer that fits in int64 (1.0 counts).
  bool is_int64() const;
  // The int64 value; only meaningful when is_int64().
  int64_t as_int64() const;
  // Nearest double (may lose precision or overflow to +-inf).
  double as_double() const;
  // The exact text of the number: what was read, or the canonical text of
  // an integer or double that was computed.
  std::string number_text() const;
  // True when the number has no fractional part (1, 1.0, 1e3), of any size.
  bool is_integral() const;

  // Strings (empty for non-strings). For strings of up to 14 bytes the view
  // points into this Value (see the lifetime rule above).
  std::string_view as_string() const {
    if (kind_ != ValueKind::kString) return {};
    if (rep_ != kRepNode) return std::string_view(sso_, rep_ & 0x7f);
    auto* n = static_cast<const value_internal::StringNode*>(node());
    return std::string_view(n->data(), n->size);
  }

  // Arrays and sets: their elements (empty span for other kinds).
  std::span<const Value> items() const {
    if ((kind_ != ValueKind::kArray && kind_ != ValueKind::kSet) || rep_ != kRepNode) return {};
    auto* n = static_cast<const value_internal::ArrayNode*>(node());
    return std::span<const Value>(n->items(), n->size);
  }
  // Objects: their entries sorted by key (empty span for other kinds).
  std::span<const ObjectEntry> entries() const {
    if (kind_ != ValueKind::kObject || rep_ != kRepNode) return {};
    auto* n = static_cast<const value_internal::ObjectNode*>(node());
    return std::span<const ObjectEntry>(n->entries(), n->size);
  }
  // Number of elements, entries or members; string length in bytes; 0 otherwise.
  size_t size() const;

  // Objects: the value under `key`, or nullptr. Binary search, no allocation.
  const Value* Find(const Value& key) const;
  const Value* Find(std::string_view key) const;
  // Objects: Find that first tries the entry at position *hint and leaves
  // there the position where the key was found. Objects of one shape (the
  // resources of one type) hold a key at the same position, so a lookup
  // site that keeps its own hint finds the key with one comparison. The
  // hint is only a guess (relaxed atomic: sites may be shared by threads).
  const Value* Find(const Value& key, std::atomic<uint32_t>* hint) const;
  // Objects: a nested lookup through string keys, e.g. {"a","b"}; nullptr
  // as soon as a step is missing or not an object.
  const Value* FindPath(std::initializer_list<std::string_view> path) const;
  // Sets: whether `member` belongs to the set.
  bool Contains(const Value& member) const;
  // Arrays: element i or nullptr.
  const Value* At(size_t i) const;

  // --- Order and hashing --------------------------------------------------
  // OPA's total order: negative, zero or positive.
  friend int Compare(const Value& a, const Value& b);
  friend bool operator==(const Value& a, const Value& b) { return Equal(a, b); }
  friend bool operator!=(const Value& a, const Value& b) { return !Equal(a, b); }
  friend bool operator<(const Value& a, const Value& b) { return Compare(a, b) < 0; }
  // Consistent with Compare: equal values hash equally (1 and 1.0 too).
  size_t Hash() const;

  // Equality (Compare == 0) with fast paths for inline values and shared nodes.
  static bool Equal(const Value& a, const Value& b) {
    // The same 16 bytes: the same inline value or the same node.
    uint64_t x[2], y[2];
    std::memcpy(x, &a, sizeof x);
    std::memcpy(y, &b, sizeof y);
    if (x[0] == y[0] && x[1] == y[1]) return true;
    if (a.kind_ != b.kind_) return false;
    if (a.rep_ != kRepNode || b.rep_ != kRepNode) {
      // Inline values are canonical (unused bytes are zero), so two with
      // different bytes differ, except numbers (1 and 1.0 are equal). A
      // short string never equals a long one.
      if (a.kind_ != ValueKind::kNumber && a.rep_ != kRepNode && b.rep_ != kRepNode) return false;
      if (a.kind_ == ValueKind::kString) return false;
    }
    return EqualNodes(a, b);
  }

  // Identity of the shared node (for caches); nullptr for inline values
  // (null, booleans, int64 numbers and short strings).
  const void* node_identity() const { return rep_ == kRepNode ? node() : nullptr; }

 private:
  friend struct value_internal::Node;
  // rep_: how the payload is held.
  static constexpr uint8_t kRepNode = 0;      // node pointer in sso_[6..13]
  static constexpr uint8_t kRepScalar = 1;    // bool in sso_[0], int64 in sso_[6..13]
  static constexpr uint8_t kRepShort = 0x80;  // | length; chars in sso_[0..13], rest zero
  static constexpr size_t kMaxShort = 14;

  Value(ValueKind kind, value_internal::Node* node) : kind_(kind), rep_(kRepNode), sso_{} {
    std::memcpy(sso_ + 6, &node, sizeof node);
  }
  value_internal::Node* node() const {
    value_internal::Node* n;
    std::memcpy(&n, sso_ + 6, sizeof n);
    return n;
  }
  int64_t small_int() const {
    int64_t i;
    std::memcpy(&i, sso_ + 6, sizeof i);
    return i;
  }
  bool is_short_string() const { return (rep_ & kRepShort) != 0; }
  // Equal for values of one kind where a fast path did not decide.
  static bool EqualNodes(const Value& a, const Value& b);
  // Position of `key` among the entries of this object, or size() when absent.
  size_t FindIndex(const Value& key) const;
  void Retain() const {
    std::atomic<uint32_t>& refs = node()->refs;
    if (refs.load(std::memory_order_relaxed) < value_internal::kPinnedRefs) {
      refs.fetch_add(1, std::memory_order_relaxed);
    }
  }
  // Drops one reference to the node (rep_ == kRepNode); frees it at zero.
  void Release();
  void CopyFrom(const Value& o) {
    kind_ = o.kind_;
    rep_ = o.rep_;
    std::memcpy(sso_, o.sso_, sizeof sso_);
  }
  void Clear() {
    kind_ = ValueKind::kNull;
    rep_ = kRepScalar;
    std::memset(sso_, 0, sizeof sso_);
  }

  ValueKind kind_;
  uint8_t rep_;
  char sso_[14];
};
static_assert(sizeof(Value) == 16, "Value must stay 16 bytes");

// Hash functor for unordered containers keyed by Value.
struct ValueHash {
  size_t operator()(const Value& v) const { return v.Hash(); }
};

// Compares two exact decimal number texts numerically (sign, digits and
// exponent, no rounding). Both must be valid JSON/Rego numbers.
int CompareNumberText(std::string_view a, std::string_view b);
// Whether `text` is a valid number in JSON syntax.
bool IsValidNumberText(std::string_view text);

}  // namespace kumo

#endif  // KUMO_VALUE_VALUE_H_
