#include "store/render.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "json/json.h"

namespace kumo::store {
namespace {

Value S(std::string_view s) { return Value::String(s); }
Value TimeOrNull(int64_t t) { return t > 0 ? Value::String(FormatTime(t)) : Value::Null(); }

Value Strings(const std::vector<std::string>& v) {
  std::vector<Value> items;
  for (const auto& s : v) items.push_back(S(s));
  return Value::Array(std::move(items));
}

}  // namespace

std::string FormatTime(int64_t t) {
  if (t <= 0) return "";
  std::time_t tt = t;
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string FormatTimeNs(int64_t ns) {
  std::time_t tt = ns / 1'000'000'000;
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[48];
  size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof buf - n, ".%09lldZ", static_cast<long long>(ns % 1'000'000'000));
  return buf;
}

Value StoredFindingToValue(const StoredFinding& s) {
  const Finding& f = s.finding;
  std::vector<ObjectEntry> e = {
      {S("fingerprint"), S(s.fingerprint)},
      {S("status"), S(s.state)},
      {S("control_id"), S(f.control_id)},
      {S("control_title"), S(f.control_title)},
      {S("resource_id"), S(f.resource_id)},
      {S("resource_type"), S(f.resource_type)},
      {S("provider"), S(ProviderName(f.provider))},
      {S("account"), S(f.account)},
      {S("region"), S(f.region)},
      {S("severity"), S(SeverityLevelName(f.severity))},
      {S("product"), S(f.product)},
      {S("owner"), S(f.owner)},
      {S("message"), S(f.message)},
      {S("evidence"), f.evidence},
      {S("frameworks"), Strings(f.frameworks)},
      {S("remediation"), S(f.remediation)},
      {S("first_seen"), TimeOrNull(f.first_seen)},
      {S("last_seen"), TimeOrNull(f.last_seen)},
      {S("resolved_at"), TimeOrNull(f.resolved_at)},
      {S("ticket_key"), f.ticket_key.empty() ? Value::Null() : S(f.ticket_key)},
      {S("first_scan"), Value::Int(s.first_scan_id)},
      {S("last_scan"), Value::Int(s.last_scan_id)},
  };
  if (s.state == kStateMuted) {
    e.emplace_back(S("mute"), Value::Object({
                                  {S("id"), s.mute_id ? Value::Int(s.mute_id) : Value::Null()},
                                  {S("requester"), S(f.muted_by)},
                                  {S("approver"), S(f.mute_approver)},
                                  {S("reason"), S(f.mute_reason)},
                                  {S("ticket"), S(f.mute_ticket)},
                                  {S("expires"), TimeOrNull(s.mute_expires_at)},
                              }));
  }
  return Value::Object(std::move(e));
}

Value FindingEventToValue(const FindingEvent& ev) {
  return Value::Object({
      {S("kind"), S(ev.kind)},
      {S("at"), TimeOrNull(ev.at)},
      {S("scan"), ev.scan_id ? Value::Int(ev.scan_id) : Value::Null()},
      {S("detail"), S(ev.detail)},
  });
}

Value MuteToValue(const Mute& m) {
  std::vector<std::pair<Value, Value>> tags;
  for (const auto& [k, v] : m.tags) tags.emplace_back(S(k), S(v));
  return Value::Object({
      {S("id"), Value::Int(m.id)},
      {S("state"), S(m.state)},
      {S("control"), S(m.control_pattern)},
      {S("resource"), S(m.resource_pattern)},
      {S("fingerprint"), S(m.fingerprint)},
      {S("account"), S(m.account)},
      {S("region"), S(m.region)},
      {S("tags"), Value::Object(std::move(tags))},
      {S("reason"), S(m.reason)},
      {S("requester"), S(m.requester)},
      {S("requested_at"), TimeOrNull(m.requested_at)},
      {S("expires_at"), TimeOrNull(m.expires_at)},
      {S("ticket"), S(m.ticket)},
      {S("approver"), S(m.approver)},
      {S("decided_at"), TimeOrNull(m.decided_at)},
      {S("decision_note"), S(m.decision_note)},
      {S("source"), S(m.source)},
  });
}

Value AlertToValue(const AlertRecord& a) {
  Value fields = a.output_fields;
  if (fields.is_null()) {
    auto parsed = json::ParseJson(a.output_fields_json.empty() ? "{}" : a.output_fields_json);
    fields = parsed.ok() ? std::move(parsed).value() : Value::EmptyObject();
  }
  return Value::Object({
      {S("id"), Value::Int(a.id)},
      {S("time"), S(FormatTimeNs(a.time_ns))},
      {S("last_time"), S(FormatTimeNs(a.last_time_ns ? a.last_time_ns : a.time_ns))},
      {S("count"), Value::Int(a.count)},
      {S("rule"), S(a.rule)},
      {S("priority"), S(a.priority)},
      {S("source"), S(a.source)},
      {S("tags"), Strings(a.tags)},
      {S("output"), S(a.output)},
      {S("output_fields"), fields},
      {S("account"), S(a.account)},
      {S("product"), S(a.product)},
      {S("dedup_key"), S(a.dedup_key)},
  });
}

Value ScanRowToValue(const ScanRow& s) {
  auto parse = [](const std::string& t) {
    auto v = json::ParseJson(t);
    return v.ok() ? std::move(v).value() : Value::Null();
  };
  const ScanSummary& m = s.summary;
  return Value::Object({
      {S("id"), Value::Int(m.scan_id)},
      {S("started_at"), TimeOrNull(s.started_at)},
      {S("finished_at"), TimeOrNull(s.finished_at)},
      {S("recorded_at"), TimeOrNull(s.recorded_at)},
      {S("scope"), parse(s.scope_json)},
      {S("inputs"), parse(s.inputs_json)},
      {S("control_set"), parse(s.control_set_json)},
      {S("counts"), Value::Object({{S("total"), Value::Int(m.total)},
                                   {S("pass"), Value::Int(m.passed)},
                                   {S("fail"), Value::Int(m.failed)},
                                   {S("muted"), Value::Int(m.muted)},
                                   {S("error"), Value::Int(m.errors)},
                                   {S("opened"), Value::Int(m.opened)},
                                   {S("resolved"), Value::Int(m.resolved)},
                                   {S("reopened"), Value::Int(m.reopened)}})},
  });
}

std::string RenderTable(const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> width(header.size(), 0);
  auto measure = [&](const std::vector<std::string>& r) {
    for (size_t i = 0; i < r.size() && i < width.size(); ++i)
      width[i] = std::max(width[i], r[i].size());
  };
  measure(header);
  for (const auto& r : rows) measure(r);
  std::string out;
  auto line = [&](const std::vector<std::string>& r) {
    std::string l;
    for (size_t i = 0; i < r.size() && i < width.size(); ++i) {
      l += r[i];
      if (i + 1 < r.size()) l.append(width[i] - r[i].size() + 2, ' ');
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  line(header);
  for (const auto& r : rows) line(r);
  return out;
}

Result<int64_t> ParseTimeArg(std::string_view s) {
  std::string str(s);
  if (!str.empty() &&
      std::all_of(str.begin(), str.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      str.size() != 8) {
    return static_cast<int64_t>(std::stoll(str));
  }
  int y, mo, d, h = 0, mi = 0, se = 0;
  char tail = 0;
  std::tm tm{};
  if (std::sscanf(str.c_str(), "%4d-%2d-%2d", &y, &mo, &d) != 3 || str.size() < 10) {
    return InvalidArgument("'" + str +
                           "' is not a date (YYYY-MM-DD), an RFC 3339 time or unix seconds");
  }
  if (str.size() > 10) {
    if (std::sscanf(str.c_str() + 10, "%c%2d:%2d:%2d", &tail, &h, &mi, &se) != 4 ||
        (tail != 'T' && tail != 't' && tail != ' ')) {
      return InvalidArgument("'" + str + "' is not a date (YYYY-MM-DD) or an RFC 3339 time");
    }
  }
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = se;
  int64_t t = timegm(&tm);
  // An explicit offset (+02:00 / -05:00) after the seconds.
  auto plus = str.find_first_of("+-", 19);
  if (str.size() > 19 && plus != std::string::npos) {
    int oh = 0, om = 0;
    if (std::sscanf(str.c_str() + plus + 1, "%2d:%2d", &oh, &om) == 2) {
      int64_t off = (oh * 3600 + om * 60) * (str[plus] == '+' ? 1 : -1);
      t -= off;
    }
  }
  return t;
}

Result<int64_t> ParseDurationArg(std::string_view s) {
  if (s.empty()) return InvalidArgument("empty duration");
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == 0 || i > 12)
    return InvalidArgument("'" + std::string(s) + "' is not a duration (e.g. 30d, 12h)");
  int64_t n = std::stoll(std::string(s.substr(0, i)));
  std::string_view unit = s.substr(i);
  if (unit.empty() || unit == "s") return n;
  if (unit == "m") return n * 60;
  if (unit == "h") return n * 3600;
  if (unit == "d") return n * 86400;
  if (unit == "w") return n * 7 * 86400;
  return InvalidArgument("'" + std::string(s) + "': unknown duration unit (use s, m, h, d or w)");
}

}  // namespace kumo::store
