// ParseJson / WriteJson: simdjson into Value, and Value back to JSON text.
// Numbers keep their exact text (see TryDom for the fast path's rule).
#include "json/json.h"

#include <simdjson.h>

#include <cstring>
#include <functional>
#include <new>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kumo::json {
namespace {

namespace od = simdjson::ondemand;

constexpr size_t kPadding = simdjson::SIMDJSON_PADDING;

// One parser per thread: its buffers are reused from record to record.
od::parser& ThreadParser() {
  thread_local od::parser parser;
  return parser;
}

// Scratch buffer for inputs that arrive without padding.
std::string& ThreadScratch() {
  thread_local std::string scratch;
  return scratch;
}

// Shares the nodes of repeated longer strings per thread. Inventories repeat
// the same keys ("publicAccessBlockConfiguration") and values
// ("AWS::S3::Bucket", group URIs) millions of times, and Values are
// immutable, so one node can serve them all. Strings of up to 14 bytes are
// held inline in the Value and need no sharing. Direct-mapped, so the cost
// is bounded. A slot remembers the hash of the last string mapped to it and
// caches a string only when it comes back while the slot still holds its
// hash: a unique string (id, ARN) is never cached, so it neither evicts the
// repeated ones nor takes pinned memory. Cached strings are pinned (see
// Value::PinnedString): copies of them count no references.
class StringCache {
 public:
  static constexpr size_t kSlots = 4096;
  static constexpr size_t kMaxKeyBytes = 128;
  static constexpr size_t kMaxValueBytes = 48;

  // Kept small so that it inlines: most keys and values are short.
  Value Get(std::string_view s, size_t max_bytes) {
    if (s.size() <= 14 || s.size() > max_bytes) return Value::String(s);
    return Shared(s);
  }

 private:
  Value Shared(std::string_view s) {
    uint64_t h = Hash(s);
    size_t i = static_cast<size_t>(h) & (kSlots - 1);
    auto tag = static_cast<uint32_t>(h >> 32);
    if (tags_[i] != tag) {
      tags_[i] = tag;  // first sighting: remember the hash, do not cache yet
      return Value::String(s);
    }
    Value& slot = slots_[i];
    std::string_view held = slot.as_string();  // empty or longer than 14 bytes
    if (held.size() != s.size() || !SameLongBytes(held.data(), s.data(), s.size())) {
      slot = Value::PinnedString(s);  // copies touch no reference count
    }
    return slot;
  }

  // a[0..n) == b[0..n) for n >= 8, in 8-byte words (the last one may
  // overlap): cheaper than a memcmp call for the short strings cached here.
  static bool SameLongBytes(const char* a, const char* b, size_t n) {
    uint64_t x, y;
    for (size_t i = 0; i + 8 < n; i += 8) {
      std::memcpy(&x, a + i, 8);
      std::memcpy(&y, b + i, 8);
      if (x != y) return false;
    }
    std::memcpy(&x, a + n - 8, 8);
    std::memcpy(&y, b + n - 8, 8);
    return x == y;
  }

