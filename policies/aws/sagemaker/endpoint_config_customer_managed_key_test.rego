package kumo.aws.sagemaker.endpoint_config_customer_managed_key_test

import rego.v1

import data.kumo.aws.sagemaker.endpoint_config_customer_managed_key as control

test_fails_without_key if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::SageMaker::EndpointConfig", "id": "arn:aws:test:us-east-1:111122223333:chat-ep", "name": "chat-ep", "tags": {}, "config": {"EndpointConfigName": "chat-ep", "ProductionVariants": []}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_key if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::SageMaker::EndpointConfig", "id": "arn:aws:test:us-east-1:111122223333:chat-ep", "name": "chat-ep", "tags": {}, "config": {"EndpointConfigName": "chat-ep", "KmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/5d1b7e0c"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
