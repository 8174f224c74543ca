package kumo.aws.s3.block_public_access_test

import rego.v1

import data.kumo.aws.s3.block_public_access as control

test_fails_all_off if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:s3:::payments-public-assets", "name": "payments-public-assets", "tags": {}, "config": {"name": "payments-public-assets", "creationDate": "2024-03-12T09:30:00.000Z"}, "supplementary": {"PublicAccessBlockConfiguration": {"blockPublicAcls": false, "ignorePublicAcls": false, "blockPublicPolicy": false, "restrictPublicBuckets": false}, "BucketVersioningConfiguration": {"status": "Enabled", "isMfaDeleteEnabled": true}, "BucketPolicy": {"policyText": null}, "BucketLoggingConfiguration": {"destinationBucketName": "access-logs", "logFilePrefix": "payments-public-assets/"}, "ServerSideEncryptionConfiguration": {"rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms"}, "bucketKeyEnabled": true}]}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_without_configuration if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:s3:::b", "name": "b", "tags": {}, "config": {"name": "b"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_all_on if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:s3:::payments-statements", "name": "payments-statements", "tags": {}, "config": {"name": "payments-statements", "creationDate": "2024-03-12T09:30:00.000Z"}, "supplementary": {"PublicAccessBlockConfiguration": {"blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": true, "restrictPublicBuckets": true}, "BucketVersioningConfiguration": {"status": "Enabled", "isMfaDeleteEnabled": true}, "BucketPolicy": {"policyText": null}, "BucketLoggingConfiguration": {"destinationBucketName": "access-logs", "logFilePrefix": "payments-statements/"}, "ServerSideEncryptionConfiguration": {"rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms"}, "bucketKeyEnabled": true}]}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
