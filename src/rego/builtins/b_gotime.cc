// Go time layouts, durations and date normalisation; see b_gotime.h.
#include "rego/builtins/b_gotime.h"

#include <limits>

namespace kumo::rego::gotime {

const char* const kWeekdayNames[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                      "Thursday", "Friday", "Saturday"};

namespace {

const char* const kLongMonths[12] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};

// Layout elements, as Go's nextStdChunk recognises them.
enum Std {
  kNone = 0,
  kLongMonth,
  kMonth,
  kNumMonth,
  kZeroMonth,
  kLongWeekDay,
  kWeekDay,
  kDay,
  kUnderDay,
  kZeroDay,
  kUnderYearDay,
  kZeroYearDay,
  kHour,
  kHour12,
  kZeroHour12,
  kMinute,
  kZeroMinute,
  kSecond,
  kZeroSecond,
  kLongYear,
  kYear,
  kPM,
  kpm,
  kTZ,
  kISO8601TZ,
  kISO8601SecondsTZ,
  kISO8601ShortTZ,
  kISO8601ColonTZ,
  kISO8601ColonSecondsTZ,
  kNumTZ,
  kNumSecondsTz,
  kNumShortTZ,
  kNumColonTZ,
  kNumColonSecondsTZ,
  kFracSecond0,
  kFracSecond9,
};

struct Chunk {
  std::string_view prefix;
  Std std = kNone;
  int digits = 0;  // fractional-second digits
  char sep = '.';  // fractional-second separator
  std::string_view std_text;
  std::string_view suffix;
};

bool StartsWithLower(std::string_view s) { return !s.empty() && s[0] >= 'a' && s[0] <= 'z'; }
bool IsDigitAt(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

Chunk NextChunk(std::string_view layout) {
  auto make = [&](size_t i, Std std, size_t len) {
    Chunk c;
    c.prefix = layout.substr(0, i);
    c.std = std;
    c.std_text = layout.substr(i, len);
    c.suffix = layout.substr(i + len);
    return c;
  };
  const size_t n = layout.size();
  for (size_t i = 0; i < n; ++i) {
    std::string_view rest = layout.substr(i);
    switch (layout[i]) {
      case 'J':
        if (rest.starts_with("Jan")) {
          if (rest.starts_with("January")) return make(i, kLongMonth, 7);
          if (!StartsWithLower(rest.substr(3))) return make(i, kMonth, 3);
        }
        break;
      case 'M':
        if (rest.starts_with("Mon")) {
          if (rest.starts_with("Monday")) return make(i, kLongWeekDay, 6);
          if (!StartsWithLower(rest.substr(3))) return make(i, kWeekDay, 3);
        }
        if (rest.starts_with("MST")) return make(i, kTZ, 3);
        break;
      case '0':
        if (rest.size() >= 2 && rest[1] >= '1' && rest[1] <= '6') {
          static const Std k0x[] = {kZeroMonth,  kZeroDay,    kZeroHour12,
                                    kZeroMinute, kZeroSecond, kYear};
          return make(i, k0x[rest[1] - '1'], 2);
        }
        if (rest.starts_with("002")) return make(i, kZeroYearDay, 3);
        break;
      case '1':
        if (rest.starts_with("15")) return make(i, kHour, 2);
        return make(i, kNumMonth, 1);
      case '2':
        if (rest.starts_with("2006")) return make(i, kLongYear, 4);
        return make(i, kDay, 1);
      case '_':
        if (rest.size() >= 2 && rest[1] == '2') {
          // "_2006" is a literal '_' followed by the long year.
          if (rest.substr(1).starts_with("2006")) return make(i + 1, kLongYear, 4);
          return make(i, kUnderDay, 2);
        }
        if (rest.starts_with("__2")) return make(i, kUnderYearDay, 3);
        break;
      case '3': return make(i, kHour12, 1);
      case '4': return make(i, kMinute, 1);
      case '5': return make(i, kSecond, 1);
      case 'P':
        if (rest.starts_with("PM")) return make(i, kPM, 2);
        break;
      case 'p':
        if (rest.starts_with("pm")) return make(i, kpm, 2);
        break;
      case '-':
        if (rest.starts_with("-070000")) return make(i, kNumSecondsTz, 7);
        if (rest.starts_with("-07:00:00")) return make(i, kNumColonSecondsTZ, 9);
        if (rest.starts_with("-0700")) return make(i, kNumTZ, 5);
        if (rest.starts_with("-07:00")) return make(i, kNumColonTZ, 6);
        if (rest.starts_with("-07")) return make(i, kNumShortTZ, 3);
        break;
      case 'Z':
        if (rest.starts_with("Z070000")) return make(i, kISO8601SecondsTZ, 7);
        if (rest.starts_with("Z07:00:00")) return make(i, kISO8601ColonSecondsTZ, 9);
        if (rest.starts_with("Z0700")) return make(i, kISO8601TZ, 5);
        if (rest.starts_with("Z07:00")) return make(i, kISO8601ColonTZ, 6);
        if (rest.starts_with("Z07")) return make(i, kISO8601ShortTZ, 3);
        break;
      case '.':
      case ',':
        if (rest.size() >= 2 && (rest[1] == '0' || rest[1] == '9')) {
          char ch = rest[1];
          size_t j = 1;
          while (j < rest.size() && rest[j] == ch) ++j;
          // Only a fractional second when the digit run ends the number.
          if (!IsDigitAt(rest, j)) {
            Chunk c = make(i, ch == '0' ? kFracSecond0 : kFracSecond9, j);
            c.digits = static_cast<int>(j - 1);
            c.sep = rest[0];
            return c;
          }
        }
        break;
      default: break;
    }
  }
  Chunk c;
  c.prefix = layout;
  return c;
}

void AppendInt(std::string* b, int64_t x, int width) {
  if (x < 0) {
    b->push_back('-');
    x = -x;
  }
  std::string digits = std::to_string(x);
  for (int i = static_cast<int>(digits.size()); i < width; ++i) b->push_back('0');
  b->append(digits);
}

// Go's time.quote: ASCII printable kept, '"' and '\\' escaped, others \xNN.
std::string Quote(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c >= 0x80 || c < ' ') {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    } else {
      if (c == '"' || c == '\\') out.push_back('\\');
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back('"');
  return out;
}

Status ParseErr(std::string_view layout, std::string_view value, std::string_view layout_elem,
                std::string_view value_elem, std::string_view message) {
  if (message.empty()) {
    return InvalidArgument("parsing time " + Quote(value) + " as " + Quote(layout) +
                           ": cannot parse " + Quote(value_elem) + " as " + Quote(layout_elem));
  }
  return InvalidArgument("parsing time " + Quote(value) + std::string(message));
}

// Go's getnum: one or two digits (exactly two when fixed).
bool GetNum(std::string_view& s, bool fixed, int* out) {
  if (!IsDigitAt(s, 0)) return false;
  if (!IsDigitAt(s, 1)) {
    if (fixed) return false;
    *out = s[0] - '0';
    s.remove_prefix(1);
    return true;
  }
  *out = (s[0] - '0') * 10 + (s[1] - '0');
  s.remove_prefix(2);
  return true;
}

bool GetNum3(std::string_view& s, bool fixed, int* out) {
  int n = 0;
  size_t i = 0;
  for (; i < 3 && IsDigitAt(s, i); ++i) n = n * 10 + (s[i] - '0');
  if (i == 0 || (fixed && i != 3)) return false;
  *out = n;
  s.remove_prefix(i);
  return true;
}

// Go's atoi: optional sign, then decimal digits only.
bool Atoi(std::string_view s, int64_t* out) {
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return false;
  int64_t x = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    if (x > (std::numeric_limits<int64_t>::max() - 9) / 10) return false;
    x = x * 10 + (c - '0');
  }
  *out = neg ? -x : x;
  return true;
}

std::string_view CutSpace(std::string_view s) {
  while (!s.empty() && s[0] == ' ') s.remove_prefix(1);
  return s;
}

bool Skip(std::string_view& value, std::string_view prefix) {
  while (!prefix.empty()) {
    if (prefix[0] == ' ') {
      if (!value.empty() && value[0] != ' ') return false;
      prefix = CutSpace(prefix);
      value = CutSpace(value);
      continue;
    }
    if (value.empty() || value[0] != prefix[0]) return false;
    prefix.remove_prefix(1);
    value.remove_prefix(1);
  }
  return true;
}

bool LowerEq(char a, char b) {
  if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
  if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
  return a == b;
}

// Case-insensitive prefix match against a name table; returns the index.
bool LookupName(const char* const* tab, int n, size_t cut, std::string_view& value, int* out) {
  for (int i = 0; i < n; ++i) {
    std::string_view name = tab[i];
    if (cut) name = name.substr(0, cut);
    if (value.size() >= name.size()) {
      bool ok = true;
      for (size_t k = 0; k < name.size() && ok; ++k) ok = LowerEq(value[k], name[k]);
      if (ok) {
        value.remove_prefix(name.size());
        *out = i;
        return true;
      }
    }
  }
  return false;
}

size_t ParseSignedOffset(std::string_view v) {
  if (v.empty() || (v[0] != '+' && v[0] != '-')) return 0;
  size_t i = 1;
  int64_t x = 0;
  while (i < v.size() && v[i] >= '0' && v[i] <= '9') {
    x = x * 10 + (v[i] - '0');
    if (x > 1000) return 0;
    ++i;
  }
  if (i == 1 || x > 23) return 0;
  return i;
}

// Go's parseTimeZone: the length of a time-zone abbreviation at the start.
size_t ParseTimeZone(std::string_view v) {
  if (v.size() < 3) return 0;
  if (v.starts_with("ChST") || v.starts_with("MeST")) return 4;
  if (v.starts_with("GMT")) return 3 + ParseSignedOffset(v.substr(3));
  if (v[0] == '+' || v[0] == '-') return ParseSignedOffset(v);
  size_t upper = 0;
  while (upper < 6 && upper < v.size() && v[upper] >= 'A' && v[upper] <= 'Z') ++upper;
  switch (upper) {
    case 3: return 3;
    case 4: return (v[3] == 'T' || v.starts_with("WITA")) ? 4 : 0;
    case 5: return v[4] == 'T' ? 5 : 0;
    default: return 0;
  }
}

// Go's parseNanoseconds: value[0] is the separator, then nbytes-1 digits.
bool ParseNanos(std::string_view value, size_t nbytes, int64_t* ns) {
  if (value.empty() || (value[0] != '.' && value[0] != ',')) return false;
  if (nbytes > 10) nbytes = 10;
  if (!Atoi(value.substr(1, nbytes - 1), ns)) return false;
  for (size_t i = 0; i < 10 - nbytes; ++i) *ns *= 10;
  return true;
}

}  // namespace

