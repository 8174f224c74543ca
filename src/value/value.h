// Value: kumo's one data value, shared by every stage.
//
// A Value is a JSON document extended with sets and non-string object keys,
// which makes it exactly a Rego term value. Inventory loaders build Values,
// the Rego evaluator computes on them, writers print them.
//
// Values are immutable and cheap to copy: scalars are held inline (null,
// booleans, integers that fit in 64 bits) and everything else in a
// reference-counted node (atomic counts, so compiled policies and loaded
// resources can be shared between threads without locks).
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

namespace value_internal {
struct Node;
}  // namespace value_internal

class Value;
using ObjectEntry = std::pair<Value, Value>;

class Value {
 public:
  // null
  Value() : kind_(ValueKind::kNull), small_(true), b_(false), i_(0) {}
  Value(const Value& o);
  Value(Value&& o) noexcept;
  Value& operator=(const Value& o);
  Value& operator=(Value&& o) noexcept;
  ~Value();

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
  static Value Array(std::vector<Value> items);
  // Entries are sorted by key; when a key repeats the last entry wins.
  static Value Object(std::vector<ObjectEntry> entries);
  // Members are sorted and de-duplicated.
  static Value Set(std::vector<Value> members);
  static Value EmptyArray();
  static Value EmptyObject();
  static Value EmptySet();

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
  bool as_bool() const { return kind_ == ValueKind::kBool && b_; }
  bool is_true() const { return kind_ == ValueKind::kBool && b_; }

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

  // Strings (empty for non-strings).
  std::string_view as_string() const;

  // Arrays and sets: their elements (empty span for other kinds).
  std::span<const Value> items() const;
  // Objects: their entries sorted by key (empty span for other kinds).
  std::span<const ObjectEntry> entries() const;
  // Number of elements, entries or members; string length in bytes; 0 otherwise.
  size_t size() const;

  // Objects: the value under `key`, or nullptr. Binary search, no allocation.
  const Value* Find(const Value& key) const;
  const Value* Find(std::string_view key) const;
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
  friend bool operator==(const Value& a, const Value& b) { return Compare(a, b) == 0; }
  friend bool operator!=(const Value& a, const Value& b) { return Compare(a, b) != 0; }
  friend bool operator<(const Value& a, const Value& b) { return Compare(a, b) < 0; }
  // Consistent with Compare: equal values hash equally (1 and 1.0 too).
  size_t Hash() const;

  // Identity of the shared node (for caches); nullptr for inline scalars.
  const void* node_identity() const { return small_ ? nullptr : p_; }

 private:
  friend struct value_internal::Node;
  explicit Value(ValueKind kind, value_internal::Node* node)
      : kind_(kind), small_(false), b_(false), p_(node) {}
  void Retain() const;
  void Release();

  ValueKind kind_;
  bool small_;  // payload inline (null, bool, int64) rather than a node
  bool b_;
  union {
    int64_t i_;
    value_internal::Node* p_;
  };
};

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
