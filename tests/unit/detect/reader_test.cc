// Event readers: the JSON Lines fast path must give the same events,
// record numbers and diagnostics as the general json::RecordReader path.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "detect/event_reader.h"

namespace kumo::detect {
namespace {

// Everything a reader produced, as text lines.
std::vector<std::string> ReadAll(const std::string& name, const std::string& bytes, bool fast,
                                 bool from_file = false) {
  std::vector<std::string> out;
  EventReaderOptions o;
  o.line_fast_path = fast;
  o.on_diagnostic = [&](const Diagnostic& d) {
    out.push_back("diag " + d.code + " line=" + std::to_string(d.where.line) + " record=" +
                  std::to_string(d.where.record) + " file=" + d.where.file + " " + d.message);
  };
  std::string path;
  if (from_file) {
    path = (std::filesystem::temp_directory_path() /
            ("kumo_reader_test_" + std::to_string(::getpid()) + "_" + name))
               .string();
    std::ofstream(path, std::ios::binary) << bytes;
  }
  Result<std::unique_ptr<EventReader>> r =
      from_file ? EventReader::Open(path, o) : EventReader::FromBuffer(name, bytes, o);
  EXPECT_TRUE(r.ok());
  if (!r.ok()) return out;
  EvalContext ctx;
  Event ev;
  while ((*r)->Next(ctx, &ev)) {
    std::string name_field;
    simdjson::dom::element e;
    std::string_view s;
    if (GetPath(ev.root, {"eventName"}, &e) && e.get_string().get(s) == simdjson::SUCCESS) {
      name_field = std::string(s);
    }
    out.push_back("event " + std::string(SourceName(ev.source)) + " " + name_field +
                  " t=" + std::to_string(ev.time_ns));
  }
  const ReadStats& st = (*r)->stats();
  out.push_back("stats records=" + std::to_string(st.records) +
                " events=" + std::to_string(st.events) + " skipped=" + std::to_string(st.skipped) +
                " bytes=" + std::to_string(st.bytes));
  if (from_file) {
    std::filesystem::remove(path);
    for (std::string& line : out) {  // name the file as the buffer cases do
      size_t at = line.find(" file=" + path + " ");
      if (at != std::string::npos) line.replace(at + 6, path.size(), name);
    }
  }
  return out;
}

void ExpectSame(const std::string& name, const std::string& bytes) {
  auto slow = ReadAll(name, bytes, false);
  auto fast = ReadAll(name, bytes, true);
  EXPECT_EQ(fast, slow) << "input:\n" << bytes;
  auto fast_file = ReadAll(name, bytes, true, /*from_file=*/true);
  EXPECT_EQ(fast_file, slow) << "input (file):\n" << bytes;
}

const char kCt[] =
    R"({"eventVersion":"1.08","eventTime":"2025-01-02T03:04:05Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser"})";

TEST(EventReaderLines, PlainLinesMatchGeneralPath) {
  std::string in;
  for (int i = 0; i < 5; ++i) in += std::string(kCt) + "\n";
  ExpectSame("a.jsonl", in);
  ExpectSame("a.jsonl", in.substr(0, in.size() - 1));  // no final newline
  auto fast = ReadAll("a.jsonl", in, true);
  ASSERT_EQ(fast.size(), 6u);
  EXPECT_EQ(fast[0], "event aws_cloudtrail CreateUser t=1735787045000000000");
  EXPECT_EQ(fast[5], "stats records=5 events=5 skipped=0 bytes=" + std::to_string(in.size()));
}

TEST(EventReaderLines, OddLinesFallBackWithTheSameNumbers) {
  std::string ct(kCt);
  std::string in;
  in += ct + "\n";
  in += "\n   \n";                                  // blank lines
  in += "{\"eventName\": \"Broken\"\n";             // unterminated
  in += ct + "\r\n";                                // CRLF
  in += "{\"Records\":[" + ct + "," + ct + "]}\n";  // envelope on one line
  in += "[" + ct + ",{\"x\":1}]\n";                 // array on one line
  in += ct + " " + ct + "\n";                       // two values on a line
  in += "42\n";                                     // a scalar record
  in += "{\"eventName\":\"X\",\"eventSource\":\"s\",\"eventTime\":\"bad\"}\n";  // time fallback
  in += "{\"a\":1}\n";                                                          // unrecognized
  in += "}\n";                                                        // unexpected character
  in += "{\"eventName\":\"A\",\"eventSource\":\"s\",\"bad\":tru}\n";  // delimited, bad JSON
  in += "\xEF\xBB\xBF" + ct + "\n";             // BOM in the middle of the file
  in += std::string("{\"k\":\"a\0b\"}\n", 12);  // NUL inside a line
  in += "{\"value\":5," + ct.substr(1) + "\n";  // envelope key that is not an array
  in += ct;                                     // last line, no newline
  auto slow = ReadAll("mixed.jsonl", in, false);
  auto fast = ReadAll("mixed.jsonl", in, true);
  // The time fallback uses the clock; compare without that event's time.
  auto strip = [](std::vector<std::string> v) {
    for (auto& s : v) {
      if (s.rfind("event aws_cloudtrail X t=", 0) == 0) s = "event aws_cloudtrail X t=now";
    }
    return v;
  };
  EXPECT_EQ(strip(fast), strip(slow));
  EXPECT_GT(slow.size(), 15u);
}

TEST(EventReaderLines, DepthLimitMatches) {
  // json::RecordReader rejects nesting deeper than 512; the fast path agrees.
  for (int depth : {510, 511, 512, 513, 600}) {
    std::string v = "1";
    for (int i = 1; i < depth; ++i) v = "[" + v + "]";
    std::string line =
        R"({"eventName":"D","eventSource":"s","eventTime":"2025-01-02T03:04:05Z","deep":)" + v +
        "}";
    ExpectSame("deep.jsonl", line + "\n" + kCt + "\n");
    auto fast = ReadAll("deep.jsonl", line + "\n", true);
    EXPECT_EQ(fast[0].substr(0, depth <= 512 ? 22 : 19),
              depth <= 512 ? "event aws_cloudtrail D" : "diag json_too_deep ")
        << depth;
  }
}

TEST(EventReaderLines, GzipAndBomFilesUseTheGeneralPath) {
  std::string in = "\xEF\xBB\xBF" + std::string(kCt) + "\n" + kCt + "\n";
  ExpectSame("bom.jsonl", in);
  auto fast = ReadAll("bom.jsonl", in, true);
  EXPECT_EQ(fast.back().substr(0, 33), "stats records=2 events=2 skipped=");
}

TEST(EventReaderLines, LongLinesAcrossReadChunks) {
  // Lines longer than the 1 MiB read chunk, and many short ones across
  // chunk boundaries, from a real file.
  std::string big =
      R"({"eventName":"Big","eventSource":"s","eventTime":"2025-01-02T03:04:05Z","pad":")" +
      std::string(3u << 20, 'x') + "\"}";
  std::string in;
  for (int i = 0; i < 3000; ++i) in += std::string(kCt) + "\n";
  in += big + "\n";
  for (int i = 0; i < 3000; ++i) in += std::string(kCt) + "\n";
  auto slow = ReadAll("long.jsonl", in, false);
  auto fast = ReadAll("long.jsonl", in, true, /*from_file=*/true);
  ASSERT_EQ(fast.size(), slow.size());
  for (size_t i = 0; i < fast.size(); ++i) ASSERT_EQ(fast[i], slow[i]) << "item " << i;
  EXPECT_EQ(fast.size(), 6002u);
}

}  // namespace
}  // namespace kumo::detect
