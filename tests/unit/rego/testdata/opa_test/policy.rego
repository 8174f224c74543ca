package kumo.example

import rego.v1

deny contains msg if {
  input.type == "AWS::S3::Bucket"
  not input.config.encrypted
  msg := sprintf("bucket %s is not encrypted", [input.name])
}

too_old(ts) if time.now_ns() - ts > 1000
