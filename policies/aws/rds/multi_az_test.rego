package kumo.aws.rds.multi_az_test

import rego.v1

import data.kumo.aws.rds.multi_az as control

test_fails_single_az if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::RDS::DBInstance", "id": "arn:aws:rds:us-east-1:111122223333:db:payments-db", "name": "payments-db", "tags": {}, "config": {"dBInstanceIdentifier": "payments-db", "engine": "postgres", "storageEncrypted": true, "kmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/0f3e", "autoMinorVersionUpgrade": true, "publiclyAccessible": false, "multiAZ": false, "backupRetentionPeriod": 7, "dBInstanceStatus": "available"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_multi_az if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::RDS::DBInstance", "id": "arn:aws:rds:us-east-1:111122223333:db:payments-db", "name": "payments-db", "tags": {}, "config": {"dBInstanceIdentifier": "payments-db", "engine": "postgres", "storageEncrypted": true, "kmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/0f3e", "autoMinorVersionUpgrade": true, "publiclyAccessible": false, "multiAZ": true, "backupRetentionPeriod": 7, "dBInstanceStatus": "available"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
