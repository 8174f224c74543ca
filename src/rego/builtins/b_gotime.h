// Go's `time` package semantics that OPA's time.* builtins expose:
// reference-time layouts ("2006-01-02T15:04:05Z07:00") for formatting and
// parsing, Go durations ("1h30m"), and time.Date normalisation.
//
// Policies written for OPA pass Go layout strings, so kumo must accept the
// same layouts and reject the same inputs with the same messages
// (`parsing time "x" as "y": cannot parse "x" as "2006"`).
#ifndef KUMO_REGO_BUILTINS_B_GOTIME_H_
#define KUMO_REGO_BUILTINS_B_GOTIME_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "rego/builtins/b_tz.h"

namespace kumo::rego::gotime {

// An instant: seconds since the Unix epoch plus nanoseconds [0, 1e9).
struct Instant {
  int64_t sec = 0;
  int32_t nsec = 0;
};

// The broken-down civil time of an instant in a zone.
struct Civil {
  int64_t year = 1970;
  int month = 1, day = 1, hour = 0, min = 0, sec = 0;
  int32_t nsec = 0;
  int yday = 1;  // 1..366
  int wday = 4;  // 0 = Sunday
  tz::ZoneInfo zone;
};

Instant FromUnixNanos(int64_t ns);
// Whether the instant fits in int64 nanoseconds; sets *ns when it does.
bool ToUnixNanos(Instant t, int64_t* ns);
Civil ToCivil(Instant t, const tz::Zone& zone);
// Go's time.Date: fields may be out of range and are normalised.
Instant Date(int64_t year, int64_t month, int64_t day, int64_t hour, int64_t min, int64_t sec,
             int64_t nsec, const tz::Zone& zone);

// "RFC3339" -> "2006-01-02T15:04:05Z07:00" etc. (OPA's named layouts);
// other strings are returned unchanged.
std::string_view ExpandNamedLayout(std::string_view layout);
// Go's Time.Format.
std::string Format(Instant t, const tz::Zone& zone, std::string_view layout);
// Go's time.Parse (zone-less values are UTC). Error text is Go's.
Result<Instant> Parse(std::string_view layout, std::string_view value);
// Go's time.ParseDuration, in nanoseconds. Error text is Go's.
Result<int64_t> ParseDuration(std::string_view s);

extern const char* const kWeekdayNames[7];

}  // namespace kumo::rego::gotime

#endif  // KUMO_REGO_BUILTINS_B_GOTIME_H_