Instant FromUnixNanos(int64_t ns) {
  // Division and remainder separately: sec * 1e9 overflows at INT64_MIN.
  Instant t;
  t.sec = ns / 1000000000;
  int64_t rem = ns % 1000000000;
  if (rem < 0) {
    rem += 1000000000;
    --t.sec;
  }
  t.nsec = static_cast<int32_t>(rem);
  return t;
}

bool ToUnixNanos(Instant t, int64_t* ns) {
  // int64 nanoseconds span [-9223372036.854775808 s, 9223372036.854775807 s].
  constexpr int64_t kMinSec = -9223372037, kMaxSec = 9223372036;
  if (t.sec < kMinSec || t.sec > kMaxSec) return false;
  if (t.sec == kMinSec && t.nsec < 145224192) return false;
  if (t.sec == kMaxSec && t.nsec > 854775807) return false;
  // Compute without overflow around the extremes.
  if (t.sec == kMinSec) {
    *ns = std::numeric_limits<int64_t>::min() + (t.nsec - 145224192);
  } else {
    *ns = t.sec * 1000000000 + t.nsec;
  }
  return true;
}

Civil ToCivil(Instant t, const tz::Zone& zone) {
  Civil c;
  c.zone = zone.Lookup(t.sec);
  int64_t local = t.sec + c.zone.offset;
  int64_t days = tz::FloorDiv(local, 86400);
  int64_t secs = local - days * 86400;
  tz::CivilFromDays(days, &c.year, &c.month, &c.day);
  c.hour = static_cast<int>(secs / 3600);
  c.min = static_cast<int>(secs / 60 % 60);
  c.sec = static_cast<int>(secs % 60);
  c.nsec = t.nsec;
  c.wday = static_cast<int>(tz::FloorMod(days + 4, 7));
  c.yday = static_cast<int>(days - tz::DaysFromCivil(c.year, 1, 1)) + 1;
  return c;
}

