#include "detect/event_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

#include "common/base64.h"

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

// The top-level members Classify() looks at, found in one pass over the
// record's keys (the first of duplicate keys wins, as with at_key()).
struct TopKeys {
  enum Key {
    kDetail,
    kDetailType,
    kCloudTrailEvent,
    kEventName,
    kEventSource,
    kEventVersion,
    kUserIdentity,
    kProtoPayload,
    kMessage,
    kOperationName,
    kResourceId,
    kCategory,
    kEventTimestamp,
    kEventTime,
    kTimestamp,
    kTime,
    kCount
  };
  element v[kCount];
  uint32_t found = 0;

  explicit TopKeys(simdjson::dom::object o) {
    static constexpr std::string_view kNames[kCount] = {
        "detail",         "detail-type",   "CloudTrailEvent", "eventName",
        "eventSource",    "eventVersion",  "userIdentity",    "protoPayload",
        "message",        "operationName", "resourceId",      "category",
        "eventTimestamp", "eventTime",     "timestamp",       "time"};
    for (simdjson::dom::key_value_pair kv : o) {
      std::string_view k = kv.key;
      for (int i = 0; i < kCount; ++i) {
        if (kNames[i].size() == k.size() && kNames[i] == k) {
          if (!(found & (1u << i))) {
            found |= 1u << i;
            v[i] = kv.value;
          }
          break;
        }
      }
    }
  }
  bool has(Key k) const { return (found & (1u << k)) != 0; }
  bool get(Key k, element* out) const {
    if (!has(k)) return false;
    *out = v[k];
    return true;
  }
  bool str(Key k, std::string_view* out) const {
    if (!has(k) || v[k].type() != element_type::STRING) return false;
    *out = v[k].get_string().value_unsafe();
    return true;
  }
};

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

// JSON Lines fast path: splits the input at newlines (memchr) in a sliding
// window, so a line's bytes are scanned once by simdjson instead of first by
// json::RecordReader's boundary scanner. Memory stays bounded by the
// longest line (at most the record size limit plus one chunk).
class EventReader::LineSource {
 public:
  static constexpr size_t kChunk = 1u << 20;

  // Reads the open file `fd` (owned); `head` holds its first bytes.
  LineSource(int fd, std::string_view head) : fd_(fd) {
    Resize(std::max(kChunk, head.size()));
    std::memcpy(buf_.data(), head.data(), head.size());
    end_ = head.size();
    bytes_read_ = head.size();
  }
  // Serves `bytes` from memory.
  explicit LineSource(std::string_view bytes) {
    Resize(bytes.size());
    std::memcpy(buf_.data(), bytes.data(), bytes.size());
    end_ = bytes.size();
    bytes_read_ = bytes.size();
    eof_ = true;
  }
  ~LineSource() {
    if (fd_ >= 0) ::close(fd_);
  }
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;

  // The next line (without its '\n'; followed in memory by at least
  // json::kRecordPadding readable bytes) and its 1-based number. Sets
  // *too_long (and skips the line) when it exceeds `max_len` bytes.
  // False at the end of input; *error is set when reading failed.
  bool Next(size_t max_len, std::string_view* line, uint64_t* lineno, bool* too_long,
            std::string* error) {
    size_t searched = pos_;
    for (;;) {
      const void* nl =
          searched < end_ ? std::memchr(buf_.data() + searched, '\n', end_ - searched) : nullptr;
      if (nl != nullptr || (eof_ && (pos_ < end_ || skipping_))) {
        size_t stop =
            nl != nullptr ? static_cast<size_t>(static_cast<const char*>(nl) - buf_.data()) : end_;
        *line = std::string_view(buf_.data() + pos_, stop - pos_);
        *lineno = ++line_;
        pos_ = nl != nullptr ? stop + 1 : stop;
        *too_long = skipping_ || line->size() > max_len;
        if (skipping_) *line = {};
        skipping_ = false;
        return true;
      }
      if (eof_) return false;
      if (!skipping_ && end_ - pos_ > max_len) skipping_ = true;
      if (skipping_) pos_ = end_ = 0;  // drop the too-long line's bytes
      size_t done = end_ - pos_;       // bytes already searched
      if (!Fill(max_len, error)) {
        if (!error->empty()) return false;
        eof_ = true;
      }
      searched = pos_ + done;
    }
  }

