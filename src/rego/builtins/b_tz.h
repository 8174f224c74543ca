// Civil-time arithmetic and IANA time zones for the Rego time.* builtins.
//
// g++ 12's libstdc++ has no std::chrono::tzdb, so zones are read from the
// system's TZif files (/usr/share/zoneinfo, or $ZONEINFO) the way Go's
// time.LoadLocation does: the 64-bit (v2+) transition table, then the
// POSIX TZ footer for instants past the table. Semantics follow Go's
// `time` package because OPA's time builtins are thin wrappers over it.
#ifndef KUMO_REGO_BUILTINS_B_TZ_H_
#define KUMO_REGO_BUILTINS_B_TZ_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace kumo::rego::tz {

// Days since 1970-01-01 of a proleptic Gregorian date (month 1..12; day
// may be out of range and is added as an offset).
int64_t DaysFromCivil(int64_t year, int64_t month, int64_t day);
// Inverse of DaysFromCivil.
void CivilFromDays(int64_t days, int64_t* year, int* month, int* day);
bool IsLeap(int64_t year);
int DaysIn(int month, int64_t year);
// Floor division helpers (C++ truncates toward zero).
inline int64_t FloorDiv(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}
inline int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

// One local-time rule: offset east of UTC and abbreviation.
struct ZoneInfo {
  int32_t offset = 0;
  std::string name;
  bool is_dst = false;
};

// A loaded time zone (immutable; shared between threads).
class Zone {
 public:
  // The UTC zone (name "UTC", offset 0).
  static std::shared_ptr<const Zone> Utc();
  // A zone with a constant offset.
  static std::shared_ptr<const Zone> Fixed(std::string name, int32_t offset);
  // Loads an IANA zone by name ("America/New_York"); "" and "UTC" give UTC.
  // Errors mirror Go: "unknown time zone X", "time: invalid location name".
  // Results are cached for the life of the process.
  static Result<std::shared_ptr<const Zone>> Load(std::string_view name);
  // Parses TZif file contents (exposed for tests).
  static Result<std::shared_ptr<const Zone>> FromTzif(std::string name, std::string_view data);

  // The rule in effect at `unix_sec`.
  ZoneInfo Lookup(int64_t unix_sec) const;
  const std::string& name() const { return name_; }

 private:
  struct Transition {
    int64_t at;
    uint8_t type;
  };
  struct PosixRule {
    enum Kind { kJulian, kDayOfYear, kMonthWeekDay } kind = kMonthWeekDay;
    int day = 0, week = 0, mon = 0;
    int32_t time = 7200;  // seconds after local midnight
  };
  ZoneInfo LookupFirst() const;
  bool LookupPosix(int64_t unix_sec, ZoneInfo* out) const;
  bool ParsePosix(std::string_view tz);

  std::string name_;
  std::vector<ZoneInfo> types_;
  std::vector<Transition> transitions_;
  // POSIX TZ footer (used after the last transition).
  bool has_posix_ = false;
  ZoneInfo posix_std_, posix_dst_;
  bool posix_has_dst_ = false;
  PosixRule posix_start_, posix_end_;
};

}  // namespace kumo::rego::tz

#endif  // KUMO_REGO_BUILTINS_B_TZ_H_
