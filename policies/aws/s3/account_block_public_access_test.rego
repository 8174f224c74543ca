package kumo.aws.s3.account_block_public_access_test

import rego.v1

import data.kumo.aws.s3.account_block_public_access as control

test_fails_partial if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::S3::AccountPublicAccessBlock", "id": "arn:aws:test:global:111122223333:111122223333", "name": "111122223333", "tags": {}, "config": {"blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": false, "restrictPublicBuckets": false}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_all_on if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::S3::AccountPublicAccessBlock", "id": "arn:aws:test:global:111122223333:111122223333", "name": "111122223333", "tags": {}, "config": {"BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": true, "RestrictPublicBuckets": true}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
