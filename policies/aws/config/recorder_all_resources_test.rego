package kumo.aws.config.recorder_all_resources_test

import rego.v1

import data.kumo.aws.config.recorder_all_resources as control

test_fails_partial_recording if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::Config::ConfigurationRecorder", "id": "arn:aws:test:us-east-1:111122223333:default", "name": "default", "tags": {}, "config": {"name": "default", "recordingGroup": {"allSupported": false, "includeGlobalResourceTypes": true, "resourceTypes": ["AWS::S3::Bucket"]}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
		with data.kumo.resources as {}
}

test_fails_stopped if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::Config::ConfigurationRecorder", "id": "arn:aws:test:us-east-1:111122223333:default", "name": "default", "tags": {}, "config": {"name": "default", "recording": false, "recordingGroup": {"allSupported": true, "includeGlobalResourceTypes": true}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
		with data.kumo.resources as {}
}

test_passes_all_supported if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::Config::ConfigurationRecorder", "id": "arn:aws:test:us-east-1:111122223333:default", "name": "default", "tags": {}, "config": {"name": "default", "recording": true, "recordingGroup": {"allSupported": true, "includeGlobalResourceTypes": true}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
		with data.kumo.resources as {}
}

test_passes_global_in_other_region if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "eu-west-1", "type": "AWS::Config::ConfigurationRecorder", "id": "rec-eu", "name": "default", "tags": {}, "config": {"RecordingGroup": {"AllSupported": true, "IncludeGlobalResourceTypes": false}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
		with data.kumo.resources as {"AWS::Config::ConfigurationRecorder": {"rec-us": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::Config::ConfigurationRecorder", "id": "rec-us", "name": "default", "tags": {}, "config": {"recordingGroup": {"allSupported": true, "includeGlobalResourceTypes": true}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}
