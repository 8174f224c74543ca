package kumo.aws.ecr.scan_on_push_test

import rego.v1

import data.kumo.aws.ecr.scan_on_push as control

test_fails_without_scanning if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::ECR::Repository", "id": "arn:aws:test:us-east-1:111122223333:app", "name": "app", "tags": {}, "config": {"repositoryName": "app", "imageScanningConfiguration": {"scanOnPush": false}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_scanning if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::ECR::Repository", "id": "arn:aws:test:us-east-1:111122223333:app", "name": "app", "tags": {}, "config": {"RepositoryName": "app", "ImageScanningConfiguration": {"ScanOnPush": true}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
