// RecordReader implementation: byte sources (file, stdin, memory, gzip),
// a sliding read window and a resumable boundary scanner.
#include "json/record_reader.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace kumo::json {

std::string_view LayoutName(Layout l) {
  switch (l) {
    case Layout::kUnknown: return "unknown";
    case Layout::kSingle: return "single";
    case Layout::kLines: return "json_lines";
    case Layout::kConcatenated: return "concatenated";
    case Layout::kArray: return "array";
    case Layout::kEnvelope: return "envelope";
  }
  return "unknown";
}

namespace {

// ---------------------------------------------------------------------------
// Byte sources

class Source {
 public:
  virtual ~Source() = default;
  // Up to `n` bytes into `dst`; 0 at the end of input.
  virtual Result<size_t> Read(char* dst, size_t n) = 0;
};

class FdSource final : public Source {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  Result<size_t> Read(char* dst, size_t n) override {
    for (;;) {
      ssize_t r = ::read(fd_, dst, n);
      if (r >= 0) return static_cast<size_t>(r);
      if (errno == EINTR) continue;
      return IoError(std::string("read failed: ") + std::strerror(errno));
    }
  }

 private:
  int fd_;
  bool owned_;
};

class MemorySource final : public Source {
 public:
  explicit MemorySource(std::string_view bytes) : data_(bytes) {}
  Result<size_t> Read(char* dst, size_t n) override {
    size_t k = std::min(n, data_.size() - pos_);
    std::memcpy(dst, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string data_;
  size_t pos_ = 0;
};

// Inflates gzip data from `inner`; concatenated gzip members are read one
// after another (as gzip -d does).
class GzipSource final : public Source {
 public:
  GzipSource(std::unique_ptr<Source> inner, std::string first_bytes)
      : inner_(std::move(inner)), in_(std::max<size_t>(first_bytes.size(), 256u * 1024)) {
    std::memcpy(in_.data(), first_bytes.data(), first_bytes.size());
    zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
    zs_.avail_in = static_cast<uInt>(first_bytes.size());
    init_ok_ = inflateInit2(&zs_, 16 + MAX_WBITS) == Z_OK;
  }
  ~GzipSource() override { inflateEnd(&zs_); }

  Result<size_t> Read(char* dst, size_t n) override {
    if (!init_ok_) return Internal("cannot initialise zlib");
    if (done_) return size_t{0};
    zs_.next_out = reinterpret_cast<Bytef*>(dst);
    zs_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    const uInt want = zs_.avail_out;
    while (zs_.avail_out == want) {
      if (zs_.avail_in == 0 && !inner_eof_) {
        auto r = inner_->Read(in_.data(), in_.size());
        if (!r.ok()) return r.status();
        if (*r == 0) {
          inner_eof_ = true;
        } else {
          zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
          zs_.avail_in = static_cast<uInt>(*r);
        }
      }
      if (zs_.avail_in == 0 && inner_eof_) {
        if (!member_ended_) return IoError("gzip data is truncated");
        done_ = true;
        break;
      }
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        member_ended_ = true;
        // Another member may follow; trailing zero bytes are tolerated.
        if (!SkipZeroPadding()) {
          done_ = true;
          break;
        }
        inflateReset(&zs_);
        continue;
      }
      if (rc == Z_BUF_ERROR) continue;  // needs more input
      if (rc != Z_OK) {
        return IoError(std::string("corrupt gzip data: ") + (zs_.msg ? zs_.msg : "inflate failed"));
      }
      member_ended_ = false;
    }
    return static_cast<size_t>(want - zs_.avail_out);
  }

 private:
  // After a member: false when only zero bytes (or nothing) remain.
  bool SkipZeroPadding() {
    for (;;) {
      while (zs_.avail_in > 0 && *zs_.next_in == 0) {
        ++zs_.next_in;
        --zs_.avail_in;
      }
      if (zs_.avail_in > 0) return true;
      if (inner_eof_) return false;
      auto r = inner_->Read(in_.data(), in_.size());
      if (!r.ok() || *r == 0) {
        inner_eof_ = true;
        return false;
      }
      zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
      zs_.avail_in = static_cast<uInt>(*r);
    }
  }

  std::unique_ptr<Source> inner_;
  std::vector<char> in_;
  z_stream zs_{};
  bool init_ok_ = false;
  bool inner_eof_ = false;
  bool member_ended_ = false;
  bool done_ = false;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

inline bool IsWs(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
inline bool IsScalarDelim(char c) {
  return IsWs(c) || c == ',' || c == ']' || c == '}' || c == '[' || c == '{' || c == '"' ||
         c == ':';
}

// ---------------------------------------------------------------------------
// The reader

class StreamReader final : public RecordReader {
 public:
  StreamReader(std::string name, RecordReaderOptions options, std::unique_ptr<Source> src)
      : name_(std::move(name)), opt_(std::move(options)), src_(std::move(src)) {
    if (opt_.chunk_bytes < 4096) opt_.chunk_bytes = 4096;
    lines_mode_ = opt_.json_lines || EndsWith(name_, ".jsonl") || EndsWith(name_, ".ndjson") ||
                  EndsWith(name_, ".jsonl.gz") || EndsWith(name_, ".ndjson.gz");
    max_cap_ = opt_.limits.max_record_bytes + opt_.chunk_bytes;
  }

  Status Init() {
    // Peek at the first bytes to recognise gzip.
    std::string head(std::min<size_t>(opt_.chunk_bytes, 64u * 1024), '\0');
    size_t got = 0;
    while (got < 2) {
      auto r = src_->Read(head.data() + got, head.size() - got);
      if (!r.ok()) return IoError(name_ + ": " + r.status().message());
      if (*r == 0) break;
      got += *r;
    }
    head.resize(got);
    Resize(opt_.chunk_bytes);
    if (got >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
        static_cast<unsigned char>(head[1]) == 0x8b) {
      src_ = std::make_unique<GzipSource>(std::move(src_), std::move(head));
    } else {
      std::memcpy(buf_.data(), head.data(), head.size());
      end_ = head.size();
      bytes_read_ = head.size();
      if (got == 0) eof_ = true;
    }
    // Make sure the first few bytes are in for the encoding checks.
    while (end_ < 4 && !eof_) {
      if (!Fill(0)) break;
    }
    if (read_failed_) return IoError(name_ + ": " + diags_.items().back().message);
    const auto* u = reinterpret_cast<const unsigned char*>(buf_.data());
    if (end_ >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
      return Utf16Error();
    }
    if (end_ >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
      pos_ = line_pos_ = 3;
    } else {
      size_t n = std::min<size_t>(end_, 64);
      if (std::memchr(buf_.data(), 0, n) != nullptr) return Utf16Error();
    }
    return Status::Ok();
  }

  bool Next(Record* out) override {
    for (;;) {
      switch (mode_) {
        case Mode::kTop: {
          int c = Peek();
          if (c < 0) {
            if (lines_mode_ && line_active_) {
              line_active_ = false;
              continue;
            }
            return false;
          }
          if (lines_mode_ && line_active_) {
            // Something follows the line's value on the same line.
            Error("json_trailing_content", "unexpected content after the value on this line",
                  LineAt(pos_), record_index_);
            SkipLine();
            continue;
          }
          StartTop();
          if (lines_mode_ && !BeginLine()) continue;
          if (c == '}' || c == ']' || c == ',' || c == ':') {
            Unexpected(static_cast<char>(c));
            continue;
          }
          if (c == '[' && opt_.unwrap_array) {
            ++pos_;
            mode_ = Mode::kArray;
            env_key_ = {};
            if (top_count_ == 1) layout_ = Layout::kArray;
            continue;
          }
          bool probe = c == '{' && !opt_.envelope_keys.empty();
          switch (ScanRecord(probe)) {
            case ScanOutcome::kRecord:
              if (top_count_ == 1 && layout_ == Layout::kUnknown) {
                layout_ = lines_mode_ ? Layout::kLines : Layout::kSingle;
              }
              Emit(out, {});
              TopDone();
              return true;
            case ScanOutcome::kEnvelope: {
              const std::string* key = FindEnvelopeKey(
                  std::string_view(buf_.data() + scan_.key_start, scan_.key_end - scan_.key_start));
              env_key_ = key != nullptr ? std::string_view(*key) : std::string_view();
              ++pos_;  // the '['
              mode_ = Mode::kArray;
              in_envelope_ = true;
              if (top_count_ == 1) layout_ = Layout::kEnvelope;
              continue;
            }
            case ScanOutcome::kSkipped: TopDone(); continue;
          }
          continue;
        }
        case Mode::kArray: {
          int c = Peek();
          if (c < 0) {
            Error("json_unterminated",
                  std::string(in_envelope_ ? "envelope array" : "top-level array") +
                      " is not closed (missing ']') at end of " + (lines_mode_ ? "line" : "input"),
                  LineAt(pos_), record_index_);
            EndTopAfterError();
            continue;
          }
          if (c == ']') {
            ++pos_;
            if (in_envelope_) {
              mode_ = Mode::kEnvelopeObject;
            } else {
              mode_ = Mode::kTop;
              TopDone();
            }
            continue;
          }
          if (c == ',') {
            ++pos_;
            continue;
          }
          if (c == '}' || c == ':') {
            Unexpected(static_cast<char>(c));
            continue;
          }
          if (ScanRecord(false) == ScanOutcome::kRecord) {
            Emit(out, env_key_);
            return true;
          }
          continue;
        }
        case Mode::kEnvelopeObject: {
          int c = Peek();
          if (c < 0) {
            Error("json_unterminated", "envelope object is not closed (missing '}')", LineAt(pos_),
                  record_index_);
            EndTopAfterError();
            continue;
          }
          if (c == '}') {
            ++pos_;
            mode_ = Mode::kTop;
            in_envelope_ = false;
            TopDone();
            continue;
          }
          if (c == ',') {
            ++pos_;
            continue;
          }
          if (c != '"') {
            Unexpected(static_cast<char>(c));
            continue;
          }
          // A member: key, ':' and value.
          if (ScanRecord(false, /*discard=*/false, /*count=*/false) != ScanOutcome::kRecord) {
            continue;
          }
          std::string key(buf_.data() + rec_start_ + 1, rec_end_ - rec_start_ - 2);
          c = Peek();
          if (c != ':') {
            Error("json_malformed_envelope", "expected ':' after key \"" + key + "\"", LineAt(pos_),
                  record_index_);
            EndTopAfterError();
            continue;
          }
          ++pos_;
          c = Peek();
          if (c < 0) continue;  // reported as unterminated above
          const std::string* match = FindEnvelopeKey(key);
          if (c == '[' && match != nullptr) {
            ++pos_;
            env_key_ = *match;
            mode_ = Mode::kArray;
            continue;
          }
          (void)ScanRecord(false, /*discard=*/true, /*count=*/false);
          continue;
        }
      }
    }
  }

  const Diagnostics& diagnostics() const override { return diags_; }
  Layout layout() const override { return layout_; }
  const std::string& name() const override { return name_; }
  uint64_t bytes_read() const override { return bytes_read_; }
  size_t max_buffer_bytes() const override { return max_buffer_; }

 private:
  enum class Mode { kTop, kArray, kEnvelopeObject };
  enum class ScanOutcome { kRecord, kEnvelope, kSkipped };
  enum class Step { kDone, kMore, kEnvelope, kTooDeep };

  // Resumable state of the boundary scanner for one value.
  struct ScanState {
    size_t start = 0;  // buffer index of the value's first byte
    size_t pos = 0;    // next byte to look at
    size_t depth = 0;
    size_t str_start = 0;
    size_t key_start = 0, key_end = 0;
    char kind = 0;  // '"', '{' (any container) or 's' (scalar)
    bool begun = false;
    bool in_string = false;
    bool escape = false;
    bool probe = false;  // look for an envelope key at depth 1
    bool has_key = false;
    bool after_colon = false;
    bool skipping = false;  // value is being discarded
  };

  Status Utf16Error() {
    return InvalidArgument(name_ +
                           ": file is UTF-16 encoded; convert it to UTF-8 (e.g. iconv -f UTF-16 "
                           "-t UTF-8)");
  }

  void Resize(size_t cap) {
    cap_ = cap;
    buf_.resize(cap_ + kRecordPadding);
    max_buffer_ = std::max(max_buffer_, buf_.size());
  }

  // Reads more input, keeping bytes from `keep_from` on (indices shift).
  // False at end of input or when the window is full.
  bool Fill(size_t keep_from) {
    if (eof_) return false;
    CountLinesTo(keep_from);
    size_t free = cap_ - end_;
    if (keep_from > 0 && free < opt_.chunk_bytes / 2) {
      std::memmove(buf_.data(), buf_.data() + keep_from, end_ - keep_from);
      Shift(keep_from);
      free = cap_ - end_;
    }
    if (free < opt_.chunk_bytes / 4) {
      size_t want = std::max(cap_ * 2, end_ + opt_.chunk_bytes);
      want = std::min(want, max_cap_);
      if (want > cap_) Resize(want);
      free = cap_ - end_;
      if (free == 0) return false;
    }
    auto r = src_->Read(buf_.data() + end_, free);
    if (!r.ok()) {
      Error("json_read_error", r.status().message(), LineAt(std::min(line_pos_, end_)),
            record_index_);
      read_failed_ = true;
      eof_ = true;
      return false;
    }
    if (*r == 0) {
      eof_ = true;
      return false;
    }
    end_ += *r;
    bytes_read_ += *r;
    return true;
  }

  void Shift(size_t d) {
    end_ -= d;
    pos_ -= d;
    line_pos_ = line_pos_ >= d ? line_pos_ - d : 0;
    if (line_active_) line_end_ -= d;
    if (scan_active_) {
      scan_.start = scan_.start >= d ? scan_.start - d : 0;
      scan_.pos -= d;
      scan_.str_start = scan_.str_start >= d ? scan_.str_start - d : 0;
      scan_.key_start = scan_.key_start >= d ? scan_.key_start - d : 0;
      scan_.key_end = scan_.key_end >= d ? scan_.key_end - d : 0;
    }
  }

  void CountLinesTo(size_t p) {
    if (p <= line_pos_) return;
    line_ += static_cast<uint64_t>(std::count(buf_.data() + line_pos_, buf_.data() + p, '\n'));
    line_pos_ = p;
  }
  uint64_t LineAt(size_t p) {
    CountLinesTo(p);
    return line_;
  }

  size_t Limit() const { return line_active_ ? line_end_ : end_; }

  // Skips whitespace; the next byte, or -1 at end of input (or of the
  // current line in JSON Lines mode).
  int Peek() {
    for (;;) {
      size_t limit = Limit();
      const char* b = buf_.data();
      while (pos_ < limit && IsWs(b[pos_])) ++pos_;
      if (pos_ < limit) return static_cast<unsigned char>(b[pos_]);
      if (line_active_) return -1;
      if (!Fill(pos_)) {
        if (pos_ < end_) continue;
        return -1;
      }
    }
  }

  // JSON Lines: makes the whole current line available. False (after a
  // diagnostic) when the line is too long; it is then skipped.
  bool BeginLine() {
    size_t searched = pos_;
    for (;;) {
      const void* nl = std::memchr(buf_.data() + searched, '\n', end_ - searched);
      if (nl != nullptr) {
        line_end_ = static_cast<size_t>(static_cast<const char*>(nl) - buf_.data());
        line_active_ = true;
        return true;
      }
      if (eof_) {
        line_end_ = end_;
        line_active_ = true;
        return true;
      }
      if (end_ - pos_ > opt_.limits.max_record_bytes) {
        ++record_index_;
        Error("json_record_too_large",
              "line is longer than the limit of " + std::to_string(opt_.limits.max_record_bytes) +
                  " bytes",
              LineAt(pos_), record_index_);
        SkipLine();
        return false;
      }
      size_t off = end_ - pos_;  // bytes already searched
      if (!Fill(pos_) && !eof_) {
        // Window full below the limit cannot happen; be safe anyway.
        SkipLine();
        return false;
      }
      searched = pos_ + off;
    }
  }

  // Moves past the rest of the current line (or to the next newline).
  void SkipLine() {
    if (line_active_) {
      pos_ = line_end_;
      line_active_ = false;
      return;
    }
    for (;;) {
      const void* nl = std::memchr(buf_.data() + pos_, '\n', end_ - pos_);
      if (nl != nullptr) {
        pos_ = static_cast<size_t>(static_cast<const char*>(nl) - buf_.data());
        return;
      }
      pos_ = end_;
      if (!Fill(pos_)) return;
    }
  }

  // After an error inside an array or envelope: give up on this top-level
  // value and go on with the next line (JSON Lines) or the next value.
  void EndTopAfterError() {
    mode_ = Mode::kTop;
    in_envelope_ = false;
    if (lines_mode_) SkipLine();
    TopDone();
  }

  void Unexpected(char c) {
    ++record_index_;
    Error("json_unexpected_character",
          std::string("unexpected '") + c + "' where a value should start", LineAt(pos_),
          record_index_);
    // Resynchronise at the next line.
    if (mode_ != Mode::kTop) {
      mode_ = Mode::kTop;
      in_envelope_ = false;
      TopDone();
    }
    SkipLine();
  }

  void StartTop() {
    ++top_count_;
    uint64_t line = LineAt(pos_);
    if (top_count_ == 2) {
      if (!lines_mode_ && first_top_one_line_ && line > first_top_end_line_) lines_mode_ = true;
      if (layout_ == Layout::kSingle || layout_ == Layout::kLines) {
        layout_ = lines_mode_ ? Layout::kLines : Layout::kConcatenated;
      }
    }
    if (top_count_ == 1 && lines_mode_) layout_ = Layout::kLines;
    top_start_line_ = line;
  }

  void TopDone() {
    if (top_count_ == 1 && !first_top_done_) {
      first_top_done_ = true;
      first_top_end_line_ = LineAt(std::min(pos_, end_));
      first_top_one_line_ = first_top_end_line_ == top_start_line_;
    }
  }

  const std::string* FindEnvelopeKey(std::string_view key) const {
    for (const auto& k : opt_.envelope_keys) {
      if (k == key) return &k;
    }
    return nullptr;
  }

  // Scans one value starting at pos_. kRecord: [rec_start_, rec_end_) is the
  // value and pos_ is after it. kEnvelope: pos_ is at the envelope's '['.
  // kSkipped: the value was malformed or discarded (diagnosed unless
  // `discard`). `count` numbers the value as a record.
  ScanOutcome ScanRecord(bool probe, bool discard = false, bool count = true) {
    scan_ = ScanState{};
    scan_.start = scan_.pos = pos_;
    scan_.probe = probe;
    scan_.skipping = discard;
    scan_active_ = true;
    uint64_t index = 0;
    if (count) index = ++record_index_;
    const uint64_t start_line = LineAt(pos_);
    auto finish = [&](ScanOutcome o) {
      scan_active_ = false;
      return o;
    };
    for (;;) {
      const bool at_end = line_active_ || eof_;
      Step st = ScanStep(Limit(), at_end);
      if (st == Step::kDone) {
        pos_ = scan_.pos;
        if (scan_.skipping) return finish(ScanOutcome::kSkipped);
        rec_start_ = scan_.start;
        rec_end_ = scan_.pos;
        if (rec_end_ - rec_start_ > opt_.limits.max_record_bytes) {
          TooLarge(start_line, index);
          return finish(ScanOutcome::kSkipped);
        }
        rec_index_ = index;
        rec_line_ = start_line;
        return finish(ScanOutcome::kRecord);
      }
      if (st == Step::kEnvelope) {
        pos_ = scan_.pos;
        if (count) --record_index_;  // the envelope itself is not a record
        return finish(ScanOutcome::kEnvelope);
      }
      if (st == Step::kTooDeep) {
        Error("json_too_deep",
              "nesting deeper than " + std::to_string(opt_.limits.max_depth) + " levels",
              start_line, index);
        if (!SkipAfterError()) return finish(ScanOutcome::kSkipped);
        continue;
      }
      // kMore
      if (at_end) {
        if (!scan_.skipping) {
          Error("json_unterminated",
                std::string("value is not terminated at end of ") +
                    (line_active_ ? "line" : "input") + " (" +
                    (scan_.in_string ? "inside a string" : "missing closing bracket") + ")",
                start_line, index);
        }
        pos_ = scan_.pos;
        if (line_active_) SkipLine();
        if (mode_ != Mode::kTop) {
          mode_ = Mode::kTop;
          in_envelope_ = false;
          TopDone();
        }
        return finish(ScanOutcome::kSkipped);
      }
      if (!scan_.skipping && scan_.pos - scan_.start > opt_.limits.max_record_bytes) {
        TooLarge(start_line, index);
        if (!SkipAfterError()) return finish(ScanOutcome::kSkipped);
      }
      if (!Fill(scan_.skipping ? scan_.pos : scan_.start)) {
        if (!eof_ && !scan_.skipping) {  // window full: cannot happen below the limit
          TooLarge(start_line, index);
          if (!SkipAfterError()) return finish(ScanOutcome::kSkipped);
        }
      }
    }
  }

  void TooLarge(uint64_t line, uint64_t index) {
    Error("json_record_too_large",
          "record is larger than the limit of " + std::to_string(opt_.limits.max_record_bytes) +
              " bytes",
          line, index);
  }

  // After a size or depth error: in JSON Lines mode skip the line (returns
  // false: done); otherwise keep scanning to the value's end, discarding.
  bool SkipAfterError() {
    if (line_active_) {
      SkipLine();
      if (mode_ != Mode::kTop) {
        mode_ = Mode::kTop;
        in_envelope_ = false;
        TopDone();
      }
      return false;
    }
    scan_.skipping = true;
    scan_.probe = false;
    return true;
  }

  Step ScanStep(size_t limit, bool at_end) {
    const char* b = buf_.data();
    ScanState& s = scan_;
    size_t p = s.pos;
    if (!s.begun) {
      s.begun = true;
      char c = b[p];
      if (c == '"') {
        s.kind = '"';
        s.in_string = true;
        s.str_start = ++p;
      } else if (c == '{' || c == '[') {
        s.kind = '{';
        s.depth = 1;
        ++p;
        if (!s.skipping && s.depth > opt_.limits.max_depth) {
          s.pos = p;
          return Step::kTooDeep;
        }
      } else {
        s.kind = 's';
      }
    }
    if (s.kind == 's') {
      while (p < limit && !IsScalarDelim(b[p])) ++p;
      s.pos = p;
      return (p < limit || at_end) ? Step::kDone : Step::kMore;
    }
    while (p < limit) {
      if (s.in_string) {
        if (s.escape) {
          s.escape = false;
          ++p;
          continue;
        }
        while (p < limit && b[p] != '"' && b[p] != '\\') ++p;
        if (p >= limit) break;
        if (b[p] == '\\') {
          s.escape = true;
          ++p;
          continue;
        }
        s.in_string = false;
        if (s.probe && s.depth == 1) {
          s.key_start = s.str_start;
          s.key_end = p;
          s.has_key = true;
        }
        ++p;
        if (s.depth == 0) {
          s.pos = p;
          return Step::kDone;
        }
        continue;
      }
      char c = b[p];
      if (s.after_colon && !IsWs(c)) {
        s.after_colon = false;
        if (c == '[' && s.depth == 1 &&
            FindEnvelopeKey(std::string_view(b + s.key_start, s.key_end - s.key_start)) !=
                nullptr) {
          s.pos = p;
          return Step::kEnvelope;
        }
      }
      switch (c) {
        case '"':
          s.in_string = true;
          s.str_start = p + 1;
          break;
        case '{':
        case '[':
          if (++s.depth > opt_.limits.max_depth && !s.skipping) {
            s.pos = p + 1;
            return Step::kTooDeep;
          }
          break;
        case '}':
        case ']':
          if (--s.depth == 0) {
            s.pos = p + 1;
            return Step::kDone;
          }
          break;
        case ':':
          if (s.probe && s.depth == 1 && s.has_key) s.after_colon = true;
          break;
        default: break;
      }
      ++p;
    }
    s.pos = p;
    return Step::kMore;
  }

  void Emit(Record* out, std::string_view env_key) {
    out->text = std::string_view(buf_.data() + rec_start_, rec_end_ - rec_start_);
    out->index = rec_index_;
    out->line = rec_line_;
    out->envelope_key = env_key;
  }

  void Error(std::string code, std::string message, uint64_t line, uint64_t record) {
    SourceLocation where;
    where.file = name_;
    where.line = static_cast<uint32_t>(std::min<uint64_t>(line, UINT32_MAX));
    where.record = record;
    diags_.Error(std::move(code), std::move(message), std::move(where));
  }

  std::string name_;
  RecordReaderOptions opt_;
  std::unique_ptr<Source> src_;
  Diagnostics diags_;

  std::vector<char> buf_;  // cap_ bytes of window + kRecordPadding
  size_t cap_ = 0;
  size_t max_cap_ = 0;
  size_t max_buffer_ = 0;
  size_t pos_ = 0;  // next unconsumed byte
  size_t end_ = 0;  // end of valid data
  bool eof_ = false;
  bool read_failed_ = false;
  uint64_t bytes_read_ = 0;

  uint64_t line_ = 1;    // line number at line_pos_
  size_t line_pos_ = 0;  // newlines counted up to here
  bool lines_mode_ = false;
  bool line_active_ = false;  // JSON Lines: [pos_, line_end_) is the line
  size_t line_end_ = 0;

  Mode mode_ = Mode::kTop;
  bool in_envelope_ = false;
  std::string_view env_key_;
  Layout layout_ = Layout::kUnknown;
  uint64_t top_count_ = 0;
  uint64_t top_start_line_ = 0;
  bool first_top_done_ = false;
  bool first_top_one_line_ = false;
  uint64_t first_top_end_line_ = 0;

  ScanState scan_;
  bool scan_active_ = false;
  uint64_t record_index_ = 0;
  size_t rec_start_ = 0, rec_end_ = 0;
  uint64_t rec_index_ = 0, rec_line_ = 0;
};

Result<std::unique_ptr<RecordReader>> Make(std::string name, RecordReaderOptions options,
                                           std::unique_ptr<Source> src) {
  auto reader = std::make_unique<StreamReader>(std::move(name), std::move(options), std::move(src));
  Status st = reader->Init();
  if (!st.ok()) return st;
  return std::unique_ptr<RecordReader>(std::move(reader));
}

}  // namespace

Result<std::unique_ptr<RecordReader>> RecordReader::Open(const std::string& path,
                                                         RecordReaderOptions options) {
  if (path == "-") return Make("<stdin>", std::move(options), std::make_unique<FdSource>(0, false));
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    std::string msg = path + ": cannot open: " + std::strerror(err);
    if (err == ENOENT) return NotFound(msg);
    return IoError(msg);
  }
  return Make(path, std::move(options), std::make_unique<FdSource>(fd, true));
}

Result<std::unique_ptr<RecordReader>> RecordReader::FromBuffer(std::string name,
                                                               std::string_view bytes,
                                                               RecordReaderOptions options) {
  return Make(std::move(name), std::move(options), std::make_unique<MemorySource>(bytes));
}

Result<std::vector<Value>> ReadAllRecords(const std::string& path, Diagnostics* diags,
                                          RecordReaderOptions options) {
  JsonLimits limits = options.limits;
  auto reader = RecordReader::Open(path, std::move(options));
  if (!reader.ok()) return reader.status();
  RecordReader& r = **reader;
  std::vector<Value> out;
  Record rec;
  size_t seen = 0;
  auto drain = [&] {
    const auto& items = r.diagnostics().items();
    for (; seen < items.size(); ++seen) {
      if (diags != nullptr) diags->Add(items[seen]);
    }
  };
  while (r.Next(&rec)) {
    drain();
    auto v = ParsePaddedJson(rec.text, rec.text.size() + kRecordPadding, limits);
    if (v.ok()) {
      out.push_back(std::move(v).value());
    } else if (diags != nullptr) {
      SourceLocation where;
      where.file = r.name();
      where.line = static_cast<uint32_t>(std::min<uint64_t>(rec.line, UINT32_MAX));
      where.record = rec.index;
      diags->Error(v.status().code() == StatusCode::kResourceExhausted ? "json_too_deep"
                                                                       : "json_parse_error",
                   v.status().message(), std::move(where));
    }
  }
  drain();
  return out;
}

}  // namespace kumo::json
