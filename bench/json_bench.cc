// JSON core benchmarks: ParseJson of an AWS Config item, WriteJson, and
// RecordReader throughput over JSON Lines and an envelope (MB/s). Inputs
// are built in memory here (and written to temp files for the reader); bench/gen_json.py makes
// large files for streaming runs (e.g. a 5 GB file through `kumo`).
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "json/json.h"
#include "json/record_reader.h"

namespace {

// One AWS Config configuration item (S3 bucket), ~1.5 KB, as Config writes it.
std::string ConfigItem(int i) {
  std::string b = "bucket-" + std::to_string(100000000 + i);
  return R"({"version":"1.3","accountId":"123456789012","configurationItemCaptureTime":"2024-05-01T12:00:00.000Z",)"
         R"("configurationItemStatus":"OK","configurationStateId":"1714564800000","arn":"arn:aws:s3:::)" +
         b + R"(","resourceType":"AWS::S3::Bucket","resourceId":")" + b + R"(","resourceName":")" +
         b +
         R"(","awsRegion":"eu-west-1","availabilityZone":"Regional","resourceCreationTime":"2023-01-01T00:00:00.000Z",)"
         R"("tags":{"team":"core","env":"prod","cost-center":"1234"},"relatedEvents":[],"relationships":[],)"
         R"("configuration":{"name":")" +
         b +
         R"(","owner":{"displayName":null,"id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},)"
         R"("creationDate":"2023-01-01T00:00:00.000Z"},"supplementaryConfiguration":{"AccessControlList":)"
         R"("{\"grantSet\":null,\"grantList\":[{\"grantee\":{\"id\":\"aaaa\",\"displayName\":null},\"permission\":\"FullControl\"}],\"owner\":{\"displayName\":null,\"id\":\"aaaa\"},\"isRequesterCharged\":false}",)"
         R"("BucketAccelerateConfiguration":{"status":null},"BucketLoggingConfiguration":{"destinationBucketName":null,"logFilePrefix":null},)"
         R"("BucketPolicy":{"policyText":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowSSLRequestsOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::x\",\"arn:aws:s3:::x/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"},)"
         R"("BucketVersioningConfiguration":{"status":"Enabled","isMfaDeleteEnabled":null},)"
         R"("IsRequesterPaysEnabled":false,"PublicAccessBlockConfiguration":{"blockPublicAcls":true,"ignorePublicAcls":true,"blockPublicPolicy":true,"restrictPublicBuckets":true},)"
         R"("ServerSideEncryptionConfiguration":{"rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"aws:kms","kmsMasterKeyID":null},"bucketKeyEnabled":true}]},)"
         R"("sizeInBytes":12345678901234567890123,"ratio":0.1000000000000000055511151231257827}})";
}

std::string Lines(size_t target_bytes) {
  std::string out;
  for (int i = 0; out.size() < target_bytes; ++i) {
    out += ConfigItem(i);
    out += '\n';
  }
  return out;
}

// Temporary input files, removed when the benchmark exits.
struct TempFiles {
  std::vector<std::string> paths;
  ~TempFiles() {
    for (const auto& p : paths) std::remove(p.c_str());
  }
};
TempFiles g_temp_files;

// Writes `data` to a temporary file and returns its path, so the reader is
// measured the way kumo uses it: read(2) from a file.
std::string TempFile(const std::string& name, const std::string& data) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("kumo_json_bench_" + std::to_string(::getpid()) + "_" + name))
                         .string();
  std::ofstream(path, std::ios::binary)
      .write(data.data(), static_cast<std::streamsize>(data.size()));
  g_temp_files.paths.push_back(path);
  return path;
}

void BM_ParseConfigItem(benchmark::State& state) {
  std::string item = ConfigItem(7);
  for (auto _ : state) {
    auto v = kumo::json::ParseJson(item);
    benchmark::DoNotOptimize(v);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * item.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ParseConfigItem);

void BM_WriteConfigItem(benchmark::State& state) {
  auto v = kumo::json::ParseJson(ConfigItem(7));
  std::string out;
  size_t bytes = 0;
  for (auto _ : state) {
    out.clear();
    kumo::json::WriteJson(*v, &out);
    bytes += out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_WriteConfigItem);

// Boundary scanning only (no parsing): the reader's own cost.
void BM_RecordReaderLines(benchmark::State& state) {
  std::string data = Lines(64u << 20);
  std::string path = TempFile("lines.jsonl", data);
  for (auto _ : state) {
    auto r = kumo::json::RecordReader::Open(path);
    kumo::json::Record rec;
    size_t n = 0;
    while ((*r)->Next(&rec)) ++n;
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * data.size()));
}
BENCHMARK(BM_RecordReaderLines)->Unit(benchmark::kMillisecond);

void BM_RecordReaderEnvelope(benchmark::State& state) {
  std::string lines = Lines(64u << 20);
  std::string data = R"({"fileVersion":"1.0","configurationItems":[)";
  for (char c : lines) data.push_back(c == '\n' ? ',' : c);
  data.back() = ']';
  data += "}";
  kumo::json::RecordReaderOptions opts;
  opts.envelope_keys = {"configurationItems"};
  std::string path = TempFile("snap.json", data);
  for (auto _ : state) {
    auto r = kumo::json::RecordReader::Open(path, opts);
    kumo::json::Record rec;
    size_t n = 0;
    while ((*r)->Next(&rec)) ++n;
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * data.size()));
}
BENCHMARK(BM_RecordReaderEnvelope)->Unit(benchmark::kMillisecond);

// Reader + ParseJson of every record: what loading an inventory costs.
void BM_ReadAndParseLines(benchmark::State& state) {
  std::string data = Lines(32u << 20);
  std::string path = TempFile("parse.jsonl", data);
  for (auto _ : state) {
    auto r = kumo::json::RecordReader::Open(path);
    kumo::json::Record rec;
    size_t n = 0;
    while ((*r)->Next(&rec)) {
      auto v = kumo::json::ParsePaddedJson(rec.text, rec.text.size() + kumo::json::kRecordPadding);
      n += v.ok();
    }
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * data.size()));
}
BENCHMARK(BM_ReadAndParseLines)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
