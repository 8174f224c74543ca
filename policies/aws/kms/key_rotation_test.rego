package kumo.aws.kms.key_rotation_test

import rego.v1

import data.kumo.aws.kms.key_rotation as control

test_fails_rotation_off if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::KMS::Key", "id": "arn:aws:test:us-east-1:111122223333:7c6b5a49", "name": "7c6b5a49", "tags": {}, "config": {"keyId": "7c6b5a49", "keyManager": "CUSTOMER", "keySpec": "SYMMETRIC_DEFAULT", "keyState": "Enabled", "origin": "AWS_KMS"}, "supplementary": {"KeyRotationStatus": false}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_rotation_string_false if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::KMS::Key", "id": "arn:aws:test:us-east-1:111122223333:k", "name": "k", "tags": {}, "config": {"keyManager": "CUSTOMER", "customerMasterKeySpec": "SYMMETRIC_DEFAULT", "keyState": "Enabled"}, "supplementary": {"KeyRotationStatus": "false"}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_rotation_on if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::KMS::Key", "id": "arn:aws:test:us-east-1:111122223333:0f3e2d1c", "name": "0f3e2d1c", "tags": {}, "config": {"keyManager": "CUSTOMER", "keySpec": "SYMMETRIC_DEFAULT", "keyState": "Enabled", "origin": "AWS_KMS"}, "supplementary": {"KeyRotationStatus": true}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_ignores_aws_managed_keys if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::KMS::Key", "id": "arn:aws:test:us-east-1:111122223333:aws-s3", "name": "aws-s3", "tags": {}, "config": {"keyManager": "AWS", "keySpec": "SYMMETRIC_DEFAULT", "keyState": "Enabled"}, "supplementary": {"KeyRotationStatus": false}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_ignores_asymmetric_keys if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::KMS::Key", "id": "arn:aws:test:us-east-1:111122223333:sign", "name": "sign", "tags": {}, "config": {"keyManager": "CUSTOMER", "keySpec": "RSA_2048", "keyState": "Enabled"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
