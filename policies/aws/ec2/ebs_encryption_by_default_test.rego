package kumo.aws.ec2.ebs_encryption_by_default_test

import rego.v1

import data.kumo.aws.ec2.ebs_encryption_by_default as control

test_fails_when_off if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::EBSEncryptionByDefault", "id": "arn:aws:test:us-east-1:111122223333:ebs-default-encryption", "name": "ebs-default-encryption", "tags": {}, "config": {"EbsEncryptionByDefault": false}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_when_missing if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::EBSEncryptionByDefault", "id": "arn:aws:test:us-east-1:111122223333:ebs-default-encryption", "name": "ebs-default-encryption", "tags": {}, "config": {}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_when_on if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::EBSEncryptionByDefault", "id": "arn:aws:test:us-east-1:111122223333:ebs-default-encryption", "name": "ebs-default-encryption", "tags": {}, "config": {"EbsEncryptionByDefault": true}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
