package kumo.aws.securityhub.enabled_in_all_regions_test

import rego.v1

import data.kumo.aws.securityhub.enabled_in_all_regions as control

test_fails_region_without_hub if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {"AWS::S3::Bucket": {"arn:aws:test:eu-west-1:111122223333:b": {"provider": "aws", "account": "111122223333", "region": "eu-west-1", "type": "AWS::S3::Bucket", "id": "arn:aws:test:eu-west-1:111122223333:b", "name": "b", "tags": {}, "config": {}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}, "AWS::SecurityHub::Hub": {"arn:aws:test:us-east-1:111122223333:default": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::SecurityHub::Hub", "id": "arn:aws:test:us-east-1:111122223333:default", "name": "default", "tags": {}, "config": {"HubArn": "arn:aws:securityhub:us-east-1:111122223333:hub/default"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}

test_not_judged_without_hub_records if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {"AWS::S3::Bucket": {"arn:aws:test:us-east-1:111122223333:b": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:test:us-east-1:111122223333:b", "name": "b", "tags": {}, "config": {}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}

test_passes_with_hub if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {"AWS::S3::Bucket": {"arn:aws:test:us-east-1:111122223333:b": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:test:us-east-1:111122223333:b", "name": "b", "tags": {}, "config": {}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}, "AWS::SecurityHub::Hub": {"arn:aws:test:us-east-1:111122223333:default": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::SecurityHub::Hub", "id": "arn:aws:test:us-east-1:111122223333:default", "name": "default", "tags": {}, "config": {"HubArn": "arn:aws:securityhub:us-east-1:111122223333:hub/default", "SubscribedAt": "2024-01-01T00:00:00Z"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}

test_passes_empty_inventory if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {}
}
