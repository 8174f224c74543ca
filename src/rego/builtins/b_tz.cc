// IANA zone loading and lookup; see b_tz.h.
#include "rego/builtins/b_tz.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

namespace kumo::rego::tz {

namespace {

constexpr int kDaysBefore[13] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

uint32_t Be32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}
uint64_t Be64(const unsigned char* p) { return (uint64_t{Be32(p)} << 32) | Be32(p + 4); }

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return !out->empty();
}

// --- POSIX TZ string pieces (the TZif footer) -------------------------------

bool TzName(std::string_view& s, std::string* name) {
  if (s.empty()) return false;
  if (s[0] != '<') {
    size_t i = 0;
    while (i < s.size() && !(s[i] >= '0' && s[i] <= '9') && s[i] != ',' && s[i] != '-' &&
           s[i] != '+')
      ++i;
    if (i < 3) return false;
    *name = std::string(s.substr(0, i));
    s.remove_prefix(i);
    return true;
  }
  size_t end = s.find('>');
  if (end == std::string_view::npos) return false;
  *name = std::string(s.substr(1, end - 1));
  s.remove_prefix(end + 1);
  return true;
}

bool TzNum(std::string_view& s, int min, int max, int* out) {
  size_t i = 0;
  int n = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    n = n * 10 + (s[i] - '0');
    if (n > max) return false;
    ++i;
  }
  if (i == 0 || n < min) return false;
  s.remove_prefix(i);
  *out = n;
  return true;
}

bool TzOffset(std::string_view& s, int32_t* out) {
  if (s.empty()) return false;
  bool neg = false;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  int h = 0, m = 0, sec = 0;
  if (!TzNum(s, 0, 24 * 7, &h)) return false;
  int32_t off = h * 3600;
  if (!s.empty() && s[0] == ':') {
    s.remove_prefix(1);
    if (!TzNum(s, 0, 59, &m)) return false;
    off += m * 60;
    if (!s.empty() && s[0] == ':') {
      s.remove_prefix(1);
      if (!TzNum(s, 0, 59, &sec)) return false;
      off += sec;
    }
  }
  *out = neg ? -off : off;
  return true;
}

}  // namespace

bool IsLeap(int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

int DaysIn(int month, int64_t year) {
  if (month == 2) return IsLeap(year) ? 29 : 28;
  return kDaysBefore[month] - kDaysBefore[month - 1];
}

int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y += FloorDiv(m - 1, 12);
  m = FloorMod(m - 1, 12) + 1;
  // Shift the year to start in March so the leap day is the last day.
  y -= m <= 2;
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t mp = (m + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468 + (d - 1);
}

void CivilFromDays(int64_t z, int64_t* year, int* month, int* day) {
  z += 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2);
}

std::shared_ptr<const Zone> Zone::Utc() {
  static const std::shared_ptr<const Zone> utc = Fixed("UTC", 0);
  return utc;
}

std::shared_ptr<const Zone> Zone::Fixed(std::string name, int32_t offset) {
  auto z = std::make_shared<Zone>();
  z->name_ = name;
  z->types_.push_back(ZoneInfo{offset, std::move(name), false});
  return z;
}

