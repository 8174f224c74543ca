// The loading driver: path expansion, format detection, the record
// pipeline (one reader, `threads` converters) and the per-file summary.
// Combining records of the same resource is in merge.cc.
#include "inventory/loader.h"

#include <zlib.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "inventory/format.h"
#include "inventory/merge.h"
#include "inventory/util.h"
#include "json/record_reader.h"

namespace kumo::inventory {
namespace {

namespace fs = std::filesystem;

constexpr size_t kHeadBytes = 64 * 1024;
constexpr size_t kBatchRecords = 512;
constexpr size_t kBatchBytes = 4u << 20;
// Records tried for detection before giving up on a file.
constexpr int kDetectAttempts = 16;

bool HasGzipMagic(std::string_view b) {
  return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f &&
         static_cast<unsigned char>(b[1]) == 0x8b;
}

std::string_view StripBom(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

// Decompresses gzip (all members) up to `max` bytes of output.
bool Gunzip(std::string_view in, size_t max, std::string* out, std::string* error) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    *error = "zlib initialisation failed";
    return false;
  }
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char buf[1 << 15];
  bool ok = true;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    int rc = inflate(&zs, Z_NO_FLUSH);
    out->append(buf, sizeof(buf) - zs.avail_out);
    if (out->size() >= max) {
      out->resize(max);
      break;
    }
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      inflateReset(&zs);  // another gzip member follows
      continue;
    }
    if (rc != Z_OK) {
      if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
        *error = "gzip data is truncated";
      } else {
        *error = std::string("gzip data is corrupt: ") + (zs.msg != nullptr ? zs.msg : "error");
      }
      ok = false;
      break;
    }
  }
  inflateEnd(&zs);
  return ok;
}

// Reads up to `max` decompressed bytes of a file (gzip or plain).
bool ReadFileText(const std::string& path, size_t max, std::string* out, std::string* error) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) {
    *error = "cannot open file";
    return false;
  }
  gzbuffer(f, 1 << 17);
  char buf[1 << 16];
  while (out->size() < max) {
    int n = gzread(f, buf, static_cast<unsigned>(std::min(sizeof(buf), max - out->size())));
    if (n < 0) {
      int errnum = 0;
      const char* msg = gzerror(f, &errnum);
      *error = std::string("read error: ") + (msg != nullptr ? msg : "unknown");
      gzclose(f);
      return false;
    }
    if (n == 0) break;
    out->append(buf, static_cast<size_t>(n));
  }
  gzclose(f);
  return true;
}

bool AcceptedInDirectory(const fs::path& p) {
  std::string name = p.filename().string();
  if (name.empty() || name[0] == '.') return false;
  std::string lower = AsciiLower(name);
  if (lower.size() > 3 && lower.ends_with(".gz")) lower.resize(lower.size() - 3);
  for (std::string_view ext : {".json", ".jsonl", ".ndjson", ".csv"}) {
    if (lower.ends_with(ext)) return true;
  }
  return false;
}

// One input: a file path, or an in-memory buffer (stdin, LoadInventoryBuffer).
struct Input {
  std::string name;
  bool in_memory = false;
  std::string bytes;  // decompressed contents when in_memory
  std::string error;  // set when the path could not be used
};

struct RecMeta {
  size_t offset;
  size_t size;
  uint64_t index;
  uint64_t line;
};

struct Batch {
  uint32_t file = 0;
  const Format* format = nullptr;
  std::string text;
  std::vector<RecMeta> recs;
  std::unique_ptr<RecordContext> ctx;
  bool done = false;
};

void RunBatch(Batch& b, const json::JsonLimits& limits) {
  for (const RecMeta& m : b.recs) {
    b.ctx->SetRecord(m.index, m.line);
    // Each record is followed by kRecordPadding bytes in `text`: parsed in place.
    Result<Value> v = json::ParsePaddedJson(std::string_view(b.text.data() + m.offset, m.size),
                                            m.size + json::kRecordPadding, limits);
    if (!v.ok()) {
      b.ctx->Skip("invalid_json", "record is not valid JSON: " + v.status().message());
      continue;
    }
    b.format->convert(v.value(), *b.ctx);
  }
  std::string().swap(b.text);
  std::vector<RecMeta>().swap(b.recs);
}