  uint64_t bytes_read() const { return bytes_read_; }
  size_t max_buffer() const { return max_buffer_; }

 private:
  void Resize(size_t cap) {
    cap_ = cap;
    buf_.resize(cap_ + json::kRecordPadding);
    max_buffer_ = std::max(max_buffer_, buf_.size());
  }

  // Reads more bytes, keeping [pos_, end_). False at end of input.
  bool Fill(size_t max_len, std::string* error) {
    if (fd_ < 0) return false;
    if (pos_ > 0) {
      std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
      end_ -= pos_;
      pos_ = 0;
    }
    if (cap_ - end_ < kChunk / 4)
      Resize(std::min(std::max(cap_ * 2, end_ + kChunk), max_len + kChunk));
    for (;;) {
      ssize_t r = ::read(fd_, buf_.data() + end_, cap_ - end_);
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) {
        *error = std::strerror(errno);
        return false;
      }
      if (r == 0) return false;
      end_ += static_cast<size_t>(r);
      bytes_read_ += static_cast<uint64_t>(r);
      return true;
    }
  }

  int fd_ = -1;
  std::vector<char> buf_;
  size_t cap_ = 0, pos_ = 0, end_ = 0;
  bool eof_ = false;
  bool skipping_ = false;
  uint64_t line_ = 0;
  uint64_t bytes_read_ = 0;
  size_t max_buffer_ = 0;
};

EventReader::EventReader(std::string name, EventReaderOptions o)
    : name_(std::move(name)), opts_(std::move(o)) {}

EventReader::~EventReader() = default;

namespace {
json::RecordReaderOptions ReaderOptions(const EventReaderOptions& o) {
  json::RecordReaderOptions ro;
  ro.envelope_keys = EventEnvelopeKeys();
  ro.json_lines = o.json_lines;
  return ro;
}

bool NamedAsLines(std::string_view name) {
  auto ends = [&](std::string_view suf) {
    return name.size() >= suf.size() && name.substr(name.size() - suf.size()) == suf;
  };
  return ends(".jsonl") || ends(".ndjson");
}

// Whether the first bytes allow the fast path: not gzip, no BOM, no UTF-16
// (json::RecordReader handles and diagnoses those).
bool PlainStart(std::string_view head) {
  const auto* u = reinterpret_cast<const unsigned char*>(head.data());
  if (head.size() >= 2 && ((u[0] == 0x1f && u[1] == 0x8b) || (u[0] == 0xFF && u[1] == 0xFE) ||
                           (u[0] == 0xFE && u[1] == 0xFF))) {
    return false;
  }
  if (head.size() >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) return false;
  return std::memchr(head.data(), 0, std::min<size_t>(head.size(), 64)) == nullptr;
}

// Whether a top-level object has a member named like an envelope key (such
// lines are envelopes for json::RecordReader when the member is an array).
bool HasEnvelopeKey(simdjson::dom::object o) {
  for (simdjson::dom::key_value_pair kv : o) {
    std::string_view k = kv.key;
    if (k.size() < 5 || k.size() > 8) continue;
    switch (k[0]) {
      case 'R':
      case 'r':
      case 'v':
      case 'E':
      case 'm':
      case 'e':
        for (const std::string& e : EventEnvelopeKeys()) {
          if (k == e) return true;
        }
        break;
      default: break;
    }
  }
  return false;
}
}  // namespace

Result<std::unique_ptr<EventReader>> EventReader::Open(const std::string& path,
                                                       EventReaderOptions options) {
  if (options.line_fast_path && path != "-" && (options.json_lines || NamedAsLines(path))) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
      std::string head(LineSource::kChunk, '\0');
      size_t got = 0;
      bool ok = true;
      while (got < head.size()) {
        ssize_t r = ::read(fd, head.data() + got, head.size() - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
          ok = r == 0;
          break;
        }
        got += static_cast<size_t>(r);
      }
      head.resize(got);
      if (ok && PlainStart(head)) {
        std::unique_ptr<EventReader> er(new EventReader(path, std::move(options)));
        er->lines_ = std::make_unique<LineSource>(fd, head);
        return er;
      }
    }
    if (fd >= 0) ::close(fd);  // json::RecordReader opens and diagnoses it
  }
  auto r = json::RecordReader::Open(path, ReaderOptions(options));
  if (!r.ok()) return r.status();
  std::unique_ptr<EventReader> er(new EventReader(path, std::move(options)));
  er->name_ = (*r)->name();
  er->reader_ = std::move(r).value();
  return er;
}

