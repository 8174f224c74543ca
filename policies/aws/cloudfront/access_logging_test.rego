package kumo.aws.cloudfront.access_logging_test

import rego.v1

import data.kumo.aws.cloudfront.access_logging as control

test_fails_without_logging if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::CloudFront::Distribution", "id": "arn:aws:test:global:111122223333:E123", "name": "E123", "tags": {}, "config": {"distributionConfig": {"logging": {"enabled": false, "bucket": ""}}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_logging if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::CloudFront::Distribution", "id": "arn:aws:test:global:111122223333:E123", "name": "E123", "tags": {}, "config": {"distributionConfig": {"logging": {"enabled": true, "bucket": "cf-logs.s3.amazonaws.com", "prefix": "E123/"}}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
