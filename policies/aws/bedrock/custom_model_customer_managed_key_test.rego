package kumo.aws.bedrock.custom_model_customer_managed_key_test

import rego.v1

import data.kumo.aws.bedrock.custom_model_customer_managed_key as control

test_fails_without_key if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::Bedrock::CustomModel", "id": "arn:aws:test:us-east-1:111122223333:claims-ft", "name": "claims-ft", "tags": {}, "config": {"modelName": "claims-ft", "baseModelArn": "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_key if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::Bedrock::CustomModel", "id": "arn:aws:test:us-east-1:111122223333:claims-ft", "name": "claims-ft", "tags": {}, "config": {"modelName": "claims-ft", "modelKmsKeyArn": "arn:aws:kms:us-east-1:111122223333:key/5d1b7e0c-3f2a-4c6e-9b8d-7a6f5e4d3c2b"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
