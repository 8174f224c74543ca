package kumo.aws.secretsmanager.rotation_enabled_test

import rego.v1

import data.kumo.aws.secretsmanager.rotation_enabled as control

test_fails_without_rotation if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::SecretsManager::Secret", "id": "arn:aws:test:us-east-1:111122223333:db-password", "name": "db-password", "tags": {}, "config": {"name": "db-password", "rotationEnabled": false}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_rotation if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::SecretsManager::Secret", "id": "arn:aws:test:us-east-1:111122223333:db-password", "name": "db-password", "tags": {}, "config": {"name": "db-password", "rotationEnabled": true, "rotationRules": {"automaticallyAfterDays": 30}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