// A fixed set of workers converting batches in submission order slots;
// Submit() blocks while too many batches are in flight (bounds memory).
class Pipeline {
 public:
  Pipeline(int threads, const json::JsonLimits& limits) : limits_(limits) {
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
    max_in_flight_ = static_cast<size_t>(threads) * 2 + 1;
  }
  ~Pipeline() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_work_.notify_all();
    for (auto& t : workers_) t.join();
  }
  bool parallel() const { return !workers_.empty(); }

  void Submit(Batch* b) {
    if (workers_.empty()) {
      RunBatch(*b, limits_);
      b->done = true;
      return;
    }
    std::unique_lock<std::mutex> lock(mu_);
    cv_done_.wait(lock, [this] { return in_flight_ < max_in_flight_; });
    queue_.push_back(b);
    ++in_flight_;
    cv_work_.notify_one();
  }
  void WaitAll() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_done_.wait(lock, [this] { return in_flight_ == 0; });
  }

 private:
  void Work() {
    while (true) {
      Batch* b;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_work_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) return;
        b = queue_.front();
        queue_.pop_front();
      }
      RunBatch(*b, limits_);
      {
        std::lock_guard<std::mutex> lock(mu_);
        b->done = true;
        --in_flight_;
      }
      cv_done_.notify_all();
    }
  }

  const json::JsonLimits& limits_;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable cv_work_;
  std::condition_variable cv_done_;
  std::deque<Batch*> queue_;
  size_t in_flight_ = 0;
  size_t max_in_flight_ = 1;
  bool stop_ = false;
};

std::string KeysOf(const Value& v) {
  if (!v.is_object()) return std::string(ValueKindName(v.kind()));
  std::string out = "keys [";
  size_t n = 0;
  for (const auto& [k, unused] : v.entries()) {
    if (n == 8) {
      out += ", ...";
      break;
    }
    if (n++ > 0) out += ", ";
    out += k.as_string();
  }
  return out + "]";
}

std::string FormatList() {
  std::string out;
  for (const Format& f : Formats()) {
    if (!out.empty()) out += ", ";
    out += f.name;
  }
  return out;
}

class Loader {
 public:
  Loader(const LoadOptions& options, const Format* forced)
      : options_(options),
        forced_(forced),
        pipeline_(options.threads > 1 ? options.threads : 0, options.limits) {}

