package kumo.aws.rds.instance_storage_encrypted_test

import rego.v1

import data.kumo.aws.rds.instance_storage_encrypted as control

test_fails_unencrypted if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::RDS::DBInstance", "id": "arn:aws:rds:us-east-1:111122223333:db:payments-db", "name": "payments-db", "tags": {}, "config": {"dBInstanceIdentifier": "payments-db", "engine": "postgres", "storageEncrypted": false, "kmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/0f3e", "autoMinorVersionUpgrade": true, "publiclyAccessible": false, "multiAZ": true, "backupRetentionPeriod": 7, "dBInstanceStatus": "available"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_encrypted if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::RDS::DBInstance", "id": "arn:aws:rds:us-east-1:111122223333:db:payments-db", "name": "payments-db", "tags": {}, "config": {"dBInstanceIdentifier": "payments-db", "engine": "postgres", "storageEncrypted": true, "kmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/0f3e", "autoMinorVersionUpgrade": true, "publiclyAccessible": false, "multiAZ": true, "backupRetentionPeriod": 7, "dBInstanceStatus": "available"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_cloudformation_shape if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::RDS::DBInstance", "id": "arn:aws:test:us-east-1:111122223333:db", "name": "db", "tags": {}, "config": {"StorageEncrypted": true}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
