package kumo.aws.sagemaker.model_network_isolation_test

import rego.v1

import data.kumo.aws.sagemaker.model_network_isolation as control

test_fails_without_isolation if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::SageMaker::Model", "id": "arn:aws:test:us-east-1:111122223333:chat-model", "name": "chat-model", "tags": {}, "config": {"ModelName": "chat-model", "EnableNetworkIsolation": false}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_isolated if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::SageMaker::Model", "id": "arn:aws:test:us-east-1:111122223333:chat-model", "name": "chat-model", "tags": {}, "config": {"ModelName": "chat-model", "EnableNetworkIsolation": true}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
