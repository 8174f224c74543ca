package kumo.aws.rds.snapshot_not_public_test

import rego.v1

import data.kumo.aws.rds.snapshot_not_public as control

test_fails_public_snapshot if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::RDS::DBSnapshot", "id": "arn:aws:test:us-east-1:111122223333:snap", "name": "snap", "tags": {}, "config": {"dBSnapshotIdentifier": "snap"}, "supplementary": {"DBSnapshotAttributes": [{"attributeName": "restore", "attributeValues": ["all"]}]}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_shared_with_account if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::RDS::DBSnapshot", "id": "arn:aws:test:us-east-1:111122223333:snap", "name": "snap", "tags": {}, "config": {}, "supplementary": {"DBSnapshotAttributes": [{"attributeName": "restore", "attributeValues": ["444455556666"]}]}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