Instant Date(int64_t year, int64_t month, int64_t day, int64_t hour, int64_t min, int64_t sec,
             int64_t nsec, const tz::Zone& zone) {
  sec += tz::FloorDiv(nsec, 1000000000);
  nsec = tz::FloorMod(nsec, 1000000000);
  int64_t days = tz::DaysFromCivil(year, month, day);
  int64_t unix = days * 86400 + hour * 3600 + min * 60 + sec;
  int32_t offset = zone.Lookup(unix).offset;
  if (offset != 0) {
    // The offset at the local wall time may differ from the offset at the
    // corresponding UTC instant (near a transition); Go takes the latter.
    offset = zone.Lookup(unix - offset).offset;
    unix -= offset;
  }
  return Instant{unix, static_cast<int32_t>(nsec)};
}

std::string_view ExpandNamedLayout(std::string_view layout) {
  static const std::pair<std::string_view, std::string_view> kNamed[] = {
      {"ANSIC", "Mon Jan _2 15:04:05 2006"},
      {"UnixDate", "Mon Jan _2 15:04:05 MST 2006"},
      {"RubyDate", "Mon Jan 02 15:04:05 -0700 2006"},
      {"RFC822", "02 Jan 06 15:04 MST"},
      {"RFC822Z", "02 Jan 06 15:04 -0700"},
      {"RFC850", "Monday, 02-Jan-06 15:04:05 MST"},
      {"RFC1123", "Mon, 02 Jan 2006 15:04:05 MST"},
      {"RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700"},
      {"RFC3339", "2006-01-02T15:04:05Z07:00"},
      {"RFC3339Nano", "2006-01-02T15:04:05.999999999Z07:00"},
  };
  for (const auto& [name, value] : kNamed) {
    if (name == layout) return value;
  }
  return layout;
}