Result<std::unique_ptr<EventReader>> EventReader::FromBuffer(const std::string& name,
                                                             std::string_view bytes,
                                                             EventReaderOptions options) {
  if (options.line_fast_path && (options.json_lines || NamedAsLines(name)) &&
      PlainStart(bytes.substr(0, 64))) {
    std::unique_ptr<EventReader> er(new EventReader(name, std::move(options)));
    er->lines_ = std::make_unique<LineSource>(bytes);
    return er;
  }
  auto r = json::RecordReader::FromBuffer(name, bytes, ReaderOptions(options));
  if (!r.ok()) return r.status();
  std::unique_ptr<EventReader> er(new EventReader(name, std::move(options)));
  er->name_ = (*r)->name();
  er->reader_ = std::move(r).value();
  return er;
}

size_t EventReader::max_buffer_bytes() const {
  size_t m = max_window_;
  if (lines_) m = std::max(m, lines_->max_buffer());
  if (reader_) m = std::max(m, reader_->max_buffer_bytes());
  return m;
}

void EventReader::FlushReaderDiagnostics() {
  const auto& items = reader_->diagnostics().items();
  for (; reader_diags_seen_ < items.size(); ++reader_diags_seen_) {
    Diagnostic d = items[reader_diags_seen_];
    if (lines_) {  // a fallback line: shift to the file's numbering
      d.where.line = static_cast<uint32_t>(std::min<uint64_t>(
          static_cast<uint64_t>(static_cast<int64_t>(d.where.line) + line_offset_), UINT32_MAX));
      d.where.record += record_offset_;
      records_seen_ = std::max(records_seen_, d.where.record);
    }
    Report(std::move(d));
  }
}

