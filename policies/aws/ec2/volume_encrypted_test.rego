package kumo.aws.ec2.volume_encrypted_test

import rego.v1

import data.kumo.aws.ec2.volume_encrypted as control

test_fails_unencrypted if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::Volume", "id": "arn:aws:test:us-east-1:111122223333:vol-1", "name": "vol-1", "tags": {}, "config": {"volumeId": "vol-1", "encrypted": false, "size": 8}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_encrypted if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::Volume", "id": "arn:aws:test:us-east-1:111122223333:vol-1", "name": "vol-1", "tags": {}, "config": {"volumeId": "vol-1", "encrypted": true, "kmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/x"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
