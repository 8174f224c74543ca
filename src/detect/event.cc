#include "detect/event.h"

#include <cinttypes>
#include <cstdio>
#include <ctime>

#include "json/json.h"

namespace kumo::detect {

namespace {
constexpr std::string_view kSourceNames[] = {"aws_cloudtrail", "gcp_auditlog", "azure_activity"};
}  // namespace

std::string_view SourceName(Source s) { return kSourceNames[static_cast<int>(s)]; }

bool SourceFromName(std::string_view name, Source* out) {
  for (int i = 0; i < kSourceCount; ++i) {
    if (kSourceNames[i] == name) {
      *out = static_cast<Source>(i);
      return true;
    }
  }
  return false;
}

EvalContext::EvalContext()
    : parser_(std::make_unique<simdjson::dom::parser>()),
      inner_parser_(std::make_unique<simdjson::dom::parser>()) {
  // Records are at most json::JsonLimits::max_depth (512) levels deep, as
  // json::RecordReader enforces; the JSON Lines fast path relies on the
  // parser rejecting deeper lines the same way (simdjson accepts depths
  // below its max_depth).
  if (parser_->allocate(1u << 16, json::JsonLimits{}.max_depth + 1) != simdjson::SUCCESS) {
    parser_ = std::make_unique<simdjson::dom::parser>();  // out of memory: keep the default
  }
}

void EvalContext::BeginEvent(const Event* ev) {
  event_ = ev;
  ++gen_;
  arena_used_ = 0;
}

std::string* EvalContext::Scratch() {
  if (arena_used_ == arena_.size()) arena_.push_back(std::make_unique<std::string>());
  std::string* s = arena_[arena_used_++].get();
  s->clear();
  return s;
}

void EvalContext::ResizeCache(size_t n) {
  if (cache_.size() < n) cache_.resize(n);
}

FieldValues* EvalContext::CacheSlot(size_t slot, bool* fresh) {
  CacheEntry& e = cache_[slot];
  *fresh = e.gen == gen_;
  if (!*fresh) {
    e.gen = gen_;
    e.values.clear();
  }
  return &e.values;
}

bool GetPath(simdjson::dom::element e, std::initializer_list<std::string_view> path,
             simdjson::dom::element* out) {
  for (std::string_view key : path) {
    simdjson::dom::object obj;
    if (e.get_object().get(obj) != simdjson::SUCCESS) return false;
    if (obj.at_key(key).get(e) != simdjson::SUCCESS) return false;
  }
  *out = e;
  return true;
}

namespace {

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out->append(buf);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

void AppendScalar(simdjson::dom::element e, std::string* out) {
  char buf[64];
  switch (e.type()) {
    case simdjson::dom::element_type::STRING:
      AppendJsonString(std::string_view(e.get_string().value_unsafe()), out);
      break;
    case simdjson::dom::element_type::INT64:
      std::snprintf(buf, sizeof buf, "%" PRId64, e.get_int64().value_unsafe());
      out->append(buf);
      break;
    case simdjson::dom::element_type::UINT64:
      std::snprintf(buf, sizeof buf, "%" PRIu64, e.get_uint64().value_unsafe());
      out->append(buf);
      break;
    case simdjson::dom::element_type::DOUBLE: {
      double d = e.get_double().value_unsafe();
      // Shortest text that round-trips, like most JSON writers.
      for (int prec = 1; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*g", prec, d);
        if (std::strtod(buf, nullptr) == d) break;
      }
      out->append(buf);
      break;
    }
    case simdjson::dom::element_type::BOOL:
      out->append(e.get_bool().value_unsafe() ? "true" : "false");
      break;
    default: out->append("null");
  }
}

}  // namespace

void AppendCompactJson(simdjson::dom::element e, std::string* out) {
  switch (e.type()) {
    case simdjson::dom::element_type::ARRAY: {
      out->push_back('[');
      bool first = true;
      for (simdjson::dom::element c : AsArray(e)) {
        if (!first) out->push_back(',');
        first = false;
        AppendCompactJson(c, out);
      }
      out->push_back(']');
      break;
    }
    case simdjson::dom::element_type::OBJECT: {
      out->push_back('{');
      bool first = true;
      for (simdjson::dom::key_value_pair kv : AsObject(e)) {
        if (!first) out->push_back(',');
        first = false;
        AppendJsonString(kv.key, out);
        out->push_back(':');
        AppendCompactJson(kv.value, out);
      }
      out->push_back('}');
      break;
    }
    default: AppendScalar(e, out);
  }
}

void AppendIndentedJson(simdjson::dom::element e, std::string* out, int indent) {
  auto pad = [&](int n) { out->append(static_cast<size_t>(n) * 4, ' '); };
  switch (e.type()) {
    case simdjson::dom::element_type::ARRAY: {
      auto arr = AsArray(e);
      if (arr.size() == 0) {
        out->append("[]");
        break;
      }
      out->append("[\n");
      bool first = true;
      for (simdjson::dom::element c : arr) {
        if (!first) out->append(",\n");
        first = false;
        pad(indent + 1);
        AppendIndentedJson(c, out, indent + 1);
      }
      out->push_back('\n');
      pad(indent);
      out->push_back(']');
      break;
    }
    case simdjson::dom::element_type::OBJECT: {
      auto obj = AsObject(e);
      if (obj.size() == 0) {
        out->append("{}");
        break;
      }
      out->append("{\n");
      bool first = true;
      for (simdjson::dom::key_value_pair kv : obj) {
        if (!first) out->append(",\n");
        first = false;
        pad(indent + 1);
        AppendJsonString(kv.key, out);
        out->append(": ");
        AppendIndentedJson(kv.value, out, indent + 1);
      }
      out->push_back('\n');
      pad(indent);
      out->push_back('}');
      break;
    }
    default: AppendScalar(e, out);
  }
}

namespace {

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

}  // namespace

bool ParseRfc3339(std::string_view s, int64_t* ns) {
  int y, mo, d, h, mi, se;
  if (!Digits(s, 0, 4, &y) || s.size() < 20 || s[4] != '-' || !Digits(s, 5, 2, &mo) ||
      s[7] != '-' || !Digits(s, 8, 2, &d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
      !Digits(s, 11, 2, &h) || s[13] != ':' || !Digits(s, 14, 2, &mi) || s[16] != ':' ||
      !Digits(s, 17, 2, &se)) {
    return false;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return false;
  size_t p = 19;
  int64_t frac = 0;
  if (p < s.size() && s[p] == '.') {
    ++p;
    int digits = 0;
    while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
      if (digits < 9) {
        frac = frac * 10 + (s[p] - '0');
        ++digits;
      }
      ++p;
    }
    if (digits == 0) return false;
    while (digits < 9) {
      frac *= 10;
      ++digits;
    }
  }
  int64_t offset_s = 0;
  if (p < s.size() && (s[p] == 'Z' || s[p] == 'z')) {
    ++p;
  } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
    int oh, om;
    if (!Digits(s, p + 1, 2, &oh) || p + 3 >= s.size() || s[p + 3] != ':' ||
        !Digits(s, p + 4, 2, &om)) {
      return false;
    }
    offset_s = (oh * 3600 + om * 60) * (s[p] == '+' ? 1 : -1);
    p += 6;
  } else {
    return false;
  }
  if (p != s.size()) return false;
  int64_t secs = DaysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - offset_s;
  // Nanoseconds since the epoch fit in int64 until 2262: later times are invalid.
  if (secs >= INT64_MAX / 1000000000 || secs <= INT64_MIN / 1000000000) return false;
  *ns = secs * 1000000000 + frac;
  return true;
}

std::string FormatTime(int64_t ns, const char* style) {
  int64_t secs = ns >= 0 ? ns / 1000000000 : (ns - 999999999) / 1000000000;
  int64_t frac = ns - secs * 1000000000;
  time_t t = static_cast<time_t>(secs);
  struct tm tm;
  gmtime_r(&t, &tm);
  char buf[80];
  std::string_view st(style);
  if (st == "time") {
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%09" PRId64, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  frac);
  } else if (st == "time.s") {
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
  } else if (st == "iso8601") {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%09" PRId64 "Z",
                  tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  frac);
  } else if (st == "datetime") {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%09" PRId64, tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, frac);
  } else {  // datetime.s
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  }
  return buf;
}

}  // namespace kumo::detect