  Inventory Run(std::vector<Input> inputs) {
    inputs_ = std::move(inputs);
    inv_.files.resize(inputs_.size());
    file_diags_.resize(inputs_.size());
    for (uint32_t i = 0; i < inputs_.size(); ++i) LoadOne(i);
    pipeline_.WaitAll();

    // The resources move once, into a vector sized up front, and the merge
    // then works in place: no second copy of the inventory, ever.
    size_t total = 0;
    for (auto& b : batches_) total += b->ctx->resources().size();
    std::vector<Resource>& all = inv_.resources;
    all.reserve(total);
    std::vector<StageMeta> metas;
    if (options_.merge) metas.reserve(total);
    for (auto& b : batches_) {
      RecordContext& ctx = *b->ctx;
      FileSummary& fs = inv_.files[b->file];
      for (auto& [reason, n] : ctx.skipped_by_reason()) {
        fs.skipped += n;
        fs.skipped_by_reason[reason] += n;
      }
      for (auto& [what, n] : ctx.notes()) fs.notes[what] += n;
      for (const Diagnostic& d : ctx.diagnostics().items()) file_diags_[b->file].Add(d);
      uint64_t* type_count = nullptr;
      const std::string* last_type = nullptr;  // runs of one type are common
      for (Resource& r : ctx.resources()) {
        ++fs.resources;
        if (last_type == nullptr || *last_type != r.type)
          type_count = &fs.resources_by_type[r.type];
        ++*type_count;
        all.push_back(std::move(r));
        last_type = &all.back().type;
      }
      if (options_.merge) metas.insert(metas.end(), ctx.metas().begin(), ctx.metas().end());
      b.reset();
    }
    batches_.clear();
    for (auto& d : file_diags_) {
      std::vector<Diagnostic> items = d.items();
      std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.where.record < b.where.record;
      });
      for (Diagnostic& x : items) inv_.diagnostics.Add(std::move(x));
    }
    if (options_.merge) MergeStaged(&all, &metas, &inv_.files);
    return std::move(inv_);
  }

 private:
  void FileError(uint32_t fi, std::string_view code, std::string message, uint64_t record = 0,
                 uint64_t line = 0) {
    FileSummary& fs = inv_.files[fi];
    ++fs.skipped;
    ++fs.skipped_by_reason[std::string(code)];
    SourceLocation where;
    where.file = fs.path;
    where.record = record;
    where.line = static_cast<uint32_t>(line);
    file_diags_[fi].Error(std::string(code), std::move(message), std::move(where));
  }

  Batch* NewBatch(uint32_t fi, const Format* f) {
    auto b = std::make_unique<Batch>();
    b->file = fi;
    b->format = f;
    b->ctx = std::make_unique<RecordContext>(inv_.files[fi].path, fi, options_.limits);
    batches_.push_back(std::move(b));
    return batches_.back().get();
  }

  void LoadOne(uint32_t fi) {
    Input& in = inputs_[fi];
    FileSummary& fs = inv_.files[fi];
    fs.path = in.name;
    fs.format = "unknown";
    if (!in.error.empty()) {
      fs.layout = "none";
      FileError(fi, "unreadable", in.error);
      return;
    }
    // The first bytes decide between JSON and text (CSV) formats.
    std::string head_buf;
    std::string_view head;
    if (in.in_memory) {
      head = std::string_view(in.bytes).substr(0, kHeadBytes);
    } else {
      std::string err;
      if (!ReadFileText(in.name, kHeadBytes, &head_buf, &err)) head_buf.clear();
      head = head_buf;
    }
    head = StripBom(head);
    // UTF-16 goes to the JSON reader, which rejects it with a clear message.
    bool utf16 = head.find('\0') != std::string_view::npos || head.starts_with("\xFF\xFE") ||
                 head.starts_with("\xFE\xFF");
    bool json_like = head.empty() || utf16 || LooksLikeJsonContainer(head);
    if (!json_like) {
      const Format* f = forced_;
      if (f == nullptr) {
        Probe probe{in.name, head, nullptr, {}, json::Layout::kUnknown};
        int best = 0;
        for (const Format& cand : Formats()) {
          int score = cand.detect(probe);
          if (score > best && cand.convert_text != nullptr) {
            best = score;
            f = &cand;
          }
        }
      }
      if (f != nullptr && f->convert_text != nullptr) {
        LoadText(fi, *f);
        return;
      }
      if (forced_ == nullptr) {
        fs.layout = "text";
        FileError(fi, "unknown_format",
                  "not a JSON document and not a recognised CSV report; supported formats: " +
                      FormatList());
        return;
      }
    }
    LoadJson(fi);
  }

  void LoadText(uint32_t fi, const Format& f) {
    Input& in = inputs_[fi];
    FileSummary& fs = inv_.files[fi];
    fs.format = std::string(f.name);
    fs.layout = "csv";
    std::string text;
    std::string err;
    if (in.in_memory) {
      text = in.bytes;
    } else if (!ReadFileText(in.name, options_.limits.max_record_bytes, &text, &err)) {
      FileError(fi, "unreadable", err);
      return;
    }
    Batch* b = NewBatch(fi, &f);
    f.convert_text(text, *b->ctx);
    uint64_t rows = 0;
    for (auto& [r, n] : b->ctx->skipped_by_reason()) rows += n;
    fs.records = b->ctx->resources().size() + rows;
    b->done = true;
  }

  void LoadJson(uint32_t fi) {
    Input& in = inputs_[fi];
    FileSummary& fs = inv_.files[fi];
    json::RecordReaderOptions ro;
    ro.limits = options_.limits;
    ro.envelope_keys = EnvelopeKeys();
    Result<std::unique_ptr<json::RecordReader>> opened =
        in.in_memory ? json::RecordReader::FromBuffer(in.name, in.bytes, ro)
                     : json::RecordReader::Open(in.name, ro);
    if (!opened.ok()) {
      fs.layout = "none";
      FileError(fi, "unreadable", opened.status().message());
      return;
    }
    json::RecordReader& reader = *opened.value();

    // Detection: the first record that parses.
    json::Record rec;
    const Format* f = forced_;
    Value first;
    uint64_t first_index = 0, first_line = 0;
    bool have_first = false;
    for (int attempt = 0; attempt < kDetectAttempts && reader.Next(&rec); ++attempt) {
      ++fs.records;
      Result<Value> v =
          json::ParsePaddedJson(rec.text, rec.text.size() + json::kRecordPadding, options_.limits);
      if (!v.ok()) {
        FileError(fi, "invalid_json", "record is not valid JSON: " + v.status().message(),
                  rec.index, rec.line);
        continue;
      }
      first = std::move(v).value();
      first_index = rec.index;
      first_line = rec.line;
      have_first = true;
      if (f == nullptr) {
        Probe probe{in.name, {}, &first, rec.envelope_key, reader.layout()};
        int best = 0;
        for (const Format& cand : Formats()) {
          int score = cand.detect(probe);
          if (score > best) {
            best = score;
            f = &cand;
          }
        }
      }
      break;
    }
    fs.layout = std::string(json::LayoutName(reader.layout()));
    if (!have_first) {
      FinishReader(fi, reader);
      if (fs.records == 0 && fs.skipped == 0) {
        fs.format = f != nullptr ? std::string(f->name) : "empty";
        SourceLocation where;
        where.file = in.name;
        file_diags_[fi].Warning("empty_file", "no records", std::move(where));
      }
      return;
    }
    if (f == nullptr) {
      FileError(fi, "unknown_format",
                "format not recognised: the first record has " + KeysOf(first) +
                    "; supported formats: " + FormatList() +
                    " (kumo inventory export --input-format NAME forces one)",
                first_index, first_line);
      FinishReader(fi, reader);
      return;
    }
    fs.format = std::string(f->name);

    // The first record is converted here; the rest go through the pipeline.
    Batch* b0 = NewBatch(fi, f);
    b0->ctx->SetRecord(first_index, first_line);
    f->convert(first, *b0->ctx);
    b0->done = true;
    first = Value();

    Batch* cur = nullptr;
    while (reader.Next(&rec)) {
      ++fs.records;
      if (cur == nullptr) {
        cur = NewBatch(fi, f);
        cur->text.reserve(std::min<size_t>(kBatchBytes + rec.text.size(), 2 * kBatchBytes));
      }
      cur->recs.push_back(RecMeta{cur->text.size(), rec.text.size(), rec.index, rec.line});
      cur->text.append(rec.text);
      cur->text.append(json::kRecordPadding, ' ');
      if (cur->recs.size() >= kBatchRecords || cur->text.size() >= kBatchBytes) {
        pipeline_.Submit(cur);
        cur = nullptr;
      }
    }
    if (cur != nullptr) pipeline_.Submit(cur);
    FinishReader(fi, reader);
  }

  void FinishReader(uint32_t fi, const json::RecordReader& reader) {
    FileSummary& fs = inv_.files[fi];
    for (const Diagnostic& d : reader.diagnostics().items()) {
      Diagnostic copy = d;
      if (copy.severity == Severity::kError) {
        ++fs.skipped;
        ++fs.skipped_by_reason[copy.code.empty() ? "unreadable_record" : copy.code];
      }
      if (copy.where.file.empty()) copy.where.file = fs.path;
      file_diags_[fi].Add(std::move(copy));
    }
  }

  const LoadOptions& options_;
  const Format* forced_;
  Pipeline pipeline_;
  std::vector<Input> inputs_;
  std::vector<std::unique_ptr<Batch>> batches_;
  std::vector<Diagnostics> file_diags_;
  Inventory inv_;
};

