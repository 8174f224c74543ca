// RecordReader: layouts, envelopes, gzip, encodings, limits, streaming.
#include "json/record_reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "json/json.h"

namespace kumo::json {
namespace {

namespace fs = std::filesystem;

struct ReadResult {
  std::vector<std::string> records;  // compact JSON of each parsed record
  std::vector<uint64_t> lines;
  std::vector<uint64_t> indexes;
  std::vector<std::string> keys;
  Diagnostics diags;
  Layout layout = Layout::kUnknown;
};

// Reads every record, checks its padding is readable and parses it.
ReadResult ReadAll(RecordReader& r) {
  ReadResult out;
  Record rec;
  while (r.Next(&rec)) {
    volatile char last = rec.text.data()[rec.text.size() + kRecordPadding - 1];
    (void)last;
    auto v = ParsePaddedJson(rec.text, rec.text.size() + kRecordPadding);
    if (!v.ok()) {
      SourceLocation where;
      where.file = r.name();
      where.line = static_cast<uint32_t>(rec.line);
      where.record = rec.index;
      out.diags.Error("json_parse_error", v.status().message(), where);
      continue;
    }
    out.records.push_back(ToJson(*v));
    out.lines.push_back(rec.line);
    out.indexes.push_back(rec.index);
    out.keys.emplace_back(rec.envelope_key);
  }
  out.diags.Append(r.diagnostics());
  out.layout = r.layout();
  return out;
}

ReadResult ReadBuffer(std::string_view bytes, RecordReaderOptions opts = {},
                      std::string name = "mem.json") {
  auto r = RecordReader::FromBuffer(name, bytes, opts);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return {};
  return ReadAll(**r);
}

std::vector<std::string> V(std::initializer_list<const char*> l) { return {l.begin(), l.end()}; }

std::string Gzip(std::string_view data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("kumo_json_test_" + std::to_string(::getpid()) + "_" +
             std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, std::string_view bytes) const {
    std::string p = (path_ / name).string();
    std::ofstream f(p, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }
  fs::path path() const { return path_; }

 private:
  fs::path path_;
};

TEST(RecordReaderTest, SingleDocument) {
  auto r = ReadBuffer("  {\"a\": [1, 2], \"b\": \"}\\\"]\"}\n");
  EXPECT_EQ(r.records, V({R"({"a":[1,2],"b":"}\"]"})"}));
  EXPECT_EQ(r.layout, Layout::kSingle);
  EXPECT_TRUE(r.diags.empty());
  EXPECT_EQ(LayoutName(r.layout), "single");
}

TEST(RecordReaderTest, JsonLines) {
  auto r = ReadBuffer("{\"a\":1}\n\n{\"a\":2}\r\n  {\"a\":3}\n\"str\"\n42\n");
  EXPECT_EQ(r.records, V({R"({"a":1})", R"({"a":2})", R"({"a":3})", "\"str\"", "42"}));
  EXPECT_EQ(r.lines, (std::vector<uint64_t>{1, 3, 4, 5, 6}));
  EXPECT_EQ(r.indexes, (std::vector<uint64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(r.layout, Layout::kLines);
  EXPECT_TRUE(r.diags.empty());
}

TEST(RecordReaderTest, Concatenated) {
  auto r = ReadBuffer("{\"a\":\n1}{\"a\":2} {\"a\":3}\n[4] 5 true null \"x\"");
  EXPECT_EQ(r.records,
            V({R"({"a":1})", R"({"a":2})", R"({"a":3})", "4", "5", "true", "null", "\"x\""}));
  EXPECT_EQ(r.layout, Layout::kConcatenated);
  EXPECT_EQ(r.lines[0], 1u);
  EXPECT_EQ(r.lines[3], 3u);
}

TEST(RecordReaderTest, TopLevelArray) {
  const char* text = "[\n {\"a\":1},\n {\"a\":[2,3]},\n \"s\", 4\n]\n";
  auto r = ReadBuffer(text);
  EXPECT_EQ(r.records, V({R"({"a":1})", R"({"a":[2,3]})", "\"s\"", "4"}));
  EXPECT_EQ(r.lines, (std::vector<uint64_t>{2, 3, 4, 4}));
  EXPECT_EQ(r.layout, Layout::kArray);
  EXPECT_TRUE(r.diags.empty());
  RecordReaderOptions opts;
  opts.unwrap_array = false;
  auto whole = ReadBuffer(text, opts);
  EXPECT_EQ(whole.records, V({R"([{"a":1},{"a":[2,3]},"s",4])"}));
  EXPECT_EQ(whole.layout, Layout::kSingle);
  EXPECT_TRUE(ReadBuffer("[]").records.empty());
}

TEST(RecordReaderTest, Envelopes) {
  RecordReaderOptions opts;
  opts.envelope_keys = {"Records", "value", "configurationItems"};
  auto ct =
      ReadBuffer(R"({"meta": {"Records": "not this"}, "list": [1], "Records": [{"eventName":"A"},)"
                 "\n"
                 R"({"eventName":"B"}], "tail": {"x": [1]}})",
                 opts);
  EXPECT_EQ(ct.records, V({R"({"eventName":"A"})", R"({"eventName":"B"})"}));
  EXPECT_EQ(ct.keys, V({"Records", "Records"}));
  EXPECT_EQ(ct.lines, (std::vector<uint64_t>{1, 2}));
  EXPECT_EQ(ct.indexes, (std::vector<uint64_t>{1, 2}));
  EXPECT_EQ(ct.layout, Layout::kEnvelope);
  EXPECT_TRUE(ct.diags.empty()) << ct.diags.items()[0].ToString();

  auto az = ReadBuffer(R"({"value": [{"id": "1"}, {"id": "2"}], "nextLink": null})", opts);
  EXPECT_EQ(az.records, V({R"({"id":"1"})", R"({"id":"2"})"}));
  EXPECT_EQ(az.keys, V({"value", "value"}));

  // An object without an envelope key (or whose key is not an array) is a record.
  auto plain = ReadBuffer(R"({"value": 5, "other": [1]})", opts);
  EXPECT_EQ(plain.records, V({R"({"other":[1],"value":5})"}));
  EXPECT_EQ(plain.layout, Layout::kSingle);
  auto nested = ReadBuffer(R"({"a": {"Records": [1, 2]}})", opts);
  EXPECT_EQ(nested.records, V({R"({"a":{"Records":[1,2]}})"}));

  // Envelopes per line (Azure diagnostic exports) with JSON Lines.
  auto lines = ReadBuffer("{\"value\":[1,2]}\n{\"value\":[3]}\n{\"x\":4}\n", opts);
  EXPECT_EQ(lines.records, V({"1", "2", "3", R"({"x":4})"}));
  EXPECT_EQ(lines.lines, (std::vector<uint64_t>{1, 1, 2, 3}));
}

TEST(RecordReaderTest, Utf8BomSkipped) {
  auto r = ReadBuffer("\xEF\xBB\xBF{\"a\":1}\n{\"a\":2}\n");
  EXPECT_EQ(r.records, V({R"({"a":1})", R"({"a":2})"}));
  EXPECT_TRUE(r.diags.empty());
}

TEST(RecordReaderTest, Utf16Rejected) {
  for (std::string bytes : {std::string("\xFF\xFE{\0\"\0a\0\"\0:\0"
                                        "1\0}\0",
                                        16),
                            std::string("\xFE\xFF\0{\0\"\0a\0\"\0:\0"
                                        "1\0}",
                                        16),
                            std::string("{\0\"\0a\0\"\0:\0"
                                        "1\0}\0",
                                        14)}) {
    auto r = RecordReader::FromBuffer("plan.json", bytes);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().message(),
              "plan.json: file is UTF-16 encoded; convert it to UTF-8 (e.g. iconv -f UTF-16 -t "
              "UTF-8)");
  }
  TempDir dir;
  std::string p = dir.Write("u16.json", std::string("\xFF\xFE[\0]\0", 6));
  auto r = RecordReader::Open(p);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("UTF-16"), std::string::npos);
  EXPECT_NE(r.status().message().find(p), std::string::npos);
}

TEST(RecordReaderTest, MalformedJsonLinesLineIsReportedAndSkipped) {
  auto r = ReadBuffer("{\"a\":1}\n{\"a\": tru}\n{\"a\":[1,\n{\"a\":3}\n}{\n{\"a\":5}\n");
  EXPECT_EQ(r.records, V({R"({"a":1})", R"({"a":3})", R"({"a":5})"}));
  EXPECT_EQ(r.lines, (std::vector<uint64_t>{1, 4, 6}));
  ASSERT_EQ(r.diags.items().size(), 3u);
  // Parse errors come first (ReadAll appends the reader's own diagnostics).
  EXPECT_EQ(r.diags.items()[0].where.line, 2u);
  EXPECT_EQ(r.diags.items()[0].code, "json_parse_error");
  std::vector<uint32_t> lines;
  for (const auto& d : r.diags.items()) lines.push_back(d.where.line);
  EXPECT_EQ(lines, (std::vector<uint32_t>{2, 3, 5}));
  EXPECT_EQ(r.diags.items()[1].code, "json_unterminated");
  EXPECT_EQ(r.diags.items()[1].where.file, "mem.json");
  EXPECT_EQ(r.diags.items()[1].where.record, 3u);
}

TEST(RecordReaderTest, JsonlNameMakesFirstLineResync) {
  auto r = ReadBuffer("{\"a\":[1,\n{\"a\":2}\n", {}, "x.jsonl");
  EXPECT_EQ(r.records, V({R"({"a":2})"}));
  ASSERT_EQ(r.diags.items().size(), 1u);
  EXPECT_EQ(r.diags.items()[0].where.line, 1u);
  EXPECT_EQ(r.layout, Layout::kLines);
}

TEST(RecordReaderTest, UnterminatedAtEndOfInput) {
  auto r = ReadBuffer("{\"a\": [1, 2, \"x");
  EXPECT_TRUE(r.records.empty());
  ASSERT_EQ(r.diags.items().size(), 1u);
  EXPECT_EQ(r.diags.items()[0].code, "json_unterminated");
  EXPECT_NE(r.diags.items()[0].message.find("end of input"), std::string::npos);
  auto arr = ReadBuffer("[1, 2, {\"a\": 3}");
  EXPECT_EQ(arr.records, V({"1", "2", R"({"a":3})"}));
  ASSERT_EQ(arr.diags.items().size(), 1u);
  EXPECT_NE(arr.diags.items()[0].message.find("missing ']'"), std::string::npos);
}

TEST(RecordReaderTest, DepthLimit) {
  RecordReaderOptions opts;
  opts.limits.max_depth = 4;
  std::string deep = std::string(6, '[') + std::string(6, ']');
  // JSON Lines: the deep line is reported, the next line is read.
  auto r = ReadBuffer("{\"a\":1}\n" + deep + "\n[[1]]\n", opts);
  EXPECT_EQ(r.records, V({R"({"a":1})", "[1]"}));
  ASSERT_EQ(r.diags.items().size(), 1u);
  EXPECT_EQ(r.diags.items()[0].code, "json_too_deep");
  EXPECT_EQ(r.diags.items()[0].where.line, 2u);
  EXPECT_NE(r.diags.items()[0].message.find("nesting deeper than 4 levels"), std::string::npos);
  // Concatenated, deep value spanning lines: skipped to its end.
  std::string pretty = "{\"x\":\n[[[[[\n1]]]]]}";
  opts.unwrap_array = false;
  auto c = ReadBuffer(pretty + " {\"ok\":\ntrue}", opts);
  EXPECT_EQ(c.records, V({R"({"ok":true})"}));
  ASSERT_EQ(c.diags.items().size(), 1u);
  EXPECT_EQ(c.diags.items()[0].code, "json_too_deep");
}

TEST(RecordReaderTest, RecordSizeLimit) {
  RecordReaderOptions opts;
  opts.limits.max_record_bytes = 5000;
  opts.chunk_bytes = 4096;
  std::string big = "{\"k\":\"" + std::string(6000, 'x') + "\"}";
  std::string text = "{\"a\":1}\n" + big + "\n{\"a\":2}\n";
  auto r = ReadBuffer(text, opts);
  EXPECT_EQ(r.records, V({R"({"a":1})", R"({"a":2})"}));
  ASSERT_EQ(r.diags.items().size(), 1u);
  EXPECT_EQ(r.diags.items()[0].code, "json_record_too_large");
  EXPECT_EQ(r.diags.items()[0].where.line, 2u);
  // Inside an array (not line-based): the big element is skipped.
  auto a = ReadBuffer("[1, " + big + ", 2]", opts);
  EXPECT_EQ(a.records, V({"1", "2"}));
  ASSERT_EQ(a.diags.items().size(), 1u);
  EXPECT_EQ(a.diags.items()[0].code, "json_record_too_large");
}

TEST(RecordReaderTest, SmallChunksGiveSameRecords) {
  std::string text;
  for (int i = 0; i < 500; ++i) {
    text += "{\"i\":" + std::to_string(i) + ",\"s\":\"" + std::string(i % 37, 'q') +
            "\\\"}\",\"a\":[[],{}]}\n";
  }
  RecordReaderOptions opts;
  opts.chunk_bytes = 4096;
  auto small = ReadBuffer(text, opts);
  auto normal = ReadBuffer(text);
  ASSERT_EQ(small.records.size(), 500u);
  EXPECT_EQ(small.records, normal.records);
  EXPECT_EQ(small.lines.back(), 500u);
  std::string arr = "[" + text.substr(0, text.size() - 1);
  for (char& ch : arr) {
    if (ch == '\n') ch = ',';
  }
  arr += "]";
  auto as_array = ReadBuffer(arr, opts);
  EXPECT_EQ(as_array.records, normal.records);
}

TEST(RecordReaderTest, GzipJsonLinesWithMalformedLine) {
  std::string text;
  for (int i = 1; i <= 1000; ++i) {
    if (i == 637) {
      text += "{\"id\": 637, \"broken\": }\n";
    } else {
      text += "{\"id\":" + std::to_string(i) + ",\"n\":12345678901234567890123}\n";
    }
  }
  TempDir dir;
  std::string p = dir.Write("events.json.gz", Gzip(text));
  Diagnostics diags;
  auto values = ReadAllRecords(p, &diags);
  ASSERT_TRUE(values.ok()) << values.status().ToString();
  EXPECT_EQ(values->size(), 999u);
  EXPECT_EQ((*values)[0].Find("n")->number_text(), "12345678901234567890123");
  EXPECT_EQ((*values)[998].Find("id")->as_int64(), 1000);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].where.line, 637u);
  EXPECT_EQ(diags.items()[0].where.record, 637u);
  EXPECT_EQ(diags.items()[0].where.file, p);
  EXPECT_EQ(diags.items()[0].code, "json_parse_error");
}

TEST(RecordReaderTest, GzipConcatenatedMembersAndEnvelope) {
  std::string a = "{\"Records\":[{\"e\":1},";
  std::string b = "{\"e\":2}]}";
  RecordReaderOptions opts;
  opts.envelope_keys = {"Records"};
  auto r = ReadBuffer(Gzip(a) + Gzip(b), opts, "ct.json.gz");
  EXPECT_EQ(r.records, V({R"({"e":1})", R"({"e":2})"}));
  EXPECT_EQ(r.layout, Layout::kEnvelope);
  auto corrupt = Gzip("[1,2,3]");
  corrupt.resize(corrupt.size() - 6);  // truncated
  auto t = RecordReader::FromBuffer("t.gz", corrupt);
  if (t.ok()) {
    auto res = ReadAll(**t);
    EXPECT_TRUE(res.diags.has_errors());
  }
}

TEST(RecordReaderTest, OpenErrors) {
  auto r = RecordReader::Open("definitely/not/here.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("definitely/not/here.json"), std::string::npos);
  Diagnostics d;
  EXPECT_FALSE(ReadAllRecords("definitely/not/here.json", &d).ok());
}

TEST(RecordReaderTest, ReadsStandardInput) {
  TempDir dir;
  std::string p = dir.Write("in.json.gz", Gzip("{\"a\":1}\n{\"a\":2}\n"));
  int saved = ::dup(0);
  ASSERT_GE(saved, 0);
  int fd = ::open(p.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::dup2(fd, 0), 0);
  ::close(fd);
  auto r = RecordReader::Open("-");
  ReadResult res;
  if (r.ok()) res = ReadAll(**r);
  ::dup2(saved, 0);
  ::close(saved);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->name(), "<stdin>");
  EXPECT_EQ(res.records, V({R"({"a":1})", R"({"a":2})"}));
}

TEST(RecordReaderTest, EmptyInput) {
  auto r = ReadBuffer("");
  EXPECT_TRUE(r.records.empty());
  EXPECT_TRUE(r.diags.empty());
  EXPECT_EQ(r.layout, Layout::kUnknown);
  EXPECT_TRUE(ReadBuffer(" \n\n ").records.empty());
}

TEST(RecordReaderTest, StrayCharactersAreDiagnosed) {
  auto r = ReadBuffer("{\"a\":1}\n}\n{\"a\":2}\n");
  EXPECT_EQ(r.records, V({R"({"a":1})", R"({"a":2})"}));
  ASSERT_EQ(r.diags.items().size(), 1u);
  EXPECT_EQ(r.diags.items()[0].code, "json_unexpected_character");
  EXPECT_EQ(r.diags.items()[0].where.line, 2u);
}

// Streams ~200 MB of JSON Lines from disk: memory stays at the window size.
TEST(RecordReaderTest, StreamsLargeFileWithBoundedMemory) {
  TempDir dir;
  std::string p = (dir.path() / "big.jsonl").string();
  std::string line =
      R"({"resourceType":"AWS::S3::Bucket","arn":"arn:aws:s3:::bucket-0000000","configuration":{"name":"x","tags":[{"k":"v"}],"n":0.1000000000000000055511151231257827}})"
      "\n";
  std::string block;
  while (block.size() < (4u << 20)) block += line;
  const size_t lines_per_block = block.size() / line.size();
  const size_t blocks = (200u << 20) / block.size();
  {
    std::ofstream f(p, std::ios::binary);
    for (size_t i = 0; i < blocks; ++i)
      f.write(block.data(), static_cast<std::streamsize>(block.size()));
  }
  const uint64_t total = static_cast<uint64_t>(block.size()) * blocks;
  auto start = std::chrono::steady_clock::now();
  auto r = RecordReader::Open(p);
  ASSERT_TRUE(r.ok());
  Record rec;
  uint64_t n = 0;
  uint64_t last_line = 0;
  while ((*r)->Next(&rec)) {
    ++n;
    last_line = rec.line;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(n, lines_per_block * blocks);
  EXPECT_EQ(last_line, n);
  EXPECT_EQ((*r)->bytes_read(), total);
  EXPECT_TRUE((*r)->diagnostics().empty());
  EXPECT_EQ((*r)->layout(), Layout::kLines);
  // The window never grew beyond its initial chunk (plus padding).
  EXPECT_LE((*r)->max_buffer_bytes(), (1u << 20) + kRecordPadding);
  std::printf("streamed %.0f MB in %.2f s (%.0f MB/s)\n", total / 1e6, secs, total / 1e6 / secs);
}

}  // namespace
}  // namespace kumo::json
