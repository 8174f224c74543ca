package kumo.aws.accessanalyzer.enabled_in_all_regions_test

import rego.v1

import data.kumo.aws.accessanalyzer.enabled_in_all_regions as control

test_fails_region_without_analyzer if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {"AWS::S3::Bucket": {"arn:aws:test:us-east-1:111122223333:b": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:test:us-east-1:111122223333:b", "name": "b", "tags": {}, "config": {}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}, "AWS::IAM::User": {"arn:aws:test:global:111122223333:u": {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::User", "id": "arn:aws:test:global:111122223333:u", "name": "u", "tags": {}, "config": {}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}

test_passes_with_analyzer if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {"AWS::S3::Bucket": {"arn:aws:test:us-east-1:111122223333:b": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:test:us-east-1:111122223333:b", "name": "b", "tags": {}, "config": {}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}, "AWS::AccessAnalyzer::Analyzer": {"arn:aws:test:us-east-1:111122223333:external": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::AccessAnalyzer::Analyzer", "id": "arn:aws:test:us-east-1:111122223333:external", "name": "external", "tags": {}, "config": {"AnalyzerName": "external", "Type": "ACCOUNT"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}

test_fails_disabled_analyzer if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {"AWS::S3::Bucket": {"arn:aws:test:us-east-1:111122223333:b": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:test:us-east-1:111122223333:b", "name": "b", "tags": {}, "config": {}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}, "AWS::AccessAnalyzer::Analyzer": {"arn:aws:test:us-east-1:111122223333:external": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::AccessAnalyzer::Analyzer", "id": "arn:aws:test:us-east-1:111122223333:external", "name": "external", "tags": {}, "config": {"status": "DISABLED"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}

test_passes_empty_inventory if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {}
}
