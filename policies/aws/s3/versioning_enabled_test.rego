package kumo.aws.s3.versioning_enabled_test

import rego.v1

import data.kumo.aws.s3.versioning_enabled as control

test_fails_versioning_off if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:s3:::payments-legacy-exports", "name": "payments-legacy-exports", "tags": {}, "config": {"name": "payments-legacy-exports", "creationDate": "2024-03-12T09:30:00.000Z"}, "supplementary": {"PublicAccessBlockConfiguration": {"blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": true, "restrictPublicBuckets": true}, "BucketVersioningConfiguration": {"status": "Off", "isMfaDeleteEnabled": null}, "BucketPolicy": {"policyText": null}, "BucketLoggingConfiguration": {"destinationBucketName": "access-logs", "logFilePrefix": "payments-legacy-exports/"}, "ServerSideEncryptionConfiguration": {"rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms"}, "bucketKeyEnabled": true}]}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_suspended if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:s3:::b", "name": "b", "tags": {}, "config": {"name": "b", "creationDate": "2024-03-12T09:30:00.000Z"}, "supplementary": {"PublicAccessBlockConfiguration": {"blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": true, "restrictPublicBuckets": true}, "BucketVersioningConfiguration": {"status": "Suspended", "isMfaDeleteEnabled": null}, "BucketPolicy": {"policyText": null}, "BucketLoggingConfiguration": {"destinationBucketName": "access-logs", "logFilePrefix": "b/"}, "ServerSideEncryptionConfiguration": {"rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms"}, "bucketKeyEnabled": true}]}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_enabled if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:s3:::payments-statements", "name": "payments-statements", "tags": {}, "config": {"name": "payments-statements", "creationDate": "2024-03-12T09:30:00.000Z"}, "supplementary": {"PublicAccessBlockConfiguration": {"blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": true, "restrictPublicBuckets": true}, "BucketVersioningConfiguration": {"status": "Enabled", "isMfaDeleteEnabled": true}, "BucketPolicy": {"policyText": null}, "BucketLoggingConfiguration": {"destinationBucketName": "access-logs", "logFilePrefix": "payments-statements/"}, "ServerSideEncryptionConfiguration": {"rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms"}, "bucketKeyEnabled": true}]}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
