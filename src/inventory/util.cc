#include "inventory/util.h"

#include <cctype>
#include <vector>

namespace kumo::inventory {

const Value* FindAny(const Value& obj, std::initializer_list<std::string_view> keys) {
  if (!obj.is_object()) return nullptr;
  for (std::string_view k : keys) {
    if (const Value* v = obj.Find(k)) return v;
  }
  return nullptr;
}

std::string_view StrAny(const Value& obj, std::initializer_list<std::string_view> keys) {
  if (!obj.is_object()) return {};
  for (std::string_view k : keys) {
    const Value* v = obj.Find(k);
    if (v != nullptr && v->is_string()) return v->as_string();
  }
  return {};
}

namespace {

std::string ScalarText(const Value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_null()) return "";
  return json::ToJson(v);
}

}  // namespace

void AddTags(const Value& tags, std::map<std::string, std::string>* out) {
  if (tags.is_object()) {
    for (const auto& [k, v] : tags.entries()) {
      if (k.is_string()) (*out)[std::string(k.as_string())] = ScalarText(v);
    }
    return;
  }
  if (!tags.is_array()) return;
  for (const Value& t : tags.items()) {
    const Value* k = FindAny(t, {"key", "Key", "tagName", "TagName"});
    if (k == nullptr || !k->is_string()) continue;
    const Value* v = FindAny(t, {"value", "Value", "tagValue", "TagValue"});
    (*out)[std::string(k->as_string())] = v != nullptr ? ScalarText(*v) : "";
  }
}

Value WithMember(const Value& obj, std::string_view key, Value v) {
  std::vector<ObjectEntry> entries;
  if (obj.is_object()) {
    entries.reserve(obj.size() + 1);
    for (const auto& e : obj.entries()) entries.push_back(e);
  }
  entries.emplace_back(Value::String(key), std::move(v));  // last one wins
  return Value::Object(std::move(entries));
}

Value MergeObjects(const Value& base, const Value& over) {
  if (!over.is_object() || over.size() == 0) return base.is_null() ? over : base;
  if (!base.is_object() || base.size() == 0) return over;
  std::vector<ObjectEntry> entries;
  entries.reserve(base.size() + over.size());
  for (const auto& e : base.entries()) entries.push_back(e);
  for (const auto& e : over.entries()) entries.push_back(e);
  return Value::Object(std::move(entries));
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view LastSegment(std::string_view s) {
  size_t p = s.rfind('/');
  return p == std::string_view::npos ? s : s.substr(p + 1);
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool Digits(std::string_view s, size_t pos, size_t n, int64_t* out) {
  if (pos + n > s.size()) return false;
  int64_t v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

int64_t TimestampMillis(const Value& v) {
  if (v.is_number()) {
    double d = v.as_double();
    // API responses give epoch seconds; values this large are already ms.
    return d > 1e11 ? static_cast<int64_t>(d) : static_cast<int64_t>(d * 1000.0);
  }
  if (!v.is_string()) return 0;
  std::string_view s = v.as_string();
  int64_t y, mo, d, h = 0, mi = 0, sec = 0;
  if (!Digits(s, 0, 4, &y) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2, &mo) ||
      s[7] != '-' || !Digits(s, 8, 2, &d) || mo < 1 || mo > 12 || d < 1 || d > 31) {
    return 0;
  }
  size_t pos = 10;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) {
    if (!Digits(s, pos + 1, 2, &h) || s.size() < pos + 6 || s[pos + 3] != ':' ||
        !Digits(s, pos + 4, 2, &mi)) {
      return 0;
    }
    pos += 6;
    if (pos < s.size() && s[pos] == ':') {
      if (!Digits(s, pos + 1, 2, &sec)) return 0;
      pos += 3;
    }
  }
  int64_t ms = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int64_t scale = 100;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      ms += (s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
  }
  int64_t offset_min = 0;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int64_t oh = 0, om = 0;
    if (Digits(s, pos + 1, 2, &oh)) {
      size_t mpos = pos + 3;
      if (mpos < s.size() && s[mpos] == ':') ++mpos;
      if (!Digits(s, mpos, 2, &om)) om = 0;
      offset_min = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
    }
  }
  int64_t days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return ((days * 86400 + h * 3600 + mi * 60 + sec) - offset_min * 60) * 1000 + ms;
}

bool LooksLikeJsonContainer(std::string_view text) {
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' || c == '[';
  }
  return false;
}

}  // namespace kumo::inventory
