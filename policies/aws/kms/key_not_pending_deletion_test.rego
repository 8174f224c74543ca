package kumo.aws.kms.key_not_pending_deletion_test

import rego.v1

import data.kumo.aws.kms.key_not_pending_deletion as control

test_fails_pending_deletion if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::KMS::Key", "id": "arn:aws:test:us-east-1:111122223333:k", "name": "k", "tags": {}, "config": {"keyManager": "CUSTOMER", "keyState": "PendingDeletion", "deletionDate": "2025-07-01T00:00:00Z"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_enabled if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::KMS::Key", "id": "arn:aws:test:us-east-1:111122223333:k", "name": "k", "tags": {}, "config": {"keyManager": "CUSTOMER", "keyState": "Enabled"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