  // A cheap hash of the length and the first and last 8 bytes (s has more
  // than 14): enough to spread keys and repeated values over the slots. The
  // low bits pick the slot, the high 32 are the slot's tag.
  static uint64_t Hash(std::string_view s) {
    uint64_t a, b;
    std::memcpy(&a, s.data(), 8);
    std::memcpy(&b, s.data() + s.size() - 8, 8);
    uint64_t h = (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL) ^ s.size();
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 32;
    return h;
  }
  std::vector<Value> slots_ = std::vector<Value>(kSlots);
  std::vector<uint32_t> tags_ = std::vector<uint32_t>(kSlots);
};

StringCache& ThreadStrings() {
  thread_local StringCache cache;
  return cache;
}

// Per-thread scratch stacks for the entries and items of the objects and
// arrays being built: nested values push above their parent's and pop when
// done, so building allocates only the final nodes.
std::vector<ObjectEntry>& ThreadEntries() {
  thread_local std::vector<ObjectEntry> v;
  return v;
}
std::vector<Value>& ThreadItems() {
  thread_local std::vector<Value> v;
  return v;
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

class Builder {
 public:
  Builder(std::string_view text, const JsonLimits& limits)
      : base_(text.data()), end_(text.data() + text.size()), limits_(limits) {}

  // Error text for the first problem found ("" when none).
  std::string error;

  bool Fail(std::string reason, const char* where = nullptr) {
    if (error.empty()) {
      if (where != nullptr && where >= base_) {
        error = "byte " + std::to_string(where - base_) + ": " + reason;
      } else {
        error = std::move(reason);
      }
    }
    return false;
  }
  bool Fail(simdjson::error_code e) {
    if (e == simdjson::DEPTH_ERROR) {
      return Fail("nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
    }
    return Fail(std::string("invalid JSON: ") + simdjson::error_message(e));
  }

  // Any value below the root.
  bool Build(od::value v, size_t depth, Value* out) {
    od::json_type type;
    if (auto e = v.type().get(type)) return Fail(e);
    switch (type) {
      case od::json_type::object: {
        if (depth >= limits_.max_depth) return TooDeep(v);
        od::object obj;
        if (auto e = v.get_object().get(obj)) return Fail(e);
        return BuildObject(obj, depth + 1, out);
      }
      case od::json_type::array: {
        if (depth >= limits_.max_depth) return TooDeep(v);
        od::array arr;
        if (auto e = v.get_array().get(arr)) return Fail(e);
        return BuildArray(arr, depth + 1, out);
      }
      case od::json_type::string: {
        std::string_view s;
        if (auto e = v.get_string().get(s)) return Fail(e);
        *out = ThreadStrings().Get(s, StringCache::kMaxValueBytes);
        return true;
      }
      case od::json_type::number: {
        std::string_view raw = TrimRight(v.raw_json_token());
        return MakeNumber(raw, out);
      }
      case od::json_type::boolean: {
        bool b;
        if (auto e = v.get_bool().get(b)) return Fail(e);
        *out = Value::Bool(b);
        return true;
      }
      case od::json_type::null: {
        bool is_null = false;
        if (auto e = v.is_null().get(is_null)) return Fail(e);
        if (!is_null) return Fail("invalid literal (expected null)", v.raw_json_token().data());
        *out = Value();
        return true;
      }
    }
    return Fail("unexpected token");
  }

  bool Root(od::document& doc, Value* out) {
    od::json_type type;
    if (auto e = doc.type().get(type)) return Fail(e);
    if (type != od::json_type::object && type != od::json_type::array) {
      // On-demand does not look past a root scalar: only whitespace may follow.
      std::string_view raw;
      if (auto e = doc.raw_json_token().get(raw)) return Fail(e);
      raw = TrimRight(raw);
      for (const char* p = raw.data() + raw.size(); p < end_; ++p) {
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
          return Fail("unexpected content after the JSON value", p);
        }
      }
    }
    switch (type) {
      case od::json_type::object: {
        if (limits_.max_depth == 0) return Fail("nesting deeper than 0 levels");
        od::object obj;
        if (auto e = doc.get_object().get(obj)) return Fail(e);
        if (!BuildObject(obj, 1, out)) return false;
        return CheckEnd(doc);
      }
      case od::json_type::array: {
        if (limits_.max_depth == 0) return Fail("nesting deeper than 0 levels");
        od::array arr;
        if (auto e = doc.get_array().get(arr)) return Fail(e);
        if (!BuildArray(arr, 1, out)) return false;
        return CheckEnd(doc);
      }
      case od::json_type::string: {
        std::string_view s;
        if (auto e = doc.get_string().get(s)) return Fail(e);
        *out = Value::String(s);
        return true;
      }
      case od::json_type::number: {
        std::string_view raw;
        if (auto e = doc.raw_json_token().get(raw)) return Fail(e);
        return MakeNumber(TrimRight(raw), out);
      }
      case od::json_type::boolean: {
        bool b;
        if (auto e = doc.get_bool().get(b)) return Fail(e);
        *out = Value::Bool(b);
        return true;
      }
      case od::json_type::null: {
        bool is_null = false;
        if (auto e = doc.is_null().get(is_null)) return Fail(e);
        if (!is_null) return Fail("invalid literal (expected null)");
        *out = Value();
        return true;
      }
    }
    return Fail("unexpected token");
  }

 private:
  bool TooDeep(od::value& v) {
    return Fail("nesting deeper than " + std::to_string(limits_.max_depth) + " levels",
                v.raw_json_token().data());
  }

  bool CheckEnd(od::document& doc) {
    const char* loc = nullptr;
    if (doc.current_location().get(loc) == simdjson::SUCCESS && loc != nullptr) {
      return Fail("unexpected content after the JSON value", loc);
    }
    return true;
  }

  bool MakeNumber(std::string_view raw, Value* out) {
    Value n = Value::Number(raw);
    if (n.is_null())
      return Fail("invalid number '" + std::string(raw.substr(0, 40)) + "'", raw.data());
    *out = std::move(n);
    return true;
  }

  bool BuildObject(od::object& obj, size_t depth, Value* out) {
    auto& stack = ThreadEntries();
    size_t start = stack.size();
    for (auto field_result : obj) {
      od::field field;
      std::string_view key;
      Value v;
      if (auto e = std::move(field_result).get(field)) return Unwind(stack, start, e);
      if (auto e = field.unescaped_key().get(key)) return Unwind(stack, start, e);
      Value k = ThreadStrings().Get(key, StringCache::kMaxKeyBytes);
      if (!Build(field.value(), depth, &v)) return Unwind(stack, start);
      stack.emplace_back(std::move(k), std::move(v));
    }
    *out = Value::ObjectFrom(stack.data() + start, stack.size() - start);
    stack.resize(start);
    return true;
  }

  bool BuildArray(od::array& arr, size_t depth, Value* out) {
    auto& stack = ThreadItems();
    size_t start = stack.size();
    for (auto item_result : arr) {
      od::value item;
      Value v;
      if (auto e = std::move(item_result).get(item)) return Unwind(stack, start, e);
      if (!Build(item, depth, &v)) return Unwind(stack, start);
      stack.push_back(std::move(v));
    }
    *out = Value::ArrayFrom(stack.data() + start, stack.size() - start);
    stack.resize(start);
    return true;
  }

  template <typename T>
  bool Unwind(std::vector<T>& stack, size_t start) {
    stack.resize(start);
    return false;
  }
  template <typename T>
  bool Unwind(std::vector<T>& stack, size_t start, simdjson::error_code e) {
    stack.resize(start);
    return Fail(e);
  }

  const char* base_;
  const char* end_;
  const JsonLimits& limits_;
};

// The fast path for records of up to kDomMaxBytes: simdjson's DOM parser
// validates the whole text in two SIMD passes and leaves a tape that is
// walked straight into Values (no per-field on-demand bookkeeping). The tape
// keeps numbers as int64/uint64/double, not as text, so a record with a
// fractional or out-of-range number (whose text must stay exact) returns
// false here and goes through the on-demand Builder, as does any record
// with an error (the Builder names the byte offset and reason).
constexpr size_t kDomMaxBytes = 64u << 10;

simdjson::dom::parser& ThreadDomParser() {
  thread_local simdjson::dom::parser parser(kDomMaxBytes);
  return parser;
}

// A scratch stack of T (Value or ObjectEntry) for DomBuilder whose slots
// above the top are always null: pushing moves a Value in as 16 bytes and
// popping after Value::ArrayFrom / ObjectFrom (which leave their sources
// null) destroys nothing. Plain moves and a vector's resize copy and test
// Values field by field, which showed up as a tenth of the DOM path.
template <typename T>
class NullStack {
 public:
  size_t top() const { return top_; }
  T* at(size_t i) { return slots_.data() + i; }
  // The next free slot (null), which the caller fills; grows as needed.
  T* Push() {
    if (top_ == slots_.size()) slots_.resize(slots_.size() * 2 + 16);
    return slots_.data() + top_++;
  }
  // Pops down to `start`, nulling any slot its builder left set (failures,
  // duplicate keys).
  void PopTo(size_t start, bool dirty) {
    if (dirty) {
      for (size_t i = start; i < top_; ++i) slots_[i] = T();
    }
    top_ = start;
  }

 private:
  std::vector<T> slots_;
  size_t top_ = 0;
};

// Moves *from into the null Value at *to as 16 bytes and leaves *from null.
// A Value owns its node through its bytes alone, so this is a move.
void Relocate(Value* to, Value* from) {
  std::memcpy(static_cast<void*>(to), static_cast<const void*>(from), sizeof(Value));
  new (from) Value();
}

NullStack<ObjectEntry>& ThreadDomEntries() {
  thread_local NullStack<ObjectEntry> s;
  return s;
}
NullStack<Value>& ThreadDomItems() {
  thread_local NullStack<Value> s;
  return s;
}

class DomBuilder {
 public:
  explicit DomBuilder(size_t max_depth)
      : max_depth_(max_depth),
        strings_(ThreadStrings()),
        entries_(ThreadDomEntries()),
        items_(ThreadDomItems()) {}

  // The Value of `e` at nesting `depth`; on failure (a fractional number,
  // too deep) failed() turns true and the record must go on-demand. Values
  // are returned rather than assigned through a pointer so that each is
  // built in place and moved once, into its parent's scratch stack. The
  // tape was validated by the parse, so the typed reads skip their checks.
  Value Build(simdjson::dom::element e, size_t depth) {
    using T = simdjson::dom::element_type;
    switch (e.type()) {
      case T::OBJECT:
        if (depth >= max_depth_) break;
        return BuildObject(e.get_object().value_unsafe(), depth + 1);
      case T::ARRAY:
        if (depth >= max_depth_) break;
        return BuildArray(e.get_array().value_unsafe(), depth + 1);
      case T::STRING:
        return strings_.Get(e.get_string().value_unsafe(), StringCache::kMaxValueBytes);
      case T::INT64: {
        int64_t i = e.get_int64().value_unsafe();
        zero_ |= i == 0;  // maybe written "-0" (see TryDom)
        return Value::Int(i);
      }
      case T::UINT64: return Value::Number(std::to_string(e.get_uint64().value_unsafe()));
      case T::BOOL: return Value::Bool(e.get_bool().value_unsafe());
      case T::NULL_VALUE: return Value();
      case T::DOUBLE: break;  // the text is not on the tape
    }
    failed_ = true;
    return Value();
  }

  bool failed() const { return failed_; }
  // Whether an integer 0 was read.
  bool saw_zero() const { return zero_; }

 private:
  Value BuildObject(simdjson::dom::object obj, size_t depth) {
    size_t start = entries_.top();
    for (simdjson::dom::key_value_pair f : obj) {
      Value v = Build(f.value, depth);
      if (failed_) {
        entries_.PopTo(start, true);
        return Value();
      }
      Value k = strings_.Get(f.key, StringCache::kMaxKeyBytes);
      ObjectEntry* slot = entries_.Push();
      Relocate(&slot->first, &k);
      Relocate(&slot->second, &v);
    }
    size_t n = entries_.top() - start;
    Value out = Value::ObjectFrom(entries_.at(start), n);
    // With a repeated key, ObjectFrom leaves the dropped entries behind.
    entries_.PopTo(start, out.size() != n);
    return out;
  }

  Value BuildArray(simdjson::dom::array arr, size_t depth) {
    size_t start = items_.top();
    for (simdjson::dom::element item : arr) {
      Value v = Build(item, depth);
      if (failed_) {
        items_.PopTo(start, true);
        return Value();
      }
      Relocate(items_.Push(), &v);
    }
    Value out = Value::ArrayFrom(items_.at(start), items_.top() - start);
    items_.PopTo(start, false);
    return out;
  }

  size_t max_depth_;
  bool failed_ = false;
  bool zero_ = false;
  // The thread's caches, looked up once per document.
  StringCache& strings_;
  NullStack<ObjectEntry>& entries_;
  NullStack<Value>& items_;
};

// Whether `text` may hold the number -0: a "-0" not followed by a digit, a
// fraction or an exponent (inside a string too: the check only needs to
// be safe).
bool HasMinusZero(std::string_view text) {
  for (size_t i = text.find("-0"); i != std::string_view::npos; i = text.find("-0", i + 2)) {
    char next = i + 2 < text.size() ? text[i + 2] : ' ';
    if (!(next >= '0' && next <= '9') && next != '.' && next != 'e' && next != 'E') return true;
  }
  return false;
}

// True when `text` was read through the DOM fast path into *out.
bool TryDom(std::string_view text, size_t capacity, const JsonLimits& limits, Value* out) {
  if (text.size() > kDomMaxBytes || capacity < text.size() + kPadding) return false;
  simdjson::dom::element root;
  if (ThreadDomParser().parse(text.data(), text.size(), false).get(root)) return false;
  // Depth counts the containers around a value, as in the on-demand
  // Builder; a record over the limit goes there for its error.
  DomBuilder builder(limits.max_depth);
  Value v = builder.Build(root, 0);
  if (builder.failed()) return false;
  // The tape holds -0 as the integer 0; its text must stay "-0", which
  // on-demand keeps. Looked for only in records with a zero.
  if (builder.saw_zero() && HasMinusZero(text)) return false;
  *out = std::move(v);
  return true;
}

std::string_view SkipBom(std::string_view text) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
      static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF) {
    text.remove_prefix(3);
  }
  return text;
}

}  // namespace