std::string Format(Instant t, const tz::Zone& zone, std::string_view layout) {
  const Civil c = ToCivil(t, zone);
  std::string b;
  while (!layout.empty()) {
    Chunk ch = NextChunk(layout);
    b.append(ch.prefix);
    if (ch.std == kNone) break;
    layout = ch.suffix;
    const int offset = c.zone.offset;
    switch (ch.std) {
      case kYear: AppendInt(&b, c.year % 100 < 0 ? -(c.year % 100) : c.year % 100, 2); break;
      case kLongYear: AppendInt(&b, c.year, 4); break;
      case kMonth: b.append(std::string_view(kLongMonths[c.month - 1]).substr(0, 3)); break;
      case kLongMonth: b.append(kLongMonths[c.month - 1]); break;
      case kNumMonth: AppendInt(&b, c.month, 0); break;
      case kZeroMonth: AppendInt(&b, c.month, 2); break;
      case kWeekDay: b.append(std::string_view(kWeekdayNames[c.wday]).substr(0, 3)); break;
      case kLongWeekDay: b.append(kWeekdayNames[c.wday]); break;
      case kDay: AppendInt(&b, c.day, 0); break;
      case kUnderDay:
        if (c.day < 10) b.push_back(' ');
        AppendInt(&b, c.day, 0);
        break;
      case kZeroDay: AppendInt(&b, c.day, 2); break;
      case kUnderYearDay:
        if (c.yday < 100) {
          b.push_back(' ');
          if (c.yday < 10) b.push_back(' ');
        }
        AppendInt(&b, c.yday, 0);
        break;
      case kZeroYearDay: AppendInt(&b, c.yday, 3); break;
      case kHour: AppendInt(&b, c.hour, 2); break;
      case kHour12:
      case kZeroHour12: {
        int hr = c.hour % 12;
        if (hr == 0) hr = 12;
        AppendInt(&b, hr, ch.std == kHour12 ? 0 : 2);
        break;
      }
      case kMinute: AppendInt(&b, c.min, 0); break;
      case kZeroMinute: AppendInt(&b, c.min, 2); break;
      case kSecond: AppendInt(&b, c.sec, 0); break;
      case kZeroSecond: AppendInt(&b, c.sec, 2); break;
      case kPM: b.append(c.hour >= 12 ? "PM" : "AM"); break;
      case kpm: b.append(c.hour >= 12 ? "pm" : "am"); break;
      case kISO8601TZ:
      case kISO8601ColonTZ:
      case kISO8601SecondsTZ:
      case kISO8601ShortTZ:
      case kISO8601ColonSecondsTZ:
      case kNumTZ:
      case kNumColonTZ:
      case kNumSecondsTz:
      case kNumShortTZ:
      case kNumColonSecondsTZ: {
        const bool iso = ch.std >= kISO8601TZ && ch.std <= kISO8601ColonSecondsTZ;
        if (iso && offset == 0) {
          b.push_back('Z');
          break;
        }
        int zone_min = offset / 60;
        int abs_off = offset;
        if (zone_min < 0) {
          b.push_back('-');
          zone_min = -zone_min;
          abs_off = -abs_off;
        } else {
          b.push_back('+');
        }
        AppendInt(&b, zone_min / 60, 2);
        const bool colon = ch.std == kISO8601ColonTZ || ch.std == kNumColonTZ ||
                           ch.std == kISO8601ColonSecondsTZ || ch.std == kNumColonSecondsTZ;
        if (colon) b.push_back(':');
        if (ch.std != kNumShortTZ && ch.std != kISO8601ShortTZ) AppendInt(&b, zone_min % 60, 2);
        if (ch.std == kISO8601SecondsTZ || ch.std == kNumSecondsTz ||
            ch.std == kNumColonSecondsTZ || ch.std == kISO8601ColonSecondsTZ) {
          if (ch.std == kNumColonSecondsTZ || ch.std == kISO8601ColonSecondsTZ) b.push_back(':');
          AppendInt(&b, abs_off % 60, 2);
        }
        break;
      }
      case kTZ: {
        if (!c.zone.name.empty()) {
          b.append(c.zone.name);
          break;
        }
        int zone_min = offset / 60;
        if (zone_min < 0) {
          b.push_back('-');
          zone_min = -zone_min;
        } else {
          b.push_back('+');
        }
        AppendInt(&b, zone_min / 60, 2);
        AppendInt(&b, zone_min % 60, 2);
        break;
      }
      case kFracSecond0:
      case kFracSecond9: {
        char buf[9];
        int32_t u = c.nsec;
        for (int i = 8; i >= 0; --i) {
          buf[i] = static_cast<char>('0' + u % 10);
          u /= 10;
        }
        int n = ch.digits > 9 ? 9 : ch.digits;
        if (ch.std == kFracSecond9) {
          while (n > 0 && buf[n - 1] == '0') --n;
          if (n == 0) break;
        }
        b.push_back(ch.sep);
        b.append(buf, n);
        break;
      }
      case kNone: break;
    }
  }
  return b;
}