void ExpandPath(const std::string& path, std::vector<Input>* out) {
  if (path == "-") {
    Input in;
    in.name = "-";
    in.in_memory = true;
    std::string raw;
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof(buf), stdin)) > 0) raw.append(buf, n);
    if (HasGzipMagic(raw)) {
      std::string err;
      if (!Gunzip(raw, SIZE_MAX, &in.bytes, &err)) in.error = "standard input: " + err;
    } else {
      in.bytes = std::move(raw);
    }
    out->push_back(std::move(in));
    return;
  }
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    out->push_back(Input{path, false, {}, "no such file or directory"});
    return;
  }
  if (!fs::is_directory(st)) {
    out->push_back(Input{path, false, {}, {}});
    return;
  }
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out->push_back(Input{path, false, {}, "cannot read directory: " + ec.message()});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& p = it->path();
    std::string fname = p.filename().string();
    if (it->is_directory(ec) && !fname.empty() && fname[0] == '.') {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && AcceptedInDirectory(p)) files.push_back(p.string());
  }
  std::sort(files.begin(), files.end());
  for (std::string& f : files) out->push_back(Input{std::move(f), false, {}, {}});
}

Result<const Format*> ForcedFormat(const LoadOptions& options) {
  if (options.format.empty()) return static_cast<const Format*>(nullptr);
  const Format* f = FindFormat(options.format);
  if (f == nullptr) {
    return InvalidArgument("unknown inventory format '" + options.format +
                           "'; supported: " + FormatList());
  }
  return f;
}

}  // namespace

