package kumo.aws.rds.cluster_storage_encrypted_test

import rego.v1

import data.kumo.aws.rds.cluster_storage_encrypted as control

test_fails_unencrypted_cluster if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::RDS::DBCluster", "id": "arn:aws:test:us-east-1:111122223333:orders", "name": "orders", "tags": {}, "config": {"dBClusterIdentifier": "orders", "storageEncrypted": false}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_encrypted_cluster if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::RDS::DBCluster", "id": "arn:aws:test:us-east-1:111122223333:orders", "name": "orders", "tags": {}, "config": {"dBClusterIdentifier": "orders", "storageEncrypted": true}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