Result<Instant> Parse(std::string_view layout_in, std::string_view value_in) {
  std::string_view layout = layout_in, value = value_in;
  bool am_set = false, pm_set = false;
  int64_t year = 0;
  int month = -1, day = -1, yday = -1, hour = 0, min = 0, sec = 0;
  int64_t nsec = 0;
  bool utc_zone = false;
  int zone_offset = -1;
  for (;;) {
    Chunk ch = NextChunk(layout);
    std::string_view hold_before_prefix = value;
    (void)hold_before_prefix;
    if (!Skip(value, ch.prefix)) return ParseErr(layout_in, value_in, ch.prefix, value, "");
    if (ch.std == kNone) {
      if (!value.empty()) {
        return ParseErr(layout_in, value_in, "", value, ": extra text: " + Quote(value));
      }
      break;
    }
    layout = ch.suffix;
    std::string_view hold = value;
    bool ok = true;
    std::string range_err;
    switch (ch.std) {
      case kYear: {
        if (value.size() < 2) {
          ok = false;
          break;
        }
        ok = Atoi(value.substr(0, 2), &year);
        value.remove_prefix(2);
        if (ok) year += year >= 69 ? 1900 : 2000;
        break;
      }
      case kLongYear:
        if (value.size() < 4 || !IsDigitAt(value, 0)) {
          ok = false;
          break;
        }
        ok = Atoi(value.substr(0, 4), &year);
        value.remove_prefix(4);
        break;
      case kMonth:
      case kLongMonth: {
        int m = 0;
        ok = LookupName(kLongMonths, 12, ch.std == kMonth ? 3 : 0, value, &m);
        month = m + 1;
        break;
      }
      case kNumMonth:
      case kZeroMonth:
        ok = GetNum(value, ch.std == kZeroMonth, &month);
        if (ok && (month <= 0 || month > 12)) range_err = "month";
        break;
      case kWeekDay:
      case kLongWeekDay: {
        int d = 0;
        ok = LookupName(kWeekdayNames, 7, ch.std == kWeekDay ? 3 : 0, value, &d);
        break;
      }
      case kDay:
      case kUnderDay:
      case kZeroDay:
        if (ch.std == kUnderDay && !value.empty() && value[0] == ' ') value.remove_prefix(1);
        ok = GetNum(value, ch.std == kZeroDay, &day);
        break;
      case kUnderYearDay:
      case kZeroYearDay:
        for (int i = 0; i < 2; ++i) {
          if (ch.std == kUnderYearDay && !value.empty() && value[0] == ' ') value.remove_prefix(1);
        }
        ok = GetNum3(value, ch.std == kZeroYearDay, &yday);
        break;
      case kHour:
        ok = GetNum(value, false, &hour);
        if (hour < 0 || hour >= 24) range_err = "hour";
        break;
      case kHour12:
      case kZeroHour12:
        ok = GetNum(value, ch.std == kZeroHour12, &hour);
        if (hour < 0 || hour > 12) range_err = "hour";
        break;
      case kMinute:
      case kZeroMinute:
        ok = GetNum(value, ch.std == kZeroMinute, &min);
        if (min < 0 || min >= 60) range_err = "minute";
        break;
      case kSecond:
      case kZeroSecond: {
        ok = GetNum(value, ch.std == kZeroSecond, &sec);
        if (!ok) break;
        if (sec < 0 || sec >= 60) {
          range_err = "second";
          break;
        }
        // A fractional second in the value that the layout does not spell out.
        if (value.size() >= 2 && (value[0] == '.' || value[0] == ',') && IsDigitAt(value, 1)) {
          Chunk next = NextChunk(layout);
          if (next.std == kFracSecond0 || next.std == kFracSecond9) break;
          size_t n = 2;
          while (IsDigitAt(value, n)) ++n;
          ok = ParseNanos(value, n, &nsec);
          value.remove_prefix(n);
        }
        break;
      }
      case kPM:
      case kpm: {
        if (value.size() < 2) {
          ok = false;
          break;
        }
        std::string_view p = value.substr(0, 2);
        value.remove_prefix(2);
        if (p == (ch.std == kPM ? "PM" : "pm")) {
          pm_set = true;
        } else if (p == (ch.std == kPM ? "AM" : "am")) {
          am_set = true;
        } else {
          ok = false;
        }
        break;
      }
      case kISO8601TZ:
      case kISO8601ShortTZ:
      case kISO8601ColonTZ:
      case kISO8601SecondsTZ:
      case kISO8601ColonSecondsTZ:
      case kNumTZ:
      case kNumShortTZ:
      case kNumColonTZ:
      case kNumSecondsTz:
      case kNumColonSecondsTZ: {
        const bool iso = ch.std >= kISO8601TZ && ch.std <= kISO8601ColonSecondsTZ;
        if (iso && !value.empty() && value[0] == 'Z') {
          value.remove_prefix(1);
          utc_zone = true;
          break;
        }
        std::string_view sign, hh, mm = "00", ss = "00";
        if (ch.std == kISO8601ColonTZ || ch.std == kNumColonTZ) {
          if (value.size() < 6 || value[3] != ':') {
            ok = false;
            break;
          }
          sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(4, 2);
          value.remove_prefix(6);
        } else if (ch.std == kNumShortTZ || ch.std == kISO8601ShortTZ) {
          if (value.size() < 3) {
            ok = false;
            break;
          }
          sign = value.substr(0, 1), hh = value.substr(1, 2);
          value.remove_prefix(3);
        } else if (ch.std == kISO8601ColonSecondsTZ || ch.std == kNumColonSecondsTZ) {
          if (value.size() < 9 || value[3] != ':' || value[6] != ':') {
            ok = false;
            break;
          }
          sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(4, 2),
          ss = value.substr(7, 2);
          value.remove_prefix(9);
        } else if (ch.std == kISO8601SecondsTZ || ch.std == kNumSecondsTz) {
          if (value.size() < 7) {
            ok = false;
            break;
          }
          sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(3, 2),
          ss = value.substr(5, 2);
          value.remove_prefix(7);
        } else {
          if (value.size() < 5) {
            ok = false;
            break;
          }
          sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(3, 2);
          value.remove_prefix(5);
        }
        int hr = 0, mi = 0, se = 0;
        ok = GetNum(hh, true, &hr) && GetNum(mm, true, &mi) && GetNum(ss, true, &se);
        if (hr > 24) range_err = "time zone offset hour";
        if (mi > 60) range_err = "time zone offset minute";
        if (se > 60) range_err = "time zone offset second";
        zone_offset = (hr * 60 + mi) * 60 + se;
        if (sign[0] == '-') {
          zone_offset = -zone_offset;
        } else if (sign[0] != '+') {
          ok = false;
        }
        break;
      }
      case kTZ: {
        if (value.starts_with("UTC")) {
          utc_zone = true;
          value.remove_prefix(3);
          break;
        }
        size_t n = ParseTimeZone(value);
        if (n == 0) {
          ok = false;
          break;
        }
        // Go keeps the instant as if UTC and only labels it with the name.
        value.remove_prefix(n);
        break;
      }
      case kFracSecond0: {
        size_t ndigit = 1 + ch.digits;
        if (value.size() < ndigit) {
          ok = false;
          break;
        }
        ok = ParseNanos(value, ndigit, &nsec);
        value.remove_prefix(ndigit);
        break;
      }
      case kFracSecond9: {
        if (value.size() < 2 || (value[0] != '.' && value[0] != ',') || !IsDigitAt(value, 1)) {
          break;  // fractional second omitted
        }
        size_t i = 0;
        while (IsDigitAt(value, i + 1)) ++i;
        ok = ParseNanos(value, 1 + i, &nsec);
        value.remove_prefix(1 + i);
        break;
      }
      case kNone: break;
    }
    if (!range_err.empty()) {
      return ParseErr(layout_in, value_in, ch.std_text, value, ": " + range_err + " out of range");
    }
    if (!ok) return ParseErr(layout_in, value_in, ch.std_text, hold, "");
  }
  if (pm_set && hour < 12) {
    hour += 12;
  } else if (am_set && hour == 12) {
    hour = 0;
  }
  if (yday >= 0) {
    static constexpr int kDaysBefore[13] = {0,   31,  59,  90,  120, 151, 181,
                                            212, 243, 273, 304, 334, 365};
    int d = 0, m = 0;
    if (tz::IsLeap(year)) {
      if (yday == 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) {
        --yday;
      }
    }
    if (yday < 1 || yday > 365) {
      return ParseErr(layout_in, value_in, "", value, ": day-of-year out of range");
    }
    if (m == 0) {
      m = (yday - 1) / 31 + 1;
      if (kDaysBefore[m] < yday) ++m;
      d = yday - kDaysBefore[m - 1];
    }
    if (month >= 0 && month != m) {
      return ParseErr(layout_in, value_in, "", value, ": day-of-year does not match month");
    }
    month = m;
    if (day >= 0 && day != d) {
      return ParseErr(layout_in, value_in, "", value, ": day-of-year does not match day");
    }
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > tz::DaysIn(month, year)) {
    return ParseErr(layout_in, value_in, "", value, ": day out of range");
  }
  Instant t = Date(year, month, day, hour, min, sec, nsec, *tz::Zone::Utc());
  if (!utc_zone && zone_offset != -1) t.sec -= zone_offset;
  return t;
}