Result<std::shared_ptr<const Zone>> Zone::FromTzif(std::string name, std::string_view data) {
  auto bad = [&] { return ParseError("time zone " + name + ": malformed TZif data"); };
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  if (n < 44 || data.substr(0, 4) != "TZif") return bad();
  char version = data[4];
  auto counts = [&](size_t at, uint32_t c[6]) {
    for (int i = 0; i < 6; ++i) c[i] = Be32(p + at + 20 + 4 * i);
  };
  uint32_t c[6];  // isutcnt isstdcnt leapcnt timecnt typecnt charcnt
  counts(0, c);
  size_t at = 44;
  int tsize = 4;
  if (version >= '2') {
    size_t v1 = size_t{c[3]} * 5 + size_t{c[4]} * 6 + c[5] + size_t{c[2]} * 8 + c[1] + c[0];
    at += v1;
    if (at + 44 > n || data.substr(at, 4) != "TZif") return bad();
    counts(at, c);
    at += 44;
    tsize = 8;
  }
  const uint32_t isutcnt = c[0], isstdcnt = c[1], leapcnt = c[2], timecnt = c[3], typecnt = c[4],
                 charcnt = c[5];
  size_t need = size_t{timecnt} * (tsize + 1) + size_t{typecnt} * 6 + charcnt +
                size_t{leapcnt} * (tsize + 4) + isstdcnt + isutcnt;
  if (at + need > n || typecnt == 0) return bad();
  auto z = std::make_shared<Zone>();
  z->name_ = name;
  const unsigned char* times = p + at;
  const unsigned char* idx = times + size_t{timecnt} * tsize;
  const unsigned char* types = idx + timecnt;
  const char* chars = reinterpret_cast<const char*>(types + size_t{typecnt} * 6);
  for (uint32_t i = 0; i < typecnt; ++i) {
    const unsigned char* t = types + 6 * i;
    ZoneInfo zi;
    zi.offset = static_cast<int32_t>(Be32(t));
    zi.is_dst = t[4] != 0;
    uint8_t ai = t[5];
    if (ai >= charcnt) return bad();
    zi.name = std::string(chars + ai, strnlen(chars + ai, charcnt - ai));
    z->types_.push_back(std::move(zi));
  }
  for (uint32_t i = 0; i < timecnt; ++i) {
    int64_t when = tsize == 8 ? static_cast<int64_t>(Be64(times + 8 * i))
                              : static_cast<int64_t>(static_cast<int32_t>(Be32(times + 4 * i)));
    if (idx[i] >= typecnt) return bad();
    z->transitions_.push_back({when, idx[i]});
  }
  at += need;
  if (tsize == 8 && at < n && data[at] == '\n') {
    size_t end = data.find('\n', at + 1);
    if (end != std::string_view::npos && end > at + 1) {
      z->has_posix_ = z->ParsePosix(data.substr(at + 1, end - at - 1));
    }
  }
  return std::shared_ptr<const Zone>(std::move(z));
}

bool Zone::ParsePosix(std::string_view s) {
  std::string std_name, dst_name;
  int32_t std_off = 0, dst_off = 0;
  if (!TzName(s, &std_name) || !TzOffset(s, &std_off)) return false;
  std_off = -std_off;
  posix_std_ = ZoneInfo{std_off, std_name, false};
  if (s.empty() || s[0] == ',') {
    posix_has_dst_ = false;
    return true;
  }
  if (!TzName(s, &dst_name)) return false;
  if (s.empty() || s[0] == ',') {
    dst_off = std_off + 3600;
  } else {
    if (!TzOffset(s, &dst_off)) return false;
    dst_off = -dst_off;
  }
  posix_dst_ = ZoneInfo{dst_off, dst_name, true};
  std::string_view rules = s.empty() ? std::string_view(",M3.2.0,M11.1.0") : s;
  if (rules[0] != ',' && rules[0] != ';') return false;
  rules.remove_prefix(1);
  auto rule = [&](PosixRule* r) {
    if (rules.empty()) return false;
    int v = 0;
    if (rules[0] == 'J') {
      rules.remove_prefix(1);
      if (!TzNum(rules, 1, 365, &v)) return false;
      r->kind = PosixRule::kJulian;
      r->day = v;
    } else if (rules[0] == 'M') {
      rules.remove_prefix(1);
      r->kind = PosixRule::kMonthWeekDay;
      if (!TzNum(rules, 1, 12, &r->mon) || rules.empty() || rules[0] != '.') return false;
      rules.remove_prefix(1);
      if (!TzNum(rules, 1, 5, &r->week) || rules.empty() || rules[0] != '.') return false;
      rules.remove_prefix(1);
      if (!TzNum(rules, 0, 6, &r->day)) return false;
    } else {
      if (!TzNum(rules, 0, 365, &v)) return false;
      r->kind = PosixRule::kDayOfYear;
      r->day = v;
    }
    r->time = 7200;
    if (!rules.empty() && rules[0] == '/') {
      rules.remove_prefix(1);
      if (!TzOffset(rules, &r->time)) return false;
    }
    return true;
  };
  if (!rule(&posix_start_) || rules.empty() || rules[0] != ',') return false;
  rules.remove_prefix(1);
  if (!rule(&posix_end_) || !rules.empty()) return false;
  posix_has_dst_ = true;
  return true;
}