uint64_t Inventory::skipped() const {
  uint64_t n = 0;
  for (const FileSummary& f : files) n += f.skipped;
  return n;
}

std::string FileSummary::ToString() const {
  std::string out = path + ": " + format + " (" + layout + "), " + std::to_string(records) +
                    (records == 1 ? " record, " : " records, ") + std::to_string(resources) +
                    (resources == 1 ? " resource" : " resources");
  if (!resources_by_type.empty()) {
    out += " [";
    bool first = true;
    for (const auto& [type, n] : resources_by_type) {
      if (!first) out += ", ";
      first = false;
      out += type + "=" + std::to_string(n);
    }
    out += "]";
  }
  out += ", " + std::to_string(skipped) + " skipped";
  if (!skipped_by_reason.empty()) {
    out += " [";
    bool first = true;
    for (const auto& [reason, n] : skipped_by_reason) {
      if (!first) out += ", ";
      first = false;
      out += reason + "=" + std::to_string(n);
    }
    out += "]";
  }
  for (const auto& [what, n] : notes) out += "; " + what + ": " + std::to_string(n);
  return out;
}

Result<Inventory> LoadInventory(const std::vector<std::string>& paths, const LoadOptions& options) {
  Result<const Format*> forced = ForcedFormat(options);
  if (!forced.ok()) return forced.status();
  std::vector<Input> inputs;
  for (const std::string& p : paths) ExpandPath(p, &inputs);
  Loader loader(options, forced.value());
  return loader.Run(std::move(inputs));
}

Result<Inventory> LoadInventoryBuffer(std::string name, std::string_view bytes,
                                      const LoadOptions& options) {
  Result<const Format*> forced = ForcedFormat(options);
  if (!forced.ok()) return forced.status();
  Input in;
  in.name = std::move(name);
  in.in_memory = true;
  if (HasGzipMagic(bytes)) {
    std::string err;
    if (!Gunzip(bytes, options.limits.max_record_bytes, &in.bytes, &err)) {
      in.error = err;
    }
  } else {
    in.bytes = std::string(bytes);
  }
  std::vector<Input> inputs;
  inputs.push_back(std::move(in));
  Loader loader(options, forced.value());
  return loader.Run(std::move(inputs));
}

std::vector<std::string> FormatNames() {
  std::vector<std::string> out;
  for (const Format& f : Formats()) out.emplace_back(f.name);
  return out;
}

}  // namespace kumo::inventory
