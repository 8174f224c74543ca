// Time builtins: time.now_ns, parse_ns, parse_rfc3339_ns, parse_duration_ns,
// format, date, clock, weekday, add_date, diff.
//
// OPA implements these on Go's `time` package, so layouts, durations,
// zone handling and error texts follow Go (see b_gotime.h, b_tz.h).
// Timestamps are int64 nanoseconds; results outside that range are errors.
#include <memory>

#include "rego/builtins/b_args.h"
#include "rego/builtins/b_gotime.h"
#include "rego/builtins/b_tz.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {

namespace {

using gotime::Instant;

constexpr std::string_view kTimeArg = "either number (ns) or [number (ns), string (tz)]";

// An instant with the zone it is viewed in (OPA's tzTime).
struct ZonedTime {
  Instant t;
  std::shared_ptr<const tz::Zone> zone;
  std::string layout;
};

bool TzTime(BuiltinContext& ctx, const Value& a, ZonedTime* out) {
  const Value* num = &a;
  out->zone = tz::Zone::Utc();
  if (a.is_array()) {
    if (a.size() == 0) return bargs::OperandTypeError(ctx, 1, a, kTimeArg);
    num = a.At(0);
    if (!num->is_number()) return bargs::OperandTypeError(ctx, 1, *num, "number");
    if (a.size() > 1) {
      std::string_view name;
      if (!bargs::String(ctx, *a.At(1), 1, &name)) return false;
      auto zone = tz::Zone::Load(name);
      if (!zone.ok()) return ctx.BuiltinError(zone.status().message());
      out->zone = *zone;
    }
    if (a.size() > 2) {
      std::string_view layout;
      if (!bargs::String(ctx, *a.At(2), 1, &layout)) return false;
      out->layout = std::string(layout);
    }
  } else if (!a.is_number()) {
    return bargs::OperandTypeError(ctx, 1, a, kTimeArg);
  }
  if (!num->is_int64()) return ctx.BuiltinError("timestamp too big");
  out->t = gotime::FromUnixNanos(num->as_int64());
  return true;
}

bool SafeNanos(BuiltinContext& ctx, Instant t, Value* out) {
  int64_t ns = 0;
  if (!gotime::ToUnixNanos(t, &ns)) return ctx.BuiltinError("time outside of valid range");
  *out = Value::Int(ns);
  return true;
}

bool NowNs(BuiltinContext& ctx, std::span<const Value>, Value* out) {
  *out = Value::Int(ctx.NowNs());
  return true;
}

bool ParseNs(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::string_view layout, value;
  if (!bargs::String(ctx, args[0], 1, &layout) || !bargs::String(ctx, args[1], 2, &value)) {
    return false;
  }
  auto t = gotime::Parse(gotime::ExpandNamedLayout(layout), value);
  if (!t.ok()) return ctx.BuiltinError(t.status().message());
  return SafeNanos(ctx, *t, out);
}

bool ParseRfc3339Ns(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::string_view value;
  if (!bargs::String(ctx, args[0], 1, &value)) return false;
  auto t = gotime::Parse(gotime::ExpandNamedLayout("RFC3339"), value);
  if (!t.ok()) return ctx.BuiltinError(t.status().message());
  return SafeNanos(ctx, *t, out);
}

bool ParseDurationNs(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  std::string_view value;
  if (!bargs::String(ctx, args[0], 1, &value)) return false;
  auto d = gotime::ParseDuration(value);
  if (!d.ok()) return ctx.BuiltinError(d.status().message());
  *out = Value::Int(*d);
  return true;
}

bool Format(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  ZonedTime zt;
  if (!TzTime(ctx, args[0], &zt)) return false;
  std::string_view layout = zt.layout.empty() ? gotime::ExpandNamedLayout("RFC3339Nano")
                                              : gotime::ExpandNamedLayout(zt.layout);
  *out = Value::String(gotime::Format(zt.t, *zt.zone, layout));
  return true;
}

bool DateFn(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  ZonedTime zt;
  if (!TzTime(ctx, args[0], &zt)) return false;
  gotime::Civil c = gotime::ToCivil(zt.t, *zt.zone);
  *out = Value::Array({Value::Int(c.year), Value::Int(c.month), Value::Int(c.day)});
  return true;
}

bool Clock(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  ZonedTime zt;
  if (!TzTime(ctx, args[0], &zt)) return false;
  gotime::Civil c = gotime::ToCivil(zt.t, *zt.zone);
  *out = Value::Array({Value::Int(c.hour), Value::Int(c.min), Value::Int(c.sec)});
  return true;
}

bool Weekday(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  ZonedTime zt;
  if (!TzTime(ctx, args[0], &zt)) return false;
  gotime::Civil c = gotime::ToCivil(zt.t, *zt.zone);
  *out = Value::String(gotime::kWeekdayNames[c.wday]);
  return true;
}

bool AddDate(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  ZonedTime zt;
  if (!TzTime(ctx, args[0], &zt)) return false;
  int64_t years = 0, months = 0, days = 0;
  if (!bargs::Int(ctx, args[1], 2, &years) || !bargs::Int(ctx, args[2], 3, &months) ||
      !bargs::Int(ctx, args[3], 4, &days)) {
    return false;
  }
  // Bound the inputs so the civil arithmetic cannot overflow; anything
  // this large is far outside the int64-nanosecond range anyway.
  auto too_big = [](int64_t v, int64_t limit) { return v > limit || v < -limit; };
  if (too_big(years, 10000000) || too_big(months, 100000000) || too_big(days, 10000000000)) {
    return ctx.BuiltinError("time outside of valid range");
  }
  gotime::Civil c = gotime::ToCivil(zt.t, *zt.zone);
  Instant r = gotime::Date(c.year + years, c.month + months, c.day + days, c.hour, c.min, c.sec,
                           c.nsec, *zt.zone);
  return SafeNanos(ctx, r, out);
}

bool Diff(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  ZonedTime a, b;
  if (!TzTime(ctx, args[0], &a) || !TzTime(ctx, args[1], &b)) return false;
  // Both are viewed in the first operand's zone.
  Instant t1 = a.t, t2 = b.t;
  if (t1.sec > t2.sec || (t1.sec == t2.sec && t1.nsec > t2.nsec)) std::swap(t1, t2);
  gotime::Civil c1 = gotime::ToCivil(t1, *a.zone), c2 = gotime::ToCivil(t2, *a.zone);
  int64_t year = c2.year - c1.year;
  int64_t month = c2.month - c1.month;
  int64_t day = c2.day - c1.day;
  int64_t hour = c2.hour - c1.hour;
  int64_t min = c2.min - c1.min;
  int64_t sec = c2.sec - c1.sec;
  if (sec < 0) {
    sec += 60;
    --min;
  }
  if (min < 0) {
    min += 60;
    --hour;
  }
  if (hour < 0) {
    hour += 24;
    --day;
  }
  if (day < 0) {
    day += tz::DaysIn(c1.month, c1.year);
    --month;
  }
  if (month < 0) {
    month += 12;
    --year;
  }
  *out = Value::Array({Value::Int(year), Value::Int(month), Value::Int(day), Value::Int(hour),
                       Value::Int(min), Value::Int(sec)});
  return true;
}

}  // namespace

