#include "store/synthetic.h"

#include <cstdio>

namespace kumo::store {

SyntheticScan MakeSyntheticScan(const SyntheticScanOptions& options) {
  SyntheticScan s;
  s.findings.reserve(options.findings);
  const Value evidence =
      Value::Object({{Value::String("public_access_block"), Value::Bool(false)}});
  char control[32];
  for (size_t i = 0; i < options.findings; ++i) {
    std::snprintf(control, sizeof control, "KUMO-SYN-%03zu", i % 100);
    Finding f;
    f.control_id = control;
    f.control_title = "Synthetic bucket check";
    f.resource_id = "arn:aws:s3:::" + options.account + "-bucket-" + std::to_string(i);
    f.resource_type = "AWS::S3::Bucket";
    f.provider = Provider::kAws;
    f.account = options.account;
    f.region = "eu-west-1";
    const bool passes =
        options.generation > 0 && static_cast<int>(i % 100) == (options.generation - 1) % 100;
    f.status = passes ? FindingStatus::kPass : FindingStatus::kFail;
    f.severity = static_cast<Severity5>(i % 5);
    f.message = "bucket " + std::to_string(i) + " allows public access";
    f.evidence = evidence;
    f.product = "product-" + std::to_string(i % 20);
    f.frameworks = {"cis-aws-7.0:2.1.4"};
    f.remediation = "docs/kaizen/KUMO-SYN.md";
    s.findings.push_back(std::move(f));
  }
  s.scope.accounts = {{"aws", options.account}};
  s.scope.resource_types = {"AWS::S3::Bucket"};
  for (int c = 0; c < 100; ++c) {
    std::snprintf(control, sizeof control, "KUMO-SYN-%03d", c);
    s.scope.controls.push_back(control);
  }
  return s;
}

ScanInput SyntheticScan::Input(int64_t now) const {
  ScanInput in;
  in.started_at = now;
  in.finished_at = now;
  in.scope = scope;
  in.inputs = {"synthetic"};
  in.control_set = scope.controls;
  in.findings = findings;
  return in;
}

}  // namespace kumo::store