namespace {

// BOM and size limit, shared by both paths; false with *err set on failure.
bool Prepare(std::string_view* text, size_t* capacity, const JsonLimits& limits, Status* err) {
  const char* start = text->data();
  *text = SkipBom(*text);
  *capacity -= static_cast<size_t>(text->data() - start);
  if (text->size() > limits.max_record_bytes) {
    *err = ResourceExhausted("JSON value of " + std::to_string(text->size()) +
                             " bytes is larger than the limit of " +
                             std::to_string(limits.max_record_bytes) + " bytes");
    return false;
  }
  return true;
}

Result<Value> OnDemand(std::string_view text, size_t capacity, const JsonLimits& limits) {
  od::parser& parser = ThreadParser();
  // simdjson has its own depth limit; keep it above ours so ours reports first.
  if (parser.max_depth() <= limits.max_depth) {
    if (auto e = parser.allocate(std::max<size_t>(parser.capacity(), 4096), limits.max_depth + 2)) {
      return Internal(std::string("cannot allocate JSON parser: ") + simdjson::error_message(e));
    }
  }
  od::document doc;
  if (auto e = parser.iterate(text.data(), text.size(), capacity).get(doc)) {
    if (e == simdjson::EMPTY) return ParseError("empty input: expected a JSON value");
    return ParseError(std::string("invalid JSON: ") + simdjson::error_message(e));
  }
  Builder b(text, limits);
  Value out;
  if (!b.Root(doc, &out)) {
    if (b.error.find("nesting deeper") != std::string::npos) return ResourceExhausted(b.error);
    return ParseError(b.error);
  }
  return out;
}

}  // namespace