void EventReader::Report(Diagnostic d) {
  if (d.severity == Severity::kError) {
    ++stats_.skipped;
    ++stats_.skipped_by_reason[d.code];
  }
  if (opts_.on_diagnostic) opts_.on_diagnostic(d);
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
    d.where.file = name_;
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
  bool root_is_rec = true;
  const TopKeys keys(obj);
  using K = TopKeys;
  if (keys.get(K::kDetail, &e) && e.type() == element_type::OBJECT && keys.has(K::kDetailType)) {
    src = Source::kAwsCloudTrail;
    root = e;
    root_is_rec = false;
    found = true;
  } else if (keys.str(K::kCloudTrailEvent, &s)) {
    if (!parse_inner(s, &root)) return false;
    root_is_rec = false;
    src = Source::kAwsCloudTrail;
    found = true;
  } else if (keys.has(K::kEventName) && (keys.has(K::kEventSource) || keys.has(K::kEventVersion) ||
                                         keys.has(K::kUserIdentity))) {
    src = Source::kAwsCloudTrail;
    found = true;
  } else if (keys.has(K::kProtoPayload)) {
    src = Source::kGcpAuditLog;
    found = true;
  } else if (keys.get(K::kMessage, &e) && e.type() == element_type::OBJECT) {
    if (!pubsub(&root)) {
      if (reason->empty()) *reason = "Pub/Sub envelope without message.data";
      return false;
    }
    root_is_rec = false;
    src = Source::kGcpAuditLog;
    found = true;
  } else if (keys.get(K::kOperationName, &e) &&
             (keys.has(K::kResourceId) || keys.has(K::kCategory) || keys.has(K::kEventTimestamp))) {
    src = Source::kAzureActivity;
    rest = e.type() == element_type::OBJECT || keys.has(K::kEventTimestamp);
    found = true;
  }
  if (opts_.force_source) {
    if (!found) {
      root = rec;
      if (opts_.source == Source::kAzureActivity) {
        rest = keys.get(K::kOperationName, &e) && e.type() == element_type::OBJECT;
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
  bool have_time = false;
  if (root.type() == element_type::OBJECT) {
    // The record itself is the event in most cases: reuse its keys.
    const bool same = root_is_rec;
    auto at = [&](K::Key k, std::string_view name) {
      return same ? keys.str(k, &t) : StringAt(AsObject(root), name, &t);
    };
    switch (src) {
      case Source::kAwsCloudTrail: have_time = at(K::kEventTime, "eventTime"); break;
      case Source::kGcpAuditLog: have_time = at(K::kTimestamp, "timestamp"); break;
      default:
        have_time = (rest ? at(K::kEventTimestamp, "eventTimestamp") : at(K::kTime, "time")) ||
                    at(K::kTime, "time");
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
  if (lines_) return NextFromLines(ctx, ev);
  bool got = NextFromReader(ctx, ev);
  stats_.bytes = reader_->bytes_read();
  return got;
}

bool EventReader::NextFromReader(EvalContext& ctx, Event* ev) {
  json::Record rec;
  while (reader_->Next(&rec)) {
    FlushReaderDiagnostics();
    if (lines_) {
      rec.index += record_offset_;
      rec.line = static_cast<uint64_t>(static_cast<int64_t>(rec.line) + line_offset_);
      records_seen_ = std::max(records_seen_, rec.index);
    }
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
    return true;
  }
  FlushReaderDiagnostics();
  return false;
}

bool EventReader::NextFromLines(EvalContext& ctx, Event* ev) {
  const size_t max_len = json::JsonLimits{}.max_record_bytes;
  for (;;) {
    if (reader_) {
      if (NextFromReader(ctx, ev)) return true;
      max_window_ = std::max(max_window_, reader_->max_buffer_bytes());
      reader_.reset();
      reader_diags_seen_ = 0;
    }
    std::string_view line;
    uint64_t lineno = 0;
    bool too_long = false;
    std::string error;
    bool more = lines_->Next(max_len, &line, &lineno, &too_long, &error);
    stats_.bytes = lines_->bytes_read();
    if (!more) {
      if (!error.empty()) {
        Diagnostic d;
        d.code = "json_read_error";
        d.severity = Severity::kError;
        d.message = error;
        d.where.file = name_;
        d.where.line = static_cast<uint32_t>(std::min<uint64_t>(lineno, UINT32_MAX));
        d.where.record = records_seen_;
        Report(std::move(d));
      }
      return false;
    }
    if (too_long) {  // as json::RecordReader reports it
      Diagnostic d;
      d.code = "json_record_too_large";
      d.severity = Severity::kError;
      d.message = "line is longer than the limit of " + std::to_string(max_len) + " bytes";
      d.where.file = name_;
      d.where.line = static_cast<uint32_t>(std::min<uint64_t>(lineno, UINT32_MAX));
      d.where.record = ++records_seen_;
      Report(std::move(d));
      continue;
    }
    size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    if (i == line.size()) continue;  // blank line
    element root;
    simdjson::dom::object obj;
    if (ctx.parser().parse(line.data(), line.size(), /*realloc_if_needed=*/false).get(root) !=
            simdjson::SUCCESS ||
        root.get_object().get(obj) != simdjson::SUCCESS || HasEnvelopeKey(obj)) {
      // Not one plain JSON object: json::RecordReader delimits and
      // diagnoses the line. The blank prefix keeps its start-of-input
      // checks (BOM, UTF-16) from applying to a line in the middle.
      std::string text(kFallbackPrefix, '\n');
      text.append(line);
      json::RecordReaderOptions ro = ReaderOptions(opts_);
      ro.json_lines = true;
      ro.chunk_bytes = text.size() + json::kRecordPadding;  // one small window, not 1 MiB
      auto r = json::RecordReader::FromBuffer(name_, text, ro);
      if (!r.ok()) return false;  // cannot happen: the prefix passes the checks
      reader_ = std::move(r).value();
      reader_diags_seen_ = 0;
      record_offset_ = records_seen_;
      line_offset_ = static_cast<int64_t>(lineno) - 1 - static_cast<int64_t>(kFallbackPrefix);
      continue;
    }
    json::Record rec;
    rec.index = ++records_seen_;
    rec.line = lineno;
    ++stats_.records;
    std::string reason;
    if (!Classify(ctx, root, ev, &reason)) {
      Skip(rec, reason.rfind("unrecognized", 0) == 0 ? "unrecognized_record" : "bad_envelope",
           reason);
      continue;
    }
    ++stats_.events;
    ++stats_.per_source[static_cast<int>(ev->source)];
    return true;
  }
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