void RegisterTimeBuiltins(BuiltinRegistry& r) {
  constexpr const char* kTimeType = "any<number, array<number, string>>";
  r.Add({.name = "time.now_ns",
         .decl = "() => number",
         .arity = 0,
         .fn = NowNs,
         .nondeterministic = true});
  r.Add({.name = "time.parse_ns", .decl = "(string, string) => number", .arity = 2, .fn = ParseNs});
  r.Add({.name = "time.parse_rfc3339_ns",
         .decl = "(string) => number",
         .arity = 1,
         .fn = ParseRfc3339Ns});
  r.Add({.name = "time.parse_duration_ns",
         .decl = "(string) => number",
         .arity = 1,
         .fn = ParseDurationNs});
  r.Add({.name = "time.format",
         .decl = "(any<number, array<number, string>, array<number, string, string>>) => string",
         .arity = 1,
         .fn = Format});
  r.Add({.name = "time.date",
         .decl = std::string("(") + kTimeType + ") => array<number, number, number>",
         .arity = 1,
         .fn = DateFn});
  r.Add({.name = "time.clock",
         .decl = std::string("(") + kTimeType + ") => array<number, number, number>",
         .arity = 1,
         .fn = Clock});
  r.Add({.name = "time.weekday",
         .decl = std::string("(") + kTimeType + ") => string",
         .arity = 1,
         .fn = Weekday});
  r.Add({.name = "time.add_date",
         .decl = "(number, number, number, number) => number",
         .arity = 4,
         .fn = AddDate});
  r.Add({.name = "time.diff",
         .decl = std::string("(") + kTimeType + ", " + kTimeType +
                 ") => array<number, number, number, number, number, number>",
         .arity = 2,
         .fn = Diff});
}

}  // namespace kumo::rego
