#include "detect/event_reader.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace kumo::detect {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool Has(simdjson::dom::object o, std::string_view key, element* out = nullptr) {
  element e;
  if (o.at_key(key).get(e) != simdjson::SUCCESS) return false;
  if (out) *out = e;
  return true;
}

bool StringAt(simdjson::dom::object o, std::string_view key, std::string_view* s) {
  element e;
  if (!Has(o, key, &e) || e.type() != element_type::STRING) return false;
  *s = e.get_string().value_unsafe();
  return true;
}

int B64(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

bool Base64Decode(std::string_view in, std::string* out) {
  out->clear();
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=' || c == '\n' || c == '\r') continue;
    int v = B64(c);
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  return true;
}

}  // namespace

void ReadStats::Add(const ReadStats& o) {
  records += o.records;
  events += o.events;
  for (int i = 0; i < kSourceCount; ++i) per_source[i] += o.per_source[i];
  skipped += o.skipped;
  for (const auto& [k, v] : o.skipped_by_reason) skipped_by_reason[k] += v;
  time_fallback += o.time_fallback;
  bytes += o.bytes;
}

const std::vector<std::string>& EventEnvelopeKeys() {
  static const std::vector<std::string> keys = {"Records", "records",  "value",
                                                "Events",  "messages", "entries"};
  return keys;
}

EventReader::EventReader(std::unique_ptr<json::RecordReader> r, EventReaderOptions o)
    : reader_(std::move(r)), opts_(std::move(o)) {}

namespace {
json::RecordReaderOptions ReaderOptions(const EventReaderOptions& o) {
  json::RecordReaderOptions ro;
  ro.envelope_keys = EventEnvelopeKeys();
  ro.json_lines = o.json_lines;
  return ro;
}
}  // namespace

Result<std::unique_ptr<EventReader>> EventReader::Open(const std::string& path,
                                                       EventReaderOptions options) {
  auto r = json::RecordReader::Open(path, ReaderOptions(options));
  if (!r.ok()) return r.status();
  return std::unique_ptr<EventReader>(new EventReader(std::move(r).value(), std::move(options)));
}

Result<std::unique_ptr<EventReader>> EventReader::FromBuffer(const std::string& name,
                                                             std::string_view bytes,
                                                             EventReaderOptions options) {
  auto r = json::RecordReader::FromBuffer(name, bytes, ReaderOptions(options));
  if (!r.ok()) return r.status();
  return std::unique_ptr<EventReader>(new EventReader(std::move(r).value(), std::move(options)));
}

void EventReader::FlushReaderDiagnostics() {
  const auto& items = reader_->diagnostics().items();
  for (; reader_diags_seen_ < items.size(); ++reader_diags_seen_) {
    const Diagnostic& d = items[reader_diags_seen_];
    if (d.severity == Severity::kError) {
      ++stats_.skipped;
      ++stats_.skipped_by_reason[d.code];
    }
    if (opts_.on_diagnostic) opts_.on_diagnostic(d);
  }
}

void EventReader::Skip(const json::Record& rec, const std::string& code,
                       const std::string& reason) {
  ++stats_.skipped;
  ++stats_.skipped_by_reason[code];
  if (opts_.on_diagnostic) {
    Diagnostic d;
    d.code = code;
    d.severity = Severity::kError;
    d.message = reason;
    d.where.file = reader_->name();
    d.where.line = static_cast<uint32_t>(rec.line);
    d.where.record = rec.index;
    opts_.on_diagnostic(d);
  }
}

