package kumo.aws.efs.encrypted_at_rest_test

import rego.v1

import data.kumo.aws.efs.encrypted_at_rest as control

test_fails_unencrypted if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EFS::FileSystem", "id": "arn:aws:test:us-east-1:111122223333:fs-1", "name": "fs-1", "tags": {}, "config": {"FileSystemId": "fs-1", "Encrypted": false}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_encrypted if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EFS::FileSystem", "id": "arn:aws:test:us-east-1:111122223333:fs-1", "name": "fs-1", "tags": {}, "config": {"FileSystemId": "fs-1", "Encrypted": true, "KmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/x"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_lowercase_shape if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EFS::FileSystem", "id": "arn:aws:test:us-east-1:111122223333:fs-2", "name": "fs-2", "tags": {}, "config": {"encrypted": true}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
