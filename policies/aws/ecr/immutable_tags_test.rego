package kumo.aws.ecr.immutable_tags_test

import rego.v1

import data.kumo.aws.ecr.immutable_tags as control

test_fails_mutable if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::ECR::Repository", "id": "arn:aws:test:us-east-1:111122223333:model-server", "name": "model-server", "tags": {}, "config": {"repositoryName": "model-server", "imageTagMutability": "MUTABLE"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_immutable if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::ECR::Repository", "id": "arn:aws:test:us-east-1:111122223333:model-server", "name": "model-server", "tags": {}, "config": {"repositoryName": "model-server", "imageTagMutability": "IMMUTABLE"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