Result<Value> ParsePaddedJson(std::string_view text, size_t capacity, const JsonLimits& limits) {
  Status err;
  if (!Prepare(&text, &capacity, limits, &err)) return err;
  Value fast;
  if (TryDom(text, capacity, limits, &fast)) return fast;
  return OnDemand(text, capacity, limits);
}

Result<Value> ParsePaddedJsonOnDemand(std::string_view text, size_t capacity,
                                      const JsonLimits& limits) {
  Status err;
  if (!Prepare(&text, &capacity, limits, &err)) return err;
  return OnDemand(text, capacity, limits);
}

Result<Value> ParseJson(std::string_view text, const JsonLimits& limits) {
  std::string& scratch = ThreadScratch();
  if (scratch.capacity() > (64u << 20) && text.size() < (1u << 20)) {
    std::string().swap(scratch);  // give back memory after a huge one-off input
  }
  scratch.resize(text.size() + kPadding);
  std::memcpy(scratch.data(), text.data(), text.size());
  std::memset(scratch.data() + text.size(), 0, kPadding);
  return ParsePaddedJson(std::string_view(scratch.data(), text.size()), scratch.size(), limits);
}

// ---------------------------------------------------------------------------
// Writing

namespace {

constexpr char kHex[] = "0123456789abcdef";

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
size_t Utf8SeqLen(std::string_view s, size_t i) {
  auto u = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = u(i);
  size_t n = s.size() - i;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return (n >= 2 && (u(i + 1) & 0xC0) == 0x80) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3 || (u(i + 1) & 0xC0) != 0x80 || (u(i + 2) & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && u(i + 1) < 0xA0) return 0;   // overlong
    if (c == 0xED && u(i + 1) >= 0xA0) return 0;  // surrogates
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4 || (u(i + 1) & 0xC0) != 0x80 || (u(i + 2) & 0xC0) != 0x80 ||
        (u(i + 3) & 0xC0) != 0x80) {
      return 0;
    }
    if (c == 0xF0 && u(i + 1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && u(i + 1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

void AppendU(std::string* out, unsigned code) {
  char buf[6] = {
      '\\',           'u', kHex[(code >> 12) & 15], kHex[(code >> 8) & 15], kHex[(code >> 4) & 15],
      kHex[code & 15]};
  out->append(buf, 6);
}

class Writer {
 public:
  Writer(std::string* out, const WriteOptions& opts) : out_(out), opts_(opts) {}

  void Write(const Value& v, int level) {
    switch (v.kind()) {
      case ValueKind::kNull: out_->append("null"); return;
      case ValueKind::kBool: out_->append(v.as_bool() ? "true" : "false"); return;
      case ValueKind::kNumber: out_->append(v.number_text()); return;
      case ValueKind::kString: WriteJsonString(v.as_string(), out_, opts_.escape_html); return;
      case ValueKind::kArray:
      case ValueKind::kSet: {
        auto items = v.items();
        if (items.empty()) {
          out_->append("[]");
          return;
        }
        out_->push_back('[');
        for (size_t i = 0; i < items.size(); ++i) {
          if (i > 0) out_->push_back(',');
          Newline(level + 1);
          Write(items[i], level + 1);
        }
        Newline(level);
        out_->push_back(']');
        return;
      }
      case ValueKind::kObject: {
        auto entries = v.entries();
        if (entries.empty()) {
          out_->append("{}");
          return;
        }
        out_->push_back('{');
        for (size_t i = 0; i < entries.size(); ++i) {
          if (i > 0) out_->push_back(',');
          Newline(level + 1);
          const Value& key = entries[i].first;
          if (key.is_string()) {
            WriteJsonString(key.as_string(), out_, opts_.escape_html);
          } else {
            // Non-string keys print as their JSON text, quoted (as OPA does).
            std::string key_text;
            Writer(&key_text, WriteOptions{}).Write(key, 0);
            WriteJsonString(key_text, out_, opts_.escape_html);
          }
          out_->push_back(':');
          if (opts_.pretty) out_->push_back(' ');
          Write(entries[i].second, level + 1);
        }
        Newline(level);
        out_->push_back('}');
        return;
      }
    }
  }

 private:
  void Newline(int level) {
    if (!opts_.pretty) return;
    out_->push_back('\n');
    out_->append(static_cast<size_t>(level) * static_cast<size_t>(std::max(opts_.indent, 0)), ' ');
  }

  std::string* out_;
  const WriteOptions& opts_;
};

}  // namespace

void WriteJsonString(std::string_view s, std::string* out, bool escape_html) {
  out->reserve(out->size() + s.size() + 2);
  out->push_back('"');
  size_t run = 0;  // start of the pending run of bytes copied verbatim
  size_t i = 0;
  auto flush = [&](size_t upto) {
    if (upto > run) out->append(s.data() + run, upto - run);
  };
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80 &&
        !(escape_html && (c == '<' || c == '>' || c == '&'))) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      size_t n = Utf8SeqLen(s, i);
      if (n == 0) {
        // Invalid UTF-8 becomes U+FFFD so the output is always valid JSON.
        flush(i);
        out->append("\\ufffd");
        run = ++i;
        continue;
      }
      if (escape_html && n == 3 && c == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
           static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
        flush(i);
        AppendU(out, static_cast<unsigned char>(s[i + 2]) == 0xA8 ? 0x2028 : 0x2029);
        i += 3;
        run = i;
        continue;
      }
      i += n;
      continue;
    }
    flush(i);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        AppendU(out, c);  // other control characters and escaped HTML
        break;
    }
    run = ++i;
  }
  flush(i);
  out->push_back('"');
}

void WriteJson(const Value& v, std::string* out, const WriteOptions& opts) {
  Writer(out, opts).Write(v, 0);
}

std::string ToJson(const Value& v, const WriteOptions& opts) {
  std::string out;
  WriteJson(v, &out, opts);
  return out;
}

}  // namespace kumo::json
