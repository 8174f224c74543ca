package kumo.aws.s3.default_encryption_test

import rego.v1

import data.kumo.aws.s3.default_encryption as control

test_fails_without_sse if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:s3:::payments-legacy-exports", "name": "payments-legacy-exports", "tags": {}, "config": {"name": "payments-legacy-exports", "creationDate": "2024-03-12T09:30:00.000Z"}, "supplementary": {"PublicAccessBlockConfiguration": {"blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": true, "restrictPublicBuckets": true}, "BucketVersioningConfiguration": {"status": "Enabled", "isMfaDeleteEnabled": true}, "BucketPolicy": {"policyText": null}, "BucketLoggingConfiguration": {"destinationBucketName": "access-logs", "logFilePrefix": "payments-legacy-exports/"}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_kms if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:s3:::payments-statements", "name": "payments-statements", "tags": {}, "config": {"name": "payments-statements", "creationDate": "2024-03-12T09:30:00.000Z"}, "supplementary": {"PublicAccessBlockConfiguration": {"blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": true, "restrictPublicBuckets": true}, "BucketVersioningConfiguration": {"status": "Enabled", "isMfaDeleteEnabled": true}, "BucketPolicy": {"policyText": null}, "BucketLoggingConfiguration": {"destinationBucketName": "access-logs", "logFilePrefix": "payments-statements/"}, "ServerSideEncryptionConfiguration": {"rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms"}, "bucketKeyEnabled": true}]}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_sse_s3 if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:s3:::b", "name": "b", "tags": {}, "config": {"name": "b", "creationDate": "2024-03-12T09:30:00.000Z"}, "supplementary": {"PublicAccessBlockConfiguration": {"blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": true, "restrictPublicBuckets": true}, "BucketVersioningConfiguration": {"status": "Enabled", "isMfaDeleteEnabled": true}, "BucketPolicy": {"policyText": null}, "BucketLoggingConfiguration": {"destinationBucketName": "access-logs", "logFilePrefix": "b/"}, "ServerSideEncryptionConfiguration": {"rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "AES256"}, "bucketKeyEnabled": true}]}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