bool EventReader::Classify(EvalContext& ctx, element rec, Event* ev, std::string* reason) {
  simdjson::dom::object obj;
  if (rec.get_object().get(obj) != simdjson::SUCCESS) {
    *reason = "the record is not a JSON object";
    return false;
  }
  element e;
  std::string_view s;
  auto parse_inner = [&](std::string_view text, element* out) -> bool {
    decoded_.reserve(text.size() + simdjson::SIMDJSON_PADDING);
    decoded_.assign(text);
    auto err = ctx.inner_parser().parse(decoded_).get(*out);
    if (err != simdjson::SUCCESS) {
      *reason = std::string("embedded JSON does not parse: ") + simdjson::error_message(err);
      return false;
    }
    return true;
  };
  auto pubsub = [&](element* out) -> bool {
    element msg;
    std::string_view data;
    if (!Has(obj, "message", &msg) || msg.type() != element_type::OBJECT ||
        !StringAt(AsObject(msg), "data", &data)) {
      return false;
    }
    std::string raw;
    if (!Base64Decode(data, &raw)) {
      *reason = "Pub/Sub message.data is not valid base64";
      return false;
    }
    return parse_inner(raw, out);
  };

  Source src;
  element root = rec;
  bool rest = false;
  bool found = false;
  if (Has(obj, "detail", &e) && e.type() == element_type::OBJECT && Has(obj, "detail-type")) {
    src = Source::kAwsCloudTrail;
    root = e;
    found = true;
  } else if (StringAt(obj, "CloudTrailEvent", &s)) {
    if (!parse_inner(s, &root)) return false;
    src = Source::kAwsCloudTrail;
    found = true;
  } else if (Has(obj, "eventName") &&
             (Has(obj, "eventSource") || Has(obj, "eventVersion") || Has(obj, "userIdentity"))) {
    src = Source::kAwsCloudTrail;
    found = true;
  } else if (Has(obj, "protoPayload")) {
    src = Source::kGcpAuditLog;
    found = true;
  } else if (Has(obj, "message", &e) && e.type() == element_type::OBJECT) {
    if (!pubsub(&root)) {
      if (reason->empty()) *reason = "Pub/Sub envelope without message.data";
      return false;
    }
    src = Source::kGcpAuditLog;
    found = true;
  } else if (Has(obj, "operationName", &e) &&
             (Has(obj, "resourceId") || Has(obj, "category") || Has(obj, "eventTimestamp"))) {
    src = Source::kAzureActivity;
    rest = e.type() == element_type::OBJECT || Has(obj, "eventTimestamp");
    found = true;
  }
  if (opts_.force_source) {
    if (!found) {
      root = rec;
      if (opts_.source == Source::kAzureActivity) {
        rest = Has(obj, "operationName", &e) && e.type() == element_type::OBJECT;
      }
    }
    src = opts_.source;
    found = true;
  }
  if (!found) {
    *reason = "unrecognized record: not a CloudTrail record, GCP LogEntry or Azure activity record";
    return false;
  }
  ev->source = src;
  ev->root = root;
  ev->azure_rest = rest;
  std::string_view t;
  simdjson::dom::object robj = AsObject(root);
  bool have_time = false;
  if (root.type() == element_type::OBJECT) {
    switch (src) {
      case Source::kAwsCloudTrail: have_time = StringAt(robj, "eventTime", &t); break;
      case Source::kGcpAuditLog: have_time = StringAt(robj, "timestamp", &t); break;
      default:
        have_time =
            StringAt(robj, rest ? "eventTimestamp" : "time", &t) || StringAt(robj, "time", &t);
    }
  }
  if (have_time && ParseRfc3339(t, &ev->time_ns)) {
    ev->time_from_record = true;
  } else {
    ev->time_ns = NowNs();
    ev->time_from_record = false;
    ++stats_.time_fallback;
  }
  return true;
}

bool EventReader::Next(EvalContext& ctx, Event* ev) {
  json::Record rec;
  while (reader_->Next(&rec)) {
    FlushReaderDiagnostics();
    ++stats_.records;
    element root;
    auto err =
        ctx.parser().parse(rec.text.data(), rec.text.size(), /*realloc_if_needed=*/false).get(root);
    if (err != simdjson::SUCCESS) {
      Skip(rec, "json_parse_error", std::string("malformed JSON: ") + simdjson::error_message(err));
      continue;
    }
    std::string reason;
    if (!Classify(ctx, root, ev, &reason)) {
      Skip(rec, reason.rfind("unrecognized", 0) == 0 ? "unrecognized_record" : "bad_envelope",
           reason);
      continue;
    }
    ++stats_.events;
    ++stats_.per_source[static_cast<int>(ev->source)];
    stats_.bytes = reader_->bytes_read();
    return true;
  }
  FlushReaderDiagnostics();
  stats_.bytes = reader_->bytes_read();
  return false;
}

std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths, Diagnostics* diags) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p == "-" || !fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) found.push_back(it->path().string());
    }
    if (ec) {
      diags->Error("io_error", "cannot list directory: " + ec.message(), SourceLocation{p});
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace kumo::detect