namespace {

// Go's time.ParseDuration; `extended` also accepts d (24h), w (7d) and
// y (365d), which newer OPA releases take as a fallback.
Result<int64_t> ParseDurationImpl(std::string_view s, bool extended) {
  const std::string orig(s);
  auto invalid = [&] { return InvalidArgument("time: invalid duration " + Quote(orig)); };
  constexpr uint64_t kMax = uint64_t{1} << 63;
  uint64_t d = 0;
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return int64_t{0};
  if (s.empty()) return invalid();
  while (!s.empty()) {
    uint64_t v = 0, f = 0;
    double scale = 1;
    if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9'))) return invalid();
    size_t i = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      if (v > kMax / 10) return invalid();
      v = v * 10 + (s[i] - '0');
      if (v > kMax) return invalid();
    }
    const bool pre = i > 0;
    s.remove_prefix(i);
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      bool overflow = false;
      size_t j = 0;
      for (; j < s.size() && s[j] >= '0' && s[j] <= '9'; ++j) {
        if (overflow) continue;
        if (f > (kMax - 1) / 10) {
          overflow = true;
          continue;
        }
        uint64_t y = f * 10 + (s[j] - '0');
        if (y > kMax) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s.remove_prefix(j);
    }
    if (!pre && !post) return invalid();
    size_t u = 0;
    while (u < s.size() && s[u] != '.' && !(s[u] >= '0' && s[u] <= '9')) ++u;
    if (u == 0) return InvalidArgument("time: missing unit in duration " + Quote(orig));
    std::string_view unit_name = s.substr(0, u);
    s.remove_prefix(u);
    uint64_t unit = 0;
    if (unit_name == "ns") {
      unit = 1;
    } else if (unit_name == "us" || unit_name == "\xc2\xb5s" || unit_name == "\xce\xbcs") {
      unit = 1000;
    } else if (unit_name == "ms") {
      unit = 1000000;
    } else if (unit_name == "s") {
      unit = 1000000000;
    } else if (unit_name == "m") {
      unit = 60000000000;
    } else if (unit_name == "h") {
      unit = 3600000000000;
    } else if (extended && unit_name == "d") {
      unit = 86400000000000;
    } else if (extended && unit_name == "w") {
      unit = 7 * 86400000000000;
    } else if (extended && unit_name == "y") {
      unit = 365 * 86400000000000;
    } else {
      return InvalidArgument("time: unknown unit " + Quote(unit_name) + " in duration " +
                             Quote(orig));
    }
    if (v > kMax / unit) return invalid();
    v *= unit;
    if (f > 0) {
      v += static_cast<uint64_t>(static_cast<double>(f) * (static_cast<double>(unit) / scale));
      if (v > kMax) return invalid();
    }
    d += v;
    if (d > kMax) return invalid();
  }
  if (neg) return static_cast<int64_t>(-static_cast<int64_t>(d - 1) - 1);
  if (d > kMax - 1) return invalid();
  return static_cast<int64_t>(d);
}

}  // namespace

Result<int64_t> ParseDuration(std::string_view s) {
  auto go = ParseDurationImpl(s, false);
  if (go.ok()) return go;
  auto extended = ParseDurationImpl(s, true);
  if (extended.ok()) return extended;
  return go;
}

}  // namespace kumo::rego::gotime