ZoneInfo Zone::LookupFirst() const {
  bool first_used = false;
  for (const auto& t : transitions_) first_used |= t.type == 0;
  if (!first_used) return types_[0];
  if (!transitions_.empty() && types_[transitions_[0].type].is_dst) {
    for (int i = transitions_[0].type - 1; i >= 0; --i) {
      if (!types_[i].is_dst) return types_[i];
    }
  }
  for (const auto& t : types_) {
    if (!t.is_dst) return t;
  }
  return types_[0];
}

bool Zone::LookupPosix(int64_t sec, ZoneInfo* out) const {
  if (!has_posix_) return false;
  if (!posix_has_dst_) {
    *out = posix_std_;
    return true;
  }
  int64_t days = FloorDiv(sec, 86400);
  int64_t year;
  int month, day;
  CivilFromDays(days, &year, &month, &day);
  const int64_t year_start = DaysFromCivil(year, 1, 1) * 86400;
  const int64_t ysec = sec - year_start;
  auto rule_time = [&](const PosixRule& r, int32_t off) -> int64_t {
    int64_t d = 0;
    switch (r.kind) {
      case PosixRule::kJulian:
        d = r.day - 1;
        if (IsLeap(year) && r.day >= 60) ++d;
        break;
      case PosixRule::kDayOfYear: d = r.day; break;
      case PosixRule::kMonthWeekDay: {
        // Weekday of the first of the month (0 = Sunday; 1970-01-01 was a Thursday).
        int64_t first = DaysFromCivil(year, r.mon, 1);
        int dow = static_cast<int>(FloorMod(first + 4, 7));
        int dd = r.day - dow;
        if (dd < 0) dd += 7;
        for (int i = 1; i < r.week; ++i) {
          if (dd + 7 >= DaysIn(r.mon, year)) break;
          dd += 7;
        }
        d = dd + kDaysBefore[r.mon - 1] + (IsLeap(year) && r.mon > 2 ? 1 : 0);
        break;
      }
    }
    return d * 86400 + r.time - off;
  };
  int64_t start = rule_time(posix_start_, posix_std_.offset);
  int64_t end = rule_time(posix_end_, posix_dst_.offset);
  ZoneInfo in_std = posix_std_, in_dst = posix_dst_;
  if (end < start) {
    std::swap(start, end);
    std::swap(in_std, in_dst);
  }
  *out = (ysec < start || ysec >= end) ? in_std : in_dst;
  return true;
}

ZoneInfo Zone::Lookup(int64_t sec) const {
  if (transitions_.empty()) {
    ZoneInfo zi;
    if (LookupPosix(sec, &zi)) return zi;
    return LookupFirst();
  }
  if (sec < transitions_[0].at) return LookupFirst();
  auto it = std::upper_bound(transitions_.begin(), transitions_.end(), sec,
                             [](int64_t s, const Transition& t) { return s < t.at; });
  --it;
  if (it + 1 == transitions_.end()) {
    ZoneInfo zi;
    if (LookupPosix(sec, &zi)) return zi;
  }
  return types_[it->type];
}

Result<std::shared_ptr<const Zone>> Zone::Load(std::string_view name) {
  if (name.empty() || name == "UTC" || name == "Local") return Utc();
  if (name.find("..") != std::string_view::npos || name[0] == '/' || name[0] == '\\') {
    return InvalidArgument("time: invalid location name");
  }
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const Zone>, std::less<>> cache;
  {
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache.find(name);
    if (it != cache.end()) return it->second;
  }
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("ZONEINFO"); env != nullptr && *env != '\0')
    dirs.push_back(env);
  dirs.insert(dirs.end(), {"/usr/share/zoneinfo", "/usr/share/lib/zoneinfo", "/usr/lib/locale/TZ"});
  std::string data;
  for (const auto& dir : dirs) {
    if (ReadFile(dir + "/" + std::string(name), &data)) break;
    data.clear();
  }
  if (data.empty()) return NotFound("unknown time zone " + std::string(name));
  auto zone = FromTzif(std::string(name), data);
  if (!zone.ok()) return NotFound("unknown time zone " + std::string(name));
  std::lock_guard<std::mutex> lock(mu);
  cache.emplace(std::string(name), *zone);
  return *zone;
}

}  // namespace kumo::rego::tz
