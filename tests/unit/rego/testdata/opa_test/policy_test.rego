package kumo.example_test

import data.kumo.example
import rego.v1

test_unencrypted_denied if {
  count(example.deny) == 1 with input as {"type": "AWS::S3::Bucket", "name": "b", "config": {}}
}

test_encrypted_allowed if {
  print("checking encrypted bucket")
  count(example.deny) == 0 with input as {"type": "AWS::S3::Bucket", "name": "b", "config": {"encrypted": true}}
}

mock_now := 5000

test_mocked_time if {
  example.too_old(10) with time.now_ns as mock_now
}

test_expected_failure if {
  print("this one fails on purpose")
  count(example.deny) == 5 with input as {"type": "AWS::S3::Bucket", "name": "b", "config": {}}
}

todo_test_later if false
